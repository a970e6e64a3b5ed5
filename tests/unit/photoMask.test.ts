/**
 * The automatic scalp-skin mask of a photo: the fitted head's scalp as the photo's camera sees it (never the
 * face, the ears or the background), times a skin likelihood of the photo's own colours.
 */
import { describe, expect, it } from 'vitest';
import { cameraFromVerticalFov, projectHeadPoint, rotationFromAngles } from '../../src/domain/photo/camera';
import { automaticMask, isScalpPoint, maskSize, MAX_MASK_SIDE_PX, projectScalpRegions, skinLikelihood } from '../../src/domain/photo/mask';
import type { Similarity } from '../../src/domain/scan/align';
import { loadDefaultHead } from './fixtures';

const head = loadDefaultHead();
const camera = cameraFromVerticalFov(300, 400, 40);
/** The head 600 mm before the camera, facing it, turned by `yawDeg` and tipped chin-down by `pitchDeg`. */
const pose = (yawDeg: number, pitchDeg = 0): Similarity => ({ rotation: rotationFromAngles({ yawDeg, pitchDeg, rollDeg: 0 }), scale: 1, translation: [0, -20, -600] });
const regionsFor = (p: Similarity) =>
  projectScalpRegions({ positions: head.skin.positions, indices: head.skin.indices, landmarks: head.landmarks, pose: p, camera, size: { width: 300, height: 400 } });
const at = (image: Uint8Array, [x, y]: readonly number[]) => image[Math.round(y!) * 300 + Math.round(x!)]!;
const onPhoto = (p: Similarity, point: [number, number, number]) => projectHeadPoint(camera, p, point)!;

describe('the scalp region', () => {
  it('is the skin above the brows and the ears, down to the nape', () => {
    const { glabella, vertex, nasion, menton, leftTragus, inion } = head.landmarks;
    expect(isScalpPoint(head.landmarks, vertex)).toBe(true);
    expect(isScalpPoint(head.landmarks, [glabella[0], glabella[1] + 30, glabella[2]])).toBe(true);
    expect(isScalpPoint(head.landmarks, inion)).toBe(true);
    for (const face of [nasion, menton, leftTragus]) expect(isScalpPoint(head.landmarks, face)).toBe(false);
  });

  it('projects the forehead and crown in, and the face and the background out, on a frontal photo', () => {
    const front = pose(0);
    const regions = regionsFor(front);
    const { glabella, vertex, nasion, menton } = head.landmarks;
    expect(at(regions.scalp, onPhoto(front, [0, glabella[1] + 40, glabella[2] - 8]))).toBe(255);
    expect(at(regions.scalp, onPhoto(front, [0, vertex[1] - 3, vertex[2]]))).toBe(255);
    expect(at(regions.scalp, onPhoto(front, nasion))).toBe(0);
    expect(at(regions.scalp, onPhoto(front, menton))).toBe(0);
    expect(at(regions.scalp, [5, 5])).toBe(0);
    // The forehead just above the brows is the colour reference.
    expect(at(regions.reference, onPhoto(front, [0, glabella[1] + 20, glabella[2] - 3]))).toBe(255);
  });

  it('hides what lies behind: the back of the head is not in a frontal photo, the face not in a back one', () => {
    const front = pose(0);
    const regions = regionsFor(front);
    const count = (image: Uint8Array) => image.reduce((n, v) => n + (v ? 1 : 0), 0);
    const back = regionsFor(pose(180));
    // From behind, the region reaches lower (the nape) and holds no forehead reference.
    expect(count(back.reference)).toBe(0);
    expect(count(regions.reference)).toBeGreaterThan(100);
    const { inion } = head.landmarks;
    expect(at(back.scalp, onPhoto(pose(180), inion))).toBe(255);
  });

  it('is sized to the photo, at most 1024 px a side', () => {
    expect(maskSize(4032, 3024)).toEqual({ width: MAX_MASK_SIDE_PX, height: 768 });
    expect(maskSize(640, 480)).toEqual({ width: 640, height: 480 });
  });
});

describe('the skin likelihood and the automatic mask', () => {
  const front = pose(0);
  const regions = regionsFor(front);
  /** A synthetic photo: skin everywhere (with a little shading), dark hair over the crown's top third, grey background. */
  function photo(): Uint8ClampedArray {
    const rgba = new Uint8ClampedArray(300 * 400 * 4);
    const crownTop = onPhoto(front, head.landmarks.vertex)[1];
    for (let y = 0; y < 400; y++) {
      for (let x = 0; x < 300; x++) {
        const i = 4 * (y * 300 + x);
        const hair = y < crownTop + 15;
        const shade = 1 - 0.15 * Math.abs(x - 150) / 150;
        const [r, g, b] = hair ? [45, 32, 25] : [214 * shade, 160 * shade, 130 * shade];
        rgba.set([r, g, b, 255], i);
      }
    }
    return rgba;
  }

  it('is high on skin of any shading and low on hair', () => {
    const rgba = photo();
    const skin = skinLikelihood(rgba, regions);
    const { glabella, vertex } = head.landmarks;
    expect(skin[Math.round(onPhoto(front, [0, glabella[1] + 40, glabella[2] - 8])[1]) * 300 + 150]).toBeGreaterThan(0.95);
    const crown = onPhoto(front, [0, vertex[1] - 2, vertex[2]]);
    expect(skin[Math.round(crown[1]) * 300 + Math.round(crown[0])]).toBeLessThan(0.05);
  });

  it('applies the simulation on the scalp skin only', () => {
    const mask = automaticMask(photo(), regions);
    const { glabella, vertex, nasion } = head.landmarks;
    expect(at(mask.data, onPhoto(front, [0, glabella[1] + 35, glabella[2] - 8]))).toBe(255);
    expect(at(mask.data, onPhoto(front, [0, vertex[1] - 2, vertex[2]]))).toBe(0);
    expect(at(mask.data, onPhoto(front, nasion))).toBe(0);
    expect(at(mask.data, [5, 5])).toBe(0);
  });
});
