import { describe, expect, it } from 'vitest';
import { deltaE2000, hexToLinear, labToLinear, linearToHex, linearToLab, type Lab } from '../../src/domain/color';
import { triangleArea } from '../../src/domain/geometry/closestPoint';
import { rayToSurface } from '../../src/domain/hairline/hairline';
import { TreatmentArea } from '../../src/domain/hairline/treatmentArea';
import { distance, type Vec3 } from '../../src/domain/head/landmarks';
import { beginStroke, extendStroke, strokesFor } from '../../src/domain/painting';
import { parsePlan, type Plan } from '../../src/domain/plan';
import { LOW_SCAR_COVERAGE, SCAR_MATCH_DELTA_E, scarCoverage, scarSamples, scarTone, scarWarnings, smpInkAt, toneModel, toneWithSmp } from '../../src/domain/scars/coverage';
import { predictedDarkening, skinOpticsForTone } from '../../src/domain/appearance';
import { sessionLayers } from '../../src/domain/sessions';
import { FUE_SPACING, type FueShape } from '../../src/domain/scars/fue';
import { FUT_POINTS, futAmountAt, type FutShape } from '../../src/domain/scars/fut';
import { scarAt } from '../../src/domain/scars/scarMap';
import { newScar, type Scar } from '../../src/domain/scars/scars';
import { scarShaderData } from '../../src/domain/scars/shaderData';
import { angleAround, triangleNormal, valueOnTriangle } from '../../src/domain/scars/surface';
import { MONK_SKIN_TONES } from '../../src/domain/skinTones';
import { loadDefaultHead } from './fixtures';

const head = loadDefaultHead();
const area = new TreatmentArea(head.skin.positions, head.skin.indices, head.landmarks);
const surface = area.scars.surface;
const { vertex, inion } = head.landmarks;

/** The plan's scars placed on the default head (and measured). */
function place(plan: Plan) {
  const measured = area.measure(plan);
  return { measured, placed: area.scars.placed };
}

const shapeOf = <K extends Scar['kind']>(plan: Plan, id: string, kind: K) => {
  const found = place(plan).placed.find((p) => p.scar.id === id);
  if (found?.shape.kind !== kind) throw new Error(`no ${kind} scar ${id}`);
  return found.shape as K extends 'fut' ? FutShape : K extends 'fue' ? FueShape : never;
};

/** The plan's mean ink at a point of the skin, as `TreatmentArea.measure` reads it. */
const inkField = (plan: Plan) => ({
  at: (p: Vec3) => {
    const hit = area.query.closest(p);
    return smpInkAt(plan, valueOnTriangle(surface, hit.triangle, hit.point, area.distances), valueOnTriangle(surface, hit.triangle, hit.point, area.density.factors));
  },
  atVertex: (v: number) => smpInkAt(plan, area.distances[v]!, area.density.factors[v]!),
});

