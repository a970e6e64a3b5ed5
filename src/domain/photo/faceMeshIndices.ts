/**
 * Our photo landmarks from MediaPipe's face mesh: 468 points (478 with the refined iris points), numbered as
 * in its canonical face model (mediapipe/modules/face_geometry/data/canonical_face_model_uv_visualization.png)
 * and named as in TensorFlow.js's face-landmarks-detection MESH_ANNOTATIONS. MediaPipe's "right" is the
 * subject's right, as is ours: its right eye holds points 33 and 133.
 *
 * The mesh stops above the brows and at the cheeks, so the tragi, the hairline marks and the vertex are never
 * taken from it: the practitioner taps them (the points near the ear, 234 and 454, lie on the cheek's outline,
 * about a centimetre in front of the tragus, and would mislead the head's fit).
 */
import type { ImagePoint, PhotoLandmarkName, PhotoLandmarks } from './photoLandmarks';

/** Mesh points per landmark; a landmark with two points is their midpoint. */
export const FACE_MESH_INDICES: Partial<Record<PhotoLandmarkName, readonly number[]>> = {
  // Refined iris centres (rightEyeIris[0] = 468, leftEyeIris[0] = 473).
  rightIrisCenter: [468],
  leftIrisCenter: [473],
  // The eye corners, the ends of rightEyeLower0 (33 … 133) and leftEyeLower0 (263 … 362).
  rightLateralCanthus: [33],
  leftLateralCanthus: [263],
  rightMedialCanthus: [133],
  leftMedialCanthus: [362],
  // midwayBetweenEyes: the deepest point of the nasal bridge, between the inner corners.
  nasion: [168],
  // noseTip and noseBottom (where the columella meets the upper lip).
  pronasale: [1],
  subnasale: [2],
  // The mouth's opening: midway between the inner lip points, upper (13) and lower (14).
  stomion: [13, 14],
  // The lowest point of the chin on the face's outline (silhouette, middle bottom).
  menton: [152],
};

/** The horizontal ends of each refined iris contour (468 + 1 and + 3, 473 + 1 and + 3); 470/472 and 475/477 are the top and bottom. */
export const IRIS_HORIZONTAL = { right: [469, 471], left: [474, 476] } as const;

/** The mesh's point count without and with the refined iris points. */
export const FACE_MESH_POINTS = 468;
export const FACE_MESH_POINTS_WITH_IRIS = 478;

/** Two eyes' iris diameters that differ by more than this share are a turned head: trust the nearer eye's. */
const IRIS_AGREEMENT = 0.1;

const distance = (a: ImagePoint, b: ImagePoint) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Our landmarks from one face's mesh points (in the photo's pixels). Landmarks whose points are missing are left out. */
export function landmarksFromMesh(mesh: readonly ImagePoint[]): PhotoLandmarks {
  const landmarks: PhotoLandmarks = {};
  for (const [name, indices] of Object.entries(FACE_MESH_INDICES) as [PhotoLandmarkName, readonly number[]][]) {
    const points = indices.map((i) => mesh[i]);
    if (points.some((p) => p === undefined)) continue;
    const n = points.length;
    landmarks[name] = [points.reduce((s, p) => s + p![0], 0) / n, points.reduce((s, p) => s + p![1], 0) / n];
  }
  return landmarks;
}

/**
 * The horizontal visible iris diameter in pixels, from the refined iris points: the mean of both eyes when
 * they agree within 10%, else the larger (the eye facing the camera more, whose iris is the less
 * foreshortened by the turn of the head). Null without the iris points.
 */
export function irisDiameterFromMesh(mesh: readonly ImagePoint[]): number | null {
  if (mesh.length < FACE_MESH_POINTS_WITH_IRIS) return null;
  const [right, left] = [IRIS_HORIZONTAL.right, IRIS_HORIZONTAL.left].map(([a, b]) => distance(mesh[a]!, mesh[b]!)) as [number, number];
  const larger = Math.max(right, left);
  if (!(larger > 0)) return null;
  return Math.abs(right - left) <= IRIS_AGREEMENT * larger ? (right + left) / 2 : larger;
}
