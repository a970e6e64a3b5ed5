/**
 * The scene's one raycaster: where the pointer meets the surface (the input router, once per pointer
 * event; the loupe, once per frame) and where the camera's aim meets the skin.
 */
import * as THREE from 'three';
import type { SurfaceHit } from './tools/tool';

const raycaster = new THREE.Raycaster();
const ndc = new THREE.Vector2();

/** Where the view's pixel (x, y) (CSS px from the top-left of a view `size` wide and high) meets `surface`, or null. */
export function surfaceHitAt(camera: THREE.Camera, size: { width: number; height: number }, x: number, y: number, surface: THREE.Object3D): SurfaceHit | null {
  ndc.set((x / size.width) * 2 - 1, -(y / size.height) * 2 + 1);
  raycaster.setFromCamera(ndc, camera);
  const hit = raycaster.intersectObject(surface, false)[0];
  if (!hit?.face) return null;
  const normal = hit.face.normal.clone().transformDirection(surface.matrixWorld);
  return { point: hit.point.toArray(), normal: normal.toArray() };
}

/** Where a line from `from` along `dir` first meets `surface`, or null. */
export function firstHitAlong(from: THREE.Vector3, dir: THREE.Vector3, surface: THREE.Object3D): THREE.Vector3 | null {
  surface.updateWorldMatrix(true, false);
  raycaster.set(from, dir);
  return raycaster.intersectObject(surface, false)[0]?.point ?? null;
}
