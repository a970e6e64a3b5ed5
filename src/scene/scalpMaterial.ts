/**
 * The skin material with the SMP dots drawn on it by the GPU. Dots live entirely in the fragment shader
 * (shaders/); a plan edit only changes uniforms here, so it shows in the next frame without recompiling.
 */
import * as THREE from 'three';
import dotsGlsl from '../../shaders/follicle_dots.glsl?raw';
import fragmentGlsl from '../../shaders/scalp_fragment.glsl?raw';
import fragmentParsGlsl from '../../shaders/scalp_fragment_pars.glsl?raw';
import hairGlsl from '../../shaders/hair.glsl?raw';
import hashGlsl from '../../shaders/hash.glsl?raw';
import healingGlsl from '../../shaders/healing.glsl?raw';
import scarsGlsl from '../../shaders/scars.glsl?raw';
import skinFragmentGlsl from '../../shaders/skin_fragment.glsl?raw';
import skinMottleGlsl from '../../shaders/skin_mottle.glsl?raw';
import skinReliefGlsl from '../../shaders/skin_relief.glsl?raw';
import skinSssGlsl from '../../shaders/skin_sss.glsl?raw';
import vertexGlsl from '../../shaders/scalp_vertex.glsl?raw';
import vertexParsGlsl from '../../shaders/scalp_vertex_pars.glsl?raw';
import { skinAlbedo, skinOpticsForTone } from '../domain/appearance';
import { dotKernel, KERNEL_SESSIONS, KERNEL_SLOTS } from '../domain/dots/kernel';
import { LATTICE_ROTATION } from '../domain/dots/placement';
import { agedDots } from '../domain/ageing';
import { healingDots, healingState } from '../domain/healing';
import { MAX_DENSITY_FACTOR } from '../domain/density/regions';
import { SHAFT_SHADOW_WIDTH_MM, shaftShadow } from '../domain/hairLoss/shaftShadow';
import type { Plan } from '../domain/plan';
import { sessionLayers } from '../domain/sessions';
import { scarTone } from '../domain/scars/coverage';
import { linearToHex } from '../domain/color';
import { FUT_POINTS } from '../domain/scars/fut';
import { MAX_SCARS } from '../domain/scars/scars';
import type { ScarShaderData } from '../domain/scars/shaderData';
import { MAX_CURVATURE_PER_MM, preintegratedSkinTable, RELIEF_DIFFUSE_SHARE } from '../domain/skinShading';

export interface ScalpUniforms {
  uSizeVariation: THREE.IUniform<number>;
  uCellMm: THREE.IUniform<number>;
  uLatticeRotation: THREE.IUniform<THREE.Matrix3>;
  /** The pigment deposits' kernels (shaders/follicle_dots.glsl, src/domain/dots/kernel.ts). */
  uKernelReachMm: THREE.IUniform<number>;
  uKernelVariance: THREE.IUniform<Float32Array>;
  uKernelArea: THREE.IUniform<THREE.Vector3[]>;
  uExplicitMeanArea: THREE.IUniform<THREE.Vector3>;
  uWideMeanArea: THREE.IUniform<THREE.Vector3>;
  uMarkWidthMm: THREE.IUniform<number>;
  uTransitionMm: THREE.IUniform<number>;
  uIrregularity: THREE.IUniform<number>;
  uSentinels: THREE.IUniform<number>;
  uSmpVisible: THREE.IUniform<number>;
  uSessionEnds: THREE.IUniform<THREE.Vector4>;
  uSessionsDone: THREE.IUniform<number>;
  /** The client's own hair (shaders/hair.glsl): its colour, its cut length (mm) and the whorl it grows from (head frame, mm). */
  uHairColor: THREE.IUniform<THREE.Color>;
  uHairLengthMm: THREE.IUniform<number>;
  uHairWhorl: THREE.IUniform<THREE.Vector3>;
  /** Each hair's shaft seen under the skin (src/domain/hairLoss/shaftShadow.ts). */
  uShaftDarkening: THREE.IUniform<THREE.Vector3>;
  uShaftLengthMm: THREE.IUniform<THREE.Vector3>;
  uShaftWidthMm: THREE.IUniform<number>;
  /** Scars (shaders/scars.glsl): arrays of MAX_SCARS slots, filled by `applyScars`. */
  uScarCount: THREE.IUniform<number>;
  uScarInfo: THREE.IUniform<Float32Array>;
  uScarShape: THREE.IUniform<Float32Array>;
  uScarExtra: THREE.IUniform<Float32Array>;
  uFutPoints: THREE.IUniform<THREE.DataTexture>;
  uScarAxis: THREE.IUniform<THREE.Vector2>;
  uScarColor: THREE.IUniform<THREE.Color>;
  /** 0 shows the scars as they are, without SMP on them (the scars' before / after); 1 with it. */
  uSmpOnScars: THREE.IUniform<number>;
  /** Redness around the treated area in the days after a session, 0..1 (shaders/healing.glsl). */
  uRedness: THREE.IUniform<number>;
  /** Pre-integrated skin diffuse (shaders/skin_sss.glsl): N·L across, curvature down. */
  uSkinLut: THREE.IUniform<THREE.DataTexture>;
}

