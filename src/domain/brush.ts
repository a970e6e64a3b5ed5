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
import { sameData } from './plainData';

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
 * Where a brush's strength falls off (mm from its path): from full at `inner` to none at `outer`. The edge
 * runs from `(1 − softness)` of the radius to the radius; a harder brush's edge is MIN_EDGE_MM wide,
 * centred on the radius, so its half-strength line is exactly the radius.
 */
export function brushEdge(radiusMm: number, softness: number): { inner: number; outer: number } {
  const inner = radiusMm * (1 - softness);
  if (radiusMm - inner < MIN_EDGE_MM) return { inner: radiusMm - MIN_EDGE_MM / 2, outer: radiusMm + MIN_EDGE_MM / 2 };
  return { inner, outer: radiusMm };
}

/** The brush's weight (0..1) at `distanceMm` from its path: 1 inside the core, falling smoothly to 0 at the rim. */
export function brushWeight(distanceMm: number, radiusMm: number, softness: number): number {
  return edgeWeight(distanceMm, brushEdge(radiusMm, softness));
}

function edgeWeight(distanceMm: number, { inner, outer }: { inner: number; outer: number }): number {
  if (distanceMm >= outer) return 0;
  if (distanceMm <= inner) return 1;
  const t = (distanceMm - inner) / (outer - inner);
  return 1 - t * t * (3 - 2 * t);
}

/** Distance (mm) from a point to a stroke's path (a single point is a dab). */
export function distanceToPath(p: Vec3, points: readonly Vec3[]): number {
  if (points.length === 1) return distanceToSegment(p, points[0]!, points[0]!);
  let best = Infinity;
  for (let i = 0; i + 1 < points.length; i++) best = Math.min(best, distanceToSegment(p, points[i]!, points[i + 1]!));
  return best;
}

/** Levels of ever larger boxes over the cells (each twice the size of the one below): 8 mm cells, boxes up to 128 mm. */
const BOX_LEVELS = 4;
/** Most cells a grid allocates; a mesh spread wider gets larger cells. */
const MAX_CELLS = 1 << 22;

/**
 * Vertices binned in a uniform grid, so a brush touches only the vertices near it: painting costs the
 * brush's area, not the head's.
 */
export class VertexGrid {
  readonly cellMm: number;
  private readonly origin: Vec3;
  private readonly dims: [number, number, number];
  /** Vertices sorted by cell: cell c holds `cellVertices[cellStart[c] … cellStart[c + 1])`. */
  private readonly cellStart: Int32Array;
  private readonly cellVertices: Int32Array;
  /** Per level above the cells: which boxes of 2^level cells a side hold vertices, and the boxes per side. */
  private readonly boxes: { occupied: Uint8Array; dims: [number, number, number] }[] = [];

