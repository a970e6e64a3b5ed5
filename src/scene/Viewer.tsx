import { Canvas, addAfterEffect, addEffect, useThree } from '@react-three/fiber';
import { lazy, Suspense, useEffect } from 'react';
import * as THREE from 'three';
import { useStore } from 'zustand';
import { usePhotoScreen } from '../app/photoScreen';
import { useSimulator } from '../app/simulator';
import { BrushTool } from './BrushTool';
import { CameraRig } from './CameraRig';
import { HairlineEditor } from './HairlineEditor';
import { HeadModel } from './HeadModel';
import { InputRouter } from './InputRouter';
import { Lighting } from './Lighting';
import { Loupe } from './Loupe';
import { ScanPreview } from './ScanPreview';
import { SceneRenderer } from './SceneRenderer';
import { useRenderImage } from './snapshots';
import { applyToneMapping } from './toneMapping';

// The photo screen's renderer is read when photos are first used (shown, or drawn for the report or an export).
const PhotoRenderer = lazy(() => import('./photo/PhotoRenderer').then((m) => ({ default: m.PhotoRenderer })));

/** Wires the render loop to the render signals (for `whenRendered`) and attaches the scene port. */
function RenderLoopBridge() {
  const sim = useSimulator();
  const invalidate = useThree((s) => s.invalidate);
  const gl = useThree((s) => s.gl);
  const get = useThree((s) => s.get);
  const renderImage = useRenderImage();
  const size = useThree((s) => s.size);
  // A resized canvas is cleared: the screen no longer shows the latest change until a frame is drawn.
  useEffect(() => sim.signals.markDirty(), [sim, size]);
  useEffect(() => {
    const measureFrames = (frames: number) => {
      const { scene, camera } = get();
      const context = gl.getContext();
      const pixel = new Uint8Array(4);
      const times: number[] = [];
      for (let i = 0; i < frames; i++) {
        const start = performance.now();
        gl.render(scene, camera);
        // Reading a pixel back waits until the GPU has finished the frame.
        context.readPixels(0, 0, 1, 1, context.RGBA, context.UNSIGNED_BYTE, pixel);
        times.push(performance.now() - start);
      }
      return times;
    };
    const detach = sim.scene.attach({
      canvas: gl.domElement,
      measureFrames,
      toScreen(point) {
        const { camera, size } = get();
        // A point of the plan, where the default head reshaped by the plan's head shape shows it.
        const shown = sim.headStore.getState().head?.shaping?.toScene(point, sim.planStore.getState().plan.headShape) ?? point;
        const v = new THREE.Vector3(...shown).project(camera);
        return { x: ((v.x + 1) / 2) * size.width, y: ((1 - v.y) / 2) * size.height };
      },
      camera() {
        const { camera, controls } = get();
        // The orbit controls' target (CameraRig); without them, the point straight ahead of the camera.
        const target = controls && 'target' in controls && controls.target instanceof THREE.Vector3 ? controls.target : camera.getWorldDirection(new THREE.Vector3()).add(camera.position);
        return { position: camera.position.toArray(), target: target.toArray() };
      },
      renderImage,
    });
    const context = gl.getContext();
    sim.signals.connect(invalidate, () => context.isContextLost());
    const offBefore = addEffect(() => sim.signals.frameStarted());
    const offAfter = addAfterEffect(() => sim.signals.frameDrawn());
    const offPlan = sim.planStore.subscribe(() => sim.signals.markDirty());
    const offView = sim.viewStore.subscribe(() => sim.signals.markDirty());
    // three rebuilds its GPU resources from the scene on the next frame (Lighting redraws the environment
    // map itself): draw that frame, so the view and any picture waiting for the restore come back.
    const restored = () => sim.signals.markDirty();
    gl.domElement.addEventListener('webglcontextrestored', restored);
    return () => {
      detach();
      gl.domElement.removeEventListener('webglcontextrestored', restored);
      offBefore();
      offAfter();
      offPlan();
      offView();
    };
  }, [sim, invalidate, gl, get, renderImage]);
  return null;
}

export function Viewer({ onContextLost }: { onContextLost: (lost: boolean) => void }) {
  // The photo renderer draws a shown photo with the plan on it (the 3D view's renderer then draws nothing); it
  // is read and mounted once photos are in use.
  const photosInUse = useStore(usePhotoScreen().state, (s) => s.rendererWanted);
  return (
    <Canvas
      className="viewer-canvas"
      frameloop="demand"
      // As many pixels as the screen shows, down to a quarter (a zoomed-out page shows fewer than its CSS
      // size) and at most two per CSS pixel (more costs frames and adds nothing an eye sees on a tablet).
      dpr={[0.25, 2]}
      // preserveDrawingBuffer: screenshots and tests read the finished frame back.
      gl={{ antialias: true, preserveDrawingBuffer: true, powerPreference: 'high-performance' }}
      camera={{ fov: 32, near: 2, far: 8000, position: [0, 0, 900] }}
      onCreated={({ gl }) => {
        // A tone curve that is a straight line where lit skin sits, so SMP darkens the scalp equally near and
        // far (see toneMapping.ts); hues stay true (ACES would shift them and brighten highlights).
        applyToneMapping(gl);
        gl.outputColorSpace = THREE.SRGBColorSpace;
        const canvas = gl.domElement;
        canvas.addEventListener('webglcontextlost', (e) => {
          // Prevent the default so the browser may restore the context; the plan lives in the store, not the GPU.
          e.preventDefault();
          // r3f also forces a context loss when the view unmounts; only a live canvas has really lost it.
          setTimeout(() => canvas.isConnected && onContextLost(true));
        });
        canvas.addEventListener('webglcontextrestored', () => onContextLost(false));
      }}
    >
      <color attach="background" args={['#e9ecef']} />
      <RenderLoopBridge />
      <Lighting />
      <Suspense fallback={null}>
        <HeadModel />
      </Suspense>
      <InputRouter>
        <ScanPreview />
        <HairlineEditor />
        <BrushTool />
        <CameraRig />
        <SceneRenderer />
        {photosInUse && (
          <Suspense fallback={null}>
            <PhotoRenderer />
          </Suspense>
        )}
        <Loupe />
      </InputRouter>
    </Canvas>
  );
}
