/**
 * The treatment area on one head: everything inside the plan's hairline loop. Knows the head's mesh,
 * turns the plan's hairline (its points, or a preset when it has none) into the per-vertex signed distance
 * the shader draws dots with, and measures it. Work is cached so a handle drag recomputes only what changed.
 */
import { createSurfaceQuery, type SurfaceQuery } from '../geometry/closestPoint';
import type { Landmarks } from '../head/landmarks';
import type { Plan } from '../plan';
import { copyData, sameData } from '../plainData';
import { hairlineCenter, hairlineCurve, type Hairline } from './hairline';
import { measureHairline } from './measurements';
import type { PlanMeasurements } from '../measurements';
import { hairlinePreset, type HairlineAge, type HairlineShape } from './presets';
import { signedDistanceToHairline } from './scalpDistance';
import { sessionShares } from '../sessions';
import { scarsOrAlopecia } from '../workRate';
import { VertexGrid } from '../brush';
import { DensityMap } from '../density/densityMap';
import { HairMap, NATURAL_HAIRLINE } from '../hairLoss/hairMap';
import { ScarMap } from '../scars/scarMap';
import { measureScars, smpInkAt } from '../scars/coverage';
import { valueOnTriangle } from '../scars/surface';
import { isDefaultShape, ShapedSurfaces } from '../head/shapedHead';

export class TreatmentArea {
  readonly query: SurfaceQuery;
  /** Vertices binned for brushes: painting touches only the vertices under the brush. */
  readonly grid: VertexGrid;
  /** The density map (regions and painting) on this head. */
  readonly density: DensityMap;
  /** The client's own hair today (hair-loss pattern and painting) on this head. */
  readonly hair: HairMap;
  /** The plan's scars on this head: their shapes, and freeform scar tissue per vertex. */
  readonly scars: ScarMap;
  /** Per vertex: distance to the hairline in mm, positive inside. Updated in place by `update`. */
  readonly distances: Float32Array;
  /** Increases each time `distances` is recomputed, so every reader can tell it has changed. */
  version = 0;
  private readonly center;
  /** The plan's hairline the curve was made for (a copy: a caller may change its plan in place). */
  private lineHairline: Pick<Plan['hairline'], 'points' | 'age' | 'shape'> | null = null;
  /** The one of those the distance field was computed for. */
  private drawnHairline: Pick<Plan['hairline'], 'points' | 'age' | 'shape'> | null = null;
  private currentHairline: Hairline | null = null;
  private curve: ReturnType<typeof hairlineCurve> = [];
  private measureKey = '';
  private measured: PlanMeasurements | null = null;
  private scarsKey = '';
  private withScars: PlanMeasurements | null = null;
  private readonly presets = new Map<string, Hairline>();
  /**
   * The default head under the plan's head shape, for measuring the head the user sees (null: this mesh is
   * what is shown, as a scan is). The plan's points and the per-vertex layers stay on this mesh.
   */
  private readonly shaped: ShapedSurfaces | null;