  constructor(
    readonly positions: ArrayLike<number>,
    cellMm = 8,
  ) {
    const count = positions.length / 3;
    const lo: Vec3 = [Infinity, Infinity, Infinity];
    const hi: Vec3 = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < count; i++) {
      for (let k = 0; k < 3; k++) {
        lo[k] = Math.min(lo[k]!, positions[3 * i + k]!);
        hi[k] = Math.max(hi[k]!, positions[3 * i + k]!);
      }
    }
    if (count === 0) {
      lo.fill(0);
      hi.fill(0);
    }
    const size = [hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]];
    this.cellMm = Math.max(cellMm, Math.cbrt(((size[0]! + cellMm) * (size[1]! + cellMm) * (size[2]! + cellMm)) / MAX_CELLS));
    this.origin = lo;
    this.dims = size.map((s) => Math.floor(s / this.cellMm) + 1) as [number, number, number];
    const cellOf = new Int32Array(count);
    this.cellStart = new Int32Array(this.dims[0] * this.dims[1] * this.dims[2] + 1);
    for (let level = 1; level <= BOX_LEVELS; level++) {
      const dims = this.dims.map((d) => Math.ceil(d / 2 ** level)) as [number, number, number];
      this.boxes.push({ occupied: new Uint8Array(dims[0] * dims[1] * dims[2]), dims });
    }
    for (let i = 0; i < count; i++) {
      const x = this.cellCoord(positions[3 * i]!, 0), y = this.cellCoord(positions[3 * i + 1]!, 1), z = this.cellCoord(positions[3 * i + 2]!, 2);
      const c = this.cellIndex(x, y, z);
      cellOf[i] = c;
      this.cellStart[c + 1]!++;
      for (let level = 1; level <= BOX_LEVELS; level++) {
        const { occupied, dims } = this.boxes[level - 1]!;
        occupied[(x >> level) + dims[0] * ((y >> level) + dims[1] * (z >> level))] = 1;
      }
    }
    for (let c = 1; c < this.cellStart.length; c++) this.cellStart[c]! += this.cellStart[c - 1]!;
    this.cellVertices = new Int32Array(count);
    const fill = this.cellStart.slice(0, -1);
    for (let i = 0; i < count; i++) this.cellVertices[fill[cellOf[i]!]!++] = i;
  }

  private cellCoord(v: number, axis: number): number {
    return Math.min(this.dims[axis]! - 1, Math.max(0, Math.floor((v - this.origin[axis]!) / this.cellMm)));
  }

  private cellIndex(x: number, y: number, z: number): number {
    return x + this.dims[0] * (y + this.dims[1] * z);
  }

  /** Whether any of `points`, widened by `radius`, reaches the grid's box. */
  private reaches(points: readonly Vec3[], radius: number): { lo: number[]; hi: number[] } | null {
    const lo = [Infinity, Infinity, Infinity];
    const hi = [-Infinity, -Infinity, -Infinity];
    for (const p of points) {
      for (let k = 0; k < 3; k++) {
        lo[k] = Math.min(lo[k]!, p[k]!);
        hi[k] = Math.max(hi[k]!, p[k]!);
      }
    }
    if (lo.some((v, k) => v - radius > this.origin[k]! + this.dims[k]! * this.cellMm || hi[k]! + radius < this.origin[k]!)) return null;
    return { lo: lo.map((v, k) => this.cellCoord(v - radius, k)), hi: hi.map((v, k) => this.cellCoord(v + radius, k)) };
  }

  /** Calls `visit` for every vertex within `radius` of the box spanned by `points` (and maybe a few more). */
  near(points: readonly Vec3[], radius: number, visit: (vertex: number) => void): void {
    const cells = this.reaches(points, radius);
    if (cells) this.visitCells(cells.lo, cells.hi, visit);
  }

  /** Calls `visit` for every vertex in the cells from `lo` to `hi` (inclusive, cell coordinates). */
  private visitCells(lo: readonly number[], hi: readonly number[], visit: (vertex: number) => void): void {
    const { cellStart, cellVertices } = this;
    for (let z = lo[2]!; z <= hi[2]!; z++) {
      for (let y = lo[1]!; y <= hi[1]!; y++) {
        for (let x = lo[0]!; x <= hi[0]!; x++) {
          const c = this.cellIndex(x, y, z);
          for (let i = cellStart[c]!; i < cellStart[c + 1]!; i++) visit(cellVertices[i]!);
        }
      }
    }
  }

  /**
   * Calls `visit(vertex, distanceMm)` once for every vertex nearer than `reach` to the path through `points`
   * (a single point is a dab), with its distance to the path; vertices nearer than `coreMm` may be given as 0
   * (a brush's core paints at full strength however near). Boxes of cells, from 128 mm down to the 8 mm
   * cells, each keep only the segments of their parent that can be nearest to some point of theirs (those
   * within twice its half-diagonal of the nearest to its centre), and a box wholly inside the core is not
   * measured at all: a vertex is measured against a few segments, not the whole path.
   */
  nearPath(points: readonly Vec3[], reach: number, visit: (vertex: number, distanceMm: number) => void, coreMm = 0): void {
    if (points.length === 0) return;
    const cells = this.reaches(points, reach);
    if (!cells) return;
    const path = new Path(points);
    const candidates = Array.from({ length: BOX_LEVELS + 1 }, () => new Candidates(path.count));
    const { positions, origin, cellMm, cellStart, cellVertices, dims } = this;
    const visitBox = (level: number, x: number, y: number, z: number, parent: Candidates | null) => {
      const sizeMm = cellMm * 2 ** level;
      const half = (sizeMm * Math.sqrt(3)) / 2;
      const cx = origin[0] + (x + 0.5) * sizeMm, cy = origin[1] + (y + 0.5) * sizeMm, cz = origin[2] + (z + 0.5) * sizeMm;
      const kept = candidates[level]!;
      const nearest = kept.keep(path, parent, cx, cy, cz, half, reach);
      if (kept.count === 0) return;
      if (nearest + half <= coreMm) {
        const lo = [x << level, y << level, z << level];
        this.visitCells(lo, lo.map((v, k) => Math.min(dims[k]!, v + 2 ** level) - 1), (v) => visit(v, 0));
        return;
      }
      if (level > 0) {
        const below = level === 1 ? null : this.boxes[level - 2]!;
        for (let k = 0; k < 8; k++) {
          const bx = 2 * x + (k & 1), by = 2 * y + ((k >> 1) & 1), bz = 2 * z + (k >> 2);
          const belowDims = below ? below.dims : dims;
          if (bx >= belowDims[0] || by >= belowDims[1] || bz >= belowDims[2]) continue;
          const index = bx + belowDims[0] * (by + belowDims[1] * bz);
          if (below ? below.occupied[index] : cellStart[index + 1]! > cellStart[index]!) visitBox(level - 1, bx, by, bz, kept);
        }
        return;
      }
      kept.sort();
      const c = this.cellIndex(x, y, z);
      for (let i = cellStart[c]!; i < cellStart[c + 1]!; i++) {
        const v = cellVertices[i]!;
        const px = positions[3 * v]!, py = positions[3 * v + 1]!, pz = positions[3 * v + 2]!;
        const fromCentre = Math.sqrt((px - cx) ** 2 + (py - cy) ** 2 + (pz - cz) ** 2);
        let best = Infinity;
        // Segments in order of their distance to the cell's centre: none further on can be nearer.
        for (let j = 0; j < kept.count && kept.distances[j]! - fromCentre < best; j++) best = Math.min(best, path.distance(kept.segments[j]!, px, py, pz));
        if (best < reach) visit(v, best);
      }
    };
    const top = this.boxes[BOX_LEVELS - 1]!;
    const lo = cells.lo.map((v) => v >> BOX_LEVELS), hi = cells.hi.map((v) => v >> BOX_LEVELS);
    for (let z = lo[2]!; z <= hi[2]!; z++) {
      for (let y = lo[1]!; y <= hi[1]!; y++) {
        for (let x = lo[0]!; x <= hi[0]!; x++) if (top.occupied[x + top.dims[0] * (y + top.dims[1] * z)]) visitBox(BOX_LEVELS, x, y, z, null);
      }
    }
  }
}

