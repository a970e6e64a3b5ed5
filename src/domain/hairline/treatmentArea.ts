/**
 * The treatment area on one head: everything inside the plan's hairline loop. Knows the head's mesh,
 * turns the plan's hairline (its points, or a preset when it has none) into the per-vertex signed distance
 * the shader draws dots with, and measures it. Work is cached so a handle drag recomputes only what changed.
 */
import { createSurfaceQuery, type SurfaceQuery } from '../geometry/closestPoint';
import type { Landmarks } from '../head/landmarks';
import type { Plan } from '../plan';
import { hairlineCenter, hairlineCurve, type Hairline } from './hairline';
import { measureHairline, type HairlineMeasurements } from './measurements';
import { hairlinePreset, type HairlineAge, type HairlineShape } from './presets';
import { signedDistanceToHairline } from './scalpDistance';
import { sessionShares } from '../sessions';
import { VertexGrid } from '../brush';
import { DensityMap } from '../density/densityMap';

export class TreatmentArea {
  readonly query: SurfaceQuery;
  /** Vertices binned for brushes: painting touches only the vertices under the brush. */
  readonly grid: VertexGrid;
  /** The density map (regions and painting) on this head. */
  readonly density: DensityMap;
  /** Per vertex: distance to the hairline in mm, positive inside. Updated in place by `update`. */
  readonly distances: Float32Array;
  /** Increases each time `distances` is recomputed, so every reader can tell it has changed. */
  version = 0;
  private readonly center;
  private hairlineKey = '';
  private currentHairline: Hairline | null = null;
  private curve: ReturnType<typeof hairlineCurve> = [];
  private measureKey = '';
  private measured: HairlineMeasurements | null = null;
  private readonly presets = new Map<string, Hairline>();

  constructor(
    readonly positions: Float32Array,
    readonly indices: Uint32Array,
    readonly landmarks: Landmarks,
  ) {
    this.query = createSurfaceQuery(positions, indices);
    this.grid = new VertexGrid(positions);
    this.density = new DensityMap(this.grid, landmarks);
    this.center = hairlineCenter(landmarks);
    this.distances = new Float32Array(positions.length / 3);
  }

  /** The hairline the plan describes on this head. */
  hairlineFor(plan: Plan): Hairline {
    const { points, age, shape } = plan.hairline;
    return points.length >= 3 ? { points, closed: true } : this.preset(age, shape);
  }

  /** A preset hairline fitted to this head's landmarks (cached: presets are asked for on every render). */
  preset(age: HairlineAge, shape: HairlineShape): Hairline {
    const key = `${age}|${shape}`;
    let hairline = this.presets.get(key);
    if (!hairline) {
      hairline = hairlinePreset(this.landmarks, this.query.project, age, shape);
      this.presets.set(key, hairline);
    }
    return hairline;
  }

  /** Recomputes the distance field if the plan's hairline changed; returns the field's version. */
  update(plan: Plan): number {
    const { points, age, shape } = plan.hairline;
    const key = JSON.stringify(points.length >= 3 ? points : [age, shape]);
    if (key === this.hairlineKey) return this.version;
    this.hairlineKey = key;
    this.currentHairline = this.hairlineFor(plan);
    this.curve = hairlineCurve(this.currentHairline, this.query.project);
    signedDistanceToHairline(this.positions, this.curve, this.center, { out: this.distances });
    return ++this.version;
  }

  /** The hairline drawn now and its curve on the surface. */
  current(plan: Plan): { hairline: Hairline; curve: ReturnType<typeof hairlineCurve> } {
    this.update(plan);
    return { hairline: this.currentHairline!, curve: this.curve };
  }

  measure(plan: Plan): HairlineMeasurements {
    this.update(plan);
    const densityVersion = this.density.update(plan.density);
    const shares = sessionShares(plan.sessions);
    const key = `${this.hairlineKey}|${plan.dots.densityPerCm2}|${plan.hairline.transitionMm}|${plan.hairline.mirror}|${shares.join(',')}|${densityVersion}`;
    if (key !== this.measureKey || !this.measured) {
      this.measureKey = key;
      this.measured = measureHairline({
        positions: this.positions,
        indices: this.indices,
        landmarks: this.landmarks,
        hairline: this.currentHairline!,
        densityPerCm2: plan.dots.densityPerCm2,
        transitionMm: plan.hairline.transitionMm,
        query: this.query,
        distances: this.distances,
        mirrored: plan.hairline.mirror,
        sessionShares: shares,
        densityAt: (v) => plan.dots.densityPerCm2 * this.density.factors[v]!,
      });
    }
    return this.measured;
  }
}
