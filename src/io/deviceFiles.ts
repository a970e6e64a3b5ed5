import type { DeviceFiles } from '../app/deviceFiles';
import { downloadBlob } from './download';
import { downloadPlanFile, readPlanFileFromDisk } from './planFile';

/** The browser's downloads and file reading, for the UI (src/app/deviceFiles.ts). */
export const deviceFiles: DeviceFiles = { download: downloadBlob, downloadPlan: downloadPlanFile, readPlan: readPlanFileFromDisk };
