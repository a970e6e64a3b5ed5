import { useFrame, useThree } from '@react-three/fiber';
import { lazy, Suspense, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { useStore } from 'zustand';
import { usePlan, useSimulator, useView } from '../app/simulator';
import type { Vec3 } from '../domain/head/landmarks';
import { useTool } from './InputRouter';
import { hairlineTool, type HandleOnScreen } from './tools/hairline';

// The line is drawn only while the hairline is edited: its code (three's wide lines and their shaders) is read then.
const Line = lazy(() => import('@react-three/drei/core/Line').then((m) => ({ default: m.Line })));

/** Handles keep a constant size on screen (CSS px): easy to see; the tool grabs them from further away. */
const HANDLE_RADIUS_PX = 7;

/**
 * The hairline on the head while it is being edited: the line itself and a handle on each control point.
 * What the pointer does with them is the hairline tool's (src/scene/tools/hairline.ts).
 */
export function HairlineEditor() {
  const sim = useSimulator();
  const editing = useView((v) => v.editingHairline);
  const selected = useView((v) => v.selectedHairlinePoint);
  const head = useStore(sim.headStore, (s) => s.head);
  const hairline = usePlan((p) => p.hairline);
  const headShape = usePlan((p) => p.headShape);
  const get = useThree((s) => s.get);
  const handles = useRef<THREE.Group>(null);

  // Size each handle for its distance from the camera: one unit of handle geometry is one CSS pixel.
  useFrame(({ camera: cam, size }) => {
    const group = handles.current;
    if (!group || !(cam instanceof THREE.PerspectiveCamera)) return;
    const mmPerPxAtUnit = (2 * Math.tan(THREE.MathUtils.degToRad(cam.fov) / 2)) / size.height;
    for (const handle of group.children) handle.scale.setScalar(cam.position.distanceTo(handle.position) * mmPerPxAtUnit);
  });

  const shown = useMemo(() => {
    if (!head) return null;
    // Recomputed when the plan's hairline changes (the `hairline` dependency); the store holds that plan.
    const { hairline: line, curve } = head.treatment.current(sim.planStore.getState().plan);
    // The plan's line where the (reshaped) head shows it, lifted a little off the skin so it never sinks into it.
    const c = head.center;
    const shown = (p: Vec3): Vec3 => head.shaping?.toScene(p, headShape) ?? p;
    const lifted = curve.map((p) => new THREE.Vector3(...shown(p)).sub(c).multiplyScalar(1.004).add(c));
    return { points: line.points.map(shown), curve: [...lifted, lifted[0]!] };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `hairline` and the head's shape are the triggers (see above)
  }, [head, hairline, headShape, sim]);

  const tool = useMemo(() => {
    if (!editing || !head) return null;
    // The handles where the view shows them now; one behind the camera can never be grabbed.
    const onScreen = (): HandleOnScreen[] => {
      const { camera, size } = get();
      return head.treatment.current(sim.planStore.getState().plan).hairline.points.map((p) => {
        const at = new THREE.Vector3(...(head.shaping?.toScene(p, sim.planStore.getState().plan.headShape) ?? p));
        const v = at.clone().project(camera);
        return v.z > 1 ? { x: Number.NaN, y: Number.NaN, depth: Infinity } : { x: ((v.x + 1) / 2) * size.width, y: ((1 - v.y) / 2) * size.height, depth: camera.position.distanceTo(at) };
      });
    };
    return hairlineTool({ host: sim, handles: onScreen });
  }, [editing, head, sim, get]);
  useTool('hairline', tool);

  if (!editing || !head || !shown) return null;

  return (
    <group>
      <Suspense fallback={null}>
        <Line points={shown.curve} color="#0b7fa6" lineWidth={2.5} depthTest />
      </Suspense>
      <group ref={handles}>
        {shown.points.map((p, i) => (
          <mesh key={i} position={p}>
            <sphereGeometry args={[i === selected ? HANDLE_RADIUS_PX * 1.35 : HANDLE_RADIUS_PX, 16, 12]} />
            <meshBasicMaterial color={i === selected ? '#f0a202' : i === 0 ? '#d1495b' : '#ffffff'} toneMapped={false} />
          </mesh>
        ))}
      </group>
    </group>
  );
}
