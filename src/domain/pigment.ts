/**
 * Pigment shades. SMP uses carbon black diluted with water, so every shade is a near-neutral grey; the
 * practitioner matches it to the client's hair colour (domain notes). Values are sRGB as seen healed.
 */
import { linearToHex, relativeLuminance } from './color';

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

/**
 * The diluted-black shade that matches a hair colour: a neutral, faintly warm grey of the hair's luminance.
 * Pigment under the skin never shows the hair's hue (carbon is black); only how dark it is can match.
 * Shades darker than undiluted black are not possible, so the result is never darker than it.
 */
export function pigmentForHair(hairColor: string): string {
  const y = Math.max(relativeLuminance(hairColor), relativeLuminance(PIGMENT_PRESETS[0].color));
  return linearToHex([1.04, 1.0, 0.95].map((warm) => y * warm));
}
