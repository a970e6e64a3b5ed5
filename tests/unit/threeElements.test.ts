/**
 * The build registers only SCENE_ELEMENTS with @react-three/fiber (scripts/threeCatalogue.ts): an element the
 * scene's JSX names that is not there would fail at run time in the built app only. This reads the scene's JSX.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { SCENE_ELEMENTS } from '../../src/scene/threeElements';
import { filesUnder } from '../support/filesUnder';

const scene = resolve(import.meta.dirname, '../../src/scene');

/** The three classes named by lower-case JSX elements in the scene (`<mesh` is Mesh); DOM elements inside drei's Html are not three classes. */
function elementsInScene(): Set<string> {
  const names = new Set<string>();
  for (const file of filesUnder(scene, /\.tsx$/)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/<([a-z][A-Za-z0-9]*)[\s/>]/g)) {
      const name = match[1]![0]!.toUpperCase() + match[1]!.slice(1);
      if (name in THREE) names.add(name);
    }
  }
  return names;
}

describe('the three classes the scene creates from JSX', () => {
  it('reads the scene’s elements', () => {
    // The scan itself must find them, or the check below passes vacuously.
    expect(elementsInScene()).toContain('Mesh');
  });

  it('are all registered for the build', () => {
    expect([...elementsInScene()].filter((name) => !(name in SCENE_ELEMENTS)).sort()).toEqual([]);
  });

  it('registers each under its own class name', () => {
    for (const [name, value] of Object.entries(SCENE_ELEMENTS)) expect(value, name).toBe(THREE[name as keyof typeof THREE]);
  });
});
