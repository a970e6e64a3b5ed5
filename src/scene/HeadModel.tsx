import { useFrame, useLoader } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { useSimulator } from '../app/simulator';
import { headFromGltf } from './loadedHead';
import { createScalpMaterial } from './scalpMaterial';

export const DEFAULT_HEAD_URL = `${import.meta.env.BASE_URL}models/head.glb`;

export function HeadModel() {
  const sim = useSimulator();
  const gltf = useLoader(GLTFLoader, DEFAULT_HEAD_URL);
  const head = useMemo(() => headFromGltf(gltf.scene), [gltf]);
  const scalp = useMemo(() => createScalpMaterial(), []);

  // Where dots may go: the hairline's distance field, recomputed before a frame when the hairline changed
  // (a handle drag then costs one update per frame, however many pointer events arrive).
  useFrame(() => {
    if (head.treatment.update(sim.planStore.getState().plan)) {
      head.skin.geometry.getAttribute('hairlineDistance').needsUpdate = true;
    }
  });

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