/** What the view previews of the plan: the scalp after some of its sessions, some years on. */
export interface PlanPreview {
  /** Sessions done (1-based); null: all of them. */
  sessionPreview: number | null;
  ageYears: number;
  /** Days after the previewed session (src/domain/healing.ts); null or absent: healed. */
  healingDay?: number | null;
}

export interface ScalpMaterial {
  material: THREE.MeshPhysicalMaterial;
  uniforms: ScalpUniforms;
  /** Copies the plan, as previewed, into uniforms: cheap, called on every plan or preview change. */
  applyPlan(plan: Plan, preview: PlanPreview): void;
  /** Runs `render` with the SMP shown or hidden regardless of the view's setting (before / after images). */
  withSmp(visible: boolean, render: () => void): void;
  /** Copies the placed scars into their uniforms and centreline texture (on a scar edit). */
  applyScars(data: ScarShaderData): void;
}

/** A scan's own skin colours (per vertex, or a texture); without them the skin takes the plan's tone. */
export interface SkinColours {
  vertexColors: boolean;
  map: THREE.Texture | null;
}

const SKIN_LUT_SIZE = { width: 64, height: 32 };
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

/**
 * The sheen of skin as two lobes (scalp shine, 0 matte .. 1 oily): the skin's own rough surface (three's
 * specular lobe) and a sharper one from its film of sebum (three's clearcoat, a layer over the skin: more
 * oil covers more of it and smooths it). Skin reflects as a dielectric of index 1.4 (F0 2.8 %); sebum's
 * film like one of 1.5. The clearcoat never reaches 0, which would recompile the shader.
 */
export function skinSheen(shine: number): { roughness: number; clearcoat: number; clearcoatRoughness: number } {
  return { roughness: 0.62 - 0.16 * shine, clearcoat: 0.04 + 0.76 * shine, clearcoatRoughness: 0.42 - 0.24 * shine };
}

/** The material before the skin model (one flat lobe and a faint clearcoat): what `npm run bench` compares it with. */
const FLAT_SHEEN = { roughness: 0.58, clearcoat: 0.12, clearcoatRoughness: 0.42 };

/**
 * `skinModel: false` leaves out the skin's subsurface scattering, relief, mottling and shine (the benchmark's
 * reference for what they cost; see `?skin=flat` in HeadModel.tsx).
 */
