import { beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMANDS, CommandError, PAINTING_FULL, runCommand, runNamedCommand, type CommandId, type CommandInput } from '../../src/app/commands';
import { createSimulator, type Simulator } from '../../src/app/simulator';
import { mirrorPartner } from '../../src/domain/hairline/editing';
import type { Vec3 } from '../../src/domain/head/landmarks';
import { MAX_PLAN_STROKE_POINTS, PlanError, type Plan } from '../../src/domain/plan';
import { planValueAt } from '../../src/domain/planPaths';
import { pigmentForHair } from '../../src/domain/pigment';
import { newScar } from '../../src/domain/scars/scars';
import type { LoadedHead } from '../../src/scene/loadedHead';
import { defaultLoadedHead } from '../support/loadedHead';
import { fillConsent, SIGNATURE_PNG, signConsentNow } from '../support/consent';
import { i18n } from '../../src/ui/i18n';
import { startEveryLanguage } from '../support/everyLanguage';
import { messageText } from '../../src/ui/i18n/messageText';

let head: LoadedHead;
beforeAll(() => {
  head = defaultLoadedHead();
});

/** A simulator on the default head, with a plan that has a freeform scar and a hairline of its own points. */
function simulator(): Simulator {
  const sim = createSimulator();
  sim.headStore.getState().setHead(head, null);
  sim.planStore.getState().openPlan({ ...sim.planStore.getState().plan, scars: [newScar('freeform', [])] });
  runCommand(sim, 'hairline.apply-preset', { age: 'mature', shape: 'rounded' });
  sim.planStore.getState().openPlan(sim.planStore.getState().plan);
  return sim;
}

/** A point on the skin of the crown (head frame, mm). */
const crown = (): Vec3 => head.treatment.query.project([0, 250, -20]);
/** A point on the skin near the hairline's control point `i`. */
const nearPoint = (plan: Plan, i: number): Vec3 => {
  const p = head.treatment.hairlineFor(plan).points[i]!;
  return head.treatment.query.project([p[0] + 3, p[1] + 2, p[2]]);
};

interface Case<K extends CommandId> {
  args: (sim: Simulator) => CommandInput<K>;
  label: string;
  /** What the plan shows after the command. */
  check: (plan: Plan, sim: Simulator) => void;
  /** Sets the plan and view up first. */
  before?: (sim: Simulator) => void;
}