/** A stroke's path as flat segments (start, direction, squared length), measured without allocating. */
class Path {
  readonly count: number;
  private readonly data: Float64Array;

  constructor(points: readonly Vec3[]) {
    this.count = Math.max(1, points.length - 1);
    this.data = new Float64Array(7 * this.count);
    for (let i = 0; i < this.count; i++) {
      const a = points[i]!, b = points[Math.min(i + 1, points.length - 1)]!;
      const dx = b[0] - a[0], dy = b[1] - a[1], dz = b[2] - a[2];
      this.data.set([a[0], a[1], a[2], dx, dy, dz, dx * dx + dy * dy + dz * dz], 7 * i);
    }
  }

  /** Distance (mm) from a point to segment `i`. */
  distance(i: number, px: number, py: number, pz: number): number {
    const d = this.data, o = 7 * i;
    const ax = d[o]!, ay = d[o + 1]!, az = d[o + 2]!, dx = d[o + 3]!, dy = d[o + 4]!, dz = d[o + 5]!, l2 = d[o + 6]!;
    const t = l2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy + (pz - az) * dz) / l2)) : 0;
    const ex = px - ax - dx * t, ey = py - ay - dy * t, ez = pz - az - dz * t;
    return Math.sqrt(ex * ex + ey * ey + ez * ez);
  }
}

/** The segments of a path that can be nearest to some point of a box, with their distances to its centre. */
class Candidates {
  count = 0;
  readonly segments: Int32Array;
  readonly distances: Float64Array;

  constructor(size: number) {
    this.segments = new Int32Array(size);
    this.distances = new Float64Array(size);
  }

  /**
   * Keeps, of `from`'s segments (all the path's when null), those that can be the nearest to some point
   * within `half` of the centre (cx, cy, cz) and nearer than `reach` to it. Returns the nearest's distance.
   */
  keep(path: Path, from: Candidates | null, cx: number, cy: number, cz: number, half: number, reach: number): number {
    const total = from ? from.count : path.count;
    let best = Infinity;
    for (let j = 0; j < total; j++) {
      const s = from ? from.segments[j]! : j;
      const d = path.distance(s, cx, cy, cz);
      this.segments[j] = s;
      this.distances[j] = d;
      best = Math.min(best, d);
    }
    this.count = 0;
    if (best - half >= reach) return best;
    const limit = Math.min(best + 2 * half, reach + half);
    for (let j = 0; j < total; j++) {
      if (this.distances[j]! <= limit) {
        this.segments[this.count] = this.segments[j]!;
        this.distances[this.count++] = this.distances[j]!;
      }
    }
    return best;
  }

  /** Orders the kept segments nearest first (insertion sort: a cell keeps a handful). */
  sort(): void {
    const { segments, distances } = this;
    for (let i = 1; i < this.count; i++) {
      const s = segments[i]!, d = distances[i]!;
      let j = i - 1;
      for (; j >= 0 && distances[j]! > d; j--) {
        segments[j + 1] = segments[j]!;
        distances[j + 1] = distances[j]!;
      }
      segments[j + 1] = s;
      distances[j + 1] = d;
    }
  }
}

