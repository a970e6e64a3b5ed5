varying vec3 vSmpPosition;
varying vec3 vSmpNormal;
varying float vHairlineDistance;

uniform vec3 uDotColor;
uniform float uDotOpacity;
// Total dot area per unit of scalp (density x one dot's area): the mean ink when dots are below a pixel.
uniform float uDotAreaFraction;
// Width of the hairline's transition zone (mm): density ramps from 0 at the line to full over it.
uniform float uTransitionMm;
// 0 hides the SMP (before/after), 1 shows it.
uniform float uSmpVisible;

// Gradient of the hairline distance along the surface (per mm), set in main() before the dots are drawn.
vec3 smpDistanceGradient;

float densityAt(vec3 offsetMm) {
  float d = vHairlineDistance + dot(smpDistanceGradient, offsetMm);
  return uTransitionMm > 0.0 ? smoothstep(0.0, uTransitionMm, d) : step(0.0, d);
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
