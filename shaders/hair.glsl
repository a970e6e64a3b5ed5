// The client's own hair as a buzz cut, drawn per pixel on any mesh in object-space millimetres, with no
// UVs, like the follicle dots. Needs hash.glsl (pcg3d), follicle_dots.glsl (uLatticeRotation, SLAB_FADE,
// LATTICE_JITTER) and the hair map varying vHairDensity (0 bald .. 1 full hair: the hair-loss pattern and
// painting).
//
// Follicular units come from a jittered 3D lattice sliced by the shaded point's tangent plane (one unit per
// cell² of surface whatever the orientation). Each unit grows 1-4 hairs; each hair is a short cut shaft
// lying along the growth direction at a low angle, drawn as a stroke on the skin from its root. Under the
// skin, behind the root, the rest of the hair shows through as a soft shadow per colour channel (why a
// shaved scalp looks blue-grey): its darkness and length come from src/domain/hairLoss/shaftShadow.ts.
// Figures from the domain notes: ~85 follicular units/cm², 2.5 hairs each (~210 hairs/cm²), shafts
// 60-100 µm wide. Thinning hair (vHairDensity < 1) has fewer hairs, and thinner ones (miniaturised). Scar
// tissue (scars.glsl's smpScarAmount, evaluated first) has no follicles: no hair grows on it.
// Its uniforms are declared, with their comments, by the table in src/scene/scalpUniforms.ts.

const float HAIR_CELL_MM = 1.0847;            // 10 / sqrt(85 units per cm²)
const float UNITS_PER_MM2 = 0.85;
// Hairs per unit: 1-4 with these chances (2.5 on average).
const vec4 UNIT_HAIRS = vec4(0.15, 0.35, 0.35, 0.15);
const float MEAN_HAIRS_PER_UNIT = dot(UNIT_HAIRS, vec4(1.0, 2.0, 3.0, 4.0));
const float HAIR_WIDTH_MIN_MM = 0.06;
const float HAIR_WIDTH_MAX_MM = 0.10;
const float HAIR_WIDTH_MEAN_MM = 0.08;
// Miniaturised hair where the hair thins: shafts narrow to this share of full width as density falls to 0.
const float THIN_HAIR_WIDTH = 0.45;
// A cut hair leaves the skin at a low angle (about 26°): it lies along the skin for this share of its
// length and rises HAIR_RISE of it, give or take half of HAIR_LENGTH_SPREAD from hair to hair (hairs grow
// at different rates after a cut). Seen from an angle, the raised part shows longer: hair looks denser
// from the side than from above, as it does in life.
const float HAIR_LIE = 0.9;
const float HAIR_RISE = 0.436;
const float HAIR_LENGTH_SPREAD = 0.6;
// Up to this slope of the view (tangent of its angle from the skin's normal): at the silhouette no further.
const float HAIR_MAX_TILT = 3.0;
// Hairs fan out from the growth direction by up to this angle (radians), and no further sideways than
// HAIR_FAN_MM at the tip: long hair lies combed, short stubble points every which way a little more.
const float HAIR_FAN = 0.3;
const float HAIR_FAN_MM = 0.25;
// The hairs of one unit leave the skin within this distance of each other, side by side (mm).
const float HAIR_UNIT_SPREAD_MM = 0.1;
// Per-hair tone: lightness varies by this much either way, and a resolved shaft is lighter along its middle.
const float HAIR_TONE_SPREAD = 0.3;
const float HAIR_SHEEN = 0.25;
// Each hair shades the skin beside it (ambient occlusion, its soft shadow): this far out from its edges
// (mm), darkening the skin there by this share. Much of why stubble reads dark from across a room.
const float HAIR_SHADE_MM = 0.06;
const float HAIR_SHADE = 0.35;
// A shaft's shadow is drawn this many of its longest (red's) fall-off lengths behind the exit (86 % of it;
// the mean counts the same part, so near and far agree).
const float SHAFT_REACH = 2.0;
// The whorl's spiral: how strongly hair turns around it, fading over this distance (mm).
const float WHORL_SWIRL = 0.7;
const float WHORL_SWIRL_MM = 25.0;
// How strongly hair on the sides and back is pulled downward (against 1 for growing away from the whorl).
const float HAIR_DOWNWARD = 0.8;
// Hairs thinner than a pixel fade to their mean coverage between these ratios of pixel to shaft width,
// where a single hair has become too faint to see (the scalp keeps its tone from afar, without moiré).
const float HAIR_FADE_FROM = 2.5;
const float HAIR_FADE_TO = 5.0;
// Overlap of the hairs of one unit near their shared root: their mean coverage is this share of their area.
const float HAIR_OVERLAP = 0.85;

