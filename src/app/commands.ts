/**
 * Named commands: every plan edit the app makes, each with its id, its label (what Undo names), a check
 * of its arguments, its recipe on a draft of the plan and its effect on the view. The panels, the scene's
 * pointer tools, the keyboard (src/app/keymap.ts) and `window.smp` all run them through `runCommand`, so
 * one edit behaves the same from wherever it comes, and tests run it in Node.
 *
 * The scene's pointer tools use:
 * - `hairline.move-point` { index, point } with a gesture key per drag (one undo step a drag);
 * - `hairline.add-point` { point } (selects the new point; the tool decides whether the point is near the line);
 * - `hairline.remove-point` { index? } (the selected point when no index; clears the selection);
 * - `brush.begin-stroke` { target, point } then `brush.extend-stroke` { target, point }, one gesture key a
 *   stroke. Either is refused (the user is told why) when the plan holds no more painting: the tool then
 *   ends its stroke and its gesture.
 */
import { MAX_PLAN_STROKE_POINTS, MAX_SESSIONS, strokePointCount, type Plan } from '../domain/plan';
import type { Vec3 } from '../domain/head/landmarks';
import type { TreatmentArea } from '../domain/hairline/treatmentArea';
import { insertPoint, movePoint, removePoint } from '../domain/hairline/editing';
import { HAIRLINE_AGES, HAIRLINE_SHAPES, type HairlineAge, type HairlineShape } from '../domain/hairline/presets';
import { beginStroke, extendStroke, strokesFor, type BrushTarget } from '../domain/painting';
import { MAX_STROKES } from '../domain/brush';
import { pigmentForHair } from '../domain/pigment';
import { defaultSessions } from '../domain/sessions';
import { newScar, SCAR_KIND_LABELS, SCAR_KINDS, type ScarKind } from '../domain/scars/scars';
import { planValueAt, type PlanPath } from '../domain/planPaths';
import {
  ANSWERS,
  clearDrawnSignatures,
  describeGap,
  HEALTH_QUESTIONS,
  isPngDataUrl,
  isSigned,
  MAX_CONSENT_HISTORY,
  MAX_CONSENT_TEXT,
  newConsentVersion,
  signConsent,
  signingGaps,
  SIGNER_ROLES,
  type Answer,
  type ConsentVersion,
  type HealthQuestion,
  type SignerRole,
} from '../domain/consent';
import { LANGUAGES, type Language } from '../domain/languages';
import { isHexColor, isPlainObject } from '../domain/schema';
import { DEFAULT_HEAD_SHAPE, HEAD_SHAPE_PARAMETERS, type HeadShape } from '../domain/head/headShape';
import { excerpt } from '../domain/format';
import type { Message } from '../domain/languages';
import type { Notice, ViewState } from '../state/viewStore';
import type { PlanState } from '../state/planStore';
import type { Simulator } from './simulator';

/** What a command reads besides its arguments: the plan and view as they are, and the head's treatment area. */
export interface CommandContext {
  plan: Plan;
  view: ViewState;
  /** The treatment area on the head on screen (hairline commands need it); null until a head is loaded. */
  treatment: TreatmentArea | null;
}

export interface Command<A, R> {
  /** What Undo and Redo name the step. */
  label(args: A, context: CommandContext): string;
  /** Checks the arguments as given (by a panel, a key or a page); throws a CommandError saying what is wrong. */
  args(input: unknown): A;
  /** The plan edit, on a draft of the plan: one undoable step (a gesture's edits together make one). */
  apply?(draft: Plan, args: A, context: CommandContext): R;
  /** The command's effect on the view, after its edit. */
  view?(view: ViewState, args: A, result: R, context: CommandContext): void;
  /** A command on the plan's history itself instead of a recipe: undo, redo, a whole new plan. */
  history?(plan: PlanState, args: A): void;
}

