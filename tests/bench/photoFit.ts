/**
 * The photo fit's part of `npm run bench`, in Node (the app runs the same code): the CPU time of finding the
 * default head's photo points and cranium once; of fitting the head to a face photo's landmarks, a crown
 * photo's taps and both together (synthetic photos with a face-landmark model's scatter); and of the full fit
 * of a rendered face photo, the outline found on its picture included (two searches and three fits), alone
 * and with a turned photo of the same head. Medians and the slowest of several rounds.
 */
import { fitHeadToPhoto, fitHeadToPhotos } from '../../src/domain/photo/headFit';
import { locateHeadPhotoPoints } from '../../src/domain/photo/headLandmarks3d';
import { headOutlineSurface } from '../../src/domain/photo/headOutline';
import { fitHeadToPhotoImage, fitHeadToPhotoImages } from '../../src/domain/photo/outlineSearch';
import { CROWN_CASES, CROWN_TAPS, defaultEyes, FACE_CASES, FACE_POINTS, head, outlineSurface, randomShape, renderedFacePhoto, syntheticPhoto } from '../support/syntheticPhotos';
import { loadDefaultHead, seededRandom } from '../unit/fixtures';
import { cpuTime, median } from './measure';

const ROUNDS = 10;
/** The full fits render their photos first (not timed), so fewer rounds. */
const IMAGE_ROUNDS = 5;

export function benchPhotoFit(): Record<string, number> {
  const { skin, landmarks } = loadDefaultHead();
  const headPointsMs = cpuTime(() => locateHeadPhotoPoints({ skin, eyes: defaultEyes, landmarks }));
  const outlineSurfaceMs = cpuTime(() => headOutlineSurface(skin));
  const random = seededRandom(7);
  const shape = randomShape(random);
  const face = syntheticPhoto(shape, FACE_CASES[1]!, [...FACE_POINTS, 'midFrontal'], { random });
  const crown = syntheticPhoto(shape, CROWN_CASES[0]!, CROWN_TAPS, { anchor: 'vertex', random });
  const samples = { face: [] as number[], crown: [] as number[], both: [] as number[], image: [] as number[], images: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    samples.face.push(cpuTime(() => fitHeadToPhoto({ ...face.view, head })));
    samples.crown.push(cpuTime(() => fitHeadToPhoto({ ...crown.view, head })));
    samples.both.push(cpuTime(() => fitHeadToPhotos({ photos: [face.view, crown.view], head })));
  }
  for (let round = 0; round < IMAGE_ROUNDS; round++) {
    const photoShape = randomShape(random);
    const front = renderedFacePhoto(photoShape, FACE_CASES[(2 * round) % FACE_CASES.length]!, 'pale', random);
    const turned = renderedFacePhoto(photoShape, FACE_CASES[(2 * round + 1) % FACE_CASES.length]!, 'cluttered', random);
    samples.image.push(cpuTime(() => fitHeadToPhotoImage({ ...front.view, image: front.image, head, outlineSurface })));
    samples.images.push(cpuTime(() => fitHeadToPhotoImages({ photos: [front, turned].map((p) => ({ ...p.view, image: p.image })), head, outlineSurface })));
  }
  const result = {
    headPointsMs,
    outlineSurfaceMs,
    faceFitMs: median(samples.face),
    faceFitSlowestMs: Math.max(...samples.face),
    crownFitMs: median(samples.crown),
    crownFitSlowestMs: Math.max(...samples.crown),
    faceAndCrownFitMs: median(samples.both),
    faceAndCrownFitSlowestMs: Math.max(...samples.both),
    photoWithOutlineFitMs: median(samples.image),
    photoWithOutlineFitSlowestMs: Math.max(...samples.image),
    twoPhotosWithOutlineFitMs: median(samples.images),
    twoPhotosWithOutlineFitSlowestMs: Math.max(...samples.images),
  };
  const show = (ms: number, slowest: number) => `${ms.toFixed(0)} ms (slowest ${slowest.toFixed(0)})`;
  console.log(
    `Photo fit (Node, CPU time, median of ${ROUNDS}): face landmarks ${show(result.faceFitMs, result.faceFitSlowestMs)}, crown taps ${show(result.crownFitMs, result.crownFitSlowestMs)}, ` +
      `both together ${show(result.faceAndCrownFitMs, result.faceAndCrownFitSlowestMs)}; the head's photo points found once in ${headPointsMs.toFixed(0)} ms, its cranium in ${outlineSurfaceMs.toFixed(0)} ms`,
  );
  console.log(
    `Full fit of a 1500 × 2000 photo with its outline found (median of ${IMAGE_ROUNDS}): ${show(result.photoWithOutlineFitMs, result.photoWithOutlineFitSlowestMs)}; ` +
      `a front and a turned photo together ${show(result.twoPhotosWithOutlineFitMs, result.twoPhotosWithOutlineFitSlowestMs)} (target: a fit under 3 s)`,
  );
  return result;
}
