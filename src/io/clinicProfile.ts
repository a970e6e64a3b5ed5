/**
 * The clinic's profile kept on this device (localStorage: it is small, a logo at most 256 KB) and its files.
 * Provides the app's ClinicProfiles (src/app/clinic.ts). Another tab's change is followed.
 */
import { createStore } from 'zustand/vanilla';
import type { ClinicProfiles, ClinicState } from '../app/clinic';
import {
  clinicError,
  clinicFileName,
  clinicFileTooLarge,
  LOGO_TYPES,
  logoProblem,
  logoTooLarge,
  MAX_CLINIC_FILE_BYTES,
  MAX_LOGO_BYTES,
  parseClinicProfile,
  readClinicFile,
  writeClinicFile,
  type ClinicProfile,
} from '../domain/clinic';
import { downloadBlob } from './download';

const PROFILE_KEY = 'smp-simulator.clinic';

const STORAGE_REFUSED =
  'This browser did not let the simulator keep the clinic profile on this device (private browsing, or storage is full or blocked). Export it as a file to keep it.';

/** The stored profile; a damaged one is left in place (a newer app may read it) and not used. */
function load(): ClinicProfile | null {
  try {
    const text = localStorage.getItem(PROFILE_KEY);
    return text === null ? null : parseClinicProfile(JSON.parse(text));
  } catch (error) {
    console.warn('The clinic profile on this device could not be read:', error);
    return null;
  }
}

const LOGO_EXTENSIONS: Record<string, (typeof LOGO_TYPES)[number]> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', svg: 'image/svg+xml' };

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(clinicError('logoUnreadable', undefined, 'The logo file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** A picked logo as a data URL, once the browser has decoded it as a picture. */
async function readLogo(file: File): Promise<string> {
  const extension = /\.([a-z]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const type = (LOGO_TYPES as readonly string[]).includes(file.type) ? file.type : LOGO_EXTENSIONS[extension];
  if (!type) throw clinicError('logoNotPicture', { fileName: file.name }, `“${file.name}” is not a PNG, JPEG or SVG picture: choose the logo as one of those.`);
  if (file.size > MAX_LOGO_BYTES) throw logoTooLarge(file.size);
  // Typed by what it is, so that an SVG named .svg with no type is still shown as an image.
  const url = (await readAsDataUrl(file)).replace(/^data:[^;,]*/, `data:${type}`);
  const problem = logoProblem(url);
  if (problem) throw problem;
  const image = new Image();
  image.src = url;
  try {
    await image.decode();
  } catch {
    throw clinicError('logoDamaged', { fileName: file.name }, `“${file.name}” could not be read as a picture: it may be damaged, or not the type its name says.`);
  }
  return url;
}

export function createClinicProfiles(): ClinicProfiles {
  const state = createStore<ClinicState>(() => ({ profile: load() }));
  window.addEventListener('storage', (event) => {
    if (event.key === PROFILE_KEY || event.key === null) state.setState({ profile: load() });
  });
  return {
    state,
    save(value) {
      const profile = parseClinicProfile(value);
      try {
        localStorage.setItem(PROFILE_KEY, JSON.stringify(profile));
      } catch {
        throw clinicError('storageRefused', undefined, STORAGE_REFUSED);
      }
      state.setState({ profile });
      return profile;
    },
    remove() {
      try {
        localStorage.removeItem(PROFILE_KEY);
      } catch {
        // Storage refused: there is nothing kept to remove.
      }
      state.setState({ profile: null });
    },
    download(profile) {
      const fileName = clinicFileName(profile);
      downloadBlob(new Blob([writeClinicFile(profile, new Date())], { type: 'application/json' }), fileName);
      return fileName;
    },
    async readFile(file) {
      if (file.size > MAX_CLINIC_FILE_BYTES) throw clinicFileTooLarge();
      return readClinicFile(await file.text());
    },
    readLogo,
  };
}
