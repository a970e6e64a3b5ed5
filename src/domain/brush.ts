/**
 * Painting on the scalp: a brush stroke is the path of the brush over the skin (head-frame mm) with its
 * radius, soft edge and strength. Painted maps (density, hair) are stored as their strokes, not as pixels
 * or vertices: that keeps the plan small, exact to a fraction of a millimetre, independent of the head's
 * mesh (a stroke lands in the same place on the default head and on a re-meshed scan), and each stroke
 * is one undo step.
 */
import { defaultsOf, type ObjectField, type NumberField } from './schema';
import type { Vec3 } from './head/landmarks';
import { distanceToSegment } from './geometry/vec3';

export const BRUSH_MODES = ['up', 'down', 'erase'] as const;
/** `up` adds, `down` takes away, `erase` removes earlier painting under the brush. */
export type BrushMode = (typeof BRUSH_MODES)[number];

export interface BrushStroke {
  mode: BrushMode;
  radiusMm: number;
  /** 0: a hard edge; 1: the strength falls off smoothly from the centre to the rim. */
  softness: number;
  /** How much one pass changes the map at the brush centre (0–1 of the map's full range). */
  amount: number;
  points: Vec3[];
}

const num = (f: Omit<NumberField, 'kind'>): NumberField => ({ kind: 'number', ...f });

/** Most points one stroke keeps; a longer drag becomes several strokes (each its own undo step). */
export const MAX_STROKE_POINTS = 400;
/** Most strokes one painted map keeps. */
export const MAX_STROKES = 300;

export const BRUSH_FIELDS = {
  mode: { kind: 'enum', default: 'up', values: BRUSH_MODES, label: 'Brush' },
  radiusMm: num({ default: 10, min: 1, max: 60, step: 0.5, unit: 'mm', label: 'Brush radius' }),
  softness: num({ default: 0.5, min: 0, max: 1, step: 0.05, unit: '', label: 'Soft edge' }),
  amount: num({ default: 0.25, min: 0.05, max: 1, step: 0.05, unit: '', label: 'Strength' }),
  points: { kind: 'points', maxPoints: MAX_STROKE_POINTS, maxAbsMm: 400, label: 'Stroke path' },
} as const;

export const STROKE_SCHEMA: ObjectField = { kind: 'object', fields: BRUSH_FIELDS };

export function defaultStroke(): BrushStroke {
  return defaultsOf(STROKE_SCHEMA) as BrushStroke;
}

/** Stroke points are kept to 0.1 mm: finer than any dot, and short in a link. */
export function roundPoint(p: Vec3): Vec3 {
  return [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10, Math.round(p[2] * 10) / 10];
}

/**
 * Narrowest edge a brush has (mm). Painting is stored per vertex and the default head's scalp vertices
 * are ~2 mm apart: an edge this wide is resolved by them, so the painted edge lands within a fraction of a
 * millimetre of where the brush put it (a sharp step would be off by up to half a triangle, ~1.5 mm).
 */
export const MIN_EDGE_MM = 2;

/**
 * The brush's weight (0..1) at `distanceMm` from its path: 1 inside the core, falling smoothly to 0 at the
 * rim. The edge runs from `(1 − softness)` of the radius to the radius; a harder brush's edge is
 * MIN_EDGE_MM wide, centred on the radius, so its half-strength line is exactly the radius.
 */
export function brushWeight(distanceMm: number, radiusMm: number, softness: number): number {
  let inner = radiusMm * (1 - softness);
  let outer = radiusMm;
  if (outer - inner < MIN_EDGE_MM) {
    inner = radiusMm - MIN_EDGE_MM / 2;
    outer = radiusMm + MIN_EDGE_MM / 2;
  }
  if (distanceMm >= outer) return 0;
  if (distanceMm <= inner) return 1;
  const t = (distanceMm - inner) / (outer - inner);
  return 1 - t * t * (3 - 2 * t);
}

/** How far from its path a brush reaches (mm). */
export function brushReachMm(radiusMm: number, softness: number): number {
  return radiusMm * softness < MIN_EDGE_MM ? radiusMm + MIN_EDGE_MM / 2 : radiusMm;
}

/** Distance (mm) from a point to a stroke's path (a single point is a dab). */
export function distanceToPath(p: Vec3, points: readonly Vec3[]): number {
  if (points.length === 1) return distanceToSegment(p, points[0]!, points[0]!);
  let best = Infinity;
  for (let i = 0; i + 1 < points.length; i++) best = Math.min(best, distanceToSegment(p, points[i]!, points[i + 1]!));
  return best;
}

/**
 * Vertices binned in a uniform grid, so a brush touches only the vertices near it: painting costs the
 * brush's area, not the head's.
 */
export class VertexGrid {
  private readonly cells = new Map<string, number[]>();