  constructor(
    readonly positions: Float32Array,
    readonly indices: Uint32Array,
    readonly landmarks: Landmarks,
    options: { shapeable?: boolean } = {},
  ) {
    this.query = createSurfaceQuery(positions, indices);
    this.shaped = options.shapeable ? new ShapedSurfaces({ positions, indices, landmarks, query: this.query }) : null;
    this.grid = new VertexGrid(positions);
    this.density = new DensityMap(this.grid, landmarks);
    this.center = hairlineCenter(landmarks);
    this.distances = new Float32Array(positions.length / 3);
    this.scars = new ScarMap({ positions, indices, query: this.query, landmarks }, this.grid);
    this.hair = new HairMap(this.grid, landmarks, () => {
      const curve = hairlineCurve(this.preset(NATURAL_HAIRLINE.age, NATURAL_HAIRLINE.shape), this.query.project);
      return { curve, insideMm: signedDistanceToHairline(positions, curve, this.center) };
    });
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

  /** Whether the plan's painting (density, hair, scars) is all painted on this head: measuring it then paints nothing. */
  isPainted(plan: Plan): boolean {
    return this.density.isPainted(plan.density) && this.hair.isPainted(plan.hairLoss) && this.scars.isPainted(plan.scars);
  }

  /** Recomputes the distance field if the plan's hairline changed; returns the field's version. */
  update(plan: Plan): number {
    const { curve } = this.current(plan);
    if (this.drawnHairline === this.lineHairline) return this.version;
    this.drawnHairline = this.lineHairline;
    signedDistanceToHairline(this.positions, curve, this.center, { out: this.distances });
    return ++this.version;
  }

  /**
   * The hairline drawn now and its curve on the surface, made again only when the plan's hairline changed.
   * The distance field is left to `update` (run before a frame), so drawing the line never recomputes it.
   */
  current(plan: Plan): { hairline: Hairline; curve: ReturnType<typeof hairlineCurve> } {
    const { points, age, shape } = plan.hairline;
    const line = this.lineHairline;
    // The same points (compared as numbers, not as text), or the same preset.
    if (!line || !(points.length >= 3 ? sameData(points, line.points) : line.points.length < 3 && age === line.age && shape === line.shape)) {
      this.lineHairline = { points: copyData(points), age, shape };
      this.currentHairline = this.hairlineFor(plan);
      this.curve = hairlineCurve(this.currentHairline, this.query.project);
    }
    return { hairline: this.currentHairline!, curve: this.curve };
  }

  measure(plan: Plan): PlanMeasurements {
    this.update(plan);
    const densityVersion = this.density.update(plan.density);
    const shares = sessionShares(plan.sessions);
    const extraSession = scarsOrAlopecia(plan);
    // Measured on the head as shown: the default head under the plan's shape (the distances follow its skin).
    const shaped = this.shaped && plan.headShape && !isDefaultShape(plan.headShape) ? this.shaped.at(plan.headShape) : null;
    const key = `${this.version}|${plan.dots.densityPerCm2}|${plan.hairline.transitionMm}|${plan.hairline.mirror}|${shares.join(',')}|${densityVersion}|${extraSession}|${shaped ? Object.values(shaped.shape).join(',') : ''}`;
    if (key !== this.measureKey || !this.measured) {
      this.measureKey = key;
      this.measured = measureHairline({
        positions: shaped?.positions ?? this.positions,
        indices: this.indices,
        landmarks: shaped?.landmarks ?? this.landmarks,
        hairline: shaped ? shaped.hairline(this.currentHairline!) : this.currentHairline!,
        densityPerCm2: plan.dots.densityPerCm2,
        transitionMm: plan.hairline.transitionMm,
        query: shaped?.query ?? this.query,
        distances: this.distances,
        mirrored: plan.hairline.mirror,
        sessionShares: shares,
        densityAt: (v) => plan.dots.densityPerCm2 * this.density.factors[v]!,
        scarsOrAlopecia: extraSession,
      });
    }
    // Scars are measured on top, so a scar edit does not re-measure the hairline (and vice versa).
    const scarsVersion = this.scars.update(plan.scars);
    const scarsKey = `${key}|${scarsVersion}|${JSON.stringify([plan.dots, plan.skin.color, plan.sessions])}`;
    if (scarsKey !== this.scarsKey || !this.withScars) {
      this.scarsKey = scarsKey;
      const distances = this.distances, factors = this.density.factors;
      const inkAt = (d: number, f: number) => smpInkAt(plan, d, f);
      const scars = measureScars(this.scars, plan, {
        at: (point) => {
          const hit = this.query.closest(point);
          return inkAt(valueOnTriangle(this.scars.surface, hit.triangle, hit.point, distances), valueOnTriangle(this.scars.surface, hit.triangle, hit.point, factors));
        },
        atVertex: (v) => inkAt(distances[v]!, factors[v]!),
      }, `${key}|${JSON.stringify([plan.dots, plan.sessions])}`);
      this.withScars = { ...this.measured, scars: scars.scars, warnings: [...this.measured.warnings, ...scars.warnings] };
    }
    return this.withScars;
  }
}
