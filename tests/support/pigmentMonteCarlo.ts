/**
 * Monte Carlo light transport in layered skin with buried pigment deposits (photon packets, after MCML: Wang,
 * Jacques & Zheng 1995). Lengths in mm. The medium is a stack of layers of one refractive index under air;
 * light enters at normal incidence (the specular part is reflected at once), scatters with Henyey–Greenstein
 * phase functions and leaves through the surface with Fresnel's law (or reflects back, or is totally
 * internally reflected), or through the bottom of a finite stack.
 *
 * Absorption is not sampled: a photon's weight is exp(−Σ μa·L) over the path lengths L it spends in each
 * region, applied where it leaves. That lets one run price many absorptions at once (the "perturbation"
 * or path-length Monte Carlo): every epidermal melanin level, and every pigment deposit and ink strength,
 * since a deposit is taken to scatter like the dermis around it and only absorb more. A deposit is a short
 * cylinder on the z axis; the run tallies, per deposit and ink, the light it takes from each ring of the
 * surface around that axis. Russian roulette ends photons whose weight has become negligible, unbiased.
 */

export interface McLayer {
  /** Thickness in mm (Infinity for a semi-infinite last layer). */
  thicknessMm: number;
  scatteringPerMm: number;
  absorptionPerMm: number;
  /** Henyey–Greenstein g of this layer (default: the setup's). */
  anisotropy?: number;
}

export interface McDeposits {
  radiiMm: readonly number[];
  /** Depth of each deposit's top below the surface. */
  topsMm: readonly number[];
  thicknessMm: number;
  /** Absorption of the deposit (added to the tissue's), one tally per value. */
  absorptionsPerMm: readonly number[];
  /**
   * Deposits repeated on a square lattice of this spacing (mm) instead of one: each placement is then a
   * uniform offset in the lattice cell, and deficitTotal is the mean darkening's share of R0 (× R0).
   */
  latticeSpacingMm?: number;
}

export interface McSetup {
  layers: readonly McLayer[];
  anisotropy: number;
  refractiveIndex: number;
  photons: number;
  seed: number;
  /** Extra absorption levels for the top layer (≥ 0, added to its own): reflectance is tallied for each. */
  topLayerExtraAbsorption?: readonly number[];
  /** Where photons enter: one point (pencil beam at the origin) or spread over the plane around the axis. */
  launch: 'pencil' | 'plane';
  /** Surface ring edges (mm from the axis) for the radial tallies. */
  ringEdgesMm?: readonly number[];
  deposits?: McDeposits;
  /**
   * Plane launch: how many placements of the deposits each photon path is priced at (each a random offset of
   * the deposits' axis from the photon's entry point): one path serves many placements, and small deposits,
   * which few paths cross, are priced well.
   */
  placements?: number;
}

export interface McResult {
  photons: number;
  specular: number;
  /** Diffuse reflectance per top-layer absorption level (index 0: none extra). */
  reflectance: number[];
  transmittance: number;
  /** Energy absorbed per layer (no extra top-layer absorption). */
  absorbed: number[];
  /** Ring tallies of diffuse reflectance per mm² of surface per top-layer level (pencil launch). */
  ringReflectance: Float64Array[];
  /**
   * Plane launch, unit irradiance: the reflected light per mm² each deposit takes from each ring, indexed
   * [((geometry · inks + ink) · levels + level) · rings + ring], geometry = radiusIndex · tops + topIndex.
   */
  deficit: Float64Array;
  /** Per entry as deficit but summed over rings: the light taken in all (mm² of fully darkened skin × R0). */
  deficitTotal: Float64Array;
  /** Sum of squares of each photon's contribution to deficitTotal, for its standard error. */
  deficitTotalSq: Float64Array;
}