const float U16_TO_UNIT = 1.0 / 65536.0;

// Hair is matte next to the scalp's oily sheen: where it covers the skin the surface is this rough.
const float HAIR_ROUGHNESS = 0.85;
// Set by drawHair: the share of this pixel the hairs cover (scalpMaterial.ts dulls the sheen by it).
float smpHairCover = 0.0;

// Growth direction at p (unit, in the tangent plane of n): away from the whorl, turning around it near it,
// and pulled downward on the sides and back. That is forward on the top and front of the head, down the
// sides and the back.
vec3 hairFlow(vec3 p, vec3 n) {
  vec3 away = p - uHairWhorl;
  vec3 t = away - dot(away, n) * n;
  float r = length(t);
  vec3 down = vec3(0.0, -1.0, 0.0) + n.y * n;
  vec3 g = (t + cross(t, n) * (WHORL_SWIRL * exp(-r / WHORL_SWIRL_MM))) / max(r, 1e-3) + HAIR_DOWNWARD * down;
  float len = length(g);
  if (len < 1e-6) return normalize(cross(n, vec3(1.0, 0.0, 0.0)));
  return g / len;
}

float hairWidth(float density) {
  return mix(THIN_HAIR_WIDTH, 1.0, density);
}

// How far behind its exit a shaft's shadow is drawn (mm, before the view's stretch).
float shaftReachMm() {
  return SHAFT_REACH * max(uShaftLengthMm.r, max(uShaftLengthMm.g, uShaftLengthMm.b));
}

// The hair's mean effect where the hair map is `density`, the fade's target: the share of skin the hairs
// cover (x) and the light the hairs' shade leaves on the rest (y); `shafts` gets the light the shafts under
// the skin leave, per channel. A hair's stroke is its lying length plus two round ends.
// `stretch`: how much longer than lying flat a hair looks from where it is seen.
vec2 meanHair(float density, float stretch, out vec3 shafts) {
  float width = HAIR_WIDTH_MEAN_MM * hairWidth(density);
  float strokeLength = HAIR_LIE * uHairLengthMm * stretch + 0.25 * PI * width;
  float hairs = UNITS_PER_MM2 * MEAN_HAIRS_PER_UNIT * density * HAIR_OVERLAP;
  float covered = 1.0 - exp(-hairs * width * strokeLength);
  // Each shaft darkens its exponential footprint, as far as it is drawn; shadows multiply (transmittances).
  // A miniaturised shaft is as much thinner under the skin as above it.
  vec3 fall = uShaftLengthMm * stretch;
  vec3 area = hairWidth(density) * uShaftDarkening * uShaftWidthMm * fall * (1.0 - exp(-shaftReachMm() * stretch / fall));
  shafts = exp(-UNITS_PER_MM2 * MEAN_HAIRS_PER_UNIT * density * area);
  // (Under the hair itself its shade is hidden by the hair: only the bands beside it count.)
  float shaded = exp(-hairs * HAIR_SHADE * 2.0 * HAIR_SHADE_MM * strokeLength);
  return vec2(covered, shaded);
}

// Coverage of a line of `width` at `dist` from its middle, box-filtered over a pixel (the overlap of the
// pixel's span with the line's): its integral across the line is exactly the line's width at any pixel
// size, so hairs far thinner than a pixel keep their share of the tone.
float lineCoverage(float dist, float width, float pixelMm) {
  float overlap = min(dist + 0.5 * pixelMm, 0.5 * width) - max(dist - 0.5 * pixelMm, -0.5 * width);
  return clamp(overlap / pixelMm, 0.0, 1.0);
}

