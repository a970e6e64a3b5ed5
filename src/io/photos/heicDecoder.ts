/**
 * The HEIC decoder for browsers that cannot decode HEIC themselves (all but Safari): libheif
 * (`libheif-js`, LGPL-3.0) built for WebAssembly, run on the device. Its two files, the emscripten glue
 * `libheif.js` and `libheif.wasm`, stay separate, replaceable files in the app's own `heic-decoder/`
 * folder (scripts/heicDecoderAssets.ts serves them in dev and copies them into the build; the service
 * worker caches them at first use), loaded only when a HEIC photo is read. The glue builds no code from
 * text, so it runs under the app's security policy, which allows compiling WebAssembly and nothing else.
 *
 * libheif applies the container's own rotation and mirroring (`irot`, `imir`) while decoding, so the
 * pixels come out upright.
 */
import { loadScript } from '../loadScript.ts';

/** The folder, beside the app's index.html, that holds the decoder's files. */
export const HEIC_DECODER_DIR = 'heic-decoder';

/** The decoder's files in that folder: the glue, a classic script defining the global `libheif`, and the WebAssembly it runs. */
export const HEIC_DECODER_FILES = ['libheif.js', 'libheif.wasm'] as const;

/** What a libheif call returns on failure: a code (an embind enum value) and libheif's words. */
interface HeifError {
  code: unknown;
  message: string;
}

interface HeifChannel {
  id: unknown;
  width: number;
  height: number;
  stride: number;
  data: Uint8Array;
}

/** The part of libheif's embind module this decoder uses (the package's own typings are for its bundled variants). */
export interface LibHeif {
  heif_error_code: { heif_error_Ok: unknown };
  heif_colorspace: { heif_colorspace_RGB: unknown };
  heif_chroma: { heif_chroma_interleaved_RGBA: unknown };
  heif_channel: { heif_channel_interleaved: unknown };
  heif_context_alloc(): unknown;
  heif_context_free(context: unknown): void;
  heif_context_read_from_memory(context: unknown, bytes: Uint8Array): HeifError;
  /** The primary image's handle, or an error. */
  heif_js_context_get_primary_image_handle(context: unknown): unknown;
  heif_image_handle_release(handle: unknown): void;
  /** The decoded image (`image`, to release, and its `channels`), or an error. */
  heif_js_decode_image2(handle: unknown, colorspace: unknown, chroma: unknown): { image?: unknown; channels?: HeifChannel[]; code?: unknown; message?: string } | Promise<{ image?: unknown; channels?: HeifChannel[]; code?: unknown; message?: string }>;
  heif_image_release(image: unknown): void;
}

/** The glue's factory: an emscripten module built with MODULARIZE, which instantiates its WebAssembly synchronously. */
export type LibHeifFactory = (options: {
  instantiateWasm: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) => WebAssembly.Exports;
  onRuntimeInitialized: () => void;
  onAbort: (reason: unknown) => void;
  print: (text: string) => void;
  printErr: (text: string) => void;
}) => unknown;

/**
 * libheif running on `wasm`, compiled beforehand (asynchronously: a browser's main thread may refuse to
 * compile a large module synchronously, which is what the glue would do with the bytes alone).
 */
export function createLibHeif(factory: LibHeifFactory, wasm: WebAssembly.Module): Promise<LibHeif> {
  return new Promise((resolve, reject) => {
    const module = factory({
      instantiateWasm(imports, done) {
        const instance = new WebAssembly.Instance(wasm, imports);
        done(instance);
        return instance.exports;
      },
      // Called while the factory runs (the instantiation is synchronous): the module is there a microtask later.
      onRuntimeInitialized: () => queueMicrotask(() => resolve(module as LibHeif)),
      onAbort: (reason) => reject(new Error(`The HEIC decoder stopped: ${String(reason)}`)),
      // libheif's own diagnostics are not the app's to show; a failure is reported by what the calls return.
      print: () => undefined,
      printErr: () => undefined,
    });
  });
}

/** A decoded picture: RGBA, row by row from the top left, upright. */
export interface HeicPixels {
  width: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

const isError = (libheif: LibHeif, result: unknown): result is HeifError =>
  typeof result === 'object' && result !== null && 'code' in result && (result as HeifError).code !== libheif.heif_error_code.heif_error_Ok;

/**
 * The primary image of a HEIC file, decoded to RGBA with its rotation and mirroring applied. Throws an Error
 * with libheif's words when the file cannot be read or decoded (a cut-off or damaged file).
 */
export async function decodeHeicPixels(libheif: LibHeif, bytes: Uint8Array): Promise<HeicPixels> {
  const context = libheif.heif_context_alloc();
  if (!context) throw new Error('The HEIC decoder has no memory left');
  try {
    const read = libheif.heif_context_read_from_memory(context, bytes);
    if (isError(libheif, read)) throw new Error(read.message);
    const handle = libheif.heif_js_context_get_primary_image_handle(context);
    if (!handle || isError(libheif, handle)) throw new Error(isError(libheif, handle) ? handle.message : 'The HEIC file has no primary image');
    try {
      const decoded = await libheif.heif_js_decode_image2(handle, libheif.heif_colorspace.heif_colorspace_RGB, libheif.heif_chroma.heif_chroma_interleaved_RGBA);
      if (!decoded || isError(libheif, decoded) || !decoded.channels) throw new Error(decoded?.message ?? 'The HEIC image could not be decoded');
      try {
        const channel = decoded.channels.find((c) => c.id === libheif.heif_channel.heif_channel_interleaved);
        if (!channel || channel.width < 1 || channel.height < 1) throw new Error('The HEIC image decoded to no pixels');
        const { width, height, stride } = channel;
        const data = new Uint8ClampedArray(width * height * 4);
        for (let y = 0; y < height; y++) data.set(channel.data.subarray(y * stride, y * stride + width * 4), y * width * 4);
        return { width, height, data };
      } finally {
        if (decoded.image) libheif.heif_image_release(decoded.image);
      }
    } finally {
      libheif.heif_image_handle_release(handle);
    }
  } finally {
    libheif.heif_context_free(context);
  }
}

declare global {
  interface Window {
    libheif?: LibHeifFactory;
  }
}

async function compiledWasm(url: string): Promise<WebAssembly.Module> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The HEIC decoder could not be loaded (${url}: ${response.status})`);
  return WebAssembly.compile(await response.arrayBuffer());
}

let loaded: Promise<LibHeif> | null = null;

/** libheif, loaded at the first HEIC photo from the app's own folder and kept for the next. */
export function heicDecoder(): Promise<LibHeif> {
  loaded ??= (async () => {
    const base = new URL(`${HEIC_DECODER_DIR}/`, document.baseURI);
    const [wasm] = await Promise.all([compiledWasm(new URL('libheif.wasm', base).href), window.libheif ? undefined : loadScript(new URL('libheif.js', base).href, 'The HEIC decoder')]);
    if (!window.libheif) throw new Error('The HEIC decoder script defined no libheif');
    return createLibHeif(window.libheif, wasm);
  })().catch((error: unknown) => {
    // A failed load (offline before the decoder was ever cached) is tried again at the next HEIC photo.
    loaded = null;
    throw error;
  });
  return loaded;
}
