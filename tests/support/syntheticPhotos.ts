/**
 * Synthetic photos of re-shaped default heads for the photo fit's tests and benchmark: the default head warped
 * to a shape, turned and placed before a pinhole camera of known field of view, its photo points projected,
 * with the scatter of a face-landmark model where asked; and, for the outline, the picture itself rendered
 * (renderPhoto.ts).
 */
import { DEFAULT_HEAD_SHAPE, HEAD_SHAPE_PARAMETERS, HEAD_SHAPE_RANGES, warpPoint, type HeadShape } from '../../src/domain/head/headShape';
import { distance, type Vec3 } from '../../src/domain/head/landmarks';
import { cameraFromVerticalFov, projectToImage, rotationFromAngles, type HeadAngles, type PhotoCamera } from '../../src/domain/photo/camera';
import type { PhotoView } from '../../src/domain/photo/headFit';
import { locateHeadPhotoPoints } from '../../src/domain/photo/headLandmarks3d';
import { IRIS_DIAMETER_MM, type PhotoLandmarkName, type PhotoLandmarks } from '../../src/domain/photo/photoLandmarks';
import { headOutlineSurface } from '../../src/domain/photo/headOutline';
import type { RgbaImage } from '../../src/domain/photo/outlineSearch';
import { applySimilarityToPoint, type Similarity } from '../../src/domain/scan/align';
import { readMesh } from '../../src/io/glb';
import { loadDefaultHead } from '../unit/fixtures';
import { gaussian, renderPhoto, type Background, type RenderMesh } from './renderPhoto';

const defaultHead = loadDefaultHead();
export const defaultEyes = readMesh(defaultHead.glb, 'Eyes');
/** The default head's photo points, found once. */
export const head = locateHeadPhotoPoints({ skin: defaultHead.skin, eyes: defaultEyes, landmarks: defaultHead.landmarks });
/** The default head's cranium, for the outline. */
export const outlineSurface = headOutlineSurface(defaultHead.skin);

export const FACE_POINTS: PhotoLandmarkName[] = [
  'rightIrisCenter',
  'leftIrisCenter',
  'rightLateralCanthus',
  'leftLateralCanthus',
  'rightMedialCanthus',
  'leftMedialCanthus',
  'nasion',
  'pronasale',
  'subnasale',
  'stomion',
  'menton',
];
/** What a practitioner taps on a crown photo, where no face shows. */
export const CROWN_TAPS: PhotoLandmarkName[] = ['rightTragus', 'leftTragus', 'midFrontal', 'rightFrontotemporal', 'leftFrontotemporal', 'vertex'];

/**
 * A face-landmark model's error on the face, about 4 % of the interocular distance: each point scattered with
 * 1.6 mm per axis (2.0 mm on average); the iris outline's diameter with 2 %.
 */
export const LANDMARK_SCATTER_MM = 1.6;
export const IRIS_SCATTER = 0.02;

/**
 * MediaPipe's face mesh on the default head's front render (tests/browser/faceLandmarks.test.ts): each point's
 * distance from the head's own, mm. The eye corners 2.5, the chin 3.8, the nasion 6.5 (the mesh's nasion
 * lies on the canthal line, below the head's); the nose tip 12 mm below the head's pronasale on the app's
 * front and three-quarter renders (tests/browser/photoFitRender.test.ts); the iris centres, found from the iris
 * ring, and the points under the nose and of the lips as the eye corners. Used as each point's scatter
 * (the root-mean-square of its distance), in a random direction, photo by photo.
 */
export const DETECTOR_ERROR_MM: Partial<Record<PhotoLandmarkName, number>> = {
  rightIrisCenter: 1.5,
  leftIrisCenter: 1.5,
  rightLateralCanthus: 2.5,
  leftLateralCanthus: 2.5,
  rightMedialCanthus: 2.5,
  leftMedialCanthus: 2.5,
  nasion: 6.5,
  pronasale: 12,
  subnasale: 2.5,
  stomion: 2.5,
  menton: 3.8,
};

export interface PhotoCase extends HeadAngles {
  fovDeg: number;
  /** From the camera to the nasion (face views) or the vertex (crown views), mm. */
  distanceMm: number;
}

