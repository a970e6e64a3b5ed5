/**
 * The work-rate model beside the sessions (./sessions.ts): how many sessions an area at a density usually
 * takes, and how long each one sits in the chair. Figures from the domain notes ("Scalp micropigmentation").
 */
import type { Plan } from './plan';

/**
 * Work-rate model, from the notes: ~14,000 impressions make one typical session, and a session takes
 * 2–4 hours (up to 5–6), so a typical session is taken as 14,000 impressions in 3 hours (~4,700/h).
 */
export const IMPRESSIONS_PER_HOUR = 14_000 / 3;
/** Shortest session worth booking (numbing, mapping the line, photos): the notes' 2 hours. */
export const MIN_SESSION_HOURS = 2;
/** Longest session clinics run (the notes' upper 5–6 h): beyond it the work is split into another session. */
export const MAX_SESSION_HOURS = 6;
/** Below this area (a hairline, a scar, a small patch) two sessions usually complete the work. */
export const SMALL_AREA_CM2 = 100;

export interface SessionOptions {
  /** Scar tissue or alopecia areata takes pigment less well: the notes' extra (4th) session. */
  scarsOrAlopecia?: boolean;
}

/**
 * Number of sessions, 2–4 (0 when nothing is treated). SMP is layered: every session covers the whole
 * area (session 1 light and sparse, later ones darker and denser, the last blends), so the count is
 * set by layering rather than by splitting the area: 3 as standard, 2 for a small area (under 100 cm²
 * and within one typical session's 14,000 impressions), one more when the impressions per session would
 * exceed a 6-hour session (28,000 at the model's rate), and one more for scars or alopecia; capped at
 * 4, the most the notes give. A full scalp of ~600 cm² at 100/cm² (~60,000) gives 3 sessions of ~4.5 h.
 */
export function estimateSessions(impressions: number, areaCm2: number, options: SessionOptions = {}): number {
  if (!(impressions > 0) || !(areaCm2 > 0)) return 0;
  const small = areaCm2 < SMALL_AREA_CM2 && impressions <= 14_000;
  const byLoad = Math.ceil(impressions / (IMPRESSIONS_PER_HOUR * MAX_SESSION_HOURS));
  const sessions = Math.max(small ? 2 : 3, byLoad) + (options.scarsOrAlopecia ? 1 : 0);
  return Math.min(4, Math.max(2, sessions));
}

/**
 * Chair time of each session, hours, when session i places `shares[i]` of the impressions (shares sum
 * to 1): at the model's rate, at least 2 hours, booked in half hours.
 */
export function sessionHours(impressions: number, shares: readonly number[]): number[] {
  if (!(impressions > 0)) return shares.map(() => 0);
  return shares.map((share) => Math.max(MIN_SESSION_HOURS, Math.ceil((2 * impressions * share) / IMPRESSIONS_PER_HOUR) / 2));
}

/** Total chair time across `sessions` sessions that share the impressions equally, hours. */
export function estimateHours(impressions: number, sessions: number): number {
  if (!(impressions > 0) || !(sessions > 0)) return 0;
  return sessionHours(impressions, Array.from({ length: sessions }, () => 1 / sessions)).reduce((a, b) => a + b, 0);
}

/**
 * Whether the plan treats tissue that takes pigment less well, which the notes give an extra session: scars,
 * or the bald patches of alopecia areata.
 */
export function scarsOrAlopecia(plan: Pick<Plan, 'scars' | 'hairLoss'>): boolean {
  return plan.scars.length > 0 || plan.hairLoss.pattern === 'areata';
}
