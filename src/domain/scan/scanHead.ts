/**
 * A client's head scan, aligned into the head frame (mm; +X the client's left, +Y up, +Z forward, origin
 * mid-tragus): what the scene draws instead of the default head, and what is stored with the plan.
 */
import type { Landmarks, Vec3 } from '../head/landmarks';
import type { ScanFormat, ScanTexture } from './scanMesh';

/** How the scan's size was set: its file's unit, and the tape measurement that corrected it, if any. */
export interface ScanScale {
  /** The unit the file's numbers were read in ('unknown': scaled to an average head). */
  unit: 'mm' | 'cm' | 'm' | 'in' | 'unknown';
  /** File units to millimetres, including the measurement's correction. */
  mmPerUnit: number;
  measurement?: ScaleMeasurement;
}

/** One known measurement of the client's head that sets the scan's true size. */
export interface ScaleMeasurement {
  kind: 'circumference' | 'tragusDistance';
  mm: number;
}

export interface ScanHead {
  /** Random, never reused; the key the scan is stored under. */
  id: string;
  /** The file's name, as the user knows the scan. */
  name: string;
  importedAt: string;
  format: ScanFormat;
  /** Triangles in the file, before any simplification. */
  fileTriangles: number;
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint32Array;
  colors?: Float32Array;
  uvs?: Float32Array;
  texture?: ScanTexture;
  /** Every landmark, on the skin, in the head frame. */
  landmarks: Landmarks;
  scale: ScanScale;
}

/** What the head list and `window.smp.getHead()` say about the head on screen. */
export interface HeadSummary {
  kind: 'default' | 'scan';
  name: string;
  triangles: number;
  landmarks: Landmarks;
  scale?: ScanScale;
}

/** The landmarks the alignment is built from: the user checks these on every scan. */
export const KEY_LANDMARKS = ['glabella', 'vertex', 'leftTragus', 'rightTragus'] as const;
export type KeyLandmark = (typeof KEY_LANDMARKS)[number];

export type FileLandmarks = Pick<Landmarks, KeyLandmark> & Partial<Landmarks>;

export function isVec3(value: unknown): value is Vec3 {
  return Array.isArray(value) && value.length === 3 && value.every((c) => typeof c === 'number' && Number.isFinite(c));
}
