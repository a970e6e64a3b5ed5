/**
 * Where the client's hair grows today, for each hair-loss pattern: at a point of the scalp, the share of
 * full terminal hair left there, from 0 (bald) to 1 (full). The shapes follow the Norwood–Hamilton and
 * Ludwig charts and the domain notes, laid out from the head's own landmarks, so they fit any head.
 *
 * Hair grows only on the hair-bearing scalp: inside the client's natural hairline (the juvenile preset:
 * Norwood I, the line before any loss), which keeps it off the face, the ears and the neck below the
 * nape line. Each pattern then takes hair away from that. Borders are soft over a few millimetres, and
 * balding areas are edged by a band of thinning hair, as on a real scalp.
 */
import { hairlineCenter } from '../hairline/hairline';
import type { Landmarks, Vec3 } from '../head/landmarks';
import type { HairLossPattern } from './patterns';

/** A head's frame for laying out hair-loss patterns, from its landmarks. */
export interface ScalpFrame {
  /** A point inside the cranium: positions on the scalp are measured as angles around it. */
  center: Vec3;
  /** Distance from the centre to the vertex: turns those angles into millimetres along the scalp. */
  radiusMm: number;
  /** The crown's hair whorl: where hair grows from in a spiral, and where crown (vertex) loss begins. */
  whorl: Vec3;
  /** How far from the midline (mm along the scalp) the frontotemporal corners of the hairline are. */
  cornerMm: number;
  /** How far from the midline (mm along the scalp) the ears are: temple hair in front of them stays. */
  earMm: number;
  /** The whorl's front-to-back position (see `ScalpPoint.frontMm`). */
  whorlFrontMm: number;
  /** Height of the tragi and of the vertex (mm): heights on the head are measured between them. */
  tragusY: number;
  vertexY: number;
}

/** A point of the scalp in the frame's terms. */
export interface ScalpPoint {
  /** Distance from the midline across the head, mm along the scalp (either side: patterns are symmetric). */
  lateralMm: number;
  /** Position from front to back, mm along the scalp: 0 straight above the centre, positive toward the face. */
  frontMm: number;
  /** Direction around the head seen from above, degrees: 0 straight ahead, 90 at the ears, 180 at the back. */
  azimuthDeg: number;
  /** Height from the tragi (0) to the vertex (1). */
  height: number;
  /** Straight distance to the whorl, mm. */
  whorlMm: number;
}

/** Where a point lies relative to the client's natural hairline (mm). */
export interface NaturalHairlineDistance {
  /** Signed distance from the whole natural hairline: positive on the hair-bearing side. */
  insideMm: number;
  /** Distance from its front part, temple to temple: how far behind the natural front line the point is. */
  behindFrontMm: number;
}

/**
 * The whorl sits on the midline about 3 cm behind the vertex (the highest point of the head): the
 * parietal whorl of most people, around which crown loss starts.
 */
const WHORL_BEHIND_VERTEX_MM = 30;

export function scalpFrame(landmarks: Landmarks): ScalpFrame {
  const center = hairlineCenter(landmarks);
  const rel = (p: Vec3): Vec3 => [p[0] - center[0], p[1] - center[1], p[2] - center[2]];
  const v = rel(landmarks.vertex);
  const radiusMm = Math.hypot(v[0], v[1], v[2]);
  const whorlAngle = Math.atan2(v[2], v[1]) - WHORL_BEHIND_VERTEX_MM / radiusMm;
  const whorl: Vec3 = [center[0], center[1] + radiusMm * Math.cos(whorlAngle), center[2] + radiusMm * Math.sin(whorlAngle)];
  const lateralMm = (p: Vec3) => {
    const d = rel(p);
    return radiusMm * Math.atan2(Math.abs(d[0]), Math.hypot(d[1], d[2]));
  };
  const cornerMm = (lateralMm(landmarks.leftFrontotemporal) + lateralMm(landmarks.rightFrontotemporal)) / 2;
  const earMm = (lateralMm(landmarks.leftTragus) + lateralMm(landmarks.rightTragus)) / 2;
  const tragusY = (landmarks.leftTragus[1] + landmarks.rightTragus[1]) / 2;
  return { center, radiusMm, whorl, cornerMm, earMm, whorlFrontMm: radiusMm * whorlAngle, tragusY, vertexY: landmarks.vertex[1] };
}

