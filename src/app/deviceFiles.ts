/**
 * Files in and out of the device (downloads, plan files), as the UI uses them. Provided at start-up by
 * src/io/deviceFiles.ts, so that the UI never reaches the browser's file handling itself.
 */
import { createContext, useContext } from 'react';
import type { Plan } from '../domain/plan';

export interface DeviceFiles {
  /** Saves `blob` as a file named `fileName` through the browser's download. */
  download(blob: Blob, fileName: string): void;
  /** Saves the plan as a `.smp.json` file; returns the file's name. */
  downloadPlan(plan: Plan): string;
  /** Reads a plan file; rejects with a message for the user when it is not a valid plan. */
  readPlan(file: Blob): Promise<Plan>;
}

export const DeviceFilesContext = createContext<DeviceFiles | null>(null);

export function useDeviceFiles(): DeviceFiles {
  const files = useContext(DeviceFilesContext);
  if (!files) throw new Error('useDeviceFiles must be used inside <DeviceFilesContext.Provider>');
  return files;
}
