/**
 * The mask brush on a shown photo: a press on the photo begins a stroke that paints (or erases) the
 * scalp-skin mask, shown on the composite at once; letting go stores the mask (one undo step a stroke);
 * Escape, a cancelled pointer or another photo shown meanwhile takes the whole stroke back.
 *
 * idle --press on the photo--> dragging --up--> idle (stored)
 *                              dragging --cancel, photo changed--> idle (the mask as the press found it)
 */
import type { PhotoEditHost, PhotoEdits } from '../../app/photoEdits';
import type { SavedPhotoMask } from '../../app/photos';
import type { PhotoMask } from '../../domain/photo/mask';
import { copyMask, paintDab, paintSegment } from '../../domain/photo/maskPaint';
import type { ImagePoint } from '../../domain/photo/photoLandmarks';
import { IDLE_TOOL, newGestureKey, type PointerTool, type ToolPointer } from './tool';

/** The shown photo as the brush sees it. */
export interface MaskedPhoto {
  id: string;
  width: number;
  height: number;
  mask: SavedPhotoMask;
  /** CSS px on the view → the photo's pixels. */
  toPhoto(x: number, y: number): ImagePoint;
}

export interface MaskBrushPorts {
  host: PhotoEditHost;
  edits: Pick<PhotoEdits, 'previewMask' | 'setMask'>;
  /** The photo shown now; null: none (the tool then takes no press, and a stroke begun on another photo is taken back). */
  photo(): MaskedPhoto | null;
  /** Shows the brush's outline at (x, y) CSS px with this radius (CSS px), or hides it (null). */
  showRing(ring: { x: number; y: number; radius: number } | null): void;
}

export function maskBrushTool({ host, edits, photo, showRing }: MaskBrushPorts): PointerTool {
  let stroke: { pointerId: number; gesture: string; before: SavedPhotoMask; painting: PhotoMask; last: ImagePoint; photo: MaskedPhoto; erase: boolean } | null = null;
  const plans = () => host.planStore.getState();
  const brush = () => {
    const tool = host.viewStore.getState().activeTool;
    return tool.name === 'photoMask' ? tool : { erase: false, radius: 0 };
  };
  /** Photo pixels → mask pixels. */
  const toMask = (shown: MaskedPhoto, [x, y]: ImagePoint): ImagePoint => [(x * shown.mask.width) / shown.width, (y * shown.mask.height) / shown.height];
  const radiusOf = (mask: PhotoMask) => brush().radius * Math.min(mask.width, mask.height);
  const ring = (shown: MaskedPhoto | null, p: ToolPointer) => {
    if (!shown) return showRing(null);
    const [x, y] = shown.toPhoto(p.x, p.y);
    const [x1] = shown.toPhoto(p.x + 1, p.y);
    // CSS px per photo pixel, from the view's own mapping.
    const scale = 1 / Math.max(1e-9, x1 - x);
    const over = x >= 0 && y >= 0 && x <= shown.width && y <= shown.height;
    showRing(over ? { x: p.x, y: p.y, radius: brush().radius * Math.min(shown.width, shown.height) * scale } : null);
  };
  /** Another photo shown (or none) since the press: the stroke is not for it. */
  const photoChanged = () => stroke !== null && photo()?.id !== stroke.photo.id;
  const abort = () => {
    if (!stroke) return;
    const { before, photo: shown } = stroke;
    stroke = null;
    edits.previewMask(shown.id, before);
    plans().cancelGesture();
  };
  const end = () => {
    if (!stroke) return;
    if (photoChanged()) return abort();
    const { before, painting, gesture, erase, photo: shown } = stroke;
    stroke = null;
    edits.setMask(shown.id, before, painting, erase ? 'Erase skin mask' : 'Paint skin mask', { key: erase ? 'photoTools:history.eraseMask' : 'photoTools:history.paintMask' }, gesture);
    plans().endGesture();
  };
  return {
    ...IDLE_TOOL,
    get state() {
      return stroke ? 'dragging' : 'idle';
    },
    down(p: ToolPointer) {
      const shown = photo();
      ring(shown, p);
      if (p.button !== 0 || stroke || !shown) return false;
      const at = shown.toPhoto(p.x, p.y);
      if (at[0] < 0 || at[1] < 0 || at[0] > shown.width || at[1] > shown.height) return false;
      const gesture = newGestureKey('photo-mask');
      plans().beginGesture(gesture);
      const painting = copyMask(shown.mask);
      const { erase } = brush();
      const [mx, my] = toMask(shown, at);
      paintDab(painting, mx, my, radiusOf(painting), erase);
      stroke = { pointerId: p.id, gesture, before: shown.mask, painting, last: at, photo: shown, erase };
      edits.previewMask(shown.id, painting);
      return true;
    },
    move(p: ToolPointer) {
      if (photoChanged()) abort();
      ring(stroke?.photo ?? photo(), p);
      if (!stroke || p.id !== stroke.pointerId) return;
      const at = stroke.photo.toPhoto(p.x, p.y);
      paintSegment(stroke.painting, toMask(stroke.photo, stroke.last), toMask(stroke.photo, at), radiusOf(stroke.painting), stroke.erase);
      stroke.last = at;
      // A fresh object each time: the screen uploads the mask again when it changes.
      stroke.painting = { ...stroke.painting };
      edits.previewMask(stroke.photo.id, stroke.painting);
    },
    up(p: ToolPointer) {
      if (stroke && p.id === stroke.pointerId) end();
    },
    cancel(id?: number) {
      if (!stroke || (id !== undefined && id !== stroke.pointerId)) return;
      abort();
    },
    leave() {
      showRing(null);
    },
    release() {
      end();
    },
  };
}
