// Scars, per pixel: FUT strip scars, FUE extraction dots and freeform painted scars. A 3 mm strip or a
// 0.85 mm dot is finer than the mesh (~2 mm between vertices), so FUT and FUE are drawn analytically here;
// freeform scars, painted with a brush of at least a millimetre, come per vertex (vScarAmount).
// CPU twins: src/domain/scars/fut.ts (futAmountAt), fue.ts (the same lattice, rank and spacing rules),
// shaderData.ts (what the uniforms hold). Needs hash.glsl, follicle_dots.glsl (lattice constants) and
// MAX_SCARS, FUT_POINTS from scalpMaterial.ts.
// Its uniforms are declared, with their comments, by the table in src/scene/scalpUniforms.ts.

// Scar tissue smooths the skin's texture: this much of its roughness is left, so scars catch the light.
const float SCAR_ROUGHNESS = 0.55;
// Half the soft edge of a healed scar (mm): 0.3 mm in all.
const float SCAR_HALF_EDGE_MM = 0.15;

// Set by evaluateScars: how much scar tissue covers this pixel (0..1) and that scar's pigment uptake.
float smpScarAmount;
float smpScarUptake;

// The angle of p round the scar axis, worked out the first time a scar needs it (`angle` starts above 1e8):
// pixels outside every scar's heights never pay for the arctangent.
float angleAround(vec3 p, inout float angle) {
  if (angle > 1e8) angle = atan(p.x - uScarAxis.x, -(p.z - uScarAxis.y));
  return angle;
}

float futAmount(int i, vec3 p, vec3 n, inout float angle, float halfEdge) {
  vec4 info = uScarInfo[i];
  vec4 shape = uScarShape[i];
  float reach = shape.z + halfEdge;
  if (p.y < shape.x - reach || p.y > shape.y + reach) return 0.0;
  int window = int(shape.w);
  int f = int(floor((angleAround(p, angle) - info.z) / info.w));
  if (f < -window - 1 || f > FUT_POINTS - 1 + window) return 0.0;
  int first = clamp(f - window, 0, FUT_POINTS - 2);
  int last = clamp(f + window, 0, FUT_POINTS - 2);
  float edge = 1e9;
  vec4 a = texelFetch(uFutPoints, ivec2(first, i), 0);
  for (int k = first; k <= last; k++) {
    vec4 b = texelFetch(uFutPoints, ivec2(k + 1, i), 0);
    vec3 ab = b.xyz - a.xyz;
    float t = clamp(dot(p - a.xyz, ab) / max(dot(ab, ab), 1e-12), 0.0, 1.0);
    vec3 d = p - (a.xyz + t * ab);
    // Measured across the skin: the chord between centreline points dips under the curved surface.
    float across = length(d - dot(d, n) * n);
    edge = min(edge, across - mix(a.w, b.w, t));
    a = b;
  }
  return 1.0 - smoothstep(-halfEdge, halfEdge, edge);
}

bool inDonorBand(vec3 q, vec4 info, vec4 shape) {
  return abs(q.y - info.z) <= info.w && abs(atan(q.x - uScarAxis.x, -(q.z - uScarAxis.y))) <= shape.x;
}

