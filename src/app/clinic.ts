/**
 * The clinic's profile on this device, as the app and the UI use it. Storage (src/io/clinicProfile.ts)
 * provides it at start-up; nothing here reaches the storage or the file system itself.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { ClinicProfile } from '../domain/clinic';

export interface ClinicState {
  /** The clinic's profile; null until the clinic sets one up (no quote is made without it). */
  profile: ClinicProfile | null;
}

export interface ClinicProfiles {
  state: StoreApi<ClinicState>;
  /** Checks the profile and keeps it on this device; throws an Error for the user, changing nothing. */
  save(profile: unknown): ClinicProfile;
  /** Forgets the profile on this device. */
  remove(): void;
  /** Saves the profile as a `.clinic.json` file; returns the file's name. */
  download(profile: ClinicProfile): string;
  /** The profile in a clinic file; rejects with a message for the user when it is not a valid one. */
  readFile(file: Blob): Promise<ClinicProfile>;
  /** A picked logo (PNG, JPEG or SVG, size-capped) as a data URL; rejects with a message for the user. */
  readLogo(file: File): Promise<string>;
}

export const ClinicContext = createContext<ClinicProfiles | null>(null);

export function useClinic(): ClinicProfiles {
  const clinic = useContext(ClinicContext);
  if (!clinic) throw new Error('useClinic must be used inside <ClinicContext.Provider>');
  return clinic;
}

/** The clinic's profile, following its changes (null: none set up). */
export function useClinicProfile(): ClinicProfile | null {
  return useStore(useClinic().state, (s) => s.profile);
}
