/**
 * The photo screen when things overlap: a landmark edit whose photo is hidden or shown again before its refit,
 * another plan opened while a photo loads, a brush stroke taken back, and a 3D view that never gets ready. The fit, the automatic mask and the
 * estimates (photoWork.ts, which need a canvas) are stood in for: each refuses a closed picture, as a canvas
 * refuses to draw a closed ImageBitmap.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createPhotoEdits } from '../../src/app/photoEdits';
import type { ClientPhotos, SavedPhotoMask } from '../../src/app/photos';
import { createPhotoScreen, VIEW_WAIT_MS, type PhotoPictureRenderer } from '../../src/app/photoScreen';
import type { SavedPlans, SavedPlansState } from '../../src/app/savedPlans';
import { createSimulator } from '../../src/app/simulator';
import type { PhotoLandmarks } from '../../src/domain/photo/photoLandmarks';
import type { PhotoMeta } from '../../src/domain/photos';
import { textOf } from '../../src/domain/textError';
import type { LoadedHead } from '../../src/scene/loadedHead';
import { maskBrushTool } from '../../src/scene/tools/maskBrush';
import { createInputRouter } from '../../src/scene/tools/router';
import { photoMeta } from '../support/photoMeta';

interface FakeBitmap {
  n: number;
  width: number;
  height: number;
  closed: boolean;
  close(): void;
}

const open = (image: unknown) => {
  if ((image as FakeBitmap).closed) throw new Error('The picture is closed');
  return image as FakeBitmap;
};

vi.mock('../../src/app/photoWork', () => ({
  fitOf: vi.fn((_meta: unknown, image: unknown) => ({ fit: { on: open(image).n }, fitProblem: null })),
  maskOf: vi.fn(async (_meta: unknown, image: unknown, _head: unknown, _fit: unknown, _camera: unknown, stored: SavedPhotoMask | undefined) => {
    open(image);
    return { mask: stored ?? { width: 10, height: 8, data: new Uint8Array(80), edited: false, basis: 'automatic' }, scalp: null };
  }),
  estimatesOf: vi.fn(() => ({ noiseSigma: 1, blurSigmaPx: 0.5 })),
}));

const meta: PhotoMeta = photoMeta({ id: 'front', planId: 'plan-1' });

/** Resolves later, when `release` is called. */
function held<T>() {
  let release!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (release = resolve));
  return { promise, release };
}

let bitmaps: FakeBitmap[] = [];

beforeEach(() => {
  bitmaps = [];
  vi.stubGlobal('createImageBitmap', async () => {
    const bitmap: FakeBitmap = { n: bitmaps.length, width: 1000, height: 800, closed: false, close: () => void (bitmap.closed = true) };
    bitmaps.push(bitmap);
    return bitmap;
  });
});

/**
 * A photo screen on one stored photo, its head loaded and its renderer attached unless `view` says the 3D view
 * never got them; `gate` holds the next read or write asked for.
 */
function screenOnOnePhoto(view: { head: boolean; renderer: boolean } = { head: true, renderer: true }) {
  const sim = createSimulator();
  if (view.head) sim.headStore.getState().setHead({} as LoadedHead, null);
  let stored = meta;
  const gate: { image?: Promise<void>; update?: Promise<void> } = {};
  const photos = {
    list: async () => [stored],
    image: async () => (await gate.image, new Blob([new Uint8Array(4)])),
    mask: async () => undefined,
    saveMask: async () => undefined,
    updateLandmarks: async (_id: string, landmarks: PhotoLandmarks) => {
      await gate.update;
      return (stored = { ...stored, landmarks });
    },
  } as unknown as ClientPhotos;
  const plans = createStore<SavedPlansState>()(() => ({ available: true, starting: false, openId: 'plan-1', revision: 0, head: null, conflict: null }));
  const screen = createPhotoScreen(sim, photos, { state: plans } as unknown as SavedPlans);
  if (view.renderer) screen.attachRenderer({} as PhotoPictureRenderer);
  return { sim, screen, photos, plans, gate };
}

