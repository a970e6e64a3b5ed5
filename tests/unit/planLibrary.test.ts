import { describe, expect, it } from 'vitest';
import { defaultPlan, parsePlan, PLAN_VERSION } from '../../src/domain/plan';
import { chooseLinkedRecord, chooseStartRecord, newestFirst, newPlanId, newRecord, readRecord, unusedScans } from '../../src/io/planLibrary';
import { planTitle, type PlanRecord } from '../../src/domain/savedPlan';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 10, minute));
const jane = newRecord(parsePlan({ client: { name: 'Jane Doe' } }), at(1), 'jane');
const marco = newRecord(parsePlan({ client: { name: 'Marco Rossi' }, dots: { diameterMm: 0.6 } }), at(5), 'marco');
const older = newRecord(defaultPlan(), at(0), 'older');
const records: PlanRecord[] = [jane, older, marco];

describe('choosing the plan to start with', () => {
  it('brings back the plan last on screen when the app opens without a link', () => {
    expect(chooseStartRecord(records, 'jane', undefined)).toEqual({ record: jane, plan: jane.plan });
  });

  it('falls back to the newest saved plan when the last one is gone, and to a new plan when there is none', () => {
    expect(chooseStartRecord(records, 'deleted-elsewhere', undefined)?.record).toBe(marco);
    expect(chooseStartRecord(records, undefined, undefined)?.record).toBe(marco);
    expect(chooseStartRecord([], undefined, undefined)).toBeUndefined();
  });

  it('keeps the saved plan when an older-style link draws the same plan (a reload), and saves any other link as a new plan', () => {
    expect(chooseStartRecord(records, 'jane', { plan: parsePlan({ client: { name: 'Jane Doe' } }) })?.record).toBe(jane);
    // Links carry no client details: the same design without them is still a reload.
    expect(chooseStartRecord(records, 'jane', { plan: defaultPlan() })).toEqual({ record: jane, plan: jane.plan });
    expect(chooseStartRecord(records, 'jane', { plan: marco.plan })).toBeUndefined();
    expect(chooseStartRecord(records, undefined, { plan: jane.plan })).toBeUndefined();
    expect(chooseStartRecord([], undefined, { plan: jane.plan })).toBeUndefined();
  });
});

describe('recognising a link written from one of this device’s saved plans', () => {
  const saved = { ...newRecord(parsePlan({ client: { name: 'Sam', notes: 'FUT scar from 2019' }, dots: { densityPerCm2: 120 } }), at(9), 'abcdef0123456789'), revision: 7 };
  const olderDesign = parsePlan({ dots: { densityPerCm2: 100 } });

  it('opens the saved plan as it is now when the link is older (a quick reload after edits, a bookmark): no duplicate', () => {
    expect(chooseLinkedRecord([saved, jane], 'jane', { plan: olderDesign, saved: { id: saved.id, revision: 6 } })).toEqual({ record: saved, plan: saved.plan });
    expect(chooseLinkedRecord([saved], saved.id, { plan: saved.plan, saved: { id: saved.id, revision: 7 } })).toEqual({ record: saved, plan: saved.plan });
  });

  it('takes the link’s design into the saved plan, keeping its client, when the link is newer than the last save', () => {
    const choice = chooseLinkedRecord([saved], saved.id, { plan: olderDesign, saved: { id: saved.id, revision: 7 } });
    expect(choice?.record).toBe(saved);
    expect(choice?.plan.dots.densityPerCm2).toBe(100);
    expect(choice?.plan.client).toEqual(saved.plan.client);
  });

  it('treats a link naming a plan this device does not have as someone else’s', () => {
    expect(chooseLinkedRecord([jane], 'jane', { plan: saved.plan, saved: { id: saved.id, revision: 1 } })).toBeUndefined();
  });
});

describe('saved plan records', () => {
  it('lists newest first', () => {
    expect(newestFirst(records).map((r) => r.id)).toEqual(['marco', 'jane', 'older']);
    expect(records.map((r) => r.id)).toEqual(['jane', 'older', 'marco']);
  });

  it('migrates a record saved by an older version and skips one it cannot read', () => {
    const v1 = { id: 'v1', createdAt: at(0).toISOString(), updatedAt: at(0).toISOString(), plan: { version: 1, dots: { diameterMm: 0.5 } } };
    const read = readRecord(v1);
    expect(read?.plan.version).toBe(PLAN_VERSION);
    expect(read?.plan.dots.diameterMm).toBe(0.5);
    expect(read?.plan.sessions.every((s) => s.shadeStrength === 1)).toBe(true);
    // Records of versions before revisions count from 0.
    expect(read?.revision).toBe(0);
    expect(readRecord({ ...v1, revision: 12 })?.revision).toBe(12);
    expect(readRecord({ ...v1, plan: { version: PLAN_VERSION + 1 } })).toBeUndefined();
    expect(readRecord({ ...v1, plan: { version: 2, dots: { diameterMm: 9 } } })).toBeUndefined();
    expect(readRecord({ plan: defaultPlan() })).toBeUndefined();
    expect(readRecord(null)).toBeUndefined();
  });

  it('calls a plan by its client, or "Untitled plan"', () => {
    expect(planTitle(jane.plan)).toBe('Jane Doe');
    expect(planTitle(defaultPlan())).toBe('Untitled plan');
    expect(planTitle(parsePlan({ client: { name: '   ' } }))).toBe('Untitled plan');
  });

  it('gives every new record its own random id and one time for created and changed', () => {
    const ids = new Set(Array.from({ length: 100 }, newPlanId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(newRecord(defaultPlan(), at(3))).toMatchObject({ createdAt: '2026-11-23T10:03:00.000Z', updatedAt: '2026-11-23T10:03:00.000Z' });
  });
});

describe('head scans kept with saved plans', () => {
  const head = { scanId: 'scan-1', name: 'client.glb', useScan: true };

  it('keeps a record’s head reference, and drops a damaged one (the plan then shows on the default head)', () => {
    expect(readRecord({ ...jane, head })?.head).toEqual(head);
    expect(readRecord({ ...jane, head: { scanId: 3, name: 'x', useScan: true } })).toEqual(jane);
    expect(readRecord({ ...jane, head: 'scan-1' })).toEqual(jane);
    expect(readRecord(jane)?.head).toBeUndefined();
  });

  it('finds the scans that no saved plan refers to any more', () => {
    const withScan = [{ ...jane, head }, { ...marco, head: { ...head, useScan: false } }, older];
    // A scan shown on the default head for now is still the plan's: it is kept.
    expect(unusedScans(withScan, ['scan-1', 'scan-2'])).toEqual(['scan-2']);
    expect(unusedScans([older], ['scan-1'])).toEqual(['scan-1']);
    expect(unusedScans(withScan, [])).toEqual([]);
  });
});
