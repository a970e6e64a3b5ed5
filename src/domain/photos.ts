/**
 * The client's photos: which view each one shows, and what is kept about it beside its pixels. A photo
 * belongs to a saved plan but is not part of the plan, so plan files and links can never carry it off the
 * device (see src/io/photos/photoStore.ts).
 */
import { excerpt } from './format';
import type { Message } from './languages';
import { isPhotoLandmarkName, PHOTO_LANDMARK_NAMES, type ImagePoint, type PhotoLandmarks } from './photo/photoLandmarks';
import { message, TextError } from './textError';

/** The standard documentation views (ISHRS): the face from the front and each side, the back, the crown. */
export const PHOTO_VIEWS = ['front', 'left', 'right', 'back', 'top'] as const;
export type PhotoView = (typeof PHOTO_VIEWS)[number];

/** The views that show the client's face, where a landmark model can find it. */
export const FACE_VIEWS: readonly PhotoView[] = ['front', 'left', 'right'];

export const isPhotoView = (value: unknown): value is PhotoView => (PHOTO_VIEWS as readonly unknown[]).includes(value);

/** A view as people call it, in the reader's language (`left` is the client's own left side). */
export const photoViewName = (view: PhotoView): Message => ({ key: `messages:photos.views.${view}` });

/** A stored photo's longest side: enough for dots of a pixel or two at consultation distances, and bounded memory. */
export const MAX_PHOTO_SIDE_PX = 4096;

/** A photo's metadata, as stored beside its pixels and as `window.smp` returns it (never the pixels). */
export interface PhotoMeta {
  /** Random, never reused. */
  id: string;
  /** The saved plan the photo belongs to; deleting the plan deletes the photo. */
  planId: string;
  view: PhotoView;
  /** The stored photo's size in pixels, orientation applied. */
  width: number;
  height: number;
  /** The lens's 35 mm-equivalent focal length from the photo's EXIF (sets the field of view); null when unknown. */
  focalLength35mm: number | null;
  /** When the photo was stored (ISO 8601). */
  createdAt: string;
  /** Points on the stored photo, in its pixels: found by the landmark model or given by hand. */
  landmarks: PhotoLandmarks;
  /** The iris's horizontal diameter in pixels, as the landmark model measured it (the photo's ruler); null when unknown. */
  irisDiameterPx: number | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isSide = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= MAX_PHOTO_SIDE_PX;
const isPositiveOrNull = (value: unknown) => value === null || (typeof value === 'number' && Number.isFinite(value) && value > 0);

/**
 * Landmarks given from outside (a page, a stored record), checked against an image of `width` × `height`
 * pixels: an object of known landmark names, each an `[x, y]` inside the image. Throws a TextError naming the
 * first bad entry; returns a fresh copy.
 */
export function checkPhotoLandmarks(value: unknown, width: number, height: number): PhotoLandmarks {
  if (!isRecord(value)) {
    throw new TextError(message('photos.landmarks.notObject'), `Photo landmarks must be an object such as { nasion: [x, y] } in the photo's pixels (got ${excerpt(value)}).`);
  }
  const landmarks: PhotoLandmarks = {};
  for (const [name, point] of Object.entries(value)) {
    if (!isPhotoLandmarkName(name)) {
      throw new TextError(
        message('photos.landmarks.unknownName', { name: excerpt(name), names: PHOTO_LANDMARK_NAMES.join(', ') }),
        `${excerpt(name)} is not a photo landmark: use ${PHOTO_LANDMARK_NAMES.join(', ')}.`,
      );
    }
    const ok = Array.isArray(point) && point.length === 2 && point.every((v) => typeof v === 'number' && Number.isFinite(v));
    if (!ok) throw new TextError(message('photos.landmarks.notPoint', { name }), `The landmark ${name} must be a point [x, y] in the photo's pixels (got ${excerpt(point)}).`);
    const [x, y] = point as ImagePoint;
    if (x < 0 || y < 0 || x > width || y > height) {
      throw new TextError(
        message('photos.landmarks.outside', { name, x, y, width, height }),
        `The landmark ${name} at [${x}, ${y}] lies outside the photo (${width} × ${height} pixels).`,
      );
    }
    landmarks[name] = [x, y];
  }
  return landmarks;
}

/**
 * A stored photo's metadata, checked: undefined when it is damaged or not a photo record (it is then left
 * out, never shown half-read).
 */
export function readPhotoMeta(value: unknown): PhotoMeta | undefined {
  if (!isRecord(value)) return undefined;
  const { id, planId, view, width, height, focalLength35mm, createdAt, landmarks, irisDiameterPx } = value;
  if (typeof id !== 'string' || !id || typeof planId !== 'string' || !planId || !isPhotoView(view)) return undefined;
  if (!isSide(width) || !isSide(height) || !isPositiveOrNull(focalLength35mm) || !isPositiveOrNull(irisDiameterPx)) return undefined;
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) return undefined;
  try {
    const checked = checkPhotoLandmarks(landmarks, width as number, height as number);
    return { id, planId, view, width: width as number, height: height as number, focalLength35mm: focalLength35mm as number | null, createdAt, landmarks: checked, irisDiameterPx: irisDiameterPx as number | null };
  } catch {
    return undefined;
  }
}

/** Oldest first, as they were taken during the consultation. */
export function inTakenOrder(photos: readonly PhotoMeta[]): PhotoMeta[] {
  return [...photos].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
}
