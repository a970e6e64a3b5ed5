import { describe, expect, it } from 'vitest';
import { LANGUAGES, matchLanguage } from '../../src/domain/languages';
import { CATALOGUES } from '../../src/ui/i18n/catalogues';
import { catalogueStrings } from '../support/catalogueStrings';

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]).sort();
const tags = (text: string) => [...text.matchAll(/<\/?(\w+)>/g)].map((m) => m[0]).sort();

/**
 * Strings that are the same word in a language as in English: names, abbreviations, units, numbers and
 * values alone (`{{day}} {{month}} {{year}}`, `≈ {{value}}`, `{{name}} ({{code}})`). Any other string equal
 * to its English source is an untranslated string.
 */
const SAME_IN_EVERY_LANGUAGE = /^(SMP|FUT|FUE|PDF|PNG|JSON|QR|mm|in|cm²|in²|OK|Ctrl|Tab|¾|Norwood \d+|Monk \d+|[\d\s.,:%–×·/+-]*|\{\{[\w., ()]+\}\}[\s\w²/%.:–·-]*|[\s≈(]*(?:\{\{[\w., ()]+\}\}[\s.,:–·/()-]*)+)$/;
const SAME_WORDS: Partial<Record<(typeof LANGUAGES)[number], RegExp>> = {
  de: /^(Name|Logo|Tablet|Design|Plan|Pläne|Export|Import|Start|Hairline|Vertex|Minimum|Maximum|Normal|Client|Stopp|Version|Blond)$/i,
  es: /^(Logo|Total|No|Normal|Vertex|Final|Mínimo|Máximo)$/i,
  tr: /^(Logo|Normal|Vertex|Tablet|Minimum|Maksimum)$/i,
};

describe('the interface in every language', () => {
  const english = catalogueStrings(CATALOGUES.en);

  it('has English text for every key', () => {
    expect(english.size).toBeGreaterThan(0);
    for (const [key, text] of english) expect(text.trim(), key).not.toBe('');
  });

  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    it(`translates every English string into ${language}, keeping its placeholders and markup`, () => {
      const translated = catalogueStrings(CATALOGUES[language]);
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      const untranslated: string[] = [];
      for (const [key, source] of english) {
        const text = translated.get(key)!;
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(text), `${language} ${key}: the same {{values}}`).toEqual(placeholders(source));
        expect(tags(text), `${language} ${key}: the same <tags>`).toEqual(tags(source));
        if (text === source && !SAME_IN_EVERY_LANGUAGE.test(source) && !SAME_WORDS[language]?.test(source)) untranslated.push(`${key}: ${source}`);
      }
      expect(untranslated, `strings left in English in ${language}`).toEqual([]);
    });
  }

  it('follows the browser: the first preferred language we speak, else English', () => {
    expect(matchLanguage(['de-AT', 'en'])).toBe('de');
    expect(matchLanguage(['fr-FR', 'tr'])).toBe('tr');
    expect(matchLanguage(['es_419'])).toBe('es');
    expect(matchLanguage(['fr', 'ja'])).toBe('en');
    expect(matchLanguage([])).toBe('en');
  });
});
