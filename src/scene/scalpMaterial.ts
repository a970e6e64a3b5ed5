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
import { skinAlbedo } from '../domain/appearance';
import { KERNEL_SESSIONS, KERNEL_SLOTS } from '../domain/dots/kernel';
import { MAX_DENSITY_FACTOR } from '../domain/density/regions';
import type { Plan } from '../domain/plan';
import { FUT_POINTS } from '../domain/scars/fut';
import { MAX_SCARS } from '../domain/scars/scars';
import type { ScarShaderData } from '../domain/scars/shaderData';
import { MAX_CURVATURE_PER_MM, RELIEF_DIFFUSE_SHARE } from '../domain/skinShading';
import { createScalpUniforms, planInputs, SKIN_LUT_HEIGHT, SKIN_LUT_WIDTH, uniformDeclarations, type HeadInputs, type PlanPreview, type ScalpUniforms, type ViewInputs } from './scalpUniforms';

export interface ScalpMaterial {
  material: THREE.MeshPhysicalMaterial;
  uniforms: ScalpUniforms;
  /** Copies the plan, as previewed, into uniforms: cheap, called on every plan or preview change. */
  applyPlan(plan: Plan, preview: PlanPreview): void;
  /** Runs `render` with the SMP shown or hidden regardless of the view's setting (before / after images). */
  withSmp(visible: boolean, render: () => void): void;
  /** Copies the placed scars into their uniforms and centreline texture (on a scar edit). */
  applyScars(data: ScarShaderData): void;
  /** Copies the view's switches (SMP shown, SMP on scars) into their uniforms. */
  applyView(view: ViewInputs): void;
  /** Copies what the head sets (its whorl) into its uniforms, once per head. */
  applyHead(head: HeadInputs): void;
}

/** A scan's own skin colours (per vertex, or a texture); without them the skin takes the plan's tone. */
export interface SkinColours {
  vertexColors: boolean;
  map: THREE.Texture | null;
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
  const { uniforms, update } = createScalpUniforms();

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
    `#define SKIN_LUT_WIDTH ${SKIN_LUT_WIDTH.toFixed(1)}`,
    `#define SKIN_LUT_HEIGHT ${SKIN_LUT_HEIGHT.toFixed(1)}`,
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
      .replace('#include <common>', `#include <common>\n#define MAX_DENSITY_FACTOR ${MAX_DENSITY_FACTOR.toFixed(4)}\n#define KERNEL_SESSIONS ${KERNEL_SESSIONS}\n#define KERNEL_SLOTS ${KERNEL_SLOTS}\n#define MAX_SCARS ${MAX_SCARS}\n#define FUT_POINTS ${FUT_POINTS}\n${uniformDeclarations()}\n${hashGlsl}\n${fragmentParsGlsl}\n${healingGlsl}\n${dotsGlsl}\n${scarsGlsl}\n${hairGlsl}\n${skinReliefGlsl}\n${skinMottleGlsl}`)
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
  material.addEventListener('dispose', () => uniforms.uFutPoints.value.dispose());

  const applyPlan = (plan: Plan, preview: PlanPreview) => {
    const inputs = planInputs(plan, preview);
    // A swatch is not an albedo: the skin's base colour is the diffuse reflectance of skin with the melanin of
    // the chosen tone (src/domain/appearance), in linear light. A scan shows the client's own skin; the
    // plan's tone still sets the scars' colour and the pigment's optics.
    if (!ownColours) material.color.setRGB(...skinAlbedo(inputs.optics), THREE.LinearSRGBColorSpace);
    Object.assign(material, skinModel ? skinSheen(plan.skin.shine) : FLAT_SHEEN);
    update('plan', inputs);
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

  return {
    material,
    uniforms,
    applyPlan,
    withSmp,
    applyScars: (data) => update('scars', data),
    applyView: (view) => update('view', view),
    applyHead: (head) => update('head', head),
  };
}
