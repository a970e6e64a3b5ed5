import { useFrame } from '@react-three/fiber';
import type * as THREE from 'three';
import { useSimulator } from '../app/simulator';
import type { ViewName } from '../domain/views';
import type { ViewState } from '../state/viewStore';
import { cameraShowingWholeHead } from './viewCameras';

/** The views of the before/after grid, left to right; the top row is before, the bottom row after. */
export const GRID_VIEWS: readonly ViewName[] = ['front', 'top', 'back'];
/** The band at the top of each grid pane kept for its caption ("Before · Front"), CSS pixels. */
export const GRID_CAPTION_PX = 40;

/** Where a pane sits on the canvas (CSS pixels, y from the bottom as WebGL counts). */
interface Pane {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The grid's panes: GRID_VIEWS across, before above after. */
export function gridPanes(width: number, height: number): Array<Pane & { view: ViewName; smp: boolean }> {
  const w = width / GRID_VIEWS.length;
  const h = height / 2;
  return [true, false].flatMap((smp) =>
    GRID_VIEWS.map((view, i) => ({ view, smp, x: Math.round(i * w), y: smp ? 0 : Math.round(h), width: Math.round(w), height: Math.round(h) })),
  );
}

/**
 * Draws the main view each frame: the plain view, the split-screen comparison (the same camera without SMP
 * left of the divider and with it on the right), or the front/top/back grid before and after. Rendering
 * before and after in one frame only flips a uniform between passes: no recompiles, no copies.
 */
export function SceneRenderer() {
  const sim = useSimulator();
  useFrame(({ gl, scene, camera, size }) => {
    const view: ViewState = sim.viewStore.getState();
    // A shown photo is drawn by the photo renderer (src/scene/photo/), with the plan on it.
    if (view.shownPhoto !== null) return;
    const { head, scalp } = sim.headStore.getState();
    if (view.compare === 'off' || !head || !scalp) {
      gl.render(scene, camera);
      return;
    }
    const drawPane = (pane: Pane, smp: boolean, paneCamera: THREE.Camera) => {
      gl.setViewport(pane.x, pane.y, pane.width, pane.height);
      gl.setScissor(pane.x, pane.y, pane.width, pane.height);
      scalp.withSmp(smp, () => gl.render(scene, paneCamera));
    };
    gl.setScissorTest(true);
    try {
      if (view.compare === 'split') {
        // One camera and the whole canvas as viewport, so both sides are one picture; only the scissor differs.
        const divide = Math.round(view.splitPosition * size.width);
        gl.setViewport(0, 0, size.width, size.height);
        gl.setScissor(0, 0, divide, size.height);
        scalp.withSmp(false, () => gl.render(scene, camera));
        gl.setScissor(divide, 0, size.width - divide, size.height);
        scalp.withSmp(true, () => gl.render(scene, camera));
      } else {
        // The grid starts below the view's toolbar, which floats over the top of the view.
        const below = Math.min(view.toolbarBottomPx, size.height / 2);
        gl.setScissor(0, 0, size.width, size.height);
        gl.clear();
        for (const pane of gridPanes(size.width, size.height - below)) {
          drawPane(pane, pane.smp, cameraShowingWholeHead(pane.view, head, pane.width, pane.height, GRID_CAPTION_PX));
        }
      }
    } finally {
      gl.setScissorTest(false);
      gl.setViewport(0, 0, size.width, size.height);
    }
  }, 1);
  return null;
}
