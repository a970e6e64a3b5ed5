/** How much sun the client's scalp gets (the plan's `aftercare.sunExposure`); the ageing model's input. */
export const SUN_EXPOSURES = ['low', 'moderate', 'high'] as const;
export type SunExposure = (typeof SUN_EXPOSURES)[number];
