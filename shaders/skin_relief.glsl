// Skin micro-relief, per pixel in object-space millimetres, with no UVs and no texture: pores and a network
// of fine lines, as a height field whose gradient along the surface tilts the shading normal. Needs hash.glsl
// (pcg3d, latticeValue), follicle_dots.glsl (uLatticeRotation, LATTICE_JITTER, SLAB_FADE) and hair.glsl
// (HAIR_CELL_MM).
//
// Pores: on the scalp every follicular unit opens in a pore, so the pores sit on hair.glsl's follicle lattice
// (a hair, where there is one, grows out of its pore), 0.06-0.18 mm across and about a third as deep.
// Fine lines: the skin's furrows, 30-60 µm wide and about 10 µm deep, where a 3D value noise crosses zero
// (its zero set sliced by the surface is a network of curves), at two scales.
// Relief finer than a pixel fades out: its slopes still scatter the sheen, so it comes back as roughness.

// The object-to-view normal transform (three sets it for every object; declared here for the fragment stage).
uniform mat3 normalMatrix;

const float PORE_RADIUS_MIN_MM = 0.03;
const float PORE_RADIUS_MAX_MM = 0.09;
const float PORE_DEPTH_PER_RADIUS = 0.35;
const float LINE_SCALE_MM = 0.45;
const float LINE_SCALE_2_MM = 1.3;
// Half-width of a furrow in noise units (the noise changes by about 2 per feature).
const float LINE_WIDTH = 0.09;
const float LINE_DEPTH_MM = 0.008;
// Mean squared slope of the relief (pores and lines), added to the sheen's roughness where it is unresolved.
const float RELIEF_SLOPE_VARIANCE = 0.01;

// Value noise (as valueNoise in hash.glsl, with quintic easing) and its gradient: (value, d/dx, d/dy, d/dz).
vec4 valueNoiseGrad(vec3 x) {
  vec3 i = floor(x);
  vec3 f = fract(x);
  vec3 u = f * f * f * (f * (f * 6.0 - 15.0) + 10.0);
  vec3 du = 30.0 * f * f * (f * (f - 2.0) + 1.0);
  float a = latticeValue(i);
  float b = latticeValue(i + vec3(1, 0, 0));
  float c = latticeValue(i + vec3(0, 1, 0));
  float d = latticeValue(i + vec3(1, 1, 0));
  float e = latticeValue(i + vec3(0, 0, 1));
  float g = latticeValue(i + vec3(1, 0, 1));
  float h = latticeValue(i + vec3(0, 1, 1));
  float k = latticeValue(i + vec3(1, 1, 1));
  float k1 = b - a, k2 = c - a, k3 = e - a, k4 = a - b - c + d, k5 = a - c - e + h, k6 = a - b - e + g, k7 = -a + b + c - d + e - g - h + k;
  float value = a + k1 * u.x + k2 * u.y + k3 * u.z + k4 * u.x * u.y + k5 * u.y * u.z + k6 * u.z * u.x + k7 * u.x * u.y * u.z;
  vec3 grad = du * vec3(k1 + k4 * u.y + k6 * u.z + k7 * u.y * u.z, k2 + k5 * u.z + k4 * u.x + k7 * u.z * u.x, k3 + k6 * u.x + k5 * u.y + k7 * u.x * u.y);
  return vec4(value, grad);
}

// Gradient (per mm) of a furrow along the zero set of noise at this scale: two octaves in the lattice's
// rotated frame, so the network follows no axis of the head or of the noise's own lattice.
vec3 furrowGradient(vec3 p, float scaleMm, float depthMm) {
  vec3 q = uLatticeRotation * p / scaleMm;
  vec4 n = valueNoiseGrad(q + 17.0) + 0.5 * vec4(1.0, vec3(2.3)) * valueNoiseGrad(2.3 * q.zxy + 5.0).xzwy;
  float s = n.x / LINE_WIDTH;
  // h = -depth * exp(-s²): its gradient, with the noise's gradient per mm, back in object space.
  return depthMm * 2.0 * s / LINE_WIDTH * exp(-s * s) * (transpose(uLatticeRotation) * n.yzw) / scaleMm;
}

// Gradient (per mm, object space) of the pores' height field at p: each pore a smooth bowl,
// h = -depth * (1 - (d/r)²)².
vec3 poreGradient(vec3 p, vec3 n) {
  vec3 q = (uLatticeRotation * p) / HAIR_CELL_MM;
  vec3 nr = uLatticeRotation * n;
  mat3 toObject = transpose(uLatticeRotation);
  vec3 base = floor(q);
  float jitterAlong = 0.5 * LATTICE_JITTER * (abs(nr.x) + abs(nr.y) + abs(nr.z));
  vec3 grad = vec3(0.0);
  for (int dx = -1; dx <= 1; dx++) {
    for (int dy = -1; dy <= 1; dy++) {
      for (int dz = -1; dz <= 1; dz++) {
        vec3 cell = base + vec3(dx, dy, dz);
        if (abs(dot(cell + 0.5 - q, nr)) - jitterAlong > 0.5 + SLAB_FADE) continue;
        // The same feature points as hair.glsl's follicular units.
        uvec3 h = pcg3d(uvec3(ivec3(cell)) ^ uvec3(0x2c1b3c6du, 0x297a2d39u, 0x7ed55d16u));
        vec3 d = (cell + 0.5 + LATTICE_JITTER * (vec3(h) * U32_TO_UNIT - 0.5) - q) * HAIR_CELL_MM;
        float along = dot(d, nr);
        if (abs(along) > 0.5 * HAIR_CELL_MM) continue;
        vec3 root = d - along * nr;
        float dist = length(root);
        float r = mix(PORE_RADIUS_MIN_MM, PORE_RADIUS_MAX_MM, float(h.x & 0xffffu) / 65535.0);
        if (dist >= r || dist < 1e-6) continue;
        float s = dist / r;
        // dh/dd = 4 depth s (1 - s²) / r, pointing away from the pore's centre (root points towards it).
        grad -= 4.0 * PORE_DEPTH_PER_RADIUS * s * (1.0 - s * s) * (toObject * root) / dist;
      }
    }
  }
  return grad;
}

// The relief's gradient along the surface at p (unit normal n), faded out where it is finer than a pixel;
// `unresolved` gets the slope variance of the part that faded.
vec3 skinRelief(vec3 p, vec3 n, float pixelMm, out float unresolved) {
  float pores = 1.0 - smoothstep(0.07, 0.16, pixelMm);
  float lines = 1.0 - smoothstep(0.03, 0.09, pixelMm);
  float lines2 = 1.0 - smoothstep(0.08, 0.25, pixelMm);
  unresolved = RELIEF_SLOPE_VARIANCE * (1.0 - (pores + lines + lines2) / 3.0);
  vec3 grad = vec3(0.0);
  if (pores > 0.0) grad += pores * poreGradient(p, n);
  if (lines > 0.0) grad += lines * furrowGradient(p, LINE_SCALE_MM, LINE_DEPTH_MM);
  if (lines2 > 0.0) grad += lines2 * furrowGradient(p, LINE_SCALE_2_MM, 1.6 * LINE_DEPTH_MM);
  return grad - dot(grad, n) * n;
}
