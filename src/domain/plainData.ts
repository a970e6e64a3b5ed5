/**
 * Plain data (what a parsed plan is made of: objects, lists, numbers, text, booleans) copied, edited copy
 * on write, compared and shared without turning it into text, so that an edit of a large plan costs what
 * it changes: the plans in the undo history keep every unchanged part by reference, and a step holds only
 * what it changed.
 */

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

const field = (container: Container, key: string | number): unknown =>
  Array.isArray(container) ? container[key as number] : Object.hasOwn(container, key) ? container[key as string] : undefined;

/** A deep copy of plain data (a parsed plan: no gaps in lists, no inherited or odd keys). */
export function copyData<T>(value: T): T {
  if (!isContainer(value)) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyData(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copyData(value[key]);
  return out as T;
}

const put = (container: Container, key: string, value: unknown): void => {
  if (Array.isArray(container)) container[Number(key)] = value;
  else container[key] = value;
};

/** One `editData` call: how to revoke the drafts it made once its recipe has run. */
interface Edit {
  revokes: (() => void)[];
}

/** One container being edited: its original, its copy once written (null until then), and drafts of its parts. */
interface DraftState {
  base: Container;
  copy: Container | null;
  parent: DraftState | null;
  edit: Edit;
  /** Drafts of `base`'s own parts, made as they are read (null until the first). */
  parts: Map<string, Container> | null;
  /** The finished container, once `finish` has reached this draft. */
  finished?: Container;
}

/** Where a draft's stand-in target keeps its state; a draft answers it too (`finish` tells drafts by it). */
const DRAFT = Symbol('draft');
type Target = Container & { [DRAFT]: DraftState };

const latest = (state: DraftState): Container => state.copy ?? state.base;

function writable(state: DraftState): Container {
  if (!state.copy) {
    state.copy = Array.isArray(state.base) ? state.base.slice() : { ...state.base };
    // The parent's copy still holds this part's original; `finish` finds the draft through `parts`.
    if (state.parent) writable(state.parent);
  }
  return state.copy;
}

/** The draft's own field `key` (`source`, the draft's latest container, has it). */
function read(state: DraftState, source: Container, key: string): unknown {
  const current = (source as Record<string, unknown>)[key];
  // A part still as it was is handed out as a draft of its own; anything the recipe put there, as it is.
  if (!isContainer(current) || (state.copy && current !== field(state.base, key))) return current;
  let part = state.parts?.get(key);
  if (!part) (state.parts ??= new Map()).set(key, (part = draftOf(current, state, state.edit)));
  return part;
}

function write(state: DraftState, key: string, value: unknown): boolean {
  const source = latest(state);
  if (Object.hasOwn(source, key)) {
    const current = field(source, key);
    if (current === value || (value === state.parts?.get(key) && current === field(state.base, key))) return true;
  }
  Reflect.set(writable(state), key, value);
  if (state.parts?.get(key) !== value) state.parts?.delete(key);
  return true;
}

const stateOf = (target: Container): DraftState => (target as Target)[DRAFT];

/**
 * One handler for every draft. A draft's target is an empty stand-in of the same kind (so a draft of a list
 * is a list) that holds only the draft's state: no engine check ties it to `base`'s own properties.
 */
const DRAFT_HANDLER: ProxyHandler<Container> = {
  get(target, key) {
    const state = stateOf(target);
    if (key === DRAFT) return state;
    const source = latest(state);
    return typeof key === 'string' && Object.hasOwn(source, key) ? read(state, source, key) : Reflect.get(source, key);
  },
  set: (target, key, value) => typeof key === 'string' && write(stateOf(target), key, value),
  defineProperty: (target, key, descriptor) => typeof key === 'string' && 'value' in descriptor && write(stateOf(target), key, descriptor.value),
  deleteProperty(target, key) {
    const state = stateOf(target);
    if (typeof key !== 'string') return false;
    if (Object.hasOwn(latest(state), key)) {
      Reflect.deleteProperty(writable(state), key);
      state.parts?.delete(key);
    }
    return true;
  },
  has: (target, key) => key in latest(stateOf(target)),
  ownKeys: (target) => Reflect.ownKeys(latest(stateOf(target))),
  getOwnPropertyDescriptor(target, key) {
    const state = stateOf(target);
    const source = latest(state);
    const descriptor = Reflect.getOwnPropertyDescriptor(source, key);
    if (!descriptor) return undefined;
    // A list's length cannot be reported as configurable: the stand-in list's own length is not.
    const length = Array.isArray(source) && key === 'length';
    return { value: typeof key === 'string' && !length ? read(state, source, key) : descriptor.value, writable: true, enumerable: descriptor.enumerable ?? false, configurable: !length };
  },
  getPrototypeOf: (target) => Reflect.getPrototypeOf(stateOf(target).base),
  setPrototypeOf: () => false,
  preventExtensions: () => false,
};

function draftOf(value: Container, parent: DraftState | null, edit: Edit): Container {
  const target = (Array.isArray(value) ? [] : {}) as Target;
  target[DRAFT] = { base: value, copy: null, parent, edit, parts: null };
  const { proxy, revoke } = Proxy.revocable(target, DRAFT_HANDLER);
  edit.revokes.push(revoke);
  return proxy;
}

/** The finished value of `value`, found where the original held `original`: the drafts of `edit` become data. */
function finish(value: unknown, original: unknown, edit: Edit): unknown {
  if (!isContainer(value) || value === original) return value;
  const state = (value as Partial<Target>)[DRAFT];
  if (state?.edit === edit) {
    if (!state.copy) return state.base;
    if (state.finished) return state.finished;
    const out = (state.finished = state.copy);
    for (const key of Object.keys(out)) {
      const part = field(out, key);
      const before = field(state.base, key);
      const drafted = part === before ? state.parts?.get(key) : part;
      if (drafted !== undefined) put(out, key, finish(drafted, before, edit));
    }
    return out;
  }
  // A container the recipe made: it may hold drafts (`{ ...draft.stroke }`, `draft.list.filter(…)`).
  // Copied, not changed in place, as the recipe may have it from elsewhere.
  let out: Container | null = null;
  for (const key of Object.keys(value)) {
    const part = field(value, key);
    const done = finish(part, isContainer(original) ? field(original, key) : undefined, edit);
    if (done === part) continue;
    out ??= Array.isArray(value) ? value.slice() : { ...value };
    put(out, key, done);
  }
  return out ?? value;
}

/**
 * Runs `recipe` on a draft of `base` (plain data) that copies a part only when the recipe writes to it,
 * and returns the result: `base` itself if nothing was written, otherwise a new value that keeps every
 * part the recipe did not write by reference. So an edit costs what it changes, not the size of `base`.
 * `base` is never changed. The draft and every part read from it stop working once `recipe` returns
 * (they are revoked proxies), so a recipe cannot keep one by mistake. What `recipe` returns is ignored.
 */
export function editData<T>(base: T, recipe: (draft: T) => unknown): T {
  if (!isContainer(base)) throw new TypeError('Only an object or a list can be edited');
  const edit: Edit = { revokes: [] };
  try {
    const root = draftOf(base, null, edit);
    recipe(root as T);
    return finish(root, base, edit) as T;
  } finally {
    for (const revoke of edit.revokes) revoke();
  }
}

/** Whether two pieces of plain data hold the same values (the same object, or equal field by field). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], other[i])) return false;
    return true;
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.hasOwn(b, key) || !sameData(a[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}

/**
 * `next` with every part that equals the same part of `previous` replaced by `previous`'s object; `previous`
 * itself when they are equal throughout. Changes `next` in place (pass a copy you own), never `previous`.
 */
export function shareUnchanged<T>(next: T, previous: unknown): T {
  if (next === previous || !isContainer(next) || !isContainer(previous) || Array.isArray(next) !== Array.isArray(previous)) return next;
  let same: boolean;
  if (Array.isArray(next)) {
    const before = previous as unknown[];
    same = next.length === before.length;
    for (let i = 0; i < next.length; i++) {
      const shared = shareUnchanged(next[i], before[i]);
      next[i] = shared;
      same &&= shared === before[i];
    }
  } else {
    const keys = Object.keys(next);
    same = keys.length === Object.keys(previous).length;
    for (const key of keys) {
      const before = field(previous, key);
      const shared = shareUnchanged(next[key], before);
      (next as Record<string, unknown>)[key] = shared;
      same &&= shared === before && Object.hasOwn(previous, key);
    }
  }
  return same ? (previous as T) : next;
}

/** Rough size in memory (bytes) of plain data, as a JavaScript engine keeps it. */
export function estimateBytes(value: unknown): number {
  return unsharedBytes(value, undefined);
}

/**
 * Rough size in memory (bytes) of the parts of `value` that are not the very same objects as the parts of
 * `other` at the same place: what keeping `value` costs on top of keeping `other`. Parts shared by
 * reference are not looked into, so this costs what differs.
 */
export function unsharedBytes(value: unknown, other: unknown): number {
  if (value === other) return 0;
  if (typeof value === 'string') return 16 + 2 * value.length;
  if (!isContainer(value)) return 8;
  const comparable = isContainer(other) && Array.isArray(other) === Array.isArray(value) ? other : null;
  if (Array.isArray(value)) {
    let bytes = 16 + 8 * value.length;
    for (let i = 0; i < value.length; i++) bytes += unsharedBytes(value[i], comparable ? field(comparable, i) : undefined);
    return bytes;
  }
  const keys = Object.keys(value);
  let bytes = 24 + 16 * keys.length;
  for (const key of keys) bytes += unsharedBytes(value[key], comparable ? field(comparable, key) : undefined);
  return bytes;
}
