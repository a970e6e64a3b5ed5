/**
 * How well SMP would hide each scar: the share of the scar's area whose tone with SMP matches the
 * surrounding treated scalp with SMP, as seen at conversational distance.
 *
 * At about a metre single dots are not made out (a 0.4 mm dot subtends ~1.4 arcminutes, the eye's limit),
 * so what is seen is the mean tone, by the law the render follows (the appearance model, src/domain/
 * appearance: pigment in the skin, seen through it): deposits at n per mm² (the plan's density, the density
 * map and the hairline's transition ramp), each scaled by the opacity and the sessions' strength k, take
 * 1 − exp(−n·k·A_c) of the skin's light in each channel, A_c their optical area in that skin; over scar
 * tissue that darkening is scaled by the scar's uptake, and the scar tissue's own colour lies under it
 * (as shaders/scalp_fragment.glsl draws it). A point of the scar is covered when its tone and the tone of
 * healthy, treated scalp at the same spot (the same plan there) differ by less than SCAR_MATCH_DELTA_E in
 * CIEDE2000. Where there is no SMP at all (outside the treatment area) nothing is covered.
 */
import { inkStrengthForShade, pigmentKernel, skinAlbedo, skinOpticsForTone } from '../appearance';
import { deltaE2000, hexToLinear, labToLinear, linearToHex, linearToLab } from '../color';
import { percent } from '../format';
import type { Vec3 } from '../head/landmarks';
import type { Plan } from '../plan';
import { sessionLayers } from '../sessions';
import { FUT_POINTS } from './fut';
import { SURROUNDING_MM, type PlacedScar, type ScarMap, type ScarShape } from './scarMap';
import { SCAR_KIND_LABELS, type ScarKind } from './scars';
import { cross } from '../geometry/vec3';
import { SCAR_EDGE_MM, scarEdge, triangleNormal, type ScarSurface } from './surface';
import { add, len, normalize, scale, sub } from '../geometry/vec3';
import type { PlanWarning } from '../warnings';

/**
 * Colour difference (CIEDE2000) below which scar and scalp read as the same tone at conversational
 * distance. ΔE00 ≈ 1 is the just-noticeable difference side by side under controlled viewing; skin seen
 * across a table, with its own texture and the dot pattern on it, hides differences up to about 3.
 */
export const SCAR_MATCH_DELTA_E = 3;
/** Below this coverage a scar will still show after the planned sessions: warn. */
export const LOW_SCAR_COVERAGE = 0.6;

/** One scar in the measurements. */
export interface ScarMeasurement {
  id: string;
  kind: ScarKind;
  /** The scar tissue's own area (for FUE: the dots, not the donor band), cm². */
  areaCm2: number;
  /** Share (0..1) of that area whose tone with SMP matches the surrounding treated scalp with SMP. */
  coverage: number;
}

type Rgb = [number, number, number];

/**
 * The tone of healed scar tissue on a skin. Scars are hypopigmented (domain notes): less melanin makes
 * them lighter, by 4 L* on fair skin and up to a quarter of the way to white on the darkest (where scars
 * stand out most), and less yellow (b* × 0.8); thin new vessels keep them a little pink (a* + 1.5).
 */
export function scarTone(skinColor: string): string {
  const [L, a, b] = linearToLab(hexToLinear(skinColor));
  return linearToHex(labToLinear([Math.min(100, L + Math.max(4, 0.25 * (96 - L))), a + 1.5, 0.8 * b]));
}

/** What the tone is made of: the skin's and the scar tissue's albedos (linear light), as the render draws them,
 *  and the optical area (mm², per channel) of one of the plan's deposits in that skin. */
export interface ToneModel {
  skin: Rgb;
  scar: Rgb;
  opticalAreaMm2: Rgb;
}

