/**
 * The first weeks after a session: how the treated scalp looks on a given day, so clients are ready for it.
 *
 * From the domain notes: an impression is larger fresh than healed, and scabs in the first days are larger
 * and darker, then fall off (the "panic phase" after session 1). The rest are modelled assumptions, from
 * practitioners' aftercare accounts rather than measurements:
 * - Redness (erythema) around the treated area is strongest on the day, halves in about a day and is gone by
 *   day 3–5 (e-folding time REDNESS_DAYS).
 * - Each impression scabs over days 0–2; a scab is about 1.3–1.6× the impression (SCAB_SCALE at its
 *   fullest) and darker, sitting on the surface rather than under the skin. Scabs are shed over days 5–9.
 * - Once shed, the new skin over the pigment is cloudy, so the dots look lighter than they finally will
 *   (PANIC_LIGHTENING at most, from day 9); it clears by day 28, when the scalp looks healed.
 */
import type { Plan } from './plan';

/** The days the preview offers after a session. */
export const HEALING_DAYS = [0, 1, 3, 7, 14, 28] as const;
/** From this day on the scalp looks healed. */
export const HEALED_DAY = 28;

/** Days for the redness to fall to 1/e of its first day's. */
const REDNESS_DAYS = 1.6;
/** A full scab's diameter over the impression's. */
const SCAB_SCALE = 1.45;
/** A scab's darkening over the healed impression's (its ink on the surface, and the dried blood). */
const SCAB_DARKENING = 1.6;
/** How deep a scab's pigment sits (mm): on the surface; the shallowest depth the appearance model has. */
const SCAB_DEPTH_MM = 0.1;
/** The share of the dots' darkening the cloudy new skin hides in the panic phase, at most. */
const PANIC_LIGHTENING = 0.35;

const smoothstep = (a: number, b: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
};

export interface HealingState {
  /** Redness around the treated area, 0 (none) .. 1 (the day of the session). */
  redness: number;
  /** How much of a full scab each impression carries, 0..1. */
  scab: number;
  /** The share of the dots' darkening hidden by the cloudy new skin, 0..PANIC_LIGHTENING. */
  lightening: number;
}

/** The look of the treated scalp `day` days after a session (clamped to 0..HEALED_DAY; HEALED_DAY: healed). */
export function healingState(day: number): HealingState {
  const d = Math.min(HEALED_DAY, Math.max(0, Number.isFinite(day) ? day : HEALED_DAY));
  if (d >= HEALED_DAY) return { redness: 0, scab: 0, lightening: 0 };
  const forming = 0.6 + 0.4 * smoothstep(0, 2, d);
  const shed = smoothstep(5, 9, d);
  return {
    redness: Math.exp(-d / REDNESS_DAYS),
    scab: forming * (1 - shed),
    lightening: PANIC_LIGHTENING * shed * (1 - smoothstep(9, HEALED_DAY, d)),
  };
}

/**
 * The impressions as they look `day` days after a session: scabbed ones larger, darker and on the surface,
 * then lighter once the scabs are shed. Healed (HEALED_DAY on) they are the plan's own.
 */
export function healingDots(dots: Plan['dots'], day: number): Plan['dots'] {
  const { scab, lightening } = healingState(day);
  if (scab === 0 && lightening === 0) return { ...dots };
  return {
    ...dots,
    diameterMm: dots.diameterMm * (1 + (SCAB_SCALE - 1) * scab),
    depthMm: dots.depthMm + (SCAB_DEPTH_MM - dots.depthMm) * scab,
    // Above 1: a scab holds more than the ink left in the skin once healed.
    opacity: dots.opacity * (1 + (SCAB_DARKENING - 1) * scab) * (1 - lightening),
  };
}
