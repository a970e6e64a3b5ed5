/**
 * The photo screen: one of the client's photos shown in the view with the plan drawn on it. Showing a photo
 * reads it and its mask, fits the head to its landmarks and to the head's outline on the picture
 * (src/domain/photo/outlineSearch.ts, ~170 ms, at a long side of at most 1024 px), makes the
 * automatic scalp-skin mask the first time (or when the landmarks it was made from changed) and estimates
 * the photo's noise and blur once; the scene then draws the plan through the photo's camera every frame
 * (src/scene/photo/), so a plan edit shows on the photo at once. The brush and the pins (the photo tools)
 * change the mask and the landmarks through `setMask` and `setLandmarks`.
 */
import { createContext, useContext } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { excerpt } from '../domain/format';
import type { HeadShape } from '../domain/head/headShape';
import type { Message } from '../domain/languages';
import { photoCamera, type PhotoCamera } from '../domain/photo/camera';
import type { PhotoFit } from '../domain/photo/headFit';
import type { PhotoMask } from '../domain/photo/mask';
import type { PhotoLandmarks } from '../domain/photo/photoLandmarks';
import type { PhotoMeta } from '../domain/photos';
import type { Similarity } from '../domain/scan/align';
import type { LoadedHead } from '../scene/loadedHead';
import type { ClientPhotos, SavedPhotoMask } from './photos';
import type { SavedPlans } from './savedPlans';
import type { Simulator } from './simulator';

/** A photo ready to be drawn with the plan on it. */
export interface ShownPhoto {
  meta: PhotoMeta;
  /** The stored photo, decoded (upright, at its stored size). */
  image: ImageBitmap;
  camera: PhotoCamera;
  /** The head fitted to the photo's landmarks and outline; null when it cannot be (too few points, or a scan head): `fitProblem` says why. */
  fit: PhotoFit | null;
  fitProblem: Message | null;
  mask: SavedPhotoMask;
  /** The photo's noise (SD, sRGB luma units) and blur (Gaussian SD, photo pixels) around the head. */
  noiseSigma: number;
  blurSigmaPx: number;
}

export interface PhotoScreenState {
  shown: ShownPhoto | null;
  /** The id being read and fitted, while it is. */
  loading: string | null;
  /** Photos are in use (shown, or drawn for the report or an export): the view loads its photo renderer. */
  rendererWanted: boolean;
}

/**
 * Draws a shown photo offscreen (exports and the report): the photo as taken, or with the simulation, of the
 * finished treatment or (`asOnScreen`, an export) as the view previews it (a session, years on).
 */
export interface PhotoPictureRenderer {
  renderPhoto(photo: ShownPhoto, options: { width: number; height: number; simulation: boolean; asOnScreen?: boolean }): HTMLCanvasElement;
}

export interface PhotoScreen {
  state: StoreApi<PhotoScreenState>;
  /** Shows the plan's photo `id` in the view (null: the 3D view again). An id the plan does not have rejects, changing nothing. */
  show(id: string | null): Promise<void>;
  /** A photo of the plan read, fitted and masked for drawing, without showing it (the report's pairs). Release its image with `close()`. */
  prepare(meta: PhotoMeta): Promise<ShownPhoto>;
  /** Swaps the shown photo's mask at once, without storing it (during a brush stroke; edited unless it says otherwise, as a stroke taken back). */
  previewMask(mask: PhotoMask & { edited?: boolean }): void;
  /**
   * Sets the shown photo's mask and stores it, as edited unless it says otherwise (at the end of a brush stroke;
   * undo gives back an automatic mask as automatic, so it follows the landmarks again).
   */
  setMask(mask: PhotoMask & { edited?: boolean }): Promise<void>;
  /** Replaces the shown photo's landmarks, fits again at once and stores them; the automatic mask follows. */
  setLandmarks(landmarks: PhotoLandmarks): Promise<void>;
  /** The scene's offscreen photo renderer, attached while the view is mounted. */
  attachRenderer(renderer: PhotoPictureRenderer): () => void;
  whenRenderer(): Promise<PhotoPictureRenderer>;
}

/**
 * Where to draw the head through the photo's camera: the fit's pose, its translation divided by the fit's size
 * over the drawn head's size (a head k times larger looks as one of the drawn size k times nearer), so the
 * drawn head covers the photo's head. The photo view draws the fitted shape itself (k = 1,
 * src/scene/photo/PhotoRenderer.tsx); a head drawn in another shape is placed by its size.
 */
export function drawPose(fit: PhotoFit, drawnShape: HeadShape): Similarity {
  const k = fit.shape.size / drawnShape.size;
  const [tx, ty, tz] = fit.pose.translation;
  return { rotation: fit.pose.rotation, scale: 1, translation: [tx / k, ty / k, tz / k] };
}

const unknownPhoto = (id: unknown) => new Error(`showPhoto: this plan has no photo with the id ${excerpt(id)}; use an id from getPhotos()`);

