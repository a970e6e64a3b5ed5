/** Lighting presets: how the head is lit. Harsh overhead light is included because it reveals scalp shine. */
export const LIGHTING_NAMES = ['clinic', 'overhead', 'daylight'] as const;
export type LightingName = (typeof LIGHTING_NAMES)[number];

export const LIGHTING_LABELS: Record<LightingName, { label: string; hint: string }> = {
  clinic: { label: 'Clinic', hint: 'Soft, even consultation-room light' },
  overhead: { label: 'Overhead', hint: 'Harsh light from above that shows scalp shine' },
  daylight: { label: 'Daylight', hint: 'Outdoor sun and sky' },
};

export function isLightingName(value: unknown): value is LightingName {
  return typeof value === 'string' && (LIGHTING_NAMES as readonly string[]).includes(value);
}