  constructor(
    readonly positions: ArrayLike<number>,
    readonly cellMm = 8,
  ) {
    for (let i = 0; i < positions.length / 3; i++) {
      const key = this.key(positions[3 * i]!, positions[3 * i + 1]!, positions[3 * i + 2]!);
      let cell = this.cells.get(key);
      if (!cell) this.cells.set(key, (cell = []));
      cell.push(i);
    }
  }

  private key(x: number, y: number, z: number): string {
    return `${Math.floor(x / this.cellMm)},${Math.floor(y / this.cellMm)},${Math.floor(z / this.cellMm)}`;
  }

  /** Calls `visit` for every vertex within `radius` of the box spanned by `points` (and maybe a few more). */
  near(points: readonly Vec3[], radius: number, visit: (vertex: number) => void): void {
    const lo = [Infinity, Infinity, Infinity];
    const hi = [-Infinity, -Infinity, -Infinity];
    for (const p of points) for (let k = 0; k < 3; k++) (lo[k] = Math.min(lo[k]!, p[k]!)), (hi[k] = Math.max(hi[k]!, p[k]!));
    const c0 = lo.map((v) => Math.floor((v - radius) / this.cellMm));
    const c1 = hi.map((v) => Math.floor((v + radius) / this.cellMm));
    for (let x = c0[0]!; x <= c1[0]!; x++) {
      for (let y = c0[1]!; y <= c1[1]!; y++) {
        for (let z = c0[2]!; z <= c1[2]!; z++) {
          const cell = this.cells.get(`${x},${y},${z}`);
          if (cell) for (const v of cell) visit(v);
        }
      }
    }
  }
}

/**
 * Applies one stroke to a painted offset per vertex (`offsets`, in units of the map's range): `up` and
 * `down` add or take away `amount` × weight, `erase` pulls the offset back towards 0 by the weight.
 * Long strokes are handled segment by segment so a long path does not visit the whole head.
 */
export function applyStroke(offsets: Float32Array, grid: VertexGrid, stroke: BrushStroke, limit = 2): void {
  const { positions } = grid;
  const { radiusMm, softness, amount, mode, points } = stroke;
  if (points.length === 0) return;
  // The stroke's weight at a vertex is its largest over the path: a vertex passed twice in one stroke
  // is painted once, as with a real brush held down.
  const weights = new Map<number, number>();
  const segments = points.length === 1 ? [[points[0]!]] : points.slice(1).map((p, i) => [points[i]!, p]);
  for (const segment of segments) {
    grid.near(segment, brushReachMm(radiusMm, softness), (v) => {
      const p: Vec3 = [positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!];
      const w = brushWeight(distanceToPath(p, segment), radiusMm, softness);
      if (w > (weights.get(v) ?? 0)) weights.set(v, w);
    });
  }
  for (const [v, w] of weights) {
    const current = offsets[v]!;
    if (mode === 'erase') offsets[v] = current * (1 - w);
    else offsets[v] = Math.max(-limit, Math.min(limit, current + (mode === 'up' ? 1 : -1) * amount * w));
  }
}

/**
 * A painted layer: the per-vertex offset its strokes add up to, kept up to date as strokes are added or
 * the last one grows (a stroke in progress), without repainting the earlier strokes each time.
 */
export class PaintedLayer {
  readonly offsets: Float32Array;
  /** The offsets before the last stroke: a growing stroke is re-applied on top of them. */
  private readonly beforeLast: Float32Array;
  private keys: string[] = [];

  constructor(
    private readonly grid: VertexGrid,
    private readonly limit = 2,
  ) {
    this.offsets = new Float32Array(grid.positions.length / 3);
    this.beforeLast = new Float32Array(this.offsets.length);
  }

  /** Brings the offsets up to date with `strokes`; returns whether they changed. */
  update(strokes: readonly BrushStroke[]): boolean {
    const keys = strokes.map((s) => JSON.stringify(s));
    const previous = this.keys;
    if (keys.length === previous.length && keys.every((k, i) => k === previous[i])) return false;
    const samePrefix = (n: number) => keys.slice(0, n).every((k, i) => k === previous[i]);
    const last = strokes.at(-1);
    if (last && keys.length === previous.length && samePrefix(keys.length - 1)) {
      // The last stroke grew (painting in progress) or was changed.
      this.offsets.set(this.beforeLast);
    } else if (last && keys.length === previous.length + 1 && samePrefix(previous.length)) {
      this.beforeLast.set(this.offsets);
    } else {
      this.offsets.fill(0);
      for (const stroke of strokes.slice(0, -1)) applyStroke(this.offsets, this.grid, stroke, this.limit);
      this.beforeLast.set(this.offsets);
    }
    if (last) applyStroke(this.offsets, this.grid, last, this.limit);
    this.keys = keys;
    return true;
  }
}
