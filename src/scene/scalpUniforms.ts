/**
 * The scalp shader's uniforms, in one table: each one's GLSL declaration (with its comment), its TypeScript
 * value, its default, and what updates it (the plan as previewed, the view, the scars, the head). The shader
 * chunks in shaders/ declare none of these themselves: scalpMaterial.ts injects `uniformDeclarations()`.
 * Every update only writes uniform values, so an edit never recompiles the shader.
 */
import * as THREE from 'three';
import { skinAlbedo, skinOpticsForTone, type SkinOptics } from '../domain/appearance';
import { agedDots } from '../domain/ageing';
import { linearToHex } from '../domain/color';
import { MAX_DENSITY_FACTOR } from '../domain/density/regions';
import { dotKernel, KERNEL_SESSIONS, KERNEL_SLOTS, type DotKernel } from '../domain/dots/kernel';
import { LATTICE_ROTATION } from '../domain/dots/lattice';
import { SHAFT_SHADOW_WIDTH_MM, shaftShadow, type ShaftShadow } from '../domain/hairLoss/shaftShadow';
import { healingDots, healingState } from '../domain/healing';
import type { Vec3 } from '../domain/head/landmarks';
import type { Plan } from '../domain/plan';
import { scarTone } from '../domain/scars/coverage';
import { FUT_POINTS } from '../domain/scars/fut';
import { MAX_SCARS } from '../domain/scars/scars';
import type { ScarShaderData } from '../domain/scars/shaderData';
import { sessionLayers, type SessionLayers } from '../domain/sessions';
import { preintegratedSkinTable } from '../domain/skinShading';

/** What the view previews of the plan: the scalp after some of its sessions, some years on. */
export interface PlanPreview {
  /** Sessions done (1-based); null: all of them. */
  sessionPreview: number | null;
  ageYears: number;
  /** Days after the previewed session (src/domain/healing.ts); null or absent: healed. */
  healingDay?: number | null;
}

/** The plan as previewed, with what its uniforms are worked out from (computed once per edit). */
export interface PlanInputs {
  plan: Plan;
  /** Days after the previewed session; null: healed. */
  healingDay: number | null;
  optics: SkinOptics;
  layers: SessionLayers;
  kernel: DotKernel;
  shaft: ShaftShadow;
}

/** The view's switches the shader reads. */
export interface ViewInputs {
  showSmp: boolean;
  showSmpOnScars: boolean;
}

/** What the head itself sets: where its crown's whorl is (head frame, mm). */
export interface HeadInputs {
  whorl: Vec3;
}

/** What each kind of update is given. */
export interface UniformSources {
  plan: PlanInputs;
  view: ViewInputs;
  scars: ScarShaderData;
  head: HeadInputs;
}

export type UniformSource = keyof UniformSources;

/** How a uniform follows each source; an object value is updated in place and returned. */
interface Updates<T> {
  // Method syntax: a spec of any value type then fits `UniformSpec<unknown>` for the table's loops.
  plan?(value: T, input: PlanInputs): T;
  view?(value: T, input: ViewInputs): T;
  scars?(value: T, input: ScarShaderData): T;
  head?(value: T, input: HeadInputs): T;
}

export interface UniformSpec<T> {
  /** GLSL type, with its precision where it needs one ('float', 'highp sampler2D'). */
  glsl: string;
  /** Array length (a GLSL expression) for an array uniform. */
  length?: string;
  /** Written above the declaration in the shader. */
  doc?: string;
  initial(): T;
  from: Updates<T>;
}

const spec = <T>(s: UniformSpec<T>): UniformSpec<T> => s;

const KERNEL_LENGTH = KERNEL_SESSIONS * KERNEL_SLOTS;
const SKIN_LUT_SIZE = { width: 64, height: 32 };
export const SKIN_LUT_WIDTH = SKIN_LUT_SIZE.width;
export const SKIN_LUT_HEIGHT = SKIN_LUT_SIZE.height;
let skinLut: THREE.DataTexture | null = null;

/** The pre-integrated skin table, computed once (about 20 ms) and shared by every head's material. */
function skinLutTexture(): THREE.DataTexture {
  if (skinLut) return skinLut;
  const table = preintegratedSkinTable(SKIN_LUT_SIZE.width, SKIN_LUT_SIZE.height);
  const half = new Uint16Array(table.length);
  for (let i = 0; i < table.length; i++) half[i] = THREE.DataUtils.toHalfFloat(table[i]!);
  skinLut = new THREE.DataTexture(half, SKIN_LUT_SIZE.width, SKIN_LUT_SIZE.height, THREE.RGBAFormat, THREE.HalfFloatType);
  skinLut.magFilter = THREE.LinearFilter;
  skinLut.minFilter = THREE.LinearFilter;
  skinLut.needsUpdate = true;
  return skinLut;
}

