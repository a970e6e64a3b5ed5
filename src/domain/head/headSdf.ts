import {
  bentTube,
  bilateral,
  ellipsoid,
  roundedDisc,
  mirroredPair,
  rotation,
  smax,
  smin,
  taperedCapsule,
  type Sdf,
  type V3,
} from './sdf.ts';
import { leftEyeExcess } from './eyes.ts';

/**
 * The default head as an implicit surface, in the head frame (mm, +Y up, +Z forward, +X the
 * subject's left, origin between the tragi). Proportions follow adult male anthropometry:
 * head length ~195, breadth ~150, menton-vertex ~230, bitragion ~140, interpupillary ~64.
 * Every paired feature is mirrored, so the field is exactly symmetric in x.
 */

/** Centre of the left eyeball (the right one is mirrored) and its radius. */
export const EYE_CENTER: V3 = [32, 17, 75];
export const EYE_RADIUS = 12;

/**
 * The left eye opening (palpebral fissure) seen from the front, in the head frame (mm). Adult figures: about
 * 30 mm from the inner corner (endocanthion, en) to the outer (exocanthion, ex) (Farkas, Anthropometry of
 * the Head and Face, 1994; Hall et al., Handbook of Physical Measurements, 2007), 8-11 mm between the lid
 * margins (BCSC Fundamentals; Read et al., Optom Vis Sci 2006: 9.7 ± 1.2 mm in primary gaze), the outer
 * corner a little higher than the inner (a positive canthal tilt of a few degrees), the upper lid just over
 * the top of the iris and the lower lid at its bottom edge, the upper lid's highest point a little medial
 * to the pupil and the lower lid's lowest a little lateral. The intercanthal width en-en (~33 mm) and
 * biocular width ex-ex (~91 mm) of Farkas's adults put the corners 15.5 mm medial and 14 mm lateral of the
 * pupil (interpupillary ~64 mm).
 */
export const LEFT_FISSURE = {
  en: [15.0, 15.6] as const,
  ex: [47.4, 18.6] as const,
  /** Heights of the upper and lower margins above and below the corners' line, at their extremes (mm). */
  upper: 4.6,
  lower: 5.6,
  /** Where along the fissure (0 at en, 1 at ex) the upper margin peaks and the lower one bottoms. */
  upperPeak: 0.45,
  lowerPeak: 0.56,
  /**
   * The upper lid crease (supratarsal fold) above the upper margin at its middle (mm): 6-8 mm in men,
   * 8-10 in women (Kiranantawat et al., Arch Plast Surg 2014). Above it the orbital part of the lid stands
   * proud of the tarsal part by `foldMm`.
   */
  creaseMm: 7,
  foldMm: 1.8,
};


/** Bounding box of the head and neck, with a margin for the mesher. */
export const HEAD_BOX = { min: [-100, -178, -112] as [number, number, number], max: [100, 140, 135] as [number, number, number] };

/** Bottom of the neck, where the bust is cut off. */
export const NECK_BOTTOM_Y = -165;

/** Evaluate a shape given in a local frame placed at `origin` with orientation `rot` (local to world). */
function inFrame(origin: V3, rot: number[], f: Sdf): Sdf {
  const [ox, oy, oz] = origin;
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8] = rot as [number, number, number, number, number, number, number, number, number];
  return (x, y, z) => {
    const px = x - ox, py = y - oy, pz = z - oz;
    return f(m0 * px + m3 * py + m6 * pz, m1 * px + m4 * py + m7 * pz, m2 * px + m5 * py + m8 * pz);
  };
}

/**
 * Braincase: a superellipsoid-like egg with different front/back and up/down semi-axes, narrower at
 * the forehead than at the parietal bosses. Returns the radial distance to its surface.
 */
function cranium(): Sdf {
  const cy = 38, cz = -2;
  const nPlan = 2.9, nUp = 2.2;
  const axMax = 75, azFront = 100, azBack = 92, ayUp = 94, ayDown = 78;
  return (x, y, z) => {
    const dx = x, dy = y - cy, dz = z - cz;
    const r = Math.sqrt(dx * dx + dy * dy + dz * dz);
    if (r < 1e-6) return -70;
    const u = dz / r; // forward component of the direction
    const v = dy / r;
    // Egg shape: the breadth falls off toward the forehead and a little toward the occiput and the skull base.
    const front = u > 0 ? u * u : 0;
    const back = u < 0 ? u * u : 0;
    const low = v < 0 ? v * v : 0;
    const ax = axMax * (1 - 0.14 * front - 0.05 * back - 0.02 * low);
    // The occiput is fullest a little above the brow line (opisthocranion), receding above and below.
    const az = dz > 0 ? azFront : azBack * (1 - 0.06 * (v - 0.15) * (v - 0.15));
    // The occiput turns under toward the nape sooner than the face side does.
    const ay = dy > 0 ? ayUp : ayDown - 10 * back;
    // Fuller (squarer) in plan view than in elevation: a broad oval skull under a round dome.
    const plan = Math.pow(Math.pow(Math.abs(dx / ax), nPlan) + Math.pow(Math.abs(dz / az), nPlan), 1 / nPlan);
    const g = Math.pow(Math.pow(plan, nUp) + Math.pow(Math.abs(dy / ay), nUp), 1 / nUp);
    return r * (1 - 1 / g);
  };
}

