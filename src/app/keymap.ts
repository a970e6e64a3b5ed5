/**
 * The keyboard shortcuts: one table of key combinations, each bound to a named command in a context (the
 * whole app, or only while the hairline is edited), and one window listener that routes them. A
 * combination bound twice in one context is refused when the table is built, so a key never does two things.
 */
import { isCommandId, runNamedCommand, type CommandHost, type CommandId } from './commands';
import type { ViewState } from '../state/viewStore';

/** Where a binding applies: `app` always, `hairline` while the hairline is edited (and before `app`). */
export const KEY_CONTEXTS = ['hairline', 'app'] as const;
export type KeyContext = (typeof KEY_CONTEXTS)[number];

export interface KeyBinding {
  /** A combination such as `Mod+Z` (Ctrl, or ⌘ on a Mac), `Shift+Mod+Z`, `L`, `Delete`: modifiers then one key. */
  keys: string;
  context: KeyContext;
  command: CommandId;
}

/** The contexts active in a view state, most specific first. */
export function activeContexts(view: Pick<ViewState, 'editingHairline'>): KeyContext[] {
  return view.editingHairline ? ['hairline', 'app'] : ['app'];
}

const MODIFIERS = ['Alt', 'Mod', 'Shift'] as const;

/** A combination in one spelling (modifiers in a fixed order, the key in lower case), or an Error. */
export function normalizeKeys(keys: string): string {
  const parts = keys.split('+');
  const key = parts.pop()?.toLowerCase();
  if (!key) throw new Error(`Key combination ${JSON.stringify(keys)} names no key`);
  for (const part of parts) {
    if (!(MODIFIERS as readonly string[]).includes(part)) throw new Error(`Key combination ${JSON.stringify(keys)}: ${JSON.stringify(part)} is not a modifier (use ${MODIFIERS.join(', ')})`);
  }
  if (new Set(parts).size !== parts.length) throw new Error(`Key combination ${JSON.stringify(keys)} repeats a modifier`);
  return [...MODIFIERS.filter((m) => parts.includes(m)), key].join('+');
}

/** The combination a key press makes, in the same spelling. */
export function keysOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): string {
  const held = { Alt: event.altKey, Mod: event.ctrlKey || event.metaKey, Shift: event.shiftKey };
  return [...MODIFIERS.filter((m) => held[m]), event.key.toLowerCase()].join('+');
}

export class Keymap {
  private readonly bindings = new Map<string, KeyBinding>();

  constructor(bindings: readonly KeyBinding[] = []) {
    for (const binding of bindings) this.bind(binding);
  }

  /** Adds a binding; throws if its combination is already bound in its context or its command is unknown. */
  bind(binding: KeyBinding): void {
    if (!isCommandId(binding.command)) throw new Error(`Key ${binding.keys}: unknown command ${JSON.stringify(binding.command)}`);
    if (!(KEY_CONTEXTS as readonly string[]).includes(binding.context)) throw new Error(`Key ${binding.keys}: unknown context ${JSON.stringify(binding.context)}`);
    const slot = `${binding.context} ${normalizeKeys(binding.keys)}`;
    const taken = this.bindings.get(slot);
    if (taken) throw new Error(`Key ${binding.keys} in context ${binding.context} is bound twice: to ${taken.command} and to ${binding.command}`);
    this.bindings.set(slot, binding);
  }

  /** The binding a combination reaches in the given contexts (most specific first), or null. */
  route(keys: string, contexts: readonly KeyContext[]): KeyBinding | null {
    for (const context of contexts) {
      const binding = this.bindings.get(`${context} ${normalizeKeys(keys)}`);
      if (binding) return binding;
    }
    return null;
  }

  list(): KeyBinding[] {
    return [...this.bindings.values()];
  }
}

/** The app's shortcuts (Help lists them). */
export const APP_KEYS: readonly KeyBinding[] = [
  { keys: 'Mod+Z', context: 'app', command: 'history.undo' },
  { keys: 'Shift+Mod+Z', context: 'app', command: 'history.redo' },
  { keys: 'Mod+Y', context: 'app', command: 'history.redo' },
  { keys: 'L', context: 'app', command: 'view.toggle-loupe' },
  { keys: 'Delete', context: 'hairline', command: 'hairline.remove-point' },
  { keys: 'Backspace', context: 'hairline', command: 'hairline.remove-point' },
];

/** Input types where keys type text (and Backspace, Ctrl+Z, letters belong to the field, not the app). */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time', 'datetime-local', 'month', 'week']);

/**
 * Whether a key press is typing into a field: the app's shortcuts then leave it to the field. Sliders,
 * buttons and checkboxes are not fields for this purpose.
 */
export function isTyping(target: EventTarget | null): boolean {
  // Outside a browser (Node tests) there are no fields to type in.
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/** What the keymap reads of a key press. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target' | 'preventDefault'>;

/** Where key presses come from: the window. */
export interface KeyTarget {
  addEventListener(type: 'keydown', listener: (event: KeyPress) => void): void;
  removeEventListener(type: 'keydown', listener: (event: KeyPress) => void): void;
}

/**
 * Runs the command a key press is bound to, if any; returns whether one was. Typing in a field is left
 * to the field.
 */
export function routeKey(host: CommandHost, keymap: Keymap, event: KeyPress): boolean {
  if (isTyping(event.target)) return false;
  const binding = keymap.route(keysOf(event), activeContexts(host.viewStore.getState()));
  if (!binding) return false;
  event.preventDefault();
  runNamedCommand(host, binding.command, {});
  return true;
}

/** Listens for the app's shortcuts on `target` (the window); returns the function that stops listening. */
export function installKeymap(host: CommandHost, target: KeyTarget, keymap = new Keymap(APP_KEYS)): () => void {
  const onKey = (event: KeyPress) => void routeKey(host, keymap, event);
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
