import type { Rgb } from '../appearance';
import type { DotKernel } from './kernel';

/**
 * How much of the scalp the planned dots cover (the needle's marks, a planning figure; how dark they look
 * is the pigment law below). The planned value is density × one dot's area; dots that
 * overlap cover less than that sum. For our placement (a sliced jittered lattice, more regular than random)
 * the covered share is 1 − exp(−x − OVERLAP·x²) with x = density × area: between the no-overlap value x
 * and the fully random (Poisson) value 1 − exp(−x). OVERLAP was fitted to this placement for
 * opaque discs by tests/unit/dots.test.ts.
 */
export const OVERLAP = 0.35;

/** Total dot area per unit of scalp area: density (per cm²) × π (d/2)² with d in cm. */
export function dotAreaFraction(densityPerCm2: number, diameterMm: number): number {
  return densityPerCm2 * Math.PI * (diameterMm / 20) ** 2;
}

export function expectedCoverage(densityPerCm2: number, diameterMm: number): number {
  const x = dotAreaFraction(densityPerCm2, diameterMm);
  return 1 - Math.exp(-x - OVERLAP * x * x);
}

/**
 * How deposits drawn one by one overlap in this placement, for their mean: the light they let through on
 * average is exp(−x − KERNEL_OVERLAP·x²) with x = n·A (n deposits per mm², A their explicit optical area).
 * Poisson-placed deposits would give exp(−x) exactly; the lattice keeps them apart a little more. Fitted to
 * the placement by tests/unit/dots.test.ts; the shader (follicle_dots.glsl) uses the same law.
 */
export const KERNEL_OVERLAP = 0.27;

/** Mean light (per channel) let through by the deposits drawn one by one, where `densityFraction` of the lattice holds them. */
export function explicitMeanTransmittance(kernel: DotKernel, densityFraction: number): Rgb {
  const n = densityFraction / kernel.cellMm ** 2;
  return kernel.explicitMeanAreaMm2.map((a) => {
    const x = n * a;
    return Math.exp(-x - KERNEL_OVERLAP * x * x);
  }) as unknown as Rgb;
}

/**
 * Mean light (per channel, 0..1) the pigment lets through the skin where `densityFraction` of the lattice
 * holds deposits: what the skin's diffuse colour is multiplied by, seen from afar (and, on average, close up).
 */
export function meanTransmittance(kernel: DotKernel, densityFraction: number): Rgb {
  const n = densityFraction / kernel.cellMm ** 2;
  const explicit = explicitMeanTransmittance(kernel, densityFraction);
  return explicit.map((t, c) => t * Math.exp(-n * kernel.wideMeanAreaMm2[c]!)) as unknown as Rgb;
}
