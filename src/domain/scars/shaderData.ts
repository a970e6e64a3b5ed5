/**
 * The placed scars as shaders/scars.glsl reads them: fixed-size arrays of MAX_SCARS slots (a plan edit
 * rewrites their contents, never their size, so no shader is recompiled) and one row of FUT_POINTS
 * centreline points per slot for FUT scars (a small float texture: 12 × 64 points would take more uniform
 * vectors than WebGL2 guarantees a fragment shader, 224, alongside three.js's lights).
 */
import { FUT_POINTS } from './fut';
import type { PlacedScar } from './scarMap';
import { MAX_SCARS } from './scars';
import type { ScarSurface } from './surface';
import { scarAxis } from './surface';

/** Kind codes the shader branches on. */
export const SCAR_KIND_CODES = { fut: 1, fue: 2, freeform: 3 } as const;

export interface ScarShaderData {
  count: number;
  /** MAX_SCARS vec4s each: see scars.glsl for what each component holds by kind. */
  info: Float32Array;
  shape: Float32Array;
  extra: Float32Array;
  /** FUT_POINTS × MAX_SCARS texels of (x, y, z, half-width). */
  futPoints: Float32Array;
  axis: { x: number; z: number };
}

export function scarShaderData(placed: readonly PlacedScar[], surface: ScarSurface): ScarShaderData {
  const info = new Float32Array(4 * MAX_SCARS);
  const shape = new Float32Array(4 * MAX_SCARS);
  const extra = new Float32Array(4 * MAX_SCARS);
  const futPoints = new Float32Array(4 * FUT_POINTS * MAX_SCARS);
  const count = Math.min(MAX_SCARS, placed.length);
  for (let i = 0; i < count; i++) {
    const { scar, shape: s } = placed[i]!;
    const o = 4 * i;
    info.set([SCAR_KIND_CODES[s.kind], scar.uptake], o);
    if (s.kind === 'fut') {
      info.set([s.angle0, s.angleStep], o + 2);
      shape.set([s.yMin, s.yMax, s.halfWidthMax, s.window], o);
      s.points.forEach((p, k) => futPoints.set([p[0], p[1], p[2], s.halfWidths[k]!], 4 * (i * FUT_POINTS + k)));
    } else if (s.kind === 'fue') {
      info.set([s.yCenter, s.halfHeight], o + 2);
      shape.set([s.maxAngle, s.cellMm, s.rankThreshold, s.seed], o);
      extra.set([s.radiusMm, s.spacingMm, s.meanFraction], o);
    } else {
      // No painting yet: a sphere nothing is inside.
      shape.set(s.bounds ? [...s.bounds.center, s.bounds.radius] : [0, 0, 0, -1], o);
    }
  }
  return { count, info, shape, extra, futPoints, axis: scarAxis(surface.landmarks) };
}
