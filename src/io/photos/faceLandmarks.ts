/**
 * Face landmarks found on the device. The model (MediaPipe's face mesh today, behind `FaceModel`) is
 * imported and loaded at the first photo, from the app's own `face-model/` folder, and kept for the next.
 */
import { FACE_MODEL_DIR, type FaceModel, type FoundFace } from './faceModel';

let model: Promise<FaceModel> | null = null;

function faceModel(): Promise<FaceModel> {
  model ??= import('./mediapipeFaceModel')
    .then(({ loadMediapipeFaceModel }) => loadMediapipeFaceModel(new URL(`${FACE_MODEL_DIR}/`, document.baseURI)))
    .catch((err: unknown) => {
      // A failed load (offline before the model was ever cached) is tried again at the next photo.
      model = null;
      throw err;
    });
  return model;
}

/**
 * The most prominent face on a photo: its landmarks in the photo's pixels (x right, y down; the client's
 * own left and right), the horizontal iris diameter in pixels, and how sure the model is; null when the
 * photo shows no face.
 */
export async function findFace(image: ImageBitmap): Promise<FoundFace | null> {
  return (await faceModel()).find(image);
}
