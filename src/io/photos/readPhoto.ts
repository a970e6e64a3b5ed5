/**
 * Reads a client's photo file (JPEG, PNG or HEIC) into what is stored: the picture upright (its EXIF
 * orientation applied), at most MAX_PHOTO_SIDE_PX on its long side, re-encoded as a JPEG that holds no
 * metadata at all (no EXIF, so no GPS position, camera serial or time; no XMP, IPTC or comments), and the
 * lens's 35 mm-equivalent focal length read from the EXIF before it goes.
 *
 * Loaded only when photos are used (exifr, and libheif's WebAssembly decoder for HEIC where the browser cannot decode it).
 */
import exifr from 'exifr';
import { MAX_PHOTO_SIDE_PX } from '../../domain/photos';
import { message, TextError } from '../../domain/textError';
import { heicExifTiff } from './heicExif';

/** Larger than any phone or camera JPEG, PNG or HEIC; a bigger file is not read into memory at all. */
export const MAX_PHOTO_FILE_BYTES = 64 * 1024 * 1024;

/** The quality of the stored JPEG: no visible loss on a photo, about a tenth of the pixels' size. */
const JPEG_QUALITY = 0.92;

export type PhotoFormat = 'jpeg' | 'png' | 'heic';

/** HEIF brands of still photos (iPhones write `heic`; `mif1` is the generic one). */
const HEIF_BRANDS = ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'];

/** What a file is by its first bytes (its name and type can be anything); null: none of the three. */
export function photoFormat(bytes: Uint8Array): PhotoFormat | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  return bytes.length >= 12 && ascii(4, 8) === 'ftyp' && HEIF_BRANDS.includes(ascii(8, 12)) ? 'heic' : null;
}

const damaged = () => new TextError(message('photos.damaged'), 'This photo could not be read: the file is damaged or incomplete.');

/** JPEG segments that hold no pixels and may hold personal data: APP1 (EXIF, XMP), APP3–APP13 (IPTC, makers' notes), APP15, comments. */
const isJpegMetadata = (marker: number) => marker === 0xe1 || (marker >= 0xe3 && marker <= 0xed) || marker === 0xef || marker === 0xfe;

/** PNG chunks of metadata: EXIF, text (which may hold XMP) and the time. */
const PNG_METADATA = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

/**
 * The file without its metadata segments: what the browser decodes, so that it applies no orientation of
 * its own (this module applies it, the same in every browser) and never sees the EXIF at all. Keeps what
 * the pixels need (JFIF, the ICC colour profile, Adobe's colour transform). Throws when the file's
 * structure is broken (a cut-off download).
 */
