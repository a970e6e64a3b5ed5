/**
 * The HEIC decoder's files (libheif's WebAssembly build from `libheif-js`, LGPL-3.0), served from the app's
 * own origin as two separate, replaceable files: in `npm run dev` from `node_modules/libheif-js`, and in the
 * build copied under `heic-decoder/`. The app loads them only when a HEIC photo is read in a browser that
 * cannot decode HEIC itself (src/io/photos/heicDecoder.ts), and the service worker caches them then
 * (scripts/offlinePlugin.ts). The build fails if the glue ever builds code from text, which the app's
 * security policy forbids.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { HEIC_DECODER_DIR, HEIC_DECODER_FILES } from '../src/io/photos/heicDecoder.ts';
import { folderAssets, withoutCodeFromText } from './faceModelAssets.ts';

/** The package's WebAssembly variant that loads its `.wasm` beside it (not the bundles with the wasm inlined in the script). */
const wasmDir = () => join(dirname(createRequire(import.meta.url).resolve('libheif-js/package.json')), 'libheif-wasm');

/** One decoder file's bytes as the app serves them. */
export function heicDecoderFile(name: (typeof HEIC_DECODER_FILES)[number]): Buffer {
  const bytes = readFileSync(join(wasmDir(), name));
  if (name.endsWith('.js')) withoutCodeFromText(bytes.toString('utf8'), name, 'scripts/heicDecoderAssets.ts');
  return bytes;
}

export function heicDecoderAssets(): Plugin {
  return folderAssets('smp-heic-decoder-assets', HEIC_DECODER_DIR, HEIC_DECODER_FILES, heicDecoderFile);
}
