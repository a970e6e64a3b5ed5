/**
 * A synthetic photo in Node: the default head's meshes warped to a shape, placed before a pinhole camera and
 * rasterised with a depth buffer onto an RGBA picture, shaded by a soft key light and an ambient term, over
 * a background; then blurred a little and given sensor noise, as a phone photo's edges and grain are. What
 * the outline search (src/domain/photo/outlineSearch.ts) reads in the photo-fit tests and the benchmark.
 */
import { warpPositions, type HeadShape } from '../../src/domain/head/headShape';
import { meshVertexNormals } from '../../src/domain/head/meshTools';
import type { PhotoCamera } from '../../src/domain/photo/camera';
import type { RgbaImage } from '../../src/domain/photo/outlineSearch';
import type { Similarity } from '../../src/domain/scan/align';

export interface RenderMesh {
  positions: ArrayLike<number>;
  indices: ArrayLike<number>;
  /** Albedo, 0–255 per channel. */
  colour: readonly [number, number, number];
}

/**
 * Backgrounds a consultation photo has: a pale wall, a dark one, a wall lit from one side (a gradient), and
 * a cluttered room (blotches of several colours).
 */
export type Background = 'pale' | 'dark' | 'gradient' | 'cluttered';
export const BACKGROUNDS: readonly Background[] = ['pale', 'dark', 'gradient', 'cluttered'];

export interface RenderOptions {
  background: Background;
  /** Sensor noise, 1 SD in 0–255 units per channel. */
  noise: number;
  /** Optical blur, 1 SD in pixels. */
  blurPx: number;
  random: () => number;
}

/** Towards the key light, camera frame: above, to the left and in front of the face. */
const LIGHT = normalise([-0.35, 0.45, 0.82]);
const AMBIENT = 0.4;
const DIFFUSE = 0.65;

export function renderPhoto(meshes: RenderMesh[], shape: HeadShape, pose: Similarity, camera: PhotoCamera, options: RenderOptions): RgbaImage {
  const { widthPx: width, heightPx: height } = camera;
  const colour = new Float32Array(width * height * 3);
  const depth = new Float32Array(width * height).fill(Infinity);
  fillBackground(colour, width, height, options.background, options.random, meshes[0]?.colour ?? [0, 0, 0]);
  for (const mesh of meshes) drawMesh(mesh, shape, pose, camera, colour, depth);
  const blurred = blur(colour, width, height, options.blurPx);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let k = 0; k < 3; k++) data[4 * i + k] = blurred[3 * i + k]! + options.noise * gaussian(options.random);
    data[4 * i + 3] = 255;
  }
  return { width, height, data };
}

function drawMesh(mesh: RenderMesh, shape: HeadShape, pose: Similarity, camera: PhotoCamera, colour: Float32Array, depthBuffer: Float32Array): void {
  const warped = warpPositions(shape, mesh.positions);
  const indices = Uint32Array.from(mesh.indices);
  const normals = meshVertexNormals(warped, indices);
  const count = warped.length / 3;
  const r = pose.rotation, t = pose.translation;
  // Per vertex: pixel position, depth and shade.
  const sx = new Float32Array(count), sy = new Float32Array(count), sz = new Float32Array(count), shade = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const p = [warped[3 * i]!, warped[3 * i + 1]!, warped[3 * i + 2]!];
    const n = [normals[3 * i]!, normals[3 * i + 1]!, normals[3 * i + 2]!];
    const q = [0, 1, 2].map((k) => r[3 * k]! * p[0]! + r[3 * k + 1]! * p[1]! + r[3 * k + 2]! * p[2]! + t[k]!);
    const m = [0, 1, 2].map((k) => r[3 * k]! * n[0]! + r[3 * k + 1]! * n[1]! + r[3 * k + 2]! * n[2]!);
    const d = -q[2]!;
    sx[i] = camera.widthPx / 2 + (camera.focalPx * q[0]!) / d;
    sy[i] = camera.heightPx / 2 - (camera.focalPx * q[1]!) / d;
    sz[i] = d;
    const l = Math.hypot(m[0]!, m[1]!, m[2]!) || 1;
    shade[i] = AMBIENT + DIFFUSE * Math.max(0, (m[0]! * LIGHT[0] + m[1]! * LIGHT[1] + m[2]! * LIGHT[2]) / l);
  }
  const { widthPx: width, heightPx: height } = camera;
  for (let f = 0; f < indices.length; f += 3) {
    const a = indices[f]!, b = indices[f + 1]!, c = indices[f + 2]!;
    if (!(sz[a]! > 0 && sz[b]! > 0 && sz[c]! > 0)) continue;
    const area = (sx[b]! - sx[a]!) * (sy[c]! - sy[a]!) - (sx[c]! - sx[a]!) * (sy[b]! - sy[a]!);
    if (area === 0) continue;
    const x0 = Math.max(0, Math.floor(Math.min(sx[a]!, sx[b]!, sx[c]!))), x1 = Math.min(width - 1, Math.ceil(Math.max(sx[a]!, sx[b]!, sx[c]!)));
    const y0 = Math.max(0, Math.floor(Math.min(sy[a]!, sy[b]!, sy[c]!))), y1 = Math.min(height - 1, Math.ceil(Math.max(sy[a]!, sy[b]!, sy[c]!)));
    for (let y = y0; y <= y1; y++) {
      const py = y + 0.5;
      for (let x = x0; x <= x1; x++) {
        const px = x + 0.5;
        const wa = ((sx[b]! - px) * (sy[c]! - py) - (sx[c]! - px) * (sy[b]! - py)) / area;
        const wb = ((sx[c]! - px) * (sy[a]! - py) - (sx[a]! - px) * (sy[c]! - py)) / area;
        const wc = 1 - wa - wb;
        if (wa < 0 || wb < 0 || wc < 0) continue;
        // Depth interpolated as its reciprocal, which is linear across a projected triangle.
        const z = 1 / (wa / sz[a]! + wb / sz[b]! + wc / sz[c]!);
        const i = y * width + x;
        if (z >= depthBuffer[i]!) continue;
        depthBuffer[i] = z;
        const s = wa * shade[a]! + wb * shade[b]! + wc * shade[c]!;
        for (let k = 0; k < 3; k++) colour[3 * i + k] = mesh.colour[k]! * s;
      }
    }
  }
}