describe('a landmark edit while the photo is hidden or shown again', () => {
  it('refits on the picture shown now, never on the closed one', async () => {
    const { screen, gate } = screenOnOnePhoto();
    await screen.show('front');
    const update = held<void>();
    gate.update = update.promise;
    const edit = screen.setLandmarks({ nasion: [500, 300] });
    await screen.show(null);
    await screen.show('front');
    expect(bitmaps.map((b) => b.closed)).toEqual([true, false]);
    update.release();
    await edit;
    const shown = screen.state.getState().shown!;
    expect(shown.image).toBe(bitmaps[1]);
    expect(shown.fit).toEqual({ on: 1 });
    expect(shown.meta.landmarks).toEqual({ nasion: [500, 300] });
  });

  it('only stores the landmarks when the photo was hidden meanwhile', async () => {
    const { screen, gate, photos } = screenOnOnePhoto();
    await screen.show('front');
    const update = held<void>();
    gate.update = update.promise;
    const edit = screen.setLandmarks({ nasion: [500, 300] });
    await screen.show(null);
    update.release();
    await edit;
    expect(screen.state.getState().shown).toBeNull();
    expect((await photos.list())[0]!.landmarks).toEqual({ nasion: [500, 300] });
  });
});

describe('opening another plan while a photo loads', () => {
  it('does not show the photo of the plan before', async () => {
    const { sim, screen, plans, gate } = screenOnOnePhoto();
    const image = held<void>();
    gate.image = image.promise;
    const showing = screen.show('front');
    await vi.waitFor(() => expect(screen.state.getState().loading).toBe('front'));
    plans.setState({ openId: 'plan-2' });
    image.release();
    await showing;
    expect(screen.state.getState()).toMatchObject({ shown: null, loading: null });
    expect(sim.viewStore.getState().shownPhoto).toBeNull();
    expect(bitmaps.every((b) => b.closed)).toBe(true);
  });
});

describe('a brush stroke taken back', () => {
  it('leaves an automatic mask automatic', async () => {
    const { sim, screen, photos } = screenOnOnePhoto();
    await screen.show('front');
    const edits = createPhotoEdits(sim, screen, photos);
    // The photo fills the view at 1 CSS px a photo pixel.
    const brush = maskBrushTool({
      host: sim,
      edits,
      photo: () => {
        const shown = screen.state.getState().shown;
        return shown && { id: shown.meta.id, width: 1000, height: 800, mask: shown.mask, toPhoto: (x, y) => [x, y] };
      },
      showRing: () => undefined,
    });
    const router = createInputRouter(() => null);
    router.use(brush);
    sim.viewStore.getState().setTool({ name: 'photoMask', erase: false, radius: 0.05 });
    const before = screen.state.getState().shown!.mask;
    router.down({ id: 1, button: 0, x: 500, y: 400, mouse: true });
    router.move({ id: 1, button: 0, x: 600, y: 400, mouse: true });
    expect(screen.state.getState().shown!.mask.edited).toBe(true);
    expect(router.escape()).toBe(true);
    const after = screen.state.getState().shown!.mask;
    expect(after.data).toEqual(before.data);
    expect(after.edited).toBe(false);
    expect(sim.planStore.getState().past).toEqual([]);
  });
});

describe('a 3D view that never gets ready', () => {
  afterEach(() => void vi.useRealTimers());

  it.each([
    ['no head ever loaded', { head: false, renderer: true }],
    ['no photo renderer ever mounted', { head: true, renderer: false }],
  ])('refuses the photo in the end (%s), letting its picture go', async (_case, view) => {
    vi.useFakeTimers();
    const { sim, screen } = screenOnOnePhoto(view);
    const showing = screen.show('front').catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(VIEW_WAIT_MS - 1000);
    expect(screen.state.getState().loading).toBe('front');
    await vi.advanceTimersByTimeAsync(1000);
    expect(textOf(await showing)?.key).toBe('photos:screen.viewNotReady');
    expect(screen.state.getState()).toMatchObject({ shown: null, loading: null });
    expect(sim.viewStore.getState().shownPhoto).toBeNull();
    expect(bitmaps.map((b) => b.closed)).toEqual([true]);
  });
});
