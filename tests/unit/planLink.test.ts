import { describe, expect, it } from 'vitest';
import { defaultPlan, parsePlan } from '../../src/domain/plan';
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
    expect(state.plan).toEqual({ ...defaultPlan(), skin: { color: '#3a312a' } });
  });

  it('accepts a view alone and flags an unknown view', () => {
    expect(readLinkHash('#view=back')).toEqual({ view: 'back' });
    expect(readLinkHash('#view=under').viewError).toContain('under');
    expect(readLinkHash('')).toEqual({});
  });
});
