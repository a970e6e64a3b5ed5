import { add, cross, dot, normalize, scale, sub } from '../geometry/vec3.ts';
import { clampHeadShape, DEFAULT_HEAD_SHAPE, HEAD_SHAPE_PARAMETERS, HEAD_SHAPE_RANGES, warpPoint, type HeadShape } from '../head/headShape.ts';
import { distance, type Vec3 } from '../head/landmarks.ts';
import { applySimilarityToPoint, principalAxes, type Similarity } from '../scan/align.ts';
import { axisAngleRotation, solveLinear } from '../scan/fit.ts';
import { message, TextError } from '../textError.ts';
import { anglesOfRotation, projectToImage, rotationFromAngles, type HeadAngles, type PhotoCamera } from './camera.ts';
import type { HeadPhotoPoints } from './headLandmarks3d.ts';
import { outlineSurfacePoint, predictedHeadOutline, type HeadOutlineSurface } from './headOutline.ts';
import { IRIS_DIAMETER_MM, PHOTO_LANDMARK_NAMES, type ImagePoint, type PhotoLandmarkName, type PhotoLandmarks } from './photoLandmarks.ts';

/**
 * Fitting the true-scale head to a client's photos: the pose (rotation and position relative to each photo's
 * camera), the size and the shape (headShape.ts) that bring the head's photo points (headLandmarks3d.ts) onto
 * the landmarks found or tapped on the photos. A face view gives most face points; a crown view a few taps
 * (tragi, hairline marks, vertex); any mix of at least four points spread over the head will do. Photos of one
 * client share one shape. The result places the default head warped by `shape` in each camera's frame
 * (camera.ts), ready to be drawn through that camera.
 *
 * One picture cannot tell a big head far away from a small one near by, so the size comes from a ruler: the
 * iris (11.7 mm in nearly every adult) or a distance the practitioner measured on the client; without one
 * the head keeps the default size. The shape leans on its anthropometric spread as a prior, so a few points
 * cannot make a wild head: the fit minimises the reprojection error, each point weighed by how precisely it
 * can be placed, plus each parameter's distance from the default in units of its spread among adults.
 * Levenberg–Marquardt from several starts (a weak-perspective solution, its depth-mirrored twin, and upright
 * and crown-view turns) keeps the best.
 *
 * Face landmarks pin the face but barely show the rest of the head: how far back the forehead and the crown
 * go, how high and broad the cranium is. Where a photo comes with points of the head's outline against the
 * background (outlineSearch.ts finds them), each adds its distance across the predicted outline
 * (headOutline.ts) over its placement error; the matches between found and predicted outline points are
 * renewed between rounds of the fit (iterative closest point), each weighed down the farther it lies from
 * the outline (Cauchy's weights), so a tuft of hair, an ear or a hand in front of the background cannot pull the head.
 */

/** A distance the practitioner measured on the client between two of the photo's points, e.g. the outer eye corners. */
export interface TypedMeasurement {
  from: PhotoLandmarkName;
  to: PhotoLandmarkName;
  mm: number;
}

/** One photo as the fit sees it. */
export interface PhotoView {
  landmarks: PhotoLandmarks;
  camera: PhotoCamera;
  /** The iris's visible horizontal diameter in pixels (across the eye, as faceMeshIndices.ts reads it), both eyes averaged where both show. */
  irisDiameterPx?: number;
  /** Points of the upper head's outline against the background, pixels (outlineSearch.ts); needs `outlineSurface`. */
  outline?: ImagePoint[];
}

export interface PhotoFitInput extends PhotoView {
  /** The default head's photo points (`locateHeadPhotoPoints`). */
  head: HeadPhotoPoints;
  /** The default head's cranium (`headOutlineSurface`), for a photo's outline. */
  outlineSurface?: HeadOutlineSurface;
  measurement?: TypedMeasurement;
}

export interface PhotosFitInput {
  /** Photos of one client: they share one head shape, each has its own pose. */
  photos: PhotoView[];
  head: HeadPhotoPoints;
  outlineSurface?: HeadOutlineSurface;
  measurement?: TypedMeasurement;
}

