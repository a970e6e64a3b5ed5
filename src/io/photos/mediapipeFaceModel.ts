/**
 * The face model: MediaPipe's face mesh (`@mediapipe/face_mesh`, Apache-2.0), run on the device with its
 * WebGL graph, from files on the app's own origin (scripts/faceModelAssets.ts). Its script is a classic
 * script that defines `window.FaceMesh`, so it is loaded with a script tag and never enters the bundle.
 *
 * The solution is a video tracker: before each photo the graph is reset, so every photo is detected afresh
 * rather than tracked from the one before. It reports no score, only faces that passed its detector and its
 * landmark model's face-presence check, both at 0.5: that threshold is the `confidence` it can give. (Asking
 * again at higher thresholds would tell more, but each change restarts the graph: about 4 s a pass on this
 * project's 2-core test machine without a GPU.)
 */
import type { FaceMesh, NormalizedLandmarkList, Results } from '@mediapipe/face_mesh';
import { irisDiameterFromMesh, landmarksFromMesh } from '../../domain/photo/faceMeshIndices';
import type { ImagePoint } from '../../domain/photo/photoLandmarks';
import type { FaceModel, FoundFace } from './faceModel';
import { loadScript } from '../loadScript';

declare global {
  interface Window {
    FaceMesh?: typeof FaceMesh;
  }
}

/** The landmark model's face-presence threshold for "there is a face" (MediaPipe's default, as is the detector's). */
const MIN_CONFIDENCE = 0.5;
/** Longer sides are scaled down first: the model looks at a 192 px crop, and a phone's GPU may cap textures at 4096 px. */
const MAX_SIDE = 2048;

async function scaledForModel(image: ImageBitmap): Promise<{ input: ImageBitmap; scaled: boolean }> {
  const scale = MAX_SIDE / Math.max(image.width, image.height);
  if (scale >= 1) return { input: image, scaled: false };
  const input = await createImageBitmap(image, {
    resizeWidth: Math.round(image.width * scale),
    resizeHeight: Math.round(image.height * scale),
    resizeQuality: 'high',
  });
  return { input, scaled: true };
}

/** Loads the model from `base` (the folder of its files, ending in '/'), ready to find faces. */
export async function loadMediapipeFaceModel(base: URL): Promise<FaceModel> {
  if (!window.FaceMesh) await loadScript(new URL('face_mesh.js', base).href, 'The face model');
  const FaceMeshSolution = window.FaceMesh;
  if (!FaceMeshSolution) throw new Error('The face model script defined no FaceMesh');
  const mesh = new FaceMeshSolution({ locateFile: (file) => new URL(file, base).href });
  // Iris points (refineLandmarks), no face geometry. The detector keeps its graph's own threshold (0.5):
  // setting minDetectionConfidence replaces its calculator's options whole, losing num_classes, and the
  // graph aborts (RET_CHECK has_num_classes).
  mesh.setOptions({ maxNumFaces: 1, refineLandmarks: true, enableFaceGeometry: false, selfieMode: false, minTrackingConfidence: MIN_CONFIDENCE });
  let latest: NormalizedLandmarkList | null = null;
  mesh.onResults((results: Results) => {
    latest = results.multiFaceLandmarks?.[0] ?? null;
  });
  await mesh.initialize();

  /** The face's normalised landmarks, detected afresh. */
  async function detect(input: ImageBitmap): Promise<NormalizedLandmarkList | null> {
    await mesh.reset();
    latest = null;
    // The solution's types name HTML elements only; it reads width and height and uploads any image source.
    await mesh.send({ image: input as unknown as HTMLCanvasElement });
    return latest;
  }

  async function find(image: ImageBitmap): Promise<FoundFace | null> {
    const { input, scaled } = await scaledForModel(image);
    try {
      const found = await detect(input);
      if (!found) return null;
      // Normalised to the picture: the same fractions of the original photo's pixels.
      const points: ImagePoint[] = found.map((p) => [p.x * image.width, p.y * image.height]);
      return { landmarks: landmarksFromMesh(points), irisDiameterPx: irisDiameterFromMesh(points), confidence: MIN_CONFIDENCE };
    } finally {
      if (scaled) input.close();
    }
  }

  // One photo at a time: the graph holds one frame's state.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    find(image) {
      const next = queue.then(() => find(image));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
