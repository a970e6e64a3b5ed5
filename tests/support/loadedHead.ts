/** The default head as the scene holds it (three objects built in Node; no rendering), for tests and the benchmark. */
import * as THREE from 'three';
import { headFromGltf, type LoadedHead } from '../../src/scene/loadedHead';
import { loadDefaultHead } from '../unit/fixtures';

export function defaultLoadedHead(): LoadedHead {
  const { skin, landmarks } = loadDefaultHead();
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(skin.positions, 3));
  geometry.setIndex(new THREE.BufferAttribute(skin.indices, 1));
  const mesh = new THREE.Mesh(geometry);
  mesh.name = 'Skin';
  const root = new THREE.Group();
  root.userData.landmarks = landmarks;
  root.add(mesh);
  return headFromGltf(root);
}