/** Where the head is in one photo. */
export interface PhotoPose extends HeadAngles {
  /** Takes the fitted head (the default head warped by the fit's shape) from the head frame into the camera frame; scale 1. */
  pose: Similarity;
  /** Root-mean-square distance between the photo's landmarks and the fitted head's points, pixels. */
  residualPx: number;
  pointCount: number;
  /** How many of the photo's outline points the fit used (those near enough to the fitted head's outline), and their root-mean-square distance across it, pixels. */
  outlineCount: number;
  outlineResidualPx: number;
}

export interface HeadFit {
  shape: HeadShape;
  /** What set the head's size. */
  sizeFrom: 'measurement' | 'iris' | 'default';
  /** One per photo, in order. */
  photos: PhotoPose[];
}

export type PhotoFit = PhotoPose & Omit<HeadFit, 'photos'>;

/** Fewer points leave the pose to the priors (a pose alone has six unknowns; three points admit several). */
export const MIN_FIT_POINTS = 4;

/**
 * How precisely each point can be placed on a photo (1 SD, mm on the head): face points as a landmark model
 * finds them (about 4 % of the interocular distance, 2–3 mm; MediaPipe's nasion sits on the canthal line, 6.5 mm
 * below the bridge's deepest point, its nose tip up to 12 mm below the head's pronasale and its chin 4 mm off:
 * tests/browser/faceLandmarks.test.ts and photoFitRender.test.ts); the tragi hide under hair and ear; hairline
 * marks vary along a soft, often thinning border; the vertex is only the top of a curve.
 */
const PLACEMENT_MM: Record<PhotoLandmarkName, number> = {
  rightIrisCenter: 1.5,
  leftIrisCenter: 1.5,
  rightLateralCanthus: 2.5,
  leftLateralCanthus: 2.5,
  rightMedialCanthus: 2.5,
  leftMedialCanthus: 2.5,
  nasion: 6.5,
  pronasale: 6,
  subnasale: 2.5,
  stomion: 2.5,
  menton: 4,
  rightTragus: 3,
  leftTragus: 3,
  midFrontal: 3,
  rightFrontotemporal: 3,
  leftFrontotemporal: 3,
  vertex: 5,
};

/** The iris as a ruler, 1 SD relative: 11.71 ± 0.42 mm between adults (Rüfer et al. 2005), and its outline's placement. */
const IRIS_SPREAD = 0.05;
/** A distance measured with a ruler or callipers on the client, 1 SD. */
const MEASUREMENT_SPREAD_MM = 1;
/** A typed measurement this far from the default head's (as a ratio) is a typo or the wrong points. */
const PLAUSIBLE_MEASUREMENT_RATIO: readonly [number, number] = [0.7, 1.4];

/** How precisely the outline can be placed, 1 SD (mm on the head): stubble, blur and a real head's bumps that five numbers do not follow. */
const OUTLINE_MM = 1;
/** Outline points weigh less the farther they are from the predicted outline, by half at this many spreads (Cauchy). */
const OUTLINE_ROBUST_SPREADS = 2;
/** A found outline point is matched only with a predicted one this close (mm across and along the outline): farther, it is something else. */
const OUTLINE_MATCH_ACROSS_MM = 12;
const OUTLINE_MATCH_ALONG_MM = 5;
/** Rounds of matching and fitting the outline, at most; the fit stops sooner once the head moves less than this (mm, in the picture). */
const OUTLINE_ROUNDS = 8;
const OUTLINE_SETTLED_MM = 0.05;

/** Finite-difference steps for the Jacobian: each photo's turn (rad) and shift (mm), then the shape parameters. */
const POSE_STEPS = [1e-6, 1e-6, 1e-6, 1e-4, 1e-4, 1e-4];
const SHAPE_STEPS = [1e-6, 1e-6, 1e-6, 1e-4, 1e-4];
const MAX_ITERATIONS = 60;

/** A head pose in a camera's frame: rigid (scale 1), the size being the shape's. */
type CameraPose = Similarity & { scale: 1 };

interface FitState {
  poses: CameraPose[];
  shape: HeadShape;
}

/** A found outline point matched with a cranium point, and the outline's normal in the picture there, for one round. */
interface OutlineMatch {
  observed: ImagePoint;
  index: number;
  normal: ImagePoint;
  weight: number;
}

