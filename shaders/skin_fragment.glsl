// The skin's shading inputs, after three's normal is known and before the lights (skin_relief.glsl,
// skin_sss.glsl, skin_mottle.glsl): the normal tilted by the micro-relief, the curvature the subsurface
// scattering needs, the skin's colour variation, and the sheen roughened by relief too fine to see.
{
  vec3 px = dFdx(vSmpPosition);
  vec3 py = dFdy(vSmpPosition);
  float pixelMm = max(length(px), length(py));
  vec3 nObject = normalize(vSmpNormal);
  // Curvature (1/mm): how fast the smooth normal turns per mm along the surface, over this pixel.
  smpCurvature = sqrt((dot(dFdx(nObject), dFdx(nObject)) + dot(dFdy(nObject), dFdy(nObject))) / max(dot(px, px) + dot(py, py), 1e-12));
  smpSmoothNormal = normal;
  float unresolved;
  // Scar tissue is smooth: no pores, no lines.
  vec3 relief = skinRelief(vSmpPosition, nObject, pixelMm, unresolved) * (1.0 - smpScarAmount);
  normal = normalize(normalMatrix * (nObject - relief));
  #ifdef DOUBLE_SIDED
    normal *= faceDirection;
  #endif
  // The skin's own colour varies a little; the hair over it does not.
  diffuseColor.rgb *= mix(skinMottle(vSmpPosition), vec3(1.0), smpHairCover);
  // GGX: the slopes' variance is half the squared alpha, and alpha is roughness².
  roughnessFactor = sqrt(sqrt(pow(roughnessFactor, 4.0) + 2.0 * unresolved * (1.0 - smpScarAmount)));
}
