import { DEFAULT_HEAD_SHAPE, warpPoint, type HeadShape } from '../head/headShape.ts';
import type { Landmarks } from '../head/landmarks.ts';
import { applySimilarityToPoint, type Similarity } from '../scan/align.ts';
import { projectToImage, type PhotoCamera } from './camera.ts';

/**
 * The scalp-skin mask of a client's photo: where the simulated pigment may be laid over the photo. It is the
 * fitted head's scalp as the photo's camera sees it (everything above the brows and the ears, the nape at the
 * back; never the face, the ears or the background), times a simple skin likelihood of the photo's own
 * colours, so hair, a cap or a hand in front of the scalp are left alone. The practitioner corrects it with a
 * brush; the automatic one is a first guess, not a segmentation.
 *
 * Format: 8 bits a pixel, row-major from the top-left, 0 = the photo untouched, 255 = the simulation applied in
 * full. Its size is the photo's scaled so that the long side is at most MAX_MASK_SIDE_PX.
 */
export interface PhotoMask {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The mask's longest side (px): a mask is a soft region, so it needs far fewer pixels than the photo. */
export const MAX_MASK_SIDE_PX = 1024;

export function maskSize(photoWidth: number, photoHeight: number): { width: number; height: number } {
  const fit = Math.min(1, MAX_MASK_SIDE_PX / Math.max(photoWidth, photoHeight));
  return { width: Math.max(1, Math.round(photoWidth * fit)), height: Math.max(1, Math.round(photoHeight * fit)) };
}

/**
 * The lowest point of the scalp around the head (head frame, mm above the tragi): just above the brows at the
 * front (the forehead counts: a hairline may be planned anywhere on it), above the ears at the sides (the top
 * of the ear is about 30 mm above the tragus), and down to the nape at the back.
 */
export function scalpFloorMm(landmarks: Pick<Landmarks, 'glabella' | 'leftTragus' | 'rightTragus'>, azimuthDeg: number): number {
  const tragus = (landmarks.leftTragus[1] + landmarks.rightTragus[1]) / 2;
  const front = landmarks.glabella[1] + 10;
  const side = tragus + 36;
  const back = tragus - 45;
  const a = Math.min(Math.abs(azimuthDeg), 180);
  return a <= 90 ? front + ((side - front) * a) / 90 : side + ((back - side) * (a - 90)) / 90;
}

/** Whether a head-frame point (mm, +X left, +Y up, +Z forward, origin between the tragi) is scalp or forehead skin. */
export function isScalpPoint(landmarks: Pick<Landmarks, 'glabella' | 'leftTragus' | 'rightTragus'>, [x, y, z]: readonly number[]): boolean {
  return y! > scalpFloorMm(landmarks, (Math.atan2(x!, z!) * 180) / Math.PI);
}

/**
 * Skin that is skin on nearly every client, used as the colour reference: the forehead just above the brows
 * (hair seldom covers it, and bangs are then painted out with the brush).
 */
function isForeheadReference(landmarks: Pick<Landmarks, 'glabella'>, [x, y, z]: readonly number[]): boolean {
  const above = y! - landmarks.glabella[1];
  return above > 12 && above < 32 && Math.abs((Math.atan2(x!, z!) * 180) / Math.PI) < 30;
}

export interface ProjectedRegions {
  width: number;
  height: number;
  /** 255 where the scalp (or forehead) is the nearest skin the camera sees, else 0. */
  scalp: Uint8Array;
  /** 255 where the forehead reference band is the nearest skin seen. */
  reference: Uint8Array;
}

/**
 * The head's scalp as the photo's camera sees it, at `size` pixels: the default head's skin mesh (head frame,
 * mm) warped to the fitted `shape` and placed by `pose`, every triangle rasterised with a depth test (so an ear, or the far side of the head, hides what lies
 * behind it), each labelled scalp when most of its corners are.
 */
export function projectScalpRegions(input: {
  positions: ArrayLike<number>;
  indices: ArrayLike<number>;
  landmarks: Pick<Landmarks, 'glabella' | 'leftTragus' | 'rightTragus'>;
  shape?: HeadShape;
  pose: Similarity;
  camera: PhotoCamera;
  size: { width: number; height: number };
}): ProjectedRegions {
  const { positions, indices, landmarks, pose, camera, shape = DEFAULT_HEAD_SHAPE } = input;
  const { width, height } = input.size;
  const sx = width / camera.widthPx, sy = height / camera.heightPx;
  const count = positions.length / 3;
  const px = new Float32Array(count), py = new Float32Array(count), depth = new Float32Array(count);
  const label = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const p = [positions[3 * i]!, positions[3 * i + 1]!, positions[3 * i + 2]!] as [number, number, number];
    const q = applySimilarityToPoint(warpPoint(shape, p), pose);
    const seen = projectToImage(camera, q);
    depth[i] = seen ? -q[2] : -1;
    px[i] = seen ? seen[0] * sx : 0;
    py[i] = seen ? seen[1] * sy : 0;
    label[i] = (isScalpPoint(landmarks, p) ? 1 : 0) | (isForeheadReference(landmarks, p) ? 2 : 0);
  }
  const zbuffer = new Float32Array(width * height).fill(Infinity);
  const labels = new Uint8Array(width * height);
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t]!, b = indices[t + 1]!, c = indices[t + 2]!;
    if (depth[a]! <= 0 || depth[b]! <= 0 || depth[c]! <= 0) continue;
    const scalpVotes = (label[a]! & 1) + (label[b]! & 1) + (label[c]! & 1);
    const refVotes = ((label[a]! >> 1) & 1) + ((label[b]! >> 1) & 1) + ((label[c]! >> 1) & 1);
    const triangleLabel = (scalpVotes >= 2 ? 1 : 0) | (refVotes >= 2 ? 2 : 0);
    rasterise(px, py, depth, a, b, c, width, height, zbuffer, labels, triangleLabel);
  }
  const scalp = new Uint8Array(width * height), reference = new Uint8Array(width * height);
  for (let i = 0; i < labels.length; i++) {
    scalp[i] = labels[i]! & 1 ? 255 : 0;
    reference[i] = labels[i]! & 2 ? 255 : 0;
  }
  return { width, height, scalp, reference };
}

