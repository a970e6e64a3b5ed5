/**
 * The shareable link: `#plan=<base64url of the plan JSON>&view=<preset>`. A public format: clinics' pages
 * and saved bookmarks depend on it.
 */
import { parsePlan, type Plan } from '../domain/plan';
import { excerpt } from '../domain/format';
import { isViewName, type ViewName } from '../domain/views';

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
  view?: ViewName;
  viewError?: string;
}

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
        throw new Error('The link is damaged: its plan could not be decoded (was it cut short when copied?).');
      }
      state.plan = parsePlan(json);
    } catch (err) {
      state.planError = err instanceof Error ? err.message : String(err);
    }
  }
  const view = params.get('view');
  if (view !== null) {
    if (isViewName(view)) state.view = view;
    else state.viewError = `The link asks for an unknown view ${excerpt(view)}.`;
  }
  return state;
}

export function writeLinkHash(plan: Plan, view?: ViewName): string {
  const params = [`plan=${encodeBase64Url(JSON.stringify(plan))}`];
  if (view) params.push(`view=${view}`);
  return `#${params.join('&')}`;
}
