import { linearToSrgb, srgbToLinear } from '../color.ts';

/**
 * The simulation laid onto a client's photo. The head is drawn twice through the photo's camera, with the plan
 * and without SMP; their ratio, per channel in linear light, is what the pigment takes from the light (the
 * deposits multiply the skin's diffuse light by their transmittance). That ratio multiplies the photo's own
 * pixels in linear light, inside the scalp-skin mask, so the client's skin tone, lighting, shine and shadows
 * stay theirs and only the pigment's change is added. Then the overlay is made as soft and as grainy as the
 * photo: blurred by the photo's own blur (so the dots are never crisper than the photo) and given back the
 * grain that darkening took from the photo's noise. The GPU does this per pixel (src/scene/photo/); these are
 * the same formulas for tests and for the estimates made once per photo.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a photo is drawn in a view of `viewWidth` × `viewHeight`: as large as fits, centred, at its own aspect ratio. */
export function photoRect(viewWidth: number, viewHeight: number, photoWidth: number, photoHeight: number): Rect {
  const fit = Math.min(viewWidth / photoWidth, viewHeight / photoHeight);
  const width = photoWidth * fit, height = photoHeight * fit;
  return { x: (viewWidth - width) / 2, y: (viewHeight - height) / 2, width, height };
}

/** The transmittance the pigment leaves in one channel: the head with the plan over the head without SMP (1 where nothing is drawn). */
export function pigmentTransmittance(withSmp: number, withoutSmp: number): number {
  return withoutSmp > 1e-4 ? Math.min(2, Math.max(0, withSmp / withoutSmp)) : 1;
}

/** One sRGB channel (0..1) of the photo with the simulation: the transmittance applied in linear light, weighed by the mask (0..1). */
export function compositeChannel(photoSrgb: number, transmittance: number, mask: number): number {
  const linear = srgbToLinear(photoSrgb) * (1 + mask * (transmittance - 1));
  return linearToSrgb(Math.min(1, Math.max(0, linear)));
}

/**
 * The grain (SD, sRGB units) to add where the photo was darkened to a transmittance `t`: multiplying the photo
 * by t scaled its noise by t too, so √(1 − t²) of the photo's noise is added back, and the darkened skin is
 * as grainy as the skin around it. Nothing is added outside the mask or where nothing changed.
 */
export function grainSigma(noiseSigma: number, transmittance: number, mask: number): number {
  const t = 1 + mask * (transmittance - 1);
  return noiseSigma * Math.sqrt(Math.max(0, 1 - Math.min(1, t) ** 2));
}

/** The photo's luma (0..1, BT.601 on the sRGB values) from RGBA bytes. */
export function lumaOf(rgba: ArrayLike<number>, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height);
  for (let i = 0; i < out.length; i++) out[i] = (0.299 * rgba[4 * i]! + 0.587 * rgba[4 * i + 1]! + 0.114 * rgba[4 * i + 2]!) / 255;
  return out;
}

/** A separable Gaussian blur (edges clamped). */
export function gaussianBlur(image: Float32Array, width: number, height: number, sigma: number): Float32Array {
  const radius = Math.max(1, Math.ceil(3 * sigma));
  const weights = Array.from({ length: 2 * radius + 1 }, (_, k) => Math.exp(-((k - radius) ** 2) / (2 * sigma * sigma)));
  const total = weights.reduce((s, w) => s + w, 0);
  const pass = (src: Float32Array, horizontal: boolean) => {
    const dst = new Float32Array(src.length);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (let k = -radius; k <= radius; k++) {
          const xx = horizontal ? Math.min(width - 1, Math.max(0, x + k)) : x;
          const yy = horizontal ? y : Math.min(height - 1, Math.max(0, y + k));
          sum += weights[k + radius]! * src[yy * width + xx]!;
        }
        dst[y * width + x] = sum / total;
      }
    }
    return dst;
  };
  return pass(pass(image, true), false);
}

/** Whether pixel `i` counts: inside the region (when one is given) and not on the image's border. */
const inRegion = (region: Uint8Array | undefined, width: number, height: number, x: number, y: number) =>
  x > 0 && y > 0 && x < width - 1 && y < height - 1 && (!region || region[y * width + x]! > 0);

/** Gradient magnitude by central differences. */
function gradientAt(image: Float32Array, width: number, x: number, y: number): number {
  const i = y * width + x;
  return Math.hypot((image[i + 1]! - image[i - 1]!) / 2, (image[i + width]! - image[i - width]!) / 2);
}

/** The value below which a share `q` of the values lie. */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Share of the steepest pixels left out of the noise estimate: edges and texture are not noise. */
const NOISE_EDGE_SHARE = 0.1;

