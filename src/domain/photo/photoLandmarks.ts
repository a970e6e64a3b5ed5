/**
 * Points found or tapped on a client's photo, named in the user's words. A photo's landmark is a 2D point in
 * the stored photo's pixels (orientation already applied): x to the right, y down, origin at the top-left
 * corner. "Left" and "right" are the client's own sides, as for the head's 3D landmarks.
 *
 * The face points come from a landmark model (or the practitioner's taps); the crown view shows no face, so
 * its pose comes from the tapped tragi, hairline marks and vertex.
 */
export const PHOTO_LANDMARK_NAMES = [
  'rightIrisCenter',
  'leftIrisCenter',
  'rightLateralCanthus',
  'leftLateralCanthus',
  'rightMedialCanthus',
  'leftMedialCanthus',
  'nasion',
  'pronasale',
  'subnasale',
  'stomion',
  'menton',
  'rightTragus',
  'leftTragus',
  'midFrontal',
  'rightFrontotemporal',
  'leftFrontotemporal',
  'vertex',
] as const;

export type PhotoLandmarkName = (typeof PHOTO_LANDMARK_NAMES)[number];

export type ImagePoint = [number, number];

/** The landmarks known on one photo: a face view has most of the face points, a crown view a few taps. */
export type PhotoLandmarks = Partial<Record<PhotoLandmarkName, ImagePoint>>;

/** The horizontal visible iris diameter, nearly the same in every adult (11.7 ± 0.5 mm): a photo's ruler. */
export const IRIS_DIAMETER_MM = 11.7;

export function isPhotoLandmarkName(name: string): name is PhotoLandmarkName {
  return (PHOTO_LANDMARK_NAMES as readonly string[]).includes(name);
}
