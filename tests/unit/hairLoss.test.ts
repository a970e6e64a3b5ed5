import { describe, expect, it } from 'vitest';
import { VertexGrid, type BrushStroke } from '../../src/domain/brush';
import { hairlineCenter, hairlineCurve, rayToSurface } from '../../src/domain/hairline/hairline';
import { signedDistanceToHairline } from '../../src/domain/hairline/scalpDistance';
import { TreatmentArea } from '../../src/domain/hairline/treatmentArea';
import { HairMap, NATURAL_HAIRLINE } from '../../src/domain/hairLoss/hairMap';
import { HAIR_LOSS_GROUPS, HAIR_LOSS_LABELS } from '../../src/domain/hairLoss/labels';
import { HAIR_LOSS_PATTERNS, type HairLossPattern } from '../../src/domain/hairLoss/patterns';
import type { Vec3 } from '../../src/domain/head/landmarks';
import { defaultPlan } from '../../src/domain/plan';
import { VERTEX_LAYERS, VertexLayerRunner } from '../../src/domain/vertexLayers';
import { loadDefaultHead } from './fixtures';

const head = loadDefaultHead();
const positions = head.skin.positions;
const indices = head.skin.indices;
const vertexCount = positions.length / 3;
const treatment = new TreatmentArea(positions, indices, head.landmarks);
const hair = treatment.hair;
const { frame } = hair;
const maps = new Map<HairLossPattern, Float32Array>(HAIR_LOSS_PATTERNS.map((p) => [p, hair.patternDensity(p)]));
const mapOf = (pattern: HairLossPattern) => maps.get(pattern)!;

const position = (v: number): Vec3 => [positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!];
const dist = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** The vertex nearest to a point (the maps are per vertex). */
function nearestVertex(p: Vec3): number {
  let best = 0;
  let bestD = Infinity;
  for (let v = 0; v < vertexCount; v++) {
    const d = dist(position(v), p);
    if (d < bestD) {
      bestD = d;
      best = v;
    }
  }
  return best;
}

/**
 * The skin point seen from the frame's centre in a direction given by angles across and front-to-back
 * (degrees from straight up; the natural front hairline is about 43° forward on the default head).
 */
function onScalp(acrossDeg: number, frontDeg: number): Vec3 {
  const a = (acrossDeg * Math.PI) / 180;
  const f = (frontDeg * Math.PI) / 180;
  return rayToSurface(head.query.project, frame.center, [Math.sin(a), Math.cos(a) * Math.cos(f), Math.cos(a) * Math.sin(f)], frame.radiusMm);
}

const densityAt = (pattern: HairLossPattern, p: Vec3) => mapOf(pattern)[nearestVertex(p)]!;

/** Hair-covered area (cm²): the map integrated over the skin, linear on each triangle. */
function hairArea(map: Float32Array): number {
  let area = 0;
  for (let t = 0; t < indices.length; t += 3) {
    const [a, b, c] = [indices[t]!, indices[t + 1]!, indices[t + 2]!];
    const pa = position(a), pb = position(b), pc = position(c);
    const u = [pb[0] - pa[0], pb[1] - pa[1], pb[2] - pa[2]];
    const w = [pc[0] - pa[0], pc[1] - pa[1], pc[2] - pa[2]];
    const cross = Math.hypot(u[1]! * w[2]! - u[2]! * w[1]!, u[2]! * w[0]! - u[0]! * w[2]!, u[0]! * w[1]! - u[1]! * w[0]!);
    area += (cross / 2) * ((map[a]! + map[b]! + map[c]!) / 3);
  }
  return area / 100;
}

/** Samples along the midline over the top, from the forehead (45° forward of straight up) to the occiput. */
const midline = Array.from({ length: 121 }, (_, i) => 50 - i);
const midlineProfile = (pattern: HairLossPattern) => midline.map((f) => densityAt(pattern, onScalp(0, f)));

const NATURAL_FRONT: Vec3 = onScalp(0, 44);

