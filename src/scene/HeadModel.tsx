import { useFrame, useLoader } from '@react-three/fiber';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { useStore } from 'zustand';
import { useSimulator } from '../app/simulator';
import type { ScanHead } from '../domain/scan/scanHead';
import { HeadModelLoader } from './headModelLoader';
import { headFraming, headFromGltf, preparedScanHead, type LoadedHead } from './loadedHead';
import { createScalpMaterial } from './scalpMaterial';
import { scarShaderData } from '../domain/scars/shaderData';
import { VERTEX_LAYERS, VertexLayerRunner } from '../domain/vertexLayers';

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
  const gltf = useLoader(HeadModelLoader, DEFAULT_HEAD_URL);
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

/** The colour of the default head's brows, whose hairs take the client's hair colour; null on a scan. */
function browColor(head: LoadedHead): THREE.Color | null {
  const brows = head.root.getObjectByName('Brows');
  return brows instanceof THREE.Mesh && brows.material instanceof THREE.MeshStandardMaterial ? brows.material.color : null;
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

  // The plan's per-vertex layers (src/domain/vertexLayers.ts), run before each frame, never in a React render:
  // a layer is recomputed only when what it is computed from changed (a handle drag then costs one update per
  // frame, however many pointer events arrive), and its attribute uploaded only when its values did.
  const layers = useMemo(() => new VertexLayerRunner(VERTEX_LAYERS, head.treatment), [head]);
  const attached = useRef(false);
  const uploadedScars = useRef(-1);
  // The default head takes the plan's head shape before the frame that shows it (a slider drag: the next frame).
  const applyShape = useCallback(() => {
    const { shaping } = head;
    if (!shaping?.apply(sim.planStore.getState().plan.headShape)) return;
    const framing = headFraming(shaping.sceneLandmarks());
    head.center.copy(framing.center);
    head.radius = framing.radius;
    scalp.applyHead({ whorl: shaping.toScene(head.treatment.hair.frame.whorl) });
  }, [sim, head, scalp]);
  useFrame(() => {
    if (!attached.current) return;
    applyShape();
    const geometry = head.skin.geometry;
    // Painting is spread over frames: a plan with many large strokes appears within a moment, never freezing the page.
    const run = layers.run(sim.planStore.getState().plan, performance.now() + PAINTING_MS_PER_FRAME);
    for (const name of run.changed) geometry.getAttribute(name).needsUpdate = true;
    if (run.pending) sim.signals.frameIncomplete();
    // Every scar's shape goes to uniforms.
    const scars = head.treatment.scars;
    if (scars.version !== uploadedScars.current) {
      uploadedScars.current = scars.version;
      scalp.applyScars(scarShaderData(scars.placed, scars.surface));
    }
  });

  useEffect(() => {
    // The shader reads each layer per vertex; its array is updated in place as the plan changes. Attached
    // here, not while building the head: React may build it twice and keep one.
    for (const layer of VERTEX_LAYERS) head.skin.geometry.setAttribute(layer.name, new THREE.BufferAttribute(layer.values(head.treatment), 1));
    // The scars are placed on the default head: the shader finds them at each vertex's place there.
    head.skin.geometry.setAttribute('planPosition', new THREE.BufferAttribute(head.treatment.positions, 3));
    layers.reset();
    attached.current = true;
    scalp.applyHead({ whorl: head.shaping ? head.shaping.toScene(head.treatment.hair.frame.whorl) : head.treatment.hair.frame.whorl });
    applyShape();
    uploadedScars.current = -1;
    head.skin.material = scalp.material;
    const brows = browColor(head);
    const applyPlan = () => {
      const plan = sim.planStore.getState().plan;
      scalp.applyPlan(plan, sim.viewStore.getState());
      brows?.set(plan.hairColor);
    };
    const applyView = () => scalp.applyView(sim.viewStore.getState());
    applyPlan();
    applyView();
    const offPlan = sim.planStore.subscribe((state, prev) => state.plan !== prev.plan && applyPlan());
    const offView = sim.viewStore.subscribe((view, prev) => {
      applyView();
      if (view.sessionPreview !== prev.sessionPreview || view.ageYears !== prev.ageYears || view.healingDay !== prev.healingDay) applyPlan();
    });
    sim.headStore.getState().setHead(head, scalp);
    sim.releaseHeadLoading();
    return () => {
      attached.current = false;
      offPlan();
      offView();
      sim.headStore.getState().setHead(null, null);
    };
  }, [sim, head, scalp, layers, applyShape]);

  useEffect(() => () => scalp.material.dispose(), [scalp]);

  return <primitive object={head.root} />;
}

