import { useLoader } from '@react-three/fiber';
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

  useEffect(() => {
    head.skin.material = scalp.material;
    const applyPlan = () => scalp.applyPlan(sim.planStore.getState().plan);
    applyPlan();
    const unsubscribe = sim.planStore.subscribe(applyPlan);
    sim.headStore.getState().setHead(head);
    sim.releaseHeadLoading();
    return () => {
      unsubscribe();
      sim.headStore.getState().setHead(null);
    };
  }, [sim, head, scalp]);

  useEffect(() => () => scalp.material.dispose(), [scalp]);

  return <primitive object={head.root} />;
}