/** sfc32: a small, fast, seeded generator (Doty-Humphrey), uniform in [0, 1). */
export function seededUniform(seed: number): () => number {
  let a = 0x9e3779b9 ^ seed, b = 0x243f6a88, c = 0xb7e15162 ^ (seed * 7919), d = 1;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const out = (t + d) | 0;
    c = (c + out) | 0;
    return (out >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

/** Fresnel reflectance (unpolarised) from inside a medium of index n into air, for a direction cosine cosI. */
function fresnelOut(n: number, cosI: number): number {
  const sinT = n * Math.sqrt(Math.max(0, 1 - cosI * cosI));
  if (sinT >= 1) return 1;
  const cosT = Math.sqrt(1 - sinT * sinT);
  const rs = (n * cosI - cosT) / (n * cosI + cosT);
  const rp = (cosI - n * cosT) / (cosI + n * cosT);
  return (rs * rs + rp * rp) / 2;
}

// Plane launch: the deposits' offsets from the entry point are drawn from an equal mixture of discs (more
// near, where the light a deposit takes comes from) and weighted by 1/density, which keeps it unbiased.
const LAUNCH_DISCS_MM = [0.75, 2.5, 9] as const;
const launchDensity = (rho: number) =>
  LAUNCH_DISCS_MM.reduce((sum, R) => sum + (rho <= R ? 1 / (3 * Math.PI * R * R) : 0), 0);

const ROULETTE_WEIGHT = 0.02;
const ROULETTE_SURVIVAL = 0.1;

export function runMonteCarlo(setup: McSetup): McResult {
  const rand = seededUniform(setup.seed);
  const { layers, refractiveIndex: n } = setup;
  const layerG = layers.map((l) => l.anisotropy ?? setup.anisotropy);
  const layerCount = layers.length;
  const bottoms = new Float64Array(layerCount);
  layers.reduce((z, l, i) => (bottoms[i] = z + l.thicknessMm), 0);
  const tops = new Float64Array(layerCount);
  for (let i = 1; i < layerCount; i++) tops[i] = bottoms[i - 1]!;
  const stackBottom = bottoms[layerCount - 1]!;
  const extra = setup.topLayerExtraAbsorption ?? [0];
  const levels = extra.length;
  const edges = setup.ringEdgesMm ?? [];
  const rings = Math.max(0, edges.length - 1);
  const maxEdge = edges[edges.length - 1] ?? 0;
  const dep = setup.deposits;
  const radii = dep?.radiiMm ?? [];
  const depTops = dep?.topsMm ?? [];
  const inks = dep?.absorptionsPerMm ?? [];
  const geometries = radii.length * depTops.length;
  const maxRadius = Math.max(0, ...radii);
  const depZmin = Math.min(Infinity, ...depTops);
  const depZmax = Math.max(-Infinity, ...depTops) + (dep?.thicknessMm ?? 0);
  const specular = ((n - 1) / (n + 1)) ** 2;

  const reflectance = new Array<number>(levels).fill(0);
  const absorbed = new Array<number>(layerCount).fill(0);
  let transmittance = 0;
  const ringReflectance = Array.from({ length: levels }, () => new Float64Array(rings));
  const deficit = new Float64Array(geometries * inks.length * levels * rings);
  const deficitTotal = new Float64Array(geometries * inks.length * levels);
  const deficitTotalSq = new Float64Array(geometries * inks.length * levels);
  const pathIn = new Float64Array(layerCount);
  const radialIn = new Float64Array(radii.length * 2);
  const levelWeight = new Float64Array(levels);

  const ringOf = (r: number) => {
    if (r >= maxEdge) return -1;
    let lo = 0, hi = rings;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (edges[mid]! <= r) lo = mid;
      else hi = mid;
    }
    return lo;
  };

  const placements = setup.launch === 'plane' && geometries > 0 ? Math.max(1, setup.placements ?? 1) : 0;
  const lattice = dep?.latticeSpacingMm ?? 0;
  const offsetX = new Float64Array(placements), offsetY = new Float64Array(placements), offsetWeight = new Float64Array(placements);
  const pathDeposit = new Float64Array(placements * geometries);
  const touchedList = new Int32Array(placements * geometries);
  let touchedCount = 0;
  // One photon's deficit per tally entry (summed over its placements), for the standard errors.
  const photonDeficit = new Float64Array(deficitTotal.length);
  const photonEntries = new Int32Array(deficitTotal.length);
  let photonEntryCount = 0;

  // Path length of the segment p + t·u, t in [0, s] (p relative to a placement's axis), inside each deposit.
  const addDepositPaths = (x: number, y: number, z: number, ux: number, uy: number, uz: number, s: number, placement: number) => {
    const a = ux * ux + uy * uy;
    const b = x * ux + y * uy;
    const c0 = x * x + y * y;
    // Closest approach to the axis within the segment.
    const tc = a > 0 ? Math.min(s, Math.max(0, -b / a)) : 0;
    if (c0 + 2 * b * tc + a * tc * tc > maxRadius * maxRadius) return;
    for (let i = 0; i < radii.length; i++) {
      const r = radii[i]!;
      let t0 = 0, t1 = s;
      if (a > 1e-12) {
        const disc = b * b - a * (c0 - r * r);
        if (disc <= 0) { t0 = 1; t1 = 0; }
        else {
          const q = Math.sqrt(disc);
          t0 = Math.max(0, (-b - q) / a);
          t1 = Math.min(s, (-b + q) / a);
        }
      } else if (c0 > r * r) { t0 = 1; t1 = 0; }
      radialIn[2 * i] = t0;
      radialIn[2 * i + 1] = t1;
    }
    for (let j = 0; j < depTops.length; j++) {
      const top = depTops[j]!, bottom = top + dep!.thicknessMm;
      let t0 = 0, t1 = s;
      if (Math.abs(uz) > 1e-12) {
        const ta = (top - z) / uz, tb = (bottom - z) / uz;
        t0 = Math.max(0, Math.min(ta, tb));
        t1 = Math.min(s, Math.max(ta, tb));
      } else if (z < top || z > bottom) continue;
      if (t1 <= t0) continue;
      for (let i = 0; i < radii.length; i++) {
        const lo = Math.max(t0, radialIn[2 * i]!), hi = Math.min(t1, radialIn[2 * i + 1]!);
        if (hi > lo) {
          const k = placement * geometries + i * depTops.length + j;
          if (pathDeposit[k] === 0) touchedList[touchedCount++] = k;
          pathDeposit[k]! += hi - lo;
        }
      }
    }
  };

  for (let p = 0; p < setup.photons; p++) {
    let x = 0, y = 0, z = 0;
    for (let k = 0; k < placements; k++) {
      if (lattice > 0) {
        offsetX[k] = (rand() - 0.5) * lattice;
        offsetY[k] = (rand() - 0.5) * lattice;
        offsetWeight[k] = 1 / placements;
        continue;
      }
      const R = LAUNCH_DISCS_MM[Math.min(2, Math.floor(rand() * 3))]!;
      const rho = R * Math.sqrt(rand());
      const phi = 2 * Math.PI * rand();
      offsetX[k] = rho * Math.cos(phi);
      offsetY[k] = rho * Math.sin(phi);
      offsetWeight[k] = 1 / (placements * launchDensity(rho));
    }
    let ux = 0, uy = 0, uz = 1;
    let layer = 0;
    let boost = 1 - specular; // roulette survivors carry the lost weight
    pathIn.fill(0);
    for (let i = 0; i < touchedCount; i++) pathDeposit[touchedList[i]!] = 0;
    touchedCount = 0;
    let alive = true;
    let exitedTop = false;
    let weightNow = 1;
    while (alive) {
      // Free path in optical depth, spent across layers.
      let tau = -Math.log(1 - rand());
      while (tau > 0 && alive) {
        const mus = layers[layer]!.scatteringPerMm;
        let s = tau / mus;
        let boundary = 0; // -1 up through the layer's top, +1 down through its bottom
        if (uz < 0 && z + uz * s < tops[layer]!) { s = (tops[layer]! - z) / uz; boundary = -1; }
        else if (uz > 0 && z + uz * s > bottoms[layer]!) { s = (bottoms[layer]! - z) / uz; boundary = 1; }
        if (placements > 0) {
          const z1 = z + uz * s;
          if (Math.max(z, z1) >= depZmin && Math.min(z, z1) <= depZmax) {
            // Only placements whose deposits can be within the segment's reach.
            const mx = x + (ux * s) / 2, my = y + (uy * s) / 2, reach = maxRadius + s / 2;
            for (let k = 0; k < placements; k++) {
              if (lattice > 0) {
                // The nearest deposits to the segment's two ends (deposits are well inside their cells).
                const sx = x - offsetX[k]!, sy = y - offsetY[k]!;
                const ax = Math.round(sx / lattice) * lattice, ay = Math.round(sy / lattice) * lattice;
                addDepositPaths(sx - ax, sy - ay, z, ux, uy, uz, s, k);
                const bx = Math.round((sx + ux * s) / lattice) * lattice, by = Math.round((sy + uy * s) / lattice) * lattice;
                if (bx !== ax || by !== ay) addDepositPaths(sx - bx, sy - by, z, ux, uy, uz, s, k);
                continue;
              }
              const dx = mx - offsetX[k]!, dy = my - offsetY[k]!;
              if (dx * dx + dy * dy < reach * reach) addDepositPaths(x - offsetX[k]!, y - offsetY[k]!, z, ux, uy, uz, s, k);
            }
          }
        }
        pathIn[layer]! += s;
        const step = Math.exp(-layers[layer]!.absorptionPerMm * s);
        absorbed[layer]! += boost * weightNow * (1 - step);
        weightNow *= step;
        x += ux * s; y += uy * s; z += uz * s;
        tau -= s * mus;
        if (boundary === 0) break;

        if (boundary === 1 && layer < layerCount - 1) { layer++; continue; }
        if (boundary === -1 && layer > 0) { layer--; continue; }
        // At the surface or at the bottom of a finite stack: leave, or reflect back and go on.
        if (rand() < fresnelOut(n, Math.abs(uz))) { uz = -uz; continue; }
        alive = false;
        if (boundary === -1) exitedTop = true;
        else transmittance += boost * weightNow;
        if (boundary === 1 && z < stackBottom - 1e-9) throw new Error('left a layer that is not the last');
      }
      if (!alive) break;
      // Scatter (Henyey–Greenstein).
      const g = layerG[layer]!;
      const g2 = g * g;
      const xi = rand();
      let cosT: number;
      if (g === 0) cosT = 2 * xi - 1;
      else {
        const f = (1 - g2) / (1 - g + 2 * g * xi);
        cosT = (1 + g2 - f * f) / (2 * g);
      }
      const sinT = Math.sqrt(Math.max(0, 1 - cosT * cosT));
      const phi = 2 * Math.PI * rand();
      const cp = Math.cos(phi), sp = Math.sin(phi);
      if (Math.abs(uz) > 0.99999) {
        ux = sinT * cp; uy = sinT * sp; uz = Math.sign(uz) * cosT;
      } else {
        const d = Math.sqrt(1 - uz * uz);
        const nx = (sinT * (ux * uz * cp - uy * sp)) / d + ux * cosT;
        const ny = (sinT * (uy * uz * cp + ux * sp)) / d + uy * cosT;
        uz = -sinT * cp * d + uz * cosT;
        ux = nx; uy = ny;
      }
      if (weightNow < ROULETTE_WEIGHT) {
        if (rand() < ROULETTE_SURVIVAL) boost /= ROULETTE_SURVIVAL;
        else alive = false;
      }
    }
    if (!exitedTop) continue;
    const base = boost * weightNow;
    const rho = Math.hypot(x, y);
    const ring = rings > 0 ? ringOf(rho) : -1;
    for (let m = 0; m < levels; m++) {
      levelWeight[m] = base * Math.exp(-extra[m]! * pathIn[0]!);
      reflectance[m]! += levelWeight[m]!;
      if (setup.launch === 'pencil' && ring >= 0) ringReflectance[m]![ring]! += levelWeight[m]!;
    }
    for (let i = 0; i < touchedCount; i++) {
      const entry = touchedList[i]!;
      const placement = Math.floor(entry / geometries), k = entry - placement * geometries;
      const ring = rings > 0 ? ringOf(Math.hypot(x - offsetX[placement]!, y - offsetY[placement]!)) : -1;
      for (let q = 0; q < inks.length; q++) {
        const loss = 1 - Math.exp(-inks[q]! * pathDeposit[entry]!);
        for (let m = 0; m < levels; m++) {
          const idx = (k * inks.length + q) * levels + m;
          const v = offsetWeight[placement]! * levelWeight[m]! * loss;
          if (photonDeficit[idx] === 0) photonEntries[photonEntryCount++] = idx;
          photonDeficit[idx]! += v;
          if (ring >= 0) deficit[idx * rings + ring]! += v;
        }
      }
    }
    for (let i = 0; i < photonEntryCount; i++) {
      const idx = photonEntries[i]!;
      deficitTotal[idx]! += photonDeficit[idx]!;
      deficitTotalSq[idx]! += photonDeficit[idx]! ** 2;
      photonDeficit[idx] = 0;
    }
    photonEntryCount = 0;
  }

  const N = setup.photons;
  const perPhoton = (a: Float64Array) => a.map((v) => v / N);
  const ringArea = (i: number) => Math.PI * (edges[i + 1]! ** 2 - edges[i]! ** 2);
  return {
    photons: N,
    specular,
    reflectance: reflectance.map((v) => v / N),
    transmittance: transmittance / N,
    absorbed: absorbed.map((v) => v / N),
    ringReflectance: ringReflectance.map((a) => a.map((v, i) => v / N / ringArea(i))),
    deficit: deficit.map((v, i) => v / N / ringArea(i % rings)),
    deficitTotal: perPhoton(deficitTotal),
    deficitTotalSq: perPhoton(deficitTotalSq),
  };
}
