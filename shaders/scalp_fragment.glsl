{
  // Pixel footprint on the surface (mm): drives anti-aliasing and the fade to mean coverage.
  float pixelMm = max(length(dFdx(vSmpPosition)), length(dFdy(vSmpPosition)));
  evaluateScars(vSmpPlanPosition, normalize(vSmpNormal), pixelMm);
  smpDistanceGradient = surfaceGradient(vHairlineDistance, vSmpPosition);
  smpFactorGradient = surfaceGradient(vDensityFactor, vSmpPosition);
  smpLineShift = lineShift(vSmpPosition);
  // Light the pigment lets through the skin, per channel: deposits drawn one by one, and the wide part of their
  // kernels as its mean field (see src/domain/dots/kernel.ts). It darkens the diffuse colour only: the
  // surface's sheen lies above the pigment.
  vec3 pigment = vec3(1.0);
  // Skip the dot search where no deposit can reach (the face, ears, neck): their pixels cost nothing extra.
  // Reach: sentinels up to 3.5 mm ahead, the irregular line up to 4.2 mm, and a mark's own reach.
  if (uSmpVisible > 0.0 && vHairlineDistance > -(8.0 + 1.5 * uKernelReachMm + pixelMm)) {
    float lattice = densityAt(vec3(0.0)) / (uCellMm * uCellMm);
    vec3 mean = explicitMeanTransmittance(lattice);
    // Marks smaller than about a pixel fade to their mean, so the scalp keeps its tone from afar.
    float fade = smoothstep(0.25, 0.6, pixelMm / uMarkWidthMm);
    vec3 drawn = fade < 1.0 ? follicleTransmittance(vSmpPosition, normalize(vSmpNormal), pixelMm) : mean;
    pigment = mix(drawn, mean, fade) * exp(-lattice * uWideMeanArea);
  }
  // Scar tissue is paler and holds only its uptake's share of the ink (none while SMP on scars is hidden).
  diffuseColor.rgb = mix(diffuseColor.rgb, uScarColor, smpScarAmount);
  vec3 darkening = (1.0 - pigment) * mix(1.0, smpScarUptake * uSmpOnScars, smpScarAmount) * uSmpVisible;
  diffuseColor.rgb *= 1.0 - darkening;
  // The client's own hair lies on top of the pigment, with or without the SMP shown; bare skin skips it.
  // (Gradients are taken here, outside the branch, where screen-space derivatives are defined.)
  vec3 hairGradient = surfaceGradient(vHairDensity, vSmpPosition);
  vec3 awayFromEye = surfaceGradient(length(vViewPosition), vSmpPosition);
  if (vHairDensity > 0.0) diffuseColor.rgb = drawHair(diffuseColor.rgb, vSmpPosition, normalize(vSmpNormal), pixelMm, hairGradient, awayFromEye);
}