const padded4 = (values: readonly number[], fill: number) => [0, 1, 2, 3].map((i) => values[i] ?? fill) as [number, number, number, number];

export const SCALP_UNIFORMS = {
  // The dots (shaders/follicle_dots.glsl, src/domain/dots/kernel.ts).
  uSizeVariation: spec({ glsl: 'float', initial: () => 0, from: { plan: (_, c) => c.kernel.sizeVariation } }),
  uCellMm: spec({ glsl: 'float', initial: () => 1, from: { plan: (_, c) => c.kernel.cellMm } }),
  uLatticeRotation: spec({
    glsl: 'mat3',
    initial: () => new THREE.Matrix3().set(...(LATTICE_ROTATION as [number, number, number, number, number, number, number, number, number])),
    from: {},
  }),
  uKernelReachMm: spec({
    glsl: 'float',
    doc: 'Where a mean-size deposit\'s drawn mark ends (mm): within the ±1 cell search at every dot size.',
    initial: () => 1,
    from: { plan: (_, c) => c.kernel.reachMm },
  }),
  uKernelVariance: spec({
    glsl: 'float',
    length: 'KERNEL_SESSIONS * KERNEL_SLOTS',
    doc: 'The Gaussians drawn deposit by deposit, KERNEL_SLOTS per session (index session * KERNEL_SLOTS + slot):\nvariance (mm²) and optical area per channel (mm², the integral of the darkening).',
    initial: () => new Float32Array(KERNEL_LENGTH).fill(1),
    from: {
      plan: (value, c) => {
        for (let s = 0; s < KERNEL_SESSIONS; s++) {
          for (let slot = 0; slot < KERNEL_SLOTS; slot++) value[s * KERNEL_SLOTS + slot] = c.kernel.explicit[s]![slot]?.varianceMm2 ?? 1;
        }
        return value;
      },
    },
  }),
  uKernelArea: spec({
    glsl: 'vec3',
    length: 'KERNEL_SESSIONS * KERNEL_SLOTS',
    initial: () => Array.from({ length: KERNEL_LENGTH }, () => new THREE.Vector3()),
    from: {
      plan: (value, c) => {
        for (let s = 0; s < KERNEL_SESSIONS; s++) {
          for (let slot = 0; slot < KERNEL_SLOTS; slot++) value[s * KERNEL_SLOTS + slot]!.set(...(c.kernel.explicit[s]![slot]?.areaMm2 ?? ([0, 0, 0] as const)));
        }
        return value;
      },
    },
  }),
  uExplicitMeanArea: spec({
    glsl: 'vec3',
    doc: 'Optical area per lattice point on average (mm², per channel) of the part drawn deposit by deposit and of\nthe part drawn as a mean field; the width of a deposit\'s mark (mm), for the fade to its mean.',
    initial: () => new THREE.Vector3(),
    from: { plan: (value, c) => value.set(...c.kernel.explicitMeanAreaMm2) },
  }),
  uWideMeanArea: spec({ glsl: 'vec3', initial: () => new THREE.Vector3(), from: { plan: (value, c) => value.set(...c.kernel.wideMeanAreaMm2) } }),
  uMarkWidthMm: spec({ glsl: 'float', initial: () => 1, from: { plan: (_, c) => c.kernel.markWidthMm } }),

  // The hairline and the sessions (shaders/scalp_fragment_pars.glsl).
  uTransitionMm: spec({
    glsl: 'float',
    doc: 'Width of the hairline\'s transition zone (mm): density ramps from 0 at the line to full over it.',
    initial: () => 0,
    from: { plan: (_, c) => c.plan.hairline.transitionMm },
  }),
  uIrregularity: spec({
    glsl: 'float',
    doc: 'Natural irregularity of the line (0..1) and the share of sentinel impressions ahead of it (0..1).',
    initial: () => 0,
    from: { plan: (_, c) => c.plan.hairline.irregularity },
  }),
  uSentinels: spec({ glsl: 'float', initial: () => 0, from: { plan: (_, c) => c.plan.hairline.sentinels } }),
  uSmpVisible: spec({ glsl: 'float', doc: '0 hides the SMP (before/after), 1 shows it.', initial: () => 1, from: { view: (_, v) => (v.showSmp ? 1 : 0) } }),
  uSessionEnds: spec({
    glsl: 'vec4',
    doc: 'Sessions: where each session\'s deposits end in the 0..1 rank of those planned at a place (unused sessions\nend at 1) and how many sessions are done in the preview; each session\'s ink strength is in its kernel\n(uKernelArea). See src/domain/sessions.ts.',
    initial: () => new THREE.Vector4(1, 1, 1, 1),
    from: { plan: (value, c) => value.set(...padded4(c.layers.ends, 1)) },
  }),
  uSessionsDone: spec({ glsl: 'float', initial: () => 1, from: { plan: (_, c) => c.layers.done } }),

  // The client's own hair (shaders/hair.glsl) and each hair's shaft seen under the skin (src/domain/hairLoss/shaftShadow.ts).
  uHairColor: spec({ glsl: 'vec3', initial: () => new THREE.Color(), from: { plan: (value, c) => value.set(c.plan.hairColor) } }),
  uHairLengthMm: spec({
    glsl: 'float',
    doc: 'Length of the cut hair (mm): how far it reaches from the skin along its growth.',
    initial: () => 1,
    from: { plan: (_, c) => c.plan.hairLoss.stubbleMm },
  }),
  uHairWhorl: spec({
    glsl: 'vec3',
    doc: 'The crown\'s whorl (head frame, mm): hair grows away from it in a clockwise spiral.',
    initial: () => new THREE.Vector3(),
    from: { head: (value, h) => value.set(...h.whorl) },
  }),
  uShaftDarkening: spec({
    glsl: 'vec3',
    doc: 'One shaft\'s shadow under the skin: the darkening just behind its exit per channel, the distance (mm) over\nwhich it falls by e per channel, and its width (mm) per channel.',
    initial: () => new THREE.Vector3(),
    from: { plan: (value, c) => value.set(...c.shaft.rootDarkening) },
  }),
  uShaftLengthMm: spec({ glsl: 'vec3', initial: () => new THREE.Vector3(1, 1, 1), from: { plan: (value, c) => value.set(...c.shaft.lengthMm) } }),
  uShaftWidthMm: spec({
    glsl: 'vec3',
    initial: () => new THREE.Vector3(SHAFT_SHADOW_WIDTH_MM, SHAFT_SHADOW_WIDTH_MM, SHAFT_SHADOW_WIDTH_MM),
    from: { plan: (value, c) => value.set(...c.shaft.widthMm) },
  }),

  // Scars (shaders/scars.glsl, src/domain/scars/shaderData.ts): arrays of MAX_SCARS slots.
  uScarCount: spec({ glsl: 'int', initial: () => 0, from: { scars: (_, d) => d.count } }),
  uScarInfo: spec({
    glsl: 'vec4',
    length: 'MAX_SCARS',
    doc: 'Per scar: x = kind (1 FUT, 2 FUE, 3 freeform), y = pigment uptake (0..1), then by kind:\n  FUT:      info.zw = first angle, angle step; shape = (lowest y, highest y, widest half-width, segment window)\n  FUE:      info.zw = band middle y, half-height; shape = (max angle, cell mm, rank threshold, seed);\n            extra = (dot radius, closest spacing, mean share of the band covered, -)\n  freeform: shape = bounding sphere (centre xyz, radius)',
    initial: () => new Float32Array(4 * MAX_SCARS),
    from: { scars: (value, d) => (value.set(d.info), value) },
  }),
  uScarShape: spec({ glsl: 'vec4', length: 'MAX_SCARS', initial: () => new Float32Array(4 * MAX_SCARS), from: { scars: (value, d) => (value.set(d.shape), value) } }),
  uScarExtra: spec({ glsl: 'vec4', length: 'MAX_SCARS', initial: () => new Float32Array(4 * MAX_SCARS), from: { scars: (value, d) => (value.set(d.extra), value) } }),
  uFutPoints: spec({
    glsl: 'highp sampler2D',
    doc: 'FUT centrelines: row = scar slot, FUT_POINTS texels of (x, y, z, half-width), at even angles round the axis.',
    initial: () => {
      const texture = new THREE.DataTexture(new Float32Array(4 * FUT_POINTS * MAX_SCARS), FUT_POINTS, MAX_SCARS, THREE.RGBAFormat, THREE.FloatType);
      texture.needsUpdate = true;
      return texture;
    },
    from: {
      scars: (texture, d) => {
        (texture.image.data as Float32Array).set(d.futPoints);
        texture.needsUpdate = true;
        return texture;
      },
    },
  }),
  uScarAxis: spec({
    glsl: 'vec2',
    doc: 'The vertical axis (x, z) that angles round the back of the head are measured about.',
    initial: () => new THREE.Vector2(),
    from: { scars: (value, d) => value.set(d.axis.x, d.axis.z) },
  }),
  uScarColor: spec({
    glsl: 'vec3',
    doc: 'Healed scar tissue\'s colour (linear), and 0 to show the scars without SMP on them ("before" for scars).',
    initial: () => new THREE.Color(),
    // Scar tissue is paler than the skin as drawn (its albedo), not than the lighter swatch.
    from: { plan: (value, c) => value.set(scarTone(linearToHex([...skinAlbedo(c.optics)]))) },
  }),
  uSmpOnScars: spec({ glsl: 'float', initial: () => 1, from: { view: (_, v) => (v.showSmpOnScars ? 1 : 0) } }),

  // The days after a session (shaders/healing.glsl).
  uRedness: spec({
    glsl: 'float',
    doc: 'Redness around the treated area in the days after a session, 0..1.',
    initial: () => 0,
    from: { plan: (_, c) => (c.healingDay === null ? 0 : healingState(c.healingDay).redness) },
  }),

  // The skin (shaders/skin_sss.glsl).
  uSkinLut: spec({ glsl: 'sampler2D', doc: 'Pre-integrated skin diffuse: N·L across, curvature down.', initial: skinLutTexture, from: {} }),
};