export function withoutMetadata(bytes: Uint8Array, format: 'jpeg' | 'png'): Uint8Array {
  const kept: Uint8Array[] = [];
  if (format === 'jpeg') {
    kept.push(bytes.subarray(0, 2));
    let at = 2;
    for (;;) {
      // Fill bytes (0xff) may precede a marker.
      while (bytes[at] === 0xff && bytes[at + 1] === 0xff) at++;
      if (at + 4 > bytes.length || bytes[at] !== 0xff) throw damaged();
      const marker = bytes[at + 1]!;
      const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
      if (length < 2 || at + 2 + length > bytes.length) throw damaged();
      if (marker === 0xda) {
        // Start of scan: the coded pixels follow up to the end-of-image marker, which only a complete file has
        // (0xff 0xd9 never occurs inside coded data, where 0xff is always followed by 0x00 or a restart marker).
        const end = lastIndexOfEndOfImage(bytes, at + 2 + length);
        if (end < 0) throw damaged();
        kept.push(bytes.subarray(at, end + 2));
        break;
      }
      if (!isJpegMetadata(marker)) kept.push(bytes.subarray(at, at + 2 + length));
      at += 2 + length;
    }
  } else {
    kept.push(bytes.subarray(0, 8));
    let at = 8;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (;;) {
      if (at + 12 > bytes.length) throw damaged();
      const length = view.getUint32(at);
      const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
      const next = at + 12 + length;
      if (next > bytes.length) throw damaged();
      if (!PNG_METADATA.has(type)) kept.push(bytes.subarray(at, next));
      at = next;
      if (type === 'IEND') break;
    }
  }
  const out = new Uint8Array(kept.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of kept) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function lastIndexOfEndOfImage(bytes: Uint8Array, from: number): number {
  for (let i = bytes.length - 2; i >= from; i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return i;
  return -1;
}

export interface PhotoExif {
  /** EXIF orientation, 1 (upright) to 8. */
  orientation: number;
  /** The lens's 35 mm-equivalent focal length in mm; null when the EXIF does not tell. */
  focalLength35mm: number | null;
}

/** A 35 mm frame's diagonal, mm: the reference of "35 mm-equivalent". */
const FULL_FRAME_DIAGONAL_MM = Math.hypot(36, 24);
/** Equivalent focal lengths outside this range are misread EXIF, not lenses a consultation uses. */
const PLAUSIBLE_FOCAL_35MM: [number, number] = [8, 1200];
/** EXIF FocalPlaneResolutionUnit: 2 inch, 3 cm, 4 mm, 5 µm. */
const RESOLUTION_UNIT_MM: Record<number, number> = { 2: 25.4, 3: 10, 4: 1, 5: 0.001 };

/**
 * The orientation and the 35 mm-equivalent focal length in a photo's EXIF: the EXIF's own equivalent, or
 * the focal length scaled by the sensor's size (from the focal-plane resolution) where only that is given.
 * A photo without EXIF, or with EXIF that cannot be read, is upright with an unknown focal length.
 */
export async function readPhotoExif(bytes: Uint8Array): Promise<PhotoExif> {
  // A HEIC's EXIF item is found here (exifr misses it where the file's item locations use a base offset).
  const exif = photoFormat(bytes) === 'heic' ? heicExifTiff(bytes) : bytes;
  let tags: Record<string, unknown> | undefined;
  if (exif) {
    try {
      tags = (await exifr.parse(exif, {
        pick: ['Orientation', 'FocalLength', 'FocalLengthIn35mmFormat', 'FocalPlaneXResolution', 'FocalPlaneYResolution', 'FocalPlaneResolutionUnit', 'ExifImageWidth', 'ExifImageHeight'],
        translateValues: false,
        reviveValues: false,
      })) as Record<string, unknown> | undefined;
    } catch {
      // Damaged EXIF does not make a damaged photo: the pixels are read, and the EXIF is dropped anyway.
      tags = undefined;
    }
  }
  const num = (name: string) => (typeof tags?.[name] === 'number' && Number.isFinite(tags[name]) ? (tags[name] as number) : undefined);
  const orientation = num('Orientation');
  return { orientation: orientation !== undefined && Number.isInteger(orientation) && orientation >= 1 && orientation <= 8 ? orientation : 1, focalLength35mm: focal35(num) };
}

function focal35(num: (name: string) => number | undefined): number | null {
  const plausible = (mm: number | undefined) => (mm !== undefined && mm >= PLAUSIBLE_FOCAL_35MM[0] && mm <= PLAUSIBLE_FOCAL_35MM[1] ? Math.round(mm * 10) / 10 : null);
  const given = plausible(num('FocalLengthIn35mmFormat'));
  if (given !== null) return given;
  const focal = num('FocalLength');
  const xRes = num('FocalPlaneXResolution');
  const yRes = num('FocalPlaneYResolution') ?? xRes;
  const unitMm = RESOLUTION_UNIT_MM[num('FocalPlaneResolutionUnit') ?? 2];
  const width = num('ExifImageWidth');
  const height = num('ExifImageHeight');
  if (!focal || !xRes || !yRes || !unitMm || !width || !height) return null;
  const sensorDiagonalMm = Math.hypot((width / xRes) * unitMm, (height / yRes) * unitMm);
  return plausible((focal * FULL_FRAME_DIAGONAL_MM) / sensorDiagonalMm);
}

/** A photo as it is stored. */
export interface ReadPhoto {
  /** The stored picture, upright and bounded, for the landmark model (close it when done). */
  image: ImageBitmap;
  /** The stored file: a JPEG with no metadata. */
  jpeg: Blob;
  width: number;
  height: number;
  /** The upright original's size (larger than the stored one beyond MAX_PHOTO_SIDE_PX), in which landmarks given with the file are placed. */
  originalWidth: number;
  originalHeight: number;
  focalLength35mm: number | null;
}

const notAPhoto = () => new TextError(message('photos.notImage'), 'This file is not a photo the simulator can read: use a JPEG, PNG or HEIC image.');

async function decode(blob: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(blob);
  } catch {
    throw damaged();
  }
}

/**
 * A HEIC photo's pixels, upright by the container's rotation and mirroring: the browser's own decoder where
 * it has one (Safari), else libheif's WebAssembly build (heicDecoder.ts, loaded at the first HEIC photo).
 */
async function decodeHeic(bytes: Uint8Array): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/heic' }));
  } catch {
    // Most browsers cannot decode HEIC: decode it here, on the device.
  }
  const { heicDecoder, decodeHeicPixels } = await import('./heicDecoder');
  // A decoder that cannot be loaded (offline before it was ever cached) says so; it is not the file's fault.
  const libheif = await heicDecoder();
  const pixels = await decodeHeicPixels(libheif, bytes).catch(() => {
    throw damaged();
  });
  return createImageBitmap(new ImageData(pixels.data, pixels.width, pixels.height));
}

