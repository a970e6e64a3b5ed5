/**
 * Edits of the shown photo (its landmarks, its scalp-skin mask), made by the photo tools. A photo is not part
 * of the plan, so these are not plan commands; but each is one step of the plan's one undo history
 * (PlanState.record), so Undo takes back the newest change whichever it was, and a step's undo and redo
 * set the photo's state whole and store it (src/app/photoScreen.ts). The pins' positions during a drag are
 * shown from here before they are stored.
 */
import { useContext } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Message } from '../domain/languages';
import type { PhotoMask } from '../domain/photo/mask';
import type { PhotoLandmarks } from '../domain/photo/photoLandmarks';
import { userText } from './userMessage';
import { useClientPhotos, type ClientPhotos, type SavedPhotoMask } from './photos';
import { usePhotoScreen, type PhotoScreen } from './photoScreen';
import { SimulatorContext, type Simulator } from './simulator';

export type PhotoEditHost = Pick<Simulator, 'planStore' | 'viewStore'>;

export interface PhotoEditsState {
  /** The shown photo's landmarks as a drag under way has them (not stored yet); null: as stored. */
  pinPreview: PhotoLandmarks | null;
  /** The mask brush's outline on the view (CSS px), while the pointer is over the photo. */
  brushRing: { x: number; y: number; radius: number } | null;
}

export interface PhotoEdits {
  state: StoreApi<PhotoEditsState>;
  /** The shown photo's pins as drawn: as a drag or a write under way has them, else `stored` (edits start from these). */
  pinsNow(stored: PhotoLandmarks): PhotoLandmarks;
  /** Shows the shown photo's landmarks as a drag has them now, or (null) as stored (or as a store under way sets them). */
  previewLandmarks(landmarks: PhotoLandmarks | null): void;
  showBrushRing(ring: PhotoEditsState['brushRing']): void;
  /**
   * Sets photo `id`'s landmarks (refitting the head while it is shown) and stores them, as one undo step named
   * `label`, `text`; `gesture`: the pointer gesture it ends, whose mark it keeps. The writes of landmarks run one
   * after another, so the newest wins.
   */
  setLandmarks(id: string, before: PhotoLandmarks, after: PhotoLandmarks, label: string, text: Message, gesture?: string): void;
  /** Shows a mask on photo `id` at once without storing it (a stroke under way); nothing when another photo is shown. */
  previewMask(id: string, mask: PhotoMask & { edited?: boolean }): void;
  /** Sets photo `id`'s mask and stores it, as one undo step (`before` keeps whether it was edited by hand, and what it was made from). */
  setMask(id: string, before: SavedPhotoMask, after: PhotoMask, label: string, text: Message, gesture?: string): void;
}

/** Rough memory a set of landmarks holds (a name and two numbers each). */
const landmarkBytes = (landmarks: PhotoLandmarks) => 64 * Object.keys(landmarks).length;

