/**
 * The landmarks the practitioner places by hand on each view: the points a view shows, in the order they are
 * offered. The crown and the back show no face, so their pose rests on the few points that can be tapped there.
 */
import type { PhotoView } from '../photos.ts';
import type { PhotoLandmarkName, PhotoLandmarks } from './photoLandmarks.ts';

const HAIRLINE: readonly PhotoLandmarkName[] = ['midFrontal', 'rightFrontotemporal', 'leftFrontotemporal'];

/** The points each view offers to place (a side view shows its own side's eye and ear; `left` is the client's left). */
export const VIEW_LANDMARKS: Record<PhotoView, readonly PhotoLandmarkName[]> = {
  front: [
    'rightIrisCenter',
    'leftIrisCenter',
    'rightLateralCanthus',
    'rightMedialCanthus',
    'leftMedialCanthus',
    'leftLateralCanthus',
    'nasion',
    'pronasale',
    'subnasale',
    'stomion',
    'menton',
    ...HAIRLINE,
  ],
  left: ['leftIrisCenter', 'leftLateralCanthus', 'nasion', 'pronasale', 'subnasale', 'stomion', 'menton', 'leftTragus', 'midFrontal', 'leftFrontotemporal', 'vertex'],
  right: ['rightIrisCenter', 'rightLateralCanthus', 'nasion', 'pronasale', 'subnasale', 'stomion', 'menton', 'rightTragus', 'midFrontal', 'rightFrontotemporal', 'vertex'],
  back: ['rightTragus', 'leftTragus', 'vertex'],
  top: ['rightTragus', 'leftTragus', ...HAIRLINE, 'vertex'],
};

/** The next point of the view to place after `after` (or the first): the next one not yet placed, null when all are. */
export function nextLandmarkToPlace(view: PhotoView, landmarks: PhotoLandmarks, after: PhotoLandmarkName | null): PhotoLandmarkName | null {
  const names = VIEW_LANDMARKS[view];
  const start = after === null ? 0 : names.indexOf(after) + 1;
  for (let k = 0; k < names.length; k++) {
    const name = names[(start + k) % names.length]!;
    if (!landmarks[name]) return name;
  }
  return null;
}