describe('hair-loss patterns', () => {
  it('keep every value between 0 and 1; "none" draws no hair and every pattern is in the chooser once', () => {
    for (const pattern of HAIR_LOSS_PATTERNS) {
      const map = mapOf(pattern);
      expect(map.every((d) => d >= 0 && d <= 1), pattern).toBe(true);
    }
    expect(mapOf('none').every((d) => d === 0)).toBe(true);
    expect([...HAIR_LOSS_GROUPS.flatMap((g) => g.patterns)].sort()).toEqual([...HAIR_LOSS_PATTERNS].sort());
    for (const pattern of HAIR_LOSS_PATTERNS) expect(HAIR_LOSS_LABELS[pattern].description.length).toBeGreaterThan(20);
    expect(HAIR_LOSS_LABELS['norwood-3v'].description).toBe('Norwood 3 vertex: temples receded and a thinning crown.');
  });

  it('grow hair only on the hair-bearing scalp: none on the face, the ears or the neck', () => {
    const { landmarks } = head;
    const face = [landmarks.glabella, landmarks.nasion, landmarks.menton, landmarks.leftLateralCanthus, landmarks.rightLateralCanthus];
    // Mid-forehead, half way between the brows and the natural hairline.
    const forehead = head.query.project([0, (landmarks.glabella[1] + NATURAL_FRONT[1]) / 2, 200]);
    const ears = [landmarks.leftTragus, landmarks.rightTragus, head.query.project([120, 30, -5]), head.query.project([-120, 30, -5])];
    const neck = [head.query.project([0, -110, -200]), head.query.project([80, -90, -40]), head.query.project([0, -120, 200])];
    for (const pattern of HAIR_LOSS_PATTERNS) {
      for (const p of [...face, forehead, ...ears, ...neck]) expect(densityAt(pattern, p), `${pattern} at ${p.map(Math.round).join(', ')}`).toBe(0);
    }
    // Full hair on the scalp of a client without loss, and right up to the natural nape line.
    expect(densityAt('norwood-1', landmarks.vertex)).toBe(1);
    expect(densityAt('norwood-1', onScalp(0, -125))).toBe(1);
    expect(densityAt('norwood-1', onScalp(0, 45))).toBe(0);
  });

  it('lose hair area through the Norwood series, and from the front backward in the A variants', () => {
    const area = (p: HairLossPattern) => hairArea(mapOf(p));
    const series = (['norwood-1', 'norwood-2', 'norwood-3', 'norwood-4', 'norwood-5', 'norwood-6', 'norwood-7'] as const).map(area);
    console.log(`hair area, Norwood 1 to 7: ${series.map((a) => a.toFixed(0)).join(', ')} cm²`);
    // The hair-bearing scalp of a full head: the domain notes give 600-775 cm² of scalp, less the soft hairline.
    expect(series[0]).toBeGreaterThan(520);
    expect(series[0]).toBeLessThan(700);
    for (let i = 1; i < series.length; i++) expect(series[i]!).toBeLessThan(series[i - 1]! - 10);
    expect(series[6]!).toBeLessThan(0.3 * series[0]!);
    expect(area('norwood-3v')).toBeLessThan(area('norwood-3'));
    expect(area('norwood-3a')).toBeLessThan(area('norwood-2'));
    expect(area('norwood-4a')).toBeLessThan(area('norwood-3a'));
    expect(area('norwood-5a')).toBeLessThan(area('norwood-4a'));
  });

  it('recede the temples first (Norwood 2 and 3) while the midline hairline stays', () => {
    const corner = onScalp(26, 35);
    const mid = onScalp(0, 30);
    expect(densityAt('norwood-1', corner)).toBeGreaterThan(0.9);
    expect(densityAt('norwood-3', corner)).toBeLessThan(0.05);
    expect(densityAt('norwood-3', mid)).toBeGreaterThan(0.9);
    expect(densityAt('norwood-2', mid)).toBeGreaterThan(0.9);
  });

  it('keep a bridge of hair between the front and the crown in Norwood 4, narrower in 5, and none in 6', () => {
    const bridge = (pattern: HairLossPattern) => {
      const profile = midlineProfile(pattern);
      // From the front back: bald front, then hair, then the bald crown.
      const front = profile.findIndex((d) => d < 0.05);
      const crown = profile.length - 1 - [...profile].reverse().findIndex((d) => d < 0.05);
      const between = profile.slice(front, crown + 1);
      return { front, crown, best: Math.max(...between), width: between.filter((d) => d > 0.3).length };
    };
    const four = bridge('norwood-4');
    const five = bridge('norwood-5');
    const six = bridge('norwood-6');
    console.log(`bridge: Norwood 4 ${four.best.toFixed(2)} over ${four.width}°, 5 ${five.best.toFixed(2)} over ${five.width}°, 6 ${six.best.toFixed(2)}`);
    expect(four.best).toBeGreaterThan(0.8);
    expect(four.width).toBeGreaterThan(12);
    expect(five.best).toBeGreaterThan(0.2);
    expect(five.width).toBeLessThan(four.width);
    expect(six.best).toBeLessThan(0.05);
    // The crown itself is bald in 4, 5 and 6 (its whorl sits about 3 cm behind the vertex).
    for (const p of ['norwood-4', 'norwood-5', 'norwood-6'] as const) expect(densityAt(p, frame.whorl)).toBeLessThan(0.05);
  });

  it('thin the crown in Norwood 3 vertex, with thinning hair around a small bald spot', () => {
    expect(densityAt('norwood-3', frame.whorl)).toBeGreaterThan(0.95);
    expect(densityAt('norwood-3v', frame.whorl)).toBeLessThan(0.05);
    // 2 cm in front of the whorl.
    const ring = densityAt('norwood-3v', onScalp(0, -13));
    expect(ring).toBeGreaterThan(0.2);
    expect(ring).toBeLessThan(0.7);
  });

  it('leave Norwood 7 a horseshoe: bald vertex and front, hair at the sides and at the back above the nape', () => {
    expect(densityAt('norwood-7', head.landmarks.vertex)).toBe(0);
    expect(densityAt('norwood-7', onScalp(0, 30))).toBe(0);
    expect(densityAt('norwood-7', frame.whorl)).toBe(0);
    const occipital = onScalp(0, -110);
    expect(occipital[1]).toBeLessThan(head.landmarks.inion[1] + 10);
    expect(occipital[1]).toBeGreaterThan(head.landmarks.inion[1] - 10);
    expect(densityAt('norwood-7', occipital)).toBeGreaterThan(0.8);
    // Above the ears, both sides.
    for (const side of [1, -1]) {
      const aboveEar = onScalp(side * 80, -40);
      expect(aboveEar[1]).toBeGreaterThan(head.landmarks.leftTragus[1] + 40);
      expect(densityAt('norwood-7', aboveEar)).toBeGreaterThan(0.8);
    }
    // The fringe of Norwood 6 reaches higher than that of 7.
    const high = onScalp(0, -85);
    expect(densityAt('norwood-6', high)).toBeGreaterThan(0.9);
    expect(densityAt('norwood-7', high)).toBeLessThan(0.1);
  });

  it('thin the top behind a preserved frontal hairline in Ludwig 1-3, more with each grade', () => {
    // The hairline zone, its first 8 mm, is as a full head of hair's.
    const hairlineZone = [onScalp(0, 40), onScalp(0, 39), onScalp(15, 40)];
    const top = head.landmarks.vertex;
    const grades = (['ludwig-1', 'ludwig-2', 'ludwig-3'] as const).map((p) => ({ pattern: p, top: densityAt(p, top), area: hairArea(mapOf(p)) }));
    console.log(`Ludwig 1-3 on the top: ${grades.map((g) => g.top.toFixed(2)).join(', ')}`);
    for (const g of grades) {
      for (const p of hairlineZone) expect(densityAt(g.pattern, p)).toBeCloseTo(densityAt('norwood-1', p), 3);
      expect(g.top).toBeGreaterThan(0.15);
      expect(g.top).toBeLessThan(0.65);
    }
    expect(grades[1]!.top).toBeLessThan(grades[0]!.top - 0.1);
    expect(grades[2]!.top).toBeLessThan(grades[1]!.top - 0.1);
    expect(grades[1]!.area).toBeLessThan(grades[0]!.area);
    expect(grades[2]!.area).toBeLessThan(grades[1]!.area);
    // The thinning starts 1-3 cm behind the front hairline: further back in grade 1 than in grade 3.
    const startsAt = (p: HairLossPattern) => {
      const profile = midlineProfile(p);
      const hairline = profile.findIndex((d) => d > 0.9);
      return profile.findIndex((d, i) => i > hairline && d < 0.9) - hairline;
    };
    expect(startsAt('ludwig-1')).toBeGreaterThan(startsAt('ludwig-3') + 5);
    // Sides and back keep their hair.
    for (const p of ['ludwig-1', 'ludwig-2', 'ludwig-3'] as const) {
      expect(densityAt(p, onScalp(0, -115))).toBe(1);
      expect(densityAt(p, onScalp(70, -20))).toBe(1);
    }
  });

  it('thin the whole scalp in diffuse thinning, to partial densities', () => {
    const map = mapOf('diffuse');
    const full = mapOf('norwood-1');
    let inside = 0;
    for (let v = 0; v < vertexCount; v++) {
      if (full[v]! < 1) continue;
      inside++;
      expect(map[v]!).toBeGreaterThanOrEqual(0.39);
      expect(map[v]!).toBeLessThanOrEqual(0.65);
    }
    expect(inside).toBeGreaterThan(10_000);
  });

  it('make a few round patches 2-3 cm across in alopecia areata, always in the same places', () => {
    const map = mapOf('areata');
    const full = mapOf('norwood-1');
    // Bald vertices of the hair-bearing scalp, grouped into patches by the mesh's edges.
    const bald = new Uint8Array(vertexCount);
    for (let v = 0; v < vertexCount; v++) bald[v] = full[v]! > 0.99 && map[v]! < 0.5 ? 1 : 0;
    const neighbours = Array.from({ length: vertexCount }, () => [] as number[]);
    for (let t = 0; t < indices.length; t += 3) {
      for (let k = 0; k < 3; k++) {
        const a = indices[t + k]!;
        const b = indices[t + ((k + 1) % 3)]!;
        if (bald[a] && bald[b]) {
          neighbours[a]!.push(b);
          neighbours[b]!.push(a);
        }
      }
    }
    const seen = new Uint8Array(vertexCount);
    const patches: Vec3[][] = [];
    for (let v = 0; v < vertexCount; v++) {
      if (!bald[v] || seen[v]) continue;
      const patch: Vec3[] = [];
      const stack = [v];
      seen[v] = 1;
      while (stack.length) {
        const u = stack.pop()!;
        patch.push(position(u));
        for (const w of neighbours[u]!) {
          if (seen[w]) continue;
          seen[w] = 1;
          stack.push(w);
        }
      }
      patches.push(patch);
    }
    expect(patches.length).toBeGreaterThanOrEqual(2);
    expect(patches.length).toBeLessThanOrEqual(5);
    for (const patch of patches) {
      // Across: the widest span; round or oval: its narrowest width through the centre is not much less.
      const centre = patch.reduce<Vec3>((c, p) => [c[0] + p[0] / patch.length, c[1] + p[1] / patch.length, c[2] + p[2] / patch.length], [0, 0, 0]);
      let widest = 0;
      for (const p of patch) widest = Math.max(widest, 2 * dist(p, centre));
      const mean = (2 * patch.reduce((s, p) => s + dist(p, centre), 0)) / patch.length;
      console.log(`areata patch: ${widest.toFixed(1)} mm across (${patch.length} vertices)`);
      expect(widest).toBeGreaterThan(18);
      expect(widest).toBeLessThan(33);
      // A uniform disc's mean distance from the centre is 2/3 of its radius.
      expect(mean / widest).toBeGreaterThan(0.55);
    }
    expect(Array.from(new TreatmentArea(positions, indices, head.landmarks).hair.patternDensity('areata'))).toEqual(Array.from(map));
  });
});

