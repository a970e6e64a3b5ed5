// Hashing and value noise on integer lattices, shared by the dots and the hairline's irregularity.

// The CPU twins of these constants and of pcg3d are in src/domain/dots/lattice.ts (the unit tests compare
// the text, the browser tests the hashes the GPU computes).
const uint PCG_MULTIPLIER = 1664525u;
const uint PCG_INCREMENT = 1013904223u;
// Salts the second hash of a lattice point, whose lanes give a deposit's area, shade and rank.
const uvec3 RANK_SALT = uvec3(0x9e3779b9u, 0x85ebca6bu, 0xc2b2ae35u);

// PCG-style 3D integer hash (Jarzynski & Olano 2020).
uvec3 pcg3d(uvec3 v) {
  v = v * PCG_MULTIPLIER + PCG_INCREMENT;
  v.x += v.y * v.z;
  v.y += v.z * v.x;
  v.z += v.x * v.y;
  v ^= v >> 16u;
  v.x += v.y * v.z;
  v.y += v.z * v.x;
  v.z += v.x * v.y;
  return v;
}

const float U32_TO_UNIT = 1.0 / 4294967296.0;

float latticeValue(vec3 cell) {
  return float(pcg3d(uvec3(ivec3(cell)) ^ uvec3(0x68e31da4u)).x) * U32_TO_UNIT * 2.0 - 1.0;
}

// Smooth 3D value noise in [-1, 1] with features about one unit across.
float valueNoise(vec3 x) {
  vec3 i = floor(x);
  vec3 f = fract(x);
  vec3 u = f * f * (3.0 - 2.0 * f);
  return mix(
    mix(mix(latticeValue(i), latticeValue(i + vec3(1, 0, 0)), u.x),
        mix(latticeValue(i + vec3(0, 1, 0)), latticeValue(i + vec3(1, 1, 0)), u.x), u.y),
    mix(mix(latticeValue(i + vec3(0, 0, 1)), latticeValue(i + vec3(1, 0, 1)), u.x),
        mix(latticeValue(i + vec3(0, 1, 1)), latticeValue(i + vec3(1, 1, 1)), u.x), u.y),
    u.z);
}
