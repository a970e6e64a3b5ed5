/**
 * Pigment shades. SMP uses carbon black diluted with water, so every shade is a near-neutral grey; the
 * practitioner matches it to the client's hair colour (domain notes). Values are sRGB as seen healed.
 */
export const PIGMENT_PRESETS = [
  { id: 'black', label: 'Black (undiluted)', color: '#1c1a19' },
  { id: 'dark', label: 'Dark grey', color: '#2e2a28' },
  { id: 'charcoal', label: 'Charcoal', color: '#403b38' },
  { id: 'medium', label: 'Medium grey', color: '#57514d' },
  { id: 'light', label: 'Light grey', color: '#726b66' },
] as const;

/** Hair colours a client may have (used for "match hair colour" and, later, the client's remaining hair). */
export const HAIR_COLOR_PRESETS = [
  { id: 'black', label: 'Black', color: '#1b1816' },
  { id: 'dark-brown', label: 'Dark brown', color: '#3b2c22' },
  { id: 'brown', label: 'Brown', color: '#5a4030' },
  { id: 'light-brown', label: 'Light brown', color: '#7d5f45' },
  { id: 'grey', label: 'Grey', color: '#8e8b88' },
  { id: 'blond', label: 'Blond', color: '#a88a62' },
] as const;

const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toSrgb = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

/** Relative luminance (0..1) of an sRGB `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  return 0.2126 * toLinear(channel(hex, 0)) + 0.7152 * toLinear(channel(hex, 1)) + 0.0722 * toLinear(channel(hex, 2));
}

/**
 * The diluted-black shade that matches a hair colour: a neutral, faintly warm grey of the hair's luminance.
 * Pigment under the skin never shows the hair's hue (carbon is black); only how dark it is can match.
 * Shades darker than undiluted black are not possible, so the result is never darker than it.
 */
export function pigmentForHair(hairColor: string): string {
  const y = Math.max(relativeLuminance(hairColor), relativeLuminance(PIGMENT_PRESETS[0].color));
  const warm = [1.04, 1.0, 0.95];
  return `#${warm.map((w) => Math.round(Math.min(1, toSrgb(Math.min(1, y * w))) * 255).toString(16).padStart(2, '0')).join('')}`;
}