describe('the hair map', () => {
  const paint = (mode: BrushStroke['mode'], at: Vec3, amount = 0.5): BrushStroke => ({ mode, radiusMm: 12, softness: 0.5, amount, points: [at] });

  it('adds hair where painted up, takes it away where painted down, and erases back to the pattern', () => {
    const map = new TreatmentArea(positions, indices, head.landmarks).hair;
    const plan = defaultPlan();
    plan.hairLoss.pattern = 'norwood-7';
    const top = head.landmarks.vertex;
    const v = nearestVertex(top);
    const back = nearestVertex(onScalp(0, -115));
    const version0 = map.update(plan.hairLoss);
    expect(map.density[v]).toBe(0);
    expect(map.update(plan.hairLoss)).toBe(version0);

    plan.hairLoss.strokes.push(paint('up', top));
    const version1 = map.update(plan.hairLoss);
    expect(version1).toBeGreaterThan(version0);
    expect(map.density[v]).toBeCloseTo(0.5, 5);
    plan.hairLoss.strokes.push(paint('up', top));
    map.update(plan.hairLoss);
    expect(map.density[v]).toBeCloseTo(1, 5);
    // Beyond the brush, the pattern stays.
    expect(map.density[back]).toBeCloseTo(mapOf('norwood-7')[back]!, 6);

    plan.hairLoss.strokes.push(paint('down', onScalp(0, -115), 1));
    map.update(plan.hairLoss);
    expect(map.density[back]).toBe(0);

    const eraser = (at: Vec3): BrushStroke => ({ mode: 'erase', radiusMm: 20, softness: 0, amount: 1, points: [at] });
    plan.hairLoss.strokes.push(eraser(top), eraser(onScalp(0, -115)));
    map.update(plan.hairLoss);
    const pattern = mapOf('norwood-7');
    for (let u = 0; u < vertexCount; u++) expect(Math.abs(map.density[u]! - pattern[u]!)).toBeLessThan(1e-6);

    // A new pattern keeps the painting on top of it.
    plan.hairLoss.strokes = [paint('down', top, 0.25)];
    plan.hairLoss.pattern = 'norwood-1';
    const version2 = map.update(plan.hairLoss);
    expect(version2).toBeGreaterThan(version1);
    expect(map.density[v]).toBeCloseTo(0.75, 5);
  });

  it('asks for the natural hairline only once a pattern is drawn, so a plan without hair costs nothing', () => {
    let asked = 0;
    const natural = () => {
      asked++;
      const curve = hairlineCurve(treatment.preset(NATURAL_HAIRLINE.age, NATURAL_HAIRLINE.shape), head.query.project);
      return { curve, insideMm: signedDistanceToHairline(positions, curve, hairlineCenter(head.landmarks)) };
    };
    const map = new HairMap(new VertexGrid(positions), head.landmarks, natural);
    const plan = defaultPlan();
    map.update(plan.hairLoss);
    expect(asked).toBe(0);
    expect(map.density.every((d) => d === 0)).toBe(true);
    plan.hairLoss.pattern = 'ludwig-2';
    map.update(plan.hairLoss);
    plan.hairLoss.pattern = 'areata';
    map.update(plan.hairLoss);
    expect(asked).toBe(1);
    expect(Array.from(map.density)).toEqual(Array.from(mapOf('areata')));
  });
});

