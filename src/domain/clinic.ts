/**
 * The clinic's profile: who the clinic is (name, logo, address, contact, colours), how it prices SMP and its
 * default consent text. It belongs to the device, not to a plan, and never goes into a link: several tablets
 * of one clinic are set up alike by exporting it as a file (`.clinic.json`) and importing that file.
 *
 * `{ "format": "smp-simulator-clinic", "formatVersion": 1, "exportedAt": "<ISO time>", "profile": { ... } }`
 */
import { excerpt, fileNameSlug } from './format';
import type { Message } from './languages';
import { isHexColor, isPlainObject } from './schema';

export const CLINIC_PROFILE_VERSION = 1;
export const CLINIC_FILE_FORMAT = 'smp-simulator-clinic';
export const CLINIC_FILE_FORMAT_VERSION = 1;
export const CLINIC_FILE_EXTENSION = '.clinic.json';

/** How the clinic prices the treatment: per session, per hour in the chair, or per cm² treated. */
export const PRICE_MODELS = ['session', 'hour', 'area'] as const;
export type PriceModel = (typeof PRICE_MODELS)[number];

/** The unit each model prices, in English for the page API's quote (the interface words its own, by model). */
export const PRICE_MODEL_UNITS: Record<PriceModel, string> = { session: 'session', hour: 'hour', area: 'cm²' };

/** Logo types an `<img>` shows everywhere; an SVG drawn as an image runs no scripts. */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
/** A logo is printed a few cm wide: 256 KiB is plenty, and the profile stays small enough for local storage. */
export const MAX_LOGO_BYTES = 256 * 1024;
export const MAX_TEXT = { name: 120, address: 400, contact: 400, consentText: 20_000 } as const;
/** A price (or deposit) above this is a typing slip, whatever the currency. */
export const MAX_PRICE = 1e9;
export const MAX_VALIDITY_DAYS = 365;
export const DEFAULT_VALIDITY_DAYS = 30;

export interface ClinicPrice {
  model: PriceModel;
  /** Price of one unit (a session, an hour or a cm²), in `currency`. */
  amount: number;
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
  /** Paid when booking, in `currency`; 0: no deposit. */
  deposit: number;
}

export interface ClinicProfile {
  version: typeof CLINIC_PROFILE_VERSION;
  name: string;
  /** The logo as a `data:image/…;base64,` URL (PNG, JPEG or SVG), or null. */
  logo: string | null;
  address: string;
  /** Phone, e-mail, website: as the clinic writes them. */
  contact: string;
  /** Brand colours (`#rrggbb`): headings and rules of the report. */
  colors: { primary: string; accent: string };
  price: ClinicPrice;
  /** A quote holds for this many days from the day it is shown. */
  validityDays: number;
  /** The clinic's default consent text (kept for the consent step). */
  consentText: string;
}

/** A starting point for the form: the clinic fills in its name and prices (nothing is quoted before). */
export function blankClinicProfile(): ClinicProfile {
  return {
    version: CLINIC_PROFILE_VERSION,
    name: '',
    logo: null,
    address: '',
    contact: '',
    colors: { primary: '#1f3a5f', accent: '#c08a3e' },
    price: { model: 'session', amount: 0, currency: 'EUR', deposit: 0 },
    validityDays: DEFAULT_VALIDITY_DAYS,
    consentText: '',
  };
}

/** Digits after the decimal point in `currency` (EUR 2, JPY 0, KWD 3); throws RangeError on an unknown code. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Whether `code` is an ISO 4217 currency this browser knows. */
export function isCurrencyCode(code: unknown): code is string {
  if (typeof code !== 'string' || !/^[A-Z]{3}$/.test(code)) return false;
  const known = Intl.supportedValuesOf?.('currency');
  return known ? known.includes(code) : true;
}

/**
 * A clinic profile, logo or file that cannot be used. `message` is English (the page API's errors); `text`
 * says the same as a key of the interface's `clinic` catalogue (`errors.…`), which the Clinic dialog writes
 * in the chosen language, followed by its cause's text when the cause is a ClinicError too.
 */
export class ClinicError extends Error {
  constructor(
    readonly text: Message,
    message: string,
    options?: { cause: ClinicError },
  ) {
    super(message, options);
    this.name = 'ClinicError';
  }
}

/** A ClinicError with the catalogue's `errors.<key>` and its values, and the English `message`. */
export const clinicError = (key: string, params: Message['params'], message: string, cause?: ClinicError) =>
  new ClinicError({ key: `clinic:errors.${key}`, ...(params && { params }) }, message, cause && { cause });

/** Bytes held by a base64 text. */
const base64Bytes = (data: string) => Math.floor((data.length * 3) / 4) - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0);

const LOGO_URL = /^data:(image\/(?:png|jpeg|svg\+xml));base64,([A-Za-z0-9+/]*={0,2})$/;

/** Why a logo data URL cannot be used, or null when it can. */
export function logoProblem(logo: string): ClinicError | null {
  const match = LOGO_URL.exec(logo);
  if (!match) return clinicError('logoType', undefined, 'The logo must be a PNG, JPEG or SVG picture.');
  const bytes = base64Bytes(match[2]!);
  if (bytes === 0) return clinicError('logoEmpty', undefined, 'The logo picture is empty.');
  if (bytes > MAX_LOGO_BYTES) return logoTooLarge(bytes);
  return null;
}

