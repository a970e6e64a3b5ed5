/**
 * The photo fit's part of `npm run bench`, in Node (the app runs the same code): the CPU time of finding the
 * default head's photo points once, and of fitting the head to a face photo, a crown photo and both together
 * (synthetic photos with a face-landmark model's scatter), as the median and the slowest of several rounds.
 */
import { fitHeadToPhoto, fitHeadToPhotos } from '../../src/domain/photo/headFit';
import { locateHeadPhotoPoints } from '../../src/domain/photo/headLandmarks3d';
import { CROWN_CASES, CROWN_TAPS, defaultEyes, FACE_CASES, FACE_POINTS, head, randomShape, syntheticPhoto } from '../support/syntheticPhotos';
import { loadDefaultHead, seededRandom } from '../unit/fixtures';
import { cpuTime, median } from './measure';

const ROUNDS = 10;

export function benchPhotoFit(): Record<string, number> {
  const { skin, landmarks } = loadDefaultHead();
  const headPointsMs = cpuTime(() => locateHeadPhotoPoints({ skin, eyes: defaultEyes, landmarks }));
  const random = seededRandom(7);
  const shape = randomShape(random);
  const face = syntheticPhoto(shape, FACE_CASES[1]!, [...FACE_POINTS, 'midFrontal'], { random });
  const crown = syntheticPhoto(shape, CROWN_CASES[0]!, CROWN_TAPS, { anchor: 'vertex', random });
  const samples = { face: [] as number[], crown: [] as number[], both: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    samples.face.push(cpuTime(() => fitHeadToPhoto({ ...face.view, head })));
    samples.crown.push(cpuTime(() => fitHeadToPhoto({ ...crown.view, head })));
    samples.both.push(cpuTime(() => fitHeadToPhotos({ photos: [face.view, crown.view], head })));
  }
  const result = {
    headPointsMs,
    faceFitMs: median(samples.face),
    faceFitSlowestMs: Math.max(...samples.face),
    crownFitMs: median(samples.crown),
    crownFitSlowestMs: Math.max(...samples.crown),
    faceAndCrownFitMs: median(samples.both),
    faceAndCrownFitSlowestMs: Math.max(...samples.both),
  };
  const show = (ms: number, slowest: number) => `${ms.toFixed(0)} ms (slowest ${slowest.toFixed(0)})`;
  console.log(
    `Photo fit (Node, CPU time, median of ${ROUNDS}): face photo ${show(result.faceFitMs, result.faceFitSlowestMs)}, crown photo ${show(result.crownFitMs, result.crownFitSlowestMs)}, ` +
      `both together ${show(result.faceAndCrownFitMs, result.faceAndCrownFitSlowestMs)}; the head's photo points found once in ${headPointsMs.toFixed(0)} ms (target: a fit under 3 s)`,
  );
  return result;
}
