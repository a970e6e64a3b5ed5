/** A head scan on its way in: as read from its files, then aligned with a set of landmarks. */
import type { Landmarks } from '../head/landmarks';
import type { Message } from '../languages';
import type { Similarity } from './align';
import type { ScanHead } from './scanHead';
import type { ScanFormat } from './scanMesh';

/** The scan as read, waiting for its landmarks to be checked. */
export interface ReadScan {
  name: string;
  format: ScanFormat;
  fileTriangles: number;
  /** Triangles kept (fewer than in the file when it was simplified). */
  triangles: number;
  suggestion: { landmarks: Landmarks; looksLikeHead: boolean; fitErrorMm: number };
  /** What was left out and why (a texture that could not be decoded), for the interface to write. */
  warnings: Message[];
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
