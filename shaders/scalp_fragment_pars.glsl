varying vec3 vSmpPosition;
varying vec3 vSmpPlanPosition;
varying vec3 vSmpNormal;
varying float vHairlineDistance;
varying float vDensityFactor;
varying float vHairDensity;
varying float vScarAmount;

// The uniforms are declared, with their comments, by the table in src/scene/scalpUniforms.ts.

// How far the irregular line may wander from the drawn one (mm): large bays and points, and small jags.
const float IRREGULAR_LARGE_MM = 3.0;
const float IRREGULAR_SMALL_MM = 1.2;
// Sentinel impressions sit 1-3 mm in front of the line (domain notes), at up to this share of full density.
const float SENTINEL_DENSITY = 0.15;

// The dot lattice is laid out for the densest the density map allows (MAX_DENSITY_FACTOR, defined by
// scalpMaterial.ts from src/domain/density/regions.ts); each place keeps the share of its dots its density
// factor asks for. A fixed lattice means changing the density map never moves a dot, only adds or removes.

// Set in main() before the dots are drawn: the gradients of the hairline distance and of the density
// factor along the surface (per mm), and how far the irregular line is shifted at this pixel (mm).
vec3 smpDistanceGradient;
vec3 smpFactorGradient;
float smpLineShift;

// The irregular line's shift at a point: noise with features 14 mm and 2.5 mm across. It is evaluated
// once per pixel, not per dot: it changes little over a dot's reach, and in the dot loop it is costly.
float lineShift(vec3 p) {
  if (uIrregularity <= 0.0 || abs(vHairlineDistance) > uTransitionMm + 8.0) return 0.0;
  return uIrregularity * (IRREGULAR_LARGE_MM * valueNoise(p / 14.0) + IRREGULAR_SMALL_MM * valueNoise(p / 2.5));
}

// Planned density (0..1 of the lattice) at a point offsetMm from the shaded point: zero outside the
// hairline, ramping up over the transition zone, with the line made irregular and sentinels placed ahead of
// it, times the density map's factor there.
float densityAt(vec3 offsetMm) {
  float d = vHairlineDistance + dot(smpDistanceGradient, offsetMm) + smpLineShift;
  float factor = clamp(vDensityFactor + dot(smpFactorGradient, offsetMm), 0.0, MAX_DENSITY_FACTOR) / MAX_DENSITY_FACTOR;
  if (d < 0.0) return factor * uSentinels * SENTINEL_DENSITY * smoothstep(0.5, 1.0, -d) * (1.0 - smoothstep(2.5, 3.5, -d));
  return factor * (uTransitionMm > 0.0 ? smoothstep(0.0, uTransitionMm, d) : 1.0);
}

// The session (0..3) a deposit of this rank (0..1 among those planned at its place) is laid down in, or -1
// while that session is still to come in the preview. Earlier sessions' deposits are a subset of the final ones.
int dotSession(float rank) {
  int session = rank < uSessionEnds.x ? 0 : rank < uSessionEnds.y ? 1 : rank < uSessionEnds.z ? 2 : 3;
  return float(session) < uSessionsDone ? session : -1;
}

// The distance field is linear on each triangle, so screen-space derivatives give its exact gradient there.
vec3 surfaceGradient(float value, vec3 position) {
  vec3 px = dFdx(position);
  vec3 py = dFdy(position);
  float a = dot(px, px);
  float b = dot(px, py);
  float c = dot(py, py);
  float det = a * c - b * b;
  if (abs(det) < 1e-12) return vec3(0.0);
  float vx = dFdx(value);
  float vy = dFdy(value);
  return ((c * vx - b * vy) * px + (a * vy - b * vx) * py) / det;
}
