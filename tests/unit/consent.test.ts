import { describe, expect, it } from 'vitest';
import { CommandError, runCommand } from '../../src/app/commands';
import { createSimulator, type Simulator } from '../../src/app/simulator';
import {
  HEALTH_QUESTIONS,
  healthWarnings,
  MAX_CONSENT_HISTORY,
  MAX_SIGNATURE_CHARS,
  signingGaps,
  type Consent,
  type ConsentVersion,
  type HealthAnswer,
  type HealthQuestion,
} from '../../src/domain/consent';
import { defaultPlan, parsePlan, PlanError, PLAN_VERSION, type Plan } from '../../src/domain/plan';
import { withPersonalDataOf } from '../../src/domain/personalData';
import { MAX_PLAN_FILE_BYTES, readPlanFile, writePlanFile } from '../../src/io/planFile';
import { decodeBase64Url, readLinkHash, writeLinkHash } from '../../src/io/planLink';
import { fillConsent, SIGNATURE_PNG, signConsentNow } from '../support/consent';

const plan = (sim: Simulator): Plan => sim.planStore.getState().plan;
const steps = (sim: Simulator): number => sim.planStore.getState().past.length;

function answers(given: Partial<Record<HealthQuestion, HealthAnswer['answer']>>): Record<HealthQuestion, HealthAnswer> {
  return Object.fromEntries(HEALTH_QUESTIONS.map((q) => [q, { answer: given[q] ?? 'no', details: '' }])) as Record<HealthQuestion, HealthAnswer>;
}

/** A signed version, complete, as `consent.sign` leaves one. */
function signedVersion(version: number, image = SIGNATURE_PNG): ConsentVersion {
  const signature = (name: string) => ({ name, image, signedAt: '2026-12-01T10:00:00.000Z' });
  return {
    version,
    text: 'I consent to SMP.',
    language: 'es',
    answers: answers({ keloids: 'yes' }),
    notes: 'Vitamin D',
    client: signature('Ana Ruiz'),
    practitioner: signature('Dr. Lee'),
    signedAt: '2026-12-01T10:05:00.000Z',
  };
}

