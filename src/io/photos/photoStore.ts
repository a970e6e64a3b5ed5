/**
 * The client's photos on this device, in IndexedDB, each under the saved plan it belongs to. A database of
 * their own (not the plans'): plans stay small and quick to list, and the app opens it only when photos are
 * used, or when a plan is deleted (autosave deletes the plan's photos with it). Photos are never part of
 * the plan, so plan files and links cannot carry them; nothing here leaves the device.
 *
 * Metadata and pixels are kept in two stores so that listing a plan's photos reads kilobytes, not the
 * megabytes of every picture; one transaction writes or deletes both.
 */
import { inTakenOrder, readPhotoMeta, type PhotoMeta } from '../../domain/photos';
import { excerpt } from '../../domain/format';
import { message, TextError } from '../../domain/textError';
import { committed, request } from '../planLibrary';

const DB_NAME = 'smp-simulator-photos';
const DB_VERSION = 2;
/** PhotoMeta records, by id, with an index by plan. */
const PHOTOS = 'photos';
const BY_PLAN = 'planId';
/** Each photo's stored JPEG, under the photo's id: `{ type, bytes }` (an ArrayBuffer, which every browser stores). */
const IMAGES = 'images';
/** Each photo's scalp-skin mask (version 2), under the photo's id: a StoredMask. */
const MASKS = 'masks';

/**
 * A photo's scalp-skin mask as stored: 8 bits a pixel, row-major from the top-left (src/domain/photo/mask.ts),
 * raw (a mask is soft and small: at most 1024 px a side); `edited` once the practitioner's brush changed it;
 * `basis` says what an automatic mask was made from (the landmarks), so it is made again when they change.
 */
export interface StoredMask {
  width: number;
  height: number;
  bytes: ArrayBuffer;
  edited: boolean;
  basis: string;
}

interface StoredImage {
  type: string;
  bytes: ArrayBuffer;
}

export interface PhotoStore {
  /** Stores a photo's metadata and its picture, both or neither. */
  add(meta: PhotoMeta, image: Blob): Promise<void>;
  /** The photos of a saved plan that this app can read, oldest first. */
  list(planId: string): Promise<PhotoMeta[]>;
  get(id: string): Promise<PhotoMeta | undefined>;
  /** Replaces a stored photo's metadata (its picture stays); refused for a photo not stored, or deleted meanwhile. */
  put(meta: PhotoMeta): Promise<void>;
  /** A photo's stored picture (a JPEG without metadata). */
  image(id: string): Promise<Blob | undefined>;
  /** A photo's stored mask; undefined when none is stored (or it is damaged). */
  mask(id: string): Promise<StoredMask | undefined>;
  /** Stores a photo's mask; refused for a photo not stored. */
  putMask(id: string, mask: StoredMask): Promise<void>;
  /** Deletes a photo (nothing happens for an id not stored). */
  remove(id: string): Promise<void>;
  /** Deletes every photo of a saved plan. */
  removePlan(planId: string): Promise<void>;
  close(): void;
}

/** Storage refusing a write: a full disk or quota is told apart, as the user can do something about it. */
function storageError(error: unknown): TextError {
  if (error instanceof TextError) return error;
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return new TextError(message('photos.storageFull'), 'The photo could not be stored: this device has no storage left for the simulator. Delete photos or plans you no longer need, then try again.', { cause: error });
  }
  return new TextError(message('photos.storageFailed'), 'The photo could not be stored on this device: the browser refused to store it.', { cause: error });
}

