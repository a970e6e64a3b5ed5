// The skin's colour is not one flat tone: blood and melanin vary from place to place over millimetres to
// centimetres (a faint mottling, slightly redder here, paler there). A multiplier of the skin's colour per
// pixel, in object-space mm, with mean 1 so the chosen tone keeps its meaning. Needs hash.glsl (valueNoise).

// How much the lightness and the redness vary (share, either way).
const float MOTTLE_LIGHTNESS = 0.03;
const float MOTTLE_REDNESS = 0.06;

vec3 skinMottle(vec3 p) {
  float blood = 0.65 * valueNoise(p / 11.0 + 3.1) + 0.35 * valueNoise(p / 3.7 + 8.4);
  float light = valueNoise(p / 7.0 + 1.7);
  // More blood takes green and blue (haemoglobin absorbs them), red stays.
  return (1.0 + MOTTLE_LIGHTNESS * light) * vec3(1.0, 1.0 - MOTTLE_REDNESS * blood, 1.0 - 1.2 * MOTTLE_REDNESS * blood);
}
