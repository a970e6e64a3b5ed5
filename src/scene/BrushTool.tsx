import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { useStore } from 'zustand';
import { useSimulator, useView } from '../app/simulator';
import { useTool } from './InputRouter';
import { brushTool } from './tools/brush';
import type { SurfaceHit } from './tools/tool';

const MODE_COLORS = { up: '#2a9d58', down: '#d9822b', erase: '#ffffff' } as const;
/** The ring floats this far off the skin (mm), so it never sinks into it. */
const RING_LIFT_MM = 0.3;

/**
 * The brush on the head: while a map is chosen for painting, a ring at true size shows where and how wide
 * the brush is. What a drag does is the brush tool's (src/scene/tools/brush.ts): it paints a stroke, one
 * undo step a drag. The camera holds still meanwhile; the view buttons still turn the head.
 */
export function BrushTool() {
  const sim = useSimulator();
  const target = useView((v) => v.brushTarget);
  const brush = useView((v) => v.brush);
  const head = useStore(sim.headStore, (s) => s.head);
  const invalidate = useThree((s) => s.invalidate);
  const ring = useRef<THREE.Mesh>(null);

  const ringGeometry = useMemo(() => new THREE.RingGeometry(0.93, 1, 64), []);
  useEffect(() => () => ringGeometry.dispose(), [ringGeometry]);

  const tool = useMemo(() => {
    if (!target || !head) return null;
    const showRing = (hit: SurfaceHit | null) => {
      const mesh = ring.current;
      if (!mesh) return;
      mesh.visible = hit !== null;
      if (hit) {
        // The hit is in the plan's frame: the ring goes where the (reshaped) head shows it.
        const shown = head.shaping?.hitToScene(hit) ?? hit;
        const normal = new THREE.Vector3(...shown.normal);
        mesh.position.set(...shown.point).addScaledVector(normal, RING_LIFT_MM);
        mesh.quaternion.setFromUnitVectors(new THREE.Vector3(0, 0, 1), normal);
        mesh.scale.setScalar(sim.viewStore.getState().brush.radiusMm * (head.shaping?.scaleAt(hit.point) ?? 1));
      }
      invalidate();
    };
    return brushTool({ host: sim, target, showRing });
  }, [target, head, sim, invalidate]);
  useTool('brush', tool);

  if (!target || !head) return null;
  return (
    <mesh ref={ring} geometry={ringGeometry} visible={false} renderOrder={10}>
      <meshBasicMaterial color={MODE_COLORS[brush.mode]} toneMapped={false} depthTest={false} transparent opacity={0.9} side={THREE.DoubleSide} />
    </mesh>
  );
}
