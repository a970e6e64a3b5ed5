/**
 * Skin optics from published tissue formulas (Jacques 2013, "Optical properties of biological tissues: a
 * review", Phys. Med. Biol. 58 R37), in two layers as in Donner & Jensen 2006: an epidermis whose absorption is
 * set by its melanin, over a thick dermis whose absorption is its blood. Lengths in mm.
 */
import { hexToLinear, linearToLab } from '../color';
import { PIGMENT_KERNEL_TABLE } from './pigmentKernelTable';
import { bloodAbsorptionPerMm, spectrumToLinearRgb, WAVELENGTHS_NM } from './spectra';
import type { Rgb, SkinOptics } from './types';

/** Melanosome absorption, μa.mel = 519·(λ/500 nm)^−3.5 cm⁻¹ (Jacques 2013, eq. 6). */
export const melaninAbsorptionPerMm = (nm: number) => 51.9 * (nm / 500) ** -3.5;
/** Bloodless tissue baseline, μa = 0.244 + 85.3·exp(−(λ − 154)/66.2) cm⁻¹ (Jacques 2013, eq. 5). */
export const baselineAbsorptionPerMm = (nm: number) => (0.244 + 85.3 * Math.exp(-(nm - 154) / 66.2)) / 10;
/** Reduced scattering of skin, μs' = a·(λ/500 nm)^−b with a = 46.0 cm⁻¹, b = 1.421 (Jacques 2013, table 2, skin). */
export const reducedScatteringPerMm = (nm: number) => 4.6 * (nm / 500) ** -1.421;

/** Epidermis thickness: 0.07 mm (OCT of the scalp and trunk, ~0.05–0.1 mm; Sandby-Møller et al. 2003). */
export const EPIDERMIS_THICKNESS_MM = 0.07;
/** Dermal blood volume fraction: 0.6%, within Jacques' 0.2–7%; it gives the lightest skin L* ≈ 66 with a* ≈ 10 and b* ≈ 14–15 as measured, at 1–1.5% melanin (Jacques: light skin 1.3–6.3%). */
export const DERMAL_BLOOD_FRACTION = 0.006;
/** Mixed arterial/venous oxygen saturation of dermal blood (Jacques 2013 uses 0.75 for the dermis). */
export const BLOOD_SATURATION = 0.75;
/** Skin's refractive index (1.37–1.44 measured; Ding et al. 2006 / Jacques). */
export const SKIN_REFRACTIVE_INDEX = 1.4;
/**
 * Henyey–Greenstein anisotropy of the dermis: 0.8, van Gemert et al. 1989 (g = 0.62 + 0.29·10⁻³·λ/nm: 0.75 at
 * 450 nm to 0.80 at 620 nm; Jacques 2013 quotes 0.8–0.9). Only μs' = μs·(1 − g) matters beyond ~0.3 mm.
 */
export const SKIN_ANISOTROPY = 0.8;

/**
 * Effective wavelength of each display channel (nm): where one wavelength's reflectance best matches the
 * channel's value integrated over the spectrum (CIE 1931 observer × D65 → linear sRGB) for melanin 0.5–30%
 * (rms error 6%, 6% and 2%; tests/unit/appearanceSkin.test.ts). Blue sits at 450 nm, not 465, because the
 * channel also sees the strong blood absorption below 450 nm.
 */
export const CHANNEL_WAVELENGTHS_NM: Rgb = [620, 530, 450];

export interface LayerOptics {
  epidermisAbsorption: number;
  dermisAbsorption: number;
  reducedScattering: number;
}

/** Both layers' optics at one wavelength, for a melanin volume fraction. */
export function layerOpticsAt(nm: number, melanin: number): LayerOptics {
  const baseline = baselineAbsorptionPerMm(nm);
  return {
    epidermisAbsorption: melanin * melaninAbsorptionPerMm(nm) + (1 - melanin) * baseline,
    dermisAbsorption: DERMAL_BLOOD_FRACTION * bloodAbsorptionPerMm(nm, BLOOD_SATURATION) + (1 - DERMAL_BLOOD_FRACTION) * baseline,
    reducedScattering: reducedScatteringPerMm(nm),
  };
}

/** Internal diffuse reflectance of a boundary of relative index n (Egan & Hilgeman fit, as in Jensen 2001). */
export const diffuseFresnel = (n: number) => -1.44 / n ** 2 + 0.71 / n + 0.668 + 0.0636 * n;

/**
 * Diffuse reflectance of the two-layer skin at one wavelength, in closed form: the dipole total diffuse
 * reflectance of a semi-infinite medium (Jensen et al. 2001, eq. 7, with the index mismatch's boundary term),
 * seen through the epidermis' extra absorption on a mean path of 3 thicknesses. Good for the spectrum's shape
 * (it chooses the channels' effective wavelengths); the albedo itself comes from the Monte Carlo.
 */
export function diffuseReflectance(epidermisAbsorption: number, dermisAbsorption: number, reducedScattering: number, epidermisMm: number, n: number): number {
  const albedo = reducedScattering / (reducedScattering + dermisAbsorption);
  const fdr = diffuseFresnel(n);
  const a = (1 + fdr) / (1 - fdr);
  const s = Math.sqrt(3 * (1 - albedo));
  const semiInfinite = (albedo / 2) * (1 + Math.exp((-4 / 3) * a * s)) * Math.exp(-s);
  const epidermisExtra = Math.max(0, epidermisAbsorption - dermisAbsorption);
  return semiInfinite * Math.exp(-3 * epidermisExtra * epidermisMm);
}

