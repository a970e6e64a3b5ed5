import { useLoader } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { useSimulator } from '../app/simulator';
import { defaultTreatmentField } from '../domain/hairline/treatmentArea';
import { headFromGltf } from './loadedHead';
import { createScalpMaterial } from './scalpMaterial';

export const DEFAULT_HEAD_URL = `${import.meta.env.BASE_URL}models/head.glb`;

export function HeadModel() {
  const sim = useSimulator();
  const gltf = useLoader(GLTFLoader, DEFAULT_HEAD_URL);
  const head = useMemo(() => headFromGltf(gltf.scene), [gltf]);
  const scalp = useMemo(() => createScalpMaterial(), []);

  // Where dots may go: the signed distance from the hairline at every vertex of the skin.
  useMemo(() => {
    const geometry = head.skin.geometry;
    const positions = geometry.getAttribute('position').array as Float32Array;
    const index = geometry.getIndex();
    if (!index) throw new Error('The head model has no triangle indices.');
    const indices = index.array instanceof Uint32Array ? index.array : Uint32Array.from(index.array);
    const field = defaultTreatmentField(positions, indices, head.landmarks);
    geometry.setAttribute('hairlineDistance', new THREE.BufferAttribute(field.distances, 1));
  }, [head]);

  useEffect(() => {
    head.skin.material = scalp.material;
    const applyPlan = () => scalp.applyPlan(sim.planStore.getState().plan);
    const applyView = () => void (scalp.uniforms.uSmpVisible.value = sim.viewStore.getState().showSmp ? 1 : 0);
    applyPlan();
    applyView();
    const offPlan = sim.planStore.subscribe(applyPlan);
    const offView = sim.viewStore.subscribe(applyView);
    sim.headStore.getState().setHead(head);
    sim.releaseHeadLoading();
    return () => {
      offPlan();
      offView();
      sim.headStore.getState().setHead(null);
    };
  }, [sim, head, scalp]);

  useEffect(() => () => scalp.material.dispose(), [scalp]);

  return <primitive object={head.root} />;
}

