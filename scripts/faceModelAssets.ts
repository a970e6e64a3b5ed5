/**
 * The face landmark model's files, served from the app's own origin (a vite plugin): in `npm run dev` from
 * `node_modules/@mediapipe/face_mesh`, and in the build copied under `face-model/`. They are never committed
 * and never fetched from another host. The app loads them only when a photo is used
 * (src/io/photos/mediapipeFaceModel.ts), and the service worker caches them then (scripts/offlinePlugin.ts).
 *
 * MediaPipe's emscripten glue (`*_wasm_bin.js`) builds three kinds of function from source text at run time
 * (embind's named functions, its call wrappers and the method callers of `emscripten::val`), which the
 * app's security policy forbids (no 'unsafe-eval'). `withoutRuntimeCode` replaces those three functions with
 * closures that do the same work, as emscripten itself does when built with DYNAMIC_EXECUTION=0; the build
 * fails if the glue no longer has the expected shape.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { FACE_MODEL_DIR } from '../src/io/photos/faceModel.ts';

/** What the page loads: the solution's script, its graph, the packed models and the wasm (SIMD or not). */
export const FACE_MODEL_FILES = [
  'face_mesh.js',
  'face_mesh.binarypb',
  'face_mesh_solution_packed_assets_loader.js',
  'face_mesh_solution_packed_assets.data',
  'face_mesh_solution_simd_wasm_bin.js',
  'face_mesh_solution_simd_wasm_bin.wasm',
  'face_mesh_solution_wasm_bin.js',
  'face_mesh_solution_wasm_bin.wasm',
] as const;

const packageDir = () => dirname(createRequire(import.meta.url).resolve('@mediapipe/face_mesh/package.json'));

const createNamedFunction =
  'function createNamedFunction(name,body){var named=function(){"use strict";return body.apply(this,arguments)};' +
  'Object.defineProperty(named,"name",{value:makeLegalFunctionName(name)});return named}';

// Same checks, wire conversions, destructors and return conversion as the generated source.
const craftInvokerFunction =
  'function craftInvokerFunction(humanName,argTypes,classType,cppInvokerFunc,cppTargetFunc){var argCount=argTypes.length;' +
  'if(argCount<2){throwBindingError("argTypes array size mismatch! Must at least get return value and \'this\' types!")}' +
  'var isClassMethodFunc=argTypes[1]!==null&&classType!==null;var needsDestructorStack=false;' +
  'for(var i=1;i<argTypes.length;++i){if(argTypes[i]!==null&&argTypes[i].destructorFunction===undefined){needsDestructorStack=true;break}}' +
  'var returns=argTypes[0].name!=="void";var expected=argCount-2;' +
  'return createNamedFunction(humanName,function(){' +
  'if(arguments.length!==expected){throwBindingError("function "+humanName+" called with "+arguments.length+" arguments, expected "+expected+" args!")}' +
  'var destructors=needsDestructorStack?[]:null;var thisWired;var argsWired=[];' +
  'if(isClassMethodFunc){thisWired=argTypes[1].toWireType(destructors,this)}' +
  'for(var j=0;j<expected;++j){argsWired.push(argTypes[j+2].toWireType(destructors,arguments[j]))}' +
  'var rv=cppInvokerFunc.apply(null,[cppTargetFunc].concat(isClassMethodFunc?[thisWired]:[],argsWired));' +
  'if(needsDestructorStack){runDestructors(destructors)}else{for(var k=isClassMethodFunc?1:2;k<argTypes.length;++k){' +
  'if(argTypes[k].destructorFunction!==null){argTypes[k].destructorFunction(k===1?thisWired:argsWired[k-2])}}}' +
  'if(returns){return argTypes[0].fromWireType(rv)}})}';

