/**
 * Generate the project's default head and write public/models/head.glb.
 * Run: npx tsx scripts/generate-head.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateHead } from '../src/domain/head/generateHead.ts';
import { measureHead } from '../src/domain/head/measure.ts';
import { writeGlb } from '../src/io/glb.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, 'public/models/head.glb');

const started = performance.now();
const head = generateHead();
const seconds = (performance.now() - started) / 1000;
const bytes = writeGlb(head);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);

const m = measureHead(head.skin.positions, head.skin.indices, head.landmarks);
const fmt = (v: number) => v.toFixed(1);
console.log(`head generated in ${seconds.toFixed(1)} s`);
console.log(`skin: ${head.skin.positions.length / 3} vertices, ${head.skin.indices.length / 3} triangles`);
for (const part of ['eyes', 'brows', 'body'] as const) console.log(`${part}: ${head[part].positions.length / 3} vertices, ${head[part].indices.length / 3} triangles`);
console.log(`breadth ${fmt(m.breadth)} mm, length ${fmt(m.length)} mm, circumference ${fmt(m.circumference)} mm, menton-vertex ${fmt(m.mentonToVertex)} mm`);
for (const [name, p] of Object.entries(head.landmarks)) console.log(`  ${name.padEnd(20)} ${p.map(fmt).join(', ')}`);
console.log(`wrote ${out} (${(bytes.byteLength / 1024 / 1024).toFixed(2)} MB)`);
