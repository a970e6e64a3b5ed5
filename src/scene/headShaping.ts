/**
 * The default head on screen under the plan's head shape (src/domain/head/shapedHead.ts): every mesh of the
 * head (skin, eyes, and whatever else the model holds) is warped on the CPU when the shape changes, positions
 * and normals, so the picture, three's raycasts and the skin's bounds all agree, and a slider drag shows in
 * the next frame with no shader recompiled. The plan's points stay in the default head's frame: a hit on the
 * shown head goes back to it through `hitToPlan`, and plan points come to the screen through `toScene`.
 */
import * as THREE from 'three';
import { DEFAULT_HEAD_SHAPE, warpJacobian, warpNamedPoints, warpPoint, type HeadShape } from '../domain/head/headShape';
import { isDefaultShape, MeshWarp, unwarpNormal, unwarpPoint, warpNormal } from '../domain/head/shapedHead';
import type { Landmarks, Vec3 } from '../domain/head/landmarks';
import { sameData } from '../domain/plainData';
import type { SurfaceHit } from './tools/tool';

interface RestMesh {
  geometry: THREE.BufferGeometry;
  positions: Float32Array;
  normals: Float32Array | null;
  /** Made at the first shape other than the default head's (most plans never need one). */
  warp?: MeshWarp;
}

/** A mesh's positions as the default head has them, whatever shape it shows now. */
export function restPositionsOf(geometry: THREE.BufferGeometry): THREE.TypedArray {
  return (geometry.userData.shapeRest as RestMesh | undefined)?.positions ?? geometry.getAttribute('position').array;
}

function resetToRest({ geometry, positions, normals }: RestMesh): void {
  const position = geometry.getAttribute('position') as THREE.BufferAttribute;
  (position.array as Float32Array).set(positions);
  position.needsUpdate = true;
  if (normals) {
    const normal = geometry.getAttribute('normal') as THREE.BufferAttribute;
    (normal.array as Float32Array).set(normals);
    normal.needsUpdate = true;
  }
  refreshBounds(geometry);
}

/** The bounds three culls, raycasts (a ray missing the box is dropped) and frames (Box3.setFromObject) with. */
function refreshBounds(geometry: THREE.BufferGeometry): void {
  geometry.computeBoundingSphere();
  geometry.computeBoundingBox();
}

export class HeadShaping {
  /** The shape the meshes show now. */
  shape: HeadShape = { ...DEFAULT_HEAD_SHAPE };
  /** Bumped at each new shape, for whatever follows the shown head (the box the whole-head pictures frame). */
  version = 0;
  private readonly meshes: RestMesh[] = [];

  /**
   * Takes over the meshes under `root`: each keeps a copy of its positions and normals as the default head's,
   * and shows warped ones in new arrays (the skin's own array stays the treatment area's, in the plan frame).
   */
  constructor(
    root: THREE.Object3D,
    readonly landmarks: Landmarks,
  ) {
    root.traverse((object) => {
      if (!(object instanceof THREE.Mesh)) return;
      const geometry = object.geometry as THREE.BufferGeometry;
      const taken = geometry.userData.shapeRest as RestMesh | undefined;
      if (taken) {
        // The model was shown before (the default head again after a scan): it starts from its own shape.
        this.meshes.push(taken);
        resetToRest(taken);
        return;
      }
      const position = geometry.getAttribute('position');
      if (!(position instanceof THREE.BufferAttribute) || !(position.array instanceof Float32Array)) return;
      const normal = geometry.getAttribute('normal');
      const normals = normal instanceof THREE.BufferAttribute && normal.array instanceof Float32Array ? normal.array : null;
      const rest: RestMesh = { geometry, positions: position.array, normals };
      geometry.userData.shapeRest = rest;
      this.meshes.push(rest);
      geometry.setAttribute('position', new THREE.BufferAttribute(position.array.slice(), 3));
      if (normals) geometry.setAttribute('normal', new THREE.BufferAttribute(normals.slice(), 3));
    });
  }

  /** Shows the head in `shape`; false (and nothing done) when it shows that shape already. */
  apply(shape: HeadShape): boolean {
    if (sameData(shape, this.shape)) return false;
    this.shape = { ...shape };
    this.version++;
    for (const mesh of this.meshes) {
      if (isDefaultShape(shape)) {
        resetToRest(mesh);
        continue;
      }
      const { geometry, normals } = mesh;
      mesh.warp ??= new MeshWarp(mesh.positions);
      const position = geometry.getAttribute('position') as THREE.BufferAttribute;
      const normal = normals ? (geometry.getAttribute('normal') as THREE.BufferAttribute) : null;
      mesh.warp.warp(shape, position.array as Float32Array, normals ?? undefined, normal ? (normal.array as Float32Array) : undefined);
      position.needsUpdate = true;
      if (normal) normal.needsUpdate = true;
      refreshBounds(geometry);
    }
    return true;
  }

  /**
   * Runs `draw` with the head in `shape`, then shows the shape it showed before, so that an offscreen picture
   * (the report's, an export's) never leaves the next frame another shape. `reshaped` follows each change of
   * shape (the scalp's whorl, which follows the shown head).
   */
  whileShowing<T>(shape: HeadShape, draw: () => T, reshaped: () => void): T {
    const before = this.shape;
    if (!this.apply(shape)) return draw();
    try {
      reshaped();
      return draw();
    } finally {
      this.apply(before);
      reshaped();
    }
  }

  /**
   * A point of the plan (the default head's frame) where the head in `shape` has it: by default the shape
   * shown now; the plan's own shape for what is drawn from the plan in a render before the next frame takes it.
   */
  toScene(point: Vec3, shape: HeadShape = this.shape): Vec3 {
    return warpPoint(shape, point);
  }

  /** The landmarks where the shown head has them (for framing the camera). */
  sceneLandmarks(): Landmarks {
    return warpNamedPoints(this.shape, this.landmarks);
  }

  /** A hit on the shown head as the plan records it: point and normal on the default head. */
  hitToPlan(hit: SurfaceHit): SurfaceHit {
    const point = unwarpPoint(this.shape, hit.point);
    return { point, normal: unwarpNormal(this.shape, point, hit.normal) };
  }

  /**
   * How much larger the shown head is than the default head around the plan's `point` (the cube root of the
   * warp's volume change): a brush paints its radius on the default head, so its ring is drawn this much larger.
   */
  scaleAt(point: Vec3): number {
    const j = warpJacobian(this.shape, point);
    return Math.cbrt(j[0]! * j[4]! * j[8]!);
  }

  /** A hit in the plan frame where the shown head has it, with the shown head's normal there. */
  hitToScene(hit: SurfaceHit): SurfaceHit {
    return { point: warpPoint(this.shape, hit.point), normal: warpNormal(this.shape, hit.point, hit.normal) };
  }
}
