/**
 * The lattice hash and its constants have twins: src/domain/dots/lattice.ts (the CPU: unit tests, coverage,
 * FUE scars) and shaders/hash.glsl, follicle_dots.glsl (the GPU). Fixed values pin the TypeScript, the GLSL
 * text is read for the same numbers; tests/browser/dots.test.ts checks the hashes the GPU computes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AREA_SPREAD, LATTICE_JITTER, PCG_INCREMENT, PCG_MULTIPLIER, pcg3d, RANK_SALT, SLAB_FADE } from '../../src/domain/dots/lattice';
import { featurePoint } from '../../src/domain/dots/placement';

const shaderDir = new URL('../../shaders/', import.meta.url);
const shader = (name: string) => readFileSync(new URL(name, shaderDir), 'utf8');

/** pcg3d of a cell and of that hash salted with RANK_SALT (the deposit's area, shade and rank lanes). */
const PINNED: { cell: [number, number, number]; hash: number[]; ranked: number[] }[] = [
  { cell: [0, 0, 0], hash: [0x9bafd7c6, 0xa8e88a6b, 0x3f15482c], ranked: [0x74b22bb1, 0xfbd3821e, 0x6bcdbadd] },
  { cell: [1, 2, 3], hash: [0xfa9f79a6, 0x48f2f44c, 0x596f5ab1], ranked: [0x5f740836, 0x904dd570, 0x88bfbe5a] },
  { cell: [-1, 7, -12], hash: [0x4675d79e, 0x0e0d08aa, 0x31ed2616], ranked: [0xc1e07186, 0xc6dcad3c, 0xe7e5f465] },
  { cell: [1000, -2000, 30000], hash: [0x7410fbb3, 0x060336b3, 0x5f3a73d7], ranked: [0x43eb447a, 0xa39bbe5f, 0xb1ffe67f] },
];

/** The same hash in unbounded integers, wrapped to 32 bits by hand: what GLSL's `uvec3` arithmetic does. */
function pcg3dReference(cell: readonly number[]): number[] {
  const wrap = (v: bigint) => v & 0xffffffffn;
  let [x, y, z] = cell.map((c) => wrap(BigInt(c)));
  const mix = () => {
    x = wrap(x! + y! * z!);
    y = wrap(y! + z! * x);
    z = wrap(z! + x * y);
  };
  [x, y, z] = [x, y, z].map((v) => wrap(v! * BigInt(PCG_MULTIPLIER) + BigInt(PCG_INCREMENT)));
  mix();
  [x, y, z] = [x, y, z].map((v) => v! ^ (v! >> 16n));
  mix();
  return [x, y, z].map(Number);
}

/** A GLSL constant's value as written: `const <type> NAME = <literal>;` (uint, float or uvec3 of uints). */
function glslConstant(source: string, name: string): number[] {
  const match = new RegExp(`const\\s+(?:uint|float|uvec3)\\s+${name}\\s*=\\s*([^;]+);`).exec(source);
  if (!match) throw new Error(`no const ${name} in the shader`);
  const literals = match[1]!.replace(/^uvec3\(|\)$/g, '').split(',');
  return literals.map((literal) => Number(literal.trim().replace(/u$/, '')));
}

describe('the lattice hash (CPU twin of shaders/hash.glsl)', () => {
  it('gives the pinned values', () => {
    for (const { cell, hash, ranked } of PINNED) {
      const h = pcg3d(cell[0] >>> 0, cell[1] >>> 0, cell[2] >>> 0);
      expect(h).toEqual(hash);
      expect(pcg3d(h[0] ^ RANK_SALT[0], h[1] ^ RANK_SALT[1], h[2] ^ RANK_SALT[2])).toEqual(ranked);
      // A deposit's rank is the salted hash's third lane.
      expect(featurePoint(...cell, 0).rank).toBe(ranked[2]! / 2 ** 32);
    }
  });

  it('wraps every step to 32 bits as GLSL does', () => {
    const cells = [[0xffffffff, 0x80000000, 0x7fffffff], [12345, 0xdeadbeef, 1], ...PINNED.map((p) => p.cell.map((c) => c >>> 0))];
    for (const cell of cells) expect(pcg3d(cell[0]!, cell[1]!, cell[2]!)).toEqual(pcg3dReference(cell));
  });
});

describe('the GLSL constants equal the TypeScript ones', () => {
  const hash = shader('hash.glsl');

  it('the hash and the rank salt (shaders/hash.glsl)', () => {
    expect(glslConstant(hash, 'PCG_MULTIPLIER')).toEqual([PCG_MULTIPLIER]);
    expect(glslConstant(hash, 'PCG_INCREMENT')).toEqual([PCG_INCREMENT]);
    expect(glslConstant(hash, 'RANK_SALT')).toEqual([...RANK_SALT]);
    expect(hash).toMatch(/v = v \* PCG_MULTIPLIER \+ PCG_INCREMENT;/);
  });

  it('the lattice (shaders/follicle_dots.glsl)', () => {
    const dots = shader('follicle_dots.glsl');
    expect(glslConstant(dots, 'LATTICE_JITTER')).toEqual([LATTICE_JITTER]);
    expect(glslConstant(dots, 'SLAB_FADE')).toEqual([SLAB_FADE]);
    expect(glslConstant(dots, 'AREA_SPREAD')).toEqual([AREA_SPREAD]);
  });

  it('no shader spells the salt or the hash constants out again', () => {
    // The salt's last two words and the LCG's numbers are used nowhere else (hair.glsl uses 0x9e3779b9, the
    // golden ratio, on its own), so finding one outside hash.glsl's constants means a copy that could drift.
    const words = [RANK_SALT[1], RANK_SALT[2]].map((v) => `0x${v.toString(16)}`).concat(`${PCG_MULTIPLIER}`, `${PCG_INCREMENT}`);
    const spelled = readdirSync(shaderDir)
      .filter((file) => file.endsWith('.glsl'))
      .flatMap((file) => {
        const text = shader(file).replace(/const\s+(uint|uvec3)\s+(PCG_MULTIPLIER|PCG_INCREMENT|RANK_SALT)\s*=[^;]+;/g, '').toLowerCase();
        return words.filter((word) => text.includes(word)).map((word) => `${file}: ${word}`);
      });
    expect(spelled).toEqual([]);
  });
});