/** Face views across the ranges: yaw ±40°, pitch ±20°, roll ±10°, 45–75° fields of view, 30–120 cm. */
export const FACE_CASES: PhotoCase[] = [
  { yawDeg: 0, pitchDeg: 0, rollDeg: 0, fovDeg: 60, distanceMm: 500 },
  { yawDeg: 40, pitchDeg: 10, rollDeg: 5, fovDeg: 45, distanceMm: 1200 },
  { yawDeg: -40, pitchDeg: -10, rollDeg: -5, fovDeg: 75, distanceMm: 300 },
  { yawDeg: 20, pitchDeg: -20, rollDeg: 10, fovDeg: 65, distanceMm: 800 },
  { yawDeg: -20, pitchDeg: 20, rollDeg: -10, fovDeg: 50, distanceMm: 400 },
  { yawDeg: 30, pitchDeg: 20, rollDeg: -8, fovDeg: 75, distanceMm: 1000 },
  { yawDeg: -30, pitchDeg: -20, rollDeg: 8, fovDeg: 45, distanceMm: 600 },
  { yawDeg: 10, pitchDeg: 5, rollDeg: -3, fovDeg: 55, distanceMm: 350 },
  { yawDeg: -10, pitchDeg: -5, rollDeg: 3, fovDeg: 70, distanceMm: 1100 },
  { yawDeg: 0, pitchDeg: 15, rollDeg: 10, fovDeg: 60, distanceMm: 700 },
];

/** Crown views: chin down, the camera above the head from in front or from behind. */
export const CROWN_CASES: PhotoCase[] = [
  { yawDeg: 0, pitchDeg: 70, rollDeg: 0, fovDeg: 60, distanceMm: 500 },
  { yawDeg: 180, pitchDeg: 65, rollDeg: 5, fovDeg: 70, distanceMm: 400 },
  { yawDeg: 15, pitchDeg: 80, rollDeg: -8, fovDeg: 50, distanceMm: 900 },
  { yawDeg: 165, pitchDeg: 60, rollDeg: 10, fovDeg: 75, distanceMm: 300 },
  { yawDeg: -15, pitchDeg: 85, rollDeg: 5, fovDeg: 45, distanceMm: 1200 },
];

/** A head re-shaped at random, each parameter within one spread (about one standard deviation among adults) of the default. */
export function randomShape(random: () => number, parameters: readonly (keyof HeadShape)[] = HEAD_SHAPE_PARAMETERS): HeadShape {
  const shape = { ...DEFAULT_HEAD_SHAPE };
  for (const name of parameters) shape[name] += HEAD_SHAPE_RANGES[name].spread * (2 * random() - 1);
  return shape;
}

export interface SyntheticPhoto {
  view: PhotoView;
  /** The truth: the head's shape and its pose in this photo's camera frame. */
  shape: HeadShape;
  pose: Similarity;
}

/**
 * A 3000 × 4000 portrait photo of the head of `shape` turned by the case's angles, `anchor` at the case's
 * distance near the middle of the picture; the tragi show where they face the camera at all.
 */
export function syntheticPhoto(
  shape: HeadShape,
  c: PhotoCase,
  names: PhotoLandmarkName[],
  options: { random?: () => number; anchor?: PhotoLandmarkName; detector?: boolean; heightPx?: number } = {},
): SyntheticPhoto {
  const { random, anchor = 'nasion', detector = false, heightPx = 4000 } = options;
  const camera = cameraFromVerticalFov((heightPx * 3) / 4, heightPx, c.fovDeg);
  const rotation = rotationFromAngles(c);
  const turned = applySimilarityToPoint(warpPoint(shape, head[anchor]), { rotation, scale: 1, translation: [0, 0, 0] });
  const aside = 0.05 * c.distanceMm;
  const pose: Similarity = { rotation, scale: 1, translation: [aside - turned[0], -aside - turned[1], -c.distanceMm - turned[2]] };
  const inCamera = (name: PhotoLandmarkName) => applySimilarityToPoint(warpPoint(shape, head[name]), pose);
  const shown = [...names];
  // A face-landmark model finds no tragi; a practitioner may tap those that show.
  if (anchor === 'nasion' && !detector) shown.push(...(['leftTragus', 'rightTragus'] as const).filter((name) => facesCamera(inCamera(name), pose, name === 'leftTragus' ? 1 : -1)));
  const landmarks: PhotoLandmarks = {};
  for (const name of shown) {
    const q = inCamera(name);
    const [x, y] = projectToImage(camera, q)!;
    const scatterMm = detector ? (DETECTOR_ERROR_MM[name] ?? LANDMARK_SCATTER_MM * Math.SQRT2) / Math.SQRT2 : LANDMARK_SCATTER_MM;
    const scatterPx = random ? (scatterMm * camera.focalPx) / -q[2] : 0;
    landmarks[name] = random ? [x + scatterPx * gaussian(random), y + scatterPx * gaussian(random)] : [x, y];
  }
  const view: PhotoView = { landmarks, camera };
  if (names.includes('leftIrisCenter')) {
    const iris = (irisOutlinePx(camera, pose, inCamera('leftIrisCenter')) + irisOutlinePx(camera, pose, inCamera('rightIrisCenter'))) / 2;
    view.irisDiameterPx = random ? iris * (1 + IRIS_SCATTER * gaussian(random)) : iris;
  }
  return { view, shape, pose };
}

