import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { blankClinicProfile, type ClinicPrice, type ClinicProfile } from '../../src/domain/clinic';
import type { Language } from '../../src/domain/languages';
import { buildQuote, type Quote, type QuoteWork } from '../../src/domain/quote';
import { formatDate, formatMoney, i18n, setLanguage } from '../../src/ui/i18n';
import { startEveryLanguage } from '../support/everyLanguage';
import { quoteText } from '../../src/ui/quoteText';

const clinic = (price: Partial<ClinicPrice>, changes: Partial<ClinicProfile> = {}): ClinicProfile => ({
  ...blankClinicProfile(),
  name: 'Bright Line',
  price: { model: 'session', amount: 0, currency: 'EUR', deposit: 0, ...price },
  ...changes,
});

/** A full scalp: 3 sessions of 4.5 h, 412.6 cm². */
const WORK: QuoteWork = { sessions: 3, hours: 13.5, treatedAreaCm2: 412.6 };
const DAY = new Date(2026, 11, 4, 15, 30);
const NOTHING: QuoteWork = { sessions: 0, hours: 0, treatedAreaCm2: 0 };

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

  it('prices nothing when nothing is treated', () => {
    const quote = buildQuote(clinic({ model: 'session', amount: 450, deposit: 100 }), NOTHING, DAY);
    expect([quote.total, quote.deposit, quote.balance]).toEqual([0, 0, 0]);
  });
});

/** Intl writes a no-break space (or a narrow one) between an amount and its symbol in some languages. */
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** The quote as the interface writes it in `language`: its words from the catalogue, its figures by Intl. */
function textIn(language: Language, quote: Quote) {
  setLanguage(language);
  return quoteText(quote, i18n.getFixedT(language, 'clinic'), { money: formatMoney, date: formatDate });
}

describe('quote text', () => {
  // The app's own i18next set-up; it names the page's language, which Node lacks.
  // Every language read first, so that choosing one switches at once.
  beforeAll(async () => {
    vi.stubGlobal('document', { documentElement: { lang: '' } });
    await startEveryLanguage();
  });
  // The next file in this worker starts in English, as the app does.
  afterAll(() => setLanguage('en'));

  it('writes words, money, numbers and the validity date in the chosen language', () => {
    const quote = buildQuote(clinic({ model: 'hour', amount: 120.5, deposit: 200 }), WORK, DAY);
    expect(textIn('en', quote)).toEqual({
      lines: [{ key: 'hour-0', label: 'Time in the chair', detail: '13.5 h × €120.50 per hour', amount: '€1,626.75' }],
      total: '€1,626.75',
      deposit: '€200.00',
      balance: '€1,426.75',
      validUntil: 'January 3, 2027',
      empty: null,
    });
    const de = textIn('de', quote);
    expect(de.lines[0]!.label).toBe('Behandlungszeit');
    expect(spaced(de.lines[0]!.detail)).toBe('13,5 h à 120,50 € pro Stunde');
    expect(spaced(de.total)).toBe('1.626,75 €');
    expect(de.validUntil).toBe('3. Januar 2027');
    const es = textIn('es', quote);
    expect(spaced(es.total)).toBe('1626,75 €');
    expect(es.validUntil).toBe('3 de enero de 2027');
  });

  it('writes a total of 1,200.50 as each language does, in its currency', () => {
    const quote = buildQuote(clinic({ model: 'area', amount: 1200.5 }), { sessions: 1, hours: 2, treatedAreaCm2: 1 }, DAY);
    expect(quote.total).toBe(1200.5);
    expect(textIn('en', quote).total).toBe('€1,200.50');
    expect(spaced(textIn('de', quote).total)).toBe('1.200,50 €');
    expect(spaced(textIn('es', quote).total)).toBe('1200,50 €');
    expect(textIn('tr', quote).total).toBe('€1.200,50');
    const lira = buildQuote(clinic({ model: 'area', amount: 1200.5, currency: 'TRY' }), { sessions: 1, hours: 2, treatedAreaCm2: 1 }, DAY);
    expect(textIn('tr', lira).total).toBe('₺1.200,50');
    expect(textIn('tr', lira).lines[0]).toMatchObject({ label: 'Uygulama alanı', detail: '1 cm², cm² başına ₺1.200,50' });
    expect(spaced(textIn('en', lira).total)).toBe('TRY 1,200.50');
  });

  it('says when there is nothing to price yet', () => {
    const quote = buildQuote(clinic({ model: 'session', amount: 450, deposit: 100 }), NOTHING, DAY);
    expect(textIn('en', quote).empty).toBe('Nothing to price yet: the plan treats no area.');
    expect(textIn('de', quote).empty).toBe('Noch nichts zu berechnen: Der Plan behandelt keine Fläche.');
  });

  it('counts sessions in the language’s plural, and leaves out the deposit and balance when there is none', () => {
    const quote = buildQuote(clinic({ model: 'session', amount: 450, currency: 'USD' }), WORK, DAY);
    const text = textIn('en', quote);
    expect(text.lines[0]!.detail).toBe('3 sessions × $450.00');
    expect([text.total, text.deposit, text.balance]).toEqual(['$1,350.00', null, null]);
    const one = buildQuote(clinic({ model: 'session', amount: 450 }), { ...WORK, sessions: 1 }, DAY);
    expect(textIn('en', one).lines[0]!.detail).toBe('1 session × €450.00');
    expect(spaced(textIn('es', one).lines[0]!.detail)).toBe('1 sesión a 450,00 €');
    expect(spaced(textIn('es', quote).lines[0]!.detail)).toBe('3 sesiones a 450,00 US$');
  });
});
