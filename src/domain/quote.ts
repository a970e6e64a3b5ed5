/**
 * The quote: what the planned treatment costs at the clinic's prices (./clinic.ts), from the plan's figures
 * (./measurements.ts: sessions, hours from the work-rate model, treated area). Money is counted in the
 * currency's minor unit (cents; none for yen), so the lines, the total, the deposit and the balance always
 * add up to the cent as printed. It is numbers only: the interface writes it in the user's language
 * (src/ui/quoteText.ts); `label` and `unit` are the English of `window.smp.getQuote()`.
 */
import { currencyDigits, PRICE_MODEL_UNITS, type ClinicProfile, type PriceModel } from './clinic';
import type { PlanMeasurements } from './measurements';

/** What the quote is priced on: the plan measured on the head. */
export type QuoteWork = Pick<PlanMeasurements, 'sessions' | 'hours' | 'treatedAreaCm2'>;

export interface QuoteLine {
  /** What the line prices, in English (for the page API; the interface names it by the quote's model). */
  label: string;
  /** Sessions, hours (in half hours, as booked) or whole cm² treated. */
  quantity: number;
  unit: string;
  /** Price of one unit, in the quote's currency. */
  unitPrice: number;
  /** quantity × unitPrice, rounded to the currency's minor unit. */
  amount: number;
}

export interface Quote {
  clinic: string;
  currency: string;
  model: PriceModel;
  lines: QuoteLine[];
  total: number;
  /** Paid when booking: the profile's deposit, never more than the total. */
  deposit: number;
  /** What is left after the deposit. */
  balance: number;
  /** The day the quote was made and the last day it holds (`YYYY-MM-DD`, local calendar days). */
  madeOn: string;
  validUntil: string;
}

const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** The quote for `work` at the profile's prices, made on `madeAt`'s day. */
export function buildQuote(profile: ClinicProfile, work: QuoteWork, madeAt: Date): Quote {
  const { model, amount, currency, deposit } = profile.price;
  const minor = 10 ** currencyDigits(currency);
  const toMinor = (value: number) => Math.round(value * minor);
  // Clinics bill whole cm²; sessions are whole and hours come in half hours from the work-rate model.
  const quantity = model === 'session' ? work.sessions : model === 'hour' ? work.hours : Math.round(work.treatedAreaCm2);
  const label = model === 'session' ? 'Sessions' : model === 'hour' ? 'Time in the chair' : 'Treated area';
  const unitMinor = toMinor(amount);
  const lineMinor = Math.round(quantity * unitMinor);
  // One line per price model today; the total is what the lines add up to.
  const totalMinor = lineMinor;
  const depositMinor = Math.min(toMinor(deposit), totalMinor);
  const validUntil = new Date(madeAt.getFullYear(), madeAt.getMonth(), madeAt.getDate() + profile.validityDays);
  return {
    clinic: profile.name,
    currency,
    model,
    lines: [{ label, quantity, unit: PRICE_MODEL_UNITS[model], unitPrice: unitMinor / minor, amount: lineMinor / minor }],
    total: totalMinor / minor,
    deposit: depositMinor / minor,
    balance: (totalMinor - depositMinor) / minor,
    madeOn: isoDay(madeAt),
    validUntil: isoDay(validUntil),
  };
}