export function createPhotoScreen(sim: Simulator, photos: ClientPhotos, savedPlans: SavedPlans): PhotoScreen {
  const state = createStore<PhotoScreenState>()(() => ({ shown: null, loading: null, rendererWanted: false }));
  let renderer: PhotoPictureRenderer | null = null;
  let waiting: Array<(r: PhotoPictureRenderer) => void> = [];
  /** Counts calls of `show`, so an earlier one that finishes later does not win. */
  let showSeq = 0;

  const headNow = async (): Promise<LoadedHead> => {
    const now = sim.headStore.getState().head;
    if (now) return now;
    return new Promise((resolve) => {
      const off = sim.headStore.subscribe((s) => {
        if (s.head) {
          off();
          resolve(s.head);
        }
      });
    });
  };

  // The fit, the mask and the estimates are read at the first photo (photoWork.ts): not part of the first load.
  const work = () => import('./photoWork');
  const maskFor = async (meta: PhotoMeta, image: ImageBitmap, head: LoadedHead, fit: PhotoFit | null, camera: PhotoCamera) =>
    (await work()).maskOf(meta, image, head, fit, camera, await photos.mask(meta.id), (mask) => photos.saveMask(meta.id, mask));

  const prepare = async (meta: PhotoMeta): Promise<ShownPhoto> => {
    const blob = await photos.image(meta.id);
    if (!blob) throw unknownPhoto(meta.id);
    const image = await createImageBitmap(blob);
    try {
      const { fitOf, estimatesOf } = await work();
      const head = await headNow();
      const camera = photoCamera(meta.width, meta.height, meta.focalLength35mm ?? undefined);
      const fitted = fitOf(meta, image, head, camera);
      const { mask, scalp } = await maskFor(meta, image, head, fitted.fit, camera);
      return { meta, image, camera, ...fitted, mask, ...estimatesOf(image, scalp, mask) };
    } catch (error) {
      image.close();
      throw error;
    }
  };

  const replaceShown = (shown: ShownPhoto | null) => {
    const before = state.getState().shown;
    state.setState({ shown });
    if (before && before !== shown && before.image !== shown?.image) before.image.close();
  };

  const show = async (id: string | null) => {
    const seq = ++showSeq;
    if (id === null) {
      sim.viewStore.getState().setShownPhoto(null);
      state.setState({ loading: null });
      replaceShown(null);
      return;
    }
    if (typeof id !== 'string' || !id) throw unknownPhoto(id);
    const meta = (await photos.list()).find((photo) => photo.id === id);
    if (!meta) throw unknownPhoto(id);
    state.setState({ loading: id });
    try {
      const prepared = await prepare(meta);
      // The view draws photos with its photo renderer, read at the first photo: shown once it is there.
      await api.whenRenderer();
      if (seq !== showSeq) {
        prepared.image.close();
        return;
      }
      replaceShown(prepared);
      sim.viewStore.getState().setShownPhoto(id);
    } finally {
      if (seq === showSeq) state.setState({ loading: null });
    }
  };

  // Another saved plan's photos are not this one's: opening another plan goes back to the 3D view.
  savedPlans.state.subscribe((s, prev) => {
    // One still loading too: show(null) makes it stop short of showing.
    if (s.openId !== prev.openId && (state.getState().shown || state.getState().loading)) void show(null);
  });

  const updateShown = (change: (shown: ShownPhoto) => Partial<ShownPhoto>) => {
    const shown = state.getState().shown;
    if (!shown) throw new Error('No photo is shown');
    const next = { ...shown, ...change(shown) };
    state.setState({ shown: next });
    sim.signals.markDirty();
    return next;
  };

  const api: PhotoScreen = {
    state,
    show,
    prepare,
    previewMask(mask) {
      updateShown((shown) => ({ mask: { ...mask, edited: mask.edited ?? true, basis: shown.mask.basis } }));
    },
    async setMask(mask) {
      const next = updateShown((shown) => ({ mask: { ...mask, edited: mask.edited ?? true, basis: shown.mask.basis } }));
      await photos.saveMask(next.meta.id, next.mask);
    },
    async setLandmarks(landmarks) {
      const shown = state.getState().shown;
      if (!shown) throw new Error('No photo is shown');
      const meta = await photos.updateLandmarks(shown.meta.id, landmarks);
      const head = await headNow();
      const { fitOf } = await work();
      // Fitted on the photo as shown now: hidden meanwhile (its picture closed) or another shown, storing was all.
      const now = state.getState().shown;
      if (now?.meta.id !== meta.id) return;
      const fitted = fitOf(meta, now.image, head, now.camera);
      const { mask } = await maskFor(meta, now.image, head, fitted.fit, now.camera);
      if (state.getState().shown?.image !== now.image) return;
      updateShown(() => ({ meta, ...fitted, mask }));
    },
    attachRenderer(port) {
      renderer = port;
      for (const resolve of waiting) resolve(port);
      waiting = [];
      return () => {
        if (renderer === port) renderer = null;
      };
    },
    whenRenderer() {
      if (renderer) return Promise.resolve(renderer);
      if (!state.getState().rendererWanted) state.setState({ rendererWanted: true });
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
  return api;
}

export const PhotoScreenContext = createContext<PhotoScreen | null>(null);

export function usePhotoScreen(): PhotoScreen {
  const screen = useContext(PhotoScreenContext);
  if (!screen) throw new Error('usePhotoScreen must be used inside <PhotoScreenContext.Provider>');
  return screen;
}