/** The plan's tone model; `scarColor` ('#rrggbb') replaces the scar tissue's tone (default: `scarTone` of the skin's albedo). */
export function toneModel(plan: Plan, scarColor?: string): ToneModel {
  const optics = skinOpticsForTone(plan.skin.color);
  const skin = skinAlbedo(optics);
  const kernel = pigmentKernel(plan.dots.diameterMm, plan.dots.depthMm, inkStrengthForShade(plan.dots.color), optics);
  return { skin: [...skin], scar: hexToLinear(scarColor ?? scarTone(linearToHex([...skin]))), opticalAreaMm2: [...kernel.opticalAreaMm2] };
}

/**
 * The plan's ink on healthy skin at a point `hairlineDistanceMm` inside the hairline (negative: outside)
 * where the density map's factor is `densityFactor`, once every session is done: deposits per mm², each
 * weighted by the opacity and the sessions' mean strength (n·k of the far-field law).
 */
export function smpInkAt(plan: Plan, hairlineDistanceMm: number, densityFactor: number): number {
  if (hairlineDistanceMm < 0) return 0;
  const T = plan.hairline.transitionMm;
  const u = T > 0 ? Math.min(1, hairlineDistanceMm / T) : 1;
  const ramp = u * u * (3 - 2 * u);
  const { meanStrength } = sessionLayers(plan.sessions);
  return ((plan.dots.densityPerCm2 * densityFactor * ramp) / 100) * meanStrength * plan.dots.opacity;
}

/** Mean tone (linear light) of skin carrying `amount` of scar tissue, under ink `ink` (healthy skin's, deposits per mm²). */
export function toneWithSmp(model: ToneModel, amount: number, ink: number, uptake: number): Rgb {
  const held = 1 - amount + amount * uptake;
  return [0, 1, 2].map((c) => {
    const base = model.skin[c]! + amount * (model.scar[c]! - model.skin[c]!);
    return base * (1 - (1 - Math.exp(-ink * model.opticalAreaMm2[c]!)) * held);
  }) as Rgb;
}

/** Whether a piece of scar with SMP matches the treated scalp around it (no SMP on it: never). */
export function scarMatches(model: ToneModel, sample: Pick<ScarSample, 'ink' | 'around' | 'amount'>, uptake: number): boolean {
  if (!(sample.ink > 0) || !(sample.around > 0)) return false;
  const scar = toneWithSmp(model, sample.amount, sample.ink, uptake);
  return deltaE2000(linearToLab(scar), linearToLab(toneWithSmp(model, 0, sample.around, 1))) < SCAR_MATCH_DELTA_E;
}

/**
 * A piece of a scar: `weight` mm² of skin carrying `amount` of scar tissue, with the ink the plan puts
 * there (`ink`, as healthy skin would take it) and on the treated scalp around the scar (`around`).
 */
export interface ScarSample {
  ink: number;
  around: number;
  amount: number;
  weight: number;
}

/** Where the plan puts how much ink: at a point of the skin, and at a vertex of the mesh. */
export interface InkField {
  at(point: Vec3): number;
  atVertex(vertex: number): number;
}

/** Inks (deposits per mm²) are told apart to 1 / INK_STEPS when judging whether a scar matches (see `scarCoverage`). */
const INK_STEPS = 1e3;
/** Rings (FUE dots) and strips (FUT) the soft profile of a scar is integrated over. */
const PROFILE_STEPS = 64;
/** Spacing of the FUT's cross-sections along its length, mm. */
const FUT_STATION_MM = 2;

/**
 * Samples covering a scar's area. FUT: cross-sections every millimetre along the line, each integrated
 * across the width (the ink is taken at the centreline: it does not change over a few millimetres), the
 * surrounding scalp read on the skin either side. FUE: every dot, integrated over its disc (dots under
 * the same ink together); the skin between the dots is its surrounding. Freeform: every painted vertex
 * with its share of the mesh's area; the surrounding scalp is the ring of skin just outside the painting.
 */
