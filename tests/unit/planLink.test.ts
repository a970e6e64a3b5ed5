import { describe, expect, it } from 'vitest';
import { defaultPlan, parsePlan } from '../../src/domain/plan';
import { designOf, PLAN_FIELD_KINDS, sameDesign, withPersonalDataOf } from '../../src/domain/personalData';
import { decodeBase64Url, encodeBase64Url, readLinkHash, writeLinkHash } from '../../src/io/planLink';

describe('share link', () => {
  it('round-trips a plan and a view through the hash', () => {
    const plan = parsePlan({ skin: { color: '#825c43' }, dots: { diameterMm: 0.8 } });
    const hash = writeLinkHash(plan, 'top');
    expect(hash).toMatch(/^#plan=[A-Za-z0-9_-]+&view=top$/);
    expect(readLinkHash(hash)).toEqual({ plan, view: 'top' });
  });

  it('uses base64url of the plan JSON, including non-ASCII text', () => {
    const text = JSON.stringify({ note: 'Zoë – ½ session ✓' });
    const encoded = encodeBase64Url(text);
    expect(encoded).not.toMatch(/[+/=]/);
    expect(decodeBase64Url(encoded)).toBe(text);
    expect(encodeBase64Url(JSON.stringify(defaultPlan()))).toBe(
      Buffer.from(JSON.stringify(defaultPlan())).toString('base64url'),
    );
  });

  it('explains a damaged link instead of throwing', () => {
    expect(readLinkHash('#plan=%%%').planError).toMatch(/damaged/);
    expect(readLinkHash('#plan=' + encodeBase64Url('{"skin":')).planError).toMatch(/damaged/);
    const bad = readLinkHash('#plan=' + encodeBase64Url(JSON.stringify({ dots: { diameterMm: 9 } })));
    expect(bad.plan).toBeUndefined();
    expect(bad.planError).toContain('dots.diameterMm');
  });

  it('reads a partial plan from a link with defaults filled in', () => {
    const state = readLinkHash('#plan=' + encodeBase64Url(JSON.stringify({ skin: { color: '#3a312a' } })));
    expect(state.plan).toEqual({ ...defaultPlan(), skin: { ...defaultPlan().skin, color: '#3a312a' } });
  });

  it('accepts a view alone and flags an unknown view', () => {
    expect(readLinkHash('#view=back')).toEqual({ view: 'back' });
    expect(readLinkHash('#view=under').viewError).toContain('under');
    expect(readLinkHash('')).toEqual({});
  });
});

describe('links carry the design only', () => {
  const personal = parsePlan({ client: { name: 'Jane Doe', date: '2026-11-23', notes: 'FUT scar from 2019' }, dots: { densityPerCm2: 120 } });
  const decoded = (hash: string) => JSON.parse(decodeBase64Url(new URLSearchParams(hash.slice(1)).get('plan')!)) as Record<string, unknown>;

  it('never writes the client’s name, date or notes, and keeps every design field', () => {
    const hash = writeLinkHash(personal, 'front', { id: 'abcdef0123456789abcdef0123456789', revision: 3 });
    expect(hash).not.toMatch(/Jane|2026-11-23|FUT/);
    const json = decoded(hash);
    expect(json).not.toHaveProperty('client');
    expect(json).toEqual(designOf(personal));
    expect(readLinkHash(hash)).toEqual({ plan: { ...personal, client: defaultPlan().client }, view: 'front', saved: { id: 'abcdef0123456789abcdef0123456789', revision: 3 } });
  });

  it('classifies every plan field, so a new personal field cannot reach links unnoticed', () => {
    expect(Object.keys(PLAN_FIELD_KINDS).sort()).toEqual(Object.keys(defaultPlan()).sort());
    const design = designOf(personal);
    for (const [field, kind] of Object.entries(PLAN_FIELD_KINDS)) expect(field in design).toBe(kind === 'design');
    // A field that is not classified (not in the schema) is left out too.
    expect(designOf({ ...personal, photos: ['x'] } as never)).not.toHaveProperty('photos');
  });

  it('still opens an old link holding client details, which are used for that plan only', () => {
    const old = readLinkHash(`#plan=${encodeBase64Url(JSON.stringify(personal))}&view=top`);
    expect(old.plan).toEqual(personal);
    expect(writeLinkHash(old.plan!)).not.toMatch(/Jane/);
    expect(decoded(writeLinkHash(old.plan!))).not.toHaveProperty('client');
  });

  it('compares plans by design, and puts a design into a plan keeping its client', () => {
    expect(sameDesign(personal, { ...personal, client: defaultPlan().client })).toBe(true);
    expect(sameDesign(personal, defaultPlan())).toBe(false);
    const combined = withPersonalDataOf(personal, defaultPlan());
    expect(combined.client).toEqual(personal.client);
    expect(combined.dots).toEqual(defaultPlan().dots);
  });

  it('ignores a damaged saved-plan reference (it is only a hint)', () => {
    const plan = encodeBase64Url(JSON.stringify(designOf(personal)));
    expect(readLinkHash(`#plan=${plan}&saved=abc&revision=2`).saved).toBeUndefined();
    expect(readLinkHash(`#plan=${plan}&saved=abcdef0123456789&revision=-1`).saved).toBeUndefined();
    expect(readLinkHash(`#plan=${plan}&saved=abcdef0123456789`).saved).toBeUndefined();
    expect(readLinkHash(`#saved=abcdef0123456789&revision=1`)).toEqual({});
  });
});
