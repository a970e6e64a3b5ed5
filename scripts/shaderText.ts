/**
 * The app's GLSL (shaders/*.glsl, imported with `?raw`) shipped without its comments and indentation (a vite
 * plugin, build only): the comments explain the shaders to their readers and are half their size, which every
 * visitor would otherwise download before the first frame. The dev server serves them whole, so a shader
 * error there points at the source's own lines.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

/** GLSL with no comments, no indentation and no empty lines; every line that is kept stays a line (directives need theirs). */
export function compactGlsl(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

export function shaderText(): Plugin {
  return {
    name: 'smp-shader-text',
    apply: 'build',
    enforce: 'pre',
    async load(id) {
      const match = /^(.*\.glsl)\?raw$/.exec(id);
      if (!match) return null;
      return `export default ${JSON.stringify(compactGlsl(await readFile(match[1]!, 'utf8')))};`;
    },
  };
}
