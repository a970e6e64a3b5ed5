import type { Message } from '../../domain/languages';
import { SCAN_FORMATS, type ScanFile, type ScanFormat, type ScanMesh } from '../../domain/scan/scanMesh';
import { checkMesh, extensionOf, ScanFileError, type ParsedMesh } from './common';
import { isGlb, parseGlb, parseGltf } from './gltf';
import { parseObj } from './obj';
import { parsePly } from './ply';
import { parseStl } from './stl';

export { ScanFileError } from './common';

export interface ParsedScan {
  mesh: ScanMesh;
  format: ScanFormat;
  /** What was left out and why (a texture not among the dropped files, say), for the user. */
  warnings: string[];
  /** The same warnings as Messages, for the interface to write in the user's language. */
  warningTexts: Message[];
}

const LABELS: Record<ScanFormat, string> = { glb: 'GLB', gltf: 'glTF', obj: 'OBJ', ply: 'PLY', stl: 'STL' };

const PARSERS: Record<ScanFormat, (file: ScanFile, files: readonly ScanFile[]) => ParsedMesh> = {
  glb: parseGlb,
  gltf: parseGltf,
  obj: parseObj,
  ply: parsePly,
  stl: (file) => ({ mesh: parseStl(file.bytes), warnings: [], warningTexts: [] }),
};

const isScanFormat = (extension: string): extension is ScanFormat => (SCAN_FORMATS as readonly string[]).includes(extension);

/**
 * Read a scan from the files the user dropped: the first with a scan extension is the scan, the others
 * are its companions, found by name (a .gltf's buffers and images, an .obj's materials and texture, a
 * .ply's texture). Pure parsing of bytes, for a Web Worker. Every failure is an Error worded for the user.
 */
export function parseScan(files: ScanFile[]): ParsedScan {
  const main = files.find((f) => isScanFormat(extensionOf(f.name)));
  if (!main) {
    const supported = SCAN_FORMATS.map((f) => `.${f}`).join(', ');
    if (files[0]) throw new ScanFileError('unsupported', { name: files[0].name, supported }, `The simulator cannot read "${files[0].name}": scans must be ${supported} files.`);
    throw new ScanFileError('noFile', { supported }, `No file was given: scans must be ${supported} files.`);
  }
  if (main.bytes.length === 0) throw new ScanFileError('empty', { name: main.name }, `The file "${main.name}" is empty.`);
  const format = detectFormat(main);
  const label = LABELS[format];
  let parsed: ParsedMesh;
  try {
    parsed = PARSERS[format](main, files);
  } catch (error) {
    if (error instanceof ScanFileError) throw error;
    // Anything else is data of a shape the reader did not expect (a number where a glTF has a list, say):
    // the engine's words go to the console, for whoever supports the clinic.
    console.warn(`Reading ${label} scan:`, error);
    throw new ScanFileError('unreadable', { format: label }, `This ${label} file could not be read: it may be damaged, or a variant the simulator does not know.`);
  }
  checkMesh(parsed.mesh, label);
  return { mesh: parsed.mesh, format, warnings: parsed.warnings, warningTexts: parsed.warningTexts };
}

/** The format by extension, checked against the content where the two glTF kinds are confused. */
function detectFormat(file: ScanFile): ScanFormat {
  const extension = extensionOf(file.name) as ScanFormat;
  if (extension !== 'glb' && extension !== 'gltf') return extension;
  // Exporters and people sometimes give one kind the other's extension; the content decides.
  if (isGlb(file.bytes)) return 'glb';
  if (startsLikeJson(file.bytes)) return 'gltf';
  throw new ScanFileError('notGltf', { name: file.name }, `"${file.name}" is not a glTF file: it neither starts with the GLB signature nor is glTF text.`);
}

function startsLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // UTF-8 byte order mark
  while (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d) i++;
  return bytes[i] === 0x7b; // {
}
