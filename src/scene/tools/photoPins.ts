/**
 * The landmark pins on a shown photo: a press on a pin drags it; a press elsewhere on the photo places the
 * landmark chosen in the tool (then the next one of the view not yet placed is chosen), and may drag it on
 * before letting go. The landmarks are stored and the head fitted again when the pin is let go (one undo
 * step); Escape, a cancelled pointer or another photo shown meanwhile puts the pins back where the press found them.
 *
 * idle --press on a pin, or on the photo with a landmark chosen--> dragging --up--> idle (stored, refitted)
 *                                                                   dragging --cancel, photo changed--> idle (nothing changed)
 */
import type { Message } from '../../domain/languages';
import type { ImagePoint, PhotoLandmarkName, PhotoLandmarks } from '../../domain/photo/photoLandmarks';
import { nextLandmarkToPlace } from '../../domain/photo/photoPins';
import type { PhotoView } from '../../domain/photos';
import type { PhotoEditHost, PhotoEdits } from '../../app/photoEdits';
import { handleAt } from './hairline';
import { IDLE_TOOL, newGestureKey, type PointerTool, type ToolPointer } from './tool';

/** The shown photo as the pins see it. */
export interface PinnedPhoto {
  id: string;
  view: PhotoView;
  width: number;
  height: number;
  /** As stored (a write under way may have newer ones: the edits' pin preview). */
  landmarks: PhotoLandmarks;
  /** CSS px on the view → the photo's pixels (outside the photo too: the caller keeps points inside). */
  toPhoto(x: number, y: number): ImagePoint;
  /** The photo's pixels → CSS px on the view. */
  toScreen(point: ImagePoint): { x: number; y: number };
}

export interface PhotoPinsPorts {
  host: PhotoEditHost;
  edits: Pick<PhotoEdits, 'pinsNow' | 'previewLandmarks' | 'setLandmarks'>;
  /** The photo shown now; null: none (the tool then takes no press, and a drag begun on another photo is taken back). */
  photo(): PinnedPhoto | null;
}

const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value));

const STEP_TEXT = {
  place: { label: 'Place landmark', text: { key: 'photoTools:history.placeLandmark' } },
  move: { label: 'Move landmark', text: { key: 'photoTools:history.moveLandmark' } },
} satisfies Record<string, { label: string; text: Message }>;

/** A pin picked up on one photo (by a drag or by the keys), from the landmarks `before` to `after`. */
export interface PinMove {
  name: PhotoLandmarkName;
  gesture: string;
  before: PhotoLandmarks;
  after: PhotoLandmarks;
  /** True when the point had no pin before. */
  placed: boolean;
  photo: { id: string; view: PhotoView };
}

/**
 * Stores a pin put down as one undo step and closes its gesture; after a new pin, the next point of the view
 * not yet placed is chosen, so taps (or Enter presses) place the points one after another.
 */
export function storePinMove(host: PhotoEditHost, edits: Pick<PhotoEdits, 'setLandmarks'>, { name, gesture, before, after, placed, photo }: PinMove): void {
  const step = placed ? STEP_TEXT.place : STEP_TEXT.move;
  edits.setLandmarks(photo.id, before, after, step.label, step.text, gesture);
  host.planStore.getState().endGesture();
  if (placed) host.viewStore.getState().setTool({ name: 'photoPins', landmark: nextLandmarkToPlace(photo.view, after, name) });
}

export function photoPinsTool({ host, edits, photo }: PhotoPinsPorts): PointerTool {
  let drag: { pointerId: number; name: PhotoLandmarkName; gesture: string; before: PhotoLandmarks; after: PhotoLandmarks; placed: boolean; photo: PinnedPhoto } | null = null;
  const plans = () => host.planStore.getState();
  const chosen = () => {
    const tool = host.viewStore.getState().activeTool;
    return tool.name === 'photoPins' ? tool.landmark : null;
  };
  const pointAt = (shown: PinnedPhoto, p: ToolPointer): ImagePoint => {
    const [x, y] = shown.toPhoto(p.x, p.y);
    return [clamp(x, shown.width), clamp(y, shown.height)];
  };
  /** Another photo shown (or none) since the press: the drag is not for it. */
  const photoChanged = () => drag !== null && photo()?.id !== drag.photo.id;
  const abort = () => {
    drag = null;
    edits.previewLandmarks(null);
    plans().cancelGesture();
  };
  const finish = () => {
    if (!drag) return;
    if (photoChanged()) return abort();
    const done = drag;
    drag = null;
    if (done.after === done.before) {
      // A press on a pin that did not move it: that pin is chosen (to remove it, or place it again).
      plans().endGesture();
      edits.previewLandmarks(null);
      host.viewStore.getState().setTool({ name: 'photoPins', landmark: done.name });
      return;
    }
    storePinMove(host, edits, done);
  };
  return {
    ...IDLE_TOOL,
    get state() {
      return drag ? 'dragging' : 'idle';
    },
    down(p: ToolPointer) {
      const shown = photo();
      if (p.button !== 0 || drag || !shown) return false;
      // The pins as drawn: a tap just after another starts from its landmarks, still being stored.
      const landmarks = edits.pinsNow(shown.landmarks);
      const pins = Object.entries(landmarks) as [PhotoLandmarkName, ImagePoint][];
      const grabbed = handleAt(
        pins.map(([, point]) => ({ ...shown.toScreen(point), depth: 0 })),
        p.x,
        p.y,
      );
      const name = grabbed !== null ? pins[grabbed]![0] : chosen();
      if (!name) return false;
      const [x, y] = shown.toPhoto(p.x, p.y);
      // A new point goes only where the photo is; a grabbed pin may be pressed at its rim, just outside.
      if (grabbed === null && (x < 0 || y < 0 || x > shown.width || y > shown.height)) return false;
      const gesture = newGestureKey('photo-pins');
      plans().beginGesture(gesture);
      const before = landmarks;
      const after = grabbed === null ? { ...before, [name]: pointAt(shown, p) } : before;
      drag = { pointerId: p.id, name, gesture, before, after, placed: !before[name], photo: shown };
      if (after !== before) edits.previewLandmarks(after);
      return true;
    },
    move(p: ToolPointer) {
      if (!drag || p.id !== drag.pointerId) return;
      if (photoChanged()) return abort();
      drag.after = { ...drag.after, [drag.name]: pointAt(drag.photo, p) };
      edits.previewLandmarks(drag.after);
    },
    up(p: ToolPointer) {
      if (drag && p.id === drag.pointerId) finish();
    },
    cancel(id?: number) {
      if (!drag || (id !== undefined && id !== drag.pointerId)) return;
      abort();
    },
    release() {
      finish();
    },
  };
}
