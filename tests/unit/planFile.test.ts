import { describe, expect, it } from 'vitest';
import { defaultPlan, parsePlan, PlanError, PLAN_VERSION } from '../../src/domain/plan';
import { MAX_PLAN_FILE_BYTES, planFileName, readPlanFile, writePlanFile } from '../../src/io/planFile';

const plan = parsePlan({
  client: { name: 'Zoë Ångström', date: '2026-11-23', notes: 'Scar on the crown.\nPrefers a soft line.' },
  skin: { color: '#825c43' },
  hairline: { points: [[0, 80, 60], [30, 75, 50], [0, 20, -90], [-30, 75, 50]], shape: 'rounded' },
  dots: { diameterMm: 0.8, densityPerCm2: 120 },
});

/** A plan as version 1 of the app saved it: no client, sessions or aftercare. */
const v1Plan = {
  version: 1,
  skin: { color: '#604134' },
  hairColor: '#1b1816',
  hairline: { points: [], age: 'juvenile', shape: 'm-shaped', mirror: true, transitionMm: 6, irregularity: 0.4, sentinels: 0.2 },
  dots: { diameterMm: 0.5, sizeVariation: 0.2, densityPerCm2: 90, color: '#3a3330', opacity: 0.8, softness: 0.25 },
};

const wrap = (inner: unknown, formatVersion: unknown = 1) => JSON.stringify({ format: 'smp-simulator-plan', formatVersion, exportedAt: '2026-11-23T10:00:00.000Z', plan: inner });

function messageOf(text: string): string {
  try {
    readPlanFile(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('plan files', () => {
  it('round-trips a plan through the file, in the documented wrapper', () => {
    const exportedAt = new Date('2026-11-23T14:05:00Z');
    const text = writePlanFile(plan, exportedAt);
    expect(JSON.parse(text)).toEqual({ format: 'smp-simulator-plan', formatVersion: 1, exportedAt: '2026-11-23T14:05:00.000Z', plan });
    expect(readPlanFile(text)).toEqual(plan);
  });

  it('also reads a bare plan object with a version (as getPlan gives it), filling omitted fields', () => {
    expect(readPlanFile(JSON.stringify(plan))).toEqual(plan);
    expect(readPlanFile(JSON.stringify({ version: PLAN_VERSION, dots: { diameterMm: 1 } }))).toEqual({ ...defaultPlan(), dots: { ...defaultPlan().dots, diameterMm: 1 } });
  });

  it('migrates a file saved by version 1, keeping what it showed', () => {
    for (const text of [wrap(v1Plan), JSON.stringify(v1Plan)]) {
      const read = readPlanFile(text);
      expect(read.version).toBe(PLAN_VERSION);
      expect(read.client).toEqual({ name: '', date: '', notes: '' });
      expect(read.aftercare).toEqual(defaultPlan().aftercare);
      // v1 drew every dot at full shade: all its sessions keep full strength.
      expect(read.sessions.map((s) => s.shadeStrength)).toEqual([1, 1, 1]);
      // (Its dots take today's default pigment depth, its skin today's default shine.)
      expect(read.dots).toEqual({ ...v1Plan.dots, depthMm: defaultPlan().dots.depthMm });
      expect(read.hairline).toEqual(v1Plan.hairline);
      expect(read.skin).toEqual({ ...defaultPlan().skin, ...v1Plan.skin });
    }
  });

  it('says when a file is not JSON', () => {
    expect(messageOf('Jane Doe, 23 Nov, mature hairline')).toMatch(/not an SMP Simulator plan: it is not JSON/);
    expect(messageOf('')).toMatch(/not JSON/);
    expect(messageOf(wrap(plan).slice(0, 200))).toMatch(/not JSON/);
  });

  it.each([
    ['a GeoJSON map', '{"type":"FeatureCollection","features":[]}'],
    ['another app’s file with a format field', '{"format":"other-app","plan":{}}'],
    ['an empty object', '{}'],
    ['a list', '[1, 2, 3]'],
    ['a number', '42'],
    ['null', 'null'],
    ['a plan-like object with a text version', '{"version":"2","dots":{}}'],
  ])('says JSON that is not a plan (%s) is not an SMP plan', (_name, text) => {
    expect(messageOf(text)).toBe('This file is not an SMP Simulator plan: it holds other data.');
  });

  it('refuses a file over 5 MB, counting bytes rather than characters', () => {
    expect(messageOf(' '.repeat(MAX_PLAN_FILE_BYTES + 1))).toMatch(/too large .*5\.0 MB/);
    // 3 M two-byte characters: under the limit in characters, 6 MB in UTF-8.
    expect(messageOf(JSON.stringify({ version: 2, client: { notes: 'é'.repeat(3 * 1024 * 1024) } }))).toMatch(/too large to be an SMP Simulator plan \(6\.0 MB;/);
  });

  it('says a plan or a file format from a newer app needs an update', () => {
    expect(messageOf(wrap({ ...plan, version: PLAN_VERSION + 1 }))).toMatch(new RegExp(`newer version.*plan version ${PLAN_VERSION + 1}.*please update`));
    expect(messageOf(JSON.stringify({ ...plan, version: PLAN_VERSION + 1 }))).toMatch(/newer version/);
    expect(messageOf(wrap(plan, 2))).toMatch(/newer version of the SMP Simulator \(file format 2\); please update/);
  });

  it('says what is wrong with a damaged wrapper', () => {
    expect(messageOf(wrap(plan, 'one'))).toMatch(/damaged: its formatVersion must be 1/);
    expect(messageOf(JSON.stringify({ format: 'smp-simulator-plan', formatVersion: 1 }))).toMatch(/damaged: it has no plan/);
  });

  it('names the invalid field, with the plan validator’s own message', () => {
    const bad = { ...plan, dots: { ...plan.dots, diameterMm: 9 } };
    let expected = '';
    try {
      parsePlan(bad);
    } catch (error) {
      expect(error).toBeInstanceOf(PlanError);
      expected = (error as Error).message;
    }
    expect(messageOf(wrap(bad))).toBe(expected);
    expect(expected).toContain('dots.diameterMm');
    expect(messageOf(JSON.stringify({ version: 2, client: { date: '23/11/2026' } }))).toMatch(/client\.date must be a date on the calendar like "2026-11-23"/);
    expect(messageOf(wrap({ version: 2, dots: { diameter: 1 } }))).toMatch(/dots\.diameter is not a known plan field/);
  });

  it('names the file after the client and the consultation date', () => {
    const named = (name: string, date = '') => planFileName({ ...plan, client: { name, date, notes: '' } });
    expect(named('Jane Doe', '2026-11-23')).toBe('jane-doe-2026-11-23.smp.json');
    expect(named('Jane Doe')).toBe('jane-doe.smp.json');
    expect(named('', '2026-11-23')).toBe('smp-plan-2026-11-23.smp.json');
    expect(named('')).toBe('smp-plan.smp.json');
    expect(named('  Zoë O’Brien-Ångström  ')).toBe('zoe-o-brien-angstrom.smp.json');
    expect(named('王芳')).toBe('王芳.smp.json');
    expect(named('../../etc/passwd')).toBe('etc-passwd.smp.json');
    expect(named('***')).toBe('smp-plan.smp.json');
    const long = named('a'.repeat(59) + ' bcdef');
    expect(long).toBe(`${'a'.repeat(59)}.smp.json`);
  });
});
