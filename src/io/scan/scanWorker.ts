/// <reference lib="webworker" />
/**
 * The scan worker: reads a dropped scan, simplifies it when asked, suggests its landmarks by fitting the
 * default head to it, and aligns it into the head frame. It keeps the last scan read, so that each
 * correction of a landmark only re-aligns (see protocol.ts).
 */
import { srgbToLinear } from '../../domain/color';
import { parseLandmarks, LANDMARK_NAMES, type Landmarks, type Vec3 } from '../../domain/head/landmarks';
import { createSurfaceQuery, type SurfaceQuery } from '../../domain/geometry/closestPoint';
import { alignmentFromLandmarks, applySimilarity, applySimilarityToPoint, completeLandmarks, measureScanSize, scaleFromMeasurement } from '../../domain/scan/align';
import { createTemplate, suggestLandmarks } from '../../domain/scan/fit';
import { mergeDuplicateVertices, simplifyMesh, validateScan, weldForShading } from '../../domain/scan/prepare';
import type { ScanHead } from '../../domain/scan/scanHead';
import type { ScanFile, ScanFormat, ScanMesh, ScanTexture } from '../../domain/scan/scanMesh';
import { readGlb, readMesh } from '../glb';
import { parseScan } from './parseScan';
import { userText } from '../../app/userMessage';
import type { Message } from '../../domain/languages';
import { message, TextError } from '../../domain/textError';
import type { ReadScan } from '../../domain/scan/scanImport';
import { MAX_SCAN_FILE_BYTES, MAX_SCAN_TRIANGLES, SIMPLIFIED_TRIANGLES, type ScanRequest, type ScanResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

interface Reference {
  template: ReturnType<typeof createTemplate>;
  landmarks: Landmarks;
}

interface Current {
  id: string;
  name: string;
  format: ScanFormat;
  fileTriangles: number;
  mesh: ScanMesh;
  normals: Float32Array;
  query: SurfaceQuery;
  suggestion: Landmarks;
  looksLikeHead: boolean;
}

let reference: Promise<Reference> | null = null;
let current: Current | null = null;

/** The default head, fitted to every scan to suggest its landmarks; loaded once. */
function loadReference(url: string): Promise<Reference> {
  reference ??= (async () => {
    const response = await fetch(url);
    if (!response.ok) throw new TextError(message('scan.worker.templateFailed', { status: response.status }), `The default head could not be loaded (${response.status}).`);
    const glb = readGlb(new Uint8Array(await response.arrayBuffer()));
    const skin = readMesh(glb, 'Skin');
    const nodes = glb.json.nodes as { extras?: { landmarks?: unknown } }[];
    const landmarks = parseLandmarks(nodes.find((n) => n.extras?.landmarks !== undefined)?.extras?.landmarks);
    return { template: createTemplate(skin.positions, skin.indices, landmarks), landmarks };
  })();
  reference.catch(() => (reference = null));
  return reference;
}

/**
 * A texture sampler in linear RGB, for baking a texture into vertex colours when a scan is simplified;
 * undefined when the image cannot be decoded (the scan then keeps its shape without the texture).
 */
async function decodeTexture(texture: ScanTexture): Promise<((u: number, v: number) => [number, number, number]) | undefined> {
  try {
    const bitmap = await createImageBitmap(new Blob([texture.bytes as Uint8Array<ArrayBuffer>], { type: texture.mimeType }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    context.drawImage(bitmap, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    bitmap.close();
    const linear = new Float32Array(256).map((_, i) => srgbToLinear(i / 255));
    return (u, v) => {
      // Repeat wrapping, as glTF's default sampler does; v = 0 is the image's top row.
      const x = Math.min(width - 1, Math.floor((u - Math.floor(u)) * width));
      const y = Math.min(height - 1, Math.floor((v - Math.floor(v)) * height));
      const i = 4 * (y * width + x);
      return [linear[data[i]!]!, linear[data[i + 1]!]!, linear[data[i + 2]!]!];
    };
  } catch {
    return undefined;
  }
}

function newId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function read(request: Extract<ScanRequest, { kind: 'read' }>, progress: (text: Message) => void): Promise<ReadScan | { tooLarge: number }> {
  const { files } = request;
  const main = files.find((f) => /\.(glb|gltf|obj|ply|stl)$/i.test(f.name)) ?? files[0];
  if (!main) throw new TextError(message('scan.worker.noFile'), 'No file was given.');
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > MAX_SCAN_FILE_BYTES) {
    const gb = (total / 1024 ** 3).toFixed(1);
    throw new TextError(message('scan.worker.fileTooLarge', { name: main.name, gb: Number(gb) }), `“${main.name}” is ${gb} GB: too large to read in a browser (at most 1 GB). Export the scan with fewer triangles.`);
  }
  progress(message('scan.progress.reading', { name: main.name }));
  const scanFiles: ScanFile[] = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  const parsed = parseScan(scanFiles);
  let mesh = parsed.mesh;
  validateScan(mesh);
  const fileTriangles = mesh.indices.length / 3;
  const warnings = [...parsed.warningTexts];
  if (fileTriangles > MAX_SCAN_TRIANGLES) {
    if (!request.simplify) return { tooLarge: fileTriangles };
    progress(message('scan.progress.simplifying', { triangles: fileTriangles }));
    const sampler = mesh.texture && mesh.uvs ? await decodeTexture(mesh.texture) : undefined;
    mesh = simplifyMesh(mesh, SIMPLIFIED_TRIANGLES, sampler);
  } else if (mesh.texture && !(await decodeTexture(mesh.texture))) {
    // A texture the browser cannot decode would draw black: keep the shape, without it.
    const { texture: _texture, uvs: _uvs, ...rest } = mesh;
    mesh = rest;
    warnings.push(message('scan.warnings.textureUndecodable'));
  }
  mesh = mergeDuplicateVertices(mesh);
  progress(message('scan.progress.landmarks'));
  const ref = await loadReference(request.templateUrl);
  const query = createSurfaceQuery(mesh.positions, mesh.indices);
  const suggestion = suggestLandmarks(mesh.positions, mesh.indices, ref.template, query);
  current = {
    id: newId(),
    name: main.name,
    format: parsed.format,
    fileTriangles,
    mesh,
    normals: weldForShading(mesh.positions, mesh.indices),
    query,
    suggestion: suggestion.landmarks,
    looksLikeHead: suggestion.looksLikeHead,
  };
  return {
    name: main.name,
    format: parsed.format,
    fileTriangles,
    triangles: mesh.indices.length / 3,
    suggestion: { landmarks: suggestion.landmarks, looksLikeHead: suggestion.looksLikeHead, fitErrorMm: suggestion.fitErrorMm },
    warnings,
  };
}

async function align(request: Extract<ScanRequest, { kind: 'align' }>) {
  if (!current || !reference) throw new TextError(message('scan.worker.noScan'), 'No scan has been read.');
  const ref = await reference;
  // A fit that failed (not a head, placed by hand) suggests nothing worth keeping for the other landmarks.
  const fileLandmarks = completeLandmarks(request.landmarks, current.looksLikeHead ? current.suggestion : null, current.query, ref.landmarks);
  const alignment = alignmentFromLandmarks(fileLandmarks, ref.landmarks);
  const { unit } = alignment;
  let { similarity, unitScale } = alignment;
  let positions = applySimilarity(current.mesh.positions, similarity);
  const landmarksIn = (s: typeof similarity) => Object.fromEntries(LANDMARK_NAMES.map((name) => [name, applySimilarityToPoint(fileLandmarks[name], s)])) as Landmarks;
  let landmarks = landmarksIn(similarity);
  if (request.measurement) {
    // The origin is mid-tragus, so a correction of size is a scaling about the origin.
    const factor = scaleFromMeasurement(positions, current.mesh.indices, landmarks, request.measurement);
    similarity = { rotation: similarity.rotation, scale: similarity.scale * factor, translation: similarity.translation.map((t) => t * factor) as Vec3 };
    unitScale *= factor;
    positions = applySimilarity(current.mesh.positions, similarity);
    landmarks = landmarksIn(similarity);
  }
  const r = similarity.rotation;
  const normals = new Float32Array(current.normals.length);
  for (let i = 0; i < normals.length; i += 3) {
    const x = current.normals[i]!, y = current.normals[i + 1]!, z = current.normals[i + 2]!;
    normals[i] = r[0]! * x + r[1]! * y + r[2]! * z;
    normals[i + 1] = r[3]! * x + r[4]! * y + r[5]! * z;
    normals[i + 2] = r[6]! * x + r[7]! * y + r[8]! * z;
  }
  const { mesh } = current;
  const head: ScanHead = {
    id: current.id,
    name: current.name,
    importedAt: new Date().toISOString(),
    format: current.format,
    fileTriangles: current.fileTriangles,
    positions,
    normals,
    indices: mesh.indices.slice(),
    ...(mesh.colors && { colors: mesh.colors.slice() }),
    ...(mesh.uvs && mesh.texture && { uvs: mesh.uvs.slice(), texture: { bytes: mesh.texture.bytes.slice(), mimeType: mesh.texture.mimeType } }),
    landmarks,
    scale: { unit, mmPerUnit: unitScale, ...(request.measurement && { measurement: request.measurement }) },
  };
  return { head, fileLandmarks, similarity, measured: measureScanSize(positions, mesh.indices, landmarks) };
}

function transferables(head: ScanHead): Transferable[] {
  const arrays = [head.positions, head.normals, head.indices, head.colors, head.uvs, head.texture?.bytes];
  return arrays.filter((a) => a !== undefined).map((a) => a.buffer as ArrayBuffer);
}

self.onmessage = async (event: MessageEvent<ScanRequest>) => {
  const request = event.data;
  const post = (response: ScanResponse, transfer: Transferable[] = []) => self.postMessage(response, transfer);
  try {
    if (request.kind === 'read') {
      const result = await read(request, (progress) => post({ id: request.id, ok: true, progress }));
      if ('tooLarge' in result) {
        post({ id: request.id, ok: false, message: 'too large', text: message('scan.tooLarge', { triangles: result.tooLarge, limit: MAX_SCAN_TRIANGLES, simplified: SIMPLIFIED_TRIANGLES }), tooLarge: { triangles: result.tooLarge } });
      } else {
        post({ id: request.id, ok: true, read: result });
      }
    } else {
      const aligned = await align(request);
      post({ id: request.id, ok: true, aligned }, transferables(aligned.head));
    }
  } catch (error) {
    const text = userText(error, message('scan.worker.unreadable'), 'Reading the scan failed:');
    const english = text.key === 'messages:scan.worker.unreadable' ? 'The scan could not be read: it may be damaged, or a variant the simulator does not know.' : (error as Error).message;
    post({ id: request.id, ok: false, message: english, text });
  }
};
