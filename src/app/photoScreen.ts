/**
 * The photo screen: one of the client's photos shown in the view with the plan drawn on it. Showing a photo
 * reads it and its mask, fits the head to its landmarks and to the head's outline on the picture
 * (src/domain/photo/outlineSearch.ts, ~170 ms, at a long side of at most 1024 px), makes the
 * automatic scalp-skin mask the first time (or when the landmarks it was made from changed) and estimates
 * the photo's noise and blur once; the scene then draws the plan through the photo's camera every frame
 * (src/scene/photo/), so a plan edit shows on the photo at once. The brush and the pins (the photo tools)
 * change the mask and the landmarks through `setMask` and `setLandmarks`. `fitShapeToPhotos` fits one head
 * shape to all the plan's photos at once for the plan, each photo then drawn with its own pose from that fit.
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
import { TextError } from '../domain/textError';
import type { LoadedHead } from '../scene/loadedHead';
import { runCommand } from './commands';
import type { ClientPhotos, SavedPhotoMask } from './photos';
import type { ShapePhoto } from './photoWork';
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

/** The head shape last fitted to the plan's photos together (`fitShapeToPhotos`). */
export interface PhotosShape {
  shape: HeadShape;
  /** The photos it came from. */
  photoIds: string[];
  /**
   * Only front views (none turned by 20° or more, none from above): the forehead's slope, and so the hairline's
   * depth, is not measured; a side or three-quarter photo would.
   */
  frontOnly: boolean;
}

export interface PhotoScreenState {
  shown: ShownPhoto | null;
  /** The last shape fitted to the plan's photos together; null until one is (and after opening another plan). */
  photosShape: PhotosShape | null;
  /** `fitShapeToPhotos` is at work. */
  fittingShape: boolean;
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
  /**
   * Fits one head shape to all the plan's photos that have enough landmarks, together, and sets it as the plan's
   * (one undo step, named with how many photos); those photos are then drawn with their own poses from this fit
   * until their landmarks change. Rejects with a TextError when no photo can be used or no fit is found.
   */
  fitShapeToPhotos(): Promise<PhotosShape>;
  /** The scene's offscreen photo renderer, attached while the view is mounted. */
  attachRenderer(renderer: PhotoPictureRenderer): () => void;
  /** The photo renderer, once the view has it; rejects after VIEW_WAIT_MS (the view failed). */
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

/**
 * How long a photo waits for the 3D view's head or photo renderer. Past it the view has failed (it shows its
 * error instead): showing the photo is refused rather than left "fitting" for ever, holding the picture.
 */
export const VIEW_WAIT_MS = 60_000;

/** What `wait` hands on (it returns its unsubscribe), within VIEW_WAIT_MS. */
function fromView<T>(wait: (got: (value: T) => void) => () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new TextError({ key: 'photos:screen.viewNotReady' }, 'The 3D view did not get ready to draw on the photo: reload the page and try again.'));
    }, VIEW_WAIT_MS);
    const stop = wait((value) => {
      clearTimeout(timer);
      stop();
      resolve(value);
    });
  });
}

const unknownPhoto = (id: unknown) => new Error(`showPhoto: this plan has no photo with the id ${excerpt(id)}; use an id from getPhotos()`);

