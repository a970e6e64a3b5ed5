/**
 * The shape of the interface's text. English is the source; each other language is a `Translation` of it,
 * so a key missing from (or added only to) a language fails the type check, not a user's screen.
 */
import type { en } from './locales/en';

/** The same keys as `T`, every leaf a string. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

export type Catalogue = Translation<typeof en>;
export type Namespace = keyof Catalogue;
