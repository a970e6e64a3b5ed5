/**
 * The shareable link: `#plan=<base64url of the plan JSON>&view=<preset>&saved=<id>&revision=<n>`. A public
 * format: clinics' pages and saved bookmarks depend on it.
 *
 * The link carries the design only, never the client's personal data (src/domain/personalData.ts): a
 * copied link, a bookmark or synced browser history leaves the device. `saved` and `revision` name the
 * saved plan on this device the link was written from, so a reload with an older link of one's own plan
 * is recognised (they mean nothing on another device).
 */
import { parsePlan, type Plan } from '../domain/plan';
import { designOf } from '../domain/personalData';
import { excerpt } from '../domain/format';
import { isViewName, type ViewName } from '../domain/views';
import type { SavedPlanRef } from '../domain/savedPlan';
import type { Message } from '../domain/languages';
import { message, TextError, textOf } from '../domain/textError';

export function encodeBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeBase64Url(encoded: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) throw new Error('it is not base64url text');
  const padded = encoded.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (encoded.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export interface LinkState {
  /** The plan from the link, when the link has one and it is valid. */
  plan?: Plan;
  /** Why the link's plan was rejected, in words a user can act on. */
  planError?: string;
  /** The same reason, for the interface to write in the user's language. */
  planErrorText?: Message;
  view?: ViewName;
  viewError?: string;
  viewErrorText?: Message;
  /** The saved plan (on the device that wrote the link) and its revision the link's plan was based on. */
  saved?: SavedPlanRef;
}

/** Saved-plan ids are random hex (planLibrary's newPlanId); anything else in a link is ignored. */
const SAVED_ID = /^[0-9a-f]{8,64}$/;

/** Reads a location hash such as `#plan=...&view=top`. Never throws. */
export function readLinkHash(hash: string): LinkState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: LinkState = {};
  const encodedPlan = params.get('plan');
  if (encodedPlan !== null) {
    try {
      let json: unknown;
      try {
        json = JSON.parse(decodeBase64Url(encodedPlan));
      } catch {
        throw new TextError(message('link.damaged'), 'The link is damaged: its plan could not be decoded (was it cut short when copied?).');
      }
      state.plan = parsePlan(json);
    } catch (err) {
      state.planError = err instanceof Error ? err.message : String(err);
      state.planErrorText = textOf(err) ?? { key: 'messages:asWritten', params: { text: state.planError } };
    }
  }
  const view = params.get('view');
  if (view !== null) {
    if (isViewName(view)) state.view = view;
    else {
      state.viewError = `The link asks for an unknown view ${excerpt(view)}.`;
      state.viewErrorText = message('link.unknownView', { view: excerpt(view) });
    }
  }
  // Only a hint for recognising one's own plan: a damaged one is ignored, never an error.
  const id = params.get('saved');
  const revision = params.get('revision') ?? '';
  if (state.plan && id !== null && SAVED_ID.test(id) && /^\d{1,15}$/.test(revision)) state.saved = { id, revision: Number(revision) };
  return state;
}

/** The link of a plan: its design only, whatever personal data the plan holds. */
export function writeLinkHash(plan: Plan, view?: ViewName, saved?: SavedPlanRef): string {
  const params = [`plan=${encodeBase64Url(JSON.stringify(designOf(plan)))}`];
  if (view) params.push(`view=${view}`);
  if (saved) params.push(`saved=${saved.id}`, `revision=${saved.revision}`);
  return `#${params.join('&')}`;
}
