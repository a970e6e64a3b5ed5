/**
 * Messages between the page and the scan worker (scanWorker.ts). Reading, simplifying, fitting and aligning
 * a scan of millions of triangles takes seconds: all of it runs in the worker, so the page never freezes.
 */
import type { Message } from '../../domain/languages';
import type { FileLandmarks, ScaleMeasurement } from '../../domain/scan/scanHead';
import type { AlignedScan, ReadScan } from '../../domain/scan/scanImport';

/** Scans above this are offered simplification: the per-vertex maps (hairline, density, hair) are redrawn on
 * every edit, and about 200k vertices is what keeps a handle drag smooth. */
export const MAX_SCAN_TRIANGLES = 400_000;
/** What a simplified scan keeps: still finer than 2 mm on a head, which the brushes need. */
export const SIMPLIFIED_TRIANGLES = 250_000;
/** Files above this are refused before reading: a browser tab cannot hold the copies parsing needs. */
export const MAX_SCAN_FILE_BYTES = 1024 ** 3;

export type ScanRequest =
  | { kind: 'read'; id: number; files: File[]; templateUrl: string; simplify: boolean }
  | { kind: 'align'; id: number; landmarks: FileLandmarks; measurement?: ScaleMeasurement };

export type ScanResponse =
  | { id: number; ok: true; progress: Message }
  | { id: number; ok: true; read: ReadScan }
  | { id: number; ok: true; aligned: AlignedScan }
  | { id: number; ok: false; message: string; text: Message; tooLarge?: { triangles: number } };
