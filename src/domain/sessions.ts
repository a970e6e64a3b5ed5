/**
 * Sessions: SMP is built up in layers over 1–4 sessions, 10–30 days apart (domain notes: usually 3).
 * Session 1 is lighter and sparser, later sessions darker and denser, and the last blends and adds detail.
 * Every session covers the whole treated area; each adds its share of the final dots.
 */
/** One session of the plan: its share of the dots and its pigment strength (see `Plan.sessions`). */
export interface Session {
  densityShare: number;
  shadeStrength: number;
}

/** Typical layering for each number of sessions (shares sum to 1; strengths relative to the plan's shade). */
const TYPICAL_SESSIONS: Record<number, Session[]> = {
  1: [{ densityShare: 1, shadeStrength: 1 }],
  2: [
    { densityShare: 0.45, shadeStrength: 0.75 },
    { densityShare: 0.55, shadeStrength: 1 },
  ],
  3: [
    { densityShare: 0.3, shadeStrength: 0.7 },
    { densityShare: 0.45, shadeStrength: 1 },
    { densityShare: 0.25, shadeStrength: 0.85 },
  ],
  4: [
    { densityShare: 0.25, shadeStrength: 0.7 },
    { densityShare: 0.35, shadeStrength: 1 },
    { densityShare: 0.25, shadeStrength: 0.9 },
    { densityShare: 0.15, shadeStrength: 0.8 },
  ],
};

export function defaultSessions(count: number): Session[] {
  const sessions = TYPICAL_SESSIONS[Math.min(4, Math.max(1, Math.round(count)))]!;
  return sessions.map((s) => ({ ...s }));
}

/** Each session's share of the dots, normalised to sum to 1. */
export function sessionShares(sessions: readonly Session[]): number[] {
  const total = sessions.reduce((sum, s) => sum + s.densityShare, 0);
  return sessions.map((s) => (total > 0 ? s.densityShare / total : 1 / sessions.length));
}

export interface SessionLayers {
  /** Where each session's dots end in the 0..1 range of a dot's random rank (cumulative normalised shares). */
  ends: number[];
  strengths: number[];
  /** How many sessions are done in the preview (1 to the number of sessions). */
  done: number;
  /** The share of the final dots present after the previewed session (1 once every session is done). */
  visibleShare: number;
  /** Mean pigment strength of the dots present (for the tone seen from afar). */
  meanStrength: number;
}

/**
 * How the dots split between sessions, previewed after session `upTo` (1-based; omitted or beyond the last
 * session: the finished treatment). A dot whose random rank among the dots at its place falls in
 * [ends[i-1], ends[i]) is laid down in session i: earlier sessions' dots are a subset of the finished
 * pattern, exactly as in the chair.
 */
export function sessionLayers(sessions: readonly Session[], upTo?: number): SessionLayers {
  const shares = sessionShares(sessions);
  const done = Math.min(sessions.length, Math.max(1, Math.round(upTo ?? sessions.length)));
  const ends: number[] = [];
  let cumulative = 0;
  let inked = 0;
  for (const [i, s] of sessions.entries()) {
    const share = shares[i]!;
    cumulative += share;
    ends.push(i === sessions.length - 1 ? 1 : cumulative);
    if (i < done) inked += share * s.shadeStrength;
  }
  const visibleShare = done === sessions.length ? 1 : ends[done - 1]!;
  return { ends, strengths: sessions.map((s) => s.shadeStrength), done, visibleShare, meanStrength: visibleShare > 0 ? inked / visibleShare : 1 };
}
