/** sRGB `#rrggbb` colours to and from linear light, where mixing and luminance are physically meaningful. */

type Rgb = [number, number, number];

/** One sRGB channel (0..1) in linear light. */
export const srgbToLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
/** One linear-light channel (0..1) in sRGB. */
export const linearToSrgb = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

export function hexToLinear(hex: string): Rgb {
  return [0, 1, 2].map((i) => srgbToLinear(parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255)) as Rgb;
}

/** Linear-light channels back to `#rrggbb`, each clamped to 0..1. */
export function linearToHex(rgb: readonly number[]): string {
  const byte = (c: number) => Math.round(linearToSrgb(Math.min(1, Math.max(0, c))) * 255).toString(16).padStart(2, '0');
  return `#${rgb.map(byte).join('')}`;
}

export function luminanceOfLinear(rgb: readonly number[]): number {
  return 0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!;
}

/** Relative luminance (0..1) of an sRGB `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  return luminanceOfLinear(hexToLinear(hex));
}

/** CIELAB colour (D65 white): L* 0..100, a* green–red, b* blue–yellow. */
export type Lab = [number, number, number];

// sRGB primaries to CIE XYZ (D65), and the D65 white point (IEC 61966-2-1).
const RGB_TO_XYZ = [
  [0.4124564, 0.3575761, 0.1804375],
  [0.2126729, 0.7151522, 0.072175],
  [0.0193339, 0.119192, 0.9503041],
] as const;
const XYZ_TO_RGB = [
  [3.2404542, -1.5371385, -0.4985314],
  [-0.969266, 1.8760108, 0.041556],
  [0.0556434, -0.2040259, 1.0572252],
] as const;
const WHITE = [0.95047, 1, 1.08883] as const;
const LAB_EPSILON = 216 / 24389;
const LAB_KAPPA = 24389 / 27;

/** Linear-light sRGB channels to CIELAB. */
export function linearToLab(rgb: readonly number[]): Lab {
  const f = (row: readonly number[], white: number) => {
    const t = (row[0]! * rgb[0]! + row[1]! * rgb[1]! + row[2]! * rgb[2]!) / white;
    return t > LAB_EPSILON ? Math.cbrt(t) : (LAB_KAPPA * t + 16) / 116;
  };
  const fx = f(RGB_TO_XYZ[0], WHITE[0]), fy = f(RGB_TO_XYZ[1], WHITE[1]), fz = f(RGB_TO_XYZ[2], WHITE[2]);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIELAB back to linear-light sRGB channels (not clamped: out-of-gamut colours fall outside 0..1). */
export function labToLinear(lab: Lab): [number, number, number] {
  const fy = (lab[0] + 16) / 116;
  const inverse = (f: number) => (f ** 3 > LAB_EPSILON ? f ** 3 : (116 * f - 16) / LAB_KAPPA);
  const xyz = [inverse(fy + lab[1] / 500) * WHITE[0], inverse(fy) * WHITE[1], inverse(fy - lab[2] / 200) * WHITE[2]];
  return XYZ_TO_RGB.map((row) => row[0] * xyz[0]! + row[1] * xyz[1]! + row[2] * xyz[2]!) as [number, number, number];
}

/**
 * CIEDE2000 colour difference (Sharma, Wu & Dalal 2005, with kL = kC = kH = 1): the perceptual distance
 * between two colours, far more even across hues and for near-neutral tones such as skin than plain
 * Euclidean ΔE*ab. About 1 is just noticeable side by side under controlled viewing.
 */
export function deltaE2000(lab1: Lab, lab2: Lab): number {
  const [L1, a1, b1] = lab1;
  const [L2, a2, b2] = lab2;
  const rad = Math.PI / 180;
  const meanC = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(meanC ** 7 / (meanC ** 7 + 25 ** 7)));
  const a1p = (1 + g) * a1, a2p = (1 + g) * a2;
  const C1 = Math.hypot(a1p, b1), C2 = Math.hypot(a2p, b2);
  const hue = (b: number, a: number) => (b === 0 && a === 0 ? 0 : (Math.atan2(b, a) / rad + 360) % 360);
  const h1 = hue(b1, a1p), h2 = hue(b2, a2p);
  const dL = L2 - L1;
  const dC = C2 - C1;
  let dh = 0;
  if (C1 * C2 !== 0) dh = Math.abs(h2 - h1) <= 180 ? h2 - h1 : h2 - h1 > 180 ? h2 - h1 - 360 : h2 - h1 + 360;
  const dH = 2 * Math.sqrt(C1 * C2) * Math.sin((dh / 2) * rad);
  const Lm = (L1 + L2) / 2;
  const Cm = (C1 + C2) / 2;
  let hm = h1 + h2;
  if (C1 * C2 !== 0) hm = Math.abs(h1 - h2) <= 180 ? (h1 + h2) / 2 : h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
  const t = 1 - 0.17 * Math.cos((hm - 30) * rad) + 0.24 * Math.cos(2 * hm * rad) + 0.32 * Math.cos((3 * hm + 6) * rad) - 0.2 * Math.cos((4 * hm - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hm - 275) / 25) ** 2));
  const rc = 2 * Math.sqrt(Cm ** 7 / (Cm ** 7 + 25 ** 7));
  const sl = 1 + (0.015 * (Lm - 50) ** 2) / Math.sqrt(20 + (Lm - 50) ** 2);
  const sc = 1 + 0.045 * Cm;
  const sh = 1 + 0.015 * Cm * t;
  const rt = -Math.sin(2 * dTheta * rad) * rc;
  return Math.sqrt((dL / sl) ** 2 + (dC / sc) ** 2 + (dH / sh) ** 2 + rt * (dC / sc) * (dH / sh));
}
