/**
 * A page for the app's storage code in Node: window and document events, an empty IndexedDB (fake-indexeddb)
 * and whatever else a test names. The globals are stubbed, so they go back when the test file ends
 * (tests/support/sharedWorker.ts): the Node tests share their workers' globals.
 */
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';

export function stubPage(more: Record<string, unknown> = {}): void {
  const globals: Record<string, unknown> = {
    indexedDB: new IDBFactory(),
    window: Object.assign(new EventTarget(), { location: { hash: '' } }),
    document: Object.assign(new EventTarget(), { visibilityState: 'visible' }),
    ...more,
  };
  for (const [name, value] of Object.entries(globals)) vi.stubGlobal(name, value);
}
