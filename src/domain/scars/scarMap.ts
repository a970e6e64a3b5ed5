/**
 * The plan's scars placed on one head: each FUT and FUE scar's shape, each freeform scar's painted
 * tissue per vertex, and `scarAt`, which says for any point of the skin which scar covers it and how much.
 * Work is cached per scar, so changing one scar (or one stroke) recomputes only that scar.
 */
import { PaintedLayer, type VertexGrid } from '../brush';
import { triangleArea } from '../geometry/closestPoint';
import type { Vec3 } from '../head/landmarks';
import { fueAmountAt, fueShape, type FueShape } from './fue';
import { futAmountAt, futShape, type FutShape } from './fut';
import type { Scar, ScarKind } from './scars';
import { triangleNormal, valueOnTriangle, type ScarSurface } from './surface';

/**
 * The surrounding scalp is read this far beyond a scar's edge (mm): clear of a narrow brush stroke of
 * extra density painted along the scar, well within the ~1 cm over which the density map varies.
 */
export const SURROUNDING_MM = 6;

export interface FreeformShape {
  kind: 'freeform';
  /** Per vertex: how much scar tissue was painted there (0..1). */
  amounts: Float32Array;
  /** A sphere holding every painted vertex (and the triangles round them); null while nothing is painted. */
  bounds: { center: Vec3; radius: number } | null;
  /** The unpainted vertices within SURROUNDING_MM of the painting: the skin around the scar. */
  surrounding: number[];
  /** Increases whenever the painting changes (the shape is updated in place). */
  version: number;
}

export type ScarShape = FutShape | FueShape | FreeformShape;

export interface PlacedScar {
  scar: Scar;
  shape: ScarShape;
}

/** How far past its painted vertices a freeform scar reaches: the triangles round them (mesh ~2 mm). */
const FREEFORM_MARGIN_MM = 4;

export class ScarMap {
  /** Per vertex: freeform scar tissue, the most of any freeform scar (the shader's `scarAmount`). */
  readonly amounts: Float32Array;
  /** Increases whenever any scar changes (shape, uptake, order), so the shader's uniforms can follow. */
  version = 0;
  /** Increases whenever `amounts` change, so the vertex attribute is uploaded only then. */
  amountsVersion = 0;
  /** The plan's scars in order, each with its shape on this head. */
  placed: PlacedScar[] = [];
  private areas: Float32Array | null = null;
  private readonly shapes = new Map<string, { key: string; shape: FutShape | FueShape }>();
  /** Freeform scars' painting; `stale` while the layer has changed since its shape was last made from it. */
  private readonly layers = new Map<string, { layer: PaintedLayer; shape: FreeformShape; stale: boolean }>();
  private key = '';

  constructor(
    readonly surface: ScarSurface,
    private readonly grid: VertexGrid,
  ) {
    this.amounts = new Float32Array(surface.positions.length / 3);
  }

  /** Whether a freeform scar's strokes are still to be painted (an `update` with a deadline ran out of time). */
  get pending(): boolean {
    for (const { layer } of this.layers.values()) if (layer.pending) return true;
    return false;
  }

  /** Whether every freeform scar's tissue shows its strokes already (see `PaintedLayer.isPainted`). */
  isPainted(scars: readonly Scar[]): boolean {
    return scars.every((scar) => {
      if (scar.kind !== 'freeform') return true;
      const entry = this.layers.get(scar.id);
      return entry ? !entry.stale && entry.layer.isPainted(scar.strokes) : scar.strokes.length === 0;
    });
  }

  /**
   * Brings the placed scars up to date with the plan's; returns `version`. With a `deadline`
   * (`performance.now()` time), painting stops after the stroke that passes it and goes on next time; a
   * scar's tissue changes once all its strokes are painted.
   */
  update(scars: readonly Scar[], deadline = Infinity): number {
    let paintChanged = false;
    const placed: PlacedScar[] = [];
    const ids = new Set<string>();
    for (const scar of scars) {
      ids.add(scar.id);
      if (scar.kind === 'freeform') {
        let entry = this.layers.get(scar.id);
        if (!entry) {
          entry = { layer: new PaintedLayer(this.grid, 1), shape: { kind: 'freeform', amounts: new Float32Array(this.amounts.length), bounds: null, surrounding: [], version: 0 }, stale: false };
          this.layers.set(scar.id, entry);
        }
        if (entry.layer.update(scar.strokes, deadline)) entry.stale = true;
        if (entry.stale && !entry.layer.pending) {
          entry.stale = false;
          this.paint(entry.layer, entry.shape);
          paintChanged = true;
        }
        placed.push({ scar, shape: entry.shape });
      } else {
        // Uptake changes how the scar takes ink, not where it is.
        const key = JSON.stringify({ ...scar, uptake: 0 });
        let entry = this.shapes.get(scar.id);
        if (!entry || entry.key !== key) {
          entry = { key, shape: scar.kind === 'fut' ? futShape(scar, this.surface) : fueShape(scar, this.surface) };
          this.shapes.set(scar.id, entry);
        }
        placed.push({ scar, shape: entry.shape });
      }
    }
    for (const id of [...this.shapes.keys()]) if (!ids.has(id)) this.shapes.delete(id);
    let removedPaint = false;
    for (const id of [...this.layers.keys()]) {
      const entry = this.layers.get(id)!;
      const kept = scars.some((s) => s.id === id && s.kind === 'freeform');
      if (!kept) {
        this.layers.delete(id);
        removedPaint ||= entry.shape.bounds !== null;
      }
    }
    if (paintChanged || removedPaint) {
      this.amounts.fill(0);
      for (const { shape } of this.layers.values()) {
        for (let v = 0; v < this.amounts.length; v++) if (shape.amounts[v]! > this.amounts[v]!) this.amounts[v] = shape.amounts[v]!;
      }
      this.amountsVersion++;
    }
    // Strokes are summed up in the layers; the rest of each scar (kind, fields, order) is cheap to compare.
    const key = JSON.stringify(scars.map((s) => (s.kind === 'freeform' ? [s.id, s.uptake] : s)));
    if (paintChanged || removedPaint || key !== this.key) {
      this.key = key;
      this.placed = placed;
      this.version++;
    }
    return this.version;
  }

