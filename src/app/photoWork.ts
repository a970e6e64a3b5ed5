/**
 * The work of readying a photo for the photo screen (src/app/photoScreen.ts), in a module of its own that is
 * read only when a photo is first shown: the head fitted to the photo's landmarks and the head's outline on
 * the picture, the automatic scalp-skin mask, and the photo's noise and blur measured around the head.
 */
import * as THREE from 'three';
import type { HeadShape } from '../domain/head/headShape';
import type { Message } from '../domain/languages';
import type { PhotoCamera } from '../domain/photo/camera';
import { estimateBlurSigma, estimateNoiseSigma, lumaOf } from '../domain/photo/composite';
import { fitHeadToPhoto, type PhotoFit } from '../domain/photo/headFit';
import { locateHeadPhotoPoints, type HeadPhotoPoints } from '../domain/photo/headLandmarks3d';
import { headOutlineSurface, type HeadOutlineSurface } from '../domain/photo/headOutline';
import { fitHeadToPhotoImage, type PhotoWithImage } from '../domain/photo/outlineSearch';
import type { PhotoLandmarks } from '../domain/photo/photoLandmarks';
import { automaticMask, emptyMask, maskSize, projectScalpRegions } from '../domain/photo/mask';
import { FACE_VIEWS, type PhotoMeta } from '../domain/photos';
import { textOf } from '../domain/textError';
import { restPositionsOf } from '../scene/headShaping';
import type { LoadedHead } from '../scene/loadedHead';
import type { SavedPhotoMask } from './photos';

/** The head's own photo points, found once per head (they take a surface search). */
const headPointsCache = new WeakMap<LoadedHead, HeadPhotoPoints | null>();

/** The eyes' vertex positions of the default head, unshaped (the iris centres are on them); none on a scan. */
function eyePositions(head: LoadedHead): ArrayLike<number> | null {
  let found: ArrayLike<number> | null = null;
  head.root.traverse((o) => {
    if (!found && /^Eyes/.test(o.name) && o instanceof THREE.Mesh) found = restPositionsOf(o.geometry as THREE.BufferGeometry);
  });
  return found;
}

function headPhotoPoints(head: LoadedHead): HeadPhotoPoints | null {
  if (!headPointsCache.has(head)) {
    const eyes = eyePositions(head);
    headPointsCache.set(
      head,
      eyes && !head.scan ? locateHeadPhotoPoints({ skin: { positions: head.treatment.positions, indices: head.treatment.indices }, eyes: { positions: eyes }, landmarks: head.landmarks }) : null,
    );
  }
  return headPointsCache.get(head)!;
}

/** The default head's cranium for the outline term, found once per head (~50 ms). */
const outlineCache = new WeakMap<LoadedHead, HeadOutlineSurface>();

function outlineSurfaceOf(head: LoadedHead): HeadOutlineSurface {
  let surface = outlineCache.get(head);
  if (!surface) outlineCache.set(head, (surface = headOutlineSurface({ positions: head.treatment.positions, indices: head.treatment.indices })));
  return surface;
}

/**
 * The long side (px) of the picture the outline is searched on: the head spans some hundreds of pixels at
 * it, which places its outline well within the fit's millimetre, and reading and searching a phone's 12
 * megapixels instead would cost several times as long.
 */
export const FIT_IMAGE_LONG_SIDE_PX = 1024;

/** The scale from a photo's pixels to those of the picture the fit searches (at most 1: never enlarged). */
export function fitImageScale(width: number, height: number): number {
  return Math.min(1, FIT_IMAGE_LONG_SIDE_PX / Math.max(width, height));
}

/** A photo's landmarks, camera and iris as the fit sees them on its picture scaled by `s` (the pose, in mm, is the same at any scale). */
export function scaledPhotoView(meta: Pick<PhotoMeta, 'landmarks' | 'irisDiameterPx'>, camera: PhotoCamera, s: number): Omit<PhotoWithImage, 'image'> {
  const landmarks: PhotoLandmarks = {};
  for (const [name, point] of Object.entries(meta.landmarks) as [keyof PhotoLandmarks, [number, number]][]) landmarks[name] = [point[0] * s, point[1] * s];
  return {
    landmarks,
    camera: { widthPx: camera.widthPx * s, heightPx: camera.heightPx * s, focalPx: camera.focalPx * s },
    ...(meta.irisDiameterPx !== null && { irisDiameterPx: meta.irisDiameterPx * s }),
  };
}

/** A fit made on the picture scaled by `s`, its residuals back in the photo's own pixels. */
export function unscaledFit(fit: PhotoFit, s: number): PhotoFit {
  return { ...fit, residualPx: fit.residualPx / s, outlineResidualPx: fit.outlineResidualPx / s };
}

/**
 * Whether the fit searches a photo's picture for the head's outline: the face views. The outline search knows
 * the upper head against the background seen from the front or a side; a top (crown) or back view is fitted
 * by its pins alone (the landmark fit takes a crown's taps: tragi, hairline marks, vertex).
 */
export const searchesOutline = (meta: PhotoMeta) => FACE_VIEWS.includes(meta.view);

/**
 * The head fitted to a photo's landmarks and to the head's outline found on the picture (outlineSearch.ts,
 * ~170 ms: run when a photo is shown and after a landmark edit, never per frame), or why it cannot be (too
 * few points; a scan, which the photo fit does not reshape). Each photo is fitted on its own: a front photo
 * cannot tell how deep the mid-frontal point lies, which a turned photo of the same client would settle
 * (`fitHeadToPhotoImages`), but each photo's own fit is the one that lays the head over that photo.
 */