/** One triangle into the depth and label buffers, sampled at pixel centres (depth interpolated linearly: the triangles are small). */
function rasterise(
  px: Float32Array, py: Float32Array, depth: Float32Array, a: number, b: number, c: number,
  width: number, height: number, zbuffer: Float32Array, labels: Uint8Array, value: number,
): void {
  const x0 = px[a]!, y0 = py[a]!, x1 = px[b]!, y1 = py[b]!, x2 = px[c]!, y2 = py[c]!;
  const area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  if (area === 0) return;
  const minX = Math.max(0, Math.ceil(Math.min(x0, x1, x2) - 0.5)), maxX = Math.min(width - 1, Math.floor(Math.max(x0, x1, x2) - 0.5));
  const minY = Math.max(0, Math.ceil(Math.min(y0, y1, y2) - 0.5)), maxY = Math.min(height - 1, Math.floor(Math.max(y0, y1, y2) - 0.5));
  for (let y = minY; y <= maxY; y++) {
    const cy = y + 0.5;
    for (let x = minX; x <= maxX; x++) {
      const cx = x + 0.5;
      const w0 = ((x1 - cx) * (y2 - cy) - (x2 - cx) * (y1 - cy)) / area;
      const w1 = ((x2 - cx) * (y0 - cy) - (x0 - cx) * (y2 - cy)) / area;
      const w2 = 1 - w0 - w1;
      if (w0 < 0 || w1 < 0 || w2 < 0) continue;
      const z = w0 * depth[a]! + w1 * depth[b]! + w2 * depth[c]!;
      const i = y * width + x;
      if (z < zbuffer[i]!) {
        zbuffer[i] = z;
        labels[i] = value;
      }
    }
  }
}

