/**
 * The languages the interface and the report are written in. A display preference, like the units: plans
 * never hold text of the interface, so a plan made in Turkish opens the same in German.
 */
export const LANGUAGES = ['en', 'es', 'de', 'tr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language by its own name, as a person looking for it reads it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español', de: 'Deutsch', tr: 'Türkçe' };

export const isLanguage = (value: unknown): value is Language => (LANGUAGES as readonly unknown[]).includes(value);

/**
 * The first of the browser's preferred languages (BCP 47 tags such as `de-AT`, in order) that we speak,
 * matched by its primary subtag; English when none is.
 */
export function matchLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/**
 * Text the domain, the state or the I/O layer hands to the interface without knowing its language: a key of
 * the interface's catalogue and the values it names. The UI writes it in the chosen language. The key names
 * its namespace first (`app:notices.autosaveOff`, `plans:notices.opened`); without one it is in `app`.
 */
export interface Message {
  key: string;
  /** A value may itself be a Message (a reason inside a sentence), written in the same language. */
  params?: Record<string, string | number | Message>;
}
