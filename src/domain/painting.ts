/**
 * Painting on the plan: which stroke list a brush writes to, and how a drag becomes stroke points.
 */
import { MAX_STROKE_POINTS, MAX_STROKES, roundPoint, type BrushMode, type BrushStroke } from './brush';
import { distance, type Vec3 } from './head/landmarks';
import type { Plan } from './plan';

/** What a brush paints: the density map, the client's hair, or a freeform scar (by its id). */
export type BrushTarget = { map: 'density' } | { map: 'hair' } | { map: 'scar'; scarId: string };

export interface BrushSettings {
  mode: BrushMode;
  radiusMm: number;
  softness: number;
  amount: number;
}

/** The stroke list a target paints into, inside `plan` (a draft to edit); null if the scar is gone. */
export function strokesFor(plan: Plan, target: BrushTarget): BrushStroke[] | null {
  if (target.map === 'density') return plan.density.strokes;
  if (target.map === 'hair') return plan.hairLoss.strokes;
  const scar = plan.scars.find((s) => s.id === target.scarId);
  return scar?.kind === 'freeform' ? scar.strokes : null;
}

/**
 * Spacing between recorded stroke points: a fifth of the radius (the painted edge stays smooth), at least
 * half a millimetre (finer adds points, not precision).
 */
export function pointSpacingMm(radiusMm: number): number {
  return Math.max(0.5, radiusMm / 5);
}

/** Starts a stroke at `point`; returns an error message instead when the map holds no more strokes. */
export function beginStroke(strokes: BrushStroke[], settings: BrushSettings, point: Vec3): string | null {
  if (strokes.length >= MAX_STROKES) return `This map already has ${MAX_STROKES} strokes, the most a plan keeps. Erase or clear some painting first.`;
  strokes.push({ ...settings, points: [roundPoint(point)] });
  return null;
}

/**
 * Extends the last stroke to `point` if it has moved far enough from the last recorded point. A stroke
 * that is full continues as a new stroke with the same settings. Returns whether anything was added.
 */
export function extendStroke(strokes: BrushStroke[], point: Vec3): boolean {
  const stroke = strokes.at(-1);
  if (!stroke) return false;
  const last = stroke.points.at(-1)!;
  if (distance(last, point) < pointSpacingMm(stroke.radiusMm)) return false;
  if (stroke.points.length < MAX_STROKE_POINTS) {
    stroke.points.push(roundPoint(point));
    return true;
  }
  if (strokes.length >= MAX_STROKES) return false;
  strokes.push({ ...stroke, points: [last, roundPoint(point)] });
  return true;
}
