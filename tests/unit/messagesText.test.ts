/**
 * The `messages` catalogue: what the scan import, plan files, links and saved plans tell the user, in every
 * language. Each key the code can produce exists everywhere and is written with all its values; the
 * errors keep their English API wording, and the interface writes their Messages in the chosen language.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LANGUAGES, type Message } from '../../src/domain/languages';
import { PlanError } from '../../src/domain/schema';
import { scaleFromMeasurement } from '../../src/domain/scan/align';
import { textOf } from '../../src/domain/textError';
import { readPlanFile } from '../../src/io/planFile';
import { readLinkHash } from '../../src/io/planLink';
import { parseScan } from '../../src/io/scan/parseScan';
import { ScanTooLargeError } from '../../src/io/scan/scanReader';
import { i18n } from '../../src/ui/i18n';
import { startEveryLanguage } from '../support/everyLanguage';
import { messages } from '../../src/ui/i18n/locales/en/messages';
import { messageText } from '../../src/ui/i18n/messageText';
import { catalogueStrings } from '../support/catalogueStrings';

const write = (language: string, text: Message) => messageText(i18n.getFixedT(language), text);
const bytes = (text: string) => new TextEncoder().encode(text);

const ENGLISH = catalogueStrings(messages);

/** A value for each of an English text's placeholders: a number where it is formatted as one. */
function sampleParams(text: string): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [, name, format] of text.matchAll(/\{\{\s*(\w+)\s*(?:,\s*(\w+))?[^}]*\}\}/g)) params[name!] = format === 'number' ? 1234 : `‹${name}›`;
  return params;
}

