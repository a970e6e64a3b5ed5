/**
 * The photos of the saved plan on screen: import (read, checked, landmarks found or given, stored), list and
 * correct and delete (the app's ClientPhotos port, src/app/photos.ts). `window.smp` and the UI use it; the photo reader, HEIC decoder and face-landmark model load only when a
 * photo is imported. Every check is made before anything is stored, so a refused photo changes nothing.
 */
import type { ClientPhotos } from '../../app/photos';
import type { SavedPlans } from '../../app/savedPlans';
import { excerpt } from '../../domain/format';
import type { PhotoLandmarks } from '../../domain/photo/photoLandmarks';
import { checkPhotoLandmarks, FACE_VIEWS, isPhotoView, PHOTO_VIEWS, photoViewName, type PhotoMeta } from '../../domain/photos';
import { message, TextError } from '../../domain/textError';
import { newPlanId } from '../planLibrary';
import type { FoundFace } from './faceModel';
import { openPhotoStore, type PhotoStore } from './photoStore';

/** A plan's photos: the standard views, a few of each, retakes included; more is a page's mistake, not a consultation. */
export const MAX_PHOTOS_PER_PLAN = 40;

const noStorage = () =>
  new TextError(
    message('photos.noStorage'),
    'Photos are kept with a saved plan on this device, and this browser is not storing plans (private browsing, or storage is full or blocked).',
  );

/** The points of `landmarks` inside a `width` × `height` image (a model may place a hidden ear just outside it). */
function inside(landmarks: PhotoLandmarks, width: number, height: number): PhotoLandmarks {
  return Object.fromEntries(Object.entries(landmarks).filter(([, [x, y]]) => x >= 0 && y >= 0 && x <= width && y <= height));
}

/** The face on a photo, through the landmark model (loaded at the first call); a model that fails is said so. */
async function findFaceOn(image: ImageBitmap): Promise<FoundFace | null> {
  try {
    const { findFace } = await import('./faceLandmarks');
    return await findFace(image);
  } catch (error) {
    console.warn('The face landmark model failed:', error);
    throw new TextError(
      message('photos.faceModelFailed'),
      'The landmarks could not be found on this photo: the face landmark model failed to run. Place the landmarks by hand, or try again.',
      { cause: error },
    );
  }
}

export function createClientPhotos(savedPlans: SavedPlans): ClientPhotos {
  let opened: Promise<PhotoStore> | null = null;
  const store = () => {
    opened ??= openPhotoStore().catch((error: unknown) => {
      // Tried again on the next call: storage may come back (see autosave).
      opened = null;
      console.warn('Photo storage is not available:', error);
      throw noStorage();
    });
    return opened;
  };
  const openPlanId = () => {
    const { available, openId } = savedPlans.state.getState();
    if (!available || !openId) throw noStorage();
    return openId;
  };
  const missing = (id: unknown) => new TextError(message('photos.missing', { id: excerpt(id) }), `This plan has no photo with the id ${excerpt(id)}.`);

  return {
    async importPhoto(file, { view, landmarks }) {
      if (!isPhotoView(view)) throw new TextError(message('photos.unknownView', { view: excerpt(view), views: PHOTO_VIEWS.join(', ') }), `Unknown photo view ${excerpt(view)}: use one of ${PHOTO_VIEWS.join(', ')}.`);
      // Names and shapes now, before the file is read; the bounds once its size is known.
      if (landmarks !== undefined) checkPhotoLandmarks(landmarks, Infinity, Infinity);
      const planId = openPlanId();
      const photos = await store();
      if ((await photos.list(planId)).length >= MAX_PHOTOS_PER_PLAN) {
        throw new TextError(message('photos.tooMany', { max: MAX_PHOTOS_PER_PLAN }), `This plan already has ${MAX_PHOTOS_PER_PLAN} photos; delete some before adding more.`);
      }
      const { readPhoto } = await import('./readPhoto');
      const photo = await readPhoto(file);
      try {
        let points: PhotoLandmarks;
        let irisDiameterPx: number | null = null;
        if (landmarks !== undefined) {
          const given = checkPhotoLandmarks(landmarks, photo.originalWidth, photo.originalHeight);
          // Scaled side by side: each side of the stored photo is rounded to whole pixels on its own.
          const [sx, sy] = [photo.width / photo.originalWidth, photo.height / photo.originalHeight];
          points = Object.fromEntries(Object.entries(given).map(([name, [x, y]]) => [name, [x * sx, y * sy]]));
        } else if (FACE_VIEWS.includes(view)) {
          const face = await findFaceOn(photo.image);
          if (!face) {
            throw new TextError(
              message('photos.noFace', { view: photoViewName(view) }),
              `No face was found in this photo, so it cannot be used as the “${view}” view: choose a photo that shows the client’s face, or place its landmarks by hand.`,
            );
          }
          points = inside(face.landmarks, photo.width, photo.height);
          irisDiameterPx = face.irisDiameterPx;
        } else {
          // The back and the crown show no face: their points are tapped by hand later.
          points = {};
        }
        const meta: PhotoMeta = {
          id: newPlanId(),
          planId,
          view,
          width: photo.width,
          height: photo.height,
          focalLength35mm: photo.focalLength35mm,
          createdAt: new Date().toISOString(),
          landmarks: points,
          irisDiameterPx,
        };
        await photos.add(meta, photo.jpeg);
        return meta;
      } finally {
        photo.image.close();
      }
    },
    async list() {
      const planId = openPlanId();
      return (await store()).list(planId);
    },
    async remove(id) {
      const planId = openPlanId();
      const photos = await store();
      if ((await photos.get(id))?.planId !== planId) throw missing(id);
      await photos.remove(id);
    },
    async image(id) {
      const planId = openPlanId();
      const photos = await store();
      return (await photos.get(id))?.planId === planId ? photos.image(id) : undefined;
    },
    async updateLandmarks(id, landmarks) {
      const planId = openPlanId();
      const photos = await store();
      const meta = await photos.get(id);
      if (meta?.planId !== planId) throw missing(id);
      const updated: PhotoMeta = { ...meta, landmarks: checkPhotoLandmarks(landmarks, meta.width, meta.height) };
      await photos.put(updated);
      return updated;
    },
    async mask(id) {
      const planId = openPlanId();
      const photos = await store();
      if ((await photos.get(id))?.planId !== planId) return undefined;
      const stored = await photos.mask(id);
      return stored && { width: stored.width, height: stored.height, data: new Uint8Array(stored.bytes), edited: stored.edited, basis: stored.basis };
    },
    async saveMask(id, { width, height, data, edited, basis }) {
      const planId = openPlanId();
      const photos = await store();
      if ((await photos.get(id))?.planId !== planId) throw missing(id);
      if (!(Number.isSafeInteger(width) && Number.isSafeInteger(height) && data.length === width * height)) throw new Error(`A mask of ${width} × ${height} pixels needs ${width * height} values (got ${data.length}).`);
      await photos.putMask(id, { width, height, bytes: data.slice().buffer, edited, basis });
    },
  };
}
