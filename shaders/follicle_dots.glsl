// Follicle dots: SMP pigment deposits seen through the skin, drawn per pixel on any mesh, in object-space
// millimetres, with no UVs. The CPU twins of this file are src/domain/dots/placement.ts (the lattice and
// transmittanceAt) and src/domain/dots/kernel.ts (the kernels in the uniforms): keep the hash, lattice, jitter,
// size law and kernel identical (this file adds only early exits that cannot change the result).
//
// A jittered 3D lattice (cell = uCellMm, rotated off the axes by uLatticeRotation) is sliced by the
// shaded point's tangent plane: feature points within half a cell of that plane are deposits on it, one per
// cell² of surface in any orientation. Each deposit darkens the skin around it by its kernel (a sum of
// Gaussians per channel, windowed to end at uKernelReachMm); deposits combine as transmittances.
// Its uniforms are declared, with their comments, by the table in src/scene/scalpUniforms.ts.

const float LATTICE_JITTER = 0.8;
const float SLAB_FADE = 0.02;
const float AREA_SPREAD = 0.8;
// Mark blur for anti-aliasing: this times the pixel's footprint squared, added to each variance.
const float PIXEL_BLUR = 0.25;
// How deposits drawn one by one overlap in this placement (KERNEL_OVERLAP in src/domain/dots/coverage.ts).
const float KERNEL_OVERLAP = 0.27;

// ∫ exp(-r²/2v)·(1 - r²/R²)² over the disc r < R: a windowed Gaussian's weight (windowedGaussianIntegral).
float windowedGaussianIntegral(float v, float reach) {
  float beta = reach * reach / (2.0 * v);
  float j = beta > 0.5
    ? 1.0 / beta - 2.0 / (beta * beta) + 2.0 * (1.0 - exp(-beta)) / (beta * beta * beta)
    : 1.0 / 3.0 - beta / 12.0 + beta * beta / 60.0 - beta * beta * beta / 360.0;
  return PI * reach * reach * j;
}

// Light (per channel) let through by the deposits drawn one by one at object-space point p (mm), unit normal n.
// Needs hash.glsl. pixelMm: the pixel's footprint on the surface. The including shader supplies densityAt(offsetMm): the
// planned local density fraction (0..1) at a deposit offsetMm away from p (treatment area, transition), and
// dotSession(rank): the session (0..3) a deposit of that rank (0..1) among those planned there belongs to, or -1
// while it is still to come in the preview.
vec3 follicleTransmittance(vec3 p, vec3 n, float pixelMm) {
  vec3 q = (uLatticeRotation * p) / uCellMm;
  vec3 nr = uLatticeRotation * n;
  mat3 toObject = transpose(uLatticeRotation);
  vec3 base = floor(q);
  // Each mark's amplitude and falloff at this pixel: the pixel's blur widens it, its windowed integral stays its area.
  vec3 amplitude[KERNEL_SESSIONS * KERNEL_SLOTS];
  float falloff[KERNEL_SESSIONS * KERNEL_SLOTS];
  float blur = PIXEL_BLUR * pixelMm * pixelMm;
  // (Sessions still to come in the preview draw nothing: dotSession never returns them.)
  int used = min(int(uSessionsDone), KERNEL_SESSIONS) * KERNEL_SLOTS;
  for (int i = 0; i < used; i++) {
    float v = uKernelVariance[i] + blur;
    amplitude[i] = uKernelArea[i] / windowedGaussianIntegral(v, uKernelReachMm);
    falloff[i] = 0.5 / v;
  }
  float reach2 = uKernelReachMm * uKernelReachMm;
  // Conservative bounds for early exits (they skip work, never change the result): how far a jittered
  // feature point can sit from its cell centre along the normal (cells), and the largest mark (mm²).
  float jitterAlong = 0.5 * LATTICE_JITTER * (abs(nr.x) + abs(nr.y) + abs(nr.z));
  float largest2 = reach2 * (1.0 + AREA_SPREAD * uSizeVariation);
  vec3 clear = vec3(1.0);
  for (int dx = -1; dx <= 1; dx++) {
    for (int dy = -1; dy <= 1; dy++) {
      for (int dz = -1; dz <= 1; dz++) {
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
        float dist2 = dot(tangent, tangent);
        if (dist2 >= largest2) continue;
        uvec3 g = pcg3d(h ^ RANK_SALT);
        // Keep this deposit where the planned local density (treatment area, transition zone) allows it,
        // judged at its centre so the hairline never cuts a mark in half.
        float density = densityAt(toObject * tangent);
        float rank = float(g.z) * U32_TO_UNIT;
        if (rank >= density) continue;
        int session = dotSession(rank / density);
        if (session < 0) continue;
        // A deposit af times the mean area is the mean one scaled by √af: its integral scales by af.
        float areaFactor = 1.0 + uSizeVariation * AREA_SPREAD * (2.0 * float(g.x) * U32_TO_UNIT - 1.0);
        float t = dist2 / areaFactor;
        float window = 1.0 - t / reach2;
        if (window <= 0.0) continue;
        int i = session * KERNEL_SLOTS;
        vec3 dark = amplitude[i] * exp(-t * falloff[i]) + amplitude[i + 1] * exp(-t * falloff[i + 1]);
        clear *= 1.0 - min(dark * (window * window * slab), vec3(1.0));
      }
    }
  }
  return clear;
}

// Mean light (per channel) the deposits drawn one by one let through where `lattice` deposits per mm² are
// planned: what they fade to when their marks shrink below about a pixel (explicitMeanTransmittance).
vec3 explicitMeanTransmittance(float lattice) {
  vec3 x = lattice * uExplicitMeanArea;
  return exp(-x - KERNEL_OVERLAP * x * x);
}