interface ViewProblem {
  names: PhotoLandmarkName[];
  observed: ImagePoint[];
  camera: PhotoCamera;
  irisDiameterPx?: number;
  irisNames: PhotoLandmarkName[];
  /** Pixels per millimetre on the head, to turn placement errors into pixels (fixed during a fit, so costs compare). */
  pxPerMm: number;
  outline: ImagePoint[];
  /** This round's matches (none until the landmarks have placed the head). */
  outlineMatches: OutlineMatch[];
}

interface Problem {
  head: HeadPhotoPoints;
  outlineSurface?: HeadOutlineSurface;
  views: ViewProblem[];
  measurement?: TypedMeasurement;
}

/** The head fitted to one photo. */
export function fitHeadToPhoto(input: PhotoFitInput): PhotoFit {
  const { head, measurement, outlineSurface, ...view } = input;
  const { photos, ...fit } = fitHeadToPhotos({ photos: [view], head, ...(measurement && { measurement }), ...(outlineSurface && { outlineSurface }) });
  return { ...photos[0]!, ...fit };
}

/**
 * The head fitted to photos of one client at once: one shape, one pose per photo. Views complete each other:
 * a front photo places the hairline marks across and up the forehead, a side or crown photo how far back.
 * `from`, an earlier fit to the same photos (their outlines since found), starts the fit there instead of
 * from the several starts.
 */
export function fitHeadToPhotos(input: PhotosFitInput, from?: HeadFit): HeadFit {
  if (input.photos.length === 0) {
    throw new TextError(message('photoFit.tooFewPoints', { placed: 0, needed: MIN_FIT_POINTS }), `At least ${MIN_FIT_POINTS} landmarks are needed to fit the head to a photo (placed so far: 0).`);
  }
  if (input.measurement) checkMeasurement(input.measurement, input.head);
  if (from && from.photos.length !== input.photos.length) throw new Error(`An earlier fit of ${from.photos.length} photos cannot start a fit of ${input.photos.length}.`);
  if (!input.outlineSurface && input.photos.some((photo) => photo.outline?.length)) throw new Error("A photo's outline needs the head's outline surface (headOutlineSurface).");
  const problem: Problem = {
    head: input.head,
    views: input.photos.map((photo) => checkedView(photo, input.head)),
    ...(input.measurement && { measurement: input.measurement }),
    ...(input.outlineSurface && { outlineSurface: input.outlineSurface }),
  };
  // Each photo on its own first, from several starts; then all together from the poses found.
  const poses = from ? from.photos.map(({ pose }) => ({ ...pose, scale: 1 as const })) : problem.views.map((view) => bestSingleViewPose({ ...problem, views: [view] }));
  const together = levenbergMarquardt(problem, { poses, shape: from ? { ...from.shape } : { ...DEFAULT_HEAD_SHAPE } });
  if (!together) throw noPose();
  // Weigh the points again at the depths found, then settle.
  const reweighed = { ...problem, views: problem.views.map((view, i) => ({ ...view, pxPerMm: view.camera.focalPx / landmarkDepth(problem, view, together.state.shape, together.state.poses[i]!) })) };
  let { state } = levenbergMarquardt(reweighed, together.state) ?? together;
  if (problem.outlineSurface && reweighed.views.some((view) => view.outline.length > 0)) state = fitOutline({ ...reweighed, outlineSurface: problem.outlineSurface }, state);
  const final = { ...reweighed, views: reweighed.views.map((view, i) => ({ ...view, outlineMatches: matchOutline(reweighed, view, state.shape, state.poses[i]!) })) };
  return {
    shape: state.shape,
    sizeFrom: input.measurement ? 'measurement' : input.photos.some((photo) => photo.irisDiameterPx !== undefined) ? 'iris' : 'default',
    photos: final.views.map((view, i) => {
      const pose = state.poses[i]!;
      const across = view.outlineMatches.map((match) => outlineAcrossPx(final, match, state.shape, pose, view.camera));
      return {
        pose,
        ...anglesOfRotation(pose.rotation),
        residualPx: rmsReprojectionPx(problem, view, state.shape, pose),
        pointCount: view.names.length,
        outlineCount: across.length,
        outlineResidualPx: across.length > 0 ? Math.sqrt(sumOfSquares(across) / across.length) : 0,
      };
    }),
  };
}

/**
 * The outline fitted with the landmarks: rounds of matching each found outline point with the nearest point
 * of the predicted outline and fitting, until the head settles.
 */