/** Wrong command id or arguments: the caller's mistake, thrown to it. */
export class CommandError extends Error {
  override name = 'CommandError';
}

/**
 * A command that cannot be done now (the scar is gone, the plan holds no more painting): nothing changes,
 * and `notice` says whether the user is told and how (null: nothing to tell). `message` is the reason a
 * page calling the command reads; `told` the same in the user's language, for the notice.
 */
export class CommandRefused extends Error {
  override name = 'CommandRefused';
  constructor(
    readonly notice: Notice['kind'] | null,
    message: string,
    readonly told?: Message,
  ) {
    super(message);
  }
}

/** Infers a command's argument and result types from its parts. */
const command = <A, R = void>(spec: Command<A, R>): Command<A, R> => spec;

/** Arguments as a plain object of known names: a typo is an error, not ignored. Undefined counts as {}. */
function fields(id: string, input: unknown, known: readonly string[]): Record<string, unknown> {
  if (input === undefined) return {};
  if (!isPlainObject(input)) throw new CommandError(`${id}: arguments must be an object (got ${excerpt(input)})`);
  const unknown = Object.keys(input).find((key) => !known.includes(key));
  if (unknown !== undefined) throw new CommandError(`${id}: unknown argument ${excerpt(unknown)}${known.length ? `: use ${known.join(', ')}` : ' (it takes none)'}`);
  return input;
}

function oneOf<T extends string | number>(id: string, name: string, value: unknown, values: readonly T[]): T {
  if (!(values as readonly unknown[]).includes(value)) throw new CommandError(`${id}: ${name} must be one of ${values.join(', ')} (got ${excerpt(value)})`);
  return value as T;
}

function text(id: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new CommandError(`${id}: ${name} must be text (got ${excerpt(value)})`);
  return value;
}

function colour(id: string, name: string, value: unknown): string {
  if (!isHexColor(value)) throw new CommandError(`${id}: ${name} must be a colour like "#a1b2c3" (got ${excerpt(value)})`);
  return value;
}

function pointIndex(id: string, value: unknown): number {
  if (!(Number.isInteger(value) && (value as number) >= 0)) throw new CommandError(`${id}: index must be a whole number from 0 (got ${excerpt(value)})`);
  return value as number;
}

function point(id: string, value: unknown): Vec3 {
  if (!(Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === 'number' && Number.isFinite(v)))) {
    throw new CommandError(`${id}: point must be [x, y, z] in mm (got ${excerpt(value)})`);
  }
  return [value[0], value[1], value[2]];
}

function brushTarget(id: string, value: unknown): BrushTarget {
  const given = isPlainObject(value) ? value : {};
  const map = oneOf(id, 'target.map', given.map, ['density', 'hair', 'scar'] as const);
  if (map !== 'scar') return { map };
  return { map, scarId: text(id, 'target.scarId', given.scarId) };
}

function needTreatment(context: CommandContext): TreatmentArea {
  if (!context.treatment) throw new CommandRefused(null, 'The head is not loaded yet');
  return context.treatment;
}

/** Said when a stroke would take the plan past its brush points (a plan past them is refused). */
export const PAINTING_FULL = `This plan holds as much painting as a plan can (${MAX_PLAN_STROKE_POINTS.toLocaleString('en')} brush points over its density, hair and scars). Erase or clear some painting first.`;
const PAINTING_FULL_NOTICE: Message = { key: 'app:notices.paintingFull', params: { points: MAX_PLAN_STROKE_POINTS } };

/** The draft consent, to change; a signed one is read-only (a change needs `consent.new-version` first). */
function consentDraft(draft: Plan): ConsentVersion {
  const { current } = draft.consent;
  if (isSigned(current)) throw new CommandRefused(null, `Consent version ${current.version} is signed and cannot be changed: start a new version (consent.new-version) to change it.`);
  return current;
}