/** The least difference in chromaticity (red and green shares) between a cluttered background's blotch and the skin. */
const UNLIKE_SKIN = 0.03;

/**
 * The background. A cluttered one's blotches are of any colour but the skin's own hue: where the background
 * has the scalp's colour right behind it, the outline cannot be seen there at all (a limit of any outline
 * search, stated in the README), which is not what these photos test.
 */
function fillBackground(colour: Float32Array, width: number, height: number, background: Background, random: () => number, skin: readonly number[]): void {
  const chroma = (c: readonly number[]) => [c[0]! / (c[0]! + c[1]! + c[2]!), c[1]! / (c[0]! + c[1]! + c[2]!)] as const;
  const [skinR, skinG] = chroma(skin);
  const blotchColour = (): number[] => {
    for (;;) {
      const rgb = [40 + 200 * random(), 40 + 200 * random(), 40 + 200 * random()];
      const [r, g] = chroma(rgb);
      if (Math.hypot(r - skinR, g - skinG) > UNLIKE_SKIN) return rgb;
    }
  };
  const blotches = Array.from({ length: 14 }, () => ({
    x: random() * width,
    y: random() * height,
    radius: (0.1 + 0.25 * random()) * height,
    rgb: blotchColour(),
  }));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 3 * (y * width + x);
      let rgb: number[];
      if (background === 'pale') rgb = [222, 220, 214].map((v) => v - (12 * y) / height);
      else if (background === 'dark') rgb = [38, 42, 52];
      else if (background === 'gradient') rgb = [90 + (140 * x) / width, 110 + (100 * x) / width, 140 + (60 * y) / height];
      else {
        rgb = [150, 140, 120];
        for (const b of blotches) if ((x - b.x) ** 2 + (y - b.y) ** 2 < b.radius ** 2) rgb = b.rgb;
      }
      colour.set(rgb, i);
    }
  }
}

/** Separable Gaussian blur of an RGB float picture (edges clamped). */
function blur(colour: Float32Array, width: number, height: number, sigmaPx: number): Float32Array {
  if (!(sigmaPx > 0)) return colour;
  const radius = Math.ceil(3 * sigmaPx);
  const kernel = Array.from({ length: 2 * radius + 1 }, (_, k) => Math.exp(-((k - radius) ** 2) / (2 * sigmaPx * sigmaPx)));
  const total = kernel.reduce((s, v) => s + v, 0);
  const weights = kernel.map((v) => v / total);
  const pass = (src: Float32Array, horizontal: boolean) => {
    const out = new Float32Array(src.length);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let r = 0, g = 0, b = 0;
        for (let k = -radius; k <= radius; k++) {
          const xx = horizontal ? Math.min(width - 1, Math.max(0, x + k)) : x;
          const yy = horizontal ? y : Math.min(height - 1, Math.max(0, y + k));
          const j = 3 * (yy * width + xx), w = weights[k + radius]!;
          r += w * src[j]!;
          g += w * src[j + 1]!;
          b += w * src[j + 2]!;
        }
        const i = 3 * (y * width + x);
        out[i] = r;
        out[i + 1] = g;
        out[i + 2] = b;
      }
    }
    return out;
  };
  return pass(pass(colour, true), false);
}

/** A normally distributed number (Box–Muller). */
export const gaussian = (random: () => number) => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

function normalise(v: [number, number, number]): [number, number, number] {
  const l = Math.hypot(...v);
  return [v[0] / l, v[1] / l, v[2] / l];
}
