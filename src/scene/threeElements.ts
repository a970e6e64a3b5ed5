/**
 * The three.js classes the scene creates as JSX elements (`<mesh>` is `Mesh`), those of drei's components the
 * scene uses included (`Html` draws a `mesh` with a `planeGeometry` and a `shaderMaterial`). @react-three/fiber's
 * `Canvas` registers the whole `three` namespace, which keeps every class of three in the bundle; the build
 * registers this list instead (scripts/threeCatalogue.ts), so only what the app uses is shipped.
 * tests/unit/threeElements.test.ts checks that every element the scene's JSX names is here.
 */
import { Color, DirectionalLight, Group, HemisphereLight, Mesh, MeshBasicMaterial, PlaneGeometry, ShaderMaterial, SphereGeometry } from 'three';

export const SCENE_ELEMENTS = {
  Color,
  DirectionalLight,
  Group,
  HemisphereLight,
  Mesh,
  MeshBasicMaterial,
  PlaneGeometry,
  ShaderMaterial,
  SphereGeometry,
};
