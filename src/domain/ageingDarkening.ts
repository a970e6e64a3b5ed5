/**
 * What is left of the SMP after the years, in the terms the preview draws it: the scalp's mean darkening in
 * linear light (the share of the skin's light the dots take), aged over freshly healed. The ageing model
 * (src/domain/ageing.ts) fades the ink, spreads and sinks the deposits; the appearance model turns each into
 * the darkening seen through the skin (src/domain/appearance, as the shader's kernels do). A faded opacity
 * alone would overstate what is left (spread deposits seen deeper darken differently), so the panel's
 * figure comes from here.
 */
import { agedDots } from './ageing';
import { predictedDarkening, skinOpticsForTone } from './appearance';
import { luminanceOfLinear } from './color';
import type { Plan } from './plan';
import { sessionLayers } from './sessions';

/** The scalp's mean darkening (linear luminance, share of the bare skin's) under these dots, all sessions done. */
function meanDarkening(plan: Plan, dots: Plan['dots']): number {
  const layers = sessionLayers(plan.sessions);
  const { skin, inked } = predictedDarkening({
    optics: skinOpticsForTone(plan.skin.color),
    diameterMm: dots.diameterMm,
    depthMm: dots.depthMm,
    densityPerCm2: dots.densityPerCm2,
    shade: dots.color,
    opacity: dots.opacity,
    sessionStrength: layers.meanStrength * layers.visibleShare,
  });
  const bare = luminanceOfLinear(skin);
  return bare > 0 ? (bare - luminanceOfLinear(inked)) / bare : 0;
}

/** Share (0..1) of the freshly healed darkening the dots keep `years` after treatment. */
export function darkeningLeft(plan: Plan, years: number): number {
  const fresh = meanDarkening(plan, plan.dots);
  if (fresh <= 0) return 1;
  return meanDarkening(plan, agedDots(plan.dots, years, plan.aftercare.sunExposure)) / fresh;
}
