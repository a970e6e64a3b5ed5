/**
 * The client's hair on one head: per vertex, the share of full terminal hair they have today (0 bald …
 * 1 full): the hair-loss pattern, adjusted by painting ('up' adds hair, 'down' takes it away, 'erase'
 * returns to the pattern). The scalp shader draws it as a buzz cut.
 */
import { PaintedLayer, type VertexGrid } from '../brush';
import { distanceToSegment } from '../geometry/vec3';
import type { HairlineAge, HairlineShape } from '../hairline/presets';
import type { Landmarks, Vec3 } from '../head/landmarks';
import type { Plan } from '../plan';
import { hairDensityAt, scalpFrame, scalpPoint, type ScalpFrame } from './patternDensity';
import type { HairLossPattern } from './patterns';

/**
 * The client's natural hairline, before any loss (Norwood I): the juvenile preset. Its loop runs round the
 * whole hair-bearing scalp (temples, sideburns, around the ears, the nape line), so it keeps hair off the
 * face, the ears and the neck.
 */
export const NATURAL_HAIRLINE: { age: HairlineAge; shape: HairlineShape } = { age: 'juvenile', shape: 'straight' };

/** The natural hairline on a head: its curve on the skin, and every vertex's signed distance from it (mm, positive inside). */
export interface NaturalHairline {
  curve: Vec3[];
  insideMm: Float32Array;
}

/** The front part of the hairline, temple to temple, is the part within this azimuth (degrees) of straight ahead. */
const FRONT_AZIMUTH_DEG = 55;

export class HairMap {
  /** Per vertex: the share of full hair, 0..1. Updated in place by `update`. */
  readonly density: Float32Array;
  /** Increases each time `density` changes, so every reader can tell. */
  version = 0;
  /** Where the patterns are laid out on this head, and the whorl the hair grows from. */
  readonly frame: ScalpFrame;
  private readonly painted: PaintedLayer;
  private patternValues: Float32Array;
  private pattern: HairLossPattern | null = null;
  private natural: { insideMm: Float32Array; behindFrontMm: Float32Array } | null = null;

  /**
   * @param naturalHairline the natural hairline (`NATURAL_HAIRLINE`) fitted to this head; asked for only
   *   when a pattern is first drawn, so a plan that shows no hair costs nothing.
   */
  constructor(
    private readonly grid: VertexGrid,
    landmarks: Landmarks,
    private readonly naturalHairline: () => NaturalHairline,
  ) {
    this.frame = scalpFrame(landmarks);
    this.density = new Float32Array(grid.positions.length / 3);
    this.patternValues = new Float32Array(this.density.length);
    this.painted = new PaintedLayer(grid, 1);
  }

  /** Whether painted strokes are still to be applied (an `update` with a deadline ran out of time). */
  get pending(): boolean {
    return this.painted.pending;
  }

  /** Whether the painting shows these strokes already (see `PaintedLayer.isPainted`). */
  isPainted(hairLoss: Plan['hairLoss']): boolean {
    return this.painted.isPainted(hairLoss.strokes);
  }

  /**
   * Brings the density up to date with the plan's hair; returns its version. With a `deadline`
   * (`performance.now()` time), painting stops after the stroke that passes it and goes on next time.
   */
  update(hairLoss: Plan['hairLoss'], deadline = Infinity): number {
    const paintChanged = this.painted.update(hairLoss.strokes, deadline);
    if (!paintChanged && hairLoss.pattern === this.pattern) return this.version;
    if (hairLoss.pattern !== this.pattern) {
      this.pattern = hairLoss.pattern;
      this.patternValues = this.patternDensity(hairLoss.pattern);
    }
    const offsets = this.painted.offsets;
    for (let v = 0; v < this.density.length; v++) this.density[v] = Math.min(1, Math.max(0, this.patternValues[v]! + offsets[v]!));
    return ++this.version;
  }

  /** Per vertex: the share of full hair that `pattern` leaves, before painting. */
  patternDensity(pattern: HairLossPattern): Float32Array {
    const out = new Float32Array(this.density.length);
    if (pattern === 'none') return out;
    const { insideMm, behindFrontMm } = this.naturalDistances();
    const { positions } = this.grid;
    for (let v = 0; v < out.length; v++) {
      const p: Vec3 = [positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!];
      out[v] = hairDensityAt(pattern, p, this.frame, { insideMm: insideMm[v]!, behindFrontMm: behindFrontMm[v]! });
    }
    return out;
  }

  /** Every vertex's distances from the natural hairline and from its front part (computed once). */
  private naturalDistances() {
    if (!this.natural) {
      const { curve, insideMm } = this.naturalHairline();
      const front = curve.filter((p) => scalpPoint(p, this.frame).azimuthDeg < FRONT_AZIMUTH_DEG);
      const { positions } = this.grid;
      const behindFrontMm = new Float32Array(this.density.length);
      for (let v = 0; v < behindFrontMm.length; v++) {
        const p: Vec3 = [positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!];
        let best = Infinity;
        for (let i = 0; i + 1 < front.length; i++) best = Math.min(best, distanceToSegment(p, front[i]!, front[i + 1]!));
        behindFrontMm[v] = best;
      }
      this.natural = { insideMm, behindFrontMm };
    }
    return this.natural;
  }
}