function ear(): Sdf {
  // Local frame: x outward from the head, y up along the ear, z forward. The ear leans back and its
  // rear edge stands off the skull.
  const upper = roundedDisc([0, 7, -1], 25, 16.5, 3.6, 3.2);
  const lobe = roundedDisc([0, -18, 3], 11, 9.5, 3.6, 3.4);
  const scapha = ellipsoid([5.8, 9, -2.5], [4.4, 19.5, 11.5]);
  const concha = ellipsoid([5.6, -3, 4], [5, 9, 7.5]);
  const root = ellipsoid([-5, -2, 5], [6, 15, 10]);
  const antihelix = bentTube([2.2, -9, -5], [2.5, 6, -9], [2.2, 20, -1], 2.6, 2.0, 8);
  const crus = taperedCapsule([1.5, 8, 9], [3.2, 2, 1], 2.2, 1.6);
  const tragus = ellipsoid([2.8, -4, 12], [3.2, 5, 3.2]);
  const antitragus = ellipsoid([2.8, -11.5, 1], [3, 3.5, 4]);
  return (x, y, z) => {
    let d = smin(upper(x, y, z), lobe(x, y, z), 8);
    d = smax(d, -scapha(x, y, z), 2.2);
    d = smax(d, -concha(x, y, z), 2.5);
    d = smin(d, antihelix(x, y, z), 2.2);
    d = smin(d, crus(x, y, z), 1.5);
    d = smin(d, tragus(x, y, z), 2);
    d = smin(d, antitragus(x, y, z), 2);
    d = smin(d, root(x, y, z), 4);
    return d;
  };
}

function neck(): Sdf {
  return (x, y, z) => {
    // Elliptical column leaning slightly forward as it rises, flaring a little toward the shoulders.
    const t = Math.min(Math.max((y + 170) / 120, 0), 1);
    const cz = -20 + 10 * t;
    const rx = 64 - 8 * t;
    const rz = 58 - 6 * t;
    const ex = x / rx, ez = (z - cz) / rz;
    const tube = (Math.sqrt(ex * ex + ez * ez) - 1) * Math.min(rx, rz);
    const top = y - -20; // the column ends inside the skull
    return smax(tube, top, 10);
  };
}

/** 0 at the ends of [0, 1], 1 at `peak`: the sine arch of a lid margin, its top moved to `peak`. */
function arch(t: number, peak: number): number {
  if (t <= 0 || t >= 1) return 0;
  return Math.sin(Math.PI * Math.pow(t, Math.log(0.5) / Math.log(peak)));
}

/** The left lid margins' heights at x (mm): the fissure's upper and lower edges and where along it x lies. */
export function leftLidMargins(x: number): { upper: number; lower: number; t: number } {
  const f = LEFT_FISSURE;
  const t = (x - f.en[0]) / (f.ex[0] - f.en[0]);
  const mid = f.en[1] + (f.ex[1] - f.en[1]) * Math.min(Math.max(t, 0), 1);
  return { upper: mid + f.upper * arch(t, f.upperPeak), lower: mid - f.lower * arch(t, f.lowerPeak), t };
}

/** Where (x, y) lies against the left eye opening seen from the front: negative inside, between the margins and the corners (mm). */
function leftFissure(x: number, y: number): number {
  const { upper, lower } = leftLidMargins(x);
  return Math.max(y - upper, lower - y, LEFT_FISSURE.en[0] - x, x - LEFT_FISSURE.ex[0]);
}

/** How the lid's skin stands off the eye (mm) at a distance `o` outside the opening (negative inside, leftFissure). */
function lidThickness(o: number): number {
  // The tarsal plate's 1.5-2 mm, rolling over the margin onto the eye and on behind it inside the opening:
  // a smooth surface, so the margin's line on the eye is as smooth as the mesh allows.
  const s = Math.min(Math.max((o + 2) / 3.2, 0), 1);
  return -3 + 4.8 * s * s * (3 - 2 * s);
}

/**
 * The left eyelids: skin lying on the eye at the lids' thickness, passing behind the eye inside the opening,
 * and above the crease the orbital part of the upper lid a little prouder, folding in at the crease.
 */
