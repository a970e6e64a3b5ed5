import type { Vec3 } from '../head/landmarks.ts';
import { applySimilarityToPoint, type Similarity } from '../scan/align.ts';
import type { ImagePoint } from './photoLandmarks.ts';

/**
 * The camera that took a client's photo: a pinhole with its principal point at the picture's centre (phone
 * cameras are within a few pixels of it, and a fit cannot tell the difference from a landmark's error).
 *
 * Camera frame, as three.js's cameras: the camera at the origin looking along −Z, +X to the picture's right,
 * +Y up. A head pose takes head-frame points (mm, +Z the way the face looks) into this frame, so the identity
 * rotation is a frontal photo: the face looks at the camera, and the subject's left (+X) is on the right of
 * the picture, as a photo (not a mirror) shows it. Pixels: x to the right, y down, from the top-left corner.
 */
export interface PhotoCamera {
  widthPx: number;
  heightPx: number;
  /** Focal length in pixels. */
  focalPx: number;
}

/** The diagonal of a 36 × 24 mm frame: "35 mm-equivalent" focal lengths are scaled by the diagonal (CIPA DC-008). */
const FULL_FRAME_DIAGONAL_MM = Math.hypot(36, 24);

/**
 * The focal length assumed when a photo carries none (EXIF stripped, a screenshot, a scan of a print): the
 * main camera of phones since about 2018 is a 24–28 mm equivalent (iPhone 26 mm, Pixel and Galaxy 24–27 mm)
 * and their front cameras 22–30 mm, and phones take nearly all consultation photos. 26 mm gives about 67°
 * vertically on a 3:4 portrait photo. A wrong guess by 10 % misjudges the distance by 10 % but the head's
 * size very little, since the iris or a typed measurement sets that, and pose barely at all.
 */
export const DEFAULT_FOCAL_35MM = 26;

/** EXIF focal lengths outside this (35 mm-equivalent) are taken as wrong: from fisheye to long telephoto. */
const PLAUSIBLE_FOCAL_35MM: readonly [number, number] = [8, 600];

function checkSize(widthPx: number, heightPx: number): void {
  if (!(widthPx > 0 && heightPx > 0 && Number.isFinite(widthPx) && Number.isFinite(heightPx))) {
    throw new Error(`A photo's size must be positive pixels, not ${widthPx} × ${heightPx}.`);
  }
}

export function cameraFromVerticalFov(widthPx: number, heightPx: number, verticalFovDeg: number): PhotoCamera {
  checkSize(widthPx, heightPx);
  if (!(verticalFovDeg > 0 && verticalFovDeg < 180)) throw new Error(`A field of view must be between 0° and 180°, not ${verticalFovDeg}°.`);
  return { widthPx, heightPx, focalPx: heightPx / 2 / Math.tan((verticalFovDeg * Math.PI) / 360) };
}

/** From a 35 mm-equivalent focal length (EXIF FocalLengthIn35mmFormat): the same angle across the diagonal. */
export function cameraFromFocal35mm(widthPx: number, heightPx: number, focal35mm: number): PhotoCamera {
  checkSize(widthPx, heightPx);
  if (!(focal35mm > 0 && Number.isFinite(focal35mm))) throw new Error(`A focal length must be a positive number of millimetres, not ${focal35mm}.`);
  return { widthPx, heightPx, focalPx: (focal35mm * Math.hypot(widthPx, heightPx)) / FULL_FRAME_DIAGONAL_MM };
}

/** The camera of a photo from its EXIF focal length when it has a plausible one, else the phone default. */
export function photoCamera(widthPx: number, heightPx: number, exifFocal35mm?: number): PhotoCamera {
  const known = exifFocal35mm !== undefined && exifFocal35mm >= PLAUSIBLE_FOCAL_35MM[0] && exifFocal35mm <= PLAUSIBLE_FOCAL_35MM[1];
  return cameraFromFocal35mm(widthPx, heightPx, known ? exifFocal35mm : DEFAULT_FOCAL_35MM);
}

/** The camera's vertical field of view, degrees (what a three.js PerspectiveCamera takes as `fov`). */
export function verticalFovDeg(camera: PhotoCamera): number {
  return (360 / Math.PI) * Math.atan(camera.heightPx / 2 / camera.focalPx);
}

/** Where a camera-frame point shows in the picture, or null when it is not in front of the camera. */
export function projectToImage(camera: PhotoCamera, q: Vec3): ImagePoint | null {
  const depth = -q[2];
  if (!(depth > 0)) return null;
  return [camera.widthPx / 2 + (camera.focalPx * q[0]) / depth, camera.heightPx / 2 - (camera.focalPx * q[1]) / depth];
}

/** Where a head-frame point shows in the picture, the head placed by `pose` (head frame → camera frame). */
export function projectHeadPoint(camera: PhotoCamera, pose: Similarity, p: Vec3): ImagePoint | null {
  return projectToImage(camera, applySimilarityToPoint(p, pose));
}

/**
 * A head's rotation relative to the camera in the words photographers use, degrees:
 *  - yaw: turned toward the subject's own left (positive: the nose points to the picture's right, and the
 *    right side of the face shows); a left view is about −90, a right view about +90;
 *  - pitch: chin down (positive: the top of the head comes into view; a crown photo is about +90);
 *  - roll: tilted toward the subject's right shoulder (positive: the left ear rises).
 * The rotation is yaw about the camera's vertical, after pitch, after roll: R = Ry(yaw) · Rx(pitch) · Rz(roll).
 */
export interface HeadAngles {
  yawDeg: number;
  pitchDeg: number;
  rollDeg: number;
}

const RAD = Math.PI / 180;

/** The rotation (row-major 3 × 3, head frame → camera frame) for these angles. */
export function rotationFromAngles({ yawDeg, pitchDeg, rollDeg }: HeadAngles): number[] {
  const ca = Math.cos(yawDeg * RAD), sa = Math.sin(yawDeg * RAD);
  const cb = Math.cos(pitchDeg * RAD), sb = Math.sin(pitchDeg * RAD);
  const cc = Math.cos(rollDeg * RAD), sc = Math.sin(rollDeg * RAD);
  return [
    ca * cc + sa * sb * sc, -ca * sc + sa * sb * cc, sa * cb,
    cb * sc, cb * cc, -sb,
    -sa * cc + ca * sb * sc, sa * sc + ca * sb * cc, ca * cb,
  ];
}

/** The angles of a rotation (inverse of `rotationFromAngles`; at pitch ±90° yaw and roll share one turn, given to yaw). */
export function anglesOfRotation(r: readonly number[]): HeadAngles {
  const sinPitch = Math.min(Math.max(-r[5]!, -1), 1);
  const cosPitch = Math.hypot(r[3]!, r[4]!);
  if (cosPitch < 1e-9) return { yawDeg: Math.atan2(-r[6]!, r[0]!) / RAD, pitchDeg: Math.asin(sinPitch) / RAD, rollDeg: 0 };
  return { yawDeg: Math.atan2(r[2]!, r[8]!) / RAD, pitchDeg: Math.asin(sinPitch) / RAD, rollDeg: Math.atan2(r[3]!, r[4]!) / RAD };
}

/** The angle (degrees) of the rotation between two rotations: how far apart two poses are turned. */
export function rotationDifferenceDeg(a: readonly number[], b: readonly number[]): number {
  let trace = 0;
  for (let i = 0; i < 3; i++) for (let k = 0; k < 3; k++) trace += a[3 * k + i]! * b[3 * k + i]!;
  return Math.acos(Math.min(Math.max((trace - 1) / 2, -1), 1)) / RAD;
}
