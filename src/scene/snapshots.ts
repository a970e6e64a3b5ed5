/**
 * Pictures of the head drawn offscreen, for exported images and the report. They never touch the canvas,
 * so the view on screen does not change while one is made.
 *
 * - Tiles. A picture is drawn in tiles of at most TILE_PX a side, each cut out of the whole frame with the
 *   camera's view offset, so the GPU memory it takes stays at ~60 MB whatever its size. A 4096 px picture
 *   in one multisampled half-float target would need ~700 MB, more than a tablet can spare.
 * - Same look as the screen. three applies tone mapping and the output colour space only when it draws to
 *   the canvas. Each tile is therefore drawn in linear light (half float, 4× MSAA), then passed through
 *   three's OutputPass, which applies the renderer's own tone mapping and colour space. The head comes
 *   out as on screen; the background colour is tone-mapped too, 2 levels in 255 darker (#e7eaed).
 */
import { useThree } from '@react-three/fiber';
import { useCallback, useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { OutputPass } from 'three/examples/jsm/postprocessing/OutputPass.js';
import { MAX_IMAGE_SIDE_PX, type ImageRequest } from '../app/scenePort';
import { useSimulator } from '../app/simulator';
import { ContextLostError } from './renderSignals';
import { cameraForView, cameraShowingWholeHead } from './viewCameras';

const TILE_PX = 1024;

/** A picture `scale` times the size of a `width` × `height` one, shrunk to fit MAX_IMAGE_SIDE_PX. */
export function scaledImageSize(width: number, height: number, scale: number): { width: number; height: number } {
  const fit = Math.min(scale, MAX_IMAGE_SIDE_PX / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * fit)), height: Math.max(1, Math.round(height * fit)) };
}

/** The error a picture drawn across a lost WebGL context ends with (drawWhenRestored draws it again after the restore). */
export const lostWhileDrawing = () => new ContextLostError('The graphics card was reset while the picture was being drawn. Try again once the 3D view is back.');

/**
 * Draws `scene` as `camera` sees it into a `width` × `height` picture, tile by tile, and leaves the
 * renderer's render target, viewport and scissor as they were. Throws a ContextLostError when the WebGL
 * context is lost before or while it draws: a lost context reads its limits as null and draws nothing.
 */
function drawPicture(gl: THREE.WebGLRenderer, scene: THREE.Scene, camera: THREE.PerspectiveCamera, width: number, height: number, output: OutputPass): ImageData {
  const context = gl.getContext();
  if (context.isContextLost()) throw lostWhileDrawing();
  const tileLimit = Math.min(TILE_PX, gl.capabilities.maxTextureSize, Number(context.getParameter(context.MAX_RENDERBUFFER_SIZE)));
  // Never a tile of no pixels: the tile loops below would never end.
  if (!(tileLimit >= 1)) throw lostWhileDrawing();
  const columns = Math.ceil(width / tileLimit);
  const rows = Math.ceil(height / tileLimit);
  // Equal tiles; the last column and row may reach a few pixels past the picture, which are dropped.
  const tileWidth = Math.ceil(width / columns);
  const tileHeight = Math.ceil(height / rows);
  const linear = new THREE.WebGLRenderTarget(tileWidth, tileHeight, { type: THREE.HalfFloatType, samples: Math.min(4, gl.capabilities.maxSamples) });
  const display = new THREE.WebGLRenderTarget(tileWidth, tileHeight);
  const tile = new Uint8Array(tileWidth * tileHeight * 4);
  const image = new ImageData(width, height);
  const saved = {
    target: gl.getRenderTarget(),
    viewport: gl.getViewport(new THREE.Vector4()),
    scissor: gl.getScissor(new THREE.Vector4()),
    scissorTest: gl.getScissorTest(),
  };
  try {
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        const left = column * tileWidth;
        const top = row * tileHeight;
        camera.setViewOffset(width, height, left, top, tileWidth, tileHeight);
        gl.setRenderTarget(linear);
        gl.render(scene, camera);
        output.render(gl, display, linear, 0, false);
        gl.readRenderTargetPixels(display, 0, 0, tileWidth, tileHeight, tile);
        // WebGL returns rows bottom-up; the picture's run top-down.
        const rowBytes = Math.min(tileWidth, width - left) * 4;
        for (let y = 0; y < tileHeight && top + y < height; y++) {
          const from = (tileHeight - 1 - y) * tileWidth * 4;
          image.data.set(tile.subarray(from, from + rowBytes), ((top + y) * width + left) * 4);
        }
      }
    }
  } finally {
    gl.setViewport(saved.viewport);
    gl.setScissor(saved.scissor);
    gl.setScissorTest(saved.scissorTest);
    gl.setRenderTarget(saved.target);
    linear.dispose();
    display.dispose();
  }
  if (context.isContextLost()) throw lostWhileDrawing();
  return image;
}

/** The scene port's `renderImage`: pictures of the head drawn offscreen (see the top of this file). */
export function useRenderImage(): (request: ImageRequest) => HTMLCanvasElement {
  const sim = useSimulator();
  const gl = useThree((s) => s.gl);
  const get = useThree((s) => s.get);
  const output = useMemo(() => new OutputPass(), []);
  useEffect(() => () => output.dispose(), [output]);

  return useCallback(
    (request: ImageRequest) => {
      const { width, height } = request;
      for (const [name, value] of [['width', width], ['height', height]] as const) {
        if (!Number.isInteger(value) || value < 1 || value > MAX_IMAGE_SIDE_PX) {
          throw new RangeError(`The picture's ${name} must be a whole number of pixels from 1 to ${MAX_IMAGE_SIDE_PX} (got ${String(value)})`);
        }
      }
      const { head, scalp } = sim.headStore.getState();
      if (!head || !scalp) throw new Error('The head is not loaded yet');
      const { scene, camera: userCamera } = get();
      const view = sim.viewStore.getState();
      const plan = sim.planStore.getState().plan;
      const draw = (): ImageData => {
        // A copy of the user's camera (or a standard view's): the view offset of each tile never touches theirs.
        const camera = !request.view
          ? (userCamera as THREE.PerspectiveCamera).clone()
          : request.captionPx !== undefined
            ? cameraShowingWholeHead(request.view, head, width, height, request.captionPx)
            : cameraForView(request.view, head, width / height);
        let image!: ImageData;
        if (request.finished) scalp.applyPlan(plan, { sessionPreview: null, ageYears: 0 });
        try {
          scalp.withSmp(request.showSmp ?? view.showSmp, () => {
            image = drawPicture(gl, scene, camera, width, height, output);
          });
        } finally {
          // Back to what the view previews.
          if (request.finished) scalp.applyPlan(plan, view);
        }
        return image;
      };
      // The head in the plan's shape: a shown photo's frame leaves the meshes in the shape fitted to the photo.
      const { shaping } = head;
      const image = shaping ? shaping.whileShowing(plan.headShape, draw, () => scalp.applyHead({ whorl: shaping.toScene(head.treatment.hair.frame.whorl) })) : draw();
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error(`This browser cannot make a ${width} × ${height} px picture`);
      context.putImageData(image, 0, 0);
      return canvas;
    },
    [sim, gl, get, output],
  );
}