/** Opens (creating on first use) the photo database. Rejects where the browser keeps no storage. */
export async function openPhotoStore(): Promise<PhotoStore> {
  const opening = indexedDB.open(DB_NAME, DB_VERSION);
  opening.onupgradeneeded = () => {
    const db = opening.result;
    if (!db.objectStoreNames.contains(PHOTOS)) db.createObjectStore(PHOTOS, { keyPath: 'id' }).createIndex(BY_PLAN, 'planId');
    if (!db.objectStoreNames.contains(IMAGES)) db.createObjectStore(IMAGES);
    if (!db.objectStoreNames.contains(MASKS)) db.createObjectStore(MASKS);
  };
  const db = await request(opening);
  // A newer app version opened in another tab needs this connection gone to upgrade the database.
  db.onversionchange = () => db.close();

  const write = async (work: (tx: IDBTransaction) => void) => {
    const tx = db.transaction([PHOTOS, IMAGES, MASKS], 'readwrite');
    work(tx);
    tx.commit();
    await committed(tx);
  };

  return {
    async add(meta, image) {
      // Read before the transaction: it would commit by itself while a file is read.
      const stored: StoredImage = { type: image.type || 'image/jpeg', bytes: await image.arrayBuffer() };
      try {
        await write((tx) => {
          tx.objectStore(PHOTOS).add(meta);
          tx.objectStore(IMAGES).add(stored, meta.id);
        });
      } catch (error) {
        throw storageError(error);
      }
    },
    async list(planId) {
      const values = await request(db.transaction(PHOTOS).objectStore(PHOTOS).index(BY_PLAN).getAll(planId));
      return inTakenOrder(values.map(readPhotoMeta).filter((meta): meta is PhotoMeta => meta !== undefined));
    },
    async get(id) {
      return readPhotoMeta(await request(db.transaction(PHOTOS).objectStore(PHOTOS).get(id)));
    },
    async put(meta) {
      // Checked in the same transaction: a photo deleted meanwhile (another tab) is not brought back as metadata alone.
      const tx = db.transaction(PHOTOS, 'readwrite');
      const photos = tx.objectStore(PHOTOS);
      let found = false;
      const stored = photos.getKey(meta.id);
      stored.onsuccess = () => {
        found = stored.result !== undefined;
        if (found) photos.put(meta);
      };
      try {
        await committed(tx);
      } catch (error) {
        throw storageError(error);
      }
      if (!found) throw new TextError(message('photos.missing', { id: excerpt(meta.id) }), `This plan has no photo with the id ${excerpt(meta.id)}.`);
    },
    async image(id) {
      const value = (await request(db.transaction(IMAGES).objectStore(IMAGES).get(id))) as Partial<StoredImage> | undefined;
      return value?.bytes instanceof ArrayBuffer && typeof value.type === 'string' ? new Blob([value.bytes], { type: value.type }) : undefined;
    },
    remove(id) {
      return write((tx) => {
        tx.objectStore(PHOTOS).delete(id);
        tx.objectStore(IMAGES).delete(id);
        tx.objectStore(MASKS).delete(id);
      });
    },
    async mask(id) {
      const value = (await request(db.transaction(MASKS).objectStore(MASKS).get(id))) as Partial<StoredMask> | undefined;
      const ok =
        value !== undefined && Number.isSafeInteger(value.width) && Number.isSafeInteger(value.height) && value.bytes instanceof ArrayBuffer &&
        value.bytes.byteLength === value.width! * value.height! && typeof value.edited === 'boolean' && typeof value.basis === 'string';
      return ok ? (value as StoredMask) : undefined;
    },
    async putMask(id, mask) {
      // Found and written in one transaction: a photo deleted meanwhile gets no orphan mask.
      const tx = db.transaction([PHOTOS, MASKS], 'readwrite');
      let found = false;
      const stored = tx.objectStore(PHOTOS).getKey(id);
      stored.onsuccess = () => {
        found = stored.result !== undefined;
        if (found) tx.objectStore(MASKS).put(mask, id);
      };
      try {
        await committed(tx);
      } catch (error) {
        throw storageError(error);
      }
      if (!found) throw new TextError(message('photos.missing', { id: excerpt(id) }), `This plan has no photo with the id ${excerpt(id)}.`);
    },
    async removePlan(planId) {
      // Found and deleted in one transaction: a photo another tab adds meanwhile cannot slip between.
      const tx = db.transaction([PHOTOS, IMAGES, MASKS], 'readwrite');
      const photos = tx.objectStore(PHOTOS);
      const keys = photos.index(BY_PLAN).getAllKeys(planId);
      keys.onsuccess = () => {
        for (const id of keys.result) {
          photos.delete(id);
          tx.objectStore(IMAGES).delete(id);
          tx.objectStore(MASKS).delete(id);
        }
      };
      await committed(tx);
    },
    close: () => db.close(),
  };
}

/** Deletes a saved plan's photos (the plan is being deleted): opens the database for the moment it takes. */
export async function removePlanPhotos(planId: string): Promise<void> {
  const store = await openPhotoStore();
  try {
    await store.removePlan(planId);
  } finally {
    store.close();
  }
}
