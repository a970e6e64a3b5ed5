/**
 * The interface in every language: switched to Spanish, German or Turkish, no text a person reads (on any
 * step, in Help or in the first-run guide) is still the English of a catalogue string that language
 * translates; and the language picker's choice sets the page's `lang` and is remembered across a reload.
 * openApp checks each start draws into a real WebGL2 context.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEPS } from '../../src/domain/consultation';
import type { Language } from '../../src/domain/languages';
import { CATALOGUES } from '../../src/ui/i18n/catalogues';
import { openApp, showStep, UI_PIXEL_RATIO, waitForReady, type AppPage } from './harness';
import { catalogueStrings } from '../support/catalogueStrings';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A catalogue string as a pattern of the whole text it is on screen, a `{{value}}` matching any text; null
 * when fewer than two words are its own (`Monk {{tone}}` would match any text that starts with the name).
 */
function onScreen(text: string): RegExp | null {
  const parts = text.split(/\{\{[^}]*\}\}/);
  if (parts.length > 1 && (parts.join(' ').match(/\p{L}{2,}/gu) ?? []).length < 2) return null;
  return new RegExp(`^${parts.map(escape).join('.+')}$`, 's');
}

/**
 * The English strings `language` translates differently, as patterns of what they are on screen, and a test
 * of whether a text is that language's own (a translation, with its values filled in). Strings with markup
 * are rendered in pieces and left out.
 */
function englishLeftovers(language: Language) {
  const english = catalogueStrings(CATALOGUES.en);
  const translated = catalogueStrings(CATALOGUES[language]);
  // A text that is this language's own word for something (German "Tab", Spanish "Normal"), or one of its
  // strings with values filled in ("Monk tonu 3" for "Monk {{tone}}"), is not English left over.
  const own = new Set(translated.values());
  const ownPatterns = [...own].flatMap((text) => onScreen(text) ?? []);
  const isOwn = (text: string) => own.has(text) || ownPatterns.some((pattern) => pattern.test(text));
  const leftovers: { key: string; pattern: RegExp }[] = [];
  for (const [key, source] of english) {
    if (translated.get(key) === source || own.has(source) || /<\/?\w+>/.test(source)) continue;
    const pattern = onScreen(source);
    if (pattern) leftovers.push({ key, pattern });
  }
  return { leftovers, isOwn };
}

/** The text a person reads or hears on the page now: visible text, and the labels, hints and alternative text of visible elements. */
async function readableText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = new Set<string>();
    const visible = (element: Element | null) => !!element && element.checkVisibility({ visibilityProperty: true, opacityProperty: false });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      const parent = node.parentElement;
      // An option of a visible select is read when the list opens; its own box is never "visible".
      const shown = parent?.closest('option') ? visible(parent.closest('select')) : visible(parent) || parent?.closest('.visually-hidden');
      if (text && shown) texts.add(text);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-valuetext], [aria-description]')) {
      if (!visible(element) && !element.closest('.visually-hidden')) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext', 'aria-description']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.add(value);
      }
    }
    return [...texts];
  });
}

/** Every text read on every step, in Help and in the first page of the guide, with where it was seen. */
async function textEverywhere(page: Page): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const collect = async (where: string) => {
    for (const text of await readableText(page)) if (!seen.has(text)) seen.set(text, where);
  };
  for (const step of STEPS) {
    await showStep(page, step.id);
    await collect(`step ${step.id}`);
  }
  await page.getByTestId('help-button').click();
  await page.getByTestId('help-dialog').waitFor({ state: 'visible' });
  await collect('Help');
  await page.getByTestId('replay-guide').click();
  await page.getByTestId('guide').waitFor({ state: 'visible' });
  await collect('guide, page 1');
  await page.getByTestId('guide-next').click();
  await collect('guide, page 2');
  await page.getByTestId('guide-skip').click();
  await page.getByTestId('guide').waitFor({ state: 'hidden' });
  return seen;
}

// One page for every language: each test sets the language it looks at, and only text is read, so the view
// draws at a quarter of a pixel per CSS pixel.
describe('the interface in Spanish, German and Turkish', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp({ deviceScaleFactor: UI_PIXEL_RATIO });
  });
  afterAll(async () => {
    await app?.close();
  });

  for (const language of ['es', 'de', 'tr'] as const) {
    it(`shows no English text that ${language} translates, on any step or in Help`, async () => {
      await app.page.evaluate((lang) => window.smp!.setLanguage(lang), language);
      await expect.poll(() => app.page.evaluate(() => document.documentElement.lang)).toBe(language);
      const { leftovers, isOwn } = englishLeftovers(language);
      const found: string[] = [];
      for (const [text, where] of await textEverywhere(app.page)) {
        const match = isOwn(text) ? undefined : leftovers.find((l) => l.pattern.test(text));
        if (match) found.push(`${match.key} (${where}): ${JSON.stringify(text)}`);
      }
      expect(found, `English left in ${language}`).toEqual([]);
      expect(app.errors).toEqual([]);
    });
  }

  it('follows the language picker: the page’s lang changes, and the choice survives a reload', async () => {
    const { page } = app;
    const picker = page.getByTestId('language');
    for (const language of ['de', 'tr', 'es'] as const) {
      await picker.selectOption(language);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
      const help = await page.getByTestId('help-button').textContent();
      expect(help).toContain(CATALOGUES[language].help.button.label);
    }
    await page.reload();
    await waitForReady(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await picker.inputValue()).toBe('es');
    expect(await page.evaluate(() => window.smp!.getLanguage())).toBe('es');
    expect(await page.getByTestId('help-button').textContent()).toContain(CATALOGUES.es.help.button.label);
    expect(app.errors).toEqual([]);
  });
});
