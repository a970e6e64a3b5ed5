{
  // Pixel footprint on the surface (mm): drives anti-aliasing and the fade to mean coverage.
  float pixelMm = max(length(dFdx(vSmpPosition)), length(dFdy(vSmpPosition)));
  evaluateScars(vSmpPosition, normalize(vSmpNormal), pixelMm);
  smpDistanceGradient = surfaceGradient(vHairlineDistance, vSmpPosition);
  smpFactorGradient = surfaceGradient(vDensityFactor, vSmpPosition);
  smpLineShift = lineShift(vSmpPosition);
  float ink = 0.0;
  // Skip the dot search where no dot can reach (the face, ears, neck): their pixels cost nothing extra.
  // Reach: sentinels up to 3.5 mm ahead, the irregular line up to 4.2 mm, and a dot's own size.
  if (uSmpVisible > 0.0 && vHairlineDistance > -(8.0 + 2.0 * uDotDiameterMm + pixelMm)) {
    // Dots smaller than about a pixel fade to their mean coverage, so the scalp keeps its tone from afar.
    float fade = smoothstep(0.25, 0.6, pixelMm / uDotDiameterMm);
    float dots = fade < 1.0 ? follicleCoverage(vSmpPosition, normalize(vSmpNormal), pixelMm) : 0.0;
    ink = mix(dots, meanCoverage(uDotAreaFraction * densityAt(vec3(0.0)) * uVisibleShare) * uMeanStrength, fade);
  }
  // Scar tissue is paler and holds only its uptake's share of the ink (none while SMP on scars is hidden).
  diffuseColor.rgb = mix(diffuseColor.rgb, uScarColor, smpScarAmount);
  ink *= mix(1.0, smpScarUptake * uSmpOnScars, smpScarAmount);
  diffuseColor.rgb = mix(diffuseColor.rgb, uDotColor, ink * uDotOpacity * uSmpVisible);
  // The client's own hair lies on top of the pigment, with or without the SMP shown; bare skin skips it.
  // (Gradients are taken here, outside the branch, where screen-space derivatives are defined.)
  vec3 hairGradient = surfaceGradient(vHairDensity, vSmpPosition);
  vec3 awayFromEye = surfaceGradient(length(vViewPosition), vSmpPosition);
  if (vHairDensity > 0.0) diffuseColor.rgb = drawHair(diffuseColor.rgb, vSmpPosition, normalize(vSmpNormal), pixelMm, hairGradient, awayFromEye);
}