function fitOutline(problem: Problem & { outlineSurface: HeadOutlineSurface }, start: FitState): FitState {
  let state = start;
  for (let round = 0; round < OUTLINE_ROUNDS; round++) {
    const matched = { ...problem, views: problem.views.map((view, i) => ({ ...view, outlineMatches: matchOutline(problem, view, state.shape, state.poses[i]!) })) };
    const fitted = levenbergMarquardt(matched, state);
    if (!fitted) break;
    const shiftMm = Math.max(...matched.views.map((view, i) => outlineMovementMm(problem, view, state, fitted.state, i)));
    state = fitted.state;
    if (shiftMm < OUTLINE_SETTLED_MM) break;
  }
  return state;
}

/** How far the predicted outline's matched points moved between two states, at most, mm on the head. */
function outlineMovementMm(problem: Problem, view: ViewProblem & { outlineMatches: OutlineMatch[] }, a: FitState, b: FitState, v: number): number {
  let most = 0;
  for (const match of view.outlineMatches) {
    const pa = projectToImage(view.camera, outlineSurfacePoint(problem.outlineSurface!, match.index, a.shape, a.poses[v]!));
    const pb = projectToImage(view.camera, outlineSurfacePoint(problem.outlineSurface!, match.index, b.shape, b.poses[v]!));
    if (pa && pb) most = Math.max(most, Math.hypot(pa[0] - pb[0], pa[1] - pb[1]) / view.pxPerMm);
  }
  return most;
}

/**
 * The photo's outline points matched with the predicted outline of the head at this shape and pose: each with
 * the nearest predicted point, if near enough, and weighed by Cauchy's rule on its distance across.
 */
function matchOutline(problem: Problem, view: ViewProblem, shape: HeadShape, pose: CameraPose): OutlineMatch[] {
  if (!problem.outlineSurface || view.outline.length === 0) return [];
  const predicted = predictedHeadOutline(problem.outlineSurface, shape, pose, view.camera);
  if (predicted.length === 0) return [];
  const matches: OutlineMatch[] = [];
  const spreadPx = OUTLINE_MM * view.pxPerMm;
  for (const observed of view.outline) {
    let nearest = predicted[0]!, nearestD2 = Infinity;
    for (const p of predicted) {
      const d2 = (p.point[0] - observed[0]) ** 2 + (p.point[1] - observed[1]) ** 2;
      if (d2 < nearestD2) [nearest, nearestD2] = [p, d2];
    }
    const dx = nearest.point[0] - observed[0], dy = nearest.point[1] - observed[1];
    const across = Math.abs(dx * nearest.normal[0] + dy * nearest.normal[1]);
    const along = Math.abs(dx * nearest.normal[1] - dy * nearest.normal[0]);
    if (across > OUTLINE_MATCH_ACROSS_MM * view.pxPerMm || along > OUTLINE_MATCH_ALONG_MM * view.pxPerMm) continue;
    const weight = 1 / (1 + (across / (OUTLINE_ROBUST_SPREADS * spreadPx)) ** 2);
    matches.push({ observed, index: nearest.index, normal: nearest.normal, weight: Math.sqrt(weight) });
  }
  return matches;
}

/** A matched outline point's distance across the outline of the head at this shape and pose, pixels (outward positive). */
function outlineAcrossPx(problem: Problem, match: OutlineMatch, shape: HeadShape, pose: CameraPose, camera: PhotoCamera): number {
  const seen = projectToImage(camera, outlineSurfacePoint(problem.outlineSurface!, match.index, shape, pose));
  if (!seen) return Infinity;
  return (match.observed[0] - seen[0]) * match.normal[0] + (match.observed[1] - seen[1]) * match.normal[1];
}

function noPose(): TextError {
  return new TextError(message('photoFit.noPose'), 'The head could not be fitted to these landmarks: check that each is on its point.');
}

/** The best pose of the one photo of `problem`, fitted with its own shape from every start. */
function bestSingleViewPose(problem: Problem): CameraPose {
  let best: { state: FitState; cost: number } | null = null;
  for (const pose of startingPoses(problem.head, problem.views[0]!)) {
    const fitted = levenbergMarquardt(problem, { poses: [pose], shape: { ...DEFAULT_HEAD_SHAPE } });
    if (fitted && (!best || fitted.cost < best.cost)) best = fitted;
  }
  if (!best) throw noPose();
  return best.state.poses[0]!;
}