export function createPhotoScreen(sim: Simulator, photos: ClientPhotos, savedPlans: SavedPlans): PhotoScreen {
  const state = createStore<PhotoScreenState>()(() => ({ shown: null, photosShape: null, fittingShape: false, loading: null, rendererWanted: false }));
  /** Each photo's fit from the last `fitShapeToPhotos`, kept while the photo's landmarks are those it was fitted to. */
  let sharedFits = new Map<string, { landmarks: string; fit: PhotoFit }>();
  const sharedFitOf = (meta: PhotoMeta) => {
    const kept = sharedFits.get(meta.id);
    return kept && kept.landmarks === JSON.stringify(meta.landmarks) ? kept.fit : null;
  };
  let renderer: PhotoPictureRenderer | null = null;
  let waiting: Array<(r: PhotoPictureRenderer) => void> = [];
  /** Counts calls of `show`, so an earlier one that finishes later does not win. */
  let showSeq = 0;

  const headNow = async (): Promise<LoadedHead> => {
    const now = sim.headStore.getState().head;
    if (now) return now;
    return fromView<LoadedHead>((got) => sim.headStore.subscribe((s) => s.head && got(s.head)));
  };

  // The fit, the mask and the estimates are read at the first photo (photoWork.ts): not part of the first load.
  const work = () => import('./photoWork');
  const maskFor = async (meta: PhotoMeta, image: ImageBitmap, head: LoadedHead, fit: PhotoFit | null, camera: PhotoCamera) =>
    (await work()).maskOf(meta, image, head, fit, camera, await photos.mask(meta.id), (mask) => photos.saveMask(meta.id, mask));

  const cameraOf = (meta: PhotoMeta) => photoCamera(meta.width, meta.height, meta.focalLength35mm ?? undefined);

  const prepare = async (meta: PhotoMeta): Promise<ShownPhoto> => {
    const blob = await photos.image(meta.id);
    if (!blob) throw unknownPhoto(meta.id);
    const image = await createImageBitmap(blob);
    try {
      const { fitOf, estimatesOf } = await work();
      const head = await headNow();
      const camera = cameraOf(meta);
      const shared = sharedFitOf(meta);
      const fitted = shared ? { fit: shared, fitProblem: null } : fitOf(meta, image, head, camera);
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
      await api.whenRenderer().catch((error: unknown) => {
        prepared.image.close();
        throw error;
      });
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
    if (s.openId === prev.openId) return;
    sharedFits = new Map();
    state.setState({ photosShape: null });
    // One still loading too: show(null) makes it stop short of showing.
    if (state.getState().shown || state.getState().loading) void show(null);
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
    async fitShapeToPhotos() {
      state.setState({ fittingShape: true });
      try {
        const w = await work();
        const { used } = w.photosForShape(await photos.list());
        // Photos read one by one, each bitmap let go once its picture for the fit is taken.
        const read: ShapePhoto[] = [];
        for (const meta of used) {
          const blob = await photos.image(meta.id);
          // One removed meanwhile is left out.
          if (!blob) continue;
          const image = await createImageBitmap(blob);
          try {
            read.push(w.shapePhotoOf(meta, image, cameraOf(meta)));
          } finally {
            image.close();
          }
        }
        const head = await headNow();
        // The fit holds the main thread (~170 ms a photo): it starts a little later, once the busy state is drawn.
        await new Promise((resolve) => setTimeout(resolve, 30));
        const fitted = w.planShapeOf(read, head);
        sharedFits = new Map(fitted.photos.map(({ meta, fit }) => [meta.id, { landmarks: JSON.stringify(meta.landmarks), fit }]));
        runCommand(sim, 'head.set-shape', { ...fitted.shape, fromPhotos: fitted.photos.length });
        const photosShape: PhotosShape = { shape: fitted.shape, photoIds: fitted.photos.map(({ meta }) => meta.id), frontOnly: fitted.frontOnly };
        state.setState({ photosShape });
        // The shown photo, when among them, is drawn with its pose from this fit at once.
        const shown = state.getState().shown;
        const fit = shown && sharedFitOf(shown.meta);
        if (shown && fit) {
          const { mask } = await maskFor(shown.meta, shown.image, head, fit, shown.camera);
          // Unless another photo, or this one shown afresh, took its place meanwhile.
          if (state.getState().shown?.image === shown.image) updateShown(() => ({ fit, fitProblem: null, mask }));
        }
        return photosShape;
      } finally {
        state.setState({ fittingShape: false });
      }
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
      return fromView<PhotoPictureRenderer>((got) => {
        waiting.push(got);
        return () => (waiting = waiting.filter((w) => w !== got));
      });
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
