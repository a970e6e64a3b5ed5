import type { TFunction } from 'i18next';
import type { Quote } from '../domain/quote';

/** A quote written out for people, in the chosen language's words and its way with numbers, money and dates. */
export interface QuoteText {
  lines: { key: string; label: string; detail: string; amount: string }[];
  total: string;
  /** Null when there is no deposit. */
  deposit: string | null;
  balance: string | null;
  validUntil: string;
  /** Set when the plan has nothing to price yet (no area treated). */
  empty: string | null;
}

/** The locale-aware formats the quote needs (`useFormat()` in a component). */
export interface QuoteFormats {
  money(amount: number, currency: string): string;
  date(date: Date, options?: Intl.DateTimeFormatOptions): string;
}

/** The quote's lines and sums in the language `t` translates into, formatted by `f`. */
export function quoteText(quote: Quote, t: TFunction<'clinic'>, f: QuoteFormats): QuoteText {
  const money = (amount: number) => f.money(amount, quote.currency);
  const hasDeposit = quote.deposit > 0;
  return {
    lines: quote.lines.map((line, index) => ({
      key: `${quote.model}-${index}`,
      label: t(`quote.lines.${quote.model}`),
      detail: t(`quote.detail.${quote.model}`, { quantity: t(`quote.quantity.${quote.model}`, { count: line.quantity }), price: money(line.unitPrice) }),
      amount: money(line.amount),
    })),
    total: money(quote.total),
    deposit: hasDeposit ? money(quote.deposit) : null,
    balance: hasDeposit ? money(quote.balance) : null,
    // A calendar day with no time of its own: read and written in UTC so no time zone moves it.
    validUntil: f.date(new Date(`${quote.validUntil}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' }),
    empty: quote.lines.every((line) => line.quantity === 0) ? t('quote.empty') : null,
  };
}
