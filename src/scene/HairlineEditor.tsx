import { Line } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { useStore } from 'zustand';
import { usePlan, useSimulator, useView } from '../app/simulator';
import { insertPoint, movePoint } from '../domain/hairline/editing';
import type { Vec3 } from '../domain/head/landmarks';
import type { Plan } from '../domain/plan';
import type { LoadedHead } from './loadedHead';

/** Handles keep a constant size on screen (CSS px): easy to see, and a 44 px touch target to grab. */
const HANDLE_RADIUS_PX = 7;
const GRAB_RADIUS_PX = 22;
/** A double-click this close to the line (mm) adds a point to it. */
const INSERT_REACH_MM = 15;
const raycaster = new THREE.Raycaster();

/** The control points to edit: the plan's own, or the preset's the first time the line is touched. */
function editablePoints(plan: Plan, head: LoadedHead): Vec3[] {
  return plan.hairline.points.length >= 3 ? plan.hairline.points : head.treatment.hairlineFor(plan).points;
}

/**
 * The hairline on the head while it is being edited: the line itself and a handle on each control point.
 * Handles are dragged over the skin (the line stays on the surface); a double-click near the line adds a
 * point. A whole drag is one undo step.
 */
export function HairlineEditor() {
  const sim = useSimulator();
  const editing = useView((v) => v.editingHairline);
  const selected = useView((v) => v.selectedHairlinePoint);
  const head = useStore(sim.headStore, (s) => s.head);
  const hairline = usePlan((p) => p.hairline);
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const controls = useThree((s) => s.controls) as unknown as { enabled: boolean } | null;
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
    // Lift the line a little off the skin so it never sinks into it.
    const c = head.center;
    const lifted = curve.map((p) => new THREE.Vector3(...p).sub(c).multiplyScalar(1.004).add(c));
    return { points: line.points, curve: [...lifted, lifted[0]!] };
  }, [head, hairline, sim]);

  // Skin under a screen point, or null.
  const skinAt = useMemo(
    () => (clientX: number, clientY: number): Vec3 | null => {
      if (!head) return null;
      const rect = gl.domElement.getBoundingClientRect();
      const ndc = new THREE.Vector2(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(ndc, camera);
      const hit = raycaster.intersectObject(head.skin, false)[0];
      return hit ? [hit.point.x, hit.point.y, hit.point.z] : null;
    },
    [head, gl, camera],
  );

  useEffect(() => {
    if (!editing || !head) return;
    const canvas = gl.domElement;
    const onDoubleClick = (e: MouseEvent) => {
      const p = skinAt(e.clientX, e.clientY);
      if (!p) return;
      const current = sim.planStore.getState().plan;
      const { curve } = head.treatment.current(current);
      const near = curve.some((q) => Math.hypot(q[0] - p[0], q[1] - p[1], q[2] - p[2]) < INSERT_REACH_MM);
      if (!near) return;
      let inserted = -1;
      sim.planStore.getState().edit('Add hairline point', (draft) => {
        const result = insertPoint(editablePoints(draft, head), p, draft.hairline.mirror);
        draft.hairline.points = result.points;
        inserted = result.index;
      });
      sim.viewStore.getState().selectHairlinePoint(inserted);
    };
    canvas.addEventListener('dblclick', onDoubleClick);
    return () => canvas.removeEventListener('dblclick', onDoubleClick);
  }, [editing, head, gl, skinAt, sim]);

  if (!editing || !head || !shown) return null;

  const startDrag = (index: number, pointerId: number) => {
    const gesture = `hairline-drag-${performance.now()}`;
    sim.viewStore.getState().selectHairlinePoint(index);
    sim.viewStore.getState().setDraggingHandle(true);
    // Stop the orbit controls at once: they saw the same pointer-down before this handle did.
    if (controls) controls.enabled = false;
    const move = (e: PointerEvent) => {
      if (e.pointerId !== pointerId) return;
      const p = skinAt(e.clientX, e.clientY);
      if (!p) return;
      sim.planStore.getState().edit(
        'Move hairline point',
        (draft) => {
          draft.hairline.points = movePoint(editablePoints(draft, head), index, p, draft.hairline.mirror, head.treatment.query.project);
        },
        { gesture },
      );
    };
    const end = (e: PointerEvent) => {
      if (e.pointerId !== pointerId) return;
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', end);
      window.removeEventListener('pointercancel', end);
      sim.planStore.getState().endGesture();
      sim.viewStore.getState().setDraggingHandle(false);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', end);
    window.addEventListener('pointercancel', end);
  };

  return (
    <group>
      <Line points={shown.curve} color="#0b7fa6" lineWidth={2.5} depthTest />
      <group ref={handles}>
        {shown.points.map((p, i) => (
          <group
            key={i}
            position={p}
            onPointerDown={(e) => {
              e.stopPropagation();
              startDrag(i, e.pointerId);
            }}
          >
            <mesh>
              <sphereGeometry args={[i === selected ? HANDLE_RADIUS_PX * 1.35 : HANDLE_RADIUS_PX, 16, 12]} />
              <meshBasicMaterial color={i === selected ? '#f0a202' : i === 0 ? '#d1495b' : '#ffffff'} toneMapped={false} />
            </mesh>
            {/* An invisible, larger sphere: the part a finger grabs. */}
            <mesh>
              <sphereGeometry args={[GRAB_RADIUS_PX, 8, 6]} />
              <meshBasicMaterial transparent opacity={0} depthWrite={false} />
            </mesh>
          </group>
        ))}
      </group>
    </group>
  );
}