/** Whether a tragus (its skin facing out to the side `side`) can be seen at all, up to a little past the outline. */
function facesCamera(q: Vec3, pose: Similarity, side: 1 | -1): boolean {
  const r = pose.rotation;
  const outward: Vec3 = [side * r[0]!, side * r[3]!, side * r[6]!];
  return -(q[0] * outward[0] + q[1] * outward[1] + q[2] * outward[2]) / Math.hypot(...q) > -0.3;
}

/**
 * The horizontal diameter, in pixels, of the projected outline of an iris (a 11.7 mm disc facing the way the
 * face looks): between its ends across the eye, as the face model's adapter reads it (faceMeshIndices.ts).
 */
function irisOutlinePx(camera: PhotoCamera, pose: Similarity, center: Vec3): number {
  const r = pose.rotation;
  const across: Vec3 = [r[0]!, r[3]!, r[6]!];
  const [a, b] = [1, -1].map((side) => projectToImage(camera, [0, 1, 2].map((i) => center[i]! + (side * IRIS_DIAMETER_MM * across[i]!) / 2) as Vec3)!);
  return Math.hypot(a![0] - b![0], a![1] - b![1]);
}

/**
 * How far the fitted mid-frontal point is from the true one in the photo's camera frame, once the fitted head
 * is scaled about the camera to put its nasion at the true depth: the one thing a photo cannot measure beyond
 * its ruler (a head 3 % larger and 3 % farther gives the same picture).
 */
export function midFrontalErrorMm(fitShape: HeadShape, fitPose: Similarity, truth: SyntheticPhoto): number {
  const at = (shape: HeadShape, pose: Similarity, name: PhotoLandmarkName) => applySimilarityToPoint(warpPoint(shape, head[name]), pose);
  const depthRatio = at(truth.shape, truth.pose, 'nasion')[2] / at(fitShape, fitPose, 'nasion')[2];
  const fitted = at(fitShape, fitPose, 'midFrontal').map((v) => v * depthRatio) as Vec3;
  return distance(fitted, at(truth.shape, truth.pose, 'midFrontal'));
}

/** The default head's meshes as a photo shows them: skin of a light, warm tone, the eyes pale. */
const PHOTO_MESHES: RenderMesh[] = [
  { ...defaultHead.skin, colour: [214, 168, 140] },
  { ...defaultEyes, colour: [200, 200, 196] },
];

export interface RenderedPhoto extends SyntheticPhoto {
  image: RgbaImage;
}

/**
 * A face photo as the app gets it: the re-shaped head rendered over `background` at 1500 × 2000 pixels (a phone
 * photo at half size), its face points where a face-landmark model puts them (DETECTOR_ERROR_MM) and the
 * iris outline read with 2 % error.
 */
export function renderedFacePhoto(shape: HeadShape, c: PhotoCase, background: Background, random: () => number): RenderedPhoto {
  const photo = syntheticPhoto(shape, c, FACE_POINTS, { random, detector: true, heightPx: 2000 });
  const image = renderPhoto(PHOTO_MESHES, shape, photo.pose, photo.view.camera, { background, noise: 3, blurPx: 0.8, random });
  return { ...photo, image };
}
