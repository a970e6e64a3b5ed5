/**
 * A plan at the schema's largest, without a head (points are placed in the head frame by formula): the
 * longest texts, 200 hairline points, 4 sessions, 300 strokes in each painted map, 12 freeform scars with
 * strokes, and the plan's limit of 20,000 brush points in all. What an edit must not cost in proportion to.
 */
import { MAX_STROKES, type BrushStroke } from '../../src/domain/brush';
import type { Vec3 } from '../../src/domain/head/landmarks';
import { MAX_PLAN_STROKE_POINTS, MAX_SESSIONS, parsePlan, strokePointCount, type Plan } from '../../src/domain/plan';
import { MAX_SCARS } from '../../src/domain/scars/scars';

const SCAR_STROKES = 10;

/** `count` strokes of `points` points each, spread over the scalp (full-precision coordinates). */
function strokes(count: number, points: number, seed: number): BrushStroke[] {
  return Array.from({ length: count }, (_, s) => ({
    mode: s % 3 === 2 ? 'down' : 'up',
    radiusMm: 10,
    softness: 0.5,
    amount: 0.25,
    points: Array.from({ length: points }, (_, i): Vec3 => [Math.sin(seed + s + i) * 80, 100 + Math.cos(seed * i) * 20, ((i * 3.7 + s) % 150) - 75]),
  }));
}

export function largestPlan(): Plan {
  const scarPoints = 16;
  const perHairStroke = 20;
  const perDensityStroke = Math.floor((MAX_PLAN_STROKE_POINTS - MAX_SCARS * SCAR_STROKES * scarPoints - MAX_STROKES * perHairStroke) / MAX_STROKES);
  const plan = parsePlan({
    client: { name: 'N'.repeat(120), date: '2026-11-23', notes: 'n'.repeat(4000) },
    hairline: { points: Array.from({ length: 200 }, (_, i) => [Math.cos(i / 32) * 80, 120, Math.sin(i / 32) * 90]) },
    sessions: Array.from({ length: MAX_SESSIONS }, () => ({ densityShare: 0.25, shadeStrength: 0.8 })),
    density: { strokes: strokes(MAX_STROKES, perDensityStroke, 1) },
    hairLoss: { pattern: 'norwood-3', strokes: strokes(MAX_STROKES, perHairStroke, 2) },
    scars: Array.from({ length: MAX_SCARS }, (_, i) => ({ id: `scar-${i}`, kind: 'freeform', uptake: 0.5, strokes: strokes(SCAR_STROKES, scarPoints, 3 + i) })),
  });
  if (MAX_PLAN_STROKE_POINTS - strokePointCount(plan) >= MAX_STROKES) throw new Error('The largest plan should hold (nearly) the most brush points a plan may');
  return plan;
}
