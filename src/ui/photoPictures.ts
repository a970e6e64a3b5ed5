/**
 * Pictures of the client's photos for the report and exports: the photo as taken and the photo with the
 * simulation, the latter always labelled "Simulation" on the picture itself, so that it says what it is
 * wherever it is passed on.
 */
import type { PhotoPictureRenderer, ShownPhoto } from '../app/photoScreen';

/** A `width` × `height` picture fitting within `maxSide` px, at the photo's aspect ratio. */
export function pictureSize(photo: ShownPhoto, maxSide: number): { width: number; height: number } {
  const fit = Math.min(1, maxSide / Math.max(photo.meta.width, photo.meta.height));
  return { width: Math.max(1, Math.round(photo.meta.width * fit)), height: Math.max(1, Math.round(photo.meta.height * fit)) };
}

/** Writes `text` in a dark box at the picture's top-left corner, sized to the picture. */
export function labelPicture(canvas: HTMLCanvasElement, text: string): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  const size = Math.max(12, Math.round(Math.min(canvas.width, canvas.height) * 0.045));
  const pad = Math.round(size * 0.5);
  context.font = `600 ${size}px system-ui, sans-serif`;
  const width = context.measureText(text).width;
  context.fillStyle = 'rgba(31, 42, 51, 0.88)';
  context.fillRect(pad, pad, width + 2 * pad, size + pad);
  context.fillStyle = '#ffffff';
  context.textBaseline = 'middle';
  context.fillText(text, 2 * pad, pad + (size + pad) / 2);
}

/**
 * The photo as taken and with the simulation (labelled), each within `maxSide` px; `asOnScreen`: as the view
 * previews it (see PhotoPictureRenderer). Synchronous, so that drawWhenRestored sees a context lost while it
 * draws and draws it again after the restore.
 */
export function photoPair(renderer: PhotoPictureRenderer, photo: ShownPhoto, maxSide: number, simulationLabel: string, asOnScreen = false): { before: HTMLCanvasElement; after: HTMLCanvasElement } {
  const size = pictureSize(photo, maxSide);
  const before = renderer.renderPhoto(photo, { ...size, simulation: false, asOnScreen });
  const after = renderer.renderPhoto(photo, { ...size, simulation: true, asOnScreen });
  labelPicture(after, simulationLabel);
  return { before, after };
}

/** Two pictures of one height side by side, with a gap of `gap` px: a before/after pair in one file. */
export function sideBySide(left: HTMLCanvasElement, right: HTMLCanvasElement, gap: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = left.width + gap + right.width;
  canvas.height = Math.max(left.height, right.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error(`This browser cannot make a ${canvas.width} × ${canvas.height} px picture`);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(left, 0, 0);
  context.drawImage(right, left.width + gap, 0);
  return canvas;
}
