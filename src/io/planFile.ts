/**
 * Plan files (`.smp.json`): a plan saved as a file to keep, mail or move to another device. A public format:
 * files outlive app versions, so the wrapper is versioned apart from the plan, which has its own `version`
 * and migrations.
 *
 * `{ "format": "smp-simulator-plan", "formatVersion": 1, "exportedAt": "<ISO time>", "plan": { ... } }`
 */
import { parsePlan, PLAN_VERSION, type Plan } from '../domain/plan';
import { isPlainObject } from '../domain/schema';
import { message, TextError } from '../domain/textError';
import { fileNameSlug } from '../domain/format';
import { downloadBlob } from './download';

export const PLAN_FILE_FORMAT = 'smp-simulator-plan';
export const PLAN_FILE_FORMAT_VERSION = 1;
export const PLAN_FILE_EXTENSION = '.smp.json';
/** A plan is a few kB (tens of kB with painted strokes); a file this big is something else. */
export const MAX_PLAN_FILE_BYTES = 5 * 1024 * 1024;

export interface PlanFile {
  format: typeof PLAN_FILE_FORMAT;
  formatVersion: typeof PLAN_FILE_FORMAT_VERSION;
  exportedAt: string;
  plan: Plan;
}

/**
 * The file's text. Not indented: painted strokes hold thousands of points, and one number per line would
 * make a painted plan's file several times larger.
 */
export function writePlanFile(plan: Plan, exportedAt: Date): string {
  const file: PlanFile = { format: PLAN_FILE_FORMAT, formatVersion: PLAN_FILE_FORMAT_VERSION, exportedAt: exportedAt.toISOString(), plan };
  return `${JSON.stringify(file)}\n`;
}

const notAPlan = () => new TextError(message('planFile.notAPlan'), 'This file is not an SMP Simulator plan: it holds other data.');
const NEWER_APP = 'please update the simulator to open it.';

function tooLarge(bytes: number): Error {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new TextError(
    message('planFile.tooLarge', { size: Number(mb(bytes)), max: Number(mb(MAX_PLAN_FILE_BYTES)) }),
    `This file is too large to be an SMP Simulator plan (${mb(bytes)} MB; a plan file is at most ${mb(MAX_PLAN_FILE_BYTES)} MB).`,
  );
}

/**
 * Reads a plan file's text: the wrapper above, or a bare plan object with a numeric `version` (as
 * `getPlan()` gives it). Plans from older versions are migrated. Throws an Error whose message tells the
 * user what is wrong with the file.
 */
export function readPlanFile(text: string): Plan {
  // Each UTF-16 unit is at least one UTF-8 byte, so a long string is too big without encoding it.
  const bytes = text.length > MAX_PLAN_FILE_BYTES ? text.length : new TextEncoder().encode(text).byteLength;
  if (bytes > MAX_PLAN_FILE_BYTES) throw tooLarge(bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TextError(message('planFile.notJson'), 'This file is not an SMP Simulator plan: it is not JSON text.');
  }
  if (!isPlainObject(json)) throw notAPlan();
  let plan: unknown = json;
  if (Object.hasOwn(json, 'format')) {
    if (json.format !== PLAN_FILE_FORMAT) throw notAPlan();
    const { formatVersion } = json;
    if (typeof formatVersion === 'number' && formatVersion > PLAN_FILE_FORMAT_VERSION) {
      throw new TextError(message('planFile.newerFormat', { version: formatVersion }), `This plan file was saved by a newer version of the SMP Simulator (file format ${formatVersion}); ${NEWER_APP}`);
    }
    if (formatVersion !== PLAN_FILE_FORMAT_VERSION) {
      throw new TextError(message('planFile.badFormatVersion', { version: PLAN_FILE_FORMAT_VERSION }), `This plan file is damaged: its formatVersion must be ${PLAN_FILE_FORMAT_VERSION}.`);
    }
    if (!isPlainObject(json.plan)) throw new TextError(message('planFile.noPlan'), 'This plan file is damaged: it has no plan in it.');
    plan = json.plan;
  }
  if (!isPlainObject(plan) || typeof plan.version !== 'number') throw notAPlan();
  if (plan.version > PLAN_VERSION) {
    throw new TextError(
      message('planFile.newerPlan', { version: plan.version, supported: PLAN_VERSION }),
      `This plan was made with a newer version of the SMP Simulator (plan version ${plan.version}; this one reads up to ${PLAN_VERSION}); ${NEWER_APP}`,
    );
  }
  return parsePlan(plan);
}

/**
 * A file name from the client's name and consultation date: `jane-doe-2026-11-23.smp.json`. Accents are
 * dropped and letters of any script kept, so the name works on every file system.
 */
export function planFileName(plan: Plan): string {
  const parts = [fileNameSlug(plan.client.name) || 'smp-plan', plan.client.date].filter(Boolean);
  return `${parts.join('-')}${PLAN_FILE_EXTENSION}`;
}

/** Saves the plan as a file through the browser's download; returns the file's name. */
export function downloadPlanFile(plan: Plan): string {
  const fileName = planFileName(plan);
  downloadBlob(new Blob([writePlanFile(plan, new Date())], { type: 'application/json' }), fileName);
  return fileName;
}

/** The plan in a picked or dropped file; a huge file is refused before it is read into memory. */
export async function readPlanFileFromDisk(file: Blob): Promise<Plan> {
  if (file.size > MAX_PLAN_FILE_BYTES) throw tooLarge(file.size);
  return readPlanFile(await file.text());
}
