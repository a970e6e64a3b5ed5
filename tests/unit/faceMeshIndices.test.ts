import { describe, expect, it } from 'vitest';
import {
  FACE_MESH_INDICES,
  FACE_MESH_POINTS,
  FACE_MESH_POINTS_WITH_IRIS,
  IRIS_HORIZONTAL,
  irisDiameterFromMesh,
  landmarksFromMesh,
} from '../../src/domain/photo/faceMeshIndices';
import { isPhotoLandmarkName, type ImagePoint } from '../../src/domain/photo/photoLandmarks';

/** A mesh whose point i sits at (i, 2i), so a landmark shows which points it was taken from. */
const numberedMesh = (count: number): ImagePoint[] => Array.from({ length: count }, (_, i) => [i, 2 * i]);

/** A mesh with the refined irises drawn as circles of the given diameters (px) around two centres. */
function meshWithIrises(rightDiameter: number, leftDiameter: number): ImagePoint[] {
  const mesh = numberedMesh(FACE_MESH_POINTS_WITH_IRIS);
  const iris = (centre: number, [cx, cy]: ImagePoint, d: number) => {
    mesh[centre] = [cx, cy];
    // Contour order as in MediaPipe's iris model: the horizontal ends at +1 and +3, top and bottom at +2 and +4.
    mesh[centre + 1] = [cx + d / 2, cy];
    mesh[centre + 2] = [cx, cy - d / 2];
    mesh[centre + 3] = [cx - d / 2, cy];
    mesh[centre + 4] = [cx, cy + d / 2];
  };
  iris(468, [400, 500], rightDiameter);
  iris(473, [600, 500], leftDiameter);
  return mesh;
}

describe('face mesh indices', () => {
  it('names only our landmarks, with mesh points that exist', () => {
    for (const [name, indices] of Object.entries(FACE_MESH_INDICES)) {
      expect(isPhotoLandmarkName(name), name).toBe(true);
      expect(indices!.length).toBeGreaterThan(0);
      for (const i of indices!) {
        expect(Number.isInteger(i)).toBe(true);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(i).toBeLessThan(i >= FACE_MESH_POINTS ? FACE_MESH_POINTS_WITH_IRIS : FACE_MESH_POINTS);
      }
    }
    // Only the iris centres need the refined points; the mesh has no ear or hairline: those are tapped.
    const refined = Object.entries(FACE_MESH_INDICES).filter(([, indices]) => indices!.some((i) => i >= FACE_MESH_POINTS));
    expect(refined.map(([name]) => name).sort()).toEqual(['leftIrisCenter', 'rightIrisCenter']);
    for (const tapped of ['rightTragus', 'leftTragus', 'midFrontal', 'rightFrontotemporal', 'leftFrontotemporal', 'vertex']) {
      expect(FACE_MESH_INDICES).not.toHaveProperty(tapped);
    }
  });

  it('takes each landmark from its mesh points, a pair by their midpoint', () => {
    const landmarks = landmarksFromMesh(numberedMesh(FACE_MESH_POINTS_WITH_IRIS));
    expect(landmarks.rightLateralCanthus).toEqual([33, 66]);
    expect(landmarks.leftLateralCanthus).toEqual([263, 526]);
    expect(landmarks.rightMedialCanthus).toEqual([133, 266]);
    expect(landmarks.leftMedialCanthus).toEqual([362, 724]);
    expect(landmarks.nasion).toEqual([168, 336]);
    expect(landmarks.pronasale).toEqual([1, 2]);
    expect(landmarks.subnasale).toEqual([2, 4]);
    expect(landmarks.stomion).toEqual([13.5, 27]);
    expect(landmarks.menton).toEqual([152, 304]);
    expect(landmarks.rightIrisCenter).toEqual([468, 936]);
    expect(landmarks.leftIrisCenter).toEqual([473, 946]);
  });

  it('leaves out the iris centres of a mesh without the refined points', () => {
    const landmarks = landmarksFromMesh(numberedMesh(FACE_MESH_POINTS));
    expect(landmarks.rightIrisCenter).toBeUndefined();
    expect(landmarks.leftIrisCenter).toBeUndefined();
    expect(landmarks.nasion).toEqual([168, 336]);
    expect(irisDiameterFromMesh(numberedMesh(FACE_MESH_POINTS))).toBeNull();
  });

  it('measures the iris across, not up and down', () => {
    expect(IRIS_HORIZONTAL).toEqual({ right: [469, 471], left: [474, 476] });
    const mesh = meshWithIrises(40, 40);
    // An eyelid-squashed vertical extent must not matter.
    mesh[470] = [400, 490];
    mesh[472] = [400, 505];
    expect(irisDiameterFromMesh(mesh)).toBeCloseTo(40, 9);
  });

  it('averages two eyes that agree, and trusts the eye facing the camera when the head is turned', () => {
    expect(irisDiameterFromMesh(meshWithIrises(40, 42))).toBeCloseTo(41, 9);
    // Turned about 40°: the far iris is foreshortened to cos 40° of its width.
    expect(irisDiameterFromMesh(meshWithIrises(40 * Math.cos((40 * Math.PI) / 180), 41))).toBeCloseTo(41, 9);
    expect(irisDiameterFromMesh(meshWithIrises(0, 0))).toBeNull();
  });

  it('keeps a rolled iris diameter (a tilted head)', () => {
    const mesh = meshWithIrises(40, 40);
    const roll = (20 * Math.PI) / 180;
    for (const [a, b] of [IRIS_HORIZONTAL.right, IRIS_HORIZONTAL.left]) {
      const [cx, cy] = mesh[a === 469 ? 468 : 473]!;
      mesh[a] = [cx + 20 * Math.cos(roll), cy + 20 * Math.sin(roll)];
      mesh[b] = [cx - 20 * Math.cos(roll), cy - 20 * Math.sin(roll)];
    }
    expect(irisDiameterFromMesh(mesh)).toBeCloseTo(40, 9);
  });
});
