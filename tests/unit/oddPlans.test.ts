import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TreatmentArea } from '../../src/domain/hairline/treatmentArea';
import { MIN_TREATED_AREA_CM2 } from '../../src/domain/hairline/measurements';
import type { Vec3 } from '../../src/domain/head/landmarks';
import { defaultPlan, MAX_PLAN_STROKE_POINTS, parsePlan, PLAN_SCHEMA, strokePointCount, type Plan } from '../../src/domain/plan';
import type { Field } from '../../src/domain/schema';
import { MAX_SCARS, SCAR_SCHEMA, type Scar } from '../../src/domain/scars/scars';
import { DEFAULT_HEAD_GLB, loadDefaultHead, seededRandom } from './fixtures';
import { writtenReport } from './writtenReport';

/**
 * Property test: a few hundred random plans that are valid but odd (every number at its extremes, lists
 * empty or full, shares at their minimum, many scars, degenerate hairlines) measured on the default head
 * and turned into a report. Nothing a person reads may hold NaN, Infinity, undefined or null.
 */

const PLANS = 120;

type Random = () => number;
const pick = <T,>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** A number at an extreme (min, max, a hair inside them) or anywhere in its range. */
function oddNumber(random: Random, min: number, max: number, integer = false): number {
  const v = pick(random, [min, max, min, max, min + (max - min) * random(), min + 1e-9 * (max - min), max - 1e-9 * (max - min)]);
  return integer ? Math.round(v) : v;
}

/** Hairline points: none (the preset), degenerate (one point, repeated, collinear, tiny) or random. */
function oddHairline(random: Random, onSkin: (p: Vec3) => Vec3): Vec3[] {
  const p = (): Vec3 => onSkin([(random() - 0.5) * 200, 40 + random() * 120, (random() - 0.5) * 200]);
  const a = p();
  switch (pick(random, ['preset', 'one', 'two', 'same', 'collinear', 'tiny', 'random', 'far'] as const)) {
    case 'preset': return [];
    case 'one': return [a];
    case 'two': return [a, p()];
    case 'same': return [a, a, a];
    case 'collinear': return Array.from({ length: 3 + Math.floor(random() * 6) }, (_, i) => [a[0] + i * 7, a[1], a[2]] as Vec3);
    case 'tiny': return [a, [a[0] + 0.1, a[1], a[2]], [a[0], a[1] + 0.1, a[2]]];
    case 'random': return Array.from({ length: 3 + Math.floor(random() * 40) }, p);
    case 'far': return Array.from({ length: 3 + Math.floor(random() * 8) }, () => [(random() - 0.5) * 800, (random() - 0.5) * 800, (random() - 0.5) * 800] as Vec3);
  }
}

/** A random value of a schema field, biased to the field's extremes. */
function oddValue(field: Field, random: Random, path: string, onSkin: (p: Vec3) => Vec3): unknown {
  switch (field.kind) {
    case 'number': return oddNumber(random, field.min, field.max, field.integer);
    case 'color': return `#${Math.floor(random() * 0x1000000).toString(16).padStart(6, '0')}`;
    case 'enum': return pick(random, field.values);
    case 'boolean': return random() < 0.5;
    case 'text': {
      if (field.pattern) return random() < 0.5 ? '' : pick(random, ['2024-02-29', '1900-01-01', '9999-12-31']);
      return pick(random, ['', ' ', 'x'.repeat(field.maxLength), 'Ünïcødé 名前 🙂']).slice(0, field.maxLength);
    }
    case 'points':
      return path === 'hairline.points' ? oddHairline(random, onSkin) : Array.from({ length: 1 + Math.floor(random() * 6) }, () => onSkin([(random() - 0.5) * 200, 40 + random() * 120, (random() - 0.5) * 200]));
    case 'object':
      return Object.fromEntries(Object.entries(field.fields).map(([key, child]) => [key, oddValue(child, random, path ? `${path}.${key}` : key, onSkin)]));
    case 'union': {
      const variant = pick(random, Object.values(field.variants));
      return oddValue(variant, random, path, onSkin);
    }
    case 'list': {
      const count = pick(random, [field.minItems, field.maxItems, field.minItems + Math.floor(random() * (field.maxItems - field.minItems + 1))]);
      // Long painted lists are kept short: the plan's bound on brush points is tested on its own.
      const n = path.endsWith('strokes') ? Math.min(count, 3) : count;
      return Array.from({ length: n }, (_, i) => oddValue(field.of, random, `${path}[${i}]`, onSkin));
    }
  }
}

