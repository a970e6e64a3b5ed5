/** Pixel statistics for the browser tests: statistical checks of what the shader drew, not golden images. */
import type { Image } from './harness';

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const srgbToLinear = (v: number) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const LINEAR = Array.from({ length: 256 }, (_, i) => srgbToLinear(i));

/** Linear-light luminance of a pixel. */
export function linearLuminance(img: Image, x: number, y: number): number {
  const i = (y * img.width + x) * 4;
  return 0.2126 * LINEAR[img.data[i]!]! + 0.7152 * LINEAR[img.data[i + 1]!]! + 0.0722 * LINEAR[img.data[i + 2]!]!;
}

export function centralRect(img: Image, fraction: number): Rect {
  const w = Math.round(img.width * fraction);
  const h = Math.round(img.height * fraction);
  const x0 = Math.round((img.width - w) / 2);
  const y0 = Math.round((img.height - h) / 2);
  return { x0, y0, x1: x0 + w, y1: y0 + h };
}

export function meanLuminance(img: Image, r: Rect): number {
  let sum = 0;
  for (let y = r.y0; y < r.y1; y++) for (let x = r.x0; x < r.x1; x++) sum += linearLuminance(img, x, y);
  return sum / ((r.x1 - r.x0) * (r.y1 - r.y0));
}

/** Per pixel, how much darker than the bare skin (linear luminance) over a region, row by row. */
export function darkeningMap(img: Image, bare: Image, r: Rect): Float32Array {
  const w = r.x1 - r.x0;
  const map = new Float32Array(w * (r.y1 - r.y0));
  for (let y = r.y0; y < r.y1; y++) for (let x = r.x0; x < r.x1; x++) map[(y - r.y0) * w + (x - r.x0)] = linearLuminance(bare, x, y) - linearLuminance(img, x, y);
  return map;
}

/** The share of the bare skin's light (linear luminance) that the pigment takes over a region. */
export function meanDarkening(img: Image, bare: Image, r: Rect): number {
  return 1 - meanLuminance(img, r) / meanLuminance(bare, r);
}

/** Connected groups of set pixels (4-neighbour), ignoring those touching the edge; returns their areas. */
export function blobAreas(mask: Uint8Array, width: number): number[] {
  const height = mask.length / width;
  const seen = new Uint8Array(mask.length);
  const areas: number[] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    let area = 0;
    let touchesEdge = false;
    stack.push(start);
    seen[start] = 1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      area++;
      const x = i % width;
      const y = (i - x) / width;
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) touchesEdge = true;
      for (const j of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, y > 0 ? i - width : -1, y < height - 1 ? i + width : -1]) {
        if (j >= 0 && mask[j] && !seen[j]) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    if (!touchesEdge) areas.push(area);
  }
  return areas;
}

/** Mean absolute difference of linear luminance between two pictures of the same size, 0..1. */
export function meanLuminanceDifference(a: Image, b: Image): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`pictures of different sizes: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  let sum = 0;
  for (let y = 0; y < a.height; y++) for (let x = 0; x < a.width; x++) sum += Math.abs(linearLuminance(a, x, y) - linearLuminance(b, x, y));
  return sum / (a.width * a.height);
}

/** Mean linear-light red, green and blue over a region. */
export function meanLinearColour(img: Image, r: Rect): [number, number, number] {
  const sum = [0, 0, 0];
  for (let y = r.y0; y < r.y1; y++) {
    for (let x = r.x0; x < r.x1; x++) {
      const i = (y * img.width + x) * 4;
      for (let c = 0; c < 3; c++) sum[c]! += LINEAR[img.data[i + c]!]!;
    }
  }
  const n = (r.x1 - r.x0) * (r.y1 - r.y0);
  return [sum[0]! / n, sum[1]! / n, sum[2]! / n];
}
