/**
 * The interface's languages (i18next with react-i18next). English, the source and the fallback, is bundled
 * with the app (the text of the panels read when first opened in a chunk of its own, read right after
 * start); each other language is a chunk of its own, loaded when it is chosen (before the first render
 * when the app starts in it), so the first load carries one language's text, not four. The service worker
 * keeps every chunk, so any language can be chosen offline. Numbers, dates and money are formatted by the
 * browser's Intl for the chosen language (`{{value, number}}`, `{{date, datetime}}`,
 * `{{price, currency(EUR)}}` in a string, or `formatNumber` and friends below).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../domain/languages';
import type { Catalogue, Namespace } from './catalogue';
import type { en } from './locales/en';
import { app } from './locales/en/app';
import { head } from './locales/en/head';
import { help } from './locales/en/help';
import { messages } from './locales/en/messages';
import { panels } from './locales/en/panels';
import { plans } from './locales/en/plans';
import { warnings } from './locales/en/warnings';

/** The English text the first screen shows (the first-run guide and any notice included). */
const ENGLISH_AT_START = { app, head, help, messages, panels, plans, warnings };
/** Every namespace, said once each (tsc fails on one missing or unknown): those not at start are in locales/en/later.ts. */
const EVERY_NAMESPACE = {
  app: true, clinic: true, consent: true, head: true, help: true, messages: true, panels: true,
  photos: true, photoTools: true, plans: true, report: true, share: true, warnings: true,
} satisfies Record<Namespace, true>;
export const NAMESPACES = Object.keys(EVERY_NAMESPACE) as Namespace[];

/** The languages other than English, each read from its own chunk. */
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Catalogue>> = {
  es: () => import('./locales/es').then((m) => m.es),
  de: () => import('./locales/de').then((m) => m.de),
  tr: () => import('./locales/tr').then((m) => m.tr),
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    resources: typeof en;
  }
}

/** The i18next instance the interface translates with; `startI18n` readies it before the first render. */
export const i18n = i18next.createInstance();

/** Each language's catalogue being read (or read), so that its chunk is fetched once however often it is chosen. */
const reading = new Map<Language, Promise<Catalogue>>();

/** The rest of the English text, read once (started by `startI18n`); a failed read may be tried again. */
let englishLater: Promise<void> | null = null;
function loadEnglishLater(): Promise<void> {
  englishLater ??= import('./locales/en/later').then(
    (m) => {
      for (const [ns, text] of Object.entries(m.englishLater)) i18n.addResourceBundle('en', ns, text, true, true);
    },
    (error: unknown) => {
      englishLater = null;
      throw error;
    },
  );
  return englishLater;
}

/** Makes `language`'s text available to the instance (without switching to it). */
export function loadCatalogue(language: Language): Promise<void> {
  if (language === 'en') return loadEnglishLater();
  if (i18n.hasResourceBundle(language, 'app')) return Promise.resolve();
  let read = reading.get(language);
  if (!read) {
    read = LOADERS[language]();
    // A failed read (a network error before the app was ever cached) may be tried again on the next choice.
    read.catch(() => reading.delete(language));
    reading.set(language, read);
  }
  return read.then((catalogue) => {
    for (const ns of NAMESPACES) i18n.addResourceBundle(language, ns, catalogue[ns], true, true);
  });
}

/** The language last asked for: when two are chosen in quick succession, the later one wins. */
let wanted: Language = 'en';

/**
 * Readies the instance: at once in English, then in `language` once its text is read (the promise settles
 * then; main.tsx waits for it before the first render, so the first frame is already in the user's language).
 */
export function startI18n(language: Language): Promise<void> {
  void i18n.use(initReactI18next).init({
    lng: 'en',
    supportedLngs: [...LANGUAGES],
    fallbackLng: 'en',
    ns: NAMESPACES,
    defaultNS: 'app',
    resources: { en: ENGLISH_AT_START },
    // Bundled resources: ready at once.
    initAsync: false,
    // React escapes what it renders; escaping here too would show "&amp;" in names.
    interpolation: { escapeValue: false },
    // A panel drawn before the rest of the English arrived is drawn again with it.
    react: { useSuspense: false, bindI18nStore: 'added' },
  });
  document.documentElement.lang = 'en';
  // Not waited for: only panels opened later show it, and it is here long before.
  loadEnglishLater().catch((error: unknown) => console.warn('The English text of the panels could not be loaded:', error));
  return setLanguage(language);
}

/**
 * Switches the interface to `language`: at once when its text is already here, else once it is read. The
 * page's `lang` changes with the text. If the text cannot be read, the interface stays as it was.
 */
export function setLanguage(language: Language): Promise<void> {
  wanted = language;
  const apply = () => {
    if (wanted !== language || i18n.language === language) return;
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  };
  if (language === 'en' || i18n.hasResourceBundle(language, 'app')) {
    apply();
    return Promise.resolve();
  }
  return loadCatalogue(language).then(apply, (error: unknown) => console.warn(`The ${language} text could not be loaded:`, error));
}

/** A number as the chosen language writes it: `1,234.5` in English, `1.234,5` in German. */
export const formatNumber = (value: number, options?: Intl.NumberFormatOptions): string => new Intl.NumberFormat(i18n.language, options).format(value);

/** A date as the chosen language writes it (a long form by default: `4 December 2026`, `4 Aralık 2026`). */
export const formatDate = (date: Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string => new Intl.DateTimeFormat(i18n.language, options).format(date);

/** An amount of money in `currency` (ISO 4217) as the chosen language writes it: `€1,200.00`, `1.200,00 €`. */
export const formatMoney = (amount: number, currency: string): string => new Intl.NumberFormat(i18n.language, { style: 'currency', currency }).format(amount);