type Canvas = OffscreenCanvas | HTMLCanvasElement;

function makeCanvas(width: number, height: number): Canvas {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

async function encodeJpeg(canvas: Canvas): Promise<Blob> {
  if (canvas instanceof OffscreenCanvas) return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The photo could not be encoded'))), 'image/jpeg', JPEG_QUALITY));
}

/**
 * The canvas transform that turns a picture of `w` × `h` pixels stored in EXIF orientation `orientation` upright
 * (the canvas being `h` × `w` for orientations 5 to 8, which swap the sides).
 */
export function orientationTransform(orientation: number, w: number, h: number): [number, number, number, number, number, number] {
  switch (orientation) {
    case 2:
      return [-1, 0, 0, 1, w, 0];
    case 3:
      return [-1, 0, 0, -1, w, h];
    case 4:
      return [1, 0, 0, -1, 0, h];
    case 5:
      return [0, 1, 1, 0, 0, 0];
    case 6:
      return [0, 1, -1, 0, h, 0];
    case 7:
      return [0, -1, -1, 0, h, w];
    case 8:
      return [0, -1, 1, 0, 0, w];
    default:
      return [1, 0, 0, 1, 0, 0];
  }
}

/**
 * Reads a photo file: rejects a file that is not a JPEG, PNG or HEIC, or is damaged, with a TextError
 * saying so. Nothing of the original file is kept but its pixels and focal length.
 */
export async function readPhoto(file: Blob): Promise<ReadPhoto> {
  if (file.size === 0) throw new TextError(message('photos.empty'), 'This file is empty: it holds no photo.');
  if (file.size > MAX_PHOTO_FILE_BYTES) {
    throw new TextError(
      message('photos.tooLarge', { size: Math.round(file.size / 1024 / 1024), max: MAX_PHOTO_FILE_BYTES / 1024 / 1024 }),
      `This file is too large to be a photo (${Math.round(file.size / 1024 / 1024)} MB; at most ${MAX_PHOTO_FILE_BYTES / 1024 / 1024} MB).`,
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const format = photoFormat(bytes);
  if (!format) throw notAPhoto();
  const exif = await readPhotoExif(bytes);
  // A HEIC's decoder turns it upright by the container's own rotation and mirroring (HEIF's `irot` and `imir`),
  // which is where HEIF keeps the orientation; the EXIF orientation an iPhone also writes only repeats it.
  const orientation = format === 'heic' ? 1 : exif.orientation;
  const source = format === 'heic' ? await decodeHeic(bytes) : await decode(new Blob([withoutMetadata(bytes, format) as Uint8Array<ArrayBuffer>], { type: `image/${format}` }));
  try {
    const swapped = orientation >= 5;
    const originalWidth = swapped ? source.height : source.width;
    const originalHeight = swapped ? source.width : source.height;
    const scale = Math.min(1, MAX_PHOTO_SIDE_PX / Math.max(originalWidth, originalHeight));
    const w = Math.max(1, Math.round(source.width * scale));
    const h = Math.max(1, Math.round(source.height * scale));
    const canvas = swapped ? makeCanvas(h, w) : makeCanvas(w, h);
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
    if (!context) throw new Error('No 2D canvas to read the photo with');
    context.imageSmoothingQuality = 'high';
    context.setTransform(...orientationTransform(orientation, w, h));
    context.drawImage(source, 0, 0, w, h);
    const [jpeg, image] = await Promise.all([encodeJpeg(canvas), createImageBitmap(canvas)]);
    return { image, jpeg, width: canvas.width, height: canvas.height, originalWidth, originalHeight, focalLength35mm: exif.focalLength35mm };
  } finally {
    source.close();
  }
}
