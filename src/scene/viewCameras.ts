/**
 * Cameras for the standard views, detached from the interactive camera: the compare grid, exported
 * images and the report draw the head from fixed views without moving the user's camera.
 */
import * as THREE from 'three';
import { VIEW_PRESETS, type ViewName } from '../domain/views';
import { cameraGoalFor } from './CameraRig';
import type { LoadedHead } from './loadedHead';

/** The interactive camera's field of view (degrees); fixed views use the same lens so they look alike. */
export const VIEW_FOV_DEG = 32;

/** A camera framing the whole head from a standard view, for an image of `aspect` (width / height). */
export function cameraForView(name: ViewName, head: LoadedHead, aspect: number): THREE.PerspectiveCamera {
  const camera = new THREE.PerspectiveCamera(VIEW_FOV_DEG, aspect, 2, 8000);
  const goal = cameraGoalFor({ name, animate: false, seq: 0 }, head, camera);
  camera.position.copy(goal.position);
  camera.lookAt(goal.target);
  camera.updateMatrixWorld();
  return camera;
}

/** Share of the picture's half-width and half-height left clear around the whole head. */
const WHOLE_HEAD_MARGIN = 0.06;
const wholeHeadBoxes = new WeakMap<LoadedHead, { version: number; box: THREE.Box3 }>();

/**
 * The box around the head's skin in the shape it shows now, ears included, down to the cut of the
 * neck (mm): the eyes and brows lie within it, and the default head's shoulders are left to fall where the
 * picture ends, as in a portrait. Measured again when the shape changes.
 */
function wholeHeadBox(head: LoadedHead): THREE.Box3 {
  const version = head.shaping?.version ?? 0;
  let cached = wholeHeadBoxes.get(head);
  if (cached?.version !== version) {
    head.root.updateWorldMatrix(true, true);
    cached = { version, box: new THREE.Box3().setFromObject(head.skin) };
    wholeHeadBoxes.set(head, cached);
  }
  return cached.box;
}

/**
 * A camera that shows the whole head from a standard view in a `width` × `height` picture: every corner of
 * the box around the head (neck cut included) lies inside it with a margin, and the top `clearTopPx` pixels
 * are kept free of the head for captions (and, on screen, the view's toolbar). `cameraForView` frames the
 * cranium and face for a close look; this one is for side-by-side comparisons, where nothing may be cut.
 */
export function cameraShowingWholeHead(name: ViewName, head: LoadedHead, width: number, height: number, clearTopPx = 0): THREE.PerspectiveCamera {
  const camera = new THREE.PerspectiveCamera(VIEW_FOV_DEG, width / height, 2, 8000);
  const direction = new THREE.Vector3(...VIEW_PRESETS[name].direction);
  const box = wholeHeadBox(head);
  const target = box.getCenter(new THREE.Vector3());
  camera.position.copy(target).add(direction);
  camera.lookAt(target);
  camera.updateMatrixWorld();
  const right = new THREE.Vector3().setFromMatrixColumn(camera.matrixWorld, 0);
  const up = new THREE.Vector3().setFromMatrixColumn(camera.matrixWorld, 1);
  const corners = Array.from({ length: 8 }, (_, i) => {
    const c = new THREE.Vector3(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z).sub(target);
    return { across: Math.abs(c.dot(right)), up: c.dot(up), toward: c.dot(direction) };
  });
  // Slopes (offset over depth) the head may take: a margin all round, and the caption band at the top.
  const slope = Math.tan(THREE.MathUtils.degToRad(VIEW_FOV_DEG) / 2);
  const band = Math.min(Math.max(0, clearTopPx), height / 3) / height;
  const across = slope * camera.aspect * (1 - WHOLE_HEAD_MARGIN);
  const lowest = -slope * (1 - WHOLE_HEAD_MARGIN);
  const highest = slope * (1 - WHOLE_HEAD_MARGIN - 2 * band);
  // At a distance, the camera may slide up or down (by `lift`) within the range that keeps every corner
  // between the lowest and highest slope; null where no lift does, or a corner is sideways out of the picture.
  const liftAt = (distance: number): number | null => {
    let low = -Infinity;
    let high = Infinity;
    for (const c of corners) {
      const depth = distance - c.toward;
      if (depth <= camera.near || c.across > across * depth) return null;
      low = Math.max(low, c.up - highest * depth);
      high = Math.min(high, c.up - lowest * depth);
    }
    return low <= high ? (low + high) / 2 : null;
  };
  // The nearest distance that fits, to a tenth of a millimetre (fitting gets easier with distance).
  let near = 0;
  let far = 1000;
  while (liftAt(far) === null) far *= 2;
  while (far - near > 0.1) {
    const mid = (near + far) / 2;
    if (liftAt(mid) === null) near = mid;
    else far = mid;
  }
  const aim = target.addScaledVector(up, liftAt(far)!);
  camera.position.copy(aim).addScaledVector(direction, far);
  camera.lookAt(aim);
  camera.updateMatrixWorld();
  return camera;
}