export function logoTooLarge(bytes: number): ClinicError {
  const kib = (n: number) => Math.ceil(n / 1024);
  return clinicError('logoTooLarge', { size: kib(bytes), max: kib(MAX_LOGO_BYTES) }, `The logo is too large (${kib(bytes)} KB; at most ${kib(MAX_LOGO_BYTES)} KB). Save it smaller, or as SVG.`);
}

/** Each field as the Clinic dialog names it, for messages that both a person and a page's author can act on. */
export const CLINIC_FIELD_LABELS: Record<string, string> = {
  profile: 'The profile',
  version: 'Version',
  name: 'Clinic name',
  logo: 'Logo',
  address: 'Address',
  contact: 'Contact',
  colors: 'Colours',
  'colors.primary': 'Main colour',
  'colors.accent': 'Second colour',
  price: 'Price',
  'price.model': 'Price model',
  'price.amount': 'Price',
  'price.currency': 'Currency',
  'price.deposit': 'Deposit',
  validityDays: 'Quote valid for (days)',
  consentText: 'Consent text',
};

/**
 * Throws the error of a bad field: `detail` in English after the field's name, and the catalogue's
 * `errors.<key>` for the interface, which names the field by `field` (its path in the profile).
 */
const fail = (field: string, key: string, params: Record<string, string | number>, detail: string, cause?: ClinicError): never => {
  throw clinicError(key, { field, ...params }, `Clinic profile: ${CLINIC_FIELD_LABELS[field] ?? field} (${field}) ${detail}`, cause);
};

function text(value: unknown, field: keyof typeof MAX_TEXT, required = false): string {
  if (typeof value !== 'string') return fail(field, 'notText', { got: excerpt(value) }, `must be text (got ${excerpt(value)})`);
  if (value.length > MAX_TEXT[field]) return fail(field, 'tooLong', { length: value.length, max: MAX_TEXT[field] }, `is too long (${value.length} characters; at most ${MAX_TEXT[field]})`);
  if (required && !value.trim()) return fail(field, 'required', {}, 'is required: the clinic’s name as clients know it');
  return value;
}

function money(value: unknown, field: string, digits: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_PRICE) {
    return fail(field, 'notAmount', { max: MAX_PRICE, got: excerpt(value) }, `must be a number from 0 to ${MAX_PRICE} (got ${excerpt(value)})`);
  }
  const minor = 10 ** digits;
  // Prices are kept in the currency's minor unit: 12.345 EUR is 12.35 EUR.
  return Math.round(value * minor) / minor;
}

function only(value: Record<string, unknown>, field: string, known: readonly string[]): void {
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) fail(field, 'unknownField', { got: excerpt(unknown), known: known.join(', ') }, `has an unknown field ${excerpt(unknown)} (known: ${known.join(', ')})`);
}

/**
 * A clinic profile from untrusted data (a file, `window.smp`, storage). Throws an Error naming the first bad
 * field, in words; nothing is half-applied since the caller keeps its profile until this returns.
 */
