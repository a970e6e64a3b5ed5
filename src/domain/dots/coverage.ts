/**
 * How much of the scalp the planned dots cover. The planned value is density × one dot's area; dots that
 * overlap cover less than that sum. For our placement (a sliced jittered lattice, more regular than random)
 * the covered share is 1 − exp(−x − OVERLAP·x²) with x = density × area: between the no-overlap value x
 * and the fully random (Poisson) value 1 − exp(−x). OVERLAP is fitted to the placement by
 * tests/unit/dots.test.ts; the shader uses the same law when dots shrink below a pixel.
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
