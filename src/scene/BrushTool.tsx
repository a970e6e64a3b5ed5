import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { useStore } from 'zustand';
import { useSimulator, useView } from '../app/simulator';
import type { Vec3 } from '../domain/head/landmarks';
import { beginStroke, extendStroke, pointSpacingMm, strokesFor, type BrushTarget } from '../domain/painting';
import { MAX_PLAN_STROKE_POINTS, strokePointCount } from '../domain/plan';

/** Said when a stroke would take the plan past its brush points (a plan past them is refused). */
const PAINTING_FULL = `This plan holds as much painting as a plan can (${MAX_PLAN_STROKE_POINTS.toLocaleString('en')} brush points over its density, hair and scars). Erase or clear some painting first.`;

const raycaster = new THREE.Raycaster();

const MODE_COLORS = { up: '#2a9d58', down: '#d9822b', erase: '#ffffff' } as const;

const EDIT_LABELS: Record<BrushTarget['map'], string> = { density: 'Paint density', hair: 'Paint hair', scar: 'Paint scar' };

/**
 * The brush on the head: while a map is chosen for painting, a drag over the skin paints a stroke into the
 * plan (one undo step per drag) and a ring at true size shows where and how wide the brush is. The camera
 * holds still meanwhile; the view buttons still turn the head.
 */
export function BrushTool() {
  const sim = useSimulator();
  const target = useView((v) => v.brushTarget);
  const brush = useView((v) => v.brush);
  const head = useStore(sim.headStore, (s) => s.head);
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const ring = useRef<THREE.Mesh>(null);

  const ringGeometry = useMemo(() => new THREE.RingGeometry(0.93, 1, 64), []);
  useEffect(() => () => ringGeometry.dispose(), [ringGeometry]);

  useEffect(() => {
    if (!target || !head) return;
    const canvas = gl.domElement;
    const hitAt = (e: PointerEvent) => {
      const rect = canvas.getBoundingClientRect();
      raycaster.setFromCamera(new THREE.Vector2(((e.clientX - rect.left) / rect.width) * 2 - 1, -((e.clientY - rect.top) / rect.height) * 2 + 1), camera);
      return raycaster.intersectObject(head.skin, false)[0] ?? null;
    };
    const showRing = (hit: THREE.Intersection | null) => {
      const mesh = ring.current;
      if (!mesh) return;
      mesh.visible = hit !== null && hit.face != null;
      if (hit?.face) {
        const normal = hit.face.normal.clone().transformDirection(head.skin.matrixWorld);
        mesh.position.copy(hit.point).addScaledVector(normal, 0.3);
        mesh.quaternion.setFromUnitVectors(new THREE.Vector3(0, 0, 1), normal);
        mesh.scale.setScalar(sim.viewStore.getState().brush.radiusMm);
      }
      invalidate();
    };

    let stroke: { pointerId: number; gesture: string; last: Vec3 } | null = null;
    const label = EDIT_LABELS[target.map];
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0 || stroke) return;
      const hit = hitAt(e);
      showRing(hit);
      if (!hit) return;
      const point: Vec3 = [hit.point.x, hit.point.y, hit.point.z];
      let error: string | null = null;
      const gesture = `brush-${performance.now()}`;
      sim.planStore.getState().edit(
        label,
        (draft) => {
          const strokes = strokesFor(draft, target);
          if (!strokes) error = 'The scar to paint is no longer in the plan.';
          else if (strokePointCount(draft) >= MAX_PLAN_STROKE_POINTS) error = PAINTING_FULL;
          else error = beginStroke(strokes, sim.viewStore.getState().brush, point);
        },
        { gesture },
      );
      if (error) {
        sim.viewStore.getState().showNotice('error', error);
        return;
      }
      stroke = { pointerId: e.pointerId, gesture, last: point };
      canvas.setPointerCapture(e.pointerId);
    };
    const onMove = (e: PointerEvent) => {
      const hit = hitAt(e);
      showRing(hit);
      if (!stroke || e.pointerId !== stroke.pointerId || !hit) return;
      const point: Vec3 = [hit.point.x, hit.point.y, hit.point.z];
      const { last, gesture } = stroke;
      // Only a move past the point spacing changes the stroke: no plan edit for every pixel of motion.
      if (Math.hypot(point[0] - last[0], point[1] - last[1], point[2] - last[2]) < pointSpacingMm(sim.viewStore.getState().brush.radiusMm)) return;
      stroke.last = point;
      let full = false;
      sim.planStore.getState().edit(
        label,
        (draft) => {
          const strokes = strokesFor(draft, target);
          // A full stroke goes on as a new one of two points: leave room for that.
          full = strokePointCount(draft) + 2 > MAX_PLAN_STROKE_POINTS;
          if (strokes && !full) extendStroke(strokes, point);
        },
        { gesture },
      );
      if (full) {
        stroke = null;
        sim.planStore.getState().endGesture();
        sim.viewStore.getState().showNotice('error', PAINTING_FULL);
      }
    };
    const onUp = (e: PointerEvent) => {
      if (!stroke || e.pointerId !== stroke.pointerId) return;
      stroke = null;
      sim.planStore.getState().endGesture();
    };
    const onLeave = () => showRing(null);
    canvas.addEventListener('pointerdown', onDown);
    canvas.addEventListener('pointermove', onMove);
    canvas.addEventListener('pointerup', onUp);
    canvas.addEventListener('pointercancel', onUp);
    canvas.addEventListener('pointerleave', onLeave);
    return () => {
      canvas.removeEventListener('pointerdown', onDown);
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerup', onUp);
      canvas.removeEventListener('pointercancel', onUp);
      canvas.removeEventListener('pointerleave', onLeave);
      if (stroke) sim.planStore.getState().endGesture();
    };
  }, [target, head, gl, camera, sim, invalidate]);

  if (!target || !head) return null;
  return (
    <mesh ref={ring} geometry={ringGeometry} visible={false} renderOrder={10}>
      <meshBasicMaterial color={MODE_COLORS[brush.mode]} toneMapped={false} depthTest={false} transparent opacity={0.9} side={THREE.DoubleSide} />
    </mesh>
  );
}
