/**
 * The client's consent to SMP and health intake, kept with the plan as personal data (never in a link).
 *
 * A consent is versioned: `current` is the version on screen, a draft the practitioner and client fill in
 * (health answers, notes, both signatures) until it is signed; then it is read-only. A later change makes a
 * new version (`newConsentVersion`): the signed one moves to `history` unchanged, and the new draft starts
 * from its answers. The signed text is stored word for word, in the language it was shown in.
 */
import { LANGUAGES, type Language } from './languages';
import { PlanError, type ListField, type NumberField, type ObjectField, type TextField } from './schema';

/** The health questions, in the order they are asked (the clinical reasons are in `HEALTH_WARNINGS`). */
export const HEALTH_QUESTIONS = ['keloids', 'anticoagulants', 'isotretinoin', 'pigmentAllergy', 'anaestheticAllergy', 'scalpConditions', 'sunExposure'] as const;
export type HealthQuestion = (typeof HEALTH_QUESTIONS)[number];

export const ANSWERS = ['unanswered', 'yes', 'no', 'unsure'] as const;
export type Answer = (typeof ANSWERS)[number];

export const SIGNER_ROLES = ['client', 'practitioner'] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];

export interface HealthAnswer {
  answer: Answer;
  /** What the client adds (which medicine, since when, which allergy). */
  details: string;
}

export interface Signature {
  /** The signer's name, as typed beside the signature. */
  name: string;
  /** The drawn signature as a `data:image/png;base64,` URL; empty until drawn. */
  image: string;
  /** When it was drawn (ISO 8601, UTC); empty until drawn. */
  signedAt: string;
}

export interface ConsentVersion {
  /** 1, 2, 3 …: each change after signing makes the next. */
  version: number;
  /** The consent text as signed; empty in a draft (the clinic's current text is shown). */
  text: string;
  /** The language the text was shown in when signed. */
  language: Language;
  answers: Record<HealthQuestion, HealthAnswer>;
  /** Other health notes (medicines, conditions, anything the practitioner should know). */
  notes: string;
  client: Signature;
  practitioner: Signature;
  /** When the version was signed (ISO 8601, UTC); empty while it is a draft. */
  signedAt: string;
}

export interface Consent {
  current: ConsentVersion;
  /** Earlier signed versions, oldest first. */
  history: ConsentVersion[];
}

/**
 * Longest signature picture kept (characters of its data URL, about 75 KB of PNG): a signature exported at
 * SIGNATURE_EXPORT_PX is 5–30 KB; the bound keeps a plan with every version well under a plan file's 5 MB.
 */
export const MAX_SIGNATURE_CHARS = 100_000;
/** The size (px) a signature is kept at: sharp when printed a few centimetres wide. */
export const SIGNATURE_EXPORT_PX = { width: 600, height: 200 } as const;
/** Earlier versions a plan keeps; a change beyond them needs a new plan (signed records are never dropped). */
export const MAX_CONSENT_HISTORY = 10;
export const MAX_CONSENT_TEXT = 20_000;
export const MAX_ANSWER_DETAILS = 500;
export const MAX_CONSENT_NOTES = 2000;
export const MAX_SIGNER_NAME = 120;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

export const isPngDataUrl = (value: string): boolean => PNG_DATA_URL.test(value);

const text = (f: Omit<TextField, 'kind'>): TextField => ({ kind: 'text', ...f });
const time = (label: string): TextField =>
  text({ default: '', maxLength: 30, label, pattern: { regex: ISO_TIME, description: 'a time like "2026-12-04T21:30:00.000Z"', valid: (t) => !Number.isNaN(Date.parse(t)) } });

const SIGNATURE_FIELD: ObjectField = {
  kind: 'object',
  fields: {
    name: text({ default: '', maxLength: MAX_SIGNER_NAME, label: 'Signer name' }),
    image: text({ default: '', maxLength: MAX_SIGNATURE_CHARS, label: 'Signature', pattern: { regex: PNG_DATA_URL, description: 'a PNG picture as a data URL ("data:image/png;base64,…")' } }),
    signedAt: time('Signature time'),
  },
};

const ANSWER_FIELD: ObjectField = {
  kind: 'object',
  fields: {
    answer: { kind: 'enum', default: 'unanswered', values: ANSWERS, label: 'Answer' },
    details: text({ default: '', maxLength: MAX_ANSWER_DETAILS, label: 'Details' }),
  },
};

export const CONSENT_VERSION_FIELD: ObjectField = {
  kind: 'object',
  fields: {
    version: { kind: 'number', default: 1, min: 1, max: 999, step: 1, unit: '', label: 'Consent version', integer: true } satisfies NumberField,
    text: text({ default: '', maxLength: MAX_CONSENT_TEXT, label: 'Consent text' }),
    language: { kind: 'enum', default: 'en', values: LANGUAGES, label: 'Consent language' },
    answers: { kind: 'object', fields: Object.fromEntries(HEALTH_QUESTIONS.map((q) => [q, ANSWER_FIELD])) },
    notes: text({ default: '', maxLength: MAX_CONSENT_NOTES, label: 'Health notes' }),
    client: SIGNATURE_FIELD,
    practitioner: SIGNATURE_FIELD,
    signedAt: time('Consent signed'),
  },
};

export const CONSENT_FIELD: ObjectField = {
  kind: 'object',
  fields: {
    current: CONSENT_VERSION_FIELD,
    history: { kind: 'list', of: CONSENT_VERSION_FIELD, minItems: 0, maxItems: MAX_CONSENT_HISTORY, default: () => [], label: 'Earlier consent versions' } satisfies ListField,
  },
};

export const isSigned = (version: ConsentVersion): boolean => version.signedAt !== '';