export function createPhotoEdits(
  host: PhotoEditHost,
  screen: Pick<PhotoScreen, 'state' | 'previewMask' | 'setMask' | 'setLandmarks'>,
  photos: Pick<ClientPhotos, 'updateLandmarks' | 'saveMask'>,
): PhotoEdits {
  const state = createStore<PhotoEditsState>()(() => ({ pinPreview: null, brushRing: null }));
  const shownId = () => screen.state.getState().shown?.meta.id ?? null;
  /** Runs a store write; a failure (storage full, the photo deleted meanwhile) is told, the screen keeping what it shows. */
  const stored = (write: Promise<void>) =>
    void write.catch((error: unknown) => {
      const reason = userText(error, { key: 'photoTools:capture.errors.notStored' }, 'A photo edit could not be stored:');
      host.viewStore.getState().showNotice('error', { key: 'photoTools:errors.notStored', params: { reason } });
    });
  /** A step's side for photo `id`: on the screen while it is shown (refitted, redrawn), else straight to storage. */
  const onPhoto = (id: string, shown: () => Promise<void>, elsewhere: () => Promise<unknown>) => () => {
    stored(shownId() === id ? shown() : elsewhere().then(() => undefined));
  };

  /**
   * Per photo, the landmarks its newest write sets, while writes are under way. A write refits the head
   * (~170 ms) after storing: a pin placed meanwhile starts from these, not from the landmarks stored before.
   */
  const pending = new Map<string, PhotoLandmarks>();
  /** The pins when no drag is under way: the shown photo's newest write under way, else as stored (null). */
  const settledPins = () => pending.get(shownId() ?? '') ?? null;
  /** The landmark writes, one after another (a refit that ends later must not undo a newer one). */
  let writes: Promise<void> = Promise.resolve();
  const writeLandmarks = (id: string, landmarks: PhotoLandmarks) => {
    pending.set(id, landmarks);
    if (shownId() === id) state.setState({ pinPreview: landmarks });
    const newest = () => pending.get(id) === landmarks;
    const write = writes
      .then(() => {
        // A newer write of this photo replaces this one (it was made from it).
        if (!newest()) return;
        return shownId() === id ? screen.setLandmarks(landmarks) : photos.updateLandmarks(id, landmarks).then(() => undefined);
      })
      .finally(() => {
        if (!newest()) return;
        pending.delete(id);
        // The pins as stored now, unless a drag shows its own.
        if (state.getState().pinPreview === landmarks) state.setState({ pinPreview: null });
      });
    writes = write.catch(() => undefined);
    stored(write);
  };
  // Another photo shown: its own pins, not those of a write under way for the one before.
  screen.state.subscribe((s, prev) => {
    if (s.shown?.meta.id !== prev.shown?.meta.id) state.setState({ pinPreview: settledPins() });
  });

  return {
    state,
    pinsNow: (stored) => state.getState().pinPreview ?? stored,
    previewLandmarks(landmarks) {
      state.setState({ pinPreview: landmarks ?? settledPins() });
    },
    showBrushRing(brushRing) {
      if (brushRing !== state.getState().brushRing) state.setState({ brushRing });
    },
    setLandmarks(id, before, after, label, text, gesture) {
      writeLandmarks(id, after);
      host.planStore.getState().record(
        label,
        {
          undo: () => writeLandmarks(id, before),
          redo: () => writeLandmarks(id, after),
          bytes: landmarkBytes(before) + landmarkBytes(after),
        },
        { text, ...(gesture !== undefined && { gesture }) },
      );
    },
    previewMask(id, mask) {
      if (shownId() === id) screen.previewMask(mask);
    },
    setMask(id, before, after, label, text, gesture) {
      const { basis } = before;
      const kept = (mask: PhotoMask & { edited?: boolean }) => () => photos.saveMask(id, { ...mask, edited: mask.edited ?? true, basis });
      const step = (mask: PhotoMask & { edited?: boolean }) => onPhoto(id, () => screen.setMask(mask), kept(mask));
      step(after)();
      host.planStore.getState().record(
        label,
        {
          undo: step(before),
          redo: step(after),
          bytes: before.data.length + after.data.length,
        },
        { text, ...(gesture !== undefined && { gesture }) },
      );
    },
  };
}

/** One PhotoEdits a photo screen, made when a photo tool first needs it (the scene's tools and the UI's pins share it). */
const editsOf = new WeakMap<PhotoScreen, PhotoEdits>();

/** The photo edits of the simulator and photo screen in context. */
export function usePhotoEdits(): PhotoEdits {
  const sim = useContext(SimulatorContext);
  const screen = usePhotoScreen();
  const photos = useClientPhotos();
  if (!sim) throw new Error('usePhotoEdits must be used inside <SimulatorContext.Provider>');
  let edits = editsOf.get(screen);
  if (!edits) editsOf.set(screen, (edits = createPhotoEdits(sim, screen, photos)));
  return edits;
}