export type ScalpUniformName = keyof typeof SCALP_UNIFORMS;
type ValueOf<S> = S extends UniformSpec<infer T> ? T : never;
export type ScalpUniforms = { [K in ScalpUniformName]: THREE.IUniform<ValueOf<(typeof SCALP_UNIFORMS)[K]>> };

/** The GLSL declarations of every uniform in the table, each under its comment. */
export function uniformDeclarations(): string {
  return Object.entries(SCALP_UNIFORMS)
    .map(([name, s]: [string, UniformSpec<unknown>]) => {
      const doc = s.doc ? `${s.doc.split('\n').map((line) => `// ${line}`).join('\n')}\n` : '';
      return `${doc}uniform ${s.glsl} ${name}${s.length ? `[${s.length}]` : ''};`;
    })
    .join('\n');
}

/** The plan as previewed, worked out once for all the uniforms that follow it. */
export function planInputs(plan: Plan, preview: PlanPreview): PlanInputs {
  const optics = skinOpticsForTone(plan.skin.color);
  // The days after a session show every impression of the preview healing (exact after session 1; after a
  // later one, the earlier sessions' impressions are shown healing too).
  const healingDay = preview.healingDay ?? null;
  const dots = healingDay === null ? agedDots(plan.dots, preview.ageYears, plan.aftercare.sunExposure) : healingDots(plan.dots, healingDay);
  const layers = sessionLayers(plan.sessions, preview.sessionPreview ?? undefined);
  // The lattice leaves room for the density map's densest places (see scalp_fragment_pars.glsl).
  const kernel = dotKernel(dots, layers, optics, MAX_DENSITY_FACTOR);
  return { plan, healingDay, optics, layers, kernel, shaft: shaftShadow(plan.hairColor, plan.skin.color) };
}

