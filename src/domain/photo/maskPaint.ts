/**
 * Painting a photo's scalp-skin mask by hand (src/domain/photo/mask.ts): round dabs with a soft rim,
 * stamped along a stroke. Painting raises the mask towards 255 (the simulation applied), erasing lowers it
 * towards 0 (the photo untouched); a pass never undoes what an earlier dab of the same stroke did.
 */
import type { PhotoMask } from './mask.ts';

/** The mask brush's radius, as a share of the photo's shorter side: its default and range. */
export const MASK_BRUSH_RADIUS = { default: 0.04, min: 0.005, max: 0.2 } as const;

/** The brush's soft rim, as a share of its radius: a hard edge would show as a seam in the composite. */
export const MASK_BRUSH_SOFTNESS = 0.25;
/** Dabs along a stroke, as a share of the radius apart: close enough that the stroke's edge does not scallop. */
const DAB_SPACING = 0.25;

/** A copy of a mask (a stroke paints a copy, so the mask before it stays for undo). */
export function copyMask(mask: PhotoMask): PhotoMask {
  return { width: mask.width, height: mask.height, data: mask.data.slice() };
}

/** One dab at (x, y) (mask pixels, from the top-left corner of the top-left pixel), `radius` in mask pixels. */
export function paintDab(mask: PhotoMask, x: number, y: number, radius: number, erase: boolean): void {
  const r = Math.max(0.5, radius);
  const inner = r * (1 - MASK_BRUSH_SOFTNESS);
  const x0 = Math.max(0, Math.floor(x - r)), x1 = Math.min(mask.width - 1, Math.ceil(x + r));
  const y0 = Math.max(0, Math.floor(y - r)), y1 = Math.min(mask.height - 1, Math.ceil(y + r));
  for (let j = y0; j <= y1; j++) {
    for (let i = x0; i <= x1; i++) {
      const d = Math.hypot(i + 0.5 - x, j + 0.5 - y);
      if (d >= r) continue;
      const strength = d <= inner ? 1 : (r - d) / (r - inner);
      const k = j * mask.width + i;
      const value = mask.data[k]!;
      mask.data[k] = erase ? Math.min(value, Math.round(255 * (1 - strength))) : Math.max(value, Math.round(255 * strength));
    }
  }
}

/** Dabs from (x0, y0) to (x1, y1), the first point excluded (it was painted by the dab before). */
export function paintSegment(mask: PhotoMask, [x0, y0]: readonly [number, number], [x1, y1]: readonly [number, number], radius: number, erase: boolean): void {
  const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / Math.max(0.5, radius * DAB_SPACING)));
  for (let s = 1; s <= steps; s++) paintDab(mask, x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps, radius, erase);
}
