/**
 * The layers of src, read from the imports: domain is pure, state sits on domain, io is at the edge (it reaches
 * the app, never the other way round), and no module needs itself at run time through a chain of imports.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../support/filesUnder';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

interface Import {
  /** The imported file, relative to src ('domain/plan.ts'); null for a package or a file outside src. */
  target: string | null;
  specifier: string;
  /** `import type` / `export type`: erased at compile time, so it cannot make a runtime cycle. */
  typeOnly: boolean;
}

const files = filesUnder(src, /\.tsx?$/)
  .map((path) => relative(src, path))
  .sort();
const known = new Set(files);

function resolveTarget(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = relative(src, resolve(src, dirname(from), specifier.replace(/\?.*$/, '')));
  if (base.startsWith('..')) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (known.has(candidate)) return candidate;
  }
  // A stylesheet or other asset: no module, no layer.
  if (existsSync(join(src, base))) return null;
  throw new Error(`${from}: cannot resolve the import '${specifier}'`);
}

/** Static imports and re-exports (`import … from`, `import '…'`, `export … from`) and dynamic `import('…')`. */
function importsOf(file: string): Import[] {
  // Comments may quote imports; strings and template literals do not hold any here.
  const text = readFileSync(join(src, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: Import[] = [];
  const statement = /(?:^|[;\n])\s*(import|export)(\s+type\b)?\s*(?:[\w*${}\s,]*?\s*from\s*)?['"]([^'"]+)['"]/g;
  for (const match of text.matchAll(statement)) {
    const specifier = match[3]!;
    found.push({ specifier, target: resolveTarget(file, specifier), typeOnly: match[2] !== undefined });
  }
  for (const match of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push({ specifier: match[1]!, target: resolveTarget(file, match[1]!), typeOnly: false });
  }
  return found;
}

const graph = new Map(files.map((file) => [file, importsOf(file)]));
const layerOf = (file: string) => file.split('/')[0]!;

/** Every import of a file in `from` that reaches a layer outside `allowed`, as 'file → target'. */
function crossings(from: string, allowed: (layer: string) => boolean): string[] {
  return [...graph]
    .filter(([file]) => layerOf(file) === from)
    .flatMap(([file, imports]) =>
      imports.filter((i) => i.target !== null && !allowed(layerOf(i.target))).map((i) => `${file} → ${i.target}`),
    );
}

/** The cycles among the imports that `follow` keeps, one sorted member list each (Tarjan's components). */
function cycles(follow: (i: Import) => boolean): string[][] {
  const edges = new Map(files.map((file) => [file, graph.get(file)!.filter((i) => i.target && follow(i)).map((i) => i.target!)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file)!) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || edges.get(file)!.includes(file)) found.push(component.sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return found;
}

describe('architecture: the imports of src', () => {
  it('reads every module and its imports', () => {
    // The scan itself must see the graph, or every rule below passes vacuously.
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get('main.tsx')!.map((i) => i.target)).toContain('app/simulator.ts');
    expect(graph.get('app/simulator.ts')!.some((i) => i.target === 'state/planStore.ts' && !i.typeOnly)).toBe(true);
    expect(graph.get('app/simulator.ts')!.some((i) => i.target === 'domain/plan.ts' && i.typeOnly)).toBe(true);
  });

  it('domain imports nothing outside the domain, and no React or three', () => {
    expect(crossings('domain', (layer) => layer === 'domain')).toEqual([]);
    const packages = [...graph]
      .filter(([file]) => layerOf(file) === 'domain')
      .flatMap(([file, imports]) =>
        imports.filter((i) => /^(react|react-dom|three|@react-three|zustand)(\/|$)/.test(i.specifier)).map((i) => `${file} → ${i.specifier}`),
      );
    expect(packages).toEqual([]);
  });

  it('state imports only the domain', () => {
    expect(crossings('state', (layer) => layer === 'state' || layer === 'domain')).toEqual([]);
  });

  it('io is at the edge: app, ui and scene never import it', () => {
    expect(['app', 'ui', 'scene'].flatMap((layer) => crossings(layer, (l) => l !== 'io'))).toEqual([]);
  });

  it('has no runtime import cycle', () => {
    expect(cycles((i) => !i.typeOnly)).toEqual([]);
  });

  it('has no import cycle even counting type-only imports', () => {
    // Type-only cycles cost nothing at run time, but each one is a type in the wrong home.
    expect(cycles(() => true)).toEqual([]);
  });
});
