/**
 * Lighting presets: how the head is lit. Harsh overhead light is included because it reveals scalp shine.
 * Their names are in the interface's catalogue (app `lighting.<name>`).
 */
export const LIGHTING_NAMES = ['clinic', 'overhead', 'daylight'] as const;
export type LightingName = (typeof LIGHTING_NAMES)[number];

export function isLightingName(value: unknown): value is LightingName {
  return typeof value === 'string' && (LIGHTING_NAMES as readonly string[]).includes(value);
}