/**
 * Applies one stroke to a painted offset per vertex (`offsets`, in units of the map's range): `up` and
 * `down` add or take away `amount` × weight, `erase` pulls the offset back towards 0 by the weight.
 * The stroke's weight at a vertex is its largest over the path (a vertex passed twice in one stroke is
 * painted once, as with a real brush held down), so it follows from the vertex's distance to the path.
 */
export function applyStroke(offsets: Float32Array, grid: VertexGrid, stroke: BrushStroke, limit = 2): void {
  const { radiusMm, softness, amount, mode, points } = stroke;
  const sign = mode === 'up' ? 1 : -1;
  const edge = brushEdge(radiusMm, softness);
  grid.nearPath(
    points,
    edge.outer,
    (v, d) => {
      const w = edgeWeight(d, edge);
      const current = offsets[v]!;
      if (mode === 'erase') offsets[v] = current * (1 - w);
      else offsets[v] = Math.max(-limit, Math.min(limit, current + sign * amount * w));
    },
    edge.inner,
  );
}

/** A painted layer keeps its offsets after every this many strokes, so undoing or changing one repaints at most this many. */
const CHECKPOINT_STROKES = 32;

/**
 * A painted layer: the per-vertex offset its strokes add up to, kept up to date as strokes are added,
 * grow (a stroke in progress), are undone or cleared. Only the strokes from the first one that changed
 * are repainted, from the nearest saved state before it, so a stroke costs what it paints.
 */
export class PaintedLayer {
  readonly offsets: Float32Array;
  /** The strokes painted into `offsets`, in order. */
  private readonly painted: BrushStroke[] = [];
  /** The offsets after the first n strokes: every CHECKPOINT_STROKES-th, and before the last one. */
  private readonly checkpoints = new Map<number, Float32Array>();
  private wanted: readonly BrushStroke[] = [];

  constructor(
    private readonly grid: VertexGrid,
    private readonly limit = 2,
  ) {
    this.offsets = new Float32Array(grid.positions.length / 3);
  }

  /** Whether strokes are still to be painted (an `update` ran out of time). */
  get pending(): boolean {
    return this.painted.length < this.wanted.length;
  }

  /** Whether the offsets show `strokes` (the list last given, all painted), so an `update` would cost nothing. */
  isPainted(strokes: readonly BrushStroke[]): boolean {
    return !this.pending && (strokes === this.wanted || (strokes.length === 0 && this.painted.length === 0));
  }

  /**
   * Brings the offsets up to date with `strokes`; returns whether they changed. With a `deadline`
   * (`performance.now()` time), stops after the stroke that passes it: `pending` then says more is to come,
   * and the next call goes on (a large plan is painted over several frames without freezing the page).
   */
  update(strokes: readonly BrushStroke[], deadline = Infinity): boolean {
    if (strokes === this.wanted && !this.pending) return false;
    this.wanted = strokes;
    const same = this.samePrefix(strokes);
    let changed = false;
    if (same < this.painted.length) {
      let from = 0;
      for (const n of this.checkpoints.keys()) if (n <= same && n > from) from = n;
      for (const n of [...this.checkpoints.keys()]) if (n > from) this.checkpoints.delete(n);
      if (from === 0) this.offsets.fill(0);
      else this.offsets.set(this.checkpoints.get(from)!);
      this.painted.length = from;
      changed = true;
    }
    while (this.painted.length < strokes.length) {
      const n = this.painted.length;
      if (n > 0 && (n % CHECKPOINT_STROKES === 0 || n === strokes.length - 1)) this.checkpoint(n);
      const stroke = strokes[n]!;
      applyStroke(this.offsets, this.grid, stroke, this.limit);
      this.painted.push(stroke);
      changed = true;
      if (performance.now() > deadline) break;
    }
    return changed;
  }

  /** How many strokes at the start of `strokes` are already painted (the same object, or the same contents). */
  private samePrefix(strokes: readonly BrushStroke[]): number {
    const n = Math.min(strokes.length, this.painted.length);
    for (let i = 0; i < n; i++) {
      if (this.painted[i] === strokes[i]) continue;
      if (!sameData(this.painted[i], strokes[i])) return i;
      this.painted[i] = strokes[i]!;
    }
    return n;
  }

  /** Saves the offsets after the first n strokes; a saved state before the last stroke replaces the previous such one. */
  private checkpoint(n: number): void {
    if (this.checkpoints.has(n)) return;
    for (const k of [...this.checkpoints.keys()]) if (k % CHECKPOINT_STROKES !== 0 && k < n) this.checkpoints.delete(k);
    this.checkpoints.set(n, Float32Array.from(this.offsets));
  }
}
