/** A value per display channel (linear sRGB R, G, B). */
export type Rgb = readonly [number, number, number];

/** Optical properties of a skin, per display channel (R, G, B effective wavelengths), per layer. */
export interface SkinOptics {
  epidermis: { thicknessMm: number; absorptionPerMm: Rgb; reducedScatteringPerMm: Rgb };
  dermis: { absorptionPerMm: Rgb; reducedScatteringPerMm: Rgb };
  /** Henyey–Greenstein g. */
  anisotropy: number;
  refractiveIndex: number;
  /** Epidermal melanin (melanosome) volume fraction. */
  melaninFraction: number;
}

/**
 * The darkening a single pigment deposit causes, seen from outside: D_c(r) = 1 − R_c(r)/R_c(no pigment), as a
 * sum of radial Gaussians per channel (r in mm from the deposit's centre, on the surface):
 *   D_c(r) = Σ_i weights[i][c] · exp(−r² / (2 · variancesMm2[i]))
 * opticalAreaMm2[c] = ∫ D_c over the plane = Σ_i 2π · variancesMm2[i] · weights[i][c]: the area of skin a
 * deposit darkens fully, per channel (far-field darkening = 1 − exp(−n · A_c)). At most 4 Gaussians,
 * variances ascending.
 */
export interface PigmentKernel {
  variancesMm2: number[];
  weights: Rgb[];
  opticalAreaMm2: Rgb;
}
