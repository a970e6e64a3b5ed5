import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { defaultPlan, parsePlan } from '../../src/domain/plan';
import { createScalpMaterial } from '../../src/scene/scalpMaterial';
import { createScalpUniforms, planInputs, SCALP_UNIFORMS, uniformDeclarations } from '../../src/scene/scalpUniforms';

const SHADERS = join(import.meta.dirname, '../../shaders');
const shaderFiles = readdirSync(SHADERS).filter((f) => f.endsWith('.glsl'));
const shaderText = shaderFiles.map((f) => readFileSync(join(SHADERS, f), 'utf8')).join('\n');
/** Uniforms three itself provides that a chunk declares for the fragment stage (three declares them in the vertex stage only). */
const THREE_OWN = ['normalMatrix'];

/** The fragment shader as three would compile it, after the material's onBeforeCompile. */
function compiledFragment(material: THREE.MeshPhysicalMaterial): { fragmentShader: string; uniforms: Record<string, THREE.IUniform> } {
  const shader = { uniforms: {}, vertexShader: THREE.ShaderLib.physical.vertexShader, fragmentShader: THREE.ShaderLib.physical.fragmentShader } as THREE.WebGLProgramParametersWithUniforms;
  // The material's hook reads only the shader, never the renderer.
  material.onBeforeCompile(shader, {} as THREE.WebGLRenderer);
  return shader;
}

describe('the scalp shader uniform table', () => {
  it('declares every uniform the shaders use, and the shaders use every uniform it declares', () => {
    const used = new Set(shaderText.replace(/\/\/.*$/gm, '').match(/\bu[A-Z]\w*/g));
    expect([...used].sort()).toEqual(Object.keys(SCALP_UNIFORMS).sort());
  });

  it('is the only place the shaders’ own uniforms are declared', () => {
    const declared = [...shaderText.matchAll(/^\s*uniform\s+(?:(?:highp|mediump|lowp)\s+)?\w+\s+(\w+)/gm)].map((m) => m[1]);
    expect(declared).toEqual(THREE_OWN);
    const generated = [...uniformDeclarations().matchAll(/^uniform\s+(?:highp\s+)?\w+\s+(\w+)(\[[^\]]+\])?;$/gm)].map((m) => m[1]);
    expect(generated).toEqual(Object.keys(SCALP_UNIFORMS));
  });

  it('gives each uniform a value of its GLSL type, at its default', () => {
    const { uniforms } = createScalpUniforms();
    const isKind: Record<string, (v: unknown) => boolean> = {
      float: (v) => typeof v === 'number',
      int: (v) => Number.isInteger(v),
      vec2: (v) => v instanceof THREE.Vector2,
      vec3: (v) => v instanceof THREE.Vector3 || v instanceof THREE.Color,
      vec4: (v) => v instanceof THREE.Vector4,
      mat3: (v) => v instanceof THREE.Matrix3,
      sampler2D: (v) => v instanceof THREE.Texture,
      'highp sampler2D': (v) => v instanceof THREE.Texture,
    };
    for (const [name, spec] of Object.entries(SCALP_UNIFORMS)) {
      const value: unknown = uniforms[name as keyof typeof uniforms].value;
      const check = isKind[spec.glsl]!;
      if (spec.length) {
        // Arrays: a flat Float32Array (of vec4 slots or floats) or an array of vectors.
        expect(value instanceof Float32Array || (Array.isArray(value) && value.every(check)), name).toBe(true);
      } else {
        expect(check(value), name).toBe(true);
      }
    }
    expect(uniforms.uSmpVisible.value).toBe(1);
    expect(uniforms.uScarCount.value).toBe(0);
  });

  it('updates only the uniforms that follow a source', () => {
    const { uniforms, update } = createScalpUniforms();
    const plan = parsePlan({ hairline: { transitionMm: 7, irregularity: 0.4, sentinels: 0.3 }, hairLoss: { stubbleMm: 2.5 } });
    update('plan', planInputs(plan, { sessionPreview: null, ageYears: 0 }));
    expect(uniforms.uTransitionMm.value).toBe(7);
    expect(uniforms.uIrregularity.value).toBeCloseTo(0.4);
    expect(uniforms.uSentinels.value).toBeCloseTo(0.3);
    expect(uniforms.uHairLengthMm.value).toBe(2.5);
    expect(uniforms.uSessionsDone.value).toBe(plan.sessions.length);
    expect(uniforms.uSmpVisible.value).toBe(1);
    update('view', { showSmp: false, showSmpOnScars: false });
    expect([uniforms.uSmpVisible.value, uniforms.uSmpOnScars.value]).toEqual([0, 0]);
    expect(uniforms.uTransitionMm.value).toBe(7);
    update('head', { whorl: [1, 2, 3] });
    expect(uniforms.uHairWhorl.value.toArray()).toEqual([1, 2, 3]);
  });

  it('previews the days after a session through the redness uniform', () => {
    const { uniforms, update } = createScalpUniforms();
    update('plan', planInputs(defaultPlan(), { sessionPreview: 1, ageYears: 0, healingDay: 2 }));
    expect(uniforms.uRedness.value).toBeGreaterThan(0);
    expect(uniforms.uSessionsDone.value).toBe(1);
    update('plan', planInputs(defaultPlan(), { sessionPreview: null, ageYears: 0 }));
    expect(uniforms.uRedness.value).toBe(0);
  });

  it('injects the declarations once into the material’s fragment shader, which a plan edit never recompiles', () => {
    const scalp = createScalpMaterial();
    const shader = compiledFragment(scalp.material);
    for (const name of Object.keys(SCALP_UNIFORMS)) {
      expect(shader.fragmentShader.match(new RegExp(`uniform [\\w ]+ ${name}\\b`, 'g')), name).toHaveLength(1);
      expect(shader.uniforms[name], name).toBe(scalp.uniforms[name as keyof typeof scalp.uniforms]);
    }
    const key = scalp.material.customProgramCacheKey();
    const version = scalp.material.version;
    for (const shine of [0, 0.4, 1]) {
      scalp.applyPlan(parsePlan({ skin: { shine }, dots: { densityPerCm2: 140 }, hairline: { transitionMm: 12 } }), { sessionPreview: 2, ageYears: 5 });
    }
    expect(scalp.material.customProgramCacheKey()).toBe(key);
    expect(scalp.material.version).toBe(version);
    scalp.material.dispose();
  });
});
