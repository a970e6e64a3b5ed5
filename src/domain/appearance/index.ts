/** The appearance model: skin optics from the tissue literature and pigment deposits seen through the skin. */
export type { PigmentKernel, Rgb, SkinOptics } from './types';
export { CHANNEL_WAVELENGTHS_NM, skinAlbedo, skinOpticsForMelanin, skinOpticsForTone, skinLab } from './skin';
export {
  DEFAULT_PIGMENT_DEPTH_MM,
  DEPOSIT_THICKNESS_MM,
  farFieldDarkening,
  inkStrengthForShade,
  kernelDarkening,
  pigmentKernel,
  predictedDarkening,
  type DarkeningInputs,
  type PredictedDarkening,
} from './kernel';
