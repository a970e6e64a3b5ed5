/**
 * Reads the default head model (a .glb) for `useLoader`. three's glTF reader is a chunk of its own (a fifth of
 * three's weight in the first load) fetched together with the model it reads, so it never delays the head;
 * a plan drawn on a client's scan never loads it at all.
 */
import { Loader, LoaderUtils } from 'three';
import type { GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js';

export class HeadModelLoader extends Loader<GLTF> {
  override load(url: string, onLoad: (gltf: GLTF) => void, _onProgress?: (event: ProgressEvent) => void, onError?: (error: unknown) => void): void {
    const resolved = this.manager.resolveURL(this.path + url);
    const file = fetch(resolved).then((response) => {
      if (!response.ok) throw new Error(`The head model could not be read (${resolved}: HTTP ${response.status}).`);
      return response.arrayBuffer();
    });
    Promise.all([import('three/examples/jsm/loaders/GLTFLoader.js'), file])
      .then(([{ GLTFLoader }, data]) => new GLTFLoader(this.manager).parseAsync(data, LoaderUtils.extractUrlBase(resolved)))
      .then(onLoad, (error: unknown) => onError?.(error));
  }
}