/** The `messages:` keys the source names (a key built at run time, `scan.align.implausible.${kind}`, by its stem). */
function keysInSource(): string[] {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
  const patterns = [
    [/\bmessage\(\s*[`']([\w.${}]+)[`']/g, ''],
    [/new ScanFileError\(\s*'(\w+)'/g, 'scan.file.'],
    [/warnings\.add\(\s*'(\w+)'/g, 'scan.warnings.'],
    [/new PlanError\([^;]*?,\s*'(\w+)'\s*[,)]/g, 'plan.'],
    [/'messages:([\w.]+)'/g, ''],
  ] as const;
  const keys = new Set<string>();
  for (const file of files('src').filter((f) => /\.tsx?$/.test(f) && !f.includes('locales'))) {
    const source = readFileSync(file, 'utf8');
    for (const [pattern, prefix] of patterns) for (const [, key] of source.matchAll(pattern)) keys.add(prefix + key!);
  }
  return [...keys];
}

describe('messages in every language', () => {
  beforeAll(async () => {
    // The app's own i18next set-up; it names the page's language, which Node lacks.
    vi.stubGlobal('document', { documentElement: { lang: '' } });
    await startEveryLanguage();
  });

  it('has every key the code produces', () => {
    const produced = keysInSource();
    expect(produced.length).toBeGreaterThan(60);
    for (const key of produced) {
      const stem = key.replace(/\.?\$\{\w+\}.*$/, '');
      const found = [...ENGLISH.keys()].some((k) => k === stem || (stem !== key && k.startsWith(`${stem}.`)));
      expect(found, key).toBe(true);
    }
  });

  for (const [key, english] of ENGLISH) {
    it(`${key}: written in each language with all its values`, () => {
      const params = sampleParams(english);
      for (const language of LANGUAGES) {
        const text = write(language, { key: `messages:${key}`, params });
        expect(text, language).not.toMatch(/\{\{|\}\}|messages:|^scan\.|^plan/);
        for (const [name, value] of Object.entries(params)) {
          if (typeof value === 'string') expect(text, `${language}: ${name}`).toContain(value);
          else expect(text, `${language}: ${name}`).toMatch(/1[.,\s\u00a0\u202f]?234/);
        }
      }
    });
  }
});

describe('errors worded twice', () => {
  beforeAll(async () => {
    vi.stubGlobal('document', { documentElement: { lang: '' } });
    await startEveryLanguage();
  });

  const caught = (act: () => unknown): Error => {
    try {
      act();
    } catch (error) {
      return error as Error;
    }
    throw new Error('expected a refusal');
  };

  /** Refusals whose English in the interface is the API's wording, word for word. */
  const SAME_IN_ENGLISH: Record<string, () => Error> = {
    notJson: () => caught(() => readPlanFile('{ not json')),
    notAPlan: () => caught(() => readPlanFile('{"type":"FeatureCollection"}')),
    newerPlan: () => caught(() => readPlanFile(JSON.stringify({ format: 'smp-simulator-plan', formatVersion: 1, plan: { version: 99 } }))),
    noPlan: () => caught(() => readPlanFile(JSON.stringify({ format: 'smp-simulator-plan', formatVersion: 1 }))),
    emptyScan: () => caught(() => parseScan([{ name: 'head.ply', bytes: new Uint8Array() }])),
    unsupportedScan: () => caught(() => parseScan([{ name: 'head.fbx', bytes: bytes('x') }])),
    notPly: () => caught(() => parseScan([{ name: 'head.ply', bytes: bytes('solid head\n') }])),
    pointCloud: () => caught(() => parseScan([{ name: 'head.ply', bytes: bytes('ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\nproperty float z\nend_header\n0 0 0\n') }])),
    damagedObj: () => caught(() => parseScan([{ name: 'head.obj', bytes: bytes('v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 9\n') }])),
    implausible: () => caught(() => scaleFromMeasurement(new Float32Array(9), new Uint32Array(3), { glabella: [0, 0, 1], leftTragus: [1, 0, 0], rightTragus: [-1, 0, 0] }, { kind: 'circumference', mm: 5 })),
    tooLarge: () => new ScanTooLargeError(2_000_000),
  };

  for (const [name, make] of Object.entries(SAME_IN_ENGLISH)) {
    it(`${name}: the interface's English is the error's, and every other language differs`, () => {
      const error = make();
      const text = textOf(error);
      expect(text, error.message).toBeDefined();
      expect(write('en', text!)).toBe(error.message);
      for (const language of LANGUAGES.filter((l) => l !== 'en')) expect(write(language, text!), language).not.toBe(error.message);
    });
  }

  it('gives a scan warning as a Message beside its English', () => {
    const obj = 'mtllib head.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n';
    const { warnings, warningTexts } = parseScan([{ name: 'head.obj', bytes: bytes(obj) }]);
    expect(warningTexts).toHaveLength(1);
    expect(write('en', warningTexts[0]!)).toBe(warnings[0]);
    expect(write('de', warningTexts[0]!)).toBe('Die Materialdatei "head.mtl" der OBJ-Datei war nicht unter den abgelegten Dateien. Legen Sie sie zusammen mit der .obj-Datei ab, um die Textur des Scans zu sehen.');
  });

  it("writes a refused plan file's reason in German, naming the field by its German label", () => {
    const error = caught(() => readPlanFile(JSON.stringify({ version: 3, dots: { diameterMm: 9 } })));
    expect(error).toBeInstanceOf(PlanError);
    expect(error.message).toBe('Invalid plan: dots.diameterMm must be between 0.25 and 1.75 mm (got 9)');
    const reason = textOf(error)!;
    expect(write('de', reason)).toBe('Ungültiger Plan: „Punktgröße“ muss zwischen 0,25 und 1,75 mm liegen (erhalten: 9).');
    // Inside the notice's sentence, as the plan drop shows it.
    const notice: Message = { key: 'plans:notice.openFailed', params: { fileName: 'kunde.smp.json', reason } };
    expect(write('de', notice)).toContain('Ungültiger Plan: „Punktgröße“ muss zwischen 0,25 und 1,75 mm liegen');
    expect(write('de', notice)).toContain('kunde.smp.json');
    expect(write('en', notice)).toContain('Invalid plan: “Dot size” must be between 0.25 and 1.75 mm (got 9).');
  });

  it("writes a refused link's reason in each language", () => {
    const link = readLinkHash('#plan=%%%');
    expect(link.planError).toMatch(/^The link is damaged/);
    expect(write('en', link.planErrorText!)).toBe(link.planError);
    expect(write('tr', link.planErrorText!)).toMatch(/^Bağlantı hasarlı/);
    expect(write('es', { key: 'app:notices.linkRefused.kept', params: { reason: link.planErrorText! } })).toMatch(/El enlace está dañado/);
  });
});