export function parseClinicProfile(value: unknown): ClinicProfile {
  if (!isPlainObject(value)) throw clinicError('notProfile', { got: excerpt(value) }, `Clinic profile: expected an object with the clinic's name and prices (got ${excerpt(value)})`);
  const profile = value;
  if (typeof profile.version === 'number' && profile.version > CLINIC_PROFILE_VERSION) {
    throw clinicError(
      'newerProfile',
      { version: profile.version },
      `This clinic profile was made by a newer version of the SMP Simulator (profile version ${profile.version}); please update the simulator to use it.`,
    );
  }
  only(profile, 'profile', ['version', 'name', 'logo', 'address', 'contact', 'colors', 'price', 'validityDays', 'consentText']);
  if (profile.version !== undefined && profile.version !== CLINIC_PROFILE_VERSION) fail('version', 'wrongVersion', { version: CLINIC_PROFILE_VERSION, got: excerpt(profile.version) }, `must be ${CLINIC_PROFILE_VERSION} (got ${excerpt(profile.version)})`);
  const blank = blankClinicProfile();
  const logo = profile.logo ?? null;
  if (logo !== null) {
    if (typeof logo !== 'string') fail('logo', 'logoNotUrl', { got: excerpt(logo) }, `must be a data URL or null (got ${excerpt(logo)})`);
    const problem = logoProblem(logo as string);
    if (problem) fail('logo', 'logoUnusable', {}, `is not usable: ${problem.message}`, problem);
  }
  const colors = profile.colors ?? blank.colors;
  if (!isPlainObject(colors)) return fail('colors', 'colorsNotObject', { got: excerpt(colors) }, `must be { primary, accent } (got ${excerpt(colors)})`);
  only(colors, 'colors', ['primary', 'accent']);
  for (const key of ['primary', 'accent'] as const) {
    if (!isHexColor(colors[key])) fail(`colors.${key}`, 'notColor', { got: excerpt(colors[key]) }, `must be a colour such as #1f3a5f (got ${excerpt(colors[key])})`);
  }
  const price = profile.price;
  if (!isPlainObject(price)) return fail('price', 'priceNotObject', { got: excerpt(price) }, `must be { model, amount, currency, deposit } (got ${excerpt(price)})`);
  only(price, 'price', ['model', 'amount', 'currency', 'deposit']);
  if (!(PRICE_MODELS as readonly unknown[]).includes(price.model)) {
    fail('price.model', 'notModel', { models: PRICE_MODELS.join(', '), got: excerpt(price.model) }, `must be one of ${PRICE_MODELS.join(', ')} (got ${excerpt(price.model)})`);
  }
  if (!isCurrencyCode(price.currency)) {
    fail('price.currency', 'notCurrency', { got: excerpt(price.currency) }, `must be an ISO 4217 currency code such as EUR, USD or TRY (got ${excerpt(price.currency)})`);
  }
  const currency = price.currency as string;
  const digits = currencyDigits(currency);
  const validityDays = profile.validityDays ?? DEFAULT_VALIDITY_DAYS;
  if (!(Number.isInteger(validityDays) && (validityDays as number) >= 1 && (validityDays as number) <= MAX_VALIDITY_DAYS)) {
    fail('validityDays', 'notValidity', { max: MAX_VALIDITY_DAYS, got: excerpt(validityDays) }, `must be a whole number of days from 1 to ${MAX_VALIDITY_DAYS} (got ${excerpt(validityDays)})`);
  }
  return {
    version: CLINIC_PROFILE_VERSION,
    name: text(profile.name, 'name', true).trim(),
    logo: logo as string | null,
    address: text(profile.address ?? '', 'address'),
    contact: text(profile.contact ?? '', 'contact'),
    colors: { primary: (colors.primary as string).toLowerCase(), accent: (colors.accent as string).toLowerCase() },
    price: {
      model: price.model as PriceModel,
      amount: money(price.amount, 'price.amount', digits),
      currency,
      deposit: money(price.deposit ?? 0, 'price.deposit', digits),
    },
    validityDays: validityDays as number,
    consentText: text(profile.consentText ?? '', 'consentText'),
  };
}

export interface ClinicFile {
  format: typeof CLINIC_FILE_FORMAT;
  formatVersion: typeof CLINIC_FILE_FORMAT_VERSION;
  exportedAt: string;
  profile: ClinicProfile;
}

/** The text of a clinic file, indented: it is small, and a clinic may read it. */
export function writeClinicFile(profile: ClinicProfile, exportedAt: Date): string {
  const file: ClinicFile = { format: CLINIC_FILE_FORMAT, formatVersion: CLINIC_FILE_FORMAT_VERSION, exportedAt: exportedAt.toISOString(), profile };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The largest clinic file: the logo (base64 is 4/3 of its bytes) and the longest texts, with room to spare. */
export const MAX_CLINIC_FILE_BYTES = 2 * 1024 * 1024;

/** A file over `MAX_CLINIC_FILE_BYTES`, refused before it is read. */
export const clinicFileTooLarge = (): ClinicError =>
  clinicError('fileTooLarge', { max: MAX_CLINIC_FILE_BYTES / 1024 / 1024 }, `This file is too large to be a clinic profile (at most ${MAX_CLINIC_FILE_BYTES / 1024 / 1024} MB).`);

/** The profile in a clinic file's text; throws a ClinicError telling the user what is wrong with the file. */
export function readClinicFile(text: string): ClinicProfile {
  if (text.length > MAX_CLINIC_FILE_BYTES) throw clinicFileTooLarge();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw clinicError('notJson', undefined, 'This file is not an SMP Simulator clinic profile: it is not JSON text.');
  }
  if (!isPlainObject(json) || json.format !== CLINIC_FILE_FORMAT) throw clinicError('notClinicFile', undefined, 'This file is not an SMP Simulator clinic profile: it holds other data.');
  const { formatVersion } = json;
  if (typeof formatVersion === 'number' && formatVersion > CLINIC_FILE_FORMAT_VERSION) {
    throw clinicError(
      'newerFile',
      { version: formatVersion },
      `This clinic file was saved by a newer version of the SMP Simulator (file format ${formatVersion}); please update the simulator to open it.`,
    );
  }
  if (formatVersion !== CLINIC_FILE_FORMAT_VERSION) {
    throw clinicError('wrongFormatVersion', { version: CLINIC_FILE_FORMAT_VERSION }, `This clinic file is damaged: its formatVersion must be ${CLINIC_FILE_FORMAT_VERSION}.`);
  }
  try {
    return parseClinicProfile(json.profile);
  } catch (error) {
    if (!(error instanceof ClinicError)) throw error;
    throw clinicError('damagedFile', undefined, `This clinic file is damaged. ${error.message}`, error);
  }
}

/** `bright-smile-clinic.clinic.json`, from the clinic's name. */
export function clinicFileName(profile: ClinicProfile): string {
  return `${fileNameSlug(profile.name) || 'clinic'}${CLINIC_FILE_EXTENSION}`;
}
