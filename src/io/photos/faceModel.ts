/**
 * The face landmark model behind one small interface, so that another model can replace MediaPipe's without
 * touching the callers (`findFace` in faceLandmarks.ts).
 */
import type { PhotoLandmarks } from '../../domain/photo/photoLandmarks';

/**
 * The folder, beside the app's index.html, that holds the model's files (scripts/faceModelAssets.ts serves
 * them in dev and copies them into the build; the service worker caches them at first use).
 */
export const FACE_MODEL_DIR = 'face-model';

/** A face found on a photo: its landmarks in the photo's pixels. */
export interface FoundFace {
  landmarks: PhotoLandmarks;
  /** The horizontal visible iris diameter in pixels (the photo's ruler), or null when the model gives none. */
  irisDiameterPx: number | null;
  /** How sure the model is that this is a face, 0..1 (at least: a model that gives no score gives the threshold it applied). */
  confidence: number;
}

export interface FaceModel {
  /** The most prominent face in the picture, or null when there is none. */
  find(image: ImageBitmap): Promise<FoundFace | null>;
}
