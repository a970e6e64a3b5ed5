/**
 * A pigment deposit seen through the skin: its darkening as a radial kernel per display channel, and the mean
 * darkening of many deposits seen from afar.
 */
import { hexToLinear, linearToLab, luminanceOfLinear } from '../color';
import { PIGMENT_PRESETS } from '../pigment';
import { skinAlbedo } from './skin';
import type { PigmentKernel, Rgb, SkinOptics } from './types';

/**
 * Default depth (mm) of the top of a deposit below the surface: 0.3 mm, just below the epidermis/dermis
 * boundary (0.07 mm) in the papillary dermis, the middle of the 0.1–0.5 mm where SMP places its pigment
 * (domain notes); deeper deposits blur into the "helmet" look.
 */
export const DEFAULT_PIGMENT_DEPTH_MM = 0.3;

/** A deposit is a short cylinder this thick (mm): a needle's pigment spreads sideways in the papillary dermis. */
export const DEPOSIT_THICKNESS_MM = 0.1;

const UNDILUTED_SHADE = PIGMENT_PRESETS[0].color;
/**
 * Absorption (mm⁻¹, grey) of an undiluted deposit: carbon black sits in macrophage clusters that are black
 * themselves, so the deposit absorbs by their cross-section. Set so that the undiluted deposit, seen over a
 * white ground through its thickness and back, has the luminance of the undiluted shade (#1c1a19, 1.05%):
 * exp(−2·μa·t) = Y gives μa ≈ 23 mm⁻¹, the order of black 20 µm clusters filling ~15% of the deposit (¾·φ/r).
 */
export const UNDILUTED_DEPOSIT_ABSORPTION_PER_MM = -Math.log(luminanceOfLinear(hexToLinear(UNDILUTED_SHADE))) / (2 * DEPOSIT_THICKNESS_MM);

/**
 * Ink strength (0..1) of a pigment shade: carbon black diluted with water absorbs in proportion to its
 * concentration (Beer–Lambert), so strength = ln Y(shade) / ln Y(undiluted shade). The default #2e2a28 is 0.82.
 */
export function inkStrengthForShade(shade: string): number {
  const strength = Math.log(luminanceOfLinear(hexToLinear(shade))) / Math.log(luminanceOfLinear(hexToLinear(UNDILUTED_SHADE)));
  return Math.min(1, Math.max(0, strength));
}

/** Kernel for a deposit of this diameter and depth (mm), ink strength 0..1, in this skin. */
export function pigmentKernel(diameterMm: number, depthMm: number, inkStrength: number, optics: SkinOptics): PigmentKernel {
  // Provisional closed form (to be replaced by the Monte Carlo table): the deposit's disc blurred by a
  // diffusion length that grows with depth and with the channel's transport length.
  const radius = diameterMm / 2;
  const strength = 1 - Math.exp(-2 * inkStrength * UNDILUTED_DEPOSIT_ABSORPTION_PER_MM * DEPOSIT_THICKNESS_MM);
  const channel = (c: 0 | 1 | 2) => {
    const mua = optics.dermis.absorptionPerMm[c];
    const musp = optics.dermis.reducedScatteringPerMm[c];
    const diffusion = 1 / Math.sqrt(3 * mua * (mua + musp));
    return { spread: Math.min(diffusion, 2) * 0.25, gain: 1 + Math.min(diffusion, 2) * 0.6 };
  };
  const near = (radius * radius) / 2 + (depthMm * 0.5) ** 2;
  const channels = [channel(0), channel(1), channel(2)];
  const far = near + (depthMm + channels[0]!.spread) ** 2;
  const area = Math.PI * radius * radius * strength;
  const weights: Rgb[] = [
    perChannel(() => (area * 0.5) / (2 * Math.PI * near)),
    perChannel((c) => (area * (channels[c]!.gain - 0.5)) / (2 * Math.PI * far)),
  ];
  return {
    variancesMm2: [near, far],
    weights,
    opticalAreaMm2: perChannel((c) => 2 * Math.PI * (near * weights[0]![c] + far * weights[1]![c])),
  };
}

const perChannel = (f: (c: 0 | 1 | 2) => number): Rgb => [f(0), f(1), f(2)];

/** The far-field darkening of dots with optical area A_c at n dots per mm², each scaled by k: 1 − exp(−n·k·A_c). */
export function farFieldDarkening(kernel: PigmentKernel, dotsPerMm2: number, scale = 1): Rgb {
  return perChannel((c) => 1 - Math.exp(-dotsPerMm2 * scale * kernel.opticalAreaMm2[c]));
}

export interface DarkeningInputs {
  optics: SkinOptics;
  diameterMm: number;
  depthMm: number;
  densityPerCm2: number;
  /** Pigment shade '#rrggbb': sets the ink strength. */
  shade: string;
  /** The plan's opacity 0..1: scales every deposit's darkening. */
  opacity: number;
  /** Mean pigment strength of the sessions done (sessionLayers().meanStrength × visibleShare of the dots). */
  sessionStrength: number;
}

export interface PredictedDarkening {
  kernel: PigmentKernel;
  /** Mean darkening per channel seen from afar (share of the skin's diffuse light the pigment takes). */
  darkening: Rgb;
  skin: Rgb;
  inked: Rgb;
  /** L* of the bare skin minus L* of the inked skin, under D65, from the linear albedos. */
  deltaL: number;
}

/**
 * What a plan does to a skin seen from afar: each dot's kernel at the shade's ink strength, scaled by the
 * opacity and the sessions' strength, combined as transmittances over the dots (exact in the mean for
 * randomly placed dots): darkening = 1 − exp(−n·k·A_c), applied to the skin's albedo.
 */
export function predictedDarkening(inputs: DarkeningInputs): PredictedDarkening {
  const kernel = pigmentKernel(inputs.diameterMm, inputs.depthMm, inkStrengthForShade(inputs.shade), inputs.optics);
  const darkening = farFieldDarkening(kernel, inputs.densityPerCm2 / 100, inputs.opacity * inputs.sessionStrength);
  const skin = skinAlbedo(inputs.optics);
  const inked: Rgb = [skin[0] * (1 - darkening[0]), skin[1] * (1 - darkening[1]), skin[2] * (1 - darkening[2])];
  return { kernel, darkening, skin, inked, deltaL: linearToLab(skin)[0] - linearToLab(inked)[0] };
}
