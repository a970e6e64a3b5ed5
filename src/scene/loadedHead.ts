/**
 * A head ready for the scene: its skin mesh (which the scalp shader draws on), the rest of its parts, and
 * its landmarks in the head frame (mm; +X subject's left, +Y up, +Z forward, origin mid-tragus).
 */
import * as THREE from 'three';
import { TreatmentArea } from '../domain/hairline/treatmentArea';
import { parseLandmarks, type Landmarks } from '../domain/head/landmarks';

export interface LoadedHead {
  root: THREE.Object3D;
  skin: THREE.Mesh;
  landmarks: Landmarks;
  /** The point the camera orbits: centre of the cranium and face. */
  center: THREE.Vector3;
  /** Radius of a sphere around `center` that holds the whole head (not the neck). */
  radius: number;
  /** The treatment area on this head's skin: hairline distance field and measurements. */
  treatment: TreatmentArea;
}

/** Turns the loaded default-head glTF scene into a LoadedHead; throws with a clear message if it is not one. */
export function headFromGltf(scene: THREE.Object3D): LoadedHead {
  // Loaders make names unique ("Head_1" when the scene is also called "Head"): look for what we need.
  let headNode: THREE.Object3D | undefined;
  let skin: THREE.Mesh | undefined;
  scene.traverse((o) => {
    if (!headNode && o.userData.landmarks !== undefined) headNode = o;
    if (!skin && o instanceof THREE.Mesh && /^Skin/.test(o.name)) skin = o;
  });
  if (!headNode || !skin) throw new Error('The head model has no landmarks node with a "Skin" mesh.');
  let landmarks: Landmarks;
  try {
    landmarks = parseLandmarks(headNode.userData.landmarks);
  } catch (err) {
    throw new Error(`The head model's landmarks are unusable (${err instanceof Error ? err.message : String(err)}).`);
  }
  const top = landmarks.vertex[1];
  const bottom = landmarks.menton[1];
  const center = new THREE.Vector3(0, (top + bottom) / 2, (landmarks.glabella[2] + landmarks.inion[2]) / 2);
  const radius = Math.max(top - bottom, landmarks.glabella[2] - landmarks.inion[2]) * 0.62;
  const geometry = skin.geometry;
  const index = geometry.getIndex();
  if (!index) throw new Error('The head model has no triangle indices.');
  const positions = geometry.getAttribute('position').array;
  if (!(positions instanceof Float32Array)) throw new Error('The head model needs float vertex positions.');
  const indices = index.array instanceof Uint32Array ? index.array : Uint32Array.from(index.array);
  const treatment = new TreatmentArea(positions, indices, landmarks);
  return { root: scene, skin, landmarks, center, radius, treatment };
}