/** One case per plan-editing command: every one of them is run, checked and undone below. */
const EDITS: { [K in Exclude<CommandId, 'plan.replace' | 'history.undo' | 'history.redo' | 'view.toggle-loupe'>]: Case<K> } = {
  'plan.set': { args: () => ({ path: ['dots', 'diameterMm'], value: 0.6 }), label: 'Dot size', check: (p) => expect(p.dots.diameterMm).toBe(0.6) },
  'hairline.apply-preset': {
    args: () => ({ age: 'juvenile', shape: 'm-shaped' }),
    label: 'Hairline preset',
    check: (p) => {
      expect([p.hairline.age, p.hairline.shape]).toEqual(['juvenile', 'm-shaped']);
      expect(p.hairline.points).toEqual(head.treatment.preset('juvenile', 'm-shaped').points);
    },
  },
  'hairline.set-mirror': { args: () => ({ mirror: false }), label: 'Mirror hairline', check: (p) => expect(p.hairline.mirror).toBe(false) },
  'hairline.move-point': {
    args: (sim) => ({ index: 3, point: nearPoint(sim.planStore.getState().plan, 3) }),
    label: 'Move hairline point',
    check: (p) => {
      const n = p.hairline.points.length;
      const moved = p.hairline.points[3]!;
      const partner = p.hairline.points[mirrorPartner(3, n)]!;
      // Mirrored: the partner moves to the mirror image across the midline.
      expect(partner[0]).toBeCloseTo(-moved[0], 0);
    },
  },
  'hairline.add-point': {
    args: (sim) => ({ point: nearPoint(sim.planStore.getState().plan, 2) }),
    label: 'Add hairline point',
    check: (p, sim) => {
      const selected = sim.viewStore.getState().selectedHairlinePoint;
      expect(selected).not.toBeNull();
      expect(p.hairline.points.length).toBe(head.treatment.preset('mature', 'rounded').points.length + 2);
    },
  },
  'hairline.remove-point': {
    before: (sim) => sim.viewStore.getState().selectHairlinePoint(4),
    args: () => ({}),
    label: 'Remove hairline point',
    check: (p, sim) => {
      expect(p.hairline.points.length).toBe(head.treatment.preset('mature', 'rounded').points.length - 2);
      expect(sim.viewStore.getState().selectedHairlinePoint).toBeNull();
    },
  },
  'brush.begin-stroke': {
    args: () => ({ target: { map: 'density' }, point: crown() }),
    label: 'Paint density',
    check: (p, sim) => expect(p.density.strokes).toEqual([{ ...sim.viewStore.getState().brush, points: [crown().map((c) => expect.closeTo(c, 1))] }]),
  },
  'brush.extend-stroke': {
    before: (sim) => void runCommand(sim, 'brush.begin-stroke', { target: { map: 'hair' }, point: crown() }),
    args: () => ({ target: { map: 'hair' }, point: head.treatment.query.project([10, 250, -20]) }),
    label: 'Paint hair',
    check: (p) => expect(p.hairLoss.strokes.at(-1)!.points).toHaveLength(2),
  },
  'hair.clear-painting': {
    before: (sim) => void runCommand(sim, 'brush.begin-stroke', { target: { map: 'hair' }, point: crown() }),
    args: () => ({}),
    label: 'Clear painted hair',
    check: (p) => expect(p.hairLoss.strokes).toEqual([]),
  },
  'density.clear-painting': {
    before: (sim) => void runCommand(sim, 'brush.begin-stroke', { target: { map: 'density' }, point: crown() }),
    args: () => ({}),
    label: 'Clear painted density',
    check: (p) => expect(p.density.strokes).toEqual([]),
  },
  'dots.match-hair': {
    args: () => ({ color: '#8a6a4a' }),
    label: 'Match hair colour',
    check: (p) => expect([p.hairColor, p.dots.color]).toEqual(['#8a6a4a', pigmentForHair('#8a6a4a')]),
  },
  'sessions.set-count': {
    before: (sim) => sim.viewStore.getState().setSessionPreview(1),
    args: () => ({ count: 2 }),
    label: '2 sessions',
    check: (p, sim) => {
      expect(p.sessions).toHaveLength(2);
      expect(sim.viewStore.getState().sessionPreview).toBeNull();
    },
  },
  'scars.add': { args: () => ({ kind: 'fut' }), label: 'Add FUT strip scar', check: (p) => expect(p.scars.map((s) => s.id)).toEqual(['freeform-1', 'fut-1']) },
  'scars.remove': {
    before: (sim) => sim.viewStore.getState().setBrushTarget({ map: 'scar', scarId: 'freeform-1' }),
    args: () => ({ id: 'freeform-1' }),
    label: 'Remove scar freeform-1',
    check: (p, sim) => {
      expect(p.scars).toEqual([]);
      // The brush that painted it is put down.
      expect(sim.viewStore.getState().brushTarget).toBeNull();
    },
  },
  'scars.clear-painting': {
    before: (sim) => void runCommand(sim, 'brush.begin-stroke', { target: { map: 'scar', scarId: 'freeform-1' }, point: crown() }),
    args: () => ({ id: 'freeform-1' }),
    label: 'Clear scar freeform-1',
    check: (p) => expect(p.scars[0]).toMatchObject({ strokes: [] }),
  },
  'consent.answer': {
    args: () => ({ question: 'isotretinoin', answer: 'yes', details: 'stopped in May' }),
    label: 'Health answer',
    check: (p) => expect(p.consent.current.answers.isotretinoin).toEqual({ answer: 'yes', details: 'stopped in May' }),
  },
  'consent.set-notes': { args: () => ({ notes: 'Takes vitamin D' }), label: 'Health notes', check: (p) => expect(p.consent.current.notes).toBe('Takes vitamin D') },
  'consent.set-signer': { args: () => ({ role: 'client', name: 'Ana Ruiz' }), label: 'Client name', check: (p) => expect(p.consent.current.client.name).toBe('Ana Ruiz') },
  'consent.set-signature': {
    args: () => ({ role: 'practitioner', image: SIGNATURE_PNG }),
    label: 'Practitioner signature',
    check: (p) => expect(p.consent.current.practitioner).toMatchObject({ image: SIGNATURE_PNG, signedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }),
  },
  'consent.sign': {
    before: fillConsent,
    args: () => ({ text: 'I consent to SMP.', language: 'de' }),
    label: 'Sign consent',
    check: (p) => expect(p.consent.current).toMatchObject({ text: 'I consent to SMP.', language: 'de', signedAt: expect.stringMatching(/Z$/) }),
  },
  'head.set-shape': {
    args: () => ({ breadth: 1.05, crownHeightMm: -4 }),
    label: 'Head shape',
    check: (p) => expect(p.headShape).toEqual({ size: 1, length: 1, breadth: 1.05, foreheadSlopeDeg: 0, crownHeightMm: -4 }),
  },
  'head.reset-shape': {
    before: (sim) => void runCommand(sim, 'head.set-shape', { size: 1.1, foreheadSlopeDeg: 5 }),
    args: () => ({}),
    label: 'Reset head shape',
    check: (p) => expect(p.headShape).toEqual({ size: 1, length: 1, breadth: 1, foreheadSlopeDeg: 0, crownHeightMm: 0 }),
  },
  'consent.new-version': {
    before: (sim) => signConsentNow(sim),
    args: () => ({}),
    label: 'New consent version',
    check: (p) => expect([p.consent.history.map((v) => v.version), p.consent.current.version, p.consent.current.signedAt]).toEqual([[1], 2, '']),
  },
};