// A shaft's shadow across its line at `dist`, per channel, for a band of `width` (src/domain/hairLoss/
// shaftShadow.ts): a Gaussian of the band's peak and integral (σ = width/√(2π)) ending at 2.5σ, its integral
// kept, widened by the pixel's box filter. Smooth, so where red's wider shadow outlasts green's and blue's
// the tint fades rather than leaving a red-only (teal) ring.
const float SHAFT_PROFILE_END = 2.5;
// ∫ (exp(-t²/2) - exp(-END²/2)) dt over |t| < END, over √(2π).
const float SHAFT_PROFILE_SHARE = 0.8999;
// Half-length of the ramp over which a shadow's end fades along the shaft, per mm of its width: two of the
// across profile's σ (= width/√(2π)).
const float SHAFT_END_BLUR = 2.0 / 2.5066283;
vec3 shaftProfile(float dist, vec3 width, float pixelMm) {
  vec3 sigma0 = width / sqrt(2.0 * PI);
  vec3 sigma = sqrt(sigma0 * sigma0 + pixelMm * pixelMm / 12.0);
  vec3 t = min(vec3(dist) / sigma, SHAFT_PROFILE_END);
  return (sigma0 / sigma) * (exp(-0.5 * t * t) - exp(-0.5 * SHAFT_PROFILE_END * SHAFT_PROFILE_END)) / SHAFT_PROFILE_SHARE;
}

