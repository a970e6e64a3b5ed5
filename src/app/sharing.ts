/**
 * Sharing the design with the client, as the UI uses it: the design-only link, the clipboard and the
 * device's share sheet. Provided at start-up by src/io/sharing.ts, so that the UI never reaches the link's
 * format or the browser's sharing itself.
 */
import { createContext, useContext } from 'react';

/** What goes with the files. The link is written into `text`: share targets given files often drop a separate URL. */
export interface ShareData {
  title: string;
  text: string;
}

export interface Sharing {
  /**
   * The link that opens the plan on screen, as it is now, on any device: the app's own address and the
   * design (never the client's personal data), with the view on screen.
   */
  link(): string;
  /** Copies `text` to the clipboard; rejects when the browser refuses (no permission, an insecure page). */
  copyText(text: string): Promise<void>;
  /** True when the browser's share sheet takes these files (the Web Share API with files). */
  canShareFiles(files: File[]): boolean;
  /** Opens the share sheet with the files and the link; resolves false when the user closed it without sharing. */
  shareFiles(files: File[], data: ShareData): Promise<boolean>;
}

export const SharingContext = createContext<Sharing | null>(null);

export function useSharing(): Sharing {
  const sharing = useContext(SharingContext);
  if (!sharing) throw new Error('useSharing must be used inside <SharingContext.Provider>');
  return sharing;
}
