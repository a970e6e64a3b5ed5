/**
 * The landmark pins from the keyboard, for whoever does not point (the photo and its pins take no focus):
 * with the pins tool chosen and a point to place chosen, Enter or an arrow key picks up that point's pin
 * (a point not yet placed appears at the photo's centre), the arrow keys move it (Shift: ten times
 * farther), Enter puts it down, stored as one undo step (as a drag let go is), and Escape puts it back
 * where it was. Leaving the keys' control, or another photo shown meanwhile, puts it back too.
 *
 * idle --Enter or arrow, a point chosen--> moving --arrow--> moving
 *                                          moving --Enter--> idle (stored, refitted; the next point chosen after a new one)
 *                                          moving --Escape, blur, photo changed--> idle (nothing changed)
 */
import type { ImagePoint, PhotoLandmarks } from '../../domain/photo/photoLandmarks';
import type { PhotoView } from '../../domain/photos';
import type { PhotoEditHost, PhotoEdits } from '../../app/photoEdits';
import { storePinMove, type PinMove } from './photoPins';
import { newGestureKey } from './tool';

/** The shown photo as the keys see it: its pixels only (the keys never look at the view). */
export interface KeyedPhoto {
  id: string;
  view: PhotoView;
  width: number;
  height: number;
  /** As stored (a write under way may have newer ones: the edits' pin preview). */
  landmarks: PhotoLandmarks;
}

export interface PhotoPinKeysPorts {
  host: PhotoEditHost;
  edits: Pick<PhotoEdits, 'state' | 'pinsNow' | 'previewLandmarks' | 'setLandmarks'>;
  /** The photo shown now; null: none. */
  photo(): KeyedPhoto | null;
}

export interface PhotoPinKeys {
  /** True while a pin is picked up. */
  readonly moving: boolean;
  /** A key pressed on the keys' control (`key` as KeyboardEvent.key names it); true when the pins used it. */
  key(key: string, shift: boolean): boolean;
  /** The keys' control left (blurred, or gone): a pin picked up goes back. */
  leave(): void;
}

/** One arrow press moves a pin this share of the photo's longer side (a few screen pixels); Shift ten times that. */
export const PIN_KEY_STEP = 1 / 500;
const FAR = 10;

const ARROWS: Record<string, ImagePoint> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value));

type Move = PinMove & { photo: KeyedPhoto };

export function photoPinKeys({ host, edits, photo }: PhotoPinKeysPorts): PhotoPinKeys {
  let move: Move | null = null;
  const plans = () => host.planStore.getState();
  const chosen = () => {
    const tool = host.viewStore.getState().activeTool;
    return tool.name === 'photoPins' ? tool.landmark : null;
  };
  /** Puts the pin back, leaving what a pointer gesture begun meanwhile (the press that took the focus) does alone. */
  const putBack = () => {
    if (!move) return;
    const { gesture, after } = move;
    move = null;
    if (edits.state.getState().pinPreview === after) edits.previewLandmarks(null);
    if (plans().gestureMark?.key === gesture) plans().cancelGesture();
  };
  const pickUp = (): Move | null => {
    const shown = photo();
    const name = chosen();
    if (!shown || !name) return null;
    // The pins as drawn: a point put down just before starts from its landmarks, still being stored.
    const before = edits.pinsNow(shown.landmarks);
    const placed = !before[name];
    const gesture = newGestureKey('photo-pin-keys');
    plans().beginGesture(gesture);
    const after = placed ? { ...before, [name]: [shown.width / 2, shown.height / 2] as ImagePoint } : before;
    if (after !== before) edits.previewLandmarks(after);
    return (move = { name, gesture, before, after, placed, photo: shown });
  };
  const putDown = (done: Move) => {
    move = null;
    if (done.after === done.before) {
      plans().endGesture();
      edits.previewLandmarks(null);
      return;
    }
    storePinMove(host, edits, done);
  };
  return {
    get moving() {
      return move !== null;
    },
    key(key, shift) {
      // Another photo shown, or another point chosen, since the pin was picked up: it is not for this one.
      if (move && (photo()?.id !== move.photo.id || chosen() !== move.name)) putBack();
      if (key === 'Escape') {
        if (!move) return false;
        putBack();
        return true;
      }
      if (key === 'Enter') {
        if (move) putDown(move);
        else return pickUp() !== null;
        return true;
      }
      const arrow = ARROWS[key];
      const current = arrow ? (move ?? pickUp()) : null;
      if (!arrow || !current) return false;
      const { photo: shown, name } = current;
      const step = Math.max(shown.width, shown.height) * PIN_KEY_STEP * (shift ? FAR : 1);
      const [x, y] = current.after[name]!;
      current.after = { ...current.after, [name]: [clamp(x + arrow[0] * step, shown.width), clamp(y + arrow[1] * step, shown.height)] };
      edits.previewLandmarks(current.after);
      return true;
    },
    leave: putBack,
  };
}
