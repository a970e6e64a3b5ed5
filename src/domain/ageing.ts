/**
 * Ageing: how the healed SMP looks years after treatment. The domain notes give the facts: pigment fades,
 * mainly from UV; it may blur or turn bluish; touch-ups come every ~3–6 years (sources range 2–8).
 *
 * The model, kept deliberately simple and documented in the README:
 * - Fading: the ink's contrast decays exponentially, `exp(-years / τ)`. τ is set by sun exposure so that
 *   contrast is down to TOUCH_UP_CONTRAST exactly when the notes' touch-up interval is due: 6 years with
 *   little sun, 4.5 with some, 3 with a lot.
 * - Blur: ink spreads in the dermis: the dot edge softens towards fully soft with an 8-year time constant
 *   (at most 60% of the way), and dots grow 1.5% a year.
 * - Depth: macrophages carry pigment deeper into the dermis; deposits sink up to DEPTH_DRIFT_MM with the
 *   same 8-year time constant. The blue-grey cast of aged SMP is not painted on: a deeper, fainter deposit
 *   seen through more skin is bluer by the skin's own per-channel transport (src/domain/dots/kernel.ts).
 */
import type { Plan } from './plan';
import type { SunExposure } from './sunExposure';

/** Sun exposure in plain words: a choice's label, its explanation, and how a sentence says it. */
export const SUN_EXPOSURE_LABELS: Record<SunExposure, { label: string; hint: string; phrase: string }> = {
  low: { label: 'Little sun', hint: 'Mostly indoors, or always covered / SPF 50', phrase: 'little sun' },
  moderate: { label: 'Some sun', hint: 'Ordinary outdoor life with some protection', phrase: 'some sun' },
  high: { label: 'A lot of sun', hint: 'Works or trains outdoors, rarely covered', phrase: 'a lot of sun' },
};

export const MAX_AGE_YEARS = 10;
/** Touch-up intervals (years) by sun exposure: the notes' 3–6 years. */
export const TOUCH_UP_YEARS: Record<SunExposure, number> = { low: 6, moderate: 4.5, high: 3 };
/** Share of the fresh ink contrast left when a touch-up is due (the dots look clearly lighter). */
export const TOUCH_UP_CONTRAST = 0.75;
const BLUR_TIME_YEARS = 8;
const BLUR_MAX = 0.6;
const SPREAD_PER_YEAR = 0.015;
/** How far (mm) deposits sink at most over the years; the deepest a plan allows is 1 mm. */
const DEPTH_DRIFT_MM = 0.2;
const MAX_DEPTH_MM = 1;

/** Fading time constant τ (years) for a sun exposure. */
export function fadeTimeConstant(exposure: SunExposure): number {
  return TOUCH_UP_YEARS[exposure] / Math.log(1 / TOUCH_UP_CONTRAST);
}

/** Share (0..1) of the fresh ink contrast left after `years`. */
export function contrastLeft(years: number, exposure: SunExposure): number {
  return Math.exp(-Math.max(0, years) / fadeTimeConstant(exposure));
}

/** The dots as they look `years` after treatment (0: freshly healed, the plan itself). */
export function agedDots(dots: Plan['dots'], years: number, exposure: SunExposure): Plan['dots'] {
  const t = Math.min(MAX_AGE_YEARS, Math.max(0, years));
  if (t === 0) return { ...dots };
  const left = contrastLeft(t, exposure);
  const blur = BLUR_MAX * (1 - Math.exp(-t / BLUR_TIME_YEARS));
  return {
    ...dots,
    opacity: dots.opacity * left,
    softness: dots.softness + (1 - dots.softness) * blur,
    diameterMm: dots.diameterMm * (1 + SPREAD_PER_YEAR * t),
    depthMm: Math.min(MAX_DEPTH_MM, dots.depthMm + DEPTH_DRIFT_MM * (1 - Math.exp(-t / BLUR_TIME_YEARS))),
  };
}

/** When a touch-up is due (years after treatment) for a sun exposure. */
export function touchUpYears(exposure: SunExposure): number {
  return TOUCH_UP_YEARS[exposure];
}
