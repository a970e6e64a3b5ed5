/**
 * Which parts of a plan are the design (what the SMP looks like, fine to share in a link) and which are
 * the client's personal data (kept on the device, in the saved plan and in plan files the user exports
 * on purpose). Links carry the design only.
 */
import type { Plan } from './plan';
import { sameData } from './plainData';

/**
 * Every top-level plan field, classified. A field added to `Plan` does not compile until it is listed
 * here, so a new personal field (consent, health answers, photos) can never slip into links unnoticed;
 * put such details under `client` or mark them 'personal'.
 */
export const PLAN_FIELD_KINDS = {
  version: 'design',
  client: 'personal',
  skin: 'design',
  hairColor: 'design',
  hairline: 'design',
  dots: 'design',
  sessions: 'design',
  aftercare: 'design',
  density: 'design',
  hairLoss: 'design',
  scars: 'design',
  consent: 'personal',
  // The client's head measurements (typed, or fitted to their photos): a body's measurements are personal
  // data, and a link is for the design. A link's plan opens on the default head; its points are in the
  // default head's frame, so the design still sits where it was planned.
  headShape: 'personal',
} as const satisfies Record<keyof Plan, 'design' | 'personal'>;

type Kinds = typeof PLAN_FIELD_KINDS;
export type PersonalField = { [K in keyof Kinds]: Kinds[K] extends 'personal' ? K : never }[keyof Kinds];
/** A plan without the client's personal data. */
export type PlanDesign = Omit<Plan, PersonalField>;

const isDesignField = (key: string): boolean => (PLAN_FIELD_KINDS as Record<string, string>)[key] === 'design';

/** The plan's design fields only; anything not listed as design (or not known at all) is left out. */
export function designOf(plan: Plan): PlanDesign {
  return Object.fromEntries(Object.entries(plan).filter(([key]) => isDesignField(key))) as PlanDesign;
}

/** The plans draw the same SMP (their personal data may differ). */
export function sameDesign(a: Plan, b: Plan): boolean {
  return sameData(designOf(a), designOf(b));
}

/** `design`'s design with `personal`'s personal data: a link's design opened in a saved plan keeps its client. */
export function withPersonalDataOf(personal: Plan, design: Plan): Plan {
  const plan = { ...personal };
  for (const [key, value] of Object.entries(design)) if (isDesignField(key)) (plan as Record<string, unknown>)[key] = value;
  return plan;
}
