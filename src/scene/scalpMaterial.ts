/**
 * The skin material with the SMP dots drawn on it by the GPU. Dots live entirely in the fragment shader
 * (shaders/); a plan edit only changes uniforms here, so it shows in the next frame without recompiling.
 */
import * as THREE from 'three';
import dotsGlsl from '../../shaders/follicle_dots.glsl?raw';
import fragmentGlsl from '../../shaders/scalp_fragment.glsl?raw';
import fragmentParsGlsl from '../../shaders/scalp_fragment_pars.glsl?raw';
import hashGlsl from '../../shaders/hash.glsl?raw';
import vertexGlsl from '../../shaders/scalp_vertex.glsl?raw';
import vertexParsGlsl from '../../shaders/scalp_vertex_pars.glsl?raw';
import { dotAreaFraction } from '../domain/dots/coverage';
import { cellSizeMm, LATTICE_ROTATION, searchCells } from '../domain/dots/placement';
import type { Plan } from '../domain/plan';

export interface ScalpUniforms {
  uDotDiameterMm: THREE.IUniform<number>;
  uSizeVariation: THREE.IUniform<number>;
  uCellMm: THREE.IUniform<number>;
  uSoftness: THREE.IUniform<number>;
  uLatticeRotation: THREE.IUniform<THREE.Matrix3>;
  uSearchCells: THREE.IUniform<number>;
  uDotColor: THREE.IUniform<THREE.Color>;
  uDotOpacity: THREE.IUniform<number>;
  uDotAreaFraction: THREE.IUniform<number>;
  uTransitionMm: THREE.IUniform<number>;
  uIrregularity: THREE.IUniform<number>;
  uSentinels: THREE.IUniform<number>;
  uSmpVisible: THREE.IUniform<number>;
}

export interface ScalpMaterial {
  material: THREE.MeshPhysicalMaterial;
  uniforms: ScalpUniforms;
  /** Copies the plan into uniforms: cheap, called on every plan change. */
  applyPlan(plan: Plan): void;
  /** Runs `render` with the SMP shown or hidden regardless of the view's setting (before / after images). */
  withSmp(visible: boolean, render: () => void): void;
}

export function createScalpMaterial(): ScalpMaterial {
  const uniforms: ScalpUniforms = {
    uDotDiameterMm: { value: 0.4 },
    uSizeVariation: { value: 0 },
    uCellMm: { value: 1 },
    uSoftness: { value: 0 },
    uLatticeRotation: { value: new THREE.Matrix3().set(...(LATTICE_ROTATION as [number, number, number, number, number, number, number, number, number])) },
    uSearchCells: { value: 1 },
    uDotColor: { value: new THREE.Color() },
    uDotOpacity: { value: 1 },
    uDotAreaFraction: { value: 0 },
    uTransitionMm: { value: 0 },
    uIrregularity: { value: 0 },
    uSentinels: { value: 0 },
    uSmpVisible: { value: 1 },
  };

  // Skin: a faint clearcoat gives the oily sheen a bald scalp shows under harsh overhead light (an honest
  // preview must show it; SMP ink sits under the skin and does not hide it).
  const material = new THREE.MeshPhysicalMaterial({
    name: 'scalp',
    roughness: 0.58,
    metalness: 0,
    clearcoat: 0.12,
    clearcoatRoughness: 0.42,
  });
  material.onBeforeCompile = (shader) => {
    Object.assign(shader.uniforms, uniforms);
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', `#include <common>\n${vertexParsGlsl}`)
      .replace('#include <begin_vertex>', `#include <begin_vertex>\n${vertexGlsl}`);
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', `#include <common>\n${hashGlsl}\n${fragmentParsGlsl}\n${dotsGlsl}`)
      .replace('#include <color_fragment>', `#include <color_fragment>\n${fragmentGlsl}`);
  };
  material.customProgramCacheKey = () => 'smp-scalp-v1';

  const applyPlan = (plan: Plan) => {
    material.color.set(plan.skin.color);
    const { dots } = plan;
    uniforms.uDotDiameterMm.value = dots.diameterMm;
    uniforms.uSizeVariation.value = dots.sizeVariation;
    uniforms.uCellMm.value = cellSizeMm(dots.densityPerCm2);
    uniforms.uSoftness.value = dots.softness;
    uniforms.uSearchCells.value = searchCells(dots);
    uniforms.uDotColor.value.set(dots.color);
    uniforms.uDotOpacity.value = dots.opacity;
    uniforms.uDotAreaFraction.value = dotAreaFraction(dots.densityPerCm2, dots.diameterMm);
    uniforms.uTransitionMm.value = plan.hairline.transitionMm;
    uniforms.uIrregularity.value = plan.hairline.irregularity;
    uniforms.uSentinels.value = plan.hairline.sentinels;
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

  return { material, uniforms, applyPlan, withSmp };
}
