import { describe, expect, it } from 'vitest';
import { applyStroke, brushWeight, distanceToPath, MIN_EDGE_MM, PaintedLayer, VertexGrid, type BrushStroke } from '../../src/domain/brush';
import { DensityMap } from '../../src/domain/density/densityMap';
import { DENSITY_REGIONS, MAX_DENSITY_FACTOR, regionAt, regionShares } from '../../src/domain/density/regions';
import type { Vec3 } from '../../src/domain/head/landmarks';
import { beginStroke, extendStroke, strokesFor } from '../../src/domain/painting';
import { defaultPlan, parsePlan } from '../../src/domain/plan';
import { loadDefaultHead, seededRandom } from './fixtures';

const head = loadDefaultHead();
const positions = head.skin.positions;
const indices = head.skin.indices;
const grid = new VertexGrid(positions);
const onSkin = (p: Vec3): Vec3 => head.query.project(p);

describe('brush', () => {
  it('has a full-strength core, a smooth edge and nothing beyond its reach', () => {
    expect(brushWeight(0, 10, 0.5)).toBe(1);
    expect(brushWeight(5, 10, 0.5)).toBe(1);
    expect(brushWeight(7.5, 10, 0.5)).toBeCloseTo(0.5, 9);
    expect(brushWeight(10, 10, 0.5)).toBe(0);
    // A hard brush: its half-strength line is exactly the radius, over the narrowest edge the mesh resolves.
    expect(brushWeight(10, 10, 0)).toBeCloseTo(0.5, 9);
    expect(brushWeight(10 - MIN_EDGE_MM / 2, 10, 0)).toBe(1);
    expect(brushWeight(10 + MIN_EDGE_MM / 2, 10, 0)).toBe(0);
    let previous = 1;
    for (let d = 0; d <= 12; d += 0.25) {
      const w = brushWeight(d, 10, 0.7);
      expect(w).toBeLessThanOrEqual(previous);
      previous = w;
    }
  });

  it.each([0, 0.2, 0.5])('paints an edge within 1 mm of where the brush put it on the default head (soft edge %f)', (softness) => {
    const stroke: BrushStroke = { mode: 'up', radiusMm: 10, softness, amount: 1, points: [head.landmarks.vertex, onSkin([30, head.landmarks.vertex[1] - 10, -20])] };
    const offsets = new Float32Array(positions.length / 3);
    applyStroke(offsets, grid, stroke);
    const halfWay = 10 * softness < MIN_EDGE_MM ? 10 : 10 * (1 - softness / 2);
    let crossings = 0;
    let worst = 0;
    // Where the drawn (linearly interpolated) map crosses half strength, against where the brush puts it.
    for (let t = 0; t < indices.length; t += 3) {
      for (let k = 0; k < 3; k++) {
        const a = indices[t + k]!;
        const b = indices[t + ((k + 1) % 3)]!;
        const wa = offsets[a]!;
        const wb = offsets[b]!;
        if ((wa - 0.5) * (wb - 0.5) >= 0) continue;
        const s = (0.5 - wa) / (wb - wa);
        const q = [0, 1, 2].map((c) => positions[3 * a + c]! + s * (positions[3 * b + c]! - positions[3 * a + c]!)) as Vec3;
        worst = Math.max(worst, Math.abs(distanceToPath(q, stroke.points) - halfWay));
        crossings++;
      }
    }
    expect(crossings).toBeGreaterThan(100);
    expect(worst).toBeLessThan(1);
  });

  it('adds, takes away and erases, touching only the vertices under the brush', () => {
    const at = onSkin([0, 140, 40]);
    const offsets = new Float32Array(positions.length / 3);
    const dab = (mode: BrushStroke['mode'], amount = 0.4): BrushStroke => ({ mode, radiusMm: 8, softness: 0.5, amount, points: [at] });
    applyStroke(offsets, grid, dab('up'));
    applyStroke(offsets, grid, dab('up'));
    applyStroke(offsets, grid, dab('down', 0.2));
    let centre = 0;
    let touched = 0;
    for (let v = 0; v < offsets.length; v++) {
      const d = Math.hypot(positions[3 * v]! - at[0], positions[3 * v + 1]! - at[1], positions[3 * v + 2]! - at[2]);
      if (offsets[v] !== 0) touched++;
      if (d > 8) expect(offsets[v]).toBe(0);
      if (d < 3) centre = Math.max(centre, offsets[v]!);
    }
    expect(centre).toBeCloseTo(0.6, 5);
    expect(touched).toBeLessThan(200);
    applyStroke(offsets, grid, dab('erase'));
    expect(Math.max(...offsets)).toBeLessThan(0.3);
  });

  it('keeps a growing stroke up to date without repainting, exactly as painting it from scratch', () => {
    const layer = new PaintedLayer(grid);
    const settings = { mode: 'up' as const, radiusMm: 6, softness: 0.4, amount: 0.3 };
    const strokes: BrushStroke[] = [];
    beginStroke(strokes, settings, onSkin([0, 120, 60]));
    for (let i = 1; i <= 20; i++) {
      extendStroke(strokes, onSkin([i * 3, 120, 60 - i * 2]));
      expect(layer.update(structuredClone(strokes))).toBe(true);
    }
    beginStroke(strokes, { ...settings, mode: 'down' }, onSkin([10, 130, 40]));
    extendStroke(strokes, onSkin([30, 130, 30]));
    layer.update(structuredClone(strokes));
    expect(layer.update(structuredClone(strokes))).toBe(false);
    const fresh = new PaintedLayer(grid);
    fresh.update(strokes);
    expect(Array.from(layer.offsets)).toEqual(Array.from(fresh.offsets));
    // Undoing the last stroke (a shorter list) repaints from the strokes left.
    layer.update(strokes.slice(0, 1));
    const one = new PaintedLayer(grid);
    one.update(strokes.slice(0, 1));
    expect(Array.from(layer.offsets)).toEqual(Array.from(one.offsets));
  });

  /** Random strokes over the head (and some off it), every brush mode, hard and soft, dabs and long paths. */
  const randomStrokes = (count: number, seed: number): BrushStroke[] => {
    const random = seededRandom(seed);
    return Array.from({ length: count }, (_, s) => {
      let p: Vec3 = [(random() - 0.5) * 180, 40 + random() * 140, (random() - 0.5) * 220];
      const points: Vec3[] = [];
      for (let i = 0, n = 1 + Math.floor(random() * 60); i < n; i++) {
        points.push(p);
        p = [p[0] + (random() - 0.5) * 30, p[1] + (random() - 0.5) * 30, p[2] + (random() - 0.5) * 30];
      }
      return { mode: (['up', 'down', 'erase'] as const)[s % 3]!, radiusMm: 1 + random() * 59, softness: [0, 0.1, 0.5, 1][s % 4]!, amount: 0.05 + random() * 0.95, points };
    });
  };
  /** The same painting on every 7th vertex, each against every segment: what the grid must match. */
  const paintedByHand = (strokes: readonly BrushStroke[], limit = 2) => {
    const offsets = new Float64Array(positions.length / 3);
    for (const { mode, radiusMm, softness, amount, points } of strokes) {
      for (let v = 0; v < offsets.length; v += 7) {
        const w = brushWeight(distanceToPath([positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!], points), radiusMm, softness);
        if (w === 0) continue;
        offsets[v] = mode === 'erase' ? offsets[v]! * (1 - w) : Math.max(-limit, Math.min(limit, offsets[v]! + (mode === 'up' ? 1 : -1) * amount * w));
      }
    }
    return offsets;
  };
  const largestDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    let worst = 0;
    for (let v = 0; v < a.length; v += 7) worst = Math.max(worst, Math.abs(a[v]! - b[v]!));
    return worst;
  };

  /** The first vertex where two paintings differ at all, or -1. */
  const firstDifference = (a: Float32Array, b: Float32Array) => a.findIndex((o, v) => o !== b[v]);

  it('paints every vertex exactly as measuring it against every segment of the path does', () => {
    const strokes = randomStrokes(16, 11);
    const offsets = new Float32Array(positions.length / 3);
    for (const stroke of strokes) applyStroke(offsets, grid, stroke);
    expect(offsets.some((o) => o !== 0)).toBe(true);
    expect(largestDifference(offsets, paintedByHand(strokes))).toBeLessThan(1e-5);
  });

  it('follows strokes added, undone, redone, changed and cleared exactly as painting them afresh does', () => {
    const strokes = randomStrokes(40, 5);
    const layer = new PaintedLayer(grid);
    const fresh = (list: readonly BrushStroke[]) => {
      const other = new PaintedLayer(grid);
      other.update(list);
      return other.offsets;
    };
    // Stroke by stroke, as a person paints; then undo back past saved states, redo, clear and paint again.
    for (let n = 1; n <= strokes.length; n++) layer.update(strokes.slice(0, n));
    expect(firstDifference(layer.offsets, fresh(strokes))).toBe(-1);
    for (const n of [39, 32, 20, 40, 0, 5]) {
      layer.update(strokes.slice(0, n));
      expect(firstDifference(layer.offsets, fresh(strokes.slice(0, n)))).toBe(-1);
    }
    // A stroke changed in the middle (an equal copy is recognised as unchanged).
    const changed = structuredClone(strokes);
    changed[25] = { ...changed[25]!, amount: 1 };
    expect(layer.update(structuredClone(strokes.slice(0, 5)))).toBe(false);
    layer.update(changed);
    expect(firstDifference(layer.offsets, fresh(changed))).toBe(-1);
  });

  it('paints a large plan over several calls with a deadline, to the same result as in one go', () => {
    const strokes = randomStrokes(60, 8);
    const whole = new PaintedLayer(grid);
    whole.update(strokes);
    const chunked = new PaintedLayer(grid);
    let calls = 0;
    expect(chunked.isPainted([])).toBe(true);
    expect(chunked.isPainted(strokes)).toBe(false);
    // A deadline already past: one stroke per call, as a very slow frame would.
    do chunked.update(strokes, performance.now() - 1);
    while (chunked.pending && chunked.isPainted(strokes) === false && ++calls < 1000);
    expect(calls).toBe(strokes.length - 1);
    expect(chunked.isPainted(strokes)).toBe(true);
    expect(firstDifference(chunked.offsets, whole.offsets)).toBe(-1);
    // A new list while painting is still under way: painting goes on from what is already right.
    const layer = new PaintedLayer(grid);
    layer.update(strokes.slice(0, 30), performance.now() - 1);
    layer.update(strokes, performance.now() - 1);
    while (layer.pending) layer.update(strokes, performance.now() + 5);
    expect(firstDifference(layer.offsets, whole.offsets)).toBe(-1);
  });

  it('records points a fifth of the radius apart, to 0.1 mm, and continues a full stroke as a new one', () => {
    const strokes: BrushStroke[] = [];
    expect(beginStroke(strokes, { mode: 'up', radiusMm: 10, softness: 0.5, amount: 0.25 }, [1.234, 2.345, 3.456])).toBeNull();
    expect(strokes[0]!.points).toEqual([[1.2, 2.3, 3.5]]);
    expect(extendStroke(strokes, [2.5, 2.3, 3.5])).toBe(false);
    expect(extendStroke(strokes, [3.3, 2.3, 3.5])).toBe(true);
    strokes[0]!.points = Array.from({ length: 400 }, (_, i) => [i * 2, 0, 0] as Vec3);
    expect(extendStroke(strokes, [820, 0, 0])).toBe(true);
    expect(strokes).toHaveLength(2);
    expect(strokes[1]!.points).toEqual([[798, 0, 0], [820, 0, 0]]);
  });

  it('paints into the map the brush is set to, and refuses a map that is full', () => {
    const plan = parsePlan({ scars: [{ id: 'burn', kind: 'freeform' }, { id: 'strip', kind: 'fut' }] });
    expect(strokesFor(plan, { map: 'density' })).toBe(plan.density.strokes);
    expect(strokesFor(plan, { map: 'hair' })).toBe(plan.hairLoss.strokes);
    expect(strokesFor(plan, { map: 'scar', scarId: 'burn' })).toBe((plan.scars[0] as { strokes: BrushStroke[] }).strokes);
    expect(strokesFor(plan, { map: 'scar', scarId: 'strip' })).toBeNull();
    const full = Array.from({ length: 300 }, () => ({ mode: 'up' as const, radiusMm: 5, softness: 0.5, amount: 0.2, points: [[0, 0, 0] as Vec3] }));
    expect(beginStroke(full, full[0]!, [1, 1, 1])).toMatch(/300 strokes/);
  });
});