/** sRGB pixel (0..255) as luma and chroma (ITU-R BT.601 YCbCr, 0..255). */
function ycbcr(r: number, g: number, b: number): [number, number, number] {
  return [0.299 * r + 0.587 * g + 0.114 * b, 128 - 0.168736 * r - 0.331264 * g + 0.5 * b, 128 + 0.5 * r - 0.418688 * g - 0.081312 * b];
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Robust centre and spread (median, 1.4826 × median absolute deviation: the SD of a normal sample), with a floor. */
function robustStats(values: number[], floor: number): { centre: number; spread: number } {
  const centre = median(values);
  return { centre, spread: Math.max(floor, 1.4826 * median(values.map((v) => Math.abs(v - centre)))) };
}

/** Minimum reference pixels for the forehead band to be trusted (below it the scalp's own colours are used). */
const MIN_REFERENCE_PIXELS = 30;
/** Floors of the colour model's spreads: chroma in YCbCr units, luma as a log ratio (lighting varies over a head). */
const CHROMA_FLOOR = 5;
const LOG_LUMA_FLOOR = 0.35;
/** Colour distance (in spreads) up to which a pixel is skin, and from which it is not; smooth between. */
const SKIN_FULL = 2.5;
const SKIN_NONE = 4;

/**
 * How much each pixel looks like the client's skin (0..1), from the colours of reference pixels: a normal
 * model of chroma (Cb, Cr) and log luma, with robust statistics, so a few hairs in the reference do not move
 * it. The reference is the forehead band when enough of it is seen, else the scalp region itself (most of a
 * scalp shown for SMP is skin). `rgba` is the photo at the regions' size.
 */
export function skinLikelihood(rgba: ArrayLike<number>, regions: ProjectedRegions): Float32Array {
  const n = regions.width * regions.height;
  const referenceOf = (region: Uint8Array) => {
    const picked: number[] = [];
    for (let i = 0; i < n; i++) if (region[i]) picked.push(i);
    return picked;
  };
  let reference = referenceOf(regions.reference);
  if (reference.length < MIN_REFERENCE_PIXELS) reference = referenceOf(regions.scalp);
  const out = new Float32Array(n);
  if (reference.length === 0) return out;
  const features = (i: number) => {
    const [y, cb, cr] = ycbcr(rgba[4 * i]!, rgba[4 * i + 1]!, rgba[4 * i + 2]!);
    return [Math.log(y + 4), cb, cr] as const;
  };
  const samples = reference.map(features);
  const luma = robustStats(samples.map((f) => f[0]), LOG_LUMA_FLOOR);
  const cb = robustStats(samples.map((f) => f[1]), CHROMA_FLOOR);
  const cr = robustStats(samples.map((f) => f[2]), CHROMA_FLOOR);
  for (let i = 0; i < n; i++) {
    const [l, b, r] = features(i);
    const d = Math.hypot((l - luma.centre) / luma.spread, (b - cb.centre) / cb.spread, (r - cr.centre) / cr.spread);
    out[i] = d <= SKIN_FULL ? 1 : d >= SKIN_NONE ? 0 : smooth((SKIN_NONE - d) / (SKIN_NONE - SKIN_FULL));
  }
  return out;
}

const smooth = (t: number) => t * t * (3 - 2 * t);

/** The automatic mask: the scalp region times the skin likelihood. */
export function automaticMask(rgba: ArrayLike<number>, regions: ProjectedRegions): PhotoMask {
  const skin = skinLikelihood(rgba, regions);
  const data = new Uint8Array(regions.width * regions.height);
  for (let i = 0; i < data.length; i++) data[i] = regions.scalp[i] ? Math.round(255 * skin[i]!) : 0;
  return { width: regions.width, height: regions.height, data };
}

/** A mask of the right size for a photo, all zero (nothing applied): when no head is fitted yet. */
export function emptyMask(photoWidth: number, photoHeight: number): PhotoMask {
  const { width, height } = maskSize(photoWidth, photoHeight);
  return { width, height, data: new Uint8Array(width * height) };
}