describe('named commands', () => {
  it('has a case below for every command', () => {
    expect(Object.keys(COMMANDS).sort()).toEqual([...Object.keys(EDITS), 'plan.replace', 'history.undo', 'history.redo', 'view.toggle-loupe'].sort());
  });

  for (const [id, c] of Object.entries(EDITS) as [keyof typeof EDITS, Case<keyof typeof EDITS>][]) {
    it(`${id} edits the plan as one undoable step named "${c.label}"`, () => {
      const sim = simulator();
      c.before?.(sim);
      const before = sim.planStore.getState().plan;
      const steps = sim.planStore.getState().past.length;
      const outcome = runNamedCommand(sim, id, c.args(sim));
      expect(outcome.done).toBe(true);
      const { plan, past } = sim.planStore.getState();
      expect(plan).not.toBe(before);
      c.check(plan, sim);
      expect(past).toHaveLength(steps + 1);
      expect(past.at(-1)!.label).toBe(c.label);
      runCommand(sim, 'history.undo', {});
      expect(sim.planStore.getState().plan).toEqual(before);
      runCommand(sim, 'history.redo', {});
      expect(sim.planStore.getState().plan).toEqual(plan);
    });
  }

  it('names every step in the reader’s language: the English label in English, translated in es, de and tr', async () => {
    vi.stubGlobal('document', { documentElement: { lang: '' } });
    await startEveryLanguage();
    for (const [id, c] of Object.entries(EDITS) as [keyof typeof EDITS, Case<keyof typeof EDITS>][]) {
      const sim = simulator();
      c.before?.(sim);
      runNamedCommand(sim, id, c.args(sim));
      const step = sim.planStore.getState().past.at(-1)!;
      expect(step.text, id).toBeDefined();
      expect(messageText(i18n.getFixedT('en'), step.text!), id).toBe(c.label);
      for (const language of ['es', 'de', 'tr']) {
        const written = messageText(i18n.getFixedT(language), step.text!);
        expect(written, `${id} in ${language}`).not.toMatch(/history\.|\{\{/);
        if (!/^\d|^Loupe$/.test(c.label)) expect(written, `${id} in ${language}`).not.toBe(c.label);
      }
    }
    vi.unstubAllGlobals();
  });

  it('plan.set reaches every kind of value by its path, labelled as its field', () => {
    const sim = simulator();
    runCommand(sim, 'scars.add', { kind: 'fue' });
    const set = [
      [['sessions', 1, 'shadeStrength'], 0.5, 'Pigment strength'],
      [['scars', 'fue-1', 'count'], 320, 'Number of scars'],
      [['density', 'regions', 'crown'], 1.2, 'Crown (vertex)'],
      [['skin', 'color'], '#8d5524', 'Skin tone'],
      [['aftercare', 'sunExposure'], 'high', 'Sun exposure'],
      [['client', 'name'], 'Ada', 'Client name'],
    ] as const;
    for (const [path, value, label] of set) {
      runCommand(sim, 'plan.set', { path, value });
      const { holder, key } = planValueAt(sim.planStore.getState().plan, path);
      expect(holder[key]).toBe(value);
      expect(sim.planStore.getState().past.at(-1)!.label).toBe(label);
    }
  });

  it('makes one step of a gesture: a slider drag, typing in a field', () => {
    const sim = simulator();
    for (const value of [0.5, 0.6, 0.7]) runCommand(sim, 'plan.set', { path: ['dots', 'opacity'], value }, { gesture: 'slider:opacity' });
    sim.planStore.getState().endGesture();
    expect(sim.planStore.getState().past).toHaveLength(1);
    runCommand(sim, 'history.undo', {});
    expect(sim.planStore.getState().plan.dots.opacity).toBe(0.85);
  });

  it('refuses wrong arguments with a message that says what is wrong, changing nothing', () => {
    const sim = simulator();
    const before = sim.planStore.getState().plan;
    expect(() => runNamedCommand(sim, 'dots.resize', {})).toThrow(/Unknown command "dots.resize": use one of plan.set, /);
    expect(() => runNamedCommand(sim, 'scars.add', { kind: 'burn' })).toThrow(new CommandError('scars.add: kind must be one of fut, fue, freeform (got "burn")'));
    expect(() => runNamedCommand(sim, 'scars.add', { kind: 'fut', colour: 1 })).toThrow('scars.add: unknown argument "colour": use kind');
    expect(() => runNamedCommand(sim, 'hairline.move-point', { index: 1, point: [0, 1] })).toThrow('hairline.move-point: point must be [x, y, z] in mm');
    expect(() => runNamedCommand(sim, 'sessions.set-count', { count: 5 })).toThrow('sessions.set-count: count must be one of 1, 2, 3, 4 (got 5)');
    expect(() => runNamedCommand(sim, 'history.undo', 'now')).toThrow('history.undo: arguments must be an object');
    expect(() => runCommand(sim, 'plan.set', { path: ['dots', 'size'], value: 1 })).toThrow('plan.set: dots.size is not a value of the plan');
    expect(() => runCommand(sim, 'plan.set', { path: ['scars', 'fut-9', 'uptake'], value: 1 })).toThrow('no item "fut-9" in scars');
    expect(() => runCommand(sim, 'plan.set', { path: ['density', 'strokes'], value: [] })).toThrow('density.strokes is not a single value');
    // A value out of the field's range is the plan's own error.
    expect(() => runCommand(sim, 'plan.set', { path: ['dots', 'diameterMm'], value: 9 })).toThrow(PlanError);
    expect(() => runCommand(sim, 'plan.replace', { plan: { dots: { diameterMm: 'big' } } })).toThrow('Invalid plan: dots.diameterMm must be a number');
    expect(sim.planStore.getState().plan).toBe(before);
    expect(sim.planStore.getState().past).toHaveLength(0);
  });

  it('refuses what cannot be done now, telling the user why, changing nothing', () => {
    const sim = simulator();
    const before = sim.planStore.getState().plan;
    // The mid-frontal point stays.
    expect(runCommand(sim, 'hairline.remove-point', { index: 0 })).toEqual({ done: false, reason: expect.stringContaining('That point stays') });
    expect(sim.viewStore.getState().notice).toMatchObject({ kind: 'info' });
    expect(runCommand(sim, 'brush.begin-stroke', { target: { map: 'scar', scarId: 'fut-3' }, point: crown() }).done).toBe(false);
    expect(sim.viewStore.getState().notice).toMatchObject({ kind: 'error', text: { key: 'app:notices.scarGone' } });
    // Nothing selected: the Delete key does nothing, silently.
    sim.viewStore.getState().dismissNotice();
    expect(runCommand(sim, 'hairline.remove-point', {}).done).toBe(false);
    expect(sim.viewStore.getState().notice).toBeNull();
    expect(sim.planStore.getState().plan).toBe(before);
    expect(sim.planStore.getState().past).toHaveLength(0);
  });

  it('stops painting when the plan holds as much as a plan can', () => {
    const sim = simulator();
    const points = Array.from({ length: 400 }, (_, i): Vec3 => [i * 0.5, 250, 0]);
    const stroke = { mode: 'up' as const, radiusMm: 10, softness: 0.5, amount: 0.5, points };
    runCommand(sim, 'plan.set', { path: ['hairLoss', 'stubbleMm'], value: 1 });
    sim.planStore.getState().openPlan({ ...sim.planStore.getState().plan, density: { ...sim.planStore.getState().plan.density, strokes: Array.from({ length: MAX_PLAN_STROKE_POINTS / 400 }, () => stroke) } });
    expect(runCommand(sim, 'brush.begin-stroke', { target: { map: 'hair' }, point: crown() })).toEqual({ done: false, reason: PAINTING_FULL });
    expect(sim.viewStore.getState().notice?.text).toEqual({ key: 'app:notices.paintingFull', params: { points: MAX_PLAN_STROKE_POINTS } });
  });

  it('plan.replace, undo and redo work the plan history; the loupe command only the view', () => {
    const sim = simulator();
    runCommand(sim, 'plan.replace', { plan: { dots: { diameterMm: 0.8 } }, label: 'Plan from page' });
    expect(sim.planStore.getState().plan.dots.diameterMm).toBe(0.8);
    expect(sim.planStore.getState().past.at(-1)!.label).toBe('Plan from page');
    runCommand(sim, 'history.undo', {});
    expect(sim.planStore.getState().future.at(-1)!.label).toBe('Plan from page');
    const plan = sim.planStore.getState().plan;
    runCommand(sim, 'view.toggle-loupe', {});
    expect(sim.viewStore.getState().loupe.enabled).toBe(true);
    runCommand(sim, 'view.toggle-loupe', {});
    expect(sim.viewStore.getState().loupe.enabled).toBe(false);
    expect(sim.planStore.getState().plan).toBe(plan);
  });
});
