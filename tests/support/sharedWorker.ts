/**
 * The Node tests share their workers' modules and globals from file to file (`isolate: false` in
 * vite.config.ts: each file's imports would otherwise cost a third of the run). What a file stubs, and its fake
 * timers, go back when it ends, so that no file sees another's page.
 */
import { afterAll, vi } from 'vitest';

afterAll(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