describe('consent versions', () => {
  it('starts as an empty draft, version 1, with no history', () => {
    const { consent } = defaultPlan();
    expect(consent.current).toMatchObject({ version: 1, text: '', signedAt: '', notes: '', client: { name: '', image: '', signedAt: '' } });
    expect(Object.values(consent.current.answers).every((a) => a.answer === 'unanswered' && a.details === '')).toBe(true);
    expect(consent.history).toEqual([]);
  });

  it('signs only a complete draft, and says what is missing', () => {
    const sim = createSimulator();
    const refused = runCommand(sim, 'consent.sign', { text: 'I consent.', language: 'en' });
    expect(refused.done).toBe(false);
    expect(!refused.done && refused.reason).toMatch(/cannot be signed yet: 7 health questions are not answered .*the name of the client is missing; the client has not signed/);
    expect(steps(sim)).toBe(0);
    fillConsent(sim);
    expect(signingGaps(plan(sim).consent.current)).toEqual([]);
    expect(runCommand(sim, 'consent.sign', { text: 'I consent.', language: 'tr' }).done).toBe(true);
    expect(plan(sim).consent.current).toMatchObject({ text: 'I consent.', language: 'tr', signedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) });
  });

  it('clears drawn signatures when an answer or the notes change in a draft, keeping the names', () => {
    const sim = createSimulator();
    fillConsent(sim);
    runCommand(sim, 'consent.answer', { question: 'sunExposure', details: 'outdoor work' });
    expect(plan(sim).consent.current.client).toEqual({ name: 'Ana Ruiz', image: '', signedAt: '' });
    expect(plan(sim).consent.current.practitioner.image).toBe('');
    runCommand(sim, 'consent.set-signature', { role: 'client', image: SIGNATURE_PNG });
    // An answer set to what it already is changes nothing, and so keeps the signature.
    runCommand(sim, 'consent.answer', { question: 'sunExposure', details: 'outdoor work' });
    expect(plan(sim).consent.current.client.image).toBe(SIGNATURE_PNG);
    runCommand(sim, 'consent.set-notes', { notes: 'Takes vitamin D' });
    expect(plan(sim).consent.current.client.image).toBe('');
  });

  it('keeps a signed version read-only: every change is refused, changing nothing', () => {
    const sim = createSimulator();
    signConsentNow(sim);
    const signed = plan(sim);
    const count = steps(sim);
    for (const outcome of [
      runCommand(sim, 'consent.answer', { question: 'keloids', answer: 'no' }),
      runCommand(sim, 'consent.set-notes', { notes: 'changed' }),
      runCommand(sim, 'consent.set-signer', { role: 'client', name: 'Someone Else' }),
      runCommand(sim, 'consent.set-signature', { role: 'practitioner', image: '' }),
      runCommand(sim, 'consent.sign', { text: 'Another text', language: 'de' }),
    ]) {
      expect(outcome.done).toBe(false);
      expect(!outcome.done && outcome.reason).toMatch(/Consent version 1 is signed and cannot be changed: start a new version/);
    }
    // Nor can a plain value edit reach it.
    expect(() => runCommand(sim, 'plan.set', { path: ['consent', 'current', 'notes'], value: 'x' })).toThrow(CommandError);
    expect(plan(sim)).toBe(signed);
    expect(steps(sim)).toBe(count);
  });

  it('makes a change a new version: the signed one kept in the history as it was, the draft from its answers', () => {
    const sim = createSimulator();
    signConsentNow(sim);
    const first = plan(sim).consent.current;
    expect(runCommand(sim, 'consent.new-version', {}).done).toBe(true);
    const { current, history } = plan(sim).consent;
    expect(history).toEqual([first]);
    expect(current).toMatchObject({ version: 2, text: '', signedAt: '', answers: first.answers, client: { name: 'Ana Ruiz', image: '' }, practitioner: { name: 'Dr. Lee', image: '' } });
    // The draft is editable; the history is not touched by it.
    runCommand(sim, 'consent.answer', { question: 'isotretinoin', answer: 'yes', details: 'until October' });
    expect(plan(sim).consent.history[0]).toBe(history[0]);
    expect(plan(sim).consent.current.answers.isotretinoin).toEqual({ answer: 'yes', details: 'until October' });
    // A draft needs no new version; a new version of version 2 needs it signed first.
    expect(runCommand(sim, 'consent.new-version', {}).done).toBe(false);
    fillConsent(sim);
    runCommand(sim, 'consent.sign', { text: 'I consent, again.', language: 'en' });
    runCommand(sim, 'consent.new-version', {});
    expect(plan(sim).consent.history.map((v) => [v.version, v.text])).toEqual([
      [1, 'I consent to SMP.'],
      [2, 'I consent, again.'],
    ]);
    expect(plan(sim).consent.current.version).toBe(3);
  });

  it('makes each consent edit one undo step, undone and redone', () => {
    const sim = createSimulator();
    signConsentNow(sim);
    const signed = plan(sim);
    runCommand(sim, 'consent.new-version', {});
    const second = plan(sim);
    expect(sim.planStore.getState().past.at(-1)!.label).toBe('New consent version');
    runCommand(sim, 'history.undo', {});
    expect(plan(sim)).toEqual(signed);
    runCommand(sim, 'history.undo', {});
    expect(plan(sim).consent.current.signedAt).toBe('');
    runCommand(sim, 'history.redo', {});
    runCommand(sim, 'history.redo', {});
    expect(plan(sim)).toEqual(second);
  });

  it('merges strokes of one signature, and typing in one field, into one step', () => {
    const sim = createSimulator();
    for (const name of ['A', 'An', 'Ana']) runCommand(sim, 'consent.set-signer', { role: 'client', name }, { gesture: 'consent-name-client' });
    sim.planStore.getState().endGesture();
    for (let stroke = 0; stroke < 3; stroke++) runCommand(sim, 'consent.set-signature', { role: 'client', image: SIGNATURE_PNG.slice(0, -4) + 'A'.repeat(stroke) + 'CYII=' }, { gesture: 'consent-signature-client' });
    expect(sim.planStore.getState().past.map((s) => s.label)).toEqual(['Client name', 'Client signature']);
  });

  it('keeps at most MAX_CONSENT_HISTORY earlier versions and never drops one', () => {
    const sim = createSimulator();
    const full: Consent = { current: signedVersion(MAX_CONSENT_HISTORY + 1), history: Array.from({ length: MAX_CONSENT_HISTORY }, (_, i) => signedVersion(i + 1)) };
    runCommand(sim, 'plan.replace', { plan: { ...plan(sim), consent: full } });
    const outcome = runCommand(sim, 'consent.new-version', {});
    expect(!outcome.done && outcome.reason).toMatch(/keeps 10 earlier consent versions/);
    expect(plan(sim).consent.history).toHaveLength(MAX_CONSENT_HISTORY);
  });
});

