/**
 * Ships only the parts of three the app uses (a vite plugin, build only). @react-three/fiber's `Canvas` calls
 * `extend(THREE)` with the whole namespace, so that any `<element>` works; that use keeps every class of
 * three in the bundle, tree-shaking or not (see the "tree-shaking" note of its Canvas docs). This rewrites that
 * one call to register `SCENE_ELEMENTS` (src/scene/threeElements.ts) instead, and fails the build when the
 * call is no longer there (a new version of the package), rather than silently shipping all of three again.
 * The dev server pre-bundles the package untouched: there, every element still works.
 */
import type { Plugin } from 'vite';

const CANVAS_MODULE = /[\\/]@react-three[\\/]fiber[\\/]dist[\\/]react-three-fiber\.esm\.js$/;
const WHOLE_NAMESPACE = 'extend(THREE)';

export function threeCatalogue(elementsModule: string): Plugin {
  let rewritten = false;
  return {
    name: 'smp-three-catalogue',
    apply: 'build',
    buildStart() {
      rewritten = false;
    },
    transform(code, id) {
      if (!CANVAS_MODULE.test(id)) return null;
      if (code.split(WHOLE_NAMESPACE).length !== 2) this.error(`${id}: expected one "${WHOLE_NAMESPACE}" in Canvas to replace with the app's own elements`);
      rewritten = true;
      return {
        // The import goes last (imports are hoisted), so that every other line keeps its place.
        code: `${code.replace(WHOLE_NAMESPACE, 'extend(__smpSceneElements)')}\nimport { SCENE_ELEMENTS as __smpSceneElements } from ${JSON.stringify(elementsModule)};\n`,
        map: null,
      };
    },
    buildEnd(error) {
      // A worker build (the scan reader) has no Canvas; the app's build must have met it.
      if (!error && !rewritten && [...this.getModuleIds()].some((id) => id.includes('@react-three'))) this.error('@react-three/fiber\'s Canvas was bundled without its catalogue of elements being replaced');
    },
  };
}
