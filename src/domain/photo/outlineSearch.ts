import { applySimilarityToPoint } from '../scan/align.ts';
import { fitHeadToPhotos, type HeadFit, type PhotoFit, type PhotoView, type TypedMeasurement } from './headFit.ts';
import type { HeadPhotoPoints } from './headLandmarks3d.ts';
import { predictedHeadOutline, type HeadOutlineSurface, type OutlinePoint } from './headOutline.ts';
import type { ImagePoint } from './photoLandmarks.ts';

/**
 * Finding the head's outline on a photo, and the fit that uses it. Pure: the photo is an RGBA array (a
 * canvas's ImageData, a decoded PNG), so it runs in a worker or in Node alike.
 *
 * The search is an active contour's step, done once per point: from the outline the head is predicted to
 * have (headOutline.ts, after a fit to the landmarks), look along the outline's normal, inward and outward,
 * for where the picture changes from looking like the head to looking like the background. The head's look
 * is the median colour well inside the predicted outline, all around it (scalp or short hair); at each
 * position along a normal the colour just inside and just outside are compared with it, and the outline
 * is where the outside is farthest from the head's look beyond what the inside is: an edge inside the head
 * (a shadow, the hairline) or in the background (a door frame) scores low, as the colours on both its sides
 * are alike, or both unlike the head. The crossing is placed to a fraction of a pixel where the colour is
 * halfway between its two sides. Points whose two sides differ too little (a background the colour of the
 * head) are left out, and the fit weighs down those that still disagree with the rest.
 */

/** A picture as RGBA bytes, row by row from the top-left corner (a canvas's ImageData). */
export interface RgbaImage {
  width: number;
  height: number;
  data: ArrayLike<number>;
}

export interface OutlineSearch {
  /** How far to look on each side of the predicted outline, pixels. */
  rangePx: number;
  /** Pixels per millimetre at the head: sets the windows compared on each side of a crossing. */
  pxPerMm: number;
}

/** How much more unlike the head the outside must be than the inside (in the units of `feature`). */
const MIN_STEP = 12;
/** The colour on each side of a crossing is averaged over this (mm), at least 2 pixels: wider than the blur of the edge, narrower than the head's shading changes. */
const SIDE_MM = 1.5;
/** Each normal is read as five parallel lines this far apart (pixels), so a pixel's noise or a hair counts little. */
const STRAND_PX = 1;
/** Offsets compared with those of this many guide points on each side (about 2° of the outline each)... */
const NEIGHBOURS = 6;
/** ...and kept within this of their median (mm). */
const CONSISTENT_MM = 3;
/**
 * Colours are compared by chromaticity, which shading does not change (a lit and a shadowed side of the
 * scalp have one hue), and by brightness with less weight: a pale wall and a pale scalp differ in hue, a dark
 * wall in brightness.
 */
const CHROMA_WEIGHT = 400;
const BRIGHTNESS_WEIGHT = 0.25;
/** The head's look comes from this far inside the predicted outline (mm). */
const INSIDE_MM: readonly [number, number] = [25, 35];

/** Where the head's outline is on the photo near each point of the predicted outline `guide`, pixels. */
export function findHeadOutline(image: RgbaImage, guide: OutlinePoint[], search: OutlineSearch): ImagePoint[] {
  if (guide.length === 0) return [];
  const side = Math.max(2, Math.round(SIDE_MM * search.pxPerMm));
  const range = Math.max(Math.round(search.rangePx), side + 1);
  const head = headColour(image, guide, search.pxPerMm);
  const offsets = guide.map((g) => {
    const profile = readProfile(image, g, -range - side, range + side);
    return profile ? bestCrossing(profile, head, side, range) : null;
  });
  const agreed = agreeingOffsets(offsets, CONSISTENT_MM * search.pxPerMm);
  return guide.flatMap((g, i) => {
    const t = agreed[i];
    return t === null || t === undefined ? [] : [[g.point[0] + t * g.normal[0], g.point[1] + t * g.normal[1]] as ImagePoint];
  });
}

/**
 * The offsets that agree with their neighbours along the outline: the predicted outline is off by a smooth
 * amount (a head a little larger, longer, turned a little more), so an offset far from the median of the
 * ones around it is a background edge or a shadow.
 */
