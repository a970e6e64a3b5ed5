/**
 * The interface's languages (i18next with react-i18next). Every catalogue is bundled: the app makes no
 * request for text, works offline, and switches language in the same frame. Numbers, dates and money are
 * formatted by the browser's Intl for the chosen language (`{{value, number}}`, `{{date, datetime}}`,
 * `{{price, currency(EUR)}}` in a string, or `formatNumber` and friends below).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../domain/languages';
import type { Catalogue, Namespace } from './catalogue';
import { de } from './locales/de';
import { en } from './locales/en';
import { es } from './locales/es';
import { tr } from './locales/tr';

export const CATALOGUES: Record<Language, Catalogue> = { en, es, de, tr };
export const NAMESPACES = Object.keys(en) as Namespace[];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    resources: typeof en;
  }
}

/** The i18next instance the interface translates with; `startI18n` readies it before the first render. */
export const i18n = i18next.createInstance();

export function startI18n(language: Language): void {
  void i18n.use(initReactI18next).init({
    lng: language,
    supportedLngs: [...LANGUAGES],
    fallbackLng: 'en',
    ns: NAMESPACES,
    defaultNS: 'app',
    resources: CATALOGUES,
    // Bundled resources: ready at once, so the first frame is already in the user's language.
    initAsync: false,
    // React escapes what it renders; escaping here too would show "&amp;" in names.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  document.documentElement.lang = language;
}

export function setLanguage(language: Language): void {
  if (i18n.language === language) return;
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/** A number as the chosen language writes it: `1,234.5` in English, `1.234,5` in German. */
export const formatNumber = (value: number, options?: Intl.NumberFormatOptions): string => new Intl.NumberFormat(i18n.language, options).format(value);

/** A date as the chosen language writes it (a long form by default: `4 December 2026`, `4 Aralık 2026`). */
export const formatDate = (date: Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string => new Intl.DateTimeFormat(i18n.language, options).format(date);

/** An amount of money in `currency` (ISO 4217) as the chosen language writes it: `€1,200.00`, `1.200,00 €`. */
export const formatMoney = (amount: number, currency: string): string => new Intl.NumberFormat(i18n.language, { style: 'currency', currency }).format(amount);