function eyelids(): Sdf {
  const f = LEFT_FISSURE;
  return (x, y, z) => {
    const eye = leftEyeExcess(EYE_CENTER, EYE_RADIUS, x, y, z);
    const { upper, t } = leftLidMargins(x);
    const lid = eye - lidThickness(leftFissure(x, y));
    // The fold is deepest over the middle of the lid and fades into the corners.
    const fold = f.foldMm * arch(t, 0.5);
    const creaseY = upper + f.creaseMm * arch(t, 0.5);
    const orbital = smax(lid - fold, creaseY - y, 1.2);
    return smin(lid, orbital, 0.8);
  };
}

export function createHeadSdf(): Sdf {
  const skull = cranium();
  const brow = mirroredPair(ellipsoid([22, 40, 89], [22, 9, 10], rotation(0, 12, -10)), 10);

  const midface = ellipsoid([0, -15, 55], [52, 38, 42]);
  const muzzle = ellipsoid([0, -46, 70], [29, 22, 28]);
  const zygoma = bilateral(ellipsoid([50, 6, 62], [16, 10, 15], rotation(0, 30, 0)));
  const sideFill = bilateral(ellipsoid([50, -20, 35], [16, 34, 34]));
  const cheekPlane = bilateral(ellipsoid([42, -28, 42], [17, 34, 34]));
  const ramus = bilateral(taperedCapsule([56, -10, 2], [48, -62, 8], 10, 9));
  const jawBody = bilateral(taperedCapsule([48, -62, 8], [14, -88, 78], 9, 10));
  const jawFill = ellipsoid([0, -58, 38], [48, 32, 46]);
  const chin = ellipsoid([0, -84, 84], [15, 13, 11]);

  const socket = bilateral(ellipsoid([31.5, 19, 92], [18.5, 12.5, 15]));
  const lids = bilateral(eyelids());
  // Around the eye opening the face's skin is cut away in front of the eye's centre, so the lids alone shape
  // the opening, right into the corners where the eye curves back.
  const opening = bilateral((x, y, z) => Math.max(leftFissure(x, y) - 3, EYE_CENTER[2] - 4 - z));

  const dorsum = taperedCapsule([0, 17, 92], [0, -9, 113], 5, 6.5);
  const tip = ellipsoid([0, -13, 111], [8, 7.5, 7.5]);
  const ala = bilateral(ellipsoid([11.5, -20, 100], [5.5, 6, 7.5], rotation(0, -30, 0)));
  const columella = taperedCapsule([0, -18, 109], [0, -24, 99], 3.5, 4);
  const nostril = bilateral(ellipsoid([6, -26.5, 104], [2.6, 1.6, 4.5], rotation(-10, 0, 0)));

  const upperLip = bilateral(bentTube([0, -46, 97.5], [12, -46, 97], [23, -50, 86], 4.5, 1.8, 8));
  const lowerLip = bilateral(bentTube([0, -55.5, 95.5], [11, -55.5, 95], [22, -51, 86], 5, 2, 8));

  const scm = bilateral(taperedCapsule([52, -35, -25], [14, -170, 35], 9, 11));

  const earLocal = ear();
  const earFrame = rotation(-15, -26, 0);
  const earCenter: V3 = [77, 3, -14];
  const leftEar = inFrame(earCenter, earFrame, earLocal);
  const earShape = bilateral(leftEar);

  const neckShape = neck();

  return (x, y, z) => {
    let d = skull(x, y, z);
    d = smin(d, brow(x, y, z), 10);

    let face = smin(midface(x, y, z), muzzle(x, y, z), 18);
    face = smin(face, zygoma(x, y, z), 18);
    face = smin(face, sideFill(x, y, z), 20);
    face = smin(face, cheekPlane(x, y, z), 20);
    face = smin(face, ramus(x, y, z), 16);
    face = smin(face, jawBody(x, y, z), 14);
    face = smin(face, jawFill(x, y, z), 16);
    face = smin(face, chin(x, y, z), 12);
    d = smin(d, face, 14);

    d = smax(d, -socket(x, y, z), 10);
    d = smax(d, -opening(x, y, z), 3);
    d = smin(d, lids(x, y, z), 3);

    let nose = smin(dorsum(x, y, z), tip(x, y, z), 6);
    nose = smin(nose, ala(x, y, z), 7);
    nose = smin(nose, columella(x, y, z), 3);
    d = smin(d, nose, 8);
    d = smax(d, -nostril(x, y, z), 2.2);

    const lips = smin(upperLip(x, y, z), lowerLip(x, y, z), 3);
    d = smin(d, lips, 4);

    const ax = Math.abs(x) - earCenter[0], ay = y - earCenter[1], az = z - earCenter[2];
    const earBound = Math.sqrt(ax * ax + ay * ay + az * az) - 42;
    if (earBound < d + 6) d = smin(d, earShape(x, y, z), 6);

    d = smin(d, smax(smin(neckShape(x, y, z), scm(x, y, z), 20), NECK_BOTTOM_Y - y, 10), 22);
    return d;
  };
}
