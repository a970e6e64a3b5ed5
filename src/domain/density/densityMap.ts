/**
 * The density map on one head: per vertex, the factor (0 to MAX_DENSITY_FACTOR) by which the plan's
 * density is multiplied there: the regions' factors blended across their borders, plus painting.
 */
import { PaintedLayer, type VertexGrid } from '../brush';
import type { Landmarks } from '../head/landmarks';
import type { Plan } from '../plan';
import { sameData } from '../plainData';
import { DENSITY_REGIONS, MAX_DENSITY_FACTOR, vertexRegionShares } from './regions';

export class DensityMap {
  /** Per vertex: the density factor. Updated in place by `update`. */
  readonly factors: Float32Array;
  /** Increases each time `factors` change, so every reader can tell. */
  version = 0;
  private readonly shares: Float32Array;
  private readonly painted: PaintedLayer;
  /** The region factors `factors` were last blended from (a copy: a caller may change its plan in place). */
  private regions: Plan['density']['regions'] | null = null;

  constructor(grid: VertexGrid, landmarks: Landmarks) {
    this.shares = vertexRegionShares(grid.positions, landmarks);
    this.factors = new Float32Array(grid.positions.length / 3).fill(1);
    this.painted = new PaintedLayer(grid, MAX_DENSITY_FACTOR);
  }

  /** Whether painted strokes are still to be applied (an `update` with a deadline ran out of time). */
  get pending(): boolean {
    return this.painted.pending;
  }

  /** Whether the painting shows these strokes already (see `PaintedLayer.isPainted`). */
  isPainted(density: Plan['density']): boolean {
    return this.painted.isPainted(density.strokes);
  }

  /**
   * Brings the factors up to date with the plan's density map; returns their version. With a `deadline`
   * (`performance.now()` time), painting stops after the stroke that passes it and goes on next time.
   */
  update(density: Plan['density'], deadline = Infinity): number {
    const paintChanged = this.painted.update(density.strokes, deadline);
    if (!paintChanged && this.regions && sameData(density.regions, this.regions)) return this.version;
    this.regions = { ...density.regions };
    const regionFactors = DENSITY_REGIONS.map((r) => density.regions[r]);
    const k = DENSITY_REGIONS.length;
    const offsets = this.painted.offsets;
    for (let v = 0; v < this.factors.length; v++) {
      let f = offsets[v]!;
      for (let r = 0; r < k; r++) f += this.shares[v * k + r]! * regionFactors[r]!;
      this.factors[v] = Math.min(MAX_DENSITY_FACTOR, Math.max(0, f));
    }
    return ++this.version;
  }
}
