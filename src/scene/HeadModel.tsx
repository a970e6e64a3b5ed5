import { useFrame, useLoader } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
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
  const uploadedVersion = useRef(-1);
  const uploadedDensity = useRef(-1);
  useFrame(() => {
    const geometry = head.skin.geometry;
    const distance = geometry.getAttribute('hairlineDistance');
    const density = geometry.getAttribute('densityFactor');
    if (!distance || !density) return;
    const plan = sim.planStore.getState().plan;
    const version = head.treatment.update(plan);
    if (version !== uploadedVersion.current) {
      uploadedVersion.current = version;
      distance.needsUpdate = true;
    }
    const densityVersion = head.treatment.density.update(plan.density);
    if (densityVersion !== uploadedDensity.current) {
      uploadedDensity.current = densityVersion;
      density.needsUpdate = true;
    }
  });

  useEffect(() => {
    // The shader reads the hairline distance per vertex; the array is updated in place as the hairline
    // moves. Attached here, not while building the head: React may build it twice and keep one.
    head.skin.geometry.setAttribute('hairlineDistance', new THREE.BufferAttribute(head.treatment.distances, 1));
    head.skin.geometry.setAttribute('densityFactor', new THREE.BufferAttribute(head.treatment.density.factors, 1));
    uploadedVersion.current = -1;
    uploadedDensity.current = -1;
    head.skin.material = scalp.material;
    const applyPlan = () => scalp.applyPlan(sim.planStore.getState().plan, sim.viewStore.getState());
    const applyView = () => void (scalp.uniforms.uSmpVisible.value = sim.viewStore.getState().showSmp ? 1 : 0);
    applyPlan();
    applyView();
    const offPlan = sim.planStore.subscribe(applyPlan);
    const offView = sim.viewStore.subscribe((view, prev) => {
      applyView();
      if (view.sessionPreview !== prev.sessionPreview || view.ageYears !== prev.ageYears) applyPlan();
    });
    sim.headStore.getState().setHead(head, scalp);
    sim.releaseHeadLoading();
    return () => {
      offPlan();
      offView();
      sim.headStore.getState().setHead(null, null);
    };
  }, [sim, head, scalp]);

  useEffect(() => () => scalp.material.dispose(), [scalp]);

  return <primitive object={head.root} />;
}

