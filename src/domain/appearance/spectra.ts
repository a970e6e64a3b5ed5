/**
 * Spectral tables the skin model needs, 400–700 nm every 10 nm (outside that range the eye and the display
 * add under 0.5% of any channel): the CIE 1931 2° observer and illuminant D65 (CIE 15:2004), and the molar
 * extinction of oxy- and deoxyhaemoglobin (Prahl, "Optical absorption of hemoglobin", omlc.org, compiled
 * from Gratzer and Kollias), as used by Jacques 2013 (Phys. Med. Biol. 58 R37).
 */
import type { Rgb } from './types';

export const WAVELENGTHS_NM: readonly number[] = Array.from({ length: 31 }, (_, i) => 400 + 10 * i);

const D65 = [
  82.7549, 91.486, 93.4318, 86.6823, 104.865, 117.008, 117.812, 114.861, 115.923, 108.811, 109.354, 107.802,
  104.79, 107.689, 104.405, 104.046, 100, 96.3342, 95.788, 88.6856, 90.0062, 89.5991, 87.6987, 83.2886, 83.6992,
  80.0268, 80.2146, 82.2778, 78.2842, 69.7213, 71.6091,
];
const CMF_X = [
  0.01431, 0.04351, 0.13438, 0.2839, 0.34828, 0.3362, 0.2908, 0.19536, 0.09564, 0.03201, 0.0049, 0.0093, 0.06327,
  0.1655, 0.2904, 0.43345, 0.5945, 0.7621, 0.9163, 1.0263, 1.0622, 1.0026, 0.85445, 0.6424, 0.4479, 0.2835, 0.1649,
  0.0874, 0.04677, 0.0227, 0.011359,
];
const CMF_Y = [
  0.000396, 0.00121, 0.004, 0.0116, 0.023, 0.038, 0.06, 0.09098, 0.13902, 0.20802, 0.323, 0.503, 0.71, 0.862, 0.954,
  0.99495, 0.995, 0.952, 0.87, 0.757, 0.631, 0.503, 0.381, 0.265, 0.175, 0.107, 0.061, 0.032, 0.017, 0.00821,
  0.004102,
];
const CMF_Z = [
  0.06785, 0.2074, 0.6456, 1.3856, 1.74706, 1.77211, 1.6692, 1.28764, 0.81295, 0.46518, 0.272, 0.1582, 0.07825,
  0.04216, 0.0203, 0.00875, 0.0039, 0.0021, 0.00165, 0.0011, 0.0008, 0.00034, 0.00019, 0.00005, 0.00002, 0, 0, 0,
  0, 0, 0,
];
/** Molar extinction coefficients, cm⁻¹/M (base 10). */
const HBO2 = [
  266232, 466840, 480360, 246072, 102580, 62816, 44480, 33209.2, 26629.2, 23684.4, 20932.8, 20035.2, 24202.4,
  39956.8, 53236, 43016, 32613.2, 44496, 50104, 14400.8, 3200, 1506, 942, 610, 442, 368, 319.6, 294, 277.6, 276, 290,
];
const HB = [
  223296, 303956, 407560, 528600, 413280, 103292, 23388.8, 16156.4, 14550, 16684, 20862, 25773.6, 31589.6, 39036.4,
  46592, 53412, 53788, 45072, 37020, 28324.4, 14677.2, 9443.6, 6509.6, 5148.8, 4345.2, 3750.12, 3226.56, 2795.12,
  2407.92, 2051.96, 1794.28,
];

/** Linear interpolation in a table sampled at WAVELENGTHS_NM (clamped at the ends). */
function sample(table: readonly number[], nm: number): number {
  const x = Math.min(30, Math.max(0, (nm - 400) / 10));
  const i = Math.min(29, Math.floor(x));
  return table[i]! + (table[i + 1]! - table[i]!) * (x - i);
}

/**
 * Absorption of whole blood (mm⁻¹) at oxygen saturation `saturation`: 150 g/L haemoglobin of molar mass
 * 64 500 g/mol, μa = ln(10)·ε·c (Prahl).
 */
export function bloodAbsorptionPerMm(nm: number, saturation: number): number {
  const molar = 150 / 64500;
  const epsilon = saturation * sample(HBO2, nm) + (1 - saturation) * sample(HB, nm);
  return (Math.LN10 * epsilon * molar) / 10;
}

// sRGB primaries from CIE XYZ (IEC 61966-2-1), as in color.ts.
const XYZ_TO_RGB = [
  [3.2404542, -1.5371385, -0.4985314],
  [-0.969266, 1.8760108, 0.041556],
  [0.0556434, -0.2040259, 1.0572252],
] as const;

/** Per wavelength, the weight each linear sRGB channel gives a reflectance under D65 (a white reflector gives 1, 1, 1). */
export const CHANNEL_WEIGHTS: readonly Rgb[] = (() => {
  const raw = WAVELENGTHS_NM.map((_, i) => {
    const xyz = [CMF_X[i]! * D65[i]!, CMF_Y[i]! * D65[i]!, CMF_Z[i]! * D65[i]!];
    return XYZ_TO_RGB.map((row) => row[0] * xyz[0]! + row[1] * xyz[1]! + row[2] * xyz[2]!);
  });
  const white = [0, 1, 2].map((c) => raw.reduce((sum, w) => sum + w[c]!, 0));
  return raw.map((w) => [w[0]! / white[0]!, w[1]! / white[1]!, w[2]! / white[2]!] as const);
})();

/** A reflectance spectrum (one value per WAVELENGTHS_NM) seen under D65, as linear sRGB channels. */
export function spectrumToLinearRgb(reflectance: readonly number[]): Rgb {
  const out: [number, number, number] = [0, 0, 0];
  CHANNEL_WEIGHTS.forEach((w, i) => {
    for (const c of [0, 1, 2] as const) out[c] += w[c] * reflectance[i]!;
  });
  return out;
}
