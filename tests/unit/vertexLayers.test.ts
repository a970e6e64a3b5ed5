import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TreatmentArea } from '../../src/domain/hairline/treatmentArea';
import { defaultPlan, type Plan } from '../../src/domain/plan';
import { VERTEX_LAYERS, VertexLayerRunner, type VertexLayer } from '../../src/domain/vertexLayers';
import { DEFAULT_HEAD_GLB, loadDefaultHead } from './fixtures';

/** One layer's values on a fake head, and how often they were computed; `left`: runs of painting still to do. */
interface Counter {
  values: Float32Array;
  version: number;
  computed: number;
  left: number;
}
type FakeHead = Record<string, Counter>;

/** A layer over a fake head that counts its computations; each computation leaves `paintingRuns` more runs of painting. */
function countingLayer(name: string, inputs: (plan: Plan) => readonly unknown[], paintingRuns = 0): VertexLayer<FakeHead> {
  const counter = (h: FakeHead) => (h[name] ??= { values: new Float32Array(4), version: 0, computed: 0, left: 0 });
  return {
    name,
    inputs,
    values: (h) => counter(h).values,
    compute: (h) => {
      const c = counter(h);
      c.computed++;
      c.left = c.left > 0 ? c.left - 1 : paintingRuns;
      c.values.fill(c.computed);
      return ++c.version;
    },
    version: (h) => counter(h).version,
    pending: (h) => counter(h).left > 0,
  };
}

describe('the per-vertex layer pipeline', () => {
  it('recomputes a layer only when one of its inputs changes by reference', () => {
    const head: FakeHead = {};
    const runner = new VertexLayerRunner([countingLayer('densityFactor', (plan) => [plan.density.regions, plan.density.strokes])], head);
    const plan = defaultPlan();
    expect(runner.run(plan)).toEqual({ changed: ['densityFactor'], pending: false });
    expect(head.densityFactor!.computed).toBe(1);
    // Another plan object, another dot size, the same density map: nothing to do.
    const otherDots: Plan = { ...plan, dots: { ...plan.dots, diameterMm: 0.5 } };
    expect(runner.run(otherDots)).toEqual({ changed: [], pending: false });
    expect(head.densityFactor!.computed).toBe(1);
    // An equal copy is a change: inputs are compared by reference, never by content.
    const copied: Plan = { ...plan, density: { ...plan.density, regions: { ...plan.density.regions } } };
    expect(runner.run(copied).changed).toEqual(['densityFactor']);
    expect(head.densityFactor!.computed).toBe(2);
    expect(runner.run(copied).changed).toEqual([]);
    expect(head.densityFactor!.computed).toBe(2);
  });

  it('runs only the layers whose inputs changed, each reported once', () => {
    const head: FakeHead = {};
    const layers = [countingLayer('hairlineDistance', (plan) => [plan.hairline.points]), countingLayer('hairDensity', (plan) => [plan.hairLoss.pattern, plan.hairLoss.strokes])];
    const runner = new VertexLayerRunner(layers, head);
    const plan = defaultPlan();
    expect(runner.run(plan).changed).toEqual(['hairlineDistance', 'hairDensity']);
    const thinning: Plan = { ...plan, hairLoss: { ...plan.hairLoss, pattern: 'diffuse' } };
    expect(runner.run(thinning).changed).toEqual(['hairDensity']);
    expect([head.hairlineDistance!.computed, head.hairDensity!.computed]).toEqual([1, 2]);
    runner.reset();
    expect(runner.run(thinning).changed).toEqual(['hairlineDistance', 'hairDensity']);
  });

  it('goes on painting at the next runs while painting is left, then stops', () => {
    const head: FakeHead = {};
    const runner = new VertexLayerRunner([countingLayer('scarAmount', (plan) => [plan.scars], 2)], head);
    const plan = defaultPlan();
    expect(runner.run(plan, 0).pending).toBe(true);
    expect(runner.run(plan, 0).pending).toBe(true);
    expect(runner.run(plan, 0)).toEqual({ changed: ['scarAmount'], pending: false });
    expect(runner.run(plan, 0)).toEqual({ changed: [], pending: false });
    expect(head.scarAmount!.computed).toBe(3);
  });

  it('reports values another reader brought up to date, without recomputing them', () => {
    const head: FakeHead = {};
    const layer = countingLayer('densityFactor', (plan) => [plan.density]);
    const runner = new VertexLayerRunner([layer], head);
    const plan = defaultPlan();
    runner.run(plan);
    layer.compute(head, plan, Infinity); // e.g. measuring the plan painted the rest at once
    expect(runner.run(plan).changed).toEqual(['densityFactor']);
    expect(head.densityFactor!.computed).toBe(2);
  });

  it.skipIf(!existsSync(DEFAULT_HEAD_GLB))('on the default head: a density edit leaves the hairline, hair and scars alone; drawing the line leaves its field to the layers', { timeout: 60_000 }, () => {
    const head = loadDefaultHead();
    const area = new TreatmentArea(head.skin.positions, head.skin.indices, head.landmarks);
    const runner = new VertexLayerRunner(VERTEX_LAYERS, area);
    expect(VERTEX_LAYERS.map((l) => l.values(area).length)).toEqual(VERTEX_LAYERS.map(() => head.skin.positions.length / 3));
    const plan = defaultPlan();
    // The first run reports every layer: each attribute is uploaded once.
    expect(runner.run(plan).changed).toEqual(['hairlineDistance', 'densityFactor', 'hairDensity', 'scarAmount']);
    const distances = area.distances.slice();
    const denserCrown: Plan = { ...plan, density: { ...plan.density, regions: { ...plan.density.regions, crown: 1.4 } } };
    const before = area.density.factors.slice();
    expect(runner.run(denserCrown).changed).toEqual(['densityFactor']);
    expect(area.density.factors.some((f, v) => f > before[v]!)).toBe(true);
    expect(area.distances).toEqual(distances);
    const lowered: Plan = { ...denserCrown, hairline: { ...denserCrown.hairline, age: 'conservative' } };
    expect(runner.run(lowered).changed).toEqual(['hairlineDistance']);
    expect(area.distances).not.toEqual(distances);
    // Drawing the line (the hairline editor does, while React renders) makes its curve and leaves the field alone.
    const raised: Plan = { ...lowered, hairline: { ...lowered.hairline, age: 'juvenile' } };
    const version = area.version;
    expect(area.current(raised).curve.length).toBeGreaterThan(0);
    expect(area.version).toBe(version);
    expect(runner.run(raised).changed).toEqual(['hairlineDistance']);
    expect(area.version).toBe(version + 1);
  });
});