// The FUE dots near p: feature points of the scar's own seeded lattice within half a cell of the tangent
// plane, seen as dots where they project onto it, centred in the band, ranked below the threshold, and
// with no lower-ranked dot within the spacing.
float fueAmount(int i, vec3 p, vec3 n, inout float angle, float pixelMm) {
  vec4 info = uScarInfo[i];
  vec4 shape = uScarShape[i];
  vec4 extra = uScarExtra[i];
  float cell = shape.y;
  float radius = extra.x;
  float halfEdge = max(SCAR_HALF_EDGE_MM, 0.5 * pixelMm);
  // A dot's centre lies in the band and the dot reaches its radius (and soft edge) past it.
  float spare = radius + halfEdge + 0.1;
  if (abs(p.y - info.z) > info.w + spare) return 0.0;
  if (abs(angleAround(p, angle)) > shape.x + spare / max(length(p.xz - uScarAxis), 1.0)) return 0.0;
  // Dots smaller than about a pixel fade to the share of the band they cover, as the SMP dots do.
  float fade = smoothstep(0.25, 0.6, pixelMm / (2.0 * radius));
  float mean = fade > 0.0 && abs(p.y - info.z) <= info.w && abs(angle) <= shape.x ? extra.z : 0.0;
  if (fade >= 1.0) return mean;
  uvec3 seed = uvec3(uint(shape.w));
  vec3 q = (uLatticeRotation * p) / cell;
  vec3 nr = uLatticeRotation * n;
  mat3 toObject = transpose(uLatticeRotation);
  vec3 base = floor(q);
  float jitterAlong = 0.5 * LATTICE_JITTER * (abs(nr.x) + abs(nr.y) + abs(nr.z));
  // A point the pixel can see lies within half a cell of the tangent plane and within a dot's reach of p
  // along it: no closer than this (in cells) to p can its cell's box of jittered positions be.
  float reachCells = (radius + halfEdge) / cell;
  float bound = 0.25 + reachCells * reachCells;
  float dots = 0.0;
  for (int dx = -1; dx <= 1; dx++) {
    for (int dy = -1; dy <= 1; dy++) {
      for (int dz = -1; dz <= 1; dz++) {
        vec3 c = base + vec3(dx, dy, dz);
        // Skip cells before hashing (conservative): whose jittered box is out of reach, or out of the slab.
        vec3 outside = max(max(c + 0.5 - 0.5 * LATTICE_JITTER - q, q - (c + 0.5 + 0.5 * LATTICE_JITTER)), 0.0);
        if (dot(outside, outside) > bound || abs(dot(c + 0.5 - q, nr)) - jitterAlong > 0.5) continue;
        uvec3 h = pcg3d(uvec3(ivec3(c)) ^ seed);
        vec3 d = (c + 0.5 + LATTICE_JITTER * (vec3(h) * U32_TO_UNIT - 0.5) - q) * cell;
        float along = dot(d, nr);
        if (abs(along) >= 0.5 * cell) continue;
        vec3 tangent = d - along * nr;
        float dist = length(tangent);
        if (dist > radius + halfEdge) continue;
        float rank = float(pcg3d(h ^ RANK_SALT).z) * U32_TO_UNIT;
        if (rank >= shape.z || !inDonorBand(p + toObject * tangent, info, shape)) continue;
        // Matérn hard core: a lower-ranked point within the spacing keeps this one from being cut.
        bool kept = true;
        for (int ex = -1; ex <= 1 && kept; ex++) {
          for (int ey = -1; ey <= 1 && kept; ey++) {
            for (int ez = -1; ez <= 1 && kept; ez++) {
              if (ex == 0 && ey == 0 && ez == 0) continue;
              vec3 o = c + vec3(ex, ey, ez);
              uvec3 ho = pcg3d(uvec3(ivec3(o)) ^ seed);
              vec3 e = (o + 0.5 + LATTICE_JITTER * (vec3(ho) * U32_TO_UNIT - 0.5) - q) * cell;
              float alongO = dot(e, nr);
              vec3 tangentO = e - alongO * nr;
              if (abs(alongO) >= 0.5 * cell || length(tangentO - tangent) >= extra.y) continue;
              float rankO = float(pcg3d(ho ^ RANK_SALT).z) * U32_TO_UNIT;
              if (rankO < rank && inDonorBand(p + toObject * tangentO, info, shape)) kept = false;
            }
          }
        }
        if (kept) dots = max(dots, 1.0 - smoothstep(radius - halfEdge, radius + halfEdge, dist));
      }
    }
  }
  return mix(dots, mean, fade);
}

// Finds the scar covering this pixel most: sets smpScarAmount and smpScarUptake. Pixels away from every
// scar cost a few comparisons per scar (bounds first); with no scars in the plan, nothing.
void evaluateScars(vec3 p, vec3 n, float pixelMm) {
  smpScarAmount = 0.0;
  smpScarUptake = 1.0;
  if (uScarCount == 0) return;
  float angle = 2e8;
  float halfEdge = max(SCAR_HALF_EDGE_MM, 0.5 * pixelMm);
  float painted = clamp(vScarAmount, 0.0, 1.0);
  // Freeform scars share one vertex attribute: a painted pixel takes the uptake of the freeform scar whose
  // bounds hold it (the lowest where bounds overlap: the preview never flatters).
  float paintedUptake = 2.0;
  float anyPaintedUptake = 1.0;
  for (int i = 0; i < uScarCount; i++) {
    vec4 info = uScarInfo[i];
    float amount = 0.0;
    if (info.x < 1.5) amount = futAmount(i, p, n, angle, halfEdge);
    else if (info.x < 2.5) amount = fueAmount(i, p, n, angle, pixelMm);
    else {
      anyPaintedUptake = min(anyPaintedUptake, info.y);
      if (painted > 0.0 && distance(p, uScarShape[i].xyz) <= uScarShape[i].w) paintedUptake = min(paintedUptake, info.y);
    }
    if (amount > smpScarAmount) {
      smpScarAmount = amount;
      smpScarUptake = info.y;
    }
  }
  if (painted > smpScarAmount) {
    smpScarAmount = painted;
    smpScarUptake = paintedUptake <= 1.0 ? paintedUptake : anyPaintedUptake;
  }
}
