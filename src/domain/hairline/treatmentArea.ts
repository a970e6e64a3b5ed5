/**
 * The treatment area on a head: everything inside the hairline loop. The scene draws dots where the
 * per-vertex signed distance to the hairline is positive (and ramps density over the transition zone).
 */
import { createSurfaceProjector } from '../geometry/closestPoint';
import type { Landmarks } from '../head/landmarks';
import { defaultHairline, hairlineCenter, hairlineCurve, type Hairline } from './hairline';
import { signedDistanceToHairline } from './scalpDistance';

export interface TreatmentField {
  hairline: Hairline;
  /** The hairline sampled densely on the surface (mm, head frame). */
  curve: ReturnType<typeof hairlineCurve>;
  /** Per vertex: distance to the hairline in mm, positive inside the treatment area. */
  distances: Float32Array;
}

export function defaultTreatmentField(positions: Float32Array, indices: Uint32Array, landmarks: Landmarks): TreatmentField {
  const project = createSurfaceProjector(positions, indices);
  const hairline = defaultHairline(landmarks, project);
  const curve = hairlineCurve(hairline, project);
  return { hairline, curve, distances: signedDistanceToHairline(positions, curve, hairlineCenter(landmarks)) };
}