/** The skin optics at the channels' effective wavelengths for an epidermal melanin fraction. */
export function skinOpticsForMelanin(melanin: number): SkinOptics {
  const at = CHANNEL_WAVELENGTHS_NM.map((nm) => layerOpticsAt(nm, melanin));
  const rgb = (f: (o: LayerOptics) => number): Rgb => [f(at[0]!), f(at[1]!), f(at[2]!)];
  return {
    epidermis: {
      thicknessMm: EPIDERMIS_THICKNESS_MM,
      absorptionPerMm: rgb((o) => o.epidermisAbsorption),
      reducedScatteringPerMm: rgb((o) => o.reducedScattering),
    },
    dermis: { absorptionPerMm: rgb((o) => o.dermisAbsorption), reducedScatteringPerMm: rgb((o) => o.reducedScattering) },
    anisotropy: SKIN_ANISOTROPY,
    refractiveIndex: SKIN_REFRACTIVE_INDEX,
    melaninFraction: melanin,
  };
}

/**
 * Diffuse reflectance (albedo) of that skin per channel, linear 0..1: the renderer's base colour of the skin.
 * It is the Monte Carlo's (scripts/pigment-mc.ts, the same runs as the pigment kernels, so a kernel's
 * darkening is relative to exactly this), interpolated over the epidermal melanin; the dipole closed form
 * above is off by up to 30% under a pigmented epidermis, which scatters as well as absorbs.
 */
export function skinAlbedo(optics: SkinOptics): Rgb {
  const { melanins, reflectance } = PIGMENT_KERNEL_TABLE;
  const x = Math.log(Math.min(melanins[melanins.length - 1]!, Math.max(melanins[0]!, optics.melaninFraction)));
  let i = 0;
  while (i < melanins.length - 2 && Math.log(melanins[i + 1]!) < x) i++;
  const t = (x - Math.log(melanins[i]!)) / (Math.log(melanins[i + 1]!) - Math.log(melanins[i]!));
  // Reflectance falls about exponentially with melanin: interpolate its logarithm.
  const c = (k: 0 | 1 | 2) => Math.exp((1 - t) * Math.log(reflectance[i]![k]!) + t * Math.log(reflectance[i + 1]![k]!));
  return [c(0), c(1), c(2)];
}

/** The full reflectance spectrum of the skin (for the spectral check of the channels' effective wavelengths). */
export function skinSpectrum(melanin: number): number[] {
  return WAVELENGTHS_NM.map((nm) => {
    const o = layerOpticsAt(nm, melanin);
    return diffuseReflectance(o.epidermisAbsorption, o.dermisAbsorption, o.reducedScattering, EPIDERMIS_THICKNESS_MM, SKIN_REFRACTIVE_INDEX);
  });
}

/** The skin's colour under D65 from its full spectrum, linear sRGB. */
export const skinSpectralRgb = (melanin: number): Rgb => spectrumToLinearRgb(skinSpectrum(melanin));

/** The skin's colour per channel as CIELAB (D65). */
export const skinLab = (optics: SkinOptics) => linearToLab(skinAlbedo(optics));

/** Individual typology angle (Chardon et al. 1991): atan((L* − 50)/b*) in degrees, the dermatologists' skin-colour scale. */
export function typologyAngle(lab: readonly number[]): number {
  return (Math.atan2(lab[0]! - 50, lab[2]!) * 180) / Math.PI;
}

/**
 * Measured skin lightness spans L* ≈ 66–70 for very light skin (ITA > 55°) to L* ≈ 28–30 for very dark skin
 * (ITA < −50°) (Chardon et al. 1991; Del Bino et al. 2006; Wilkes et al. 2015). A Monk swatch is a display
 * colour, not a reflectance (Monk 1 is L* 94), so a tone is placed on that measured range by its swatch's
 * ITA, which orders the ten swatches strictly (their L* alone does not: Monk 3 is lighter than Monk 2).
 */
export const MEASURED_SKIN_LIGHTNESS = { lightest: 66, darkest: 28 } as const;
const MONK_1_ITA = typologyAngle(linearToLab(hexToLinear('#f6ede4')));
const MONK_10_ITA = typologyAngle(linearToLab(hexToLinear('#292420')));

/** The measured-skin lightness a tone stands for. */
export function skinLightnessForTone(hex: string): number {
  const ita = typologyAngle(linearToLab(hexToLinear(hex)));
  const t = (ita - MONK_10_ITA) / (MONK_1_ITA - MONK_10_ITA);
  const { lightest, darkest } = MEASURED_SKIN_LIGHTNESS;
  return Math.min(lightest + 4, Math.max(darkest - 8, darkest + t * (lightest - darkest)));
}

const MELANIN_RANGE = [PIGMENT_KERNEL_TABLE.melanins[0], PIGMENT_KERNEL_TABLE.melanins.at(-1)!] as const;

/** The skin optics of a tone '#rrggbb' (a Monk swatch or any colour): the melanin whose albedo has the tone's measured-skin lightness. */
export function skinOpticsForTone(hex: string): SkinOptics {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`A skin tone is a colour '#rrggbb', not '${hex}'.`);
  const target = skinLightnessForTone(hex);
  let [lo, hi] = [Math.log(MELANIN_RANGE[0]), Math.log(MELANIN_RANGE[1])];
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (skinLab(skinOpticsForMelanin(Math.exp(mid)))[0] > target) lo = mid;
    else hi = mid;
  }
  return skinOpticsForMelanin(Math.exp((lo + hi) / 2));
}