describe('density regions', () => {
  const { landmarks } = head;
  it('share out every point of the scalp between the 8 regions', () => {
    for (let v = 0; v < positions.length / 3; v += 97) {
      const shares = regionShares([positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!], landmarks);
      expect(Array.from(shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      for (const s of shares) expect(s).toBeGreaterThanOrEqual(0);
    }
  });

  it('lays the regions out where clinics put them', () => {
    const { vertex, glabella, inion, leftTragus, rightTragus } = landmarks;
    const at = (x: number, y: number, z: number) => regionAt(onSkin([x, y, z]), landmarks);
    expect(at(0, glabella[1] + 70, glabella[2])).toBe('frontal');
    expect(at(0, vertex[1], vertex[2] + 30)).toBe('midScalp');
    expect(at(0, vertex[1], vertex[2] - 50)).toBe('crown');
    expect(at(0, inion[1] + 10, inion[2])).toBe('occipital');
    expect(at(leftTragus[0], leftTragus[1] + 50, leftTragus[2] + 30)).toBe('leftTemporal');
    expect(at(rightTragus[0], rightTragus[1] + 50, rightTragus[2] + 30)).toBe('rightTemporal');
    expect(at(leftTragus[0], leftTragus[1] + 80, leftTragus[2] - 50)).toBe('leftParietal');
    expect(at(rightTragus[0], rightTragus[1] + 80, rightTragus[2] - 50)).toBe('rightParietal');
    expect(new Set(DENSITY_REGIONS.map((r) => r)).size).toBe(8);
  });

  it('makes the density factor per vertex from the regions and the painting, within 0 to 1.5', () => {
    const map = new DensityMap(grid, landmarks);
    const plan = defaultPlan();
    const v0 = map.update(plan.density);
    expect(Math.min(...map.factors)).toBeCloseTo(1, 5);
    expect(Math.max(...map.factors)).toBeCloseTo(1, 5);
    expect(map.update(plan.density)).toBe(v0);
    plan.density.regions.crown = 1.5;
    plan.density.regions.frontal = 0.5;
    map.update(plan.density);
    const crownPoint = onSkin([0, landmarks.vertex[1], landmarks.vertex[2] - 50]);
    const nearest = (p: Vec3) => {
      let best = 0;
      let bestD = Infinity;
      for (let v = 0; v < positions.length / 3; v++) {
        const d = Math.hypot(positions[3 * v]! - p[0], positions[3 * v + 1]! - p[1], positions[3 * v + 2]! - p[2]);
        if (d < bestD) {
          bestD = d;
          best = v;
        }
      }
      return best;
    };
    expect(map.factors[nearest(crownPoint)]).toBeCloseTo(1.5, 3);
    const frontPoint = onSkin([0, landmarks.glabella[1] + 70, landmarks.glabella[2]]);
    expect(map.factors[nearest(frontPoint)]).toBeCloseTo(0.5, 3);
    plan.density.strokes.push({ mode: 'up', radiusMm: 10, softness: 0.5, amount: 1, points: [crownPoint] });
    map.update(plan.density);
    expect(map.factors[nearest(crownPoint)]).toBe(MAX_DENSITY_FACTOR);
  });
});

describe('the plan\'s maps and scars', () => {
  it('defaults to no painting, no hair loss and no scars', () => {
    const plan = defaultPlan();
    expect(plan.density.strokes).toEqual([]);
    expect(Object.values(plan.density.regions)).toEqual(Array(8).fill(1));
    expect(plan.hairLoss).toEqual({ pattern: 'none', strokes: [], stubbleMm: 1 });
    expect(plan.scars).toEqual([]);
  });

  it('gives a scar with only an id and a kind its typical defaults', () => {
    const plan = parsePlan({ scars: [{ id: 'a', kind: 'fut' }, { id: 'b', kind: 'fue' }] });
    expect(plan.scars[0]).toMatchObject({ id: 'a', kind: 'fut', lengthMm: 200, widthMm: 3 });
    expect(plan.scars[1]).toMatchObject({ id: 'b', kind: 'fue', count: 300 });
  });

  it.each([
    [{ scars: [{ id: 'a', kind: 'keloid' }] }, /scars\[0\]\.kind must be one of fut, fue, freeform/],
    [{ scars: [{ kind: 'fut' }] }, /scars\[0\]\.id must not be empty/],
    [{ scars: [{ id: 'a', kind: 'fut' }, { id: 'a', kind: 'fue' }] }, /scars\[1\]\.id must be unique/],
    [{ scars: [{ id: 'a', kind: 'fue', lengthMm: 5 }] }, /scars\[0\]\.lengthMm is not a known plan field/],
    [{ density: { regions: { crown: 2 } } }, /density\.regions\.crown must be between 0 and 1\.5/],
    [{ density: { strokes: [{ mode: 'paint', points: [] }] } }, /density\.strokes\[0\]\.mode/],
    [{ hairLoss: { pattern: 'norwood-8' } }, /hairLoss\.pattern must be one of/],
  ])('rejects %j clearly', (input, message) => {
    expect(() => parsePlan(input)).toThrow(message);
  });
});