/** One photo's inputs checked and gathered; refuses too few points, points in a line, and an iris that cannot be right. */
function checkedView(photo: PhotoView, head: HeadPhotoPoints): ViewProblem {
  const names = PHOTO_LANDMARK_NAMES.filter((name) => {
    const p = photo.landmarks[name];
    return p !== undefined && Number.isFinite(p[0]) && Number.isFinite(p[1]);
  });
  if (names.length < MIN_FIT_POINTS) {
    throw new TextError(message('photoFit.tooFewPoints', { placed: names.length, needed: MIN_FIT_POINTS }), `At least ${MIN_FIT_POINTS} landmarks are needed to fit the head to a photo (placed so far: ${names.length}).`);
  }
  const observed = names.map((name) => photo.landmarks[name]!);
  if (isInLine(observed)) {
    throw new TextError(message('photoFit.inLine'), 'The landmarks lie on one line or at one place, so the head cannot be turned to them: place points spread over the head.');
  }
  const { irisDiameterPx } = photo;
  if (irisDiameterPx !== undefined && !(irisDiameterPx > 0 && Number.isFinite(irisDiameterPx))) {
    throw new TextError(message('photoFit.badIris'), 'The iris diameter must be a positive number of pixels.');
  }
  const irisNames = (['rightIrisCenter', 'leftIrisCenter'] as const).filter((name) => names.includes(name));
  return {
    names,
    observed,
    camera: photo.camera,
    ...(irisDiameterPx !== undefined && { irisDiameterPx }),
    irisNames: irisNames.length > 0 ? irisNames : ['rightIrisCenter', 'leftIrisCenter'],
    pxPerMm: roughPxPerMm(observed, names.map((name) => head[name])),
    outline: (photo.outline ?? []).filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1])),
    outlineMatches: [],
  };
}

function checkMeasurement({ from, to, mm }: TypedMeasurement, head: HeadPhotoPoints): void {
  if (from === to) throw new TextError(message('photoFit.measurement.samePoint'), 'A measurement must be between two different points.');
  const onDefault = distance(head[from], head[to]);
  const [lo, hi] = PLAUSIBLE_MEASUREMENT_RATIO.map((ratio) => Math.round(ratio * onDefault)) as [number, number];
  if (!(mm >= lo && mm <= hi)) {
    throw new TextError(message('photoFit.measurement.implausible', { mm, lo, hi }), `A measurement of ${mm} mm is not plausible between these points: it should be between ${lo} and ${hi} mm.`);
  }
}

/** Whether the points sit at one place or along one line: their spread across is under 3 % of their spread along. */
function isInLine(points: ImagePoint[]): boolean {
  const { variances } = principalAxes(points.flatMap(([x, y]) => [x, y, 0]));
  const along = Math.sqrt(Math.max(variances[0]!, 0)), across = Math.sqrt(Math.max(variances[1]!, 0));
  return !(along > 2) || across < 0.03 * along;
}

/**
 * A first pixels-per-millimetre, from the spread of the landmarks against that of their head points: a turned
 * head shows its points foreshortened, so this only weighs the starts alike; the fit refines it.
 */
function roughPxPerMm(observed: ImagePoint[], model: Vec3[]): number {
  return principalAxes(observed.flatMap(([x, y]) => [x, y, 0])).rmsRadius / principalAxes(model.flat()).rmsRadius;
}

/** Where the head's point `name` is in the camera frame. */
function cameraPoint(head: HeadPhotoPoints, shape: HeadShape, pose: CameraPose, name: PhotoLandmarkName): Vec3 {
  return applySimilarityToPoint(warpPoint(shape, head[name]), pose);
}

/** Mean depth of a photo's landmarks in front of its camera, mm. */
function landmarkDepth(problem: Problem, view: ViewProblem, shape: HeadShape, pose: CameraPose): number {
  return view.names.reduce((sum, name) => sum - cameraPoint(problem.head, shape, pose, name)[2], 0) / view.names.length;
}

/**
 * The weighted errors whose sum of squares the fit minimises: each point's reprojection error over its
 * placement error in pixels, the rulers' errors over their spreads, and each shape parameter's distance from
 * the default over its spread among adults. Null when a point falls behind a camera.
 */