function agreeingOffsets(offsets: (number | null)[], tolerancePx: number): (number | null)[] {
  return offsets.map((t, i) => {
    if (t === null) return null;
    const around: number[] = [];
    for (let k = i - NEIGHBOURS; k <= i + NEIGHBOURS; k++) {
      const u = offsets[k];
      if (k !== i && u !== null && u !== undefined) around.push(u);
    }
    if (around.length < NEIGHBOURS) return null;
    around.sort((a, b) => a - b);
    return Math.abs(t - around[around.length >> 1]!) <= tolerancePx ? t : null;
  });
}

/** The median colour (per feature channel) well inside the predicted outline, all around it. */
function headColour(image: RgbaImage, guide: OutlinePoint[], pxPerMm: number): number[] {
  const channels: number[][] = [[], [], []];
  const [from, to] = INSIDE_MM.map((mm) => Math.round(mm * pxPerMm)) as [number, number];
  for (const g of guide) {
    const profile = readProfile(image, g, -to, -from);
    if (!profile) continue;
    for (const c of profile.colours) for (let k = 0; k < 3; k++) channels[k]!.push(c[k]!);
  }
  return channels.map((values) => {
    values.sort((a, b) => a - b);
    return values[values.length >> 1] ?? 0;
  });
}

interface Profile {
  /** Colours at offsets from..to (pixels along the outward normal), one per pixel. */
  colours: number[][];
  from: number;
}

/** The mean colour of five parallel strands along the normal at each whole-pixel offset; null when it leaves the picture. */
function readProfile(image: RgbaImage, g: OutlinePoint, from: number, to: number): Profile | null {
  const [nx, ny] = g.normal;
  const tx = -ny, ty = nx;
  const colours: number[][] = [];
  for (let t = from; t <= to; t++) {
    let r = 0, gr = 0, b = 0;
    for (let k = -2; k <= 2; k++) {
      const c = sample(image, g.point[0] + t * nx + k * STRAND_PX * tx, g.point[1] + t * ny + k * STRAND_PX * ty);
      if (!c) return null;
      r += c[0];
      gr += c[1];
      b += c[2];
    }
    colours.push(feature(r / 5, gr / 5, b / 5));
  }
  return { colours, from };
}

/** Bilinear colour at a point (pixel centres at half-integers), or null outside the picture. */
function sample(image: RgbaImage, x: number, y: number): [number, number, number] | null {
  const fx = x - 0.5, fy = y - 0.5;
  const x0 = Math.floor(fx), y0 = Math.floor(fy);
  if (x0 < 0 || y0 < 0 || x0 + 1 >= image.width || y0 + 1 >= image.height) return null;
  const ax = fx - x0, ay = fy - y0;
  const d = image.data;
  const out: [number, number, number] = [0, 0, 0];
  const corners: [number, number, number][] = [
    [x0, y0, (1 - ax) * (1 - ay)],
    [x0 + 1, y0, ax * (1 - ay)],
    [x0, y0 + 1, (1 - ax) * ay],
    [x0 + 1, y0 + 1, ax * ay],
  ];
  for (const [px, py, w] of corners) {
    const i = 4 * (py * image.width + px);
    out[0] += w * d[i]!;
    out[1] += w * d[i + 1]!;
    out[2] += w * d[i + 2]!;
  }
  return out;
}

/** A colour as compared: chromaticity (red and green shares) and brightness, weighed (see CHROMA_WEIGHT). */
function feature(r: number, g: number, b: number): number[] {
  const sum = r + g + b + 1;
  return [(CHROMA_WEIGHT * r) / sum, (CHROMA_WEIGHT * g) / sum, (BRIGHTNESS_WEIGHT * sum) / 3];
}

const colourDistance = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

/**
 * The offset (pixels along the outward normal from the predicted outline) where the profile steps from the
 * head's look to the background's, to a fraction of a pixel; null when no step is clear enough.
 */