export function scarSamples(placed: PlacedScar, surface: ScarSurface, ink: InkField, vertexAreas: ArrayLike<number>): ScarSample[] {
  const { shape } = placed;
  const samples: ScarSample[] = [];
  const halfEdge = SCAR_EDGE_MM / 2;
  if (shape.kind === 'fut') {
    for (let k = 0; k + 1 < FUT_POINTS; k++) {
      const a = shape.points[k]!, b = shape.points[k + 1]!;
      const along = sub(b, a);
      const length = len(along);
      const stations = Math.max(1, Math.ceil(length / FUT_STATION_MM));
      for (let i = 0; i < stations; i++) {
        const t = (i + 0.5) / stations;
        const point = add(a, scale(along, t));
        const halfWidth = shape.halfWidths[k]! + t * (shape.halfWidths[k + 1]! - shape.halfWidths[k]!);
        const here = ink.at(point);
        const across = scale(normalize(cross(along, triangleNormal(surface, surface.query.closest(point).triangle))), shape.halfWidthMax + SURROUNDING_MM);
        const sides = [ink.at(add(point, across)), ink.at(sub(point, across))].filter((x) => x > 0);
        const around = sides.length > 0 ? sides.reduce((x, y) => x + y) / sides.length : 0;
        const step = (halfWidth + halfEdge) / PROFILE_STEPS;
        for (let j = 0; j < PROFILE_STEPS; j++) {
          const off = (j + 0.5) * step;
          samples.push({ ink: here, around, amount: scarEdge(off - halfWidth), weight: 2 * step * (length / stations) });
        }
      }
    }
  } else if (shape.kind === 'fue') {
    // Every dot has the same profile: its rings are worked out once.
    const step = (shape.radiusMm + halfEdge) / PROFILE_STEPS;
    const rings = Array.from({ length: PROFILE_STEPS }, (_, j) => {
      const r = (j + 0.5) * step;
      return { amount: scarEdge(r - shape.radiusMm), weight: 2 * Math.PI * r * step };
    });
    // Dots under the same ink, as finely as `scarCoverage` tells inks apart, make the same samples: each
    // ring stands for all of them at once (4,000 dots would make a quarter of a million samples).
    const groups = new Map<number, { ink: number; dots: number }>();
    for (const dot of shape.dots) {
      const here = ink.at(dot);
      const key = here > 0 ? Math.round(here * INK_STEPS) + 1 : 0;
      const group = groups.get(key);
      if (group) group.dots++;
      else groups.set(key, { ink: here, dots: 1 });
    }
    for (const { ink: here, dots } of groups.values()) {
      for (const { amount, weight } of rings) samples.push({ ink: here, around: here, amount, weight: weight * dots });
    }
  } else {
    let sum = 0, area = 0;
    for (const v of shape.surrounding) {
      const x = ink.atVertex(v);
      if (x <= 0) continue;
      sum += x * vertexAreas[v]!;
      area += vertexAreas[v]!;
    }
    const around = area > 0 ? sum / area : 0;
    for (let v = 0; v < shape.amounts.length; v++) {
      const amount = shape.amounts[v]!;
      if (amount > 0) samples.push({ ink: ink.atVertex(v), around, amount, weight: vertexAreas[v]! });
    }
  }
  return samples;
}

export interface ScarCoverage extends ScarMeasurement {
  uptake: number;
  /** Share of the scar's area with no SMP planned over it at all. */
  bareShare: number;
  /** The coverage were the scar to take ink as well as healthy scalp: tells low uptake from too little ink. */
  coverageAtFullUptake: number;
}

