import { describe, expect, it } from 'vitest';
import { blankClinicProfile, type ClinicPrice, type ClinicProfile } from '../../src/domain/clinic';
import { buildQuote, quoteText, type QuoteWork } from '../../src/domain/quote';

const clinic = (price: Partial<ClinicPrice>, changes: Partial<ClinicProfile> = {}): ClinicProfile => ({
  ...blankClinicProfile(),
  name: 'Bright Line',
  price: { model: 'session', amount: 0, currency: 'EUR', deposit: 0, ...price },
  ...changes,
});

/** A full scalp: 3 sessions of 4.5 h, 412.6 cm². */
const WORK: QuoteWork = { sessions: 3, hours: 13.5, treatedAreaCm2: 412.6 };
const DAY = new Date(2026, 11, 4, 15, 30);

describe('quote arithmetic', () => {
  it('prices per session: sessions × price', () => {
    const quote = buildQuote(clinic({ model: 'session', amount: 450 }), WORK, DAY);
    expect(quote.lines).toEqual([{ label: 'Sessions', quantity: 3, unit: 'session', unitPrice: 450, amount: 1350 }]);
    expect([quote.total, quote.deposit, quote.balance]).toEqual([1350, 0, 1350]);
  });

  it('prices per hour: the work-rate model’s hours × rate', () => {
    const quote = buildQuote(clinic({ model: 'hour', amount: 120.5 }), WORK, DAY);
    expect(quote.lines[0]).toMatchObject({ label: 'Time in the chair', quantity: 13.5, unit: 'hour', amount: 1626.75 });
    expect(quote.total).toBe(1626.75);
  });

  it('prices per cm²: whole cm² treated × rate', () => {
    const quote = buildQuote(clinic({ model: 'area', amount: 2.5 }), WORK, DAY);
    expect(quote.lines[0]).toMatchObject({ label: 'Treated area', quantity: 413, unit: 'cm²', amount: 1032.5 });
  });

  it('takes the deposit off the total, never more than the total', () => {
    const quote = buildQuote(clinic({ model: 'session', amount: 450, deposit: 200 }), WORK, DAY);
    expect([quote.total, quote.deposit, quote.balance]).toEqual([1350, 200, 1150]);
    const small = buildQuote(clinic({ model: 'session', amount: 50, deposit: 500 }), WORK, DAY);
    expect([small.total, small.deposit, small.balance]).toEqual([150, 150, 0]);
  });

  it('rounds to the currency’s minor unit, so the sums add up as printed', () => {
    // A price is whole minor units (0.333 EUR is 0.33 EUR; KWD has three digits), and so is each line.
    expect(buildQuote(clinic({ model: 'area', amount: 0.333 }), WORK, DAY).total).toBe(136.29);
    // 13.5 h × 120.55 = 1627.425: half a cent rounds up.
    expect(buildQuote(clinic({ model: 'hour', amount: 120.55 }), WORK, DAY).total).toBe(1627.43);
    expect(buildQuote(clinic({ model: 'area', amount: 0.333, currency: 'KWD' }), WORK, DAY).total).toBe(137.529);
    const yen = buildQuote(clinic({ model: 'area', amount: 333.4, currency: 'JPY', deposit: 1000.6 }), WORK, DAY);
    expect([yen.lines[0]!.unitPrice, yen.total, yen.deposit, yen.balance]).toEqual([333, 137_529, 1001, 136_528]);
    // Binary fractions: 3 × 0.1 is 0.30000000000000004 in floating point, 0.3 in cents.
    const cents = buildQuote(clinic({ model: 'session', amount: 0.1, deposit: 0.1 }), WORK, DAY);
    expect([cents.total, cents.balance]).toEqual([0.3, 0.2]);
  });

  it('holds for the profile’s days from the day it is made, on the calendar', () => {
    expect(buildQuote(clinic({ amount: 1 }), WORK, DAY)).toMatchObject({ madeOn: '2026-12-04', validUntil: '2027-01-03' });
    expect(buildQuote(clinic({ amount: 1 }, { validityDays: 1 }), WORK, new Date(2028, 1, 28, 23, 59)).validUntil).toBe('2028-02-29');
  });

  it('prices nothing when nothing is treated, and says so', () => {
    const quote = buildQuote(clinic({ model: 'session', amount: 450, deposit: 100 }), { sessions: 0, hours: 0, treatedAreaCm2: 0 }, DAY);
    expect([quote.total, quote.deposit, quote.balance]).toEqual([0, 0, 0]);
    expect(quoteText(quote, 'en-GB').empty).toMatch(/Nothing to price yet/);
  });
});

describe('quote text', () => {
  it('writes money, numbers and the validity date in the locale’s way', () => {
    const quote = buildQuote(clinic({ model: 'hour', amount: 120.5, deposit: 200 }), WORK, DAY);
    const en = quoteText(quote, 'en-GB');
    expect(en).toEqual({
      lines: [{ label: 'Time in the chair', detail: '13.5 h × €120.50 per hour', amount: '€1,626.75' }],
      total: '€1,626.75',
      deposit: '€200.00',
      balance: '€1,426.75',
      validUntil: '3 January 2027',
      empty: null,
    });
    const de = quoteText(quote, 'de-DE');
    expect(de.total.replace(/\s/g, ' ')).toBe('1.626,75 €');
    expect(de.lines[0]!.detail.replace(/\s/g, ' ')).toBe('13,5 h × 120,50 € per hour');
    expect(de.validUntil).toBe('3. Januar 2027');
  });

  it('leaves out the deposit and balance when there is no deposit', () => {
    const text = quoteText(buildQuote(clinic({ model: 'session', amount: 450, currency: 'USD' }), WORK, DAY), 'en-US');
    expect(text.lines[0]!.detail).toBe('3 sessions × $450.00');
    expect([text.total, text.deposit, text.balance]).toEqual(['$1,350.00', null, null]);
  });
});