/** Measuring scars costs time: every plan gets a few, one in MANY_SCARS_EVERY the most a plan holds. */
const MANY_SCARS_EVERY = 40;

function oddPlan(random: Random, onSkin: (p: Vec3) => Vec3, n: number): Plan {
  const raw = oddValue(PLAN_SCHEMA, random, '', onSkin) as Plan;
  // Odd answers and signatures draw nothing; the consent's own rules are tested in consent.test.ts.
  raw.consent = defaultPlan().consent;
  raw.scars = n % MANY_SCARS_EVERY === 0 ? Array.from({ length: MAX_SCARS }, () => oddValue(SCAR_SCHEMA, random, 'scars[]', onSkin) as Scar) : raw.scars.slice(0, Math.floor(random() * 3));
  raw.scars.forEach((scar, i) => {
    scar.id = `scar-${i + 1}`;
    // Measuring 4,000 FUE scars takes seconds (its cost is not what this test is about): a few hundred here.
    if (scar.kind === 'fue') scar.count = Math.min(scar.count, 400);
  });
  return parsePlan(raw);
}

/** Every place in a value that is NaN, ±Infinity, undefined or null (`allowNull`: paths where null is meant). */
function badValues(value: unknown, path = '', allowNull: readonly string[] = []): string[] {
  if (value === null) return allowNull.includes(path) ? [] : [`${path}: null`];
  if (value === undefined) return [`${path}: undefined`];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (typeof value === 'string') return /NaN|undefined|null|Infinity/.test(value) ? [`${path}: "${value}"`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => badValues(v, `${path}[${i}]`, allowNull));
  if (typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => badValues(v, path ? `${path}.${k}` : k, allowNull));
  return [];
}

describe.skipIf(!existsSync(DEFAULT_HEAD_GLB))('valid but odd plans', () => {
  it(`measures and reports ${PLANS} random odd plans without NaN, undefined or null`, { timeout: 600_000 }, () => {
    const head = loadDefaultHead();
    const area = new TreatmentArea(head.skin.positions, head.skin.indices, head.landmarks);
    const random = seededRandom(17);
    const onSkin = (p: Vec3): Vec3 => head.query.project(p);
    const kinds = new Set<string>();
    for (let n = 0; n < PLANS; n++) {
      const plan = oddPlan(random, onSkin, n);
      expect(strokePointCount(plan)).toBeLessThanOrEqual(MAX_PLAN_STROKE_POINTS);
      const context = `plan ${n}: ${JSON.stringify(plan.hairline.points).slice(0, 200)}`;
      const m = area.measure(plan);
      expect(badValues(m), context).toEqual([]);
      expect(m.sessionHours.length, context).toBe(plan.sessions.length);
      if (m.treatedAreaCm2 < MIN_TREATED_AREA_CM2) {
        kinds.add('no-area');
        expect(m.warnings.map((w) => w.id), context).toContain('no-area');
      }
      if (m.frontotemporalWidthMm === 0) kinds.add('no-width');
      if (plan.scars.length === MAX_SCARS) kinds.add('many-scars');
      for (const units of ['metric', 'imperial'] as const) {
        const report = writtenReport({ plan, measurements: m, madeAt: new Date(2026, 1, 28), units });
        expect(badValues(report), context).toEqual([]);
        // Written out: an infinite number shows as ∞, a value left out as its {{placeholder}}.
        expect(JSON.stringify(report), context).not.toMatch(/∞|\{\{/);
        const time = report.treatment.find((line) => line.label === 'Time')!;
        expect(time.value, context).not.toMatch(/≈ 0 h/);
        for (const session of report.sessions) expect(session.hours, context).not.toMatch(/≈ 0 h/);
      }
    }
    // The generator did reach the odd cases it is for.
    expect([...kinds].sort()).toEqual(['many-scars', 'no-area', 'no-width']);
  });
});
