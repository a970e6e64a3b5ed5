/**
 * The JavaScript a visitor's browser loads before the app can start: the entry script of the built
 * index.html, the chunks it names for modulepreload, and every chunk those import statically, with each
 * file's size gzipped (as a server sends it). Dynamic `import()`s are left out: they load when needed.
 */
import { gzipSync } from 'node:zlib';
import { posix } from 'node:path';

export interface InitialChunk {
  /** Path from the build's root (`assets/index-abc.js`). */
  path: string;
  bytes: number;
  gzipBytes: number;
  code: string;
}

/** The budget for the first load, gzipped (issue 15: "the initial JavaScript stays under 420 KB gzip"). */
export const INITIAL_JS_BUDGET_BYTES = 420 * 1024;

/** Static imports at a chunk's top level: `import{a as b}from"./x.js"`, `import"./y.js"`, `export{c}from"./z.js"`. */
const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;

/** The initial chunks of the build whose files `read` returns (by path from the build's root). */
export async function initialJavaScript(read: (path: string) => Promise<Buffer>): Promise<InitialChunk[]> {
  const html = (await read('index.html')).toString('utf8');
  const start = [
    ...[...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]!),
  ].map((href) => posix.normalize(href.replace(/^\.\//, '')));
  if (start.length === 0) throw new Error('The built index.html names no module script');
  const chunks: InitialChunk[] = [];
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const file = await read(path);
    const code = file.toString('utf8');
    chunks.push({ path, bytes: file.length, gzipBytes: gzipSync(file).length, code });
    for (const match of code.matchAll(STATIC_IMPORT)) queue.push(posix.join(posix.dirname(path), match[1]!));
  }
  return chunks;
}

export const totalGzip = (chunks: InitialChunk[]): number => chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);

/** `512.3 KB` (1 KB = 1024 bytes, as the budget counts). */
export const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