describe('the hair the scalp shader draws', () => {
  it('is every pattern’s map: the vertex layer the shader reads holds it, reported changed for upload', () => {
    // The browser test (tests/browser/hairLoss.test.ts) checks that the pixels follow this layer for a few
    // patterns (bald, full, thinning, patches); here every pattern reaches the layer as its map.
    const area = new TreatmentArea(positions, indices, head.landmarks);
    const runner = new VertexLayerRunner(VERTEX_LAYERS, area);
    const layer = VERTEX_LAYERS.find((l) => l.name === 'hairDensity')!;
    runner.run(defaultPlan());
    for (const pattern of HAIR_LOSS_PATTERNS.filter((p) => p !== 'none')) {
      const plan = defaultPlan();
      plan.hairLoss.pattern = pattern;
      expect(runner.run(plan).changed, pattern).toContain('hairDensity');
      expect(Array.from(layer.values(area)), pattern).toEqual(Array.from(mapOf(pattern)));
    }
  });

  it('gives full hair over the top of the head in most patterns, where the top view is checked', () => {
    // The vertices the browser test samples from above: every fifth, facing up, high on the head.
    const normals = head.skin.normals;
    const top = Array.from({ length: vertexCount }, (_, v) => v).filter((v) => v % 5 === 0 && normals[3 * v + 1]! > 0.75 && positions[3 * v + 1]! > 60);
    // A sample is full hair when the map is over 0.95 everywhere within 5 mm (hair drawn from roots beside it reaches it).
    const fullAround = (map: Float32Array) =>
      top.filter((v) => {
        let low = Infinity;
        treatment.grid.near([position(v)], 5, (u) => {
          if (dist(position(u), position(v)) <= 5) low = Math.min(low, map[u]!);
        });
        return low > 0.95;
      }).length;
    const haired = HAIR_LOSS_PATTERNS.filter((p) => fullAround(mapOf(p)) > 100);
    // Norwood 1, 2, 3, 3a, 3v, 4a and 5a, Ludwig 1 and areata: not a map of nothing.
    expect(haired.length, haired.join(', ')).toBeGreaterThanOrEqual(8);
  });
});
