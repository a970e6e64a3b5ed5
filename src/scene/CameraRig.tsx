import { OrbitControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef, type ComponentRef } from 'react';
import * as THREE from 'three';
import { useSimulator, useView } from '../app/simulator';
import { VIEW_PRESETS } from '../domain/views';
import type { ViewRequest } from '../state/viewStore';
import type { LoadedHead } from './loadedHead';
import { firstHitAlong } from './raycast';
import { TURNS_HEAD } from './tools/tool';

const ANIMATION_MS = 650;
/** Farthest the camera may go (mm): far enough for the "seen from 2 m" check, not so far the head is lost. */
const MAX_DISTANCE_MM = 3000;
/** How far the orbit target may be panned away from the head's centre (mm). */
const PAN_LIMIT_MM = 140;

interface CameraGoal {
  target: THREE.Vector3;
  position: THREE.Vector3;
  /** Closest the user may zoom to the target from here. */
  minDistance: number;
}

/** Where a line from `from` along `dir` first meets the skin; `fallback` where it misses. */
function skinHit(head: LoadedHead, from: THREE.Vector3, dir: THREE.Vector3, fallback: THREE.Vector3): THREE.Vector3 {
  return firstHitAlong(from, dir, head.skin) ?? fallback;
}

/**
 * The middle of the frontal hairline, estimated from the face's thirds (the hairline sits about half the
 * glabella–chin height above the glabella), on the skin: it does not follow the plan, so that a view and its
 * pictures stay put while the hairline is edited.
 */
function frontalHairline(head: LoadedHead): THREE.Vector3 {
  // Where the shown head has them: the default head reshaped by the plan's head shape, or a scan's own.
  const { glabella, menton } = head.shaping?.sceneLandmarks() ?? head.landmarks;
  const height = glabella[1] + (glabella[1] - menton[1]) / 2;
  const from = new THREE.Vector3(0, height, head.center.z + head.radius * 4);
  return skinHit(head, from, new THREE.Vector3(0, 0, -1), new THREE.Vector3(0, height, glabella[2]));
}

/** Where the camera goes for a view request: the whole head framed, the hairline framed, or a distance off the surface. */
export function cameraGoalFor(request: ViewRequest, head: LoadedHead, camera: THREE.PerspectiveCamera): CameraGoal {
  const preset = VIEW_PRESETS[request.name];
  const dir = new THREE.Vector3(...preset.direction);
  const distanceMm = request.distanceMm ?? preset.distanceMm;
  if (preset.aim === 'hairline') {
    const target = frontalHairline(head);
    // Temple to temple (the frontotemporal points) with as much again to spare across the narrower side of the
    // picture: enough to show the brows below, which the hairline's height is judged against.
    const { leftFrontotemporal, rightFrontotemporal } = head.shaping?.sceneLandmarks() ?? head.landmarks;
    const halfWidth = 1.1 * Math.abs(leftFrontotemporal[0] - rightFrontotemporal[0]);
    const vFov = THREE.MathUtils.degToRad(camera.fov);
    const slope = Math.min(Math.tan(vFov / 2), Math.tan(vFov / 2) * camera.aspect);
    const distance = distanceMm ?? halfWidth / slope;
    return { target, position: target.clone().addScaledVector(dir, distance), minDistance: Math.min(distance, 15) };
  }
  if (distanceMm !== undefined) {
    const surface = skinHit(head, head.center.clone().addScaledVector(dir, head.radius * 4), dir.clone().negate(), head.center.clone().addScaledVector(dir, head.radius));
    return {
      target: surface,
      position: surface.clone().addScaledVector(dir, distanceMm),
      minDistance: Math.min(distanceMm, 15),
    };
  }
  const vFov = THREE.MathUtils.degToRad(camera.fov);
  const hFov = 2 * Math.atan(Math.tan(vFov / 2) * camera.aspect);
  const distance = (head.radius / Math.sin(Math.min(vFov, hFov) / 2)) * 1.02;
  return {
    target: head.center.clone(),
    position: head.center.clone().addScaledVector(dir, distance),
    minDistance: head.radius * 1.15,
  };
}

