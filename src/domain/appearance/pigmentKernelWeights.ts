/**
 * The pigment kernel table's Gaussian weights (scripts/pigment-mc.ts): 20 736 numbers, too many to carry in
 * the app's code, so they are a file of their own (public/models/pigment-kernels.bin) that the app reads at
 * start (src/io/pigmentKernels.ts) and hands here before anything asks for a kernel; Node tests read the same
 * file (tests/support/pigmentKernels.ts). The grid they are laid out on is in pigmentKernelTable.ts.
 */
import { PIGMENT_KERNEL_TABLE } from './pigmentKernelTable';

/** Gaussians per kernel. */
export const KERNEL_GAUSSIANS = 4;

/** Per (diameter, depth, melanin, ink): KERNEL_GAUSSIANS × (R, G, B) weights. */
export const PIGMENT_KERNEL_WEIGHT_COUNT =
  PIGMENT_KERNEL_TABLE.diametersMm.length * PIGMENT_KERNEL_TABLE.depthsMm.length * PIGMENT_KERNEL_TABLE.melanins.length * PIGMENT_KERNEL_TABLE.inkStrengths.length * KERNEL_GAUSSIANS * 3;

let weights: Float64Array | null = null;

/** Hands over the weights read from the table's file (once, at start). */
export function providePigmentKernelWeights(values: ArrayLike<number>): void {
  if (values.length !== PIGMENT_KERNEL_WEIGHT_COUNT) throw new Error(`The pigment kernel table has ${PIGMENT_KERNEL_WEIGHT_COUNT} weights, not ${values.length}.`);
  weights = Float64Array.from(values);
}

/** The weights; they must have been provided. */
export function pigmentKernelWeights(): Float64Array {
  if (!weights) throw new Error('The pigment kernel table has not been read yet (providePigmentKernelWeights).');
  return weights;
}
