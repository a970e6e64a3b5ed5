import { useFBO } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { useSimulator } from '../app/simulator';
import { LOUPE_FIELD_MM } from '../state/viewStore';
import { useTool } from './InputRouter';
import { surfaceHitAt } from './raycast';
import { loupeTool } from './tools/loupe';

/** Loupe circle diameter on screen (CSS px). */
export const LOUPE_SIZE_PX = 240;
/** The loupe floats above the pointer so a finger on a tablet does not hide it. */
export const LOUPE_OFFSET_PX = LOUPE_SIZE_PX / 2 + 36;
/** Loupe camera distance from the surface (mm): close, like a jeweller's loupe, so perspective stays mild. */
const LOUPE_DISTANCE_MM = 60;

export function loupeCenter(pointer: { x: number; y: number }): { x: number; y: number } {
  // Above the pointer, or below it when there is no room above.
  const y = pointer.y - LOUPE_OFFSET_PX < LOUPE_SIZE_PX / 2 ? pointer.y + LOUPE_OFFSET_PX : pointer.y - LOUPE_OFFSET_PX;
  return { x: pointer.x, y };
}

/**
 * When the loupe is on, draws the scalp under the pointer magnified into a circle over the main view.
 * The magnified view is a second camera a few centimetres from the surface looking straight at it, so the
 * dots in it are the same shader dots at true size, only seen closer.
 */
export function Loupe() {
  const sim = useSimulator();
  const gl = useThree((s) => s.gl);
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const dpr = useThree((s) => s.viewport.dpr);
  const target = useFBO(Math.round(LOUPE_SIZE_PX * dpr), Math.round(LOUPE_SIZE_PX * dpr), { samples: 4, type: THREE.HalfFloatType });

  const loupeCamera = useMemo(() => {
    const fov = THREE.MathUtils.radToDeg(2 * Math.atan(LOUPE_FIELD_MM / 2 / LOUPE_DISTANCE_MM));
    return new THREE.PerspectiveCamera(fov, 1, 1, 1000);
  }, []);

  const hud = useMemo(() => {
    const scene = new THREE.Scene();
    const camera = new THREE.OrthographicCamera(0, 1, 1, 0, -1, 1);
    const disc = new THREE.Mesh(new THREE.CircleGeometry(LOUPE_SIZE_PX / 2, 96), // The target holds linear light: tone-map it here exactly as the main view is.
      new THREE.MeshBasicMaterial({ map: target.texture }));
    const ring = new THREE.Mesh(
      new THREE.RingGeometry(LOUPE_SIZE_PX / 2, LOUPE_SIZE_PX / 2 + 5, 96),
      new THREE.MeshBasicMaterial({ color: '#1f2a33', toneMapped: false }),
    );
    scene.add(disc, ring);
    return { scene, camera, disc, ring };
  }, [target]);

  useEffect(() => () => {
    hud.disc.geometry.dispose();
    hud.ring.geometry.dispose();
    (hud.disc.material as THREE.Material).dispose();
    (hud.ring.material as THREE.Material).dispose();
  }, [hud]);

  // The loupe tool (src/scene/tools/loupe.ts) moves the loupe with the pointer while it is the active tool.
  useTool('loupe', useMemo(() => loupeTool(sim.viewStore), [sim]));
  useEffect(() => sim.viewStore.subscribe((s, prev) => s.loupe !== prev.loupe && invalidate()), [sim, invalidate]);

  useFrame(({ scene, camera }) => {
    const { loupe, shownPhoto } = sim.viewStore.getState();
    const head = sim.headStore.getState().head;
    // Over a shown photo the loupe would draw the hidden 3D head (setShownPhoto puts it down; this frame may come first).
    if (!loupe.enabled || !loupe.pointer || !head || shownPhoto !== null) return;
    // Every frame, not only when the pointer moves: the camera may be flying to a view under a still pointer.
    const hit = surfaceHitAt(camera, size, loupe.pointer.x, loupe.pointer.y, head.skin);
    if (!hit) {
      if (loupe.overHead) sim.viewStore.getState().setLoupe({ overHead: false });
      return;
    }
    if (!loupe.overHead) sim.viewStore.getState().setLoupe({ overHead: true });
    const point = new THREE.Vector3(...hit.point);
    loupeCamera.position.copy(point).addScaledVector(new THREE.Vector3(...hit.normal), LOUPE_DISTANCE_MM);
    // Keep the loupe upright the way the main view is, so it reads as a magnified part of it.
    loupeCamera.up.copy(camera.up).applyQuaternion(camera.quaternion);
    loupeCamera.lookAt(point);
    loupeCamera.updateMatrixWorld();

    gl.setRenderTarget(target);
    gl.clear();
    gl.render(scene, loupeCamera);
    gl.setRenderTarget(null);

    const center = loupeCenter(loupe.pointer);
    hud.camera.right = size.width;
    hud.camera.top = size.height;
    hud.camera.updateProjectionMatrix();
    hud.disc.position.set(center.x, size.height - center.y, 0);
    hud.ring.position.copy(hud.disc.position);
    const autoClear = gl.autoClear;
    gl.autoClear = false;
    gl.render(hud.scene, hud.camera);
    gl.autoClear = autoClear;
  }, 2); // after SceneRenderer (priority 1) has drawn the main view

  return null;
}
