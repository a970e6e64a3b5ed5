// Follicle dots: SMP impressions drawn per pixel on any mesh, in object-space millimetres, with no UVs.
// The CPU twin of this file is src/domain/dots/placement.ts: keep the hash, lattice, jitter and size law
// identical in both (this file adds only early exits that cannot change the result).
//
// A jittered 3D lattice (cell = uCellMm, rotated off the axes by uLatticeRotation) is sliced by the
// shaded point's tangent plane: feature points within half a cell of that plane become discs of the
// planned size on it. That gives one dot per cell² of surface in any orientation.

uniform float uDotDiameterMm;
uniform float uSizeVariation;
uniform float uCellMm;
uniform float uSoftness;
uniform mat3 uLatticeRotation;
// Cells searched around the shaded point's own (1, or 2 for very large dots at high density).
uniform int uSearchCells;

const float LATTICE_JITTER = 0.8;
const float SLAB_FADE = 0.02;
const float AREA_SPREAD = 0.8;


// Ink coverage (0..1) at object-space point p (mm) with unit normal n.
// Needs hash.glsl. pixelMm: the pixel's footprint on the surface. The including shader supplies densityAt(offsetMm): the
// planned local density fraction (0..1) at a dot centre offsetMm away from p (treatment area, transition), and
// dotStrength(rank): whether and how dark a dot of that rank (0..1) among the dots planned there is drawn (sessions).
float follicleCoverage(vec3 p, vec3 n, float pixelMm) {
  vec3 q = (uLatticeRotation * p) / uCellMm;
  vec3 nr = uLatticeRotation * n;
  mat3 toObject = transpose(uLatticeRotation);
  vec3 base = floor(q);
  float r0 = 0.5 * uDotDiameterMm;
  // Conservative bounds for early exits (they skip work, never change the result): how far a jittered
  // feature point can sit from its cell centre along the normal (cells), and the largest dot edge (mm).
  float jitterAlong = 0.5 * LATTICE_JITTER * (abs(nr.x) + abs(nr.y) + abs(nr.z));
  float reachMm = r0 * sqrt(1.0 + AREA_SPREAD * uSizeVariation) * (1.0 + 0.5 * uSoftness) + 0.5 * pixelMm;
  float clearInk = 1.0;
  for (int dx = -uSearchCells; dx <= uSearchCells; dx++) {
    for (int dy = -uSearchCells; dy <= uSearchCells; dy++) {
      for (int dz = -uSearchCells; dz <= uSearchCells; dz++) {
        vec3 cell = base + vec3(dx, dy, dz);
        // Cells whose every possible point lies outside the tangent slab need no hashing at all.
        if (abs(dot(cell + 0.5 - q, nr)) - jitterAlong > 0.5 + SLAB_FADE) continue;
        uvec3 h = pcg3d(uvec3(ivec3(cell)));
        vec3 feature = cell + 0.5 + LATTICE_JITTER * (vec3(h) * U32_TO_UNIT - 0.5);
        vec3 d = (feature - q) * uCellMm;
        float along = dot(d, nr);
        float slab = 1.0 - smoothstep(0.5 - SLAB_FADE, 0.5 + SLAB_FADE, abs(along) / uCellMm);
        if (slab <= 0.0) continue;
        vec3 tangent = d - along * nr;
        float dist = length(tangent);
        if (dist > reachMm) continue;
        uvec3 g = pcg3d(h ^ uvec3(0x9e3779b9u, 0x85ebca6bu, 0xc2b2ae35u));
        // Keep this dot where the planned local density (treatment area, transition zone) allows it,
        // judged at the dot's centre so the hairline never cuts a dot in half.
        float density = densityAt(toObject * tangent);
        float rank = float(g.z) * U32_TO_UNIT;
        if (rank >= density) continue;
        float strength = dotStrength(rank / density);
        if (strength <= 0.0) continue;
        float areaFactor = 1.0 + uSizeVariation * AREA_SPREAD * (2.0 * float(g.x) * U32_TO_UNIT - 1.0);
        float r = r0 * sqrt(areaFactor);
        float w = max(0.5 * uSoftness * r, 0.5 * pixelMm);
        float ink = (1.0 - smoothstep(r - w, r + w, dist)) * slab * strength;
        clearInk *= 1.0 - ink;
      }
    }
  }
  return 1.0 - clearInk;
}

// Share of the surface that dots of total area fraction x (density x one dot's area) cover, allowing for
// overlaps in this placement: fitted to it by tests/unit/dots.test.ts (OVERLAP in src/domain/dots/coverage.ts).
const float OVERLAP = 0.35;
float meanCoverage(float x) {
  return 1.0 - exp(-x - OVERLAP * x * x);
}
