/**
 * The client's photos as the app and the UI use them: import (from a file or the camera), list, show,
 * correct and delete. Storage (src/io/photos/clientPhotos.ts) provides them at start-up; nothing here
 * reaches the storage, the photo reader or the landmark model itself.
 */
import { createContext, useContext } from 'react';
import type { PhotoMask } from '../domain/photo/mask';
import type { PhotoLandmarks } from '../domain/photo/photoLandmarks';
import type { PhotoMeta, PhotoView } from '../domain/photos';

export interface ImportPhotoOptions {
  view: PhotoView;
  /** Landmarks placed by hand, in the pixels of the upright photo as given; without them a face view's are found. */
  landmarks?: PhotoLandmarks;
}

export interface ClientPhotos {
  /** Stores a photo with the plan on screen; resolves to its metadata. Rejects with a TextError, storing nothing. */
  importPhoto(file: Blob, options: ImportPhotoOptions): Promise<PhotoMeta>;
  /** The plan on screen's photos, oldest first. */
  list(): Promise<PhotoMeta[]>;
  /** Deletes one of the plan on screen's photos. */
  remove(id: string): Promise<void>;
  /** A photo's stored picture (a JPEG without metadata); undefined when it is not the plan on screen's. */
  image(id: string): Promise<Blob | undefined>;
  /**
   * Replaces a photo's landmarks (placed or corrected by hand), checked against the photo's size; resolves
   * to the updated metadata. Rejects with a TextError, changing nothing, for a bad point or a photo that is
   * not the plan on screen's.
   */
  updateLandmarks(id: string, landmarks: PhotoLandmarks): Promise<PhotoMeta>;
  /** A photo's stored scalp-skin mask; undefined when none is stored yet or the photo is not the plan on screen's. */
  mask(id: string): Promise<SavedPhotoMask | undefined>;
  /** Stores a photo's scalp-skin mask beside it (replacing any); rejects for a photo that is not the plan on screen's. */
  saveMask(id: string, mask: SavedPhotoMask): Promise<void>;
}

/**
 * A photo's mask as kept beside it: `edited` once the practitioner's brush changed it (it is then kept as it
 * is); `basis` says what an automatic mask was made from, so it is made again when that changes.
 */
export interface SavedPhotoMask extends PhotoMask {
  edited: boolean;
  basis: string;
}

/** The photos of this simulator, for the photo screen, the camera and the photo tools. */
export const ClientPhotosContext = createContext<ClientPhotos | null>(null);

export function useClientPhotos(): ClientPhotos {
  const photos = useContext(ClientPhotosContext);
  if (!photos) throw new Error('useClientPhotos must be used inside <ClientPhotosContext.Provider>');
  return photos;
}