/** Text the user types (empty allowed), as a command argument. */
function typed(id: string, name: string, value: unknown): string {
  if (typeof value !== 'string') throw new CommandError(`${id}: ${name} must be text (got ${excerpt(value)})`);
  return value;
}

const SIGNER_LABELS: Record<SignerRole, string> = { client: 'Client', practitioner: 'Practitioner' };

const BRUSH_LABELS: Record<BrushTarget['map'], string> = { density: 'Paint density', hair: 'Paint hair', scar: 'Paint scar' };

/** The labels `plan.replace` is run with, by their key in the interface's catalogue. */
const REPLACE_TEXTS: Record<string, string> = {
  'Load plan': 'load',
  'Open link': 'openLink',
  'Plan from page': 'fromPage',
  'Changes from another tab': 'otherTab',
  'Merge with another tab’s changes': 'merge',
  'Reload the other tab’s version': 'reloadOther',
};

/**
 * What Undo names a command's step by in the interface, in the reader's language: a key of the `messages`
 * catalogue (`history.<command id>`) and the values the English label names. None for a label the catalogue
 * cannot know (a `plan.replace` label a page made up): the English label is shown.
 */
export function historyText(id: CommandId, args: unknown): Message | undefined {
  const key = `messages:history.${id}`;
  const given = args as Record<string, unknown>;
  switch (id) {
    case 'plan.set':
      return { key, params: { field: (given.path as PlanPath).join('.') } };
    case 'plan.replace': {
      const known = REPLACE_TEXTS[String(given.label)];
      return known ? { key: `${key}.${known}` } : undefined;
    }
    case 'brush.begin-stroke':
    case 'brush.extend-stroke':
      return { key: `messages:history.brush.${(given.target as BrushTarget).map}` };
    case 'sessions.set-count':
      return { key, params: { count: Number(given.count) } };
    case 'scars.add':
      return { key, params: { kind: { key: `panels:scars.kinds.${String(given.kind)}` } } };
    case 'scars.remove':
    case 'scars.clear-painting':
      return { key, params: { id: String(given.id) } };
    case 'consent.set-signer':
    case 'consent.set-signature':
      return { key: `${key}.${String(given.role)}` };
    case 'head.set-shape':
      return given.fromPhotos ? { key: 'head:history.setShapeFromPhotos', params: { count: Number(given.fromPhotos) } } : { key: 'head:history.setShape' };
    case 'head.reset-shape':
      return { key: 'head:history.resetShape' };
    default:
      return { key };
  }
}

const brushArgs = (id: string) => (input: unknown) => {
  const given = fields(id, input, ['target', 'point']);
  return { target: brushTarget(id, given.target), point: point(id, given.point) };
};

