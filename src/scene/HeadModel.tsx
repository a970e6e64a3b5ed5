import { useFrame, useLoader } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { useStore } from 'zustand';
import { useSimulator } from '../app/simulator';
import type { ScanHead } from '../domain/scan/scanHead';
import { headFromGltf, preparedScanHead, type LoadedHead } from './loadedHead';
import { createScalpMaterial } from './scalpMaterial';
import { scarShaderData } from '../domain/scars/shaderData';

/** Time a frame spends painting strokes at most (ms, past the stroke that crosses it): the rest waits for the next frame. */
const PAINTING_MS_PER_FRAME = 30;

export const DEFAULT_HEAD_URL = `${import.meta.env.BASE_URL}models/head.glb`;

/** `?skin=flat` draws the skin without its skin model: the benchmark's reference for what that costs. */
const SKIN_MODEL = new URLSearchParams(location.search).get('skin') !== 'flat';

/** The head the plan is drawn on: the client's scan when the plan has one in use, else the default head. */
export function HeadModel() {
  const scan = useStore(useSimulator().headStore, (s) => s.scan);
  return scan ? <ScanHeadModel key={scan.id} scan={scan} /> : <DefaultHeadModel />;
}

function DefaultHeadModel() {
  const gltf = useLoader(GLTFLoader, DEFAULT_HEAD_URL);
  const head = useMemo(() => headFromGltf(gltf.scene), [gltf]);
  return <HeadView head={head} />;
}

function ScanHeadModel({ scan }: { scan: ScanHead }) {
  const head = preparedScanHead(scan);
  useEffect(() => {
    const geometry = head.skin.geometry;
    const map = head.skin.userData.colorMap as THREE.Texture | undefined;
    // Frees the GPU copies when the scan leaves the screen; three uploads them again if it comes back.
    return () => {
      geometry.dispose();
      map?.dispose();
    };
  }, [head]);
  return <HeadView head={head} />;
}

function HeadView({ head }: { head: LoadedHead }) {
  const sim = useSimulator();
  const scalp = useMemo(
    () =>
      createScalpMaterial(
        { vertexColors: head.skin.geometry.hasAttribute('color'), map: (head.skin.userData.colorMap as THREE.Texture | undefined) ?? null },
        { skinModel: SKIN_MODEL },
      ),
    [head],
  );

  // Where dots may go: the hairline's distance field, recomputed before a frame when the hairline changed
  // (a handle drag then costs one update per frame, however many pointer events arrive).
  const uploadedVersion = useRef(-1);
  const uploadedDensity = useRef(-1);
  const uploadedHair = useRef(-1);
  const uploadedScars = useRef(-1);
  const uploadedScarAmounts = useRef(-1);
  useFrame(() => {
    const geometry = head.skin.geometry;
    const distance = geometry.getAttribute('hairlineDistance');
    const density = geometry.getAttribute('densityFactor');
    const hair = geometry.getAttribute('hairDensity');
    if (!distance || !density || !hair) return;
    const plan = sim.planStore.getState().plan;
    // Painting is spread over frames: a plan with many large strokes appears within a moment, never freezing the page.
    const deadline = performance.now() + PAINTING_MS_PER_FRAME;
    const version = head.treatment.update(plan);
    if (version !== uploadedVersion.current) {
      uploadedVersion.current = version;
      distance.needsUpdate = true;
    }
    const densityVersion = head.treatment.density.update(plan.density, deadline);
    if (densityVersion !== uploadedDensity.current) {
      uploadedDensity.current = densityVersion;
      density.needsUpdate = true;
    }
    const hairVersion = head.treatment.hair.update(plan.hairLoss, deadline);
    if (hairVersion !== uploadedHair.current) {
      uploadedHair.current = hairVersion;
      hair.needsUpdate = true;
    }
    // Scars: freeform scar tissue per vertex, and every scar's shape in uniforms.
    const scars = head.treatment.scars;
    scars.update(plan.scars, deadline);
    if (head.treatment.density.pending || head.treatment.hair.pending || scars.pending) sim.signals.frameIncomplete();
    const scarAmount = geometry.getAttribute('scarAmount');
    if (scarAmount && scars.amountsVersion !== uploadedScarAmounts.current) {
      uploadedScarAmounts.current = scars.amountsVersion;
      scarAmount.needsUpdate = true;
    }
    if (scars.version !== uploadedScars.current) {
      uploadedScars.current = scars.version;
      scalp.applyScars(scarShaderData(scars.placed, scars.surface));
    }
  });

  useEffect(() => {
    // The shader reads the hairline distance per vertex; the array is updated in place as the hairline
    // moves. Attached here, not while building the head: React may build it twice and keep one.
    head.skin.geometry.setAttribute('hairlineDistance', new THREE.BufferAttribute(head.treatment.distances, 1));
    head.skin.geometry.setAttribute('densityFactor', new THREE.BufferAttribute(head.treatment.density.factors, 1));
    head.skin.geometry.setAttribute('hairDensity', new THREE.BufferAttribute(head.treatment.hair.density, 1));
    head.skin.geometry.setAttribute('scarAmount', new THREE.BufferAttribute(head.treatment.scars.amounts, 1));
    scalp.applyHead({ whorl: head.treatment.hair.frame.whorl });
    uploadedVersion.current = -1;
    uploadedDensity.current = -1;
    uploadedHair.current = -1;
    uploadedScars.current = -1;
    uploadedScarAmounts.current = -1;
    head.skin.material = scalp.material;
    const applyPlan = () => scalp.applyPlan(sim.planStore.getState().plan, sim.viewStore.getState());
    const applyView = () => scalp.applyView(sim.viewStore.getState());
    applyPlan();
    applyView();
    const offPlan = sim.planStore.subscribe(applyPlan);
    const offView = sim.viewStore.subscribe((view, prev) => {
      applyView();
      if (view.sessionPreview !== prev.sessionPreview || view.ageYears !== prev.ageYears || view.healingDay !== prev.healingDay) applyPlan();
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

