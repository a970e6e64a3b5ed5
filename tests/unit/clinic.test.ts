import { describe, expect, it } from 'vitest';
import {
  blankClinicProfile,
  clinicFileName,
  currencyDigits,
  MAX_LOGO_BYTES,
  parseClinicProfile,
  readClinicFile,
  writeClinicFile,
  type ClinicProfile,
} from '../../src/domain/clinic';

/** A 1×1 PNG. */
const PNG_LOGO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const profile = (changes: Partial<ClinicProfile> = {}): ClinicProfile => ({
  ...blankClinicProfile(),
  name: 'Bright Line Clinic',
  logo: PNG_LOGO,
  address: '1 High Street, Leeds',
  contact: '+44 113 000 0000 · hello@brightline.example',
  price: { model: 'session', amount: 450, currency: 'GBP', deposit: 100 },
  consentText: 'I agree to the treatment.',
  ...changes,
});

describe('clinic profile validation', () => {
  it('accepts a full profile as it is, and fills what a minimal one leaves out', () => {
    expect(parseClinicProfile(profile())).toEqual(profile());
    const minimal = parseClinicProfile({ name: ' Ink Studio ', price: { model: 'hour', amount: 80, currency: 'EUR' } });
    expect(minimal).toEqual({ ...blankClinicProfile(), name: 'Ink Studio', price: { model: 'hour', amount: 80, currency: 'EUR', deposit: 0 } });
  });

  it('takes a PNG, JPEG or SVG logo as a base64 data URL', () => {
    const svg = `data:image/svg+xml;base64,${btoa('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')}`;
    expect(parseClinicProfile(profile({ logo: svg })).logo).toBe(svg);
    expect(parseClinicProfile(profile({ logo: 'data:image/jpeg;base64,/9j/4AAQ' })).logo).toBe('data:image/jpeg;base64,/9j/4AAQ');
    expect(parseClinicProfile(profile({ logo: null })).logo).toBeNull();
  });

  it('keeps prices in the currency’s minor unit', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
    expect(parseClinicProfile(profile({ price: { model: 'area', amount: 2.345, currency: 'EUR', deposit: 10.005 } })).price).toEqual({ model: 'area', amount: 2.35, currency: 'EUR', deposit: 10.01 });
    expect(parseClinicProfile(profile({ price: { model: 'session', amount: 45_000.4, currency: 'JPY', deposit: 0 } })).price.amount).toBe(45_000);
  });

  it.each([
    [{ name: '   ' }, /Clinic name \(name\) is required/],
    [{ name: 42 }, /\(name\) must be text/],
    [{ colors: { primary: 'blue', accent: '#ffffff' } }, /Main colour \(colors\.primary\) must be a colour/],
    [{ price: { model: 'per-visit', amount: 1, currency: 'EUR', deposit: 0 } }, /Price model \(price\.model\) must be one of session, hour, area/],
    [{ price: { model: 'session', amount: 1, currency: 'euro', deposit: 0 } }, /Currency \(price\.currency\) must be an ISO 4217 currency code/],
    [{ price: { model: 'session', amount: 1, currency: 'XYZ', deposit: 0 } }, /price\.currency/],
    [{ price: { model: 'session', amount: -5, currency: 'EUR', deposit: 0 } }, /Price \(price\.amount\) must be a number from 0/],
    [{ price: { model: 'session', amount: 5, currency: 'EUR', deposit: Number.NaN } }, /Deposit \(price\.deposit\) must be a number/],
    [{ validityDays: 0 }, /\(validityDays\) must be a whole number of days from 1 to 365/],
    [{ validityDays: 7.5 }, /validityDays/],
    [{ logo: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }, /Logo \(logo\) is not usable: The logo must be a PNG, JPEG or SVG picture/],
    [{ logo: 'https://example.com/logo.png' }, /Logo \(logo\) is not usable/],
    [{ logo: `data:image/png;base64,${'A'.repeat(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 8)}` }, /The logo is too large \(\d+ KB; at most 256 KB\)/],
    [{ consentText: 'x'.repeat(20_001) }, /Consent text \(consentText\) is too long/],
  ])('refuses bad value %# with a message naming the field', (changes, message) => {
    expect(() => parseClinicProfile({ ...profile(), ...changes })).toThrow(message);
  });

  it('refuses unknown fields (a typo) and a newer profile version', () => {
    expect(() => parseClinicProfile({ ...profile(), colour: '#000000' })).toThrow(/unknown field "colour"/);
    expect(() => parseClinicProfile({ ...profile(), version: 2 })).toThrow(/newer version of the SMP Simulator/);
    expect(() => parseClinicProfile('Bright Line')).toThrow(/expected an object/);
  });
});

describe('clinic files', () => {
  it('round-trips a profile through its file', () => {
    const text = writeClinicFile(profile(), new Date('2026-12-04T10:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({ format: 'smp-simulator-clinic', formatVersion: 1, exportedAt: '2026-12-04T10:00:00.000Z' });
    expect(readClinicFile(text)).toEqual(profile());
    expect(clinicFileName(profile({ name: 'Clínica Ñandú & Co' }))).toBe('clinica-nandu-co.clinic.json');
    expect(clinicFileName(profile({ name: '!!!' }))).toBe('clinic.clinic.json');
  });

  it('says what is wrong with a file that is not a clinic profile', () => {
    const good = JSON.parse(writeClinicFile(profile(), new Date())) as Record<string, unknown>;
    expect(() => readClinicFile(' '.repeat(3 * 1024 * 1024))).toThrow(/too large to be a clinic profile \(at most 2 MB\)/);
    expect(() => readClinicFile('{ not json')).toThrow('This file is not an SMP Simulator clinic profile: it is not JSON text.');
    expect(() => readClinicFile(JSON.stringify({ format: 'smp-simulator-plan', formatVersion: 1 }))).toThrow(/holds other data/);
    expect(() => readClinicFile(JSON.stringify({ ...good, formatVersion: 3 }))).toThrow(/newer version of the SMP Simulator \(file format 3\)/);
    expect(() => readClinicFile(JSON.stringify({ ...good, formatVersion: '1' }))).toThrow(/damaged: its formatVersion must be 1/);
    expect(() => readClinicFile(JSON.stringify({ ...good, profile: { ...profile(), validityDays: -1 } }))).toThrow(
      /This clinic file is damaged\. Clinic profile: Quote valid for \(days\) \(validityDays\) must be/,
    );
  });
});
