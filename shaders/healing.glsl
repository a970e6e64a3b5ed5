// The days after a session (src/domain/healing.ts): redness (erythema) over the treated area and a few mm
// around it, fading over days 3-5. It tints the skin's diffuse colour before the pigment darkens it.
// Its uniforms are declared, with their comments, by the table in src/scene/scalpUniforms.ts.

// Erythema over skin, in linear light: more blood absorbs green and blue (a modelled assumption, about the
// colour of a fresh, evenly red patch on fair skin). Melanin-rich skin shows it less: the pigment above
// the blood hides it, which the multiplication keeps.
const vec3 ERYTHEMA_TINT = vec3(0.93, 0.6, 0.62);
// How far beyond the treated area the redness reaches (mm).
const float ERYTHEMA_REACH_MM = 5.0;

vec3 healingRedness(vec3 diffuse) {
  if (uRedness <= 0.0 || uSmpVisible <= 0.0) return diffuse;
  float treated = clamp(vDensityFactor, 0.0, 1.0) * smoothstep(-ERYTHEMA_REACH_MM, uTransitionMm, vHairlineDistance);
  return diffuse * mix(vec3(1.0), ERYTHEMA_TINT, uRedness * treated);
}
