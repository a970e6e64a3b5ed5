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
import { useClientPhotos, type ClientPhotos } from './photos';
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
  /** Shows the landmarks as a drag has them now, or (null) as stored. */
  previewLandmarks(landmarks: PhotoLandmarks | null): void;
  showBrushRing(ring: PhotoEditsState['brushRing']): void;
  /**
   * Sets the shown photo's landmarks (refitting the head) and stores them, as one undo step named `label`,
   * `text`; `gesture`: the pointer gesture it ends, whose mark it keeps.
   */
  setLandmarks(before: PhotoLandmarks, after: PhotoLandmarks, label: string, text: Message, gesture?: string): void;
  /** Shows a mask at once without storing it (a stroke under way). */
  previewMask(mask: PhotoMask): void;
  /** Sets the shown photo's mask and stores it, as one undo step (`before` keeps whether it was edited by hand). */
  setMask(before: PhotoMask & { edited?: boolean }, after: PhotoMask, label: string, text: Message, gesture?: string): void;
}

/** Rough memory a set of landmarks holds (a name and two numbers each). */
const landmarkBytes = (landmarks: PhotoLandmarks) => 64 * Object.keys(landmarks).length;

export function createPhotoEdits(
  host: PhotoEditHost,
  screen: Pick<PhotoScreen, 'state' | 'previewMask' | 'setMask' | 'setLandmarks'>,
  photos: Pick<ClientPhotos, 'updateLandmarks' | 'saveMask'>,
): PhotoEdits {
  const state = createStore<PhotoEditsState>()(() => ({ pinPreview: null, brushRing: null }));
  /** Runs a store write; a failure (storage full, the photo deleted meanwhile) is told, the screen keeping what it shows. */
  const stored = (write: Promise<void>) =>
    void write.catch((error: unknown) => {
      const reason = userText(error, { key: 'photoTools:capture.errors.notStored' }, 'A photo edit could not be stored:');
      host.viewStore.getState().showNotice('error', { key: 'photoTools:errors.notStored', params: { reason } });
    });
  /** A step's side for photo `id`: on the screen while it is shown (refitted, redrawn), else straight to storage. */
  const onPhoto = (id: string, shown: () => Promise<void>, elsewhere: () => Promise<unknown>) => () => {
    stored(screen.state.getState().shown?.meta.id === id ? shown() : elsewhere().then(() => undefined));
  };
  return {
    state,
    previewLandmarks(landmarks) {
      state.setState({ pinPreview: landmarks });
    },
    showBrushRing(brushRing) {
      if (brushRing !== state.getState().brushRing) state.setState({ brushRing });
    },
    setLandmarks(before, after, label, text, gesture) {
      const id = screen.state.getState().shown?.meta.id;
      if (!id) return;
      // The pins stay where the drag left them until the stored landmarks come back.
      const apply = (landmarks: PhotoLandmarks) => () => screen.setLandmarks(landmarks).finally(() => state.setState({ pinPreview: null }));
      state.setState({ pinPreview: after });
      stored(apply(after)());
      host.planStore.getState().record(
        label,
        {
          undo: onPhoto(id, apply(before), () => photos.updateLandmarks(id, before)),
          redo: onPhoto(id, apply(after), () => photos.updateLandmarks(id, after)),
          bytes: landmarkBytes(before) + landmarkBytes(after),
        },
        { text, ...(gesture !== undefined && { gesture }) },
      );
    },
    previewMask(mask) {
      screen.previewMask(mask);
    },
    setMask(before, after, label, text, gesture) {
      const shown = screen.state.getState().shown;
      if (!shown) return;
      const { id } = shown.meta;
      const { basis } = shown.mask;
      stored(screen.setMask(after));
      const kept = (mask: PhotoMask & { edited?: boolean }) => () => photos.saveMask(id, { ...mask, edited: mask.edited ?? true, basis });
      host.planStore.getState().record(
        label,
        {
          undo: onPhoto(id, () => screen.setMask(before), kept(before)),
          redo: onPhoto(id, () => screen.setMask(after), kept(after)),
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
