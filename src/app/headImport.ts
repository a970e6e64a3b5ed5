/**
 * Bringing a client's head scan in: read it (in the scan worker), let the user check the suggested
 * landmarks and the size, then draw the plan on it and store it with the plan. Also switching a plan
 * between its scan and the default head, and bringing a plan's scan back when the plan is opened.
 * The app and the UI use this interface; src/io/headImport.ts provides it at start-up.
 *
 * Nothing changes on screen until a scan is confirmed: a bad file, a cancelled import or a failure leaves
 * the head and the plan as they were.
 */
import { createContext, useContext } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { LandmarkName, Vec3 } from '../domain/head/landmarks';
import type { Message } from '../domain/languages';
import type { ScaleMeasurement } from '../domain/scan/scanHead';
import type { AlignedScan, ReadScan } from '../domain/scan/scanImport';

export interface HeadImportState {
  /**
   * idle: nothing under way; reading: the worker is reading the file; tooLarge: waiting for the user to
   * accept simplifying; notHead: the file does not look like a head, waiting for the user's choice;
   * aligning: the scan is shown for its landmarks and size to be checked.
   */
  phase: 'idle' | 'reading' | 'tooLarge' | 'notHead' | 'aligning';
  progress: Message | null;
  fileName: string;
  /** Triangles in a scan too large to use as it is. */
  triangles: number;
  read: ReadScan | null;
  /** The scan aligned with the landmarks as they are now: what "Use this head" will show. */
  aligned: AlignedScan | null;
  /** The landmarks the user has placed by hand (the rest are suggested). */
  placed: LandmarkName[];
  /** The landmark the next click on the scan places. */
  picking: LandmarkName | null;
  measurement: ScaleMeasurement | null;
  /** An alignment is being computed (the panel shows it; clicks still land). */
  busy: boolean;
  /** The last error while aligning (a measurement out of range); the import goes on. */
  error: Message | null;
}

export interface ImportHeadOptions {
  /** Landmarks in the file's own coordinates; the four key ones at least, or the rest are suggested. */
  landmarks?: Partial<Record<LandmarkName, Vec3>>;
  /** Simplify a scan above the triangle limit instead of rejecting it. */
  simplify?: boolean;
  /** One known measurement of the client's head that sets the scan's size. */
  measurement?: ScaleMeasurement;
}

export interface HeadImport {
  state: StoreApi<HeadImportState>;
  /** Resolves once the head of the plan on screen at start is ready to draw: render after it. */
  ready: Promise<void>;
  /** Reads dropped or picked files and shows the scan for checking (the UI's import). */
  start(files: File[]): Promise<void>;
  /** After `tooLarge`: reads the files again, simplified. */
  simplify(): Promise<void>;
  /** After `notHead`: goes on to place the landmarks by hand. */
  alignAnyway(): void;
  pick(name: LandmarkName | null): void;
  /** Places the picked landmark where the user clicked on the shown scan (head frame, mm). */
  placeAt(point: Vec3): Promise<void>;
  /** Puts every landmark back where the app suggested it. */
  resetLandmarks(): Promise<void>;
  setMeasurement(measurement: ScaleMeasurement | null): Promise<void>;
  /** Draws the plan on the checked scan and stores the scan with the plan. */
  confirm(): Promise<void>;
  cancel(): void;
  /** `window.smp.importHead`: reads, aligns and shows a scan in one go; rejects with a clear Error. */
  importHead(files: File[], options?: ImportHeadOptions): Promise<void>;
  /** Shows the plan on the default head, keeping its scan; `useScan` brings the scan back. */
  useDefaultHead(): Promise<void>;
  useScan(): Promise<void>;
}

export const HeadImportContext = createContext<HeadImport | null>(null);

export function useHeadImport(): HeadImport {
  const headImport = useContext(HeadImportContext);
  if (!headImport) throw new Error('useHeadImport must be used inside <HeadImportContext.Provider>');
  return headImport;
}