const emvalGetMethodCaller =
  'function __emval_get_method_caller(argCount,argTypes){var types=__emval_lookupTypes(argCount,argTypes);var retType=types[0];' +
  'var signatureName=retType.name+"_$"+types.slice(1).map(function(t){return t.name}).join("_")+"$";' +
  'var returnId=emval_registeredMethods[signatureName];if(returnId!==undefined){return returnId}var params=types.slice(1);' +
  'var invokerFunction=function(handle,name,destructors,args){var values=[];var offset=0;' +
  'for(var i=0;i<params.length;++i){values.push(params[i].readValueFromPointer(args+offset));offset+=params[i]["argPackAdvance"]}' +
  'var rv=handle[name].apply(handle,values);' +
  'for(var j=0;j<params.length;++j){if(params[j]["deleteObject"]){params[j].deleteObject(values[j])}}' +
  'if(!retType.isVoid){return retType.toWireType(destructors,rv)}};' +
  'returnId=__emval_addMethodCaller(invokerFunction);emval_registeredMethods[signatureName]=returnId;return returnId}';

/** Each replaced function: where it starts, what follows it, and its replacement. */
const REPLACEMENTS: { start: string; next: string; code: string }[] = [
  { start: 'function createNamedFunction(', next: 'var emval_handle_array=', code: createNamedFunction },
  { start: 'function craftInvokerFunction(', next: 'function heap32VectorToArray(', code: craftInvokerFunction },
  { start: 'function __emval_get_method_caller(', next: 'function __emval_incref(', code: emvalGetMethodCaller },
];

const RUNTIME_CODE = /new Function|new_\(Function|\beval\(/;

/** The emscripten glue with its functions built from text replaced by closures (see above). */
export function withoutRuntimeCode(source: string, file: string): string {
  let out = source;
  for (const { start, next, code } of REPLACEMENTS) {
    const from = out.indexOf(start);
    const to = from < 0 ? -1 : out.indexOf(next, from);
    if (from < 0 || to < 0 || out.indexOf(start, from + 1) >= 0) {
      throw new Error(`${file}: the glue has changed (${start}… not found once before ${next}); check scripts/faceModelAssets.ts`);
    }
    out = out.slice(0, from) + code + out.slice(to);
  }
  return withoutCodeFromText(out, file, 'scripts/faceModelAssets.ts');
}

/** `source` when it builds no code from text at run time (which the app's security policy forbids); else the build fails, naming `owner` to check. */
export function withoutCodeFromText(source: string, file: string, owner: string): string {
  const left = RUNTIME_CODE.exec(source);
  if (left) throw new Error(`${file}: builds code at run time (${left[0]}); check ${owner}`);
  return source;
}

/** One model file's bytes as the app serves them. */
export function faceModelFile(name: (typeof FACE_MODEL_FILES)[number]): Buffer {
  const bytes = readFileSync(join(packageDir(), name));
  return name.endsWith('_wasm_bin.js') ? Buffer.from(withoutRuntimeCode(bytes.toString('utf8'), name)) : bytes;
}

const CONTENT_TYPES: Record<string, string> = { js: 'text/javascript', wasm: 'application/wasm' };

/**
 * A plugin that serves `files` under the app's folder `dir`, each file's bytes given by `read`: from the dev
 * server in `npm run dev`, and written into the build.
 */
export function folderAssets<F extends string>(name: string, dir: string, files: readonly F[], read: (file: F) => Buffer): Plugin {
  return {
    name,
    configureServer(server) {
      server.middlewares.use(`/${dir}/`, (req, res, next) => {
        const requested = (req.url ?? '').split('?')[0]!.replace(/^\//, '');
        const file = files.find((f) => f === requested);
        if (!file) return next();
        res.setHeader('Content-Type', CONTENT_TYPES[file.split('.').pop()!] ?? 'application/octet-stream');
        res.end(read(file));
      });
    },
    generateBundle() {
      for (const file of files) this.emitFile({ type: 'asset', fileName: `${dir}/${file}`, source: read(file) });
    },
  };
}

export function faceModelAssets(): Plugin {
  return folderAssets('smp-face-model-assets', FACE_MODEL_DIR, FACE_MODEL_FILES, faceModelFile);
}