function residuals(problem: Problem, state: FitState): number[] | null {
  const out: number[] = [];
  for (let v = 0; v < problem.views.length; v++) {
    if (!viewResiduals(problem, problem.views[v]!, state.shape, state.poses[v]!, out)) return null;
  }
  if (problem.measurement) {
    const { from, to, mm } = problem.measurement;
    out.push((distance(warpPoint(state.shape, problem.head[from]), warpPoint(state.shape, problem.head[to])) - mm) / MEASUREMENT_SPREAD_MM);
  }
  for (const name of HEAD_SHAPE_PARAMETERS) out.push((state.shape[name] - DEFAULT_HEAD_SHAPE[name]) / HEAD_SHAPE_RANGES[name].spread);
  return out;
}

/** One photo's weighted errors appended to `out`; false when a point falls behind the camera. */
function viewResiduals(problem: Problem, view: ViewProblem, shape: HeadShape, pose: CameraPose, out: number[]): boolean {
  for (let i = 0; i < view.names.length; i++) {
    const name = view.names[i]!;
    const seen = projectToImage(view.camera, cameraPoint(problem.head, shape, pose, name));
    if (!seen) return false;
    const spreadPx = PLACEMENT_MM[name] * view.pxPerMm;
    out.push((seen[0] - view.observed[i]![0]) / spreadPx, (seen[1] - view.observed[i]![1]) / spreadPx);
  }
  if (view.irisDiameterPx !== undefined) {
    // The iris keeps its size whatever the head's: it sets the eyes' distance from the camera. Its horizontal
    // diameter lies along the head's across axis, so a turned head shows it foreshortened; a turned iris is
    // also read less surely, so it weighs less the more the eyes look away from the camera.
    let predicted = 0, facing = 0;
    const across: Vec3 = [pose.rotation[0]!, pose.rotation[3]!, pose.rotation[6]!];
    const forward: Vec3 = [pose.rotation[2]!, pose.rotation[5]!, pose.rotation[8]!];
    for (const name of view.irisNames) {
      const centre = cameraPoint(problem.head, shape, pose, name);
      const a = projectToImage(view.camera, add(centre, scale(across, IRIS_DIAMETER_MM / 2)));
      const b = projectToImage(view.camera, sub(centre, scale(across, IRIS_DIAMETER_MM / 2)));
      if (!a || !b) return false;
      predicted += Math.hypot(a[0] - b[0], a[1] - b[1]) / view.irisNames.length;
      facing += Math.max(-dot(normalize(centre), forward), 0.2) / view.irisNames.length;
    }
    out.push((predicted - view.irisDiameterPx) / ((IRIS_SPREAD / facing) * view.irisDiameterPx));
  }
  const spreadPx = OUTLINE_MM * view.pxPerMm;
  for (const match of view.outlineMatches) {
    const across = outlineAcrossPx(problem, match, shape, pose, view.camera);
    if (!Number.isFinite(across)) return false;
    out.push((match.weight * across) / spreadPx);
  }
  return true;
}

function sumOfSquares(r: number[]): number {
  return r.reduce((sum, v) => sum + v * v, 0);
}

function rmsReprojectionPx(problem: Problem, view: ViewProblem, shape: HeadShape, pose: CameraPose): number {
  let sum = 0;
  view.names.forEach((name, i) => {
    const seen = projectToImage(view.camera, cameraPoint(problem.head, shape, pose, name))!;
    sum += (seen[0] - view.observed[i]![0]) ** 2 + (seen[1] - view.observed[i]![1]) ** 2;
  });
  return Math.sqrt(sum / view.names.length);
}

const unknownCount = (state: FitState) => 6 * state.poses.length + HEAD_SHAPE_PARAMETERS.length;

/** The state moved by `delta`: per photo a small turn (camera frame, radians) and a shift (mm), then the shape's changes. */
function moved(state: FitState, delta: ArrayLike<number>): FitState {
  const poses = state.poses.map((pose, v): CameraPose => {
    const d = (k: number) => delta[6 * v + k]!;
    return {
      rotation: multiply3(axisAngleRotation([d(0), d(1), d(2)]), pose.rotation),
      scale: 1,
      translation: [pose.translation[0] + d(3), pose.translation[1] + d(4), pose.translation[2] + d(5)],
    };
  });
  const shape = { ...state.shape };
  HEAD_SHAPE_PARAMETERS.forEach((name, k) => (shape[name] += delta[6 * state.poses.length + k]!));
  return { poses, shape: clampHeadShape(shape) };
}

