/**
 * Messages between the page and the scan worker (scanWorker.ts). Reading, simplifying, fitting and aligning
 * a scan of millions of triangles takes seconds: all of it runs in the worker, so the page never freezes.
 */
import type { Landmarks } from '../../domain/head/landmarks';
import type { FileLandmarks, ScaleMeasurement, ScanHead } from '../../domain/scan/scanHead';
import type { ScanFormat } from '../../domain/scan/scanMesh';
import type { Similarity } from '../../domain/scan/align';

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

/** The scan as read, waiting for its landmarks to be checked. */
export interface ReadScan {
  name: string;
  format: ScanFormat;
  fileTriangles: number;
  /** Triangles kept (fewer than in the file when it was simplified). */
  triangles: number;
  suggestion: { landmarks: Landmarks; looksLikeHead: boolean; fitErrorMm: number };
  /** What was left out and why (a texture that could not be decoded). */
  warnings: string[];
}

/** A scan aligned with a set of landmarks: the head to show, and the landmarks in the file's coordinates. */
export interface AlignedScan {
  head: ScanHead;
  fileLandmarks: Landmarks;
  /** File coordinates to the head frame. */
  similarity: Similarity;
  /** The aligned scan measured as a tape measure and callipers would (mm), to compare with the client. */
  measured: { circumferenceMm: number; tragusDistanceMm: number };
}

export type ScanResponse =
  | { id: number; ok: true; progress: string }
  | { id: number; ok: true; read: ReadScan }
  | { id: number; ok: true; aligned: AlignedScan }
  | { id: number; ok: false; message: string; tooLarge?: { triangles: number } };
