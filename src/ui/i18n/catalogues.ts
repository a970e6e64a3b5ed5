/**
 * Every language's catalogue at once, for the tests and tools that read them all. The app itself never
 * imports this module: it bundles English and loads another language when it is chosen (./index.ts).
 */
import type { Language } from '../../domain/languages';
import type { Catalogue } from './catalogue';
import { de } from './locales/de';
import { en } from './locales/en';
import { es } from './locales/es';
import { tr } from './locales/tr';

export const CATALOGUES: Record<Language, Catalogue> = { en, es, de, tr };