function multiply3(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) out.push(a[3 * i]! * b[j]! + a[3 * i + 1]! * b[3 + j]! + a[3 * i + 2]! * b[6 + j]!);
  return out;
}

/**
 * Levenberg–Marquardt on the weighted residuals, with a forward-difference Jacobian (6 unknowns a photo and 5
 * for the shape, a few dozen residuals a photo: cheap) and Marquardt's scaling, so turns, millimetres and
 * ratios need no common unit.
 */
function levenbergMarquardt(problem: Problem, start: FitState): { state: FitState; cost: number } | null {
  const n = unknownCount(start);
  let state = start;
  let r = residuals(problem, state);
  if (!r) return null;
  let cost = sumOfSquares(r);
  let damping = 1e-3;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const jacobian = numericJacobian(problem, state, r);
    if (!jacobian) break;
    const { normal, gradient } = normalEquations(jacobian, r, n);
    let improved = false;
    while (damping < 1e12) {
      const step = solveDamped(normal, gradient, damping, n);
      const trial = step && moved(state, step);
      const trialResiduals = trial && residuals(problem, trial);
      const trialCost = trialResiduals ? sumOfSquares(trialResiduals) : Infinity;
      if (trial && trialResiduals && trialCost < cost) {
        const gain = (cost - trialCost) / cost;
        state = trial;
        r = trialResiduals;
        cost = trialCost;
        damping = Math.max(damping / 4, 1e-9);
        improved = gain > 1e-10;
        break;
      }
      damping *= 8;
    }
    if (!improved) break;
  }
  return { state, cost };
}

/** ∂r/∂unknowns by forward differences, row-major (residuals × unknowns); null where a nudge puts a point behind a camera. */
function numericJacobian(problem: Problem, state: FitState, r: number[]): Float64Array | null {
  const n = unknownCount(state), m = r.length, poseUnknowns = 6 * state.poses.length;
  const jacobian = new Float64Array(m * n);
  const delta = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    delta.fill(0);
    const shapeName = k >= poseUnknowns ? HEAD_SHAPE_PARAMETERS[k - poseUnknowns]! : null;
    const step = shapeName ? SHAPE_STEPS[k - poseUnknowns]! : POSE_STEPS[k % 6]!;
    // Step backward from the top of a parameter's range, where clamping would swallow a forward step.
    const h = shapeName && state.shape[shapeName] + step > HEAD_SHAPE_RANGES[shapeName].max ? -step : step;
    delta[k] = h;
    const nudged = residuals(problem, moved(state, delta));
    if (!nudged) return null;
    for (let i = 0; i < m; i++) jacobian[i * n + k] = (nudged[i]! - r[i]!) / h;
  }
  return jacobian;
}

function normalEquations(jacobian: Float64Array, r: number[], n: number): { normal: Float64Array; gradient: Float64Array } {
  const normal = new Float64Array(n * n), gradient = new Float64Array(n);
  for (let i = 0; i < r.length; i++) {
    for (let a = 0; a < n; a++) {
      const ja = jacobian[i * n + a]!;
      if (ja === 0) continue;
      gradient[a] = gradient[a]! + ja * r[i]!;
      for (let b = 0; b < n; b++) normal[a * n + b] = normal[a * n + b]! + ja * jacobian[i * n + b]!;
    }
  }
  return { normal, gradient };
}

/** The step solving (JᵀJ + λ·diag(JᵀJ)) δ = −Jᵀr. */
function solveDamped(normal: Float64Array, gradient: Float64Array, damping: number, n: number): Float64Array | null {
  const a = normal.slice();
  for (let k = 0; k < n; k++) a[k * n + k] = normal[k * n + k]! * (1 + damping) + 1e-12;
  return solveLinear(a, gradient.map((g) => -g), n);
}

/**
 * The starts: the weak-perspective (scaled orthographic) pose of the default head, its depth-mirrored twin
 * (which a flat set of points cannot tell apart from it), face views turned from profile to profile, and
 * crown views from the front and from behind; each placed by `placeByWeakPerspective`.
 */