  /** Per vertex: its share of the skin's area (a third of each triangle round it), mm²; ∑ = the mesh's area. */
  get vertexAreas(): Float32Array {
    if (!this.areas) {
      const { positions, indices } = this.surface;
      const areas = new Float32Array(positions.length / 3);
      for (let t = 0; t + 2 < indices.length; t += 3) {
        const third = triangleArea(positions, indices[t]!, indices[t + 1]!, indices[t + 2]!) / 3;
        for (let c = 0; c < 3; c++) areas[indices[t + c]!]! += third;
      }
      this.areas = areas;
    }
    return this.areas;
  }

  /** Copies a layer's painting into its scar's tissue (0..1) and bounds. */
  private paint(layer: PaintedLayer, shape: FreeformShape): void {
    const { positions } = this.surface;
    shape.version++;
    const lo: Vec3 = [Infinity, Infinity, Infinity];
    const hi: Vec3 = [-Infinity, -Infinity, -Infinity];
    for (let v = 0; v < shape.amounts.length; v++) {
      const a = Math.min(1, Math.max(0, layer.offsets[v]!));
      shape.amounts[v] = a;
      if (a === 0) continue;
      for (let c = 0; c < 3; c++) {
        lo[c] = Math.min(lo[c]!, positions[3 * v + c]!);
        hi[c] = Math.max(hi[c]!, positions[3 * v + c]!);
      }
    }
    if (lo[0] > hi[0]) {
      shape.bounds = null;
      shape.surrounding = [];
      return;
    }
    const center: Vec3 = [(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2];
    let radius = 0;
    for (let v = 0; v < shape.amounts.length; v++) {
      if (shape.amounts[v]! > 0) radius = Math.max(radius, Math.hypot(positions[3 * v]! - center[0], positions[3 * v + 1]! - center[1], positions[3 * v + 2]! - center[2]));
    }
    shape.bounds = { center, radius: radius + FREEFORM_MARGIN_MM };
    // The painting's rim: painted corners of triangles that are partly unpainted. Around it, the skin.
    const { indices } = this.surface;
    const rim = new Set<number>();
    for (let t = 0; t + 2 < indices.length; t += 3) {
      const corners = [indices[t]!, indices[t + 1]!, indices[t + 2]!];
      const painted = corners.filter((v) => shape.amounts[v]! > 0);
      if (painted.length > 0 && painted.length < 3) for (const v of painted) rim.add(v);
    }
    const surrounding = new Set<number>();
    for (const v of rim) {
      const p: Vec3 = [positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!];
      this.grid.near([p], SURROUNDING_MM, (w) => {
        if (shape.amounts[w]! === 0 && Math.hypot(positions[3 * w]! - p[0], positions[3 * w + 1]! - p[1], positions[3 * w + 2]! - p[2]) <= SURROUNDING_MM) surrounding.add(w);
      });
    }
    shape.surrounding = [...surrounding];
  }
}

export interface ScarHit {
  id: string;
  kind: ScarKind;
  /** How much scar tissue covers the point: 1 inside, falling to 0 over the scar's soft edge. */
  amount: number;
}

/**
 * Which scar (if any) covers skin point `p`, and how much: the scar covering it most. `n` is the skin's
 * normal there (the FUT's width is measured across the skin); the mesh's own is used when omitted.
 */
export function scarAt(placed: readonly PlacedScar[], surface: ScarSurface, p: Vec3, n?: Vec3): ScarHit | null {
  let best: ScarHit | null = null;
  let hit: ReturnType<ScarSurface['query']['closest']> | null = null;
  const closest = () => (hit ??= surface.query.closest(p));
  for (const { scar, shape } of placed) {
    let amount: number;
    if (shape.kind === 'fut') amount = futAmountAt(shape, p, n ?? triangleNormal(surface, closest().triangle));
    else if (shape.kind === 'fue') amount = fueAmountAt(shape, p);
    else amount = shape.bounds ? valueOnTriangle(surface, closest().triangle, closest().point, shape.amounts) : 0;
    if (amount > 0 && (!best || amount > best.amount)) best = { id: scar.id, kind: scar.kind, amount };
  }
  return best;
}
