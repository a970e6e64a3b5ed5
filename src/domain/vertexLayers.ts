/**
 * The plan on the head, per vertex: the layers the scalp shader reads as vertex attributes (the distance
 * from the hairline, the density map, the client's hair, freeform scar tissue). Each layer names what in
 * the plan it is computed from; `VertexLayerRunner` recomputes a layer only when one of those changed by
 * reference (or its painting is unfinished) and says which layers' values changed, for the scene to upload.
 */
import type { TreatmentArea } from './hairline/treatmentArea';
import type { Plan } from './plan';

export interface VertexLayer<Area = TreatmentArea> {
  /** The vertex attribute it fills, as the shader names it. */
  readonly name: string;
  /** What in the plan it is computed from, compared by reference (a plan edit elsewhere leaves them the same objects). */
  inputs(plan: Plan): readonly unknown[];
  /** Its per-vertex values: one array, updated in place, that the attribute shows. */
  values(area: Area): Float32Array;
  /**
   * Brings the values up to date with the plan; painting stops after the stroke that passes `deadline`
   * (`performance.now()` time) and goes on at the next run. Returns the values' version.
   */
  compute(area: Area, plan: Plan, deadline: number): number;
  /** The values' version now (another reader, such as measuring, may have brought them up to date). */
  version(area: Area): number;
  /** Whether painting is left for the next run. */
  pending(area: Area): boolean;
}

export const VERTEX_LAYERS: readonly VertexLayer[] = [
  {
    name: 'hairlineDistance',
    inputs: (plan) => [plan.hairline.points, plan.hairline.age, plan.hairline.shape],
    values: (area) => area.distances,
    compute: (area, plan) => area.update(plan),
    version: (area) => area.version,
    pending: () => false,
  },
  {
    name: 'densityFactor',
    inputs: (plan) => [plan.density.regions, plan.density.strokes],
    values: (area) => area.density.factors,
    compute: (area, plan, deadline) => area.density.update(plan.density, deadline),
    version: (area) => area.density.version,
    pending: (area) => area.density.pending,
  },
  {
    name: 'hairDensity',
    inputs: (plan) => [plan.hairLoss.pattern, plan.hairLoss.strokes],
    values: (area) => area.hair.density,
    compute: (area, plan, deadline) => area.hair.update(plan.hairLoss, deadline),
    version: (area) => area.hair.version,
    pending: (area) => area.hair.pending,
  },
  {
    name: 'scarAmount',
    inputs: (plan) => [plan.scars],
    values: (area) => area.scars.amounts,
    compute: (area, plan, deadline) => {
      area.scars.update(plan.scars, deadline);
      return area.scars.amountsVersion;
    },
    version: (area) => area.scars.amountsVersion,
    pending: (area) => area.scars.pending,
  },
];

/** What a run did: the layers whose values changed (to upload), and whether painting is left. */
export interface LayerRun {
  changed: string[];
  pending: boolean;
}

interface LayerState {
  inputs: readonly unknown[] | null;
  /** The version last reported as changed. */
  version: number;
  pending: boolean;
}

const sameReferences = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Runs the layers on one head, remembering what each was last computed from. */
export class VertexLayerRunner<Area = TreatmentArea> {
  private readonly states: LayerState[];

  constructor(
    readonly layers: readonly VertexLayer<Area>[],
    private readonly area: Area,
  ) {
    this.states = layers.map(() => ({ inputs: null, version: -1, pending: false }));
  }

  /** Forgets what was reported: the next run recomputes every layer and reports each as changed (new attributes). */
  reset(): void {
    for (const state of this.states) Object.assign(state, { inputs: null, version: -1, pending: false });
  }

  /**
   * Recomputes each layer whose inputs changed by reference since its last run, or whose painting is
   * unfinished; reports a layer as changed whenever its values' version moved since it was last reported.
   */
  run(plan: Plan, deadline = Infinity): LayerRun {
    const changed: string[] = [];
    let pending = false;
    this.layers.forEach((layer, i) => {
      const state = this.states[i]!;
      const inputs = layer.inputs(plan);
      if (state.pending || !state.inputs || !sameReferences(inputs, state.inputs)) {
        layer.compute(this.area, plan, deadline);
        state.inputs = inputs;
        state.pending = layer.pending(this.area);
      }
      pending ||= state.pending;
      const version = layer.version(this.area);
      if (version !== state.version) {
        state.version = version;
        changed.push(layer.name);
      }
    });
    return { changed, pending };
  }
}
