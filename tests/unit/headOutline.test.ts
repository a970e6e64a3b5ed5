/**
 * The head's outline (src/domain/photo/headOutline.ts) against a rendered picture of the head, and the search
 * that finds it on a picture (src/domain/photo/outlineSearch.ts).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEAD_SHAPE } from '../../src/domain/head/headShape';
import { cameraFromVerticalFov, rotationFromAngles } from '../../src/domain/photo/camera';
import { fitHeadToPhoto } from '../../src/domain/photo/headFit';
import { predictedHeadOutline, type OutlinePoint } from '../../src/domain/photo/headOutline';
import { findHeadOutline, type RgbaImage } from '../../src/domain/photo/outlineSearch';
import type { Similarity } from '../../src/domain/scan/align';
import { renderPhoto } from '../support/renderPhoto';
import { FACE_CASES, FACE_POINTS, head, outlineSurface, syntheticPhoto } from '../support/syntheticPhotos';
import { loadDefaultHead, seededRandom } from './fixtures';

const { skin } = loadDefaultHead();
const camera = cameraFromVerticalFov(900, 1200, 50);
const poseAt = (yawDeg: number, pitchDeg: number): Similarity => ({ rotation: rotationFromAngles({ yawDeg, pitchDeg, rollDeg: 0 }), scale: 1, translation: [0, -60, -600] });
const SKIN = [214, 168, 140] as const;
const render = (pose: Similarity, blurPx = 0, noise = 0) =>
  renderPhoto([{ ...skin, colour: SKIN }], DEFAULT_HEAD_SHAPE, pose, camera, { background: 'dark', noise, blurPx, random: seededRandom(3) });
const brightness = (image: RgbaImage, [x, y]: readonly [number, number]) => {
  const i = 4 * (Math.floor(y) * image.width + Math.floor(x));
  return (image.data[i]! + image.data[i + 1]! + image.data[i + 2]!) / 3;
};
/** The distance across the outline from a found point to the nearest predicted one, pixels. */
const acrossPx = (p: readonly [number, number], outline: OutlinePoint[]) => {
  const nearest = outline.reduce((best, o) => (Math.hypot(o.point[0] - p[0], o.point[1] - p[1]) < Math.hypot(best.point[0] - p[0], best.point[1] - p[1]) ? o : best));
  return Math.abs((p[0] - nearest.point[0]) * nearest.normal[0] + (p[1] - nearest.point[1]) * nearest.normal[1]);
};

describe("the head's predicted outline", () => {
  it('runs along the edge of the rendered head: skin just inside, background just outside, all around the cranium', () => {
    for (const [yaw, pitch] of [[0, 0], [35, 10], [-80, -5], [180, 20]] as const) {
      const pose = poseAt(yaw, pitch);
      const image = render(pose);
      const outline = predictedHeadOutline(outlineSurface, DEFAULT_HEAD_SHAPE, pose, camera);
      expect(outline.length, `yaw ${yaw}`).toBeGreaterThan(80);
      let wrong = 0;
      for (const { point, normal } of outline) {
        const inside = brightness(image, [point[0] - 2 * normal[0], point[1] - 2 * normal[1]]);
        const outside = brightness(image, [point[0] + 2 * normal[0], point[1] + 2 * normal[1]]);
        // The dark background is 44 bright; the skin, even on its shadowed side, above 65.
        if (!(inside > 60 && outside < 50)) wrong++;
      }
      // The cloud's 3 mm spacing leaves a few points a pixel inside the edge where the outline turns fast.
      expect(wrong / outline.length, `yaw ${yaw}`).toBeLessThan(0.05);
    }
  });
});

describe("finding the head's outline on a picture", () => {
  it('finds the edge of a blurred, noisy render within half a pixel, from a guide 5 % too large', () => {
    const pose = poseAt(20, 5);
    const image = render(pose, 0.8, 3);
    const truth = predictedHeadOutline(outlineSurface, DEFAULT_HEAD_SHAPE, pose, camera);
    const guide = predictedHeadOutline(outlineSurface, { ...DEFAULT_HEAD_SHAPE, size: 1.05 }, pose, camera);
    const pxPerMm = camera.focalPx / 600;
    const found = findHeadOutline(image, guide, { rangePx: 12 * pxPerMm, pxPerMm });
    expect(found.length).toBeGreaterThan(0.8 * guide.length);
    const errors = found.map((p) => acrossPx(p, truth));
    expect(Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length)).toBeLessThan(0.5);
  });

  it('finds nothing on a picture with no head, and fits the landmarks alone when given no outline', () => {
    const flat: RgbaImage = { width: 900, height: 1200, data: new Uint8ClampedArray(900 * 1200 * 4).fill(128) };
    const guide = predictedHeadOutline(outlineSurface, DEFAULT_HEAD_SHAPE, poseAt(0, 0), camera);
    expect(findHeadOutline(flat, guide, { rangePx: 50, pxPerMm: 4 })).toEqual([]);
    const photo = syntheticPhoto(DEFAULT_HEAD_SHAPE, FACE_CASES[0]!, FACE_POINTS);
    const fit = fitHeadToPhoto({ ...photo.view, head, outlineSurface, outline: [] });
    expect(fit.outlineCount).toBe(0);
    expect(() => fitHeadToPhoto({ ...photo.view, head, outline: [[1, 2]] })).toThrow(/outline surface/);
  });
});
