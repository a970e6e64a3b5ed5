/**
 * Plans saved by older versions of the simulator (files, links, autosaves) are brought up to the current
 * schema here, one version step at a time, before they are validated. Each step is a pure function of
 * plain data and keeps what the older plan showed on screen.
 */
import { excerpt } from './format';
import { isPlainObject, PlanError } from './schema';

type PlainPlan = Record<string, unknown>;

/** MIGRATIONS[v] turns a version-v plan into a version v+1 plan. */
const MIGRATIONS: Record<number, (plan: PlainPlan) => PlainPlan> = {
  // v2 added sessions (each with a share of the dots and a pigment strength), the client's details and
  // aftercare. A v1 plan drew every dot at the full shade, so it keeps that look: its sessions share the
  // dots as usual but all at full strength.
  1: (plan) => ({
    ...plan,
    version: 2,
    sessions: [
      { densityShare: 0.3, shadeStrength: 1 },
      { densityShare: 0.45, shadeStrength: 1 },
      { densityShare: 0.25, shadeStrength: 1 },
    ],
  }),
  // v3 added the client's consent and health answers: a v2 plan has none, and its empty draft is the default.
  2: (plan) => ({ ...plan, version: 3 }),
  // v4 added the client's head shape: a v3 plan was drawn on the default head, which is the default shape.
  3: (plan) => ({ ...plan, version: 4 }),
};

/**
 * Returns `input` migrated to `targetVersion` (a new object; the input is never changed). A plan without a
 * version is a partial plan written for the current version (as embedding pages send them). Throws a
 * `PlanError` for a version that is not a whole number, or newer than this app understands.
 */
export function migratePlan(input: unknown, targetVersion: number): unknown {
  if (!isPlainObject(input)) throw new PlanError('plan', 'must be a plain object of plan fields', 'notObject');
  let plan: PlainPlan = input;
  // Own fields only: a version inherited from a prototype is not the plan's.
  const version: unknown = Object.getOwnPropertyDescriptor(plan, 'version')?.value;
  if (version === undefined) return plan;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new PlanError('version', `must be a whole number from 1 (got ${excerpt(version)})`);
  }
  if (version > targetVersion) {
    throw new PlanError('version', `${version} is newer than this simulator understands (${targetVersion}); please update the app`, 'newerVersion', { version, supported: targetVersion });
  }
  for (let v = version; v < targetVersion; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`No migration from plan version ${v}`);
    plan = step(plan);
  }
  return plan;
}