export function createScalpMaterial(colours: SkinColours = { vertexColors: false, map: null }, { skinModel = true }: { skinModel?: boolean } = {}): ScalpMaterial {
  const ownColours = colours.vertexColors || colours.map !== null;
  const futTexture = new THREE.DataTexture(new Float32Array(4 * FUT_POINTS * MAX_SCARS), FUT_POINTS, MAX_SCARS, THREE.RGBAFormat, THREE.FloatType);
  futTexture.needsUpdate = true;
  const uniforms: ScalpUniforms = {
    uSizeVariation: { value: 0 },
    uCellMm: { value: 1 },
    uLatticeRotation: { value: new THREE.Matrix3().set(...(LATTICE_ROTATION as [number, number, number, number, number, number, number, number, number])) },
    uKernelReachMm: { value: 1 },
    uKernelVariance: { value: new Float32Array(KERNEL_SESSIONS * KERNEL_SLOTS).fill(1) },
    uKernelArea: { value: Array.from({ length: KERNEL_SESSIONS * KERNEL_SLOTS }, () => new THREE.Vector3()) },
    uExplicitMeanArea: { value: new THREE.Vector3() },
    uWideMeanArea: { value: new THREE.Vector3() },
    uMarkWidthMm: { value: 1 },
    uTransitionMm: { value: 0 },
    uIrregularity: { value: 0 },
    uSentinels: { value: 0 },
    uSmpVisible: { value: 1 },
    uSessionEnds: { value: new THREE.Vector4(1, 1, 1, 1) },
    uSessionsDone: { value: 1 },
    uHairColor: { value: new THREE.Color() },
    uHairLengthMm: { value: 1 },
    uHairWhorl: { value: new THREE.Vector3() },
    uShaftDarkening: { value: new THREE.Vector3() },
    uShaftLengthMm: { value: new THREE.Vector3(1, 1, 1) },
    uShaftWidthMm: { value: SHAFT_SHADOW_WIDTH_MM },
    uScarCount: { value: 0 },
    uScarInfo: { value: new Float32Array(4 * MAX_SCARS) },
    uScarShape: { value: new Float32Array(4 * MAX_SCARS) },
    uScarExtra: { value: new Float32Array(4 * MAX_SCARS) },
    uFutPoints: { value: futTexture },
    uScarAxis: { value: new THREE.Vector2() },
    uScarColor: { value: new THREE.Color() },
    uSmpOnScars: { value: 1 },
    uRedness: { value: 0 },
    uSkinLut: { value: skinLutTexture() },
  };

  // Skin: two specular lobes (skinSheen), so the oily sheen a bald scalp shows under harsh overhead light is
  // in the preview (SMP ink sits under the skin and does not hide it).
  const material = new THREE.MeshPhysicalMaterial({
    name: 'scalp',
    metalness: 0,
    ior: skinModel ? 1.4 : 1.5,
    ...(skinModel ? skinSheen(0.4) : FLAT_SHEEN),
    vertexColors: colours.vertexColors,
    map: colours.map,
  });
  const glslVec3 = (v: readonly number[]) => `vec3(${v.map((x) => x.toFixed(4)).join(', ')})`;
  const skinDefines = [
    `#define SKIN_LUT_WIDTH ${SKIN_LUT_SIZE.width.toFixed(1)}`,
    `#define SKIN_LUT_HEIGHT ${SKIN_LUT_SIZE.height.toFixed(1)}`,
    `#define MAX_CURVATURE_PER_MM ${MAX_CURVATURE_PER_MM.toFixed(4)}`,
    `#define RELIEF_DIFFUSE_SHARE ${glslVec3(RELIEF_DIFFUSE_SHARE)}`,
  ].join('\n');
  const skin = (chunk: string, code: string) => (skinModel ? `${chunk}\n${code}` : chunk);
  material.onBeforeCompile = (shader) => {
    Object.assign(shader.uniforms, uniforms);
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', `#include <common>\n${vertexParsGlsl}`)
      .replace('#include <begin_vertex>', `#include <begin_vertex>\n${vertexGlsl}`);
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', `#include <common>\n#define MAX_DENSITY_FACTOR ${MAX_DENSITY_FACTOR.toFixed(4)}\n#define KERNEL_SESSIONS ${KERNEL_SESSIONS}\n#define KERNEL_SLOTS ${KERNEL_SLOTS}\n${hashGlsl}\n${fragmentParsGlsl}\n${healingGlsl}\n${dotsGlsl}\n#define MAX_SCARS ${MAX_SCARS}\n#define FUT_POINTS ${FUT_POINTS}\n${scarsGlsl}\n${hairGlsl}\n${skinReliefGlsl}\n${skinMottleGlsl}`)
      .replace('#include <color_fragment>', `#include <color_fragment>\ndiffuseColor.rgb = healingRedness(diffuseColor.rgb);\n${fragmentGlsl}`)
      .replace('#include <lights_physical_pars_fragment>', skin('#include <lights_physical_pars_fragment>', `${skinDefines}\n${skinSssGlsl}`))
      .replace('#include <normal_fragment_maps>', skin('#include <normal_fragment_maps>', skinFragmentGlsl))
      // The sebum film fills the relief about halfway, and hair hides it.
      .replace('#include <clearcoat_normal_fragment_begin>', skin('#include <clearcoat_normal_fragment_begin>', '#ifdef USE_CLEARCOAT\nclearcoatNormal = normalize(clearcoatNormal + normal);\n#endif'))
      .replace('#include <lights_physical_fragment>', '#include <lights_physical_fragment>\n#ifdef USE_CLEARCOAT\nmaterial.clearcoat *= 1.0 - smpHairCover;\n#endif')
      .replace('#include <roughnessmap_fragment>', '#include <roughnessmap_fragment>\nroughnessFactor *= mix(1.0, SCAR_ROUGHNESS, smpScarAmount);')
      .replace('#include <roughnessmap_fragment>', '#include <roughnessmap_fragment>\nroughnessFactor = mix(roughnessFactor, HAIR_ROUGHNESS, smpHairCover);');
  };
  material.customProgramCacheKey = () => (skinModel ? 'smp-scalp-v1' : 'smp-scalp-flat-skin');
  material.addEventListener('dispose', () => futTexture.dispose());

  const applyPlan = (plan: Plan, preview: PlanPreview) => {
    // A swatch is not an albedo: the skin's base colour is the diffuse reflectance of skin with the melanin of
    // the chosen tone (src/domain/appearance), in linear light. A scan shows the client's own skin; the
    // plan's tone still sets the scars' colour and the pigment's optics.
    const optics = skinOpticsForTone(plan.skin.color);
    if (!ownColours) material.color.setRGB(...skinAlbedo(optics), THREE.LinearSRGBColorSpace);
    Object.assign(material, skinModel ? skinSheen(plan.skin.shine) : FLAT_SHEEN);
    // Scar tissue is paler than the skin as drawn (its albedo), not than the lighter swatch.
    uniforms.uScarColor.value.set(scarTone(linearToHex([...skinAlbedo(optics)])));
    // The days after a session show every impression of the preview healing (exact after session 1; after a
    // later one, the earlier sessions' impressions are shown healing too).
    const healingDay = preview.healingDay ?? null;
    const dots = healingDay === null ? agedDots(plan.dots, preview.ageYears, plan.aftercare.sunExposure) : healingDots(plan.dots, healingDay);
    uniforms.uRedness.value = healingDay === null ? 0 : healingState(healingDay).redness;
    const layers = sessionLayers(plan.sessions, preview.sessionPreview ?? undefined);
    // The lattice leaves room for the density map's densest places (see scalp_fragment_pars.glsl).
    const kernel = dotKernel(dots, layers, optics, MAX_DENSITY_FACTOR);
    uniforms.uSizeVariation.value = kernel.sizeVariation;
    uniforms.uCellMm.value = kernel.cellMm;
    uniforms.uKernelReachMm.value = kernel.reachMm;
    for (let s = 0; s < KERNEL_SESSIONS; s++) {
      for (let slot = 0; slot < KERNEL_SLOTS; slot++) {
        const g = kernel.explicit[s]![slot];
        uniforms.uKernelVariance.value[s * KERNEL_SLOTS + slot] = g?.varianceMm2 ?? 1;
        uniforms.uKernelArea.value[s * KERNEL_SLOTS + slot]!.set(...(g?.areaMm2 ?? ([0, 0, 0] as const)));
      }
    }
    uniforms.uExplicitMeanArea.value.set(...kernel.explicitMeanAreaMm2);
    uniforms.uWideMeanArea.value.set(...kernel.wideMeanAreaMm2);
    uniforms.uMarkWidthMm.value = kernel.markWidthMm;
    uniforms.uTransitionMm.value = plan.hairline.transitionMm;
    uniforms.uIrregularity.value = plan.hairline.irregularity;
    uniforms.uSentinels.value = plan.hairline.sentinels;
    const padded = (values: number[], fill: number) => [0, 1, 2, 3].map((i) => values[i] ?? fill) as [number, number, number, number];
    uniforms.uSessionEnds.value.set(...padded(layers.ends, 1));
    uniforms.uSessionsDone.value = layers.done;
    uniforms.uHairColor.value.set(plan.hairColor);
    uniforms.uHairLengthMm.value = plan.hairLoss.stubbleMm;
    const shaft = shaftShadow(plan.hairColor, plan.skin.color);
    uniforms.uShaftDarkening.value.set(...shaft.rootDarkening);
    uniforms.uShaftLengthMm.value.set(...shaft.lengthMm);
    uniforms.uShaftWidthMm.value = shaft.widthMm;
  };

  const applyScars = (data: ScarShaderData) => {
    uniforms.uScarCount.value = data.count;
    uniforms.uScarInfo.value.set(data.info);
    uniforms.uScarShape.value.set(data.shape);
    uniforms.uScarExtra.value.set(data.extra);
    (futTexture.image.data as Float32Array).set(data.futPoints);
    futTexture.needsUpdate = true;
    uniforms.uScarAxis.value.set(data.axis.x, data.axis.z);
  };

  const withSmp = (visible: boolean, render: () => void) => {
    const saved = uniforms.uSmpVisible.value;
    uniforms.uSmpVisible.value = visible ? 1 : 0;
    try {
      render();
    } finally {
      uniforms.uSmpVisible.value = saved;
    }
  };

  return { material, uniforms, applyPlan, withSmp, applyScars };
}
