/**
 * The clinic profile's errors in the interface's languages: each one the Clinic dialog can show is a
 * ClinicError whose catalogue text reads, in English, exactly as its message (the page API's error).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { blankClinicProfile, ClinicError, clinicFileTooLarge, logoProblem, logoTooLarge, MAX_LOGO_BYTES, parseClinicProfile, readClinicFile } from '../../src/domain/clinic';
import { LANGUAGES } from '../../src/domain/languages';
import { i18n } from '../../src/ui/i18n';
import { startEveryLanguage } from '../support/everyLanguage';
import { clinicErrorText } from '../../src/ui/clinicErrorText';

const good = { ...blankClinicProfile(), name: 'Bright Line', price: { model: 'session', amount: 450, currency: 'EUR', deposit: 0 } };
const file = (profile: unknown, changes: object = {}) => JSON.stringify({ format: 'smp-simulator-clinic', formatVersion: 1, exportedAt: '2026-12-04T00:00:00Z', profile, ...changes });

/** The error `action` throws, which must be a ClinicError. */
function thrown(action: () => unknown): ClinicError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ClinicError);
    return error as ClinicError;
  }
  throw new Error('nothing was thrown');
}

const ERRORS: Record<string, () => ClinicError> = {
  notText: () => thrown(() => parseClinicProfile({ ...good, address: 3 })),
  tooLong: () => thrown(() => parseClinicProfile({ ...good, name: 'x'.repeat(121) })),
  required: () => thrown(() => parseClinicProfile({ ...good, name: '  ' })),
  notAmount: () => thrown(() => parseClinicProfile({ ...good, price: { ...good.price, amount: Number.NaN } })),
  unknownField: () => thrown(() => parseClinicProfile({ ...good, colour: 'red' })),
  wrongVersion: () => thrown(() => parseClinicProfile({ ...good, version: 0 })),
  logoNotUrl: () => thrown(() => parseClinicProfile({ ...good, logo: 5 })),
  logoUnusable: () => thrown(() => parseClinicProfile({ ...good, logo: 'data:image/gif;base64,R0lG' })),
  colorsNotObject: () => thrown(() => parseClinicProfile({ ...good, colors: 'blue' })),
  notColor: () => thrown(() => parseClinicProfile({ ...good, colors: { primary: 'navy', accent: '#ffffff' } })),
  priceNotObject: () => thrown(() => parseClinicProfile({ ...good, price: 450 })),
  notModel: () => thrown(() => parseClinicProfile({ ...good, price: { ...good.price, model: 'visit' } })),
  notCurrency: () => thrown(() => parseClinicProfile({ ...good, price: { ...good.price, currency: 'EURO' } })),
  notValidity: () => thrown(() => parseClinicProfile({ ...good, validityDays: 400 })),
  notProfile: () => thrown(() => parseClinicProfile([])),
  newerProfile: () => thrown(() => parseClinicProfile({ ...good, version: 9 })),
  logoEmpty: () => logoProblem('data:image/png;base64,')!,
  logoTooLarge: () => logoTooLarge(MAX_LOGO_BYTES + 5000),
  fileTooLarge: () => clinicFileTooLarge(),
  notJson: () => thrown(() => readClinicFile('{')),
  notClinicFile: () => thrown(() => readClinicFile('{"format":"other"}')),
  newerFile: () => thrown(() => readClinicFile(file(good, { formatVersion: 5 }))),
  wrongFormatVersion: () => thrown(() => readClinicFile(file(good, { formatVersion: '1' }))),
  damagedFile: () => thrown(() => readClinicFile(file({ ...good, price: { ...good.price, currency: 'XX' } }))),
};

describe('clinic profile errors in every language', () => {
  beforeAll(async () => {
    // The app's own i18next set-up; it names the page's language, which Node lacks.
    vi.stubGlobal('document', { documentElement: { lang: '' } });
    await startEveryLanguage();
  });

  for (const [key, make] of Object.entries(ERRORS)) {
    it(`${key}: says in English exactly what the error says, and in each language all its values`, () => {
      const error = make();
      expect(error.text.key).toBe(`clinic:errors.${key}`);
      expect(clinicErrorText(error, i18n.getFixedT('en', 'clinic'))).toBe(error.message);
      for (const language of LANGUAGES.filter((l) => l !== 'en')) {
        const text = clinicErrorText(error, i18n.getFixedT(language, 'clinic'));
        expect(text, language).not.toBe(error.message);
        expect(text, language).not.toMatch(/\{\{|\}\}|fields\.|errors\./);
        for (const value of Object.values(error.text.params ?? {})) expect(text, `${language}: ${value}`).toContain(String(value));
      }
    });
  }

  it('names the field in the chosen language', () => {
    const error = ERRORS.notAmount!();
    expect(clinicErrorText(error, i18n.getFixedT('de', 'clinic'))).toBe('Praxisprofil: Preis (price.amount) muss eine Zahl von 0 bis 1000000000 sein (erhalten: NaN)');
    expect(clinicErrorText(ERRORS.damagedFile!(), i18n.getFixedT('es', 'clinic'))).toMatch(
      /^Este archivo de clínica está dañado\. Perfil de la clínica: Moneda \(price\.currency\) debe ser un código de moneda ISO 4217/,
    );
  });
});
