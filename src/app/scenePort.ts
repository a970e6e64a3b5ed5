/**
 * What the 3D view offers the rest of the app (exports, the report, `window.smp`), attached by the scene
 * while its canvas is mounted. Callers await the port or ask for it, instead of checking nullable slots.
 */
import type { Vec3 } from '../domain/head/landmarks';
import type { ViewName } from '../domain/views';

export interface ImageRequest {
  /** A standard view framing the whole head; omitted: the user's camera as it is now. */
  view?: ViewName;
  /**
   * Frame all of `view`'s head, neck cut included, with this many pixels at the top left clear for a
   * caption (the comparison grid); omitted: the standard view's framing.
   */
  captionPx?: number;
  /** Size in pixels, 1 to MAX_IMAGE_SIDE_PX. */
  width: number;
  height: number;
  /** With the SMP (true) or the bare scalp (false); omitted: as the view on screen shows it. */
  showSmp?: boolean;
  /** The finished treatment, freshly healed, even while the view previews a session or later years. */
  finished?: boolean;
}

/**
 * The longest side of a picture (px). Larger pictures gain little for a consultation, and browsers limit
 * canvases (Safari on iPad: 16.7 million pixels, which is 4096 × 4096).
 */
export const MAX_IMAGE_SIDE_PX = 4096;

export interface ScenePort {
  canvas: HTMLCanvasElement;
  /** Renders `frames` frames back to back, each waited for on the GPU; returns each one's time (ms). */
  measureFrames(frames: number): number[];
  /** Where a head-frame point (mm) appears on the canvas, in CSS pixels from its top-left corner. */
  toScreen(point: Vec3): { x: number; y: number };
  /** Where the camera is and the point it looks at (head frame, mm). */
  camera(): { position: Vec3; target: Vec3 };
  /** Draws a picture of the head offscreen, as the plan and view are now (exports and the report). */
  renderImage(request: ImageRequest): HTMLCanvasElement;
}

export interface SceneConnection {
  /** The scene offers its port while its canvas is mounted; the returned function takes it back. */
  attach(port: ScenePort): () => void;
  /** The port, once the scene has attached it (at once if it has). */
  whenAttached(): Promise<ScenePort>;
  /** The port now; throws 'The 3D view is not ready' when there is none (for calls that cannot wait). */
  now(): ScenePort;
}

export function createSceneConnection(): SceneConnection {
  let current: ScenePort | null = null;
  let waiting: ((port: ScenePort) => void)[] = [];
  return {
    attach(port) {
      current = port;
      for (const resolve of waiting) resolve(port);
      waiting = [];
      return () => {
        if (current === port) current = null;
      };
    },
    whenAttached: () => (current ? Promise.resolve(current) : new Promise((resolve) => waiting.push(resolve))),
    now() {
      if (!current) throw new Error('The 3D view is not ready');
      return current;
    },
  };
}
