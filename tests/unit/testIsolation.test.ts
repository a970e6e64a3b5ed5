/**
 * The Node tests share their workers' modules and globals from file to file (`isolate: false`, vite.config.ts),
 * which is safe only for files that leave nothing behind. These rules keep it so: a file that mocks a module is
 * named `*.mocking.test.ts` and runs isolated, and globals are changed through `vi.stubGlobal`, which
 * tests/support/sharedWorker.ts takes back when the file ends.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../support/filesUnder';

const root = resolve(import.meta.dirname, '../..');

const sources = ['tests/unit', 'tests/support'].flatMap((dir) => filesUnder(join(root, dir), /\.ts$/)).map((path) => ({
  name: relative(root, path),
  text: readFileSync(path, 'utf8'),
}));

describe('Node test files sharing a worker', () => {
  it('mock modules only in files named *.mocking.test.ts', () => {
    const mocking = sources.filter(({ text }) => /\bvi\.(do)?mock\(/.test(text)).map(({ name }) => name);
    expect(mocking.length, 'vi.mock is seen (the rule checks something)').toBeGreaterThan(0);
    expect(mocking.filter((name) => !name.endsWith('.mocking.test.ts'))).toEqual([]);
  });

  it('change globals only through vi.stubGlobal', () => {
    const assigning = sources.filter(({ text }) => /Object\.assign\(globalThis\b|\bglobalThis\.\w+\s*=[^=]|\bdelete globalThis\./.test(text)).map(({ name }) => name);
    expect(assigning).toEqual([]);
  });
});
