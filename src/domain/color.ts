/** sRGB `#rrggbb` colours to and from linear light, where mixing and luminance are physically meaningful. */

type Rgb = [number, number, number];

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toSrgb = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

export function hexToLinear(hex: string): Rgb {
  return [0, 1, 2].map((i) => toLinear(parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255)) as Rgb;
}

/** Linear-light channels back to `#rrggbb`, each clamped to 0..1. */
export function linearToHex(rgb: readonly number[]): string {
  const byte = (c: number) => Math.round(toSrgb(Math.min(1, Math.max(0, c))) * 255).toString(16).padStart(2, '0');
  return `#${rgb.map(byte).join('')}`;
}

export function luminanceOfLinear(rgb: readonly number[]): number {
  return 0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!;
}

/** Relative luminance (0..1) of an sRGB `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  return luminanceOfLinear(hexToLinear(hex));
}