export function scalpPoint(p: Vec3, frame: ScalpFrame): ScalpPoint {
  const dx = p[0] - frame.center[0];
  const dy = p[1] - frame.center[1];
  const dz = p[2] - frame.center[2];
  const toDegrees = 180 / Math.PI;
  return {
    lateralMm: frame.radiusMm * Math.atan2(Math.abs(dx), Math.hypot(dy, dz)),
    frontMm: frame.radiusMm * Math.atan2(dz, dy),
    azimuthDeg: Math.atan2(Math.abs(dx), dz) * toDegrees,
    height: (p[1] - frame.tragusY) / (frame.vertexY - frame.tragusY),
    whorlMm: Math.hypot(p[0] - frame.whorl[0], p[1] - frame.whorl[1], p[2] - frame.whorl[2]),
  };
}

const smoothstep = (edge0: number, edge1: number, x: number): number => {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
};

/** Half-width of every soft border (mm): a real edge of hair loss fades over a few millimetres. */
const EDGE_MM = 3;
/** The natural hairline builds up from bare skin to full density over this many mm inside it. */
const NATURAL_ZONE_MM = 7;
/** Balding areas are edged by this band (mm) of thinning hair, at this share of full density. */
const THINNING_BAND_MM = 12;
const THINNING_DENSITY = 0.45;

/**
 * Hair left at `depthMm` into a balding area (negative: outside it): full hair, then a band of
 * `bandMm` thinning hair at `thin` of full density, then bare scalp.
 */
function balding(depthMm: number, bandMm = THINNING_BAND_MM, thin = THINNING_DENSITY): number {
  const intoBand = smoothstep(-bandMm - EDGE_MM, -bandMm + EDGE_MM, depthMm);
  const intoBald = smoothstep(-EDGE_MM, EDGE_MM, depthMm);
  return (1 - (1 - thin) * intoBand) * (1 - intoBald);
}

/** A Norwood stage as the chart draws it. */
interface NorwoodStage {
  /** How far the front hairline has receded behind the natural one (mm), at the midline and at the temple corners. */
  front?: { midMm: number; cornerMm: number };
  /** Bald crown around the whorl: its radius and the width of thinning hair around it (mm). */
  crown?: { baldMm: number; thinningMm: number };
  /**
   * Only a horseshoe fringe is left, up to this height (0 at the tragi, 1 at the vertex) above the ears and
   * at the back, with this share of full hair (the fringe of the last stages is sparse and fine).
   */
  fringe?: { sideHeight: number; backHeight: number; density: number };
}

/**
 * Norwood–Hamilton stages. Recession depths grow through the series: II a mature hairline with small
 * triangles at the temples, III deep bare temples, IV–V a receded front and a bald crown with a bridge of
 * hair between them (IV's bridge moderately dense, V's narrow and sparse), VI the bridge gone, leaving a
 * wide fringe, and VII a narrow horseshoe of fine hair from just in front of the ears round the back. The
 * A variants recede from front to back with no separate crown spot.
 */