/**
 * The photo's noise, SD in luma units (0..1), by Immerkær's estimator (1996): the image convolved with a
 * mask that cancels every plane and quadratic (so smooth shading drops out) leaves the noise, whose mean
 * absolute value gives its SD; edges, the steepest tenth of the pixels, are left out (Tai & Yang 2008).
 * Only pixels inside `region` count when it is given. Skin's own fine texture counts as grain, which is
 * what the overlay should have.
 */
export function estimateNoiseSigma(gray: Float32Array, width: number, height: number, region?: Uint8Array): number {
  const gradients: number[] = [];
  const responses: number[] = [];
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      if (!inRegion(region, width, height, x, y)) continue;
      const i = y * width + x;
      const g = (k: number) => gray[k]!;
      const response =
        g(i - width - 1) - 2 * g(i - width) + g(i - width + 1) - 2 * g(i - 1) + 4 * g(i) - 2 * g(i + 1) + g(i + width - 1) - 2 * g(i + width) + g(i + width + 1);
      responses.push(Math.abs(response));
      gradients.push(gradientAt(gray, width, x, y));
    }
  }
  if (responses.length === 0) return 0;
  const edge = quantile(gradients, 1 - NOISE_EDGE_SHARE);
  let sum = 0, count = 0;
  responses.forEach((r, k) => {
    if (gradients[k]! <= edge) {
      sum += r;
      count++;
    }
  });
  // The mask's response to unit white noise has SD 6 (the root of the sum of its squared weights).
  return count ? (Math.sqrt(Math.PI / 2) * sum) / (6 * count) : 0;
}

/** The re-blur's own SD (px). */
const REBLUR_SIGMA = 1;
/** Share of the region's pixels taken as its edges (the steepest). */
const BLUR_EDGE_SHARE = 0.03;
/** An edge must step by at least this much luma per pixel to be measured (weaker ones are noise). */
const MIN_EDGE_GRADIENT = 0.02;
/**
 * Central differences see a perfectly sharp step as a ramp two pixels wide; the estimate's SD squared minus
 * this squared is the photo's own blur (fitted on synthetic steps, tests/unit/photoComposite.test.ts).
 */
const DIFFERENCE_SIGMA = 0.55;

/**
 * How blurred the photo is, as the SD (px) of a Gaussian blur, or null when it has no edge to tell by. Re-blur
 * estimation (Zhuo & Sim 2011): an edge blurred by σ has its steepest gradient cut by √(σ² + σr²) / σ when
 * blurred again by σr, so the ratio of the gradients at the edge gives σ. The median over the steepest edges
 * of the region (the head: the background may be sharper or softer than the client).
 */
export function estimateBlurSigma(gray: Float32Array, width: number, height: number, region?: Uint8Array): number | null {
  const reblurred = gaussianBlur(gray, width, height, REBLUR_SIGMA);
  const candidates: Array<{ g: number; x: number; y: number }> = [];
  for (let y = 2; y < height - 2; y++) {
    for (let x = 2; x < width - 2; x++) {
      if (!inRegion(region, width, height, x, y)) continue;
      const g = gradientAt(gray, width, x, y);
      if (g >= MIN_EDGE_GRADIENT) candidates.push({ g, x, y });
    }
  }
  if (candidates.length < 5) return null;
  candidates.sort((a, b) => b.g - a.g);
  const take = candidates.slice(0, Math.max(5, Math.ceil(BLUR_EDGE_SHARE * candidates.length)));
  const sigmas = take.map(({ g, x, y }) => {
    // The re-blurred gradient's peak may sit a pixel off: the steepest within one pixel.
    let g1 = 0;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) g1 = Math.max(g1, gradientAt(reblurred, width, x + dx, y + dy));
    const ratio = g / Math.max(g1, 1e-9);
    const measured = ratio > 1.0001 ? REBLUR_SIGMA / Math.sqrt(ratio * ratio - 1) : 8;
    return Math.sqrt(Math.max(0, measured * measured - DIFFERENCE_SIGMA * DIFFERENCE_SIGMA));
  });
  return Math.min(8, quantile(sigmas, 0.5));
}

/**
 * The blur (SD, px of the drawn overlay) to give the overlay so it is as soft as the photo: the photo's blur
 * scaled to the overlay's pixels, less what the renderer's own antialiasing already gives (about half a pixel).
 */
export function overlayBlurSigma(photoBlurSigmaPx: number, overlayPxPerPhotoPx: number): number {
  const RENDER_SIGMA = 0.5;
  const sigma = photoBlurSigmaPx * overlayPxPerPhotoPx;
  return Math.sqrt(Math.max(0, sigma * sigma - RENDER_SIGMA * RENDER_SIGMA));
}

/** The photo's grain as drawn when `overlayPxPerPhotoPx` < 1: a shrunken photo averages its noise away. */
export function overlayNoiseSigma(photoNoiseSigma: number, overlayPxPerPhotoPx: number): number {
  return photoNoiseSigma * Math.min(1, overlayPxPerPhotoPx);
}