export function fitOf(meta: PhotoMeta, image: ImageBitmap, head: LoadedHead, camera: PhotoCamera): { fit: PhotoFit | null; fitProblem: Message | null } {
  const points = headPhotoPoints(head);
  if (!points) return { fit: null, fitProblem: { key: 'photos:screen.scanHead' } };
  try {
    // A crown or back view is fitted by its pins alone: its picture is not searched (searchesOutline).
    if (!searchesOutline(meta)) return { fit: fitHeadToPhoto({ ...scaledPhotoView(meta, camera, 1), head: points }), fitProblem: null };
    const s = fitImageScale(image.width, image.height);
    const width = Math.max(1, Math.round(image.width * s)), height = Math.max(1, Math.round(image.height * s));
    const picture = { width, height, data: pixelsOf(image, width, height) };
    // The landmarks and camera are in the stored photo's pixels (meta.width × meta.height, the bitmap's size).
    const { outline: _found, ...fit } = fitHeadToPhotoImage({ ...scaledPhotoView(meta, camera, width / meta.width), image: picture, head: points, outlineSurface: outlineSurfaceOf(head) });
    return { fit: unscaledFit(fit, width / meta.width), fitProblem: null };
  } catch (error) {
    return { fit: null, fitProblem: textOf(error) ?? { key: 'photos:screen.noFit' } };
  }
}

/** What an automatic mask was made from: when it changes, the mask is made again. */
const maskBasis = (meta: PhotoMeta, shape: HeadShape) => JSON.stringify({ landmarks: meta.landmarks, shape });

/** The photo's pixels at `width` × `height` (a `crop` of it, when given). */
function pixelsOf(image: CanvasImageSource, width: number, height: number, crop?: { x: number; y: number; width: number; height: number }): Uint8ClampedArray {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error(`This browser cannot make a ${width} × ${height} px picture`);
  if (crop) context.drawImage(image, crop.x, crop.y, crop.width, crop.height, 0, 0, width, height);
  else context.drawImage(image, 0, 0, width, height);
  return context.getImageData(0, 0, width, height).data;
}

/**
 * The mask to draw with: the stored one when the practitioner edited it, or when it was made from these
 * landmarks and shape; else a fresh automatic one, which `store` keeps. Also the head's projected scalp
 * (null without a fit), where the photo's noise and blur are measured.
 */
export async function maskOf(
  meta: PhotoMeta,
  image: ImageBitmap,
  head: LoadedHead,
  fit: PhotoFit | null,
  camera: PhotoCamera,
  stored: SavedPhotoMask | undefined,
  store: (mask: SavedPhotoMask) => Promise<void>,
): Promise<{ mask: SavedPhotoMask; scalp: Uint8Array | null }> {
  const size = maskSize(meta.width, meta.height);
  if (!fit) return { mask: stored ?? { ...emptyMask(meta.width, meta.height), edited: false, basis: '' }, scalp: null };
  const regions = projectScalpRegions({ positions: head.treatment.positions, indices: head.treatment.indices, landmarks: head.landmarks, shape: fit.shape, pose: fit.pose, camera, size });
  const basis = maskBasis(meta, fit.shape);
  if (stored && (stored.edited || stored.basis === basis) && stored.width === size.width && stored.height === size.height) return { mask: stored, scalp: regions.scalp };
  const mask: SavedPhotoMask = { ...automaticMask(pixelsOf(image, size.width, size.height), regions), edited: false, basis };
  // Kept for the brush; a photo deleted meanwhile, or full storage, only costs making it again next time.
  await store(mask).catch((error: unknown) => console.warn('The photo mask could not be stored:', error));
  return { mask, scalp: regions.scalp };
}

/** The side (px) of the window of the photo, around the head, in which noise and blur are measured at the photo's own pixels. */
const ESTIMATE_WINDOW_PX = 768;

/**
 * The photo's noise and blur, measured at its own pixels in a window around the head's scalp (the background
 * may be sharper or softer than the client); the photo's centre when no head is fitted.
 */
export function estimatesOf(image: ImageBitmap, scalp: Uint8Array | null, mask: { width: number; height: number }): { noiseSigma: number; blurSigmaPx: number } {
  let cx = image.width / 2, cy = image.height / 2;
  if (scalp) {
    let sx = 0, sy = 0, n = 0;
    for (let i = 0; i < scalp.length; i++) {
      if (!scalp[i]) continue;
      sx += i % mask.width;
      sy += Math.floor(i / mask.width);
      n++;
    }
    if (n) [cx, cy] = [((sx / n + 0.5) * image.width) / mask.width, ((sy / n + 0.5) * image.height) / mask.height];
  }
  const width = Math.min(ESTIMATE_WINDOW_PX, image.width), height = Math.min(ESTIMATE_WINDOW_PX, image.height);
  const x = Math.round(Math.min(Math.max(0, cx - width / 2), image.width - width));
  const y = Math.round(Math.min(Math.max(0, cy - height / 2), image.height - height));
  const luma = lumaOf(pixelsOf(image, width, height, { x, y, width, height }), width, height);
  return { noiseSigma: estimateNoiseSigma(luma, width, height), blurSigmaPx: estimateBlurSigma(luma, width, height) ?? 0.5 };
}
