import { useFrame, useThree } from '@react-three/fiber';
import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { useStore } from 'zustand';
import { useHeadImport } from '../app/headImport';
import { useSimulator } from '../app/simulator';
import { LANDMARK_NAMES, type LandmarkName, type Vec3 } from '../domain/head/landmarks';
import { KEY_LANDMARKS, type ScanHead } from '../domain/scan/scanHead';
import { useTool } from './InputRouter';
import { scanGeometry, scanTexture } from './loadedHead';
import { landmarkTool } from './tools/landmarks';

// Labels are drawn only while a scan is being checked: drei's Html is read then.
const Html = lazy(() => import('@react-three/drei/web/Html').then((m) => ({ default: m.Html })));

const MARKER_RADIUS_MM = 2.5;
const FAR_SIDE_OPACITY = 0.3;

/** Short marks next to the landmark dots; the panel names them in full. */
const SHORT_NAMES: Record<LandmarkName, string> = {
  glabella: 'G',
  nasion: 'N',
  vertex: 'V',
  inion: 'I',
  menton: 'M',
  leftTragus: 'L',
  rightTragus: 'R',
  leftLateralCanthus: 'Lc',
  rightLateralCanthus: 'Rc',
  leftFrontotemporal: 'Lt',
  rightFrontotemporal: 'Rt',
};

function previewMesh(scan: ScanHead, texture: Promise<THREE.Texture | null>, onTexture: () => void): { mesh: THREE.Mesh; dispose: () => void } {
  const geometry = scanGeometry(scan);
  const own = scan.colors !== undefined || scan.texture !== undefined;
  const material = new THREE.MeshStandardMaterial({ color: own ? 0xffffff : 0xd9b8a2, roughness: 0.7, vertexColors: scan.colors !== undefined, side: THREE.DoubleSide });
  const mesh = new THREE.Mesh(geometry, material);
  let disposed = false;
  // The texture comes a moment later (it is decoded off the page's thread), and the next frame shows it.
  void texture.then((map) => {
    if (!map || disposed) return;
    material.map = map;
    material.needsUpdate = true;
    onTexture();
  });
  return {
    mesh,
    dispose: () => {
      disposed = true;
      geometry.dispose();
      material.dispose();
    },
  };
}

/**
 * While a scan is being imported: the scan as it will be aligned, in place of the head, with its landmarks.
 * While a landmark is being picked, landmark picking is the pointer tool (src/scene/tools/landmarks.ts): a
 * click on the scan places it. The scan turns and scales as landmarks move.
 */
export function ScanPreview() {
  const sim = useSimulator();
  const headImport = useHeadImport();
  const aligned = useStore(headImport.state, (s) => (s.phase === 'aligning' || s.phase === 'notHead' ? s.aligned : null));
  const picking = useStore(headImport.state, (s) => s.picking);
  const head = useStore(sim.headStore, (s) => s.head);
  const gl = useThree((s) => s.gl);
  // One texture per scan, shared by the previews as the landmarks move (each alignment brings new arrays).
  const latest = useRef(aligned);
  latest.current = aligned;
  const scanId = aligned?.head.id;
  const texture = useMemo(() => (scanId && latest.current ? scanTexture(latest.current.head) : Promise.resolve(null)), [scanId]);
  useEffect(() => () => void texture.then((map) => map?.dispose()), [texture]);
  const preview = useMemo(() => (aligned ? previewMesh(aligned.head, texture, () => sim.signals.markDirty()) : null), [aligned, texture, sim]);

  useEffect(() => () => preview?.dispose(), [preview]);

  // The head on screen steps aside while the scan is checked; it comes back unchanged on cancel.
  useEffect(() => {
    if (!head || !preview) return;
    head.root.visible = false;
    sim.signals.markDirty();
    return () => {
      head.root.visible = true;
      sim.signals.markDirty();
    };
  }, [head, preview, sim]);

  const pickingOn = preview !== null && picking !== null;
  useTool('landmarks', useMemo(() => landmarkTool((point) => void headImport.placeAt(point)), [headImport]), preview?.mesh ?? null);
  useEffect(() => {
    if (!pickingOn) return;
    const canvas = gl.domElement;
    sim.viewStore.getState().setTool({ name: 'landmarks' });
    canvas.style.cursor = 'crosshair';
    return () => {
      const view = sim.viewStore.getState();
      if (view.activeTool.name === 'landmarks') view.setTool({ name: 'orbit' });
      canvas.style.cursor = '';
    };
  }, [pickingOn, gl, sim]);

  useEffect(() => sim.signals.markDirty(), [aligned, picking, sim]);

  if (!aligned || !preview) return null;
  const { vertex, menton, glabella, inion } = aligned.head.landmarks;
  const center = new THREE.Vector3(0, (vertex[1] + menton[1]) / 2, (glabella[2] + inion[2]) / 2);
  return (
    <group>
      <primitive object={preview.mesh} />
      {LANDMARK_NAMES.map((name) => (
        <Marker key={name} name={name} position={aligned.head.landmarks[name]} center={center} active={name === picking} />
      ))}
    </group>
  );
}

/**
 * One landmark: a dot drawn over the scan (so one on the far side can still be seen and picked in the
 * list) and its short name. On the far side of the head, seen from the camera, both are faint, so they do
 * not read as points on the near side.
 */
function Marker({ name, position, center, active }: { name: LandmarkName; position: Vec3; center: THREE.Vector3; active: boolean }) {
  const material = useRef<THREE.MeshBasicMaterial>(null);
  const label = useRef<HTMLDivElement>(null);
  const point = useMemo(() => new THREE.Vector3(...position), [position]);
  useFrame(({ camera }) => {
    const outward = point.clone().sub(center);
    const near = outward.dot(camera.position.clone().sub(point)) > 0;
    if (material.current) material.current.opacity = near || active ? 1 : FAR_SIDE_OPACITY;
    label.current?.classList.toggle('far-side', !near && !active);
  });
  const key = (KEY_LANDMARKS as readonly string[]).includes(name);
  return (
    <group position={position}>
      <mesh>
        <sphereGeometry args={[active ? MARKER_RADIUS_MM * 1.6 : MARKER_RADIUS_MM, 16, 12]} />
        <meshBasicMaterial ref={material} color={active ? '#ffb000' : key ? '#0a6cff' : '#7a4fd0'} depthTest={false} transparent />
      </mesh>
      <Suspense fallback={null}>
        <Html ref={label} className={`landmark-label${active ? ' active' : ''}`} center zIndexRange={[5, 0]}>
          <span>{SHORT_NAMES[name]}</span>
        </Html>
      </Suspense>
    </group>
  );
}