describe('colour difference', () => {
  it('converts sRGB to CIELAB (D65) as the references do, and back', () => {
    const reference: [string, Lab][] = [
      ['#ffffff', [100, 0, 0]],
      ['#ff0000', [53.24, 80.09, 67.2]],
      ['#00ff00', [87.73, -86.18, 83.18]],
      ['#0000ff', [32.3, 79.19, -107.86]],
      ['#808080', [53.59, 0, 0]],
    ];
    for (const [hex, lab] of reference) {
      const got = linearToLab(hexToLinear(hex));
      for (let k = 0; k < 3; k++) expect(got[k]).toBeCloseTo(lab[k]!, 1);
      expect(linearToHex(labToLinear(got))).toBe(hex);
    }
  });

  it('gives the CIEDE2000 differences of Sharma, Wu and Dalal’s test pairs', () => {
    const pairs: [Lab, Lab, number][] = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
      [[50, 2.8361, -74.02], [50, 0, -82.7485], 3.4412],
      [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
      [[50, 0, 0], [50, -1, 2], 2.3669],
      [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
      [[50, 2.49, -0.001], [50, -2.49, 0.0011], 7.2195],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    ];
    for (const [a, b, expected] of pairs) {
      expect(deltaE2000(a, b)).toBeCloseTo(expected, 4);
      expect(deltaE2000(b, a)).toBeCloseTo(expected, 4);
    }
  });

  it('makes scar tissue paler, less yellow and a little pinker than the skin, on every Monk tone', () => {
    for (const { color } of MONK_SKIN_TONES) {
      const skin = linearToLab(hexToLinear(color));
      const scar = linearToLab(hexToLinear(scarTone(color)));
      expect(scar[0]).toBeGreaterThan(skin[0] + 3.5);
      expect(scar[2]).toBeLessThan(skin[2]);
      // (Pinker by 1.5 a*, less where the fairest tones reach the top of sRGB.)
      expect(scar[1]).toBeGreaterThan(skin[1] - 0.5);
    }
  });
});

describe('scars in the plan', () => {
  it('adds scars with their typical defaults and the first free id', () => {
    const fut = newScar('fut', []);
    expect(fut).toEqual({ id: 'fut-1', kind: 'fut', uptake: 0.6, lengthMm: 200, widthMm: 3, curveMm: 12, heightMm: 15 });
    const fue = newScar('fue', [fut]);
    expect(fue).toMatchObject({ id: 'fue-1', kind: 'fue', count: 300 });
    expect(newScar('fut', [fut, fue, { ...fut, id: 'fut-2' }]).id).toBe('fut-3');
    expect(newScar('freeform', [])).toEqual({ id: 'freeform-1', kind: 'freeform', uptake: 0.5, strokes: [] });
  });
});

describe('FUT strip scar', () => {
  const plan = parsePlan({ scars: [{ id: 'fut-1', kind: 'fut' }] });
  const fut = shapeOf(plan, 'fut-1', 'fut');

  /**
   * The scar as it is drawn, read back off the skin: at every half degree round the head, the skin is
   * sampled every 0.1 mm up and down and the points the scar covers at least halfway are averaged.
   */
  function traced(shape: FutShape) {
    const centres: Vec3[] = [];
    let widthAtMiddle = 0;
    const first = shape.angle0 - 0.02, last = shape.angle0 + shape.angleStep * (FUT_POINTS - 1) + 0.02;
    for (let a = first; a <= last; a += Math.PI / 360) {
      const yMid = (shape.yMin + shape.yMax) / 2;
      const onSkin = rayToSurface(area.query.project, [shape.axis.x, yMid, shape.axis.z], [Math.sin(a), 0, -Math.cos(a)], 90);
      const r = Math.hypot(onSkin[0] - shape.axis.x, onSkin[2] - shape.axis.z);
      const inside: Vec3[] = [];
      let previous: Vec3 | null = null;
      let width = 0;
      for (let y = shape.yMin - 6; y <= shape.yMax + 6; y += 0.1) {
        const p = area.query.project([shape.axis.x + r * Math.sin(a), y, shape.axis.z - r * Math.cos(a)]);
        const covered = futAmountAt(shape, p, triangleNormal(surface, area.query.closest(p).triangle)) >= 0.5;
        if (covered) {
          inside.push(p);
          if (previous) width += distance(previous, p);
        }
        previous = covered ? p : null;
      }
      if (inside.length > 0) centres.push(inside.reduce((s, p) => [s[0] + p[0] / inside.length, s[1] + p[1] / inside.length, s[2] + p[2] / inside.length], [0, 0, 0] as Vec3));
      if (Math.abs(a) < Math.PI / 720) widthAtMiddle = width + 0.1;
    }
    let length = 0;
    for (let i = 1; i < centres.length; i++) length += distance(centres[i - 1]!, centres[i]!);
    return { length, widthAtMiddle, centres };
  }

  it('runs its planned length along the skin, across the occiput from ear to ear', () => {
    const { length, centres } = traced(fut);
    expect(Math.abs(length - 200) / 200).toBeLessThan(0.03);
    // Its middle sits 15 mm above the inion, its ends 12 mm lower (the bow), behind the ears.
    const middle = centres.reduce((best, c) => (Math.abs(c[0]) < Math.abs(best[0]) ? c : best));
    expect(middle[1]).toBeCloseTo(inion[1] + 15, 0);
    expect(middle[2]).toBeLessThan(inion[2] + 15);
    for (const end of [centres[0]!, centres.at(-1)!]) {
      expect(end[1]).toBeCloseTo(inion[1] + 15 - 12, 0);
      expect(Math.abs(end[0])).toBeGreaterThan(50);
      expect(end[2]).toBeLessThan(head.landmarks.leftTragus[2] - 15);
    }
  });

  it('is as wide as planned at its middle and tapers to its tips', () => {
    for (const widthMm of [3, 8]) {
      const shape = shapeOf(parsePlan({ scars: [{ id: 'fut-1', kind: 'fut', widthMm }] }), 'fut-1', 'fut');
      const { widthAtMiddle } = traced(shape);
      expect(Math.abs(widthAtMiddle - widthMm)).toBeLessThan(0.25);
      expect(shape.halfWidths[0]).toBe(0);
      expect(shape.halfWidths.at(-1)).toBe(0);
    }
  });

  it('keeps other lengths and bows, and a strip no steeper than it can be', () => {
    const long = shapeOf(parsePlan({ scars: [{ id: 'fut-1', kind: 'fut', lengthMm: 300, curveMm: -20, heightMm: 40 }] }), 'fut-1', 'fut');
    expect(Math.abs(traced(long).length - 300) / 300).toBeLessThan(0.03);
    expect(long.yMax - long.yMin).toBeCloseTo(20, 0);
    const short = shapeOf(parsePlan({ scars: [{ id: 'fut-1', kind: 'fut', lengthMm: 30, curveMm: 40 }] }), 'fut-1', 'fut');
    expect(short.lengthMm).toBeCloseTo(30, 1);
    expect(short.yMax - short.yMin).toBeLessThanOrEqual(30 / 5 + 0.1);
  });
});

describe('FUE extraction scars', () => {
  const plan = parsePlan({ scars: [{ id: 'fue-1', kind: 'fue' }] });
  const fue = shapeOf(plan, 'fue-1', 'fue');
  const inBand = (p: Vec3) => Math.abs(p[1] - fue.yCenter) <= fue.halfHeight && Math.abs(angleAround(fue.axis, p)) <= fue.maxAngle;

  it('places the planned number of round dots, on the skin, in a donor band of the planned area', () => {
    expect(fue.dots).toHaveLength(300);
    for (const dot of fue.dots) {
      expect(area.query.closest(dot).distance).toBeLessThan(1e-6);
      expect(inBand(dot)).toBe(true);
    }
    // The band's skin area, measured here by whole triangles (centroids in the band): 90 cm².
    const { positions, indices } = head.skin;
    let mm2 = 0;
    for (let t = 0; t < indices.length; t += 3) {
      const c = [0, 1, 2].map((k) => (positions[3 * indices[t]! + k]! + positions[3 * indices[t + 1]! + k]! + positions[3 * indices[t + 2]! + k]!) / 3) as Vec3;
      if (inBand(c)) mm2 += triangleArea(positions, indices[t]!, indices[t + 1]!, indices[t + 2]!);
    }
    expect(Math.abs(mm2 / 100 - 90) / 90).toBeLessThan(0.02);
    // Across the back and sides between the ears, behind them, around the occiput.
    expect(fue.maxAngle).toBeGreaterThan((45 * Math.PI) / 180);
    expect(fue.maxAngle).toBeLessThan(Math.PI / 2);
    expect(fue.yCenter - fue.halfHeight).toBeLessThan(inion[1]);
    expect(fue.yCenter + fue.halfHeight).toBeGreaterThan(inion[1]);
  });

  it('spreads them evenly (count / area is their density) and never lets two overlap', () => {
    const count = (keep: (p: Vec3) => boolean) => fue.dots.filter(keep).length;
    // Halves of the band: left and right, upper and lower, hold their share of the dots.
    expect(Math.abs(count((p) => angleAround(fue.axis, p) > 0) - 150)).toBeLessThan(25);
    expect(Math.abs(count((p) => p[1] > fue.yCenter) - 150)).toBeLessThan(30);
    let closest = Infinity;
    for (let i = 0; i < fue.dots.length; i++) for (let j = i + 1; j < fue.dots.length; j++) closest = Math.min(closest, distance(fue.dots[i]!, fue.dots[j]!));
    expect(closest).toBeGreaterThanOrEqual(FUE_SPACING * 0.85 - 1e-6);
  });

  it('follows the count, area and size, and a denser field in a smaller band', () => {
    const dense = shapeOf(parsePlan({ scars: [{ id: 'fue-1', kind: 'fue', count: 1200, areaCm2: 60, diameterMm: 0.7 }] }), 'fue-1', 'fue');
    expect(dense.dots).toHaveLength(1200);
    expect(dense.bandAreaCm2).toBeCloseTo(60, 0);
    expect(dense.radiusMm).toBe(0.35);
    // More than the band can hold apart: as many as fit, none overlapping.
    const packed = shapeOf(parsePlan({ scars: [{ id: 'fue-1', kind: 'fue', count: 4000, areaCm2: 5 }] }), 'fue-1', 'fue');
    expect(packed.dots.length).toBeLessThan(4000);
    expect(packed.dots.length).toBeGreaterThan(50);
  });

  it('says which scar covers a point: a dot in its middle, nothing between dots', () => {
    place(plan);
    const dot = fue.dots[17]!;
    expect(scarAt(area.scars.placed, surface, dot)).toEqual({ id: 'fue-1', kind: 'fue', amount: 1 });
    const away = area.query.project([dot[0], dot[1] + 0.85, dot[2]]);
    const edge = scarAt(area.scars.placed, surface, away);
    expect(edge === null || edge.amount < 0.05).toBe(true);
  });
});

describe('freeform scars', () => {
  const at = head.query.project([30, vertex[1] - 20, 20]);

  it('are painted with the brush: strokes add, remove and erase scar tissue per vertex', () => {
    const plan = parsePlan({ scars: [{ id: 'burn', kind: 'freeform' }] });
    const strokes = strokesFor(plan, { map: 'scar', scarId: 'burn' })!;
    expect(beginStroke(strokes, { mode: 'up', radiusMm: 8, softness: 0, amount: 1 }, at)).toBeNull();
    extendStroke(strokes, head.query.project([at[0] + 10, at[1] - 3, at[2]]));
    const painted = parsePlan(plan);
    place(painted);
    expect(scarAt(area.scars.placed, surface, at)).toMatchObject({ id: 'burn', kind: 'freeform' });
    expect(scarAt(area.scars.placed, surface, at)!.amount).toBeCloseTo(1, 6);
    expect(scarAt(area.scars.placed, surface, head.query.project([at[0] - 15, at[1], at[2]]))).toBeNull();
    const shaderAmount = (p: Vec3) => {
      const hit = area.query.closest(p);
      return valueOnTriangle(surface, hit.triangle, hit.point, area.scars.amounts);
    };
    expect(shaderAmount(at)).toBeCloseTo(1, 6);
    // Its area: the painted skin (a capsule 8 mm round a ~10 mm path, softened by the brush's edge).
    const { placed } = place(painted);
    const sizedCm2 = (Math.PI * 64 + 16 * distance(at, head.query.project([at[0] + 10, at[1] - 3, at[2]]))) / 100;
    const measured = area.measure(painted).scars!.find((s) => s.id === 'burn')!;
    expect(Math.abs(measured.areaCm2 - sizedCm2) / sizedCm2).toBeLessThan(0.08);
    expect(placed[0]!.shape.kind).toBe('freeform');

    // Erase takes the scar away again, and removing the scar clears its tissue.
    const erased = parsePlan(painted);
    strokesFor(erased, { map: 'scar', scarId: 'burn' })!.push({ mode: 'erase', radiusMm: 30, softness: 0, amount: 1, points: [at] });
    place(erased);
    expect(scarAt(area.scars.placed, surface, at)).toBeNull();
    place(painted);
    place(parsePlan({ scars: [] }));
    expect(shaderAmount(at)).toBeCloseTo(0, 6);
  });
});

describe('coverage', () => {
  const fut = (extra: object = {}, planExtra: object = {}) => parsePlan({ ...planExtra, scars: [{ id: 'fut-1', kind: 'fut', ...extra }] });
  const coverageOf = (plan: Plan, id = 'fut-1') => area.measure(plan).scars!.find((s) => s.id === id)!;

  it('lists every scar with its area and a coverage from 0 to 1', () => {
    const plan = parsePlan({ scars: [{ id: 'fut-1', kind: 'fut' }, { id: 'fue-1', kind: 'fue' }] });
    const m = area.measure(plan);
    expect(m.scars!.map((s) => [s.id, s.kind])).toEqual([['fut-1', 'fut'], ['fue-1', 'fue']]);
    for (const s of m.scars!) {
      expect(s.coverage).toBeGreaterThanOrEqual(0);
      expect(s.coverage).toBeLessThanOrEqual(1);
    }
    // A 200 × 3 mm strip, narrower towards its ends; the FUE scars are their dots, not the donor band.
    const [strip, dots] = m.scars!;
    expect(strip!.areaCm2).toBeGreaterThan(0.75 * 6);
    expect(strip!.areaCm2).toBeLessThan(6);
    expect(Math.abs(dots!.areaCm2 - (300 * Math.PI * 0.425 ** 2) / 100) / dots!.areaCm2).toBeLessThan(0.03);
  });

  it('is 1 where scar tissue takes ink like skin and looks like it', () => {
    // (Short enough to stay clear of the hairline's transition zone behind the ears.)
    const plan = fut({ uptake: 1, lengthMm: 150 });
    const placed = place(plan).placed[0]!;
    const samples = scarSamples(placed, surface, inkField(plan), area.scars.vertexAreas);
    // Scar tissue of the skin's own tone (its albedo, as drawn).
    expect(scarCoverage(placed, samples, toneModel(plan, linearToHex([...toneModel(plan).skin]))).coverage).toBe(1);
  });

  it('is 0 outside the hairline, where there is no SMP, and says so', () => {
    // A small treatment area on the crown: the back of the head is untreated.
    const crown = [0, 1, 2, 3, 4, 5].map((i) => {
      const a = (i / 6) * 2 * Math.PI;
      return area.query.project([25 * Math.sin(a), vertex[1] + 10, vertex[2] + 25 * Math.cos(a)]);
    });
    const plan = fut({}, { hairline: { points: crown } });
    const m = area.measure(plan);
    expect(m.scars![0]!.coverage).toBe(0);
    const warning = m.warnings.find((w) => w.id === 'scar-coverage:fut-1');
    expect(warning?.message).toMatch(/outside the hairline/);
    expect(warning?.message).toMatch(/extra session/);
  });

  it('follows the law the render draws: pigment in the skin darkens scar and skin alike', () => {
    // On healthy skin the tone is the appearance model's prediction for the plan (as the shader draws it).
    const plan = fut({}, { dots: { densityPerCm2: 150 } });
    const model = toneModel(plan);
    const { meanStrength } = sessionLayers(plan.sessions);
    const predicted = predictedDarkening({ optics: skinOpticsForTone(plan.skin.color), ...plan.dots, shade: plan.dots.color, sessionStrength: meanStrength });
    const ink = smpInkAt(plan, 50, 1);
    toneWithSmp(model, 0, ink, 1).forEach((v, c) => expect(v).toBeCloseTo(predicted.inked[c]!, 12));
    // Over scar tissue the darkening is scaled by the uptake, over the scar's own tone.
    const darkening = predicted.darkening;
    toneWithSmp(model, 1, ink, 0.5).forEach((v, c) => expect(v).toBeCloseTo(model.scar[c]! * (1 - 0.5 * darkening[c]!), 12));
    // Coverage rises with uptake.
    const byUptake = [0.2, 0.6, 1].map((uptake) => coverageOf(fut({ uptake })).coverage);
    expect(byUptake[0]).toBeLessThanOrEqual(byUptake[1]!);
    expect(byUptake[1]).toBeLessThan(byUptake[2]!);
    // The dots take a share of each tone's own light, so scar and skin keep their ratio: denser, larger dots
    // everywhere leave a paler scar showing (the opaque-ink model this replaced had them hide it).
    expect(coverageOf(fut({ uptake: 1 }, { dots: { densityPerCm2: 200, diameterMm: 0.8 } })).coverage).toBeLessThan(0.05);
    // Extra density painted along the scar darkens it more than the scalp around it: coverage rises.
    const line = shapeOf(fut(), 'fut-1', 'fut').points.filter((_, i) => i % 4 === 0);
    const painted = coverageOf(fut({ uptake: 0.8 }, { density: { strokes: [{ mode: 'up', radiusMm: 3, softness: 0, amount: 0.5, points: line }] } })).coverage;
    expect(painted).toBeGreaterThan(coverageOf(fut({ uptake: 0.8 })).coverage);
  });

  it('warns when a scar would still show, saying why, and plans the extra session scars need', () => {
    // A scar paler than the skin stays paler, whatever its uptake.
    const pale = area.measure(fut({ uptake: 0.3 }, { dots: { densityPerCm2: 200, diameterMm: 0.8 } }));
    expect(pale.scars![0]!.coverage).toBeLessThan(LOW_SCAR_COVERAGE);
    expect(pale.warnings.find((w) => w.id === 'scar-coverage:fut-1')?.message).toMatch(/paler than the treated scalp/);
    // Scar tissue of the skin's own tone: dense dots hide it where it takes ink as well as skin, not where it
    // takes a third as much.
    const judged = (uptake: number) => {
      const plan = fut({ uptake }, { dots: { densityPerCm2: 200, diameterMm: 0.8 } });
      const placed = place(plan).placed[0]!;
      const samples = scarSamples(placed, surface, inkField(plan), area.scars.vertexAreas);
      return scarCoverage(placed, samples, toneModel(plan, linearToHex([...toneModel(plan).skin])));
    };
    const lowUptake = judged(0.3);
    expect(lowUptake.coverage).toBeLessThan(LOW_SCAR_COVERAGE);
    expect(scarWarnings([lowUptake])[0]?.message).toMatch(/low uptake/);
    const covered = judged(1);
    expect(covered.coverage).toBeGreaterThan(LOW_SCAR_COVERAGE);
    expect(scarWarnings([covered])).toEqual([]);
    // Scars add the notes' extra session: a small area (2 sessions) becomes 3.
    const crownOnly = [0, 1, 2, 3, 4, 5].map((i) => {
      const a = (i / 6) * 2 * Math.PI;
      return area.query.project([30 * Math.sin(a), vertex[1], vertex[2] + 30 * Math.cos(a)]);
    });
    const without = area.measure(parsePlan({ hairline: { points: crownOnly } }));
    const withScar = area.measure(parsePlan({ hairline: { points: crownOnly }, scars: [{ id: 'fut-1', kind: 'fut' }] }));
    expect(withScar.suggestedSessions).toBe(without.suggestedSessions + 1);
  });

  it('compares tones with a documented just-noticeable difference', () => {
    expect(SCAR_MATCH_DELTA_E).toBe(3);
    // The ink a plan lays down: none outside the hairline, ramping up over the transition zone.
    const plan = parsePlan({});
    expect(smpInkAt(plan, -1, 1)).toBe(0);
    expect(smpInkAt(plan, 4, 1)).toBeLessThan(smpInkAt(plan, 20, 1));
    expect(smpInkAt(plan, 20, 1.5)).toBeGreaterThan(smpInkAt(plan, 20, 1));
  });
});

describe('shader data', () => {
  it('packs every scar into fixed slots the shader reads', () => {
    const plan = parsePlan({ scars: [{ id: 'fut-1', kind: 'fut', uptake: 0.4 }, { id: 'fue-1', kind: 'fue' }, { id: 'burn', kind: 'freeform' }] });
    const data = scarShaderData(place(plan).placed, surface);
    expect(data.count).toBe(3);
    expect(data.info.length).toBe(48);
    expect([data.info[0], data.info[4], data.info[8]]).toEqual([1, 2, 3]);
    expect(data.info[1]).toBeCloseTo(0.4, 6);
    // An unpainted freeform scar has bounds nothing is inside.
    expect(data.shape[11]).toBe(-1);
    // FUT centreline points sit on the skin, with their half-widths.
    const fut = area.scars.placed[0]!.shape as FutShape;
    expect(data.futPoints[4 * 40 + 3]).toBeCloseTo(fut.halfWidths[40]!, 5);
  });
});