function bestCrossing(profile: Profile, head: number[], side: number, range: number): number | null {
  const { colours, from } = profile;
  // Running sums, so each window's mean is two lookups.
  const sums: number[][] = [[0, 0, 0]];
  for (const c of colours) {
    const last = sums[sums.length - 1]!;
    sums.push([last[0]! + c[0]!, last[1]! + c[1]!, last[2]! + c[2]!]);
  }
  const mean = (a: number, b: number) => [0, 1, 2].map((k) => (sums[b]![k]! - sums[a]![k]!) / (b - a));
  let best = -Infinity, bestAt = 0, inside: number[] = head, outside: number[] = head;
  for (let t = -range; t <= range; t++) {
    const i = t - from;
    const a = mean(i - side, i), b = mean(i, i + side);
    const score = colourDistance(b, head) - colourDistance(a, head);
    if (score > best) [best, bestAt, inside, outside] = [score, t, a, b];
  }
  if (best < MIN_STEP) return null;
  // Halfway between the two sides' colours, along the line between them: the blurred edge's middle.
  const axis = [0, 1, 2].map((k) => outside[k]! - inside[k]!);
  const axisLength2 = axis.reduce((s, v) => s + v * v, 0);
  const level = (t: number) => {
    const c = colours[t - from]!;
    return [0, 1, 2].reduce((s, k) => s + (c[k]! - inside[k]!) * axis[k]!, 0) / axisLength2 - 0.5;
  };
  for (let t = bestAt - side; t < bestAt + side; t++) {
    const l0 = level(t), l1 = level(t + 1);
    if (l0 <= 0 && l1 > 0) return t + l0 / (l0 - l1) - 0.5;
  }
  return bestAt - 0.5;
}

/** How far to look for the outline on the first search, mm: a head of the adult spread, placed by its face alone, is within this. */
const FIRST_RANGE_MM = 12;
/** And on the second, from the head already fitted to the outline. */
const SECOND_RANGE_MM = 6;

export interface PhotoImageFit extends PhotoFit {
  /** The outline points found on the photo and used by the final fit, pixels. */
  outline: ImagePoint[];
}

/** A photo with its picture, as `fitHeadToPhotoImages` takes it. */
export type PhotoWithImage = Omit<PhotoView, 'outline'> & { image: RgbaImage };

export interface PhotosImageFit extends HeadFit {
  /** Per photo, the outline points found on it and used by the final fit, pixels. */
  outlines: ImagePoint[][];
}

/** The head fitted to one photo from its landmarks and its outline (`fitHeadToPhotoImages` with one photo). */
export function fitHeadToPhotoImage(input: PhotoWithImage & { head: HeadPhotoPoints; outlineSurface: HeadOutlineSurface; measurement?: TypedMeasurement }): PhotoImageFit {
  const { head, outlineSurface, measurement, ...photo } = input;
  const { photos, outlines, ...fit } = fitHeadToPhotoImages({ photos: [photo], head, outlineSurface, ...(measurement && { measurement }) });
  return { ...photos[0]!, ...fit, outline: outlines[0]! };
}

/**
 * The head fitted to photos of one client from their landmarks and outlines: a fit to the landmarks places
 * the head in each photo, its predicted outline guides the search on each picture, and the fit to both
 * guides a second, narrower search and the final fit. A photo given without its picture (a crown or back
 * view's pins, where the head's outline against the background is not the one the search knows) counts by
 * its landmarks alone.
 */
export function fitHeadToPhotoImages(input: {
  photos: (PhotoWithImage | Omit<PhotoView, 'outline'>)[];
  head: HeadPhotoPoints;
  outlineSurface: HeadOutlineSurface;
  measurement?: TypedMeasurement;
}): PhotosImageFit {
  const { photos, head, outlineSurface, measurement } = input;
  const views = photos.map((photo) => {
    if (!('image' in photo)) return photo;
    const { image: _picture, ...view } = photo;
    return view;
  });
  const common = { head, outlineSurface, ...(measurement && { measurement }) };
  let fit = fitHeadToPhotos({ ...common, photos: views });
  let outlines: ImagePoint[][] = photos.map(() => []);
  for (const rangeMm of [FIRST_RANGE_MM, SECOND_RANGE_MM]) {
    const { shape } = fit;
    outlines = photos.map((photo, i) => {
      if (!('image' in photo)) return [];
      const { pose } = fit.photos[i]!;
      const guide = predictedHeadOutline(outlineSurface, shape, pose, photo.camera);
      // Pixels per millimetre at the middle of the cranium.
      const pxPerMm = photo.camera.focalPx / -applySimilarityToPoint([0, 90 * shape.size, 0], pose)[2];
      return findHeadOutline(photo.image, guide, { rangePx: rangeMm * pxPerMm, pxPerMm });
    });
    fit = fitHeadToPhotos({ ...common, photos: views.map((view, i) => ({ ...view, outline: outlines[i]! })) }, fit);
  }
  return { ...fit, outlines };
}