const NORWOOD: Record<Extract<HairLossPattern, `norwood-${string}`>, NorwoodStage> = {
  'norwood-1': {},
  'norwood-2': { front: { midMm: 6, cornerMm: 20 } },
  'norwood-3': { front: { midMm: 10, cornerMm: 38 } },
  'norwood-3a': { front: { midMm: 30, cornerMm: 40 } },
  'norwood-3v': { front: { midMm: 10, cornerMm: 32 }, crown: { baldMm: 10, thinningMm: 22 } },
  'norwood-4': { front: { midMm: 30, cornerMm: 55 }, crown: { baldMm: 30, thinningMm: THINNING_BAND_MM } },
  'norwood-4a': { front: { midMm: 52, cornerMm: 62 } },
  'norwood-5': { front: { midMm: 48, cornerMm: 72 }, crown: { baldMm: 45, thinningMm: THINNING_BAND_MM } },
  'norwood-5a': { front: { midMm: 85, cornerMm: 92 } },
  'norwood-6': { fringe: { sideHeight: 0.7, backHeight: 0.5, density: 1 } },
  'norwood-7': { fringe: { sideHeight: 0.5, backHeight: 0.25, density: 0.85 } },
};

/**
 * How deep a point lies in the receded front (mm; negative: in the hair behind it). The receded line runs
 * behind the natural front hairline by `midMm` at the midline, deepening to `cornerMm` at the temple
 * corners (the M of male recession) and easing back to nothing above the ears, where the temple hair stays.
 * The thinning band at its edge is narrower where the recession is shallow: a mature hairline is not thin.
 */
function frontRecession(front: { midMm: number; cornerMm: number }, at: ScalpPoint, behindFrontMm: number, frame: ScalpFrame): number {
  const across = at.lateralMm / frame.cornerMm;
  const depth = across <= 1 ? front.midMm + (front.cornerMm - front.midMm) * across * across : front.cornerMm * (1 - smoothstep(frame.cornerMm, frame.earMm, at.lateralMm));
  return balding(depth - behindFrontMm, Math.min(THINNING_BAND_MM, 0.4 * depth));
}

/** The horseshoe fringe's top edge thins over this many mm. */
const FRINGE_THINNING_MM = 6;
/** The horseshoe fringe starts just in front of the ears (azimuth, degrees): the temples ahead of it are bald. */
const FRINGE_FROM_DEG = 55;
const FRINGE_FULL_DEG = 82;

function norwood(stage: NorwoodStage, at: ScalpPoint, natural: NaturalHairlineDistance, frame: ScalpFrame): number {
  let hair = 1;
  if (stage.front) hair *= frontRecession(stage.front, at, natural.behindFrontMm, frame);
  if (stage.crown) hair *= balding(stage.crown.baldMm - at.whorlMm, stage.crown.thinningMm);
  if (stage.fringe) {
    const { sideHeight, backHeight, density } = stage.fringe;
    const top = (sideHeight + (backHeight - sideHeight) * smoothstep(100, 160, at.azimuthDeg)) * smoothstep(FRINGE_FROM_DEG, FRINGE_FULL_DEG, at.azimuthDeg);
    hair *= density * balding((at.height - top) * (frame.vertexY - frame.tragusY), FRINGE_THINNING_MM);
  }
  return hair;
}

/**
 * Ludwig grades: diffuse thinning over the top behind a preserved frontal hairline. The thinning starts
 * 3, 2 and 1 cm behind the hairline, spreads wider and leaves less hair as the grade rises.
 */
const LUDWIG: Record<Extract<HairLossPattern, `ludwig-${string}`>, { preservedMm: number; halfWidthMm: number; density: number }> = {
  'ludwig-1': { preservedMm: 30, halfWidthMm: 42, density: 0.6 },
  'ludwig-2': { preservedMm: 20, halfWidthMm: 52, density: 0.4 },
  'ludwig-3': { preservedMm: 10, halfWidthMm: 62, density: 0.2 },
};

/** Diffuse thinning has no sharp border: it sets in over twice this many mm. */
const DIFFUSE_EDGE_MM = 10;
/** The Ludwig area is an oval over the top reaching this far (mm) behind the whorl, and forward past the hairline. */
const LUDWIG_BEHIND_WHORL_MM = 45;
const LUDWIG_LENGTH_MM = 160;

