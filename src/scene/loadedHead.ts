/**
 * A head ready for the scene: its skin mesh (which the scalp shader draws on), the rest of its parts, and
 * its landmarks in the head frame (mm; +X subject's left, +Y up, +Z forward, origin mid-tragus).
 */
import * as THREE from 'three';
import { TreatmentArea } from '../domain/hairline/treatmentArea';
import { parseLandmarks, type Landmarks } from '../domain/head/landmarks';
import type { ScanHead } from '../domain/scan/scanHead';
import { HeadShaping, restPositionsOf } from './headShaping';

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
  /** The client's scan this head was made from; null for the default head. */
  scan: ScanHead | null;
  /**
   * The default head's meshes under the plan's head shape (null for a scan, which is the client's own head):
   * `landmarks`, the treatment area and the plan stay in the default head's frame, `center` and `radius`
   * follow the shape on screen.
   */
  shaping: HeadShaping | null;
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
    throw new Error(`The head model's landmarks are unusable (${err instanceof Error ? err.message : String(err)}).`, { cause: err });
  }
  const geometry = skin.geometry;
  const index = geometry.getIndex();
  if (!index) throw new Error('The head model has no triangle indices.');
  // The default head's own positions, even when the model has been shown reshaped before.
  const positions = restPositionsOf(geometry);
  if (!(positions instanceof Float32Array)) throw new Error('The head model needs float vertex positions.');
  const indices = index.array instanceof Uint32Array ? index.array : Uint32Array.from(index.array);
  return loadedHead(scene, skin, positions, indices, landmarks, null);
}

/** The point the camera orbits and the radius that holds the head, from its landmarks. */
export function headFraming(landmarks: Landmarks): { center: THREE.Vector3; radius: number } {
  const top = landmarks.vertex[1];
  const bottom = landmarks.menton[1];
  return {
    center: new THREE.Vector3(0, (top + bottom) / 2, (landmarks.glabella[2] + landmarks.inion[2]) / 2),
    radius: Math.max(top - bottom, landmarks.glabella[2] - landmarks.inion[2]) * 0.62,
  };
}

function loadedHead(root: THREE.Object3D, skin: THREE.Mesh, positions: Float32Array, indices: Uint32Array, landmarks: Landmarks, scan: ScanHead | null): LoadedHead {
  const { center, radius } = headFraming(landmarks);
  const treatment = new TreatmentArea(positions, indices, landmarks, { shapeable: !scan });
  return { root, skin, landmarks, center, radius, treatment, scan, shaping: scan ? null : new HeadShaping(root, landmarks) };
}

const scanHeads = new WeakMap<ScanHead, LoadedHead>();

/** A scan's mesh for the GPU: its arrays, shared, not copied. */
export function scanGeometry(scan: ScanHead): THREE.BufferGeometry {
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(scan.positions, 3));
  geometry.setAttribute('normal', new THREE.BufferAttribute(scan.normals, 3));
  if (scan.colors) geometry.setAttribute('color', new THREE.BufferAttribute(scan.colors, 3));
  if (scan.uvs) geometry.setAttribute('uv', new THREE.BufferAttribute(scan.uvs, 2));
  geometry.setIndex(new THREE.BufferAttribute(scan.indices, 1));
  geometry.computeBoundingSphere();
  return geometry;
}

/** A scan's texture, decoded for the GPU; null when it has none or the page cannot decode it. */
export async function scanTexture(scan: ScanHead): Promise<THREE.Texture | null> {
  if (!scan.texture || !scan.uvs) return null;
  try {
    const bitmap = await createImageBitmap(new Blob([scan.texture.bytes as Uint8Array<ArrayBuffer>], { type: scan.texture.mimeType }));
    const texture = new THREE.Texture(bitmap);
    // The uvs follow glTF (v = 0 at the image's top), which is how an ImageBitmap is laid out.
    texture.flipY = false;
    texture.colorSpace = THREE.SRGBColorSpace;
    texture.anisotropy = 4;
    texture.needsUpdate = true;
    return texture;
  } catch {
    // The worker already checked that the image decodes; if the page cannot, the skin takes the plan's tone.
    return null;
  }
}

/**
 * Makes a client's aligned scan ready for the scene (its texture decoded, its treatment area built), once
 * per scan. Rejects with a clear message when that fails, so the head on screen stays as it was.
 */
export async function prepareScanHead(scan: ScanHead): Promise<LoadedHead> {
  const cached = scanHeads.get(scan);
  if (cached) return cached;
  const geometry = scanGeometry(scan);
  const skin = new THREE.Mesh(geometry);
  skin.name = 'Skin';
  const map = await scanTexture(scan);
  if (map) skin.userData.colorMap = map;
  const root = new THREE.Group();
  root.name = 'Scan';
  root.add(skin);
  let head: LoadedHead;
  try {
    head = loadedHead(root, skin, scan.positions, scan.indices, scan.landmarks, scan);
  } catch (error) {
    throw new Error(`The scan could not be prepared for planning (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
  }
  scanHeads.set(scan, head);
  return head;
}

/** A scan prepared by `prepareScanHead`. */
export function preparedScanHead(scan: ScanHead): LoadedHead {
  const head = scanHeads.get(scan);
  if (!head) throw new Error('The scan was not prepared before it was shown.');
  return head;
}
