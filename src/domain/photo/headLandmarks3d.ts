import { createSurfaceQuery } from '../geometry/closestPoint.ts';
import { defaultHairline } from '../hairline/hairline.ts';
import { frontotemporalPoints, midFrontalPoint } from '../hairline/measurements.ts';
import { leftEyeCorner } from '../head/generateHead.ts';
import { distance, mirrorX, type Landmarks, type Vec3 } from '../head/landmarks.ts';
import { sliceLoops } from '../head/measure.ts';
import { IRIS_DIAMETER_MM, type PhotoLandmarkName } from './photoLandmarks.ts';

/**
 * Where each photo landmark lies on a head (head frame, mm): the 3D partners of the points found or tapped
 * on a photo, which the fit matches them with. Found on the head's own meshes, as the head's landmarks are,
 * so a change to the default head moves them with it:
 *  - the iris centres: the centre of each iris's visible ring (the limbus), where a face model puts it: about
 *    2.6 mm behind the front of the cornea, which a turned head shows;
 *  - the canthi: the corners of the eye opening, where the lids meet the eyeball;
 *  - nasion, menton, tragi and vertex: the head's landmarks;
 *  - pronasale, subnasale and stomion: on the midline profile of the face (the skin cut by x = 0);
 *  - the mid-frontal and frontotemporal points: those of the plan's default hairline (Garg: 80 mm up the
 *    skin from the glabella, level across to the lateral epicanthal lines), the hairline marks a
 *    practitioner taps on a photo.
 * Every point but the iris centres lies on the skin; paired points are mirror images.
 */
export type HeadPhotoPoints = Record<PhotoLandmarkName, Vec3>;

interface Mesh {
  positions: ArrayLike<number>;
  indices: ArrayLike<number>;
}

export function locateHeadPhotoPoints(head: { skin: Mesh; eyes: Pick<Mesh, 'positions'>; landmarks: Landmarks }): HeadPhotoPoints {
  const { skin, landmarks } = head;
  const leftIris = leftIrisCentre(head.eyes.positions);
  const leftMedialCanthus = leftEyeCorner(skin.positions, skin.indices, 'medial');
  const face = faceProfilePoints(skin, landmarks);
  const query = createSurfaceQuery(skin.positions, skin.indices);
  const hairline = defaultHairline(landmarks, query.project);
  const midFrontal = midFrontalPoint(hairline, query.project);
  // Found on the left and mirrored, so the pair is exactly symmetric as the head is.
  const leftFrontotemporal = frontotemporalPoints(hairline, landmarks, query.project).left;
  if (!leftFrontotemporal) throw new Error('The default hairline does not reach the lateral epicanthal line.');
  return {
    rightIrisCenter: mirrorX(leftIris),
    leftIrisCenter: leftIris,
    rightLateralCanthus: landmarks.rightLateralCanthus,
    leftLateralCanthus: landmarks.leftLateralCanthus,
    rightMedialCanthus: mirrorX(leftMedialCanthus),
    leftMedialCanthus,
    nasion: landmarks.nasion,
    ...face,
    menton: landmarks.menton,
    rightTragus: landmarks.rightTragus,
    leftTragus: landmarks.leftTragus,
    midFrontal: [0, midFrontal[1], midFrontal[2]],
    rightFrontotemporal: mirrorX(leftFrontotemporal),
    leftFrontotemporal,
    vertex: landmarks.vertex,
  };
}

/**
 * The centre of the left iris's outer ring: the mean of the left eye's vertices at the iris's radius
 * (IRIS_DIAMETER_MM / 2, within half a millimetre) around the axis through the cornea's front (its foremost
 * point; the eyes look along +Z), on the eye's front.
 */
function leftIrisCentre(eyePositions: ArrayLike<number>): Vec3 {
  let apex: Vec3 | null = null;
  for (let i = 0; i < eyePositions.length; i += 3) {
    const p: Vec3 = [eyePositions[i]!, eyePositions[i + 1]!, eyePositions[i + 2]!];
    if (p[0] > 0 && (!apex || p[2] > apex[2])) apex = p;
  }
  if (!apex) throw new Error('The head has no left eye.');
  const sum: Vec3 = [0, 0, 0];
  let count = 0;
  for (let i = 0; i < eyePositions.length; i += 3) {
    const x = eyePositions[i]!, y = eyePositions[i + 1]!, z = eyePositions[i + 2]!;
    if (x <= 0 || z < apex[2] - IRIS_DIAMETER_MM / 2) continue;
    if (Math.abs(Math.hypot(x - apex[0], y - apex[1]) - IRIS_DIAMETER_MM / 2) > 0.5) continue;
    sum[0] += x;
    sum[1] += y;
    sum[2] += z;
    count++;
  }
  if (count === 0) throw new Error("The head's left eye has no iris ring.");
  return [sum[0] / count, sum[1] / count, sum[2] / count];
}