export interface ScalpUniformSet {
  uniforms: ScalpUniforms;
  /** Writes every uniform that follows this source. */
  update<S extends UniformSource>(source: S, input: UniformSources[S]): void;
}

/** Fresh uniforms at their defaults, and the updates the table gives them. */
export function createScalpUniforms(): ScalpUniformSet {
  const updaters: { [S in UniformSource]: ((input: UniformSources[S]) => void)[] } = { plan: [], view: [], scars: [], head: [] };
  const bind = <T>(s: UniformSpec<T>): THREE.IUniform<T> => {
    const uniform: THREE.IUniform<T> = { value: s.initial() };
    const { plan, view, scars, head } = s.from;
    if (plan) updaters.plan.push((input) => void (uniform.value = plan(uniform.value, input)));
    if (view) updaters.view.push((input) => void (uniform.value = view(uniform.value, input)));
    if (scars) updaters.scars.push((input) => void (uniform.value = scars(uniform.value, input)));
    if (head) updaters.head.push((input) => void (uniform.value = head(uniform.value, input)));
    return uniform;
  };
  // Built from the table itself, entry by entry, so the record has exactly the table's names and value types.
  const uniforms = Object.fromEntries(Object.entries(SCALP_UNIFORMS).map(([name, s]: [string, UniformSpec<unknown>]) => [name, bind(s)])) as ScalpUniforms;
  return {
    uniforms,
    update: (source, input) => {
      for (const apply of updaters[source]) apply(input);
    },
  };
}
