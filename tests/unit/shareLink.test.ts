/**
 * The link the "Share with client" QR code holds (and `window.smp.getShareLink()` returns): the app's own
 * address and the plan's design, decoded back to the same design with none of the client's personal data.
 */
import { describe, expect, it } from 'vitest';
import { defaultPlan, parsePlan } from '../../src/domain/plan';
import { PLAN_FIELD_KINDS, sameDesign } from '../../src/domain/personalData';
import { readLinkHash } from '../../src/io/planLink';
import { designLink } from '../../src/io/sharing';

const APP = { origin: 'https://smp.example', pathname: '/simulator/' };

const CLIENT = { name: 'Zoë Ångström-Öztürk', date: '2026-11-23', notes: 'Keloid tendency on the crown; takes warfarin. Call 0170 5551234.' };

const personalFields = Object.entries(PLAN_FIELD_KINDS)
  .filter(([, kind]) => kind === 'personal')
  .map(([field]) => field as keyof typeof PLAN_FIELD_KINDS);

describe('the share link', () => {
  const plan = parsePlan({
    client: CLIENT,
    skin: { color: '#6b4a35' },
    dots: { diameterMm: 0.6 },
    density: { strokes: [{ mode: 'down', radiusMm: 12, softness: 0.5, amount: 0.3, points: [[10, 80, 40], [12.5, 81, 38.2]] }] },
  });

  it('is the app’s own address with the design and the view', () => {
    const link = designLink(plan, 'top', APP);
    expect(link).toMatch(/^https:\/\/smp\.example\/simulator\/#plan=[A-Za-z0-9_-]+&view=top$/);
    // The saved plan's id and revision name a plan on this device only: they stay out of a link for others.
    expect(link).not.toMatch(/saved=|revision=/);
  });

  it('decodes back to the same design, with no personal data', () => {
    const link = designLink(plan, 'front', APP);
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe(APP.origin + APP.pathname);
    const state = readLinkHash(url.hash);
    expect(state.planError).toBeUndefined();
    expect(state.view).toBe('front');
    const shared = state.plan!;
    expect(sameDesign(shared, plan)).toBe(true);
    expect(shared.density.strokes).toEqual(plan.density.strokes);
    // Every personal field comes back as a fresh plan has it: nothing of this client's travelled.
    expect(personalFields).toContain('client');
    for (const field of personalFields) expect(shared[field], field).toEqual(defaultPlan()[field]);
    // Not even a trace in the encoded text.
    const decoded = Buffer.from(url.hash.match(/plan=([^&]+)/)![1]!, 'base64url').toString('utf8');
    for (const text of [CLIENT.name, 'Keloid', 'warfarin', '5551234', CLIENT.date, '"client"']) expect(decoded).not.toContain(text);
  });

  it('is the same link for the same design whoever the client is', () => {
    const other = parsePlan({ ...plan, client: { name: 'Someone else', date: '', notes: '' } });
    expect(designLink(other, 'front', APP)).toBe(designLink(plan, 'front', APP));
  });
});