/** What a draft still needs before it can be signed, in order; empty: it can be signed. */
export type SigningGap = { kind: 'answers'; questions: HealthQuestion[] } | { kind: 'name' | 'signature'; role: SignerRole };

export function signingGaps(version: ConsentVersion): SigningGap[] {
  const gaps: SigningGap[] = [];
  const unanswered = HEALTH_QUESTIONS.filter((q) => version.answers[q].answer === 'unanswered');
  if (unanswered.length) gaps.push({ kind: 'answers', questions: unanswered });
  for (const role of SIGNER_ROLES) {
    if (!version[role].name.trim()) gaps.push({ kind: 'name', role });
    if (!version[role].image) gaps.push({ kind: 'signature', role });
  }
  return gaps;
}

const ROLE_WORDS: Record<SignerRole, string> = { client: 'the client', practitioner: 'the practitioner' };

/** A gap in words, for messages to a page's author (the interface writes them in its own language). */
export function describeGap(gap: SigningGap): string {
  if (gap.kind === 'answers') return `${gap.questions.length} health question${gap.questions.length === 1 ? ' is' : 's are'} not answered (${gap.questions.join(', ')})`;
  return gap.kind === 'name' ? `the name of ${ROLE_WORDS[gap.role]} is missing` : `${ROLE_WORDS[gap.role]} has not signed`;
}

/**
 * The consent's rules the schema cannot state field by field: a signed version is complete (text, every
 * answer, both names and signatures), earlier versions are signed, and version numbers go up. Throws a
 * PlanError naming the first field that breaks one.
 */
export function checkConsent(consent: Consent): void {
  const versions = [...consent.history.map((v, i) => [v, `consent.history[${i}]`] as const), [consent.current, 'consent.current'] as const];
  let previous = 0;
  for (const [version, path] of versions) {
    if (version.version <= previous) throw new PlanError(`${path}.version`, `must be above the earlier version's ${previous} (got ${version.version})`);
    previous = version.version;
    if (path !== 'consent.current' && !isSigned(version)) throw new PlanError(`${path}.signedAt`, 'must be set: earlier versions are signed ones');
    if (!isSigned(version)) continue;
    if (!version.text.trim()) throw new PlanError(`${path}.text`, 'must not be empty in a signed consent');
    const gap = signingGaps(version)[0];
    if (gap) throw new PlanError(`${path}.signedAt`, `is set, but the consent is not complete: ${describeGap(gap)}`);
  }
}

/**
 * Reasons to act before treating, from the answers: 'defer' (do not treat yet), 'caution' (treat with a
 * precaution), 'check' (an unsure answer to clear up first). The interface words them.
 */
export type HealthWarningLevel = 'defer' | 'caution' | 'check';
export interface HealthWarning {
  question: HealthQuestion;
  level: HealthWarningLevel;
}

/**
 * What a "yes" means for each question. Isotretinoin thins and dries the skin and slows healing: tattooing
 * is deferred until 6 months after the last dose. Active scalp disease (psoriasis, eczema, infection) is not
 * tattooed over. Keloid formers risk raised scars: a test patch first. Anticoagulants make the skin bleed,
 * which pushes pigment out. Allergies: a patch test with the pigment, another numbing product. UV is what
 * fades SMP (domain notes), and sunburnt skin is not treated.
 */
export const HEALTH_WARNINGS: Record<HealthQuestion, HealthWarningLevel> = {
  keloids: 'caution',
  anticoagulants: 'caution',
  isotretinoin: 'defer',
  pigmentAllergy: 'caution',
  anaestheticAllergy: 'caution',
  scalpConditions: 'defer',
  sunExposure: 'caution',
};

const LEVEL_ORDER: Record<HealthWarningLevel, number> = { defer: 0, caution: 1, check: 2 };

/** The warnings the answers raise, the most serious first (then in question order). */
export function healthWarnings(answers: Record<HealthQuestion, HealthAnswer>): HealthWarning[] {
  const warnings: HealthWarning[] = [];
  for (const question of HEALTH_QUESTIONS) {
    const { answer } = answers[question];
    if (answer === 'yes') warnings.push({ question, level: HEALTH_WARNINGS[question] });
    else if (answer === 'unsure') warnings.push({ question, level: 'check' });
  }
  return warnings.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
}

/** A signature not drawn yet, keeping the signer's name. */
const unsigned = (name: string): Signature => ({ name, image: '', signedAt: '' });

/**
 * Drawn signatures vouch for the answers and notes they were drawn under: a change to those wipes them
 * (the names stay), so nobody signs for answers they have not seen.
 */
export function clearDrawnSignatures(version: ConsentVersion): void {
  for (const role of SIGNER_ROLES) if (version[role].image) version[role] = unsigned(version[role].name);
}

/** Signs the draft `current` with `text` shown in `language`, at `at`. The caller has checked `signingGaps`. */
export function signConsent(consent: Consent, text: string, language: Language, at: Date): void {
  Object.assign(consent.current, { text, language, signedAt: at.toISOString() });
}

/**
 * Files the signed `current` in the history and starts the next version's draft from its answers and
 * notes and its signers' names (not their signatures, nor the text: the draft shows the clinic's text now).
 */
export function newConsentVersion(consent: Consent): void {
  const signed = consent.current;
  consent.history.push(signed);
  consent.current = {
    version: signed.version + 1,
    text: '',
    language: signed.language,
    answers: Object.fromEntries(HEALTH_QUESTIONS.map((q) => [q, { ...signed.answers[q] }])) as ConsentVersion['answers'],
    notes: signed.notes,
    client: unsigned(signed.client.name),
    practitioner: unsigned(signed.practitioner.name),
    signedAt: '',
  };
}
