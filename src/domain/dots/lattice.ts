/**
 * The jittered lattice the deposits sit on and its hash: numbers the shader (shaders/hash.glsl,
 * follicle_dots.glsl, scars.glsl) and its CPU twins (placement.ts, kernel.ts, ../scars/fue.ts) must share
 * exactly. tests/unit/latticeTwins.test.ts pins them and reads the GLSL text, and tests/browser/dots.test.ts the
 * hash the GPU computes.
 */

/** How far a feature point may wander inside its cell (fraction of the cell). Below 1 so dots don't clump. */
export const LATTICE_JITTER = 0.8;
/** Width of the soft band at the slab's faces (fraction of a cell), so dots fade in and out without popping. */
export const SLAB_FADE = 0.02;
/** Largest change of a dot's area from `sizeVariation = 1`: areas spread over 1 ± 0.8 (mean kept at 1). */
export const AREA_SPREAD = 0.8;

/** A fixed rotation (row-major 3×3) that takes the lattice off the head's axes, so no row of dots lines up with them. */
export const LATTICE_ROTATION: readonly number[] = (() => {
  const [a, b, c] = [0.61, 0.93, 0.37];
  const [ca, sa, cb, sb, cc, sc] = [Math.cos(a), Math.sin(a), Math.cos(b), Math.sin(b), Math.cos(c), Math.sin(c)];
  // Rz(c) · Ry(b) · Rx(a)
  return [
    cc * cb, cc * sb * sa - sc * ca, cc * sb * ca + sc * sa,
    sc * cb, sc * sb * sa + cc * ca, sc * sb * ca - cc * sa,
    -sb, cb * sa, cb * ca,
  ];
})();

export function cellSizeMm(densityPerCm2: number): number {
  return 10 / Math.sqrt(densityPerCm2);
}

/** The linear step that starts pcg3d: v · PCG_MULTIPLIER + PCG_INCREMENT (Numerical Recipes' LCG). */
export const PCG_MULTIPLIER = 1664525;
export const PCG_INCREMENT = 1013904223;

/**
 * Salts the second hash of a lattice point, whose lanes give a deposit's area, shade and rank (the dots'
 * thinning, sessions and the FUE scars' cuts). The GLSL twin is RANK_SALT in shaders/hash.glsl.
 */
export const RANK_SALT: readonly [number, number, number] = [0x9e3779b9, 0x85ebca6b, 0xc2b2ae35];

/**
 * PCG-style 3D integer hash (Jarzynski & Olano 2020), on unsigned 32-bit lanes exactly like GLSL `uvec3`;
 * the GLSL twin is pcg3d in shaders/hash.glsl.
 */
export function pcg3d(x: number, y: number, z: number): [number, number, number] {
  x = (Math.imul(x, PCG_MULTIPLIER) + PCG_INCREMENT) >>> 0;
  y = (Math.imul(y, PCG_MULTIPLIER) + PCG_INCREMENT) >>> 0;
  z = (Math.imul(z, PCG_MULTIPLIER) + PCG_INCREMENT) >>> 0;
  x = (x + Math.imul(y, z)) >>> 0;
  y = (y + Math.imul(z, x)) >>> 0;
  z = (z + Math.imul(x, y)) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  y = (y ^ (y >>> 16)) >>> 0;
  z = (z ^ (z >>> 16)) >>> 0;
  x = (x + Math.imul(y, z)) >>> 0;
  y = (y + Math.imul(z, x)) >>> 0;
  z = (z + Math.imul(x, y)) >>> 0;
  return [x, y, z];
}