function ludwig(grade: { preservedMm: number; halfWidthMm: number; density: number }, at: ScalpPoint, behindFrontMm: number, frame: ScalpFrame): number {
  const halfLength = LUDWIG_LENGTH_MM / 2;
  const centreFront = frame.whorlFrontMm - LUDWIG_BEHIND_WHORL_MM + halfLength;
  const oval = (1 - Math.hypot(at.lateralMm / grade.halfWidthMm, (at.frontMm - centreFront) / halfLength)) * grade.halfWidthMm;
  const inside = Math.min(oval, behindFrontMm - grade.preservedMm);
  return 1 - (1 - grade.density) * smoothstep(0, 2 * DIFFUSE_EDGE_MM, inside);
}

/** Diffuse thinning: less hair everywhere, least on the top, more near the hairline at the sides and back. */
function diffuse(insideMm: number): number {
  return 0.65 - 0.25 * smoothstep(10, 60, insideMm);
}

/**
 * Alopecia areata: a few round or oval bald patches 2–3 cm across, always in the same places (on the
 * left top, behind the crown on the right and on the back of the head). Each is placed by its direction
 * from the frame's centre (degrees across and front-to-back) and sized in mm across (width, height).
 */
const AREATA_PATCHES = [
  { acrossDeg: 38, frontDeg: -5, widthMm: 28, heightMm: 24 },
  { acrossDeg: -22, frontDeg: -55, widthMm: 22, heightMm: 22 },
  { acrossDeg: 12, frontDeg: -105, widthMm: 24, heightMm: 30 },
] as const;

function areata(p: Vec3, frame: ScalpFrame): number {
  let hair = 1;
  const rad = Math.PI / 180;
  for (const patch of AREATA_PATCHES) {
    const a = patch.acrossDeg * rad;
    const f = patch.frontDeg * rad;
    const dir: Vec3 = [Math.sin(a), Math.cos(a) * Math.cos(f), Math.cos(a) * Math.sin(f)];
    const rel: Vec3 = [p[0] - frame.center[0], p[1] - frame.center[1], p[2] - frame.center[2]];
    const along = rel[0] * dir[0] + rel[1] * dir[1] + rel[2] * dir[2];
    if (along <= 0) continue;
    // Offsets in the patch's tangent plane (exact whatever the skin's distance from the centre there):
    // across runs level around the head, up runs over it.
    const t: Vec3 = [rel[0] - along * dir[0], rel[1] - along * dir[1], rel[2] - along * dir[2]];
    const acrossLen = Math.hypot(dir[2], dir[0]);
    const across = (t[0] * dir[2] - t[2] * dir[0]) / acrossLen;
    const up = Math.sqrt(Math.max(0, t[0] * t[0] + t[1] * t[1] + t[2] * t[2] - across * across));
    const rx = patch.widthMm / 2;
    const ry = patch.heightMm / 2;
    const depth = (1 - Math.hypot(across / rx, up / ry)) * Math.min(rx, ry);
    hair *= 1 - smoothstep(-EDGE_MM / 2, EDGE_MM / 2, depth);
  }
  return hair;
}

/**
 * The share of full hair (0..1) at point `p` of the scalp for `pattern`, given where the point lies
 * relative to the natural hairline. `none` draws no hair at all: the scalp as if shaved clean, the
 * simulator's picture when the client's hair is not shown.
 */
export function hairDensityAt(pattern: HairLossPattern, p: Vec3, frame: ScalpFrame, natural: NaturalHairlineDistance): number {
  if (pattern === 'none') return 0;
  const grown = smoothstep(-1, NATURAL_ZONE_MM, natural.insideMm);
  if (grown <= 0) return 0;
  if (pattern === 'diffuse') return grown * diffuse(natural.insideMm);
  if (pattern === 'areata') return grown * areata(p, frame);
  const at = scalpPoint(p, frame);
  if (pattern === 'ludwig-1' || pattern === 'ludwig-2' || pattern === 'ludwig-3') return grown * ludwig(LUDWIG[pattern], at, natural.behindFrontMm, frame);
  return grown * norwood(NORWOOD[pattern], at, natural, frame);
}
