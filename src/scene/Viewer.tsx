import { Canvas, addAfterEffect, addEffect, useThree } from '@react-three/fiber';
import { Suspense, useEffect } from 'react';
import * as THREE from 'three';
import { useSimulator } from '../app/simulator';
import { CameraRig } from './CameraRig';
import { HeadModel } from './HeadModel';
import { Lighting } from './Lighting';

/** Wires the render loop to the render signals (for `whenRendered`) and keeps the canvas reachable. */
function RenderLoopBridge() {
  const sim = useSimulator();
  const invalidate = useThree((s) => s.invalidate);
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    sim.canvas = gl.domElement;
    sim.signals.connect(invalidate);
    const offBefore = addEffect(() => sim.signals.frameStarted());
    const offAfter = addAfterEffect(() => sim.signals.frameDrawn());
    const offPlan = sim.planStore.subscribe(() => sim.signals.markDirty());
    const offView = sim.viewStore.subscribe(() => sim.signals.markDirty());
    return () => {
      offBefore();
      offAfter();
      offPlan();
      offView();
    };
  }, [sim, invalidate, gl]);
  return null;
}

export function Viewer({ onContextLost }: { onContextLost: (lost: boolean) => void }) {
  return (
    <Canvas
      className="viewer-canvas"
      frameloop="demand"
      dpr={[1, 2]}
      // preserveDrawingBuffer: screenshots and tests read the finished frame back.
      gl={{ antialias: true, preserveDrawingBuffer: true, powerPreference: 'high-performance' }}
      camera={{ fov: 32, near: 2, far: 8000, position: [0, 0, 900] }}
      onCreated={({ gl }) => {
        gl.toneMapping = THREE.ACESFilmicToneMapping;
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
      <CameraRig />
    </Canvas>
  );
}
