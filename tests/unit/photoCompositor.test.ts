/**
 * The photo compositor's offscreen pictures (the report's pairs, an exported photo), on a pretend WebGL
 * renderer that records the targets drawn into: a picture draws with targets and textures of its own, none
 * multisampled, all released when it is done, and the screen's stay as they were; a context lost before or
 * while it draws is a ContextLostError (drawWhenRestored then draws it again), never a blank picture.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as THREE from 'three';
import type { ShownPhoto } from '../../src/app/photoScreen';
import { DEFAULT_HEAD_SHAPE } from '../../src/domain/head/headShape';
import { ContextLostError } from '../../src/scene/renderSignals';
import { PhotoCompositor, type PhotoFrame } from '../../src/scene/photo/photoCompositor';
import type { ScalpMaterial } from '../../src/scene/scalpMaterial';

function pretendRenderer() {
  const state = { lost: false, loseWhileDrawing: false };
  const drawnInto = new Set<THREE.WebGLRenderTarget>();
  let current: THREE.WebGLRenderTarget | null = null;
  const gl = {
    capabilities: { maxSamples: 4 },
    autoClear: true,
    getContext: () => ({ isContextLost: () => state.lost }),
    getRenderTarget: () => current,
    setRenderTarget(target: THREE.WebGLRenderTarget | null) {
      current = target;
      if (target) drawnInto.add(target);
    },
    getViewport: (v: THREE.Vector4) => v.set(0, 0, 400, 300),
    setViewport() {},
    getScissor: (v: THREE.Vector4) => v,
    setScissor() {},
    getScissorTest: () => false,
    setScissorTest() {},
    getClearColor: (c: THREE.Color) => c,
    getClearAlpha: () => 1,
    setClearColor() {},
    clear() {},
    render() {
      if (state.loseWhileDrawing) state.lost = true;
    },
    getDrawingBufferSize: (v: THREE.Vector2) => v.set(400, 300),
    getPixelRatio: () => 1,
    readRenderTargetPixels() {},
  };
  return { gl: gl as unknown as THREE.WebGLRenderer, state, drawnInto };
}

const photo = (): ShownPhoto =>
  ({
    meta: { id: 'p', width: 300, height: 400 },
    image: { width: 300, height: 400, close() {} },
    camera: { widthPx: 300, heightPx: 400, focalPx: 330 },
    fit: { shape: DEFAULT_HEAD_SHAPE, pose: { rotation: [1, 0, 0, 0, 1, 0, 0, 0, 1], scale: 1, translation: [0, 0, -600] } },
    mask: { width: 3, height: 4, data: new Uint8Array(12) },
    noiseSigma: 1,
    blurSigmaPx: 0.5,
  }) as unknown as ShownPhoto;

const frameOf = (shown: ShownPhoto): PhotoFrame => ({ photo: shown, scalp: { withSmp: (_on: boolean, draw: () => void) => draw() } as unknown as ScalpMaterial, drawnShape: DEFAULT_HEAD_SHAPE, split: 0, simulation: true });

/** Every texture and render target released while `run` runs. */
function released(run: () => void): Set<unknown> {
  const disposed = new Set<unknown>();
  const spies = [vi.spyOn(THREE.Texture.prototype, 'dispose'), vi.spyOn(THREE.WebGLRenderTarget.prototype, 'dispose')];
  try {
    run();
    for (const spy of spies) for (const made of spy.mock.contexts) disposed.add(made);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return disposed;
}

describe('a picture of a photo drawn offscreen', () => {
  beforeEach(() => {
    // No DOM in Node: the picture's canvas is a stand-in.
    vi.stubGlobal('document', {
      createElement: () => ({ width: 0, height: 0, getContext: () => ({ createImageData: (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4) }), putImageData() {} }) }),
    });
  });
  afterEach(() => void vi.unstubAllGlobals());

  it('draws with its own targets and textures, none multisampled, all released, and leaves the screen’s as they were', () => {
    const { gl, drawnInto } = pretendRenderer();
    const compositor = new PhotoCompositor();
    const shown = photo();
    const rect = { x: 0, y: 0, width: 300, height: 400 };
    compositor.draw(gl, new THREE.Scene(), frameOf(shown), null, rect, null);
    const screenTargets = new Set(drawnInto);
    expect(screenTargets.size).toBe(4);
    drawnInto.clear();

    // The report's picture of another photo, at a picture's size.
    let picture!: HTMLCanvasElement;
    const disposed = released(() => (picture = compositor.picture(gl, new THREE.Scene(), frameOf(photo()), 1530, 2040)));
    expect([picture.width, picture.height]).toEqual([1530, 2040]);
    const own = [...drawnInto];
    expect(own).toHaveLength(5);
    for (const target of own) {
      expect(screenTargets.has(target)).toBe(false);
      expect(target.samples).toBe(0);
      expect(disposed.has(target)).toBe(true);
    }
    // Its photo and mask textures too; the screen's stay.
    expect([...disposed].filter((d) => d instanceof THREE.Texture && !(d as THREE.Texture).isRenderTargetTexture)).toHaveLength(2);

    // The screen draws on with the targets it had (not made again at the picture's size).
    drawnInto.clear();
    compositor.draw(gl, new THREE.Scene(), frameOf(shown), null, rect, null);
    expect([...drawnInto].every((target) => screenTargets.has(target))).toBe(true);

    // A picture of the shown photo uses the screen's textures of it: none made, none released but its targets'.
    const again = released(() => compositor.picture(gl, new THREE.Scene(), frameOf(shown), 300, 400));
    expect([...again].filter((d) => d instanceof THREE.Texture && !(d as THREE.Texture).isRenderTargetTexture)).toHaveLength(0);
    compositor.dispose();
  });

  it('is a ContextLostError when the context is lost before or while it draws, with nothing held', () => {
    const { gl, state } = pretendRenderer();
    const compositor = new PhotoCompositor();
    state.lost = true;
    expect(() => compositor.picture(gl, new THREE.Scene(), frameOf(photo()), 300, 400)).toThrow(ContextLostError);
    state.lost = false;
    state.loseWhileDrawing = true;
    let error: unknown;
    const disposed = released(() => {
      try {
        compositor.picture(gl, new THREE.Scene(), frameOf(photo()), 300, 400);
      } catch (thrown) {
        error = thrown;
      }
    });
    expect(error).toBeInstanceOf(ContextLostError);
    expect([...disposed].filter((d) => d instanceof THREE.WebGLRenderTarget)).toHaveLength(5);
    compositor.dispose();
  });
});