/**
 * Pronasale, subnasale and stomion on the face's midline profile, walked from the nasion down to the menton:
 * the pronasale is its foremost point; below it the profile dips and rises to the upper lip
 * (labrale superius), dips between the lips and rises to the lower lip (labrale inferius). The subnasale
 * is the deepest point of the nasolabial angle, between the nose tip and the upper lip, and the stomion the
 * deepest point between the lips.
 */
function faceProfilePoints(skin: Mesh, landmarks: Landmarks): Pick<HeadPhotoPoints, 'pronasale' | 'subnasale' | 'stomion'> {
  const profile = midlinePath(skin, landmarks.nasion, landmarks.menton);
  const tip = profile.reduce((best, p, i) => (p[2] > profile[best]![2] ? i : best), 0);
  const upperLip = nextRise(profile, tip);
  const lowerLip = nextRise(profile, upperLip);
  const onMidline = ([, y, z]: Vec3): Vec3 => [0, y, z];
  return {
    pronasale: onMidline(profile[tip]!),
    subnasale: onMidline(profile[deepestBetween(profile, tip, upperLip)]!),
    stomion: onMidline(profile[deepestBetween(profile, upperLip, lowerLip)]!),
  };
}

/** The skin's midline section (x = 0) from `from` to `to` the short way round: down the face, not over the head. */
function midlinePath(skin: Mesh, from: Vec3, to: Vec3): Vec3[] {
  const loops = sliceLoops(skin.positions, skin.indices, [0, 0, 0], [1, 0, 0]);
  const nearest = (loop: Vec3[], q: Vec3) => loop.reduce((best, p, i) => (distance(p, q) < distance(loop[best]!, q) ? i : best), 0);
  const loop = loops.reduce((best, l) => (distance(l[nearest(l, from)]!, from) < distance(best[nearest(best, from)]!, from) ? l : best));
  const a = nearest(loop, from), b = nearest(loop, to);
  const forward = (b - a + loop.length) % loop.length;
  const steps = Math.min(forward, loop.length - forward);
  const dir = forward <= loop.length - forward ? 1 : -1;
  const path: Vec3[] = [];
  for (let k = 0; k <= steps; k++) {
    const p = loop[(a + dir * k + loop.length) % loop.length]!;
    // A section through mesh vertices repeats points; keep each once.
    if (path.length === 0 || distance(path[path.length - 1]!, p) > 1e-6) path.push(p);
  }
  return path;
}

/** How far the profile must fall back and come forward again to count as a dip and a rise, not mesh ripple (mm). */
const RISE_MM = 0.5;

/** Index of the next forward bump after `from`: the foremost point of the first rise that follows a dip. */
function nextRise(path: Vec3[], from: number): number {
  let low = path[from]![2], dipped = false, peak = -1;
  for (let i = from + 1; i < path.length; i++) {
    const z = path[i]![2];
    if (!dipped) {
      low = Math.min(low, z);
      dipped = z > low + RISE_MM;
      if (dipped) peak = i;
    } else if (z > path[peak]![2]) peak = i;
    else if (z < path[peak]![2] - RISE_MM) return peak;
  }
  if (peak < 0) throw new Error('The face profile has fewer bumps below the nose than a nose, lips and chin make.');
  return peak;
}

/** Index of the point between `i` and `j` farthest behind the chord from path[i] to path[j] (the deepest of the dip). */
function deepestBetween(path: Vec3[], i: number, j: number): number {
  const [, ay, az] = path[i]!, [, by, bz] = path[j]!;
  const ly = by - ay, lz = bz - az, l = Math.hypot(ly, lz);
  let best = i + 1, bestDepth = -Infinity;
  for (let k = i + 1; k < j; k++) {
    const [, y, z] = path[k]!;
    // Distance behind the chord (toward −Z, the chord running down the face).
    const depth = ((z - az) * ly - (y - ay) * lz) / l;
    if (depth > bestDepth) {
      bestDepth = depth;
      best = k;
    }
  }
  return best;
}
