// Hashing and value noise on integer lattices, shared by the dots and the hairline's irregularity.

// PCG-style 3D integer hash (Jarzynski & Olano 2020); its CPU twin is pcg3d in src/domain/dots/placement.ts.
uvec3 pcg3d(uvec3 v) {
  v = v * 1664525u + 1013904223u;
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