function startingPoses(head: HeadPhotoPoints, view: ViewProblem): CameraPose[] {
  const model = view.names.map((name) => head[name]);
  const turns: HeadAngles[] = [
    ...[-90, -45, 0, 45, 90].map((yawDeg) => ({ yawDeg, pitchDeg: 0, rollDeg: 0 })),
    ...[60, 90].flatMap((pitchDeg) => [0, 180].map((yawDeg) => ({ yawDeg, pitchDeg, rollDeg: 0 }))),
  ];
  const rotations = [...weakPerspectiveRotations(view, model), ...turns.map(rotationFromAngles)];
  return rotations.flatMap((rotation) => placeByWeakPerspective(view, model, rotation) ?? []);
}

/**
 * The rotation of the affine camera that best maps the head points to the landmarks (least squares), made
 * orthonormal, and its twin mirrored through the plane the points lie closest to. None when the points are
 * too flat for an affine camera.
 */
function weakPerspectiveRotations(view: ViewProblem, model: Vec3[]): number[][] {
  const n = model.length;
  const meanP = scale(model.reduce((s, p) => [s[0] + p[0], s[1] + p[1], s[2] + p[2]], [0, 0, 0]), 1 / n);
  const image = centredImagePoints(view);
  const meanU = image.reduce((s, [u]) => s + u, 0) / n, meanV = image.reduce((s, [, v]) => s + v, 0) / n;
  const pp = new Float64Array(9), pu = new Float64Array(3), pv = new Float64Array(3);
  model.forEach((p, i) => {
    const c = sub(p, meanP);
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) pp[3 * a + b] = pp[3 * a + b]! + c[a]! * c[b]!;
      pu[a] = pu[a]! + c[a]! * (image[i]![0] - meanU);
      pv[a] = pv[a]! + c[a]! * (image[i]![1] - meanV);
    }
  });
  const rowU = solveLinear(pp, pu, 3), rowV = solveLinear(pp, pv, 3);
  if (!rowU || !rowV) return [];
  const [x, y] = orthonormalPair(Array.from(rowU) as Vec3, Array.from(rowV) as Vec3);
  const flatNormal = principalAxes(model.flat()).axes[2];
  const mirror = (a: Vec3): Vec3 => sub(a, scale(flatNormal, 2 * dot(a, flatNormal)));
  const rotationOf = (a: Vec3, b: Vec3) => [...a, ...b, ...cross(a, b)];
  return [rotationOf(x, y), rotationOf(mirror(x), mirror(y))];
}

/** The orthonormal pair nearest to two vectors, turned symmetrically about their bisector so neither is preferred. */
function orthonormalPair(a: Vec3, b: Vec3): [Vec3, Vec3] {
  const an = normalize(a), bn = normalize(b);
  const bisector = normalize(add(an, bn)), across = normalize(sub(an, bn));
  return [normalize(add(bisector, across)), normalize(sub(bisector, across))];
}

/**
 * The default head turned by `rotation` and placed where a weak-perspective camera puts it: the scale
 * (pixels per mm) and image position that best match the landmarks set the depth and the shift. Null when
 * the turn shows the points mirrored (a negative scale).
 */
function placeByWeakPerspective(view: ViewProblem, model: Vec3[], rotation: number[]): CameraPose | null {
  const turned = model.map((p) => applySimilarityToPoint(p, { rotation, scale: 1, translation: [0, 0, 0] }));
  const image = centredImagePoints(view);
  const n = model.length;
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / n;
  const qx = mean(turned.map((q) => q[0])), qy = mean(turned.map((q) => q[1])), qz = mean(turned.map((q) => q[2]));
  const u = mean(image.map((p) => p[0])), v = mean(image.map((p) => p[1]));
  let along = 0, spread = 0;
  turned.forEach((q, i) => {
    along += (q[0] - qx) * (image[i]![0] - u) + (q[1] - qy) * (image[i]![1] - v);
    spread += (q[0] - qx) ** 2 + (q[1] - qy) ** 2;
  });
  const pxPerMm = along / spread;
  if (!(pxPerMm > 0)) return null;
  const depth = view.camera.focalPx / pxPerMm;
  return { rotation, scale: 1, translation: [u / pxPerMm - qx, v / pxPerMm - qy, -depth - qz] };
}

/** The landmarks from the picture's centre, y up: as the camera frame's x and y see them. */
function centredImagePoints({ observed, camera }: ViewProblem): [number, number][] {
  return observed.map(([u, v]) => [u - camera.widthPx / 2, camera.heightPx / 2 - v]);
}