// The colour at object-space point p (mm, unit normal n) with the client's hair drawn over `under`.
// densityGradient: the hair map's gradient along the surface (per mm), to judge each hair at its root.
// awayFromEye: the gradient along the surface of the distance from the eye: it points where the view
// recedes and its length is the sine of the view's angle from the normal.
vec3 drawHair(vec3 under, vec3 p, vec3 n, float pixelMm, vec3 densityGradient, vec3 awayFromEye) {
  // A raised point of a hair shows shifted away from the eye by its height times the view's slope; the
  // hair under the skin, the other way. So a hair and its follicle show along flow + lean * away, with
  // away the direction the view recedes in: every hair of a unit is drawn along that, from its root.
  float sine = min(length(awayFromEye), 0.999);
  float lean = min(HAIR_MAX_TILT, sine / sqrt(1.0 - sine * sine)) * HAIR_RISE / HAIR_LIE;
  vec3 away = sine > 1e-4 ? awayFromEye / length(awayFromEye) : vec3(0.0);
  vec3 growth = hairFlow(p, n);
  // (A hair pointing straight at the eye shows end-on: at least a twentieth of its length.)
  float stretch = max(length(growth + lean * away), 0.05);

  float fade = smoothstep(HAIR_FADE_FROM, HAIR_FADE_TO, pixelMm / HAIR_WIDTH_MEAN_MM);
  // No follicles in scar tissue.
  float follicles = 1.0 - smpScarAmount;
  vec3 meanShafts;
  vec2 mean = meanHair(clamp(vHairDensity, 0.0, 1.0) * follicles, stretch, meanShafts);
  vec3 far = under * meanShafts * mean.y * (1.0 - mean.x) + uHairColor * mean.x;
  smpHairCover = mean.x;
  if (fade >= 1.0) return far;

  // In the lattice's rotated frame, in cells, like the follicle dots.
  vec3 q = (uLatticeRotation * p) / HAIR_CELL_MM;
  vec3 nr = uLatticeRotation * n;
  vec3 flow = uLatticeRotation * growth;
  vec3 leanAway = lean * (uLatticeRotation * away);
  vec3 seen = normalize(flow + leanAway + 1e-3 * flow);
  vec3 side = cross(nr, seen);
  mat3 toObject = transpose(uLatticeRotation);
  float longest = HAIR_LIE * uHairLengthMm * (1.0 + 0.5 * HAIR_LENGTH_SPREAD);
  float fan = min(HAIR_FAN, HAIR_FAN_MM / longest);

  // A unit marks p only if its root lies in a thin strip through p along the seen direction: behind p by
  // up to the longest hair, or ahead of it by up to its shadow under the skin, and no further to the side
  // than the fan, spread, half-width and the pixel. Only cells whose feature point can fall in that strip
  // (within half a cell of the tangent plane) are searched: slice by slice along the lattice axis nearest
  // the strip.
  float reachMm = HAIR_FAN_MM + 0.5 * HAIR_UNIT_SPREAD_MM + max(SHAFT_PROFILE_END / sqrt(2.0 * PI) * max(uShaftWidthMm.r, max(uShaftWidthMm.g, uShaftWidthMm.b)), 0.5 * HAIR_WIDTH_MAX_MM + HAIR_SHADE_MM) + 0.5 * pixelMm;
  float shadowLength = shaftReachMm() * stretch;
  vec3 shaftLength = uShaftLengthMm * stretch;
  float behindFrom = -(shadowLength + reachMm) / HAIR_CELL_MM;
  float behindTo = (longest * stretch + reachMm) / HAIR_CELL_MM;
  vec3 absSeen = abs(seen);
  // Rows of `axes` pick the lattice axes: the one nearest the strip first.
  mat3 axes = absSeen.x >= absSeen.y && absSeen.x >= absSeen.z ? mat3(1.0)
    : absSeen.y >= absSeen.z ? mat3(0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0)
    : mat3(0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0);
  vec3 qa = axes * q;
  vec3 fa = axes * seen;
  // How far the strip reaches off its centre line along each axis (tangent slab and sideways reach).
  vec3 thick = (0.5 + SLAB_FADE) * abs(axes * nr) + (reachMm / HAIR_CELL_MM) * abs(axes * side);
  // Feature points lie between 0.5 - LATTICE_JITTER / 2 and 0.5 + LATTICE_JITTER / 2 of their cell.
  float inLo = 0.5 - 0.5 * LATTICE_JITTER;
  float inHi = 0.5 + 0.5 * LATTICE_JITTER;
  vec2 alongA = vec2(qa.x - behindTo * fa.x, qa.x - behindFrom * fa.x);
  int firstSlice = int(ceil(min(alongA.x, alongA.y) - thick.x - inHi));
  int lastSlice = int(floor(max(alongA.x, alongA.y) + thick.x - inLo));

  // Layers over the skin: the colour so far (premultiplied), the share of skin still uncovered, the light
  // the hairs' shade leaves on it, and the light the shafts under the skin leave. Hairs go over everything
  // drawn so far, shadows under the skin under it all.
  vec3 hair = vec3(0.0);
  float bare = 1.0;
  float shade = 1.0;
  vec3 shafts = vec3(1.0);
  float hairless = 1.0;
  for (int i = firstSlice; i <= lastSlice; i++) {
    // The part of the strip whose first coordinate falls in this slice's feature points.
    vec2 s = (qa.x - vec2(float(i) + inHi, float(i) + inLo) + vec2(-thick.x, thick.x)) / fa.x;
    float s0 = max(behindFrom, min(s.x, s.y));
    float s1 = min(behindTo, max(s.x, s.y));
    if (s0 > s1) continue;
    vec2 b = vec2(qa.y - s0 * fa.y, qa.y - s1 * fa.y);
    vec2 c = vec2(qa.z - s0 * fa.z, qa.z - s1 * fa.z);
    int j0 = int(ceil(min(b.x, b.y) - thick.y - inHi));
    int j1 = int(floor(max(b.x, b.y) + thick.y - inLo));
    int k0 = int(ceil(min(c.x, c.y) - thick.z - inHi));
    int k1 = int(floor(max(c.x, c.y) + thick.z - inLo));
    for (int j = j0; j <= j1; j++) {
      for (int k = k0; k <= k1; k++) {
        vec3 cell = vec3(float(i), float(j), float(k)) * axes;
        uvec3 h = pcg3d(uvec3(ivec3(cell)) ^ uvec3(0x2c1b3c6du, 0x297a2d39u, 0x7ed55d16u));
        vec3 d = (cell + 0.5 + LATTICE_JITTER * (vec3(h) * U32_TO_UNIT - 0.5) - q) * HAIR_CELL_MM;
        float along = dot(d, nr);
        float slab = 1.0 - smoothstep(0.5 - SLAB_FADE, 0.5 + SLAB_FADE, abs(along) / HAIR_CELL_MM);
        if (slab <= 0.0) continue;
        vec3 root = d - along * nr;
        float behind = -dot(root, seen);
        if (abs(dot(root, side)) > reachMm || behind < behindFrom * HAIR_CELL_MM || behind > behindTo * HAIR_CELL_MM) continue;
        // The unit's hair where it grows (judged at its root, so a border never cuts a hair in two).
        float density = clamp(vHairDensity + dot(densityGradient, toObject * root), 0.0, 1.0) * follicles;
        if (density <= 0.0) continue;

        // The hair under the skin, behind the root: each shaft's shadow is as wide and falls off as fast as
        // each channel sees it. Along the shaft its two ends are blurred by the same spread as across it, as
        // the skin blurs them: a ramp about each end (never a round cap added beyond it), so one shadow's
        // integral stays the band's and the tone is the mean's at every distance.
        float back = -behind;
        vec3 endBlur = SHAFT_END_BLUR * uShaftWidthMm;
        vec3 ends = smoothstep(-endBlur, endBlur, vec3(back)) * (1.0 - smoothstep(shadowLength - endBlur, shadowLength + endBlur, vec3(back)));
        vec3 shaftShadow = shaftProfile(abs(dot(root, side)), uShaftWidthMm, pixelMm) * ends * slab * hairWidth(density) * uShaftDarkening * exp(-clamp(back, 0.0, shadowLength) / shaftLength);
        float shaftCount = 0.0;

        uvec3 g = pcg3d(h ^ uvec3(0x165667b1u, 0xd3a2646cu, 0xfd7046c5u));
        float u = float(g.x) * U32_TO_UNIT;
        int hairs = 1 + int(u >= UNIT_HAIRS.x) + int(u >= UNIT_HAIRS.x + UNIT_HAIRS.y) + int(u >= 1.0 - UNIT_HAIRS.w);
        for (int m = 0; m < 4; m++) {
          if (m >= hairs) break;
          // One hash per hair, split into six 16-bit numbers.
          uvec3 hm = pcg3d(g + uvec3(uint(m) * 0x9e3779b9u));
          vec3 hi = vec3(hm >> 16u) * U16_TO_UNIT;
          vec3 lo = vec3(hm & 0xffffu) * U16_TO_UNIT;
          // Each hair has a rank among the unit's: thinning hair keeps the lower ranks.
          if (hi.x >= density) continue;
          shaftCount += 1.0;
          float angle = fan * (2.0 * lo.x - 1.0);
          vec3 stroke = cos(angle) * flow + sin(angle) * cross(nr, flow) + leanAway;
          float strokeLength = max(length(stroke), 0.05);
          float lengthMm = HAIR_LIE * uHairLengthMm * (1.0 + HAIR_LENGTH_SPREAD * (hi.y - 0.5)) * strokeLength;
          vec3 dir = stroke / strokeLength;
          vec3 start = root + HAIR_UNIT_SPREAD_MM * (lo.z - 0.5) * side;
          float t = clamp(-dot(start, dir), 0.0, lengthMm);
          float dist = length(start + t * dir);
          float width = mix(HAIR_WIDTH_MIN_MM, HAIR_WIDTH_MAX_MM, hi.z) * hairWidth(density);
          shade *= 1.0 - HAIR_SHADE * slab * lineCoverage(dist, width + 2.0 * HAIR_SHADE_MM, pixelMm);
          float cover = lineCoverage(dist, width, pixelMm) * slab;
          if (cover <= 0.0) continue;
          // A round shaft catches light along its middle once it is wide enough on screen to show it.
          float across = clamp(dist / (0.5 * width), 0.0, 1.0);
          float sheen = HAIR_SHEEN * smoothstep(1.0, 3.0, width / pixelMm) * (1.0 - across * across - 2.0 / 3.0);
          hair = mix(hair, uHairColor * (1.0 + HAIR_TONE_SPREAD * (lo.y - 0.5) + sheen), cover);
          bare *= 1.0 - cover;
          hairless *= 1.0 - cover;
        }
        shafts *= pow(1.0 - shaftShadow, vec3(shaftCount));
      }
    }
  }
  smpHairCover = mix(1.0 - hairless, mean.x, fade);
  return mix(under * shafts * shade * bare + hair, far, fade);
}
