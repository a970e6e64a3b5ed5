import { BROW_HEIGHT_MM, VERTEX_HEIGHT_MM, warpPoint, type HeadShape } from '../head/headShape.ts';
import { warpNormal } from '../head/shapedHead.ts';
import { meshVertexNormals } from '../head/meshTools.ts';
import type { Vec3 } from '../head/landmarks.ts';
import { applySimilarityToPoint, type Similarity } from '../scan/align.ts';
import { projectToImage, type PhotoCamera } from './camera.ts';
import type { ImagePoint } from './photoLandmarks.ts';

/**
 * The head's outline in a photo: where the upper head (the cranium above the brow and the ears) meets the
 * background. Face landmarks pin the face; the outline is what shows the rest of the head, its breadth and
 * height in a front view, its length and the forehead's slope in a turned one.
 *
 * The model: the outline of a smooth surface is the image of its contour generator, the points whose normal
 * is at right angles to the line of sight. The cranium of the default head is kept as a cloud of a few
 * thousand points with their normals (`headOutlineSurface`); for a shape and a pose, the points whose
 * warped normal is within a few degrees of square to the line of sight, the outermost seen from the head's
 * middle in each direction, give the predicted outline with its outward normal in the picture
 * (`predictedHeadOutline`). An outline point found on the photo is matched with the nearest predicted one
 * and its error is its distance across the outline (along that normal): to first order the outline moves
 * across itself as its contour point does, whatever slides along it, so matching by nearest point and
 * measuring across converges as point-to-plane ICP does, with the matches renewed between rounds.
 */

/** The default head's cranium as points (head frame, mm) with unit outward normals, flat xyz arrays. */
export interface HeadOutlineSurface {
  points: Float64Array;
  normals: Float64Array;
}

/** A point of the predicted outline: where it shows, its outward normal in the picture, and the cranium point it is. */
export interface OutlinePoint {
  point: ImagePoint;
  /** Unit vector in pixels (x right, y down) pointing out of the head. */
  normal: ImagePoint;
  /** Index of the cranium point in `HeadOutlineSurface`. */
  index: number;
}

/**
 * Only the cranium above this height shapes the upper outline: below it the ears stand out beyond the head's
 * side (the default head's ears reach 40 mm above the tragi) and the face takes over in front.
 */
const CRANIUM_FLOOR_MM = BROW_HEIGHT_MM + 5;
/** The cloud's spacing: fine enough that the nearest predicted point is within a millimetre across the outline. */
const CELL_MM = 3;
/** A point is on the contour generator when its normal is within this angle of square to its line of sight. */
const GRAZING_DEG = 6;
/** Directions around the head's middle in which the outermost contour point is kept (one per 2°). */
const DIRECTIONS = 180;

/** The cranium of a head mesh as outline points: one vertex per 3 mm cell, with the mesh's vertex normals. */
export function headOutlineSurface(skin: { positions: ArrayLike<number>; indices: ArrayLike<number> }): HeadOutlineSurface {
  const positions = Float32Array.from(skin.positions);
  const normals = meshVertexNormals(positions, Uint32Array.from(skin.indices));
  const taken = new Set<string>();
  const points: number[] = [], outNormals: number[] = [];
  for (let i = 0; i < positions.length; i += 3) {
    const x = positions[i]!, y = positions[i + 1]!, z = positions[i + 2]!;
    if (y < CRANIUM_FLOOR_MM) continue;
    const cell = `${Math.floor(x / CELL_MM)},${Math.floor(y / CELL_MM)},${Math.floor(z / CELL_MM)}`;
    if (taken.has(cell)) continue;
    taken.add(cell);
    points.push(x, y, z);
    const l = Math.hypot(normals[i]!, normals[i + 1]!, normals[i + 2]!) || 1;
    outNormals.push(normals[i]! / l, normals[i + 1]! / l, normals[i + 2]! / l);
  }
  return { points: Float64Array.from(points), normals: Float64Array.from(outNormals) };
}

/** Cranium point `index` of the head of `shape`, in the camera frame of `pose`. */
export function outlineSurfacePoint(surface: HeadOutlineSurface, index: number, shape: HeadShape, pose: Similarity): Vec3 {
  const p = warpPoint(shape, [surface.points[3 * index]!, surface.points[3 * index + 1]!, surface.points[3 * index + 2]!]);
  return applySimilarityToPoint(p, pose);
}

/**
 * The predicted outline of the upper head of `shape` at `pose` in `camera`'s picture, ordered around the
 * head: for each direction from the projected middle of the cranium, the outermost contour point.
 */
export function predictedHeadOutline(surface: HeadOutlineSurface, shape: HeadShape, pose: Similarity, camera: PhotoCamera): OutlinePoint[] {
  const count = surface.points.length / 3;
  const grazing = Math.sin((GRAZING_DEG * Math.PI) / 180);
  const centre = projectToImage(camera, applySimilarityToPoint(warpPoint(shape, [0, (CRANIUM_FLOOR_MM + VERTEX_HEIGHT_MM) / 2, 0]), pose));
  const turn: Similarity = { rotation: pose.rotation, scale: 1, translation: [0, 0, 0] };
  if (!centre) return [];
  const best: (OutlinePoint & { reach: number })[] = [];
  for (let i = 0; i < count; i++) {
    const p: Vec3 = [surface.points[3 * i]!, surface.points[3 * i + 1]!, surface.points[3 * i + 2]!];
    const q = applySimilarityToPoint(warpPoint(shape, p), pose);
    const n = applySimilarityToPoint(warpNormal(shape, p, [surface.normals[3 * i]!, surface.normals[3 * i + 1]!, surface.normals[3 * i + 2]!]), turn);
    const distance = Math.hypot(q[0], q[1], q[2]);
    const facing = (n[0] * q[0] + n[1] * q[1] + n[2] * q[2]) / distance;
    if (Math.abs(facing) > grazing) continue;
    const seen = projectToImage(camera, q);
    const normal = seen && imageNormal(camera, q, n);
    if (!seen || !normal) continue;
    const dx = seen[0] - centre[0], dy = seen[1] - centre[1];
    // An outline normal pointing back at the middle belongs to a fold inside the silhouette, not its edge.
    if (dx * normal[0] + dy * normal[1] <= 0) continue;
    const direction = Math.floor(((Math.atan2(dy, dx) / (2 * Math.PI) + 1) % 1) * DIRECTIONS);
    const reach = Math.hypot(dx, dy);
    if (!best[direction] || reach > best[direction].reach) best[direction] = { point: seen, normal, index: i, reach };
  }
  return best.flatMap((b) => (b ? [{ point: b.point, normal: b.normal, index: b.index }] : []));
}

/** The direction in the picture (unit, pixels, y down) in which a camera-frame point moves when pushed along `n`. */
export function imageNormal(camera: PhotoCamera, q: Vec3, n: Vec3): ImagePoint | null {
  const depth = -q[2];
  if (!(depth > 0)) return null;
  const du = (camera.focalPx * (n[0] * depth + q[0] * n[2])) / (depth * depth);
  const dv = (-camera.focalPx * (n[1] * depth + q[1] * n[2])) / (depth * depth);
  const l = Math.hypot(du, dv);
  return l > 0 ? [du / l, dv / l] : null;
}