describe('health warnings', () => {
  it('defers for isotretinoin and a scalp condition, urges caution for the rest, and checks an unsure answer', () => {
    expect(healthWarnings(answers({}))).toEqual([]);
    expect(healthWarnings(answers({ keloids: 'yes', isotretinoin: 'yes', sunExposure: 'unsure', anticoagulants: 'yes' }))).toEqual([
      { question: 'isotretinoin', level: 'defer' },
      { question: 'keloids', level: 'caution' },
      { question: 'anticoagulants', level: 'caution' },
      { question: 'sunExposure', level: 'check' },
    ]);
    expect(healthWarnings(answers({ scalpConditions: 'yes' }))).toEqual([{ question: 'scalpConditions', level: 'defer' }]);
  });
});

describe('consent data', () => {
  const withConsent = (consent: unknown) => ({ ...defaultPlan(), consent });
  const good: Consent = { current: signedVersion(2), history: [signedVersion(1)] };

  it('accepts a signed consent with its history', () => {
    expect(parsePlan(withConsent(good)).consent).toEqual(good);
  });

  it.each([
    [{ ...good, current: { ...good.current, client: { ...good.current.client, image: 'data:image/jpeg;base64,AAAA' } } }, /consent\.current\.client\.image must be a PNG picture as a data URL/],
    [{ ...good, current: { ...good.current, client: { ...good.current.client, image: `data:image/png;base64,${'A'.repeat(MAX_SIGNATURE_CHARS)}` } } }, /consent\.current\.client\.image must be at most 100000 characters long/],
    [{ ...good, current: { ...good.current, practitioner: { ...good.current.practitioner, image: '' } } }, /consent\.current\.signedAt is set, but the consent is not complete: the practitioner has not signed/],
    [{ ...good, current: { ...good.current, answers: { ...good.current.answers, isotretinoin: { answer: 'unanswered', details: '' } } } }, /consent\.current\.signedAt is set, but the consent is not complete: 1 health question is not answered \(isotretinoin\)/],
    [{ ...good, current: { ...good.current, text: ' ' } }, /consent\.current\.text must not be empty in a signed consent/],
    [{ ...good, history: [{ ...signedVersion(1), signedAt: '' }] }, /consent\.history\[0\]\.signedAt must be set: earlier versions are signed ones/],
    [{ ...good, current: { ...good.current, version: 1 } }, /consent\.current\.version must be above the earlier version's 1 \(got 1\)/],
    [{ ...good, current: { ...good.current, answers: { ...good.current.answers, keloids: { answer: 'maybe', details: '' } } } }, /consent\.current\.answers\.keloids\.answer must be one of unanswered, yes, no, unsure \(got "maybe"\)/],
    [{ ...good, current: { ...good.current, signedAt: 'yesterday' } }, /consent\.current\.signedAt must be a time like/],
    [{ ...good, signatures: [] }, /consent\.signatures is not a known plan field/],
  ])('refuses bad consent data with a clear message, changing nothing (%#)', (consent, message) => {
    expect(() => parsePlan(withConsent(consent))).toThrow(PlanError);
    expect(() => parsePlan(withConsent(consent))).toThrow(message);
    const sim = createSimulator();
    signConsentNow(sim);
    const before = plan(sim);
    const count = steps(sim);
    expect(() => runCommand(sim, 'plan.replace', { plan: withConsent(consent) })).toThrow(message);
    expect(plan(sim)).toBe(before);
    expect(steps(sim)).toBe(count);
  });

  it('refuses a signature that is not a PNG data URL from the command too', () => {
    const sim = createSimulator();
    expect(() => runCommand(sim, 'consent.set-signature', { role: 'client', image: 'https://example.com/sig.png' })).toThrow(/image must be a PNG data URL/);
    expect(() => runCommand(sim, 'consent.answer', { question: 'tattoos' as HealthQuestion, answer: 'yes' })).toThrow(/question must be one of keloids, /);
    expect(steps(sim)).toBe(0);
  });

  it('never puts the consent into a link, and a link opened on a plan keeps its consent', () => {
    const sim = createSimulator();
    signConsentNow(sim, 'I consent to SMP: keep me out of links.');
    runCommand(sim, 'consent.new-version', {});
    runCommand(sim, 'consent.answer', { question: 'anticoagulants', answer: 'yes', details: 'apixaban 5 mg' });
    const personal = plan(sim);
    const hash = writeLinkHash(personal, 'front');
    const json = decodeBase64Url(new URLSearchParams(hash.slice(1)).get('plan')!);
    for (const secret of ['consent', 'Ana Ruiz', 'Dr. Lee', 'apixaban', 'keep me out of links', SIGNATURE_PNG.slice(22, 60)]) expect(json).not.toContain(secret);
    const opened = readLinkHash(hash).plan!;
    expect(opened.consent).toEqual(defaultPlan().consent);
    expect(withPersonalDataOf(personal, opened).consent).toBe(personal.consent);
  });

  it('saves the consent in plan files the user exports, and reads it back', () => {
    const sim = createSimulator();
    signConsentNow(sim);
    const text = writePlanFile(plan(sim), new Date('2026-12-04T12:00:00Z'));
    expect(readPlanFile(text).consent).toEqual(plan(sim).consent);
  });

  it('fits a plan file with every version at its largest signatures', () => {
    const big = `data:image/png;base64,${'A'.repeat(MAX_SIGNATURE_CHARS - 22)}`;
    const full: Consent = { current: signedVersion(MAX_CONSENT_HISTORY + 1, big), history: Array.from({ length: MAX_CONSENT_HISTORY }, (_, i) => signedVersion(i + 1, big)) };
    const text = writePlanFile(parsePlan(withConsent(full)), new Date());
    expect(text.length).toBeLessThan(MAX_PLAN_FILE_BYTES / 2);
  });
});

describe('plans from before the consent', () => {
  const v2 = { version: 2, client: { name: 'Old Client', date: '2025-05-01', notes: '' }, dots: { diameterMm: 0.5 } };

  it('opens a version 2 plan (file, link or autosave) with an empty draft consent', () => {
    const input = structuredClone(v2);
    const opened = parsePlan(input);
    expect(opened.version).toBe(PLAN_VERSION);
    expect(opened.client.name).toBe('Old Client');
    expect(opened.dots.diameterMm).toBe(0.5);
    expect(opened.consent).toEqual(defaultPlan().consent);
    expect(input).toEqual(v2);
    expect(readPlanFile(JSON.stringify({ format: 'smp-simulator-plan', formatVersion: 1, exportedAt: '2025-05-01T10:00:00.000Z', plan: v2 })).consent).toEqual(defaultPlan().consent);
  });

  it('opens a version 1 plan through both steps', () => {
    const opened = parsePlan({ version: 1, dots: { diameterMm: 0.5 } });
    expect([opened.version, opened.sessions.every((s) => s.shadeStrength === 1), opened.consent.current.version]).toEqual([PLAN_VERSION, true, 1]);
  });
});