interface Flight {
  from: { target: THREE.Vector3; offset: THREE.Vector3 };
  to: CameraGoal;
  start: number;
  release: () => void;
}

const easeInOut = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2);

export function CameraRig() {
  const sim = useSimulator();
  const camera = useThree((s) => s.camera) as THREE.PerspectiveCamera;
  const invalidate = useThree((s) => s.invalidate);
  const controls = useRef<ComponentRef<typeof OrbitControls>>(null);
  const flight = useRef<Flight | null>(null);
  const center = useRef(new THREE.Vector3());
  // A drag turns the head unless the tool in use has it (the loupe follows it, the brush paints); a press the
  // tool takes (a hairline handle) never reaches the controls (InputRouter).
  const turnsHead = useView((v) => TURNS_HEAD[v.activeTool.name] && v.compare !== 'grid');

  useEffect(() => {
    const apply = () => {
      const head = sim.headStore.getState().head;
      const c = controls.current;
      if (!head || !c) return;
      center.current.copy(head.center);
      const request = sim.viewStore.getState().viewRequest;
      const goal = cameraGoalFor(request, head, camera);
      flight.current?.release();
      flight.current = null;
      if (!request.animate) {
        c.target.copy(goal.target);
        camera.position.copy(goal.position);
        c.minDistance = goal.minDistance;
        c.update();
        invalidate();
        return;
      }
      flight.current = {
        from: { target: c.target.clone(), offset: camera.position.clone().sub(c.target) },
        to: goal,
        start: performance.now(),
        release: sim.signals.hold(),
      };
      invalidate();
    };
    apply();
    const offView = sim.viewStore.subscribe((s, prev) => {
      if (s.viewRequest !== prev.viewRequest) apply();
    });
    const offHead = sim.headStore.subscribe((s, prev) => {
      if (s.head !== prev.head) apply();
    });
    return () => {
      offView();
      offHead();
      flight.current?.release();
    };
  }, [sim, camera, invalidate]);

  useFrame(() => {
    const f = flight.current;
    const c = controls.current;
    if (!f || !c) return;
    const t = Math.min(1, (performance.now() - f.start) / ANIMATION_MS);
    const k = easeInOut(t);
    const toOffset = f.to.position.clone().sub(f.to.target);
    // Swing around the head on a sphere (direction slerp, distance lerp) rather than cutting through it.
    const fromDir = f.from.offset.clone().normalize();
    const toDir = toOffset.clone().normalize();
    const rotation = new THREE.Quaternion().setFromUnitVectors(fromDir, toDir);
    const partial = new THREE.Quaternion().slerp(rotation, k);
    const distance = THREE.MathUtils.lerp(f.from.offset.length(), toOffset.length(), k);
    c.target.lerpVectors(f.from.target, f.to.target, k);
    camera.position.copy(c.target).add(fromDir.applyQuaternion(partial).multiplyScalar(distance));
    c.minDistance = Math.min(f.to.minDistance, distance);
    c.update();
    if (t >= 1) {
      c.minDistance = f.to.minDistance;
      flight.current = null;
      f.release();
    } else {
      invalidate();
    }
  });

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enabled={turnsHead}
      enableDamping={false}
      maxDistance={MAX_DISTANCE_MM}
      minPolarAngle={0}
      maxPolarAngle={Math.PI * 0.82}
      rotateSpeed={0.7}
      zoomSpeed={0.9}
      onChange={() => {
        const c = controls.current;
        if (!c) return;
        // Keep the head in reach: the target may not be panned far from the head.
        const offset = c.target.clone().sub(center.current);
        if (offset.length() > PAN_LIMIT_MM) {
          const shift = offset.setLength(offset.length() - PAN_LIMIT_MM);
          c.target.sub(shift);
          camera.position.sub(shift);
        }
      }}
      onStart={() => {
        flight.current?.release();
        flight.current = null;
      }}
    />
  );
}
