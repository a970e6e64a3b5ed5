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
import { fitHeadToPhoto, MIN_FIT_POINTS, type PhotoFit } from '../domain/photo/headFit';
import { locateHeadPhotoPoints, type HeadPhotoPoints } from '../domain/photo/headLandmarks3d';
import { headOutlineSurface, type HeadOutlineSurface } from '../domain/photo/headOutline';
import { fitHeadToPhotoImage, fitHeadToPhotoImages, type PhotoWithImage, type RgbaImage } from '../domain/photo/outlineSearch';
import type { PhotoLandmarks } from '../domain/photo/photoLandmarks';
import { automaticMask, emptyMask, maskSize, projectScalpRegions } from '../domain/photo/mask';
import { FACE_VIEWS, type PhotoMeta } from '../domain/photos';
import { TextError, textOf } from '../domain/textError';
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

/** The photo's picture as the fit searches it: scaled to a long side of at most FIT_IMAGE_LONG_SIDE_PX. */
export function fitPictureOf(image: ImageBitmap): RgbaImage {
  const s = fitImageScale(image.width, image.height);
  const width = Math.max(1, Math.round(image.width * s)), height = Math.max(1, Math.round(image.height * s));
  return { width, height, data: pixelsOf(image, width, height) };
}

/**
 * The head fitted to a photo's landmarks and to the head's outline found on the picture (outlineSearch.ts,
 * ~170 ms: run when a photo is shown and after a landmark edit, never per frame), or why it cannot be (too
 * few points; a scan, which the photo fit does not reshape). Each photo is fitted on its own here: a front
 * photo cannot tell how deep the mid-frontal point lies, which a turned photo of the same client settles
 * (`planShapeOf`, all the plan's photos at once).
 */
export function fitOf(meta: PhotoMeta, image: ImageBitmap, head: LoadedHead, camera: PhotoCamera): { fit: PhotoFit | null; fitProblem: Message | null } {
  const points = headPhotoPoints(head);
  if (!points) return { fit: null, fitProblem: { key: 'photos:screen.scanHead' } };
  try {
    // A crown or back view is fitted by its pins alone: its picture is not searched (searchesOutline).
    if (!searchesOutline(meta)) return { fit: fitHeadToPhoto({ ...scaledPhotoView(meta, camera, 1), head: points }), fitProblem: null };
    const picture = fitPictureOf(image);
    // The landmarks and camera are in the stored photo's pixels (meta.width × meta.height, the bitmap's size).
    const s = picture.width / meta.width;
    const { outline: _found, ...fit } = fitHeadToPhotoImage({ ...scaledPhotoView(meta, camera, s), image: picture, head: points, outlineSurface: outlineSurfaceOf(head) });
    return { fit: unscaledFit(fit, s), fitProblem: null };
  } catch (error) {
    return { fit: null, fitProblem: textOf(error) ?? { key: 'photos:screen.noFit' } };
  }
}

/**
 * A photo turned at least this far from the camera (its fitted yaw) shows the forehead's profile, and so how
 * deep the hairline's front lies; a front photo does not.
 */
export const TURNED_YAW_DEG = 20;

/**
 * The plan's photos the head shape is fitted to: those with enough landmarks (found by the face model or
 * placed by hand) for the fit; the rest are left out.
 */
export function photosForShape(metas: readonly PhotoMeta[]): { used: PhotoMeta[]; skipped: PhotoMeta[] } {
  const usable = (meta: PhotoMeta) => Object.keys(meta.landmarks).length >= MIN_FIT_POINTS;
  return { used: metas.filter(usable), skipped: metas.filter((meta) => !usable(meta)) };
}

/** A photo as the plan's shape fit takes it: its picture already scaled for the search (null: its landmarks alone). */
export interface ShapePhoto {
  meta: PhotoMeta;
  camera: PhotoCamera;
  picture: RgbaImage | null;
}

export interface PlanShapeFit {
  /** The shape for the plan, shared by all the photos. */
  shape: HeadShape;
  /** Each photo it came from, in order, with its own fit (its pose; the shape and size shared), residuals in its own pixels. */
  photos: { meta: PhotoMeta; fit: PhotoFit }[];
  /**
   * No photo turned by TURNED_YAW_DEG or more, nor one from above: the forehead's slope, and so the hairline's
   * depth, rests on front views that cannot see it.
   */
  frontOnly: boolean;
}

/**
 * One head shape fitted to several photos of the client at once (`fitHeadToPhotoImages`), each photo with its
 * own pose. A photo shows the forehead's depth when turned or taken from above.
 *
 * From front photos alone the fitted forehead slope is kept, not put back to the default: on the synthetic
 * photos (tests/support/syntheticPhotos.ts, renders with a face model's landmark errors, yaw and pitch within
 * ±15°, shapes within one spread of the default) the mid-frontal point lies 3.6 mm RMS (worst 8.3) from the
 * truth with the fitted slope against 4.7 mm RMS (worst 9.9) with the default one (20 single front photos), and
 * 3.7 (worst 7.6) against 5.5 (worst 9.6) from two front photos of one head (8 heads): the front's outline and
 * the face's pitch still say something of the slope (fitted within 2.2° RMS of the truth, spread 6°).
 */
export function fitPlanShape(photos: readonly ShapePhoto[], head: HeadPhotoPoints, outlineSurface: HeadOutlineSurface): PlanShapeFit {
  const scales = photos.map(({ meta, picture }) => (picture ? picture.width / meta.width : 1));
  const fit = fitHeadToPhotoImages({
    photos: photos.map(({ meta, camera, picture }, i) => ({ ...scaledPhotoView(meta, camera, scales[i]!), ...(picture && { image: picture }) })),
    head,
    outlineSurface,
  });
  const fitted = photos.map(({ meta }, i) => ({ meta, fit: unscaledFit({ ...fit.photos[i]!, shape: fit.shape, sizeFrom: fit.sizeFrom }, scales[i]!) }));
  const showsDepth = ({ meta, fit: one }: { meta: PhotoMeta; fit: PhotoFit }) => meta.view === 'top' || (searchesOutline(meta) && Math.abs(one.yawDeg) >= TURNED_YAW_DEG);
  return { shape: fit.shape, photos: fitted, frontOnly: !fitted.some(showsDepth) };
}

/** A photo `photosForShape` chose, ready for the shape fit: the picture read from its bitmap, for a face view. */
export function shapePhotoOf(meta: PhotoMeta, image: ImageBitmap, camera: PhotoCamera): ShapePhoto {
  return { meta, camera, picture: searchesOutline(meta) ? fitPictureOf(image) : null };
}

/** `fitPlanShape` on the app's head; throws a TextError (no photo to fit, a scan head, no pose found). */
export function planShapeOf(photos: readonly ShapePhoto[], head: LoadedHead): PlanShapeFit {
  if (photos.length === 0) throw new TextError({ key: 'photos:shape.noPhotos' }, 'None of this plan’s photos has enough landmarks for the head shape: place them on a photo first.');
  const points = headPhotoPoints(head);
  if (!points) throw new TextError({ key: 'photos:screen.scanHead' }, 'The photo fit reshapes the default head: use the default head to fit the head shape to photos.');
  return fitPlanShape(photos, points, outlineSurfaceOf(head));
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