/** Area and coverage of one scar from its samples. */
export function scarCoverage(placed: PlacedScar, samples: readonly ScarSample[], model: ToneModel): ScarCoverage {
  const { scar } = placed;
  // Many samples share their inks and amount (the dots of an FUE field, the profile across a strip):
  // each distinct case is judged once. Inks are told apart to 0.001 deposits per mm² and amounts to 1/512,
  // both changing the tone by a hundredth of a just-noticeable difference at most.
  // The key is a number, not a string (strings cost more than the judging saves on many samples). Inks
  // stay under 131 deposits per mm² and amounts in 0..1, so the rounded figures fit their bits (2^17 and 2^10).
  const coveredAt = (uptake: number) => {
    const memo = new Map<number, boolean>();
    const matches = (s: ScarSample) => {
      const key = (Math.round(s.ink * INK_STEPS) * 2 ** 17 + Math.round(s.around * INK_STEPS)) * 2 ** 10 + Math.round(s.amount * 512);
      let match = memo.get(key);
      if (match === undefined) memo.set(key, (match = scarMatches(model, s, uptake)));
      return match;
    };
    return samples.reduce((sum, s) => (s.ink > 0 && matches(s) ? sum + s.amount * s.weight : sum), 0);
  };
  let area = 0, bare = 0;
  for (const s of samples) {
    area += s.amount * s.weight;
    if (!(s.ink > 0)) bare += s.amount * s.weight;
  }
  const share = (x: number) => (area > 0 ? x / area : 0);
  const coverage = share(coveredAt(scar.uptake));
  return {
    id: scar.id,
    kind: scar.kind,
    areaCm2: area / 100,
    coverage,
    uptake: scar.uptake,
    bareShare: area > 0 ? bare / area : 1,
    // Only a low coverage needs telling apart (for its warning).
    coverageAtFullUptake: coverage >= LOW_SCAR_COVERAGE || scar.uptake === 1 ? coverage : share(coveredAt(1)),
  };
}

/**
 * A warning for each scar that SMP would leave showing (coverage under LOW_SCAR_COVERAGE), saying why:
 * no SMP over it (outside the hairline), scar tissue that holds too little ink, or too little ink planned.
 * Scars usually need an extra session (domain notes).
 */
export function scarWarnings(results: readonly ScarCoverage[]): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  for (const r of results) {
    if (r.coverage >= LOW_SCAR_COVERAGE || r.areaCm2 <= 0) continue;
    const variant = r.bareShare >= 0.5 ? 'outside' : r.coverageAtFullUptake >= LOW_SCAR_COVERAGE ? 'uptake' : 'paler';
    const why =
      variant === 'outside'
        ? `${percent(r.bareShare)} of it lies outside the hairline, where no SMP is planned: extend the treatment area over it`
        : variant === 'uptake'
          ? `scar tissue holds only ${percent(r.uptake)} of the ink healthy scalp does (low uptake); more density over it helps`
          : 'it stays paler than the treated scalp around it (the pigment darkens scar and skin alike, by a share of their own light); paint more density over it than around it';
    warnings.push({
      id: `scar-coverage:${r.id}`,
      params: { variant, scar: r.id, kind: { scarKind: r.kind }, coverage: { share: r.coverage }, outside: { share: r.bareShare }, uptake: { share: r.uptake } },
      message: `Only ${percent(r.coverage)} of the ${SCAR_KIND_LABELS[r.kind]} "${r.id}" would blend in with SMP: ${why}. Scars usually need an extra session.`,
    });
  }
  return warnings;
}

/** Each shape's samples, kept while the shape and the plan's ink stay the same (an uptake edit reuses them). */
const sampleCache = new WeakMap<ScarShape, { key: string; samples: ScarSample[] }>();

/**
 * Every scar's area and coverage under the plan, with the warnings for those SMP would leave showing.
 * `inkKey` changes whenever the ink field does (hairline, density map, dots, sessions).
 */
export function measureScars(map: ScarMap, plan: Plan, ink: InkField, inkKey: string): { scars: ScarMeasurement[]; warnings: PlanWarning[] } {
  const model = toneModel(plan);
  const results = map.placed.map((placed) => {
    const { shape } = placed;
    const key = shape.kind === 'freeform' ? `${inkKey}|${shape.version}` : inkKey;
    let cached = sampleCache.get(shape);
    if (!cached || cached.key !== key) sampleCache.set(shape, (cached = { key, samples: scarSamples(placed, map.surface, ink, map.vertexAreas) }));
    return scarCoverage(placed, cached.samples, model);
  });
  return { scars: results.map(({ id, kind, areaCm2, coverage }) => ({ id, kind, areaCm2, coverage })), warnings: scarWarnings(results) };
}
