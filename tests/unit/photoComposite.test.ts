/**
 * The simulation on a photo, its pure parts: the compositing law in linear light, the grain given back, and the
 * photo's noise and blur estimated from its pixels.
 */
import { describe, expect, it } from 'vitest';
import { linearToSrgb, srgbToLinear } from '../../src/domain/color';
import {
  compositeChannel,
  estimateBlurSigma,
  estimateNoiseSigma,
  gaussianBlur,
  grainSigma,
  overlayBlurSigma,
  photoRect,
  pigmentTransmittance,
} from '../../src/domain/photo/composite';
import { seededRandom } from './fixtures';

/** A normal deviate from a seeded uniform source (Box–Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

describe('compositing in linear light', () => {
  it('multiplies the photo in linear light by what the pigment takes, inside the mask only', () => {
    const t = pigmentTransmittance(0.3, 0.5);
    expect(t).toBeCloseTo(0.6, 10);
    const photo = 0.7;
    expect(compositeChannel(photo, t, 1)).toBeCloseTo(linearToSrgb(srgbToLinear(photo) * 0.6), 10);
    // Half the mask: half the change, in linear light (not in sRGB).
    expect(compositeChannel(photo, t, 0.5)).toBeCloseTo(linearToSrgb(srgbToLinear(photo) * 0.8), 10);
    expect(compositeChannel(photo, t, 0)).toBeCloseTo(photo, 10);
  });

  it('keeps the photo where nothing changed or nothing was drawn', () => {
    expect(pigmentTransmittance(0.42, 0.42)).toBe(1);
    expect(pigmentTransmittance(0, 0)).toBe(1);
    expect(compositeChannel(0.55, 1, 1)).toBeCloseTo(0.55, 10);
  });

  it("keeps a darker client's skin darker: the same pigment takes the same share of each skin's light", () => {
    const t = 0.8;
    for (const skin of [0.85, 0.5, 0.2]) expect(srgbToLinear(compositeChannel(skin, t, 1)) / srgbToLinear(skin)).toBeCloseTo(t, 6);
  });

  it('gives back the grain that darkening took from the photo', () => {
    expect(grainSigma(0.02, 1, 1)).toBe(0);
    expect(grainSigma(0.02, 0.5, 0)).toBe(0);
    // Noise scaled by t plus added noise: the photo's noise level again.
    const t = 0.6;
    expect(Math.hypot(0.02 * t, grainSigma(0.02, t, 1))).toBeCloseTo(0.02, 10);
  });
});

describe("the photo's place and its overlay's softness", () => {
  it('fits the photo inside the view at its own aspect ratio, centred', () => {
    expect(photoRect(1000, 500, 3000, 4000)).toEqual({ x: 312.5, y: 0, width: 375, height: 500 });
    expect(photoRect(400, 800, 400, 300)).toEqual({ x: 0, y: 250, width: 400, height: 300 });
  });

  it("blurs the overlay by the photo's blur in the overlay's pixels, less the renderer's own", () => {
    expect(overlayBlurSigma(0.3, 1)).toBe(0);
    expect(overlayBlurSigma(4, 0.5)).toBeCloseTo(Math.sqrt(4 - 0.25), 10);
  });
});

const W = 160, H = 120;

/** A smooth shaded image (a lit curved surface) with normal noise of SD `sigma`. */
function noisyShading(sigma: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const image = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) image[y * W + x] = 0.35 + 0.3 * Math.sin(x / 50) * Math.cos(y / 40) + sigma * normal(random);
  return image;
}

/** Bars and a disc (edges at every angle) blurred by a Gaussian of SD `sigma`. */
function blurredShapes(sigma: number): Float32Array {
  const image = new Float32Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const bar = Math.floor(x / 20) % 2 === 0 && y < 60;
      const disc = Math.hypot(x - 100, y - 90) < 22;
      image[y * W + x] = bar || disc ? 0.75 : 0.25;
    }
  }
  return sigma > 0 ? gaussianBlur(image, W, H, sigma) : image;
}

describe("the photo's noise", () => {
  it('is found within 10 % on shaded images, whatever the shading', () => {
    for (const [sigma, seed] of [[0.005, 1], [0.015, 2], [0.04, 3]] as const) {
      const estimate = estimateNoiseSigma(noisyShading(sigma, seed), W, H);
      expect(Math.abs(estimate - sigma) / sigma, `noise ${sigma}`).toBeLessThan(0.1);
    }
  });

  it('is nearly nothing on a clean image, and counts only the region when one is given', () => {
    expect(estimateNoiseSigma(noisyShading(0, 4), W, H)).toBeLessThan(0.001);
    const image = noisyShading(0.03, 5);
    // The left half is made clean: the right half's noise is what a region there sees.
    for (let y = 0; y < H; y++) for (let x = 0; x < W / 2; x++) image[y * W + x] = 0.5;
    const right = new Uint8Array(W * H).map((_, i) => ((i % W) >= W / 2 + 2 ? 255 : 0));
    expect(Math.abs(estimateNoiseSigma(image, W, H, right) - 0.03) / 0.03).toBeLessThan(0.12);
  });
});

describe("the photo's blur", () => {
  it('is found within 0.4 px on edges blurred by 1–4 px, and a sharp image reads sharp', () => {
    for (const sigma of [1, 2, 3, 4]) {
      const estimate = estimateBlurSigma(blurredShapes(sigma), W, H)!;
      expect(Math.abs(estimate - sigma), `blur ${sigma}`).toBeLessThan(0.4);
    }
    expect(estimateBlurSigma(blurredShapes(0), W, H)!).toBeLessThan(0.5);
  });

  it('tells nothing from a flat image', () => {
    expect(estimateBlurSigma(new Float32Array(W * H).fill(0.4), W, H)).toBeNull();
  });
});