export const COMMANDS = {
  /** Sets one value of the plan (a slider, a colour, a choice, a client field), named by its path; labelled as its field. */
  'plan.set': command<{ path: PlanPath; value: unknown }>({
    label({ path }, { plan }) {
      try {
        return planValueAt(plan, path).field.label;
      } catch (error) {
        throw new CommandError(`plan.set: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    args(input) {
      const given = fields('plan.set', input, ['path', 'value']);
      if (given.value === undefined) throw new CommandError('plan.set: value is missing');
      // A signed consent is read-only and a draft's answers clear its signatures: only the consent commands keep that.
      if (Array.isArray(given.path) && given.path[0] === 'consent') throw new CommandError('plan.set: the consent is changed by the consent.* commands (consent.answer, consent.sign, …)');
      return { path: given.path as PlanPath, value: given.value };
    },
    apply(draft, { path, value }) {
      const { holder, key } = planValueAt(draft, path);
      holder[key] = value;
    },
  }),
  /** Replaces the whole plan (omitted fields take their defaults); a bad plan throws a PlanError, changing nothing. */
  'plan.replace': command<{ plan: unknown; label: string }>({
    label: ({ label }) => label,
    args(input) {
      const given = fields('plan.replace', input, ['plan', 'label']);
      return { plan: given.plan, label: given.label === undefined ? 'Load plan' : text('plan.replace', 'label', given.label) };
    },
    history: (history, { plan, label }) => history.replacePlan(plan, label, historyText('plan.replace', { label })),
  }),
  'history.undo': command<Record<string, never>>({ label: () => 'Undo', args: (input) => (fields('history.undo', input, []), {}), history: (history) => history.undo() }),
  'history.redo': command<Record<string, never>>({ label: () => 'Redo', args: (input) => (fields('history.redo', input, []), {}), history: (history) => history.redo() }),

  /** A preset line, stored as its points on this head, so the plan holds the line itself. */
  'hairline.apply-preset': command<{ age: HairlineAge; shape: HairlineShape }>({
    label: () => 'Hairline preset',
    args(input) {
      const given = fields('hairline.apply-preset', input, ['age', 'shape']);
      return { age: oneOf('hairline.apply-preset', 'age', given.age, HAIRLINE_AGES), shape: oneOf('hairline.apply-preset', 'shape', given.shape, HAIRLINE_SHAPES) };
    },
    apply(draft, { age, shape }, context) {
      const { points } = needTreatment(context).preset(age, shape);
      draft.hairline.age = age;
      draft.hairline.shape = shape;
      draft.hairline.points = points.map((p) => [...p] as Vec3);
    },
  }),
  'hairline.set-mirror': command<{ mirror: boolean }>({
    label: () => 'Mirror hairline',
    args(input) {
      const { mirror } = fields('hairline.set-mirror', input, ['mirror']);
      if (typeof mirror !== 'boolean') throw new CommandError(`hairline.set-mirror: mirror must be true or false (got ${excerpt(mirror)})`);
      return { mirror };
    },
    apply(draft, { mirror }) {
      draft.hairline.mirror = mirror;
    },
  }),
  /** Moves control point `index` over the skin to `point` (its mirror partner too when mirrored). */
  'hairline.move-point': command<{ index: number; point: Vec3 }>({
    label: () => 'Move hairline point',
    args(input) {
      const given = fields('hairline.move-point', input, ['index', 'point']);
      return { index: pointIndex('hairline.move-point', given.index), point: point('hairline.move-point', given.point) };
    },
    apply(draft, { index, point: p }, context) {
      const treatment = needTreatment(context);
      // The plan's own points, or its preset's the first time the line is touched.
      const { points } = treatment.hairlineFor(draft);
      if (index >= points.length) throw new CommandError(`hairline.move-point: the hairline has ${points.length} points (got index ${index})`);
      draft.hairline.points = movePoint(points, index, p, draft.hairline.mirror, treatment.query.project);
    },
  }),
  /** Adds a point to the line where it passes nearest `point`, and selects it; the result is its index. */
  'hairline.add-point': command<{ point: Vec3 }, number>({
    label: () => 'Add hairline point',
    args(input) {
      return { point: point('hairline.add-point', fields('hairline.add-point', input, ['point']).point) };
    },
    apply(draft, { point: p }, context) {
      const result = insertPoint(needTreatment(context).hairlineFor(draft).points, p, draft.hairline.mirror);
      draft.hairline.points = result.points;
      return result.index;
    },
    view: (view, _args, inserted) => view.selectHairlinePoint(inserted),
  }),
  /** Removes control point `index` (the selected point when omitted) and its mirror partner; clears the selection. */
  'hairline.remove-point': command<{ index: number | null }>({
    label: () => 'Remove hairline point',
    args(input) {
      const { index } = fields('hairline.remove-point', input, ['index']);
      return { index: index === undefined ? null : pointIndex('hairline.remove-point', index) };
    },
    apply(draft, args, context) {
      const index = args.index ?? context.view.selectedHairlinePoint;
      if (index === null) throw new CommandRefused(null, 'No hairline point is selected');
      const points = removePoint(needTreatment(context).hairlineFor(draft).points, index, draft.hairline.mirror);
      if (!points) throw new CommandRefused('info', 'That point stays: points on the midline and the last eight points of a hairline cannot be removed.', { key: 'app:notices.pointStays' });
      draft.hairline.points = points;
    },
    view: (view) => view.selectHairlinePoint(null),
  }),

  /** Starts a brush stroke at `point` with the view's brush settings. */
  'brush.begin-stroke': command<{ target: BrushTarget; point: Vec3 }>({
    label: ({ target }) => BRUSH_LABELS[target.map],
    args: brushArgs('brush.begin-stroke'),
    apply(draft, { target, point: p }, { view }) {
      const strokes = strokesFor(draft, target);
      if (!strokes) throw new CommandRefused('error', 'The scar to paint is no longer in the plan.', { key: 'app:notices.scarGone' });
      if (strokePointCount(draft) >= MAX_PLAN_STROKE_POINTS) throw new CommandRefused('error', PAINTING_FULL, PAINTING_FULL_NOTICE);
      const error = beginStroke(strokes, view.brush, p);
      // beginStroke refuses only a map that holds all the strokes it may.
      if (error) throw new CommandRefused('error', error, { key: 'app:notices.strokesFull', params: { strokes: MAX_STROKES } });
    },
  }),
  /** Extends the stroke begun last to `point` (when it has moved past the point spacing). */
  'brush.extend-stroke': command<{ target: BrushTarget; point: Vec3 }>({
    label: ({ target }) => BRUSH_LABELS[target.map],
    args: brushArgs('brush.extend-stroke'),
    apply(draft, { target, point: p }) {
      // A full stroke goes on as a new one of two points: leave room for that.
      if (strokePointCount(draft) + 2 > MAX_PLAN_STROKE_POINTS) throw new CommandRefused('error', PAINTING_FULL, PAINTING_FULL_NOTICE);
      const strokes = strokesFor(draft, target);
      if (strokes) extendStroke(strokes, p);
    },
  }),
  'hair.clear-painting': command<Record<string, never>>({
    label: () => 'Clear painted hair',
    args: (input) => (fields('hair.clear-painting', input, []), {}),
    apply(draft) {
      draft.hairLoss.strokes = [];
    },
  }),
  'density.clear-painting': command<Record<string, never>>({
    label: () => 'Clear painted density',
    args: (input) => (fields('density.clear-painting', input, []), {}),
    apply(draft) {
      draft.density.strokes = [];
    },
  }),

  /** Sets the hair colour and the pigment shade that matches it. */
  'dots.match-hair': command<{ color: string }>({
    label: () => 'Match hair colour',
    args: (input) => ({ color: colour('dots.match-hair', 'color', fields('dots.match-hair', input, ['color']).color) }),
    apply(draft, { color }) {
      draft.hairColor = color;
      draft.dots.color = pigmentForHair(color);
    },
  }),
  /** A typical layering over `count` sessions; the preview goes back to the finished result. */
  'sessions.set-count': command<{ count: number }>({
    label: ({ count }) => `${count} sessions`,
    args(input) {
      const counts = Array.from({ length: MAX_SESSIONS }, (_, i) => i + 1);
      return { count: oneOf('sessions.set-count', 'count', fields('sessions.set-count', input, ['count']).count, counts) };
    },
    apply(draft, { count }) {
      draft.sessions = defaultSessions(count);
    },
    view: (view) => view.setSessionPreview(null),
  }),

  'scars.add': command<{ kind: ScarKind }>({
    label: ({ kind }) => `Add ${SCAR_KIND_LABELS[kind]}`,
    args: (input) => ({ kind: oneOf('scars.add', 'kind', fields('scars.add', input, ['kind']).kind, SCAR_KINDS) }),
    apply(draft, { kind }) {
      draft.scars.push(newScar(kind, draft.scars));
    },
  }),
  /** Removes a scar; a brush painting it is put down. */
  'scars.remove': command<{ id: string }>({
    label: ({ id }) => `Remove scar ${id}`,
    args: (input) => ({ id: text('scars.remove', 'id', fields('scars.remove', input, ['id']).id) }),
    apply(draft, { id }) {
      if (!draft.scars.some((s) => s.id === id)) throw new CommandRefused(null, `The plan has no scar ${id}`);
      draft.scars = draft.scars.filter((s) => s.id !== id);
    },
    view(view, { id }) {
      if (view.brushTarget?.map === 'scar' && view.brushTarget.scarId === id) view.setBrushTarget(null);
    },
  }),
  'scars.clear-painting': command<{ id: string }>({
    label: ({ id }) => `Clear scar ${id}`,
    args: (input) => ({ id: text('scars.clear-painting', 'id', fields('scars.clear-painting', input, ['id']).id) }),
    apply(draft, { id }) {
      const scar = draft.scars.find((s) => s.id === id);
      if (scar?.kind !== 'freeform') throw new CommandRefused(null, `The plan has no painted scar ${id}`);
      scar.strokes = [];
    },
  }),

  /** Answers health question `question` (yes, no or unsure) and/or sets its details; clears drawn signatures. */
  'consent.answer': command<{ question: HealthQuestion; answer?: Answer; details?: string }>({
    label: () => 'Health answer',
    args(input) {
      const id = 'consent.answer';
      const given = fields(id, input, ['question', 'answer', 'details']);
      if (given.answer === undefined && given.details === undefined) throw new CommandError(`${id}: give an answer, details or both`);
      return {
        question: oneOf(id, 'question', given.question, HEALTH_QUESTIONS),
        ...(given.answer !== undefined && { answer: oneOf(id, 'answer', given.answer, ANSWERS) }),
        ...(given.details !== undefined && { details: typed(id, 'details', given.details) }),
      };
    },
    apply(draft, { question, answer, details }) {
      const version = consentDraft(draft);
      const before = version.answers[question];
      if ((answer ?? before.answer) === before.answer && (details ?? before.details) === before.details) return;
      version.answers[question] = { answer: answer ?? before.answer, details: details ?? before.details };
      clearDrawnSignatures(version);
    },
  }),
  /** Sets the consent's other health notes; clears drawn signatures. */
  'consent.set-notes': command<{ notes: string }>({
    label: () => 'Health notes',
    args: (input) => ({ notes: typed('consent.set-notes', 'notes', fields('consent.set-notes', input, ['notes']).notes) }),
    apply(draft, { notes }) {
      const version = consentDraft(draft);
      if (version.notes === notes) return;
      version.notes = notes;
      clearDrawnSignatures(version);
    },
  }),
  /** The name of the client or the practitioner, beside their signature. */
  'consent.set-signer': command<{ role: SignerRole; name: string }>({
    label: ({ role }) => `${SIGNER_LABELS[role]} name`,
    args(input) {
      const given = fields('consent.set-signer', input, ['role', 'name']);
      return { role: oneOf('consent.set-signer', 'role', given.role, SIGNER_ROLES), name: typed('consent.set-signer', 'name', given.name) };
    },
    apply(draft, { role, name }) {
      consentDraft(draft)[role].name = name;
    },
  }),
  /** The signature drawn by the client or the practitioner (a PNG data URL; empty: cleared), timed now. */
  'consent.set-signature': command<{ role: SignerRole; image: string }>({
    label: ({ role }) => `${SIGNER_LABELS[role]} signature`,
    args(input) {
      const id = 'consent.set-signature';
      const given = fields(id, input, ['role', 'image']);
      const image = typed(id, 'image', given.image);
      if (image !== '' && !isPngDataUrl(image)) throw new CommandError(`${id}: image must be a PNG data URL ("data:image/png;base64,…") or empty (got ${excerpt(image)})`);
      return { role: oneOf(id, 'role', given.role, SIGNER_ROLES), image };
    },
    apply(draft, { role, image }) {
      const signature = consentDraft(draft)[role];
      signature.image = image;
      signature.signedAt = image ? new Date().toISOString() : '';
    },
  }),
  /**
   * Signs the draft with `text`, the consent text shown to the client in `language`: from then on it is
   * read-only. Refused until every question is answered and both signers have given their name and signed.
   */
  'consent.sign': command<{ text: string; language: Language }>({
    label: () => 'Sign consent',
    args(input) {
      const given = fields('consent.sign', input, ['text', 'language']);
      const signed = text('consent.sign', 'text', given.text);
      if (signed.length > MAX_CONSENT_TEXT) throw new CommandError(`consent.sign: text must be at most ${MAX_CONSENT_TEXT} characters long (got ${signed.length})`);
      return { text: signed, language: oneOf('consent.sign', 'language', given.language, LANGUAGES) };
    },
    apply(draft, { text: signed, language }) {
      const gaps = signingGaps(consentDraft(draft));
      if (gaps.length) throw new CommandRefused(null, `The consent cannot be signed yet: ${gaps.map(describeGap).join('; ')}.`);
      signConsent(draft.consent, signed, language, new Date());
    },
  }),
  /** Keeps the signed consent in the history and opens the next version as a draft, from its answers. */
  'consent.new-version': command<Record<string, never>>({
    label: () => 'New consent version',
    args: (input) => (fields('consent.new-version', input, []), {}),
    apply(draft) {
      const { current, history } = draft.consent;
      if (!isSigned(current)) throw new CommandRefused(null, `Consent version ${current.version} is a draft still: change it as it is.`);
      if (history.length >= MAX_CONSENT_HISTORY) throw new CommandRefused(null, `This plan keeps ${MAX_CONSENT_HISTORY} earlier consent versions, the most it can: make a new plan for the client to sign again.`);
      newConsentVersion(draft.consent);
    },
  }),

  /**
   * Sets some of the head shape's numbers (`{ breadth: 1.05 }`; the others stay): the sliders, with a gesture
   * key per drag, and a fit to the client's photos, whose step names how many photos (`fromPhotos`). Ranges are
   * the schema's (a value outside one is a PlanError).
   */
  'head.set-shape': command<Partial<HeadShape> & { fromPhotos?: number }>({
    label: ({ fromPhotos }) => (fromPhotos ? `Head shape from ${fromPhotos} photo${fromPhotos === 1 ? '' : 's'}` : 'Head shape'),
    args(input) {
      const given = fields('head.set-shape', input, [...HEAD_SHAPE_PARAMETERS, 'fromPhotos']);
      const shape: Partial<HeadShape> & { fromPhotos?: number } = {};
      if (given.fromPhotos !== undefined) {
        if (!Number.isSafeInteger(given.fromPhotos) || (given.fromPhotos as number) < 1) throw new CommandError(`head.set-shape: fromPhotos must be a whole number of photos, 1 or more (got ${excerpt(given.fromPhotos)})`);
        shape.fromPhotos = given.fromPhotos as number;
      }
      for (const name of HEAD_SHAPE_PARAMETERS) {
        const value = given[name];
        if (value === undefined) continue;
        if (typeof value !== 'number' || !Number.isFinite(value)) throw new CommandError(`head.set-shape: ${name} must be a number (got ${excerpt(value)})`);
        shape[name] = value;
      }
      if (!HEAD_SHAPE_PARAMETERS.some((name) => name in shape)) throw new CommandError(`head.set-shape: give at least one of ${HEAD_SHAPE_PARAMETERS.join(', ')}`);
      return shape;
    },
    apply(draft, { fromPhotos: _count, ...shape }) {
      Object.assign(draft.headShape, shape);
    },
  }),
  /** The default head as it is: every head shape number back to its default. */
  'head.reset-shape': command<Record<string, never>>({
    label: () => 'Reset head shape',
    args: (input) => (fields('head.reset-shape', input, []), {}),
    apply(draft) {
      draft.headShape = { ...DEFAULT_HEAD_SHAPE };
    },
  }),

  /** The loupe on or off (a view command: no plan edit, no undo step); refused over a shown photo, where it would magnify the hidden 3D head. */
  'view.toggle-loupe': command<Record<string, never>>({
    label: () => 'Loupe',
    args: (input) => (fields('view.toggle-loupe', input, []), {}),
    view(view) {
      if (!view.loupe.enabled && view.shownPhoto !== null) throw new CommandRefused('info', 'The loupe changes the 3D view only, not the photo. Go back to the 3D view to use it.', { key: 'photos:only3d' });
      view.setLoupe({ enabled: !view.loupe.enabled, pointer: null });
    },
  }),
};

export type CommandId = keyof typeof COMMANDS;
export type CommandArgs<K extends CommandId> = (typeof COMMANDS)[K] extends Command<infer A, unknown> ? A : never;
export type CommandResult<K extends CommandId> = (typeof COMMANDS)[K] extends Command<never, infer R> ? R : never;

/** Arguments as a caller writes them: those with a default may be left out. */
export type CommandInput<K extends CommandId> = K extends 'plan.replace' ? { plan: unknown; label?: string } : K extends 'hairline.remove-point' ? { index?: number } : CommandArgs<K>;

export type CommandOutcome<R> = { done: true; result: R } | { done: false; reason: string };

export const isCommandId = (id: unknown): id is CommandId => typeof id === 'string' && Object.hasOwn(COMMANDS, id);

/** What a command runs on: the simulator's stores. */
export type CommandHost = Pick<Simulator, 'planStore' | 'viewStore' | 'headStore'>;

/**
 * Runs command `id`: checks its arguments (a CommandError if they are wrong), applies its edit as one undo
 * step (or as part of `gesture`'s step), then its effect on the view. A refused command changes nothing, shows
 * its notice if it has one and returns why; any other error (a PlanError) is thrown, changing nothing.
 */
export function runCommand<K extends CommandId>(host: CommandHost, id: K, input: CommandInput<K>, options: { gesture?: string } = {}): CommandOutcome<CommandResult<K>> {
  return runNamedCommand(host, id, input, options) as CommandOutcome<CommandResult<K>>;
}

/** `runCommand` for a command named at run time (a key binding, a page): the id is checked too. */
export function runNamedCommand(host: CommandHost, id: string, input: unknown, options: { gesture?: string } = {}): CommandOutcome<unknown> {
  if (!isCommandId(id)) throw new CommandError(`Unknown command ${excerpt(id)}: use one of ${Object.keys(COMMANDS).join(', ')}`);
  const spec: Command<unknown, unknown> = COMMANDS[id];
  const args = spec.args(input);
  const { planStore, viewStore, headStore } = host;
  const context = (): CommandContext => ({ plan: planStore.getState().plan, view: viewStore.getState(), treatment: headStore.getState().head?.treatment ?? null });
  try {
    let result: unknown;
    if (spec.history) spec.history(planStore.getState(), args);
    else if (spec.apply) {
      const before = context();
      const { apply } = spec;
      const text = historyText(id, args);
      planStore.getState().edit(spec.label(args, before), (draft) => void (result = apply(draft, args, before)), { ...(options.gesture !== undefined && { gesture: options.gesture }), ...(text && { text }) });
    }
    spec.view?.(viewStore.getState(), args, result, context());
    return { done: true, result };
  } catch (error) {
    if (!(error instanceof CommandRefused)) throw error;
    if (error.notice) viewStore.getState().showNotice(error.notice, error.told ?? error.message);
    return { done: false, reason: error.message };
  }
}
