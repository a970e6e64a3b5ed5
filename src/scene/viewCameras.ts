/**
 * Cameras for the standard views, detached from the interactive camera: the compare grid, exported
 * images and the report draw the head from fixed views without moving the user's camera.
 */
import * as THREE from 'three';
import type { ViewName } from '../domain/views';
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
