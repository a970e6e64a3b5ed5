/**
 * The EXIF of a HEIC (HEIF) file, found in its boxes: the item of type `Exif` named in `iinf`, read where
 * `iloc` puts it. exifr finds it in Apple's files but misreads files whose `iloc` gives a base offset (as
 * libheif's encoder writes them, and so some Android phones and converters), so the reader looks for it here.
 */

interface Box {
  type: string;
  /** Where its content starts (after the header). */
  body: number;
  end: number;
}

/** The boxes from `from` to `to`; throws RangeError on a box running past its parent. */
function boxesIn(view: DataView, from: number, to: number): Box[] {
  const boxes: Box[] = [];
  for (let at = from; at + 8 <= to; ) {
    let size = view.getUint32(at);
    let header = 8;
    if (size === 1) {
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < header || at + size > to) throw new RangeError('box outside its parent');
    const type = String.fromCharCode(view.getUint8(at + 4), view.getUint8(at + 5), view.getUint8(at + 6), view.getUint8(at + 7));
    boxes.push({ type, body: at + header, end: at + size });
    at += size;
  }
  return boxes;
}

/** An unsigned big-endian integer of 0, 2, 4 or 8 bytes. */
function uint(view: DataView, at: number, bytes: number): number {
  if (bytes === 0) return 0;
  if (bytes === 2) return view.getUint16(at);
  if (bytes === 4) return view.getUint32(at);
  if (bytes === 8) return Number(view.getBigUint64(at));
  throw new RangeError(`no ${bytes}-byte field in iloc`);
}

/** The item id of the `Exif` item in `iinf`, or null. */
function exifItem(view: DataView, iinf: Box): number | null {
  const version = view.getUint8(iinf.body);
  const entries = boxesIn(view, iinf.body + 4 + (version === 0 ? 2 : 4), iinf.end);
  for (const infe of entries) {
    if (infe.type !== 'infe') continue;
    const infeVersion = view.getUint8(infe.body);
    if (infeVersion < 2) continue;
    const idSize = infeVersion === 2 ? 2 : 4;
    const typeAt = infe.body + 4 + idSize + 2;
    const type = String.fromCharCode(view.getUint8(typeAt), view.getUint8(typeAt + 1), view.getUint8(typeAt + 2), view.getUint8(typeAt + 3));
    if (type === 'Exif') return uint(view, infe.body + 4, idSize);
  }
  return null;
}

/** Where the item's bytes lie in the file (its extents, joined), or null when it is not in the file's own bytes. */
function itemExtents(view: DataView, iloc: Box, item: number): [number, number][] | null {
  const version = view.getUint8(iloc.body);
  let at = iloc.body + 4;
  const offsetSize = view.getUint8(at) >> 4;
  const lengthSize = view.getUint8(at) & 0xf;
  const baseOffsetSize = view.getUint8(at + 1) >> 4;
  const indexSize = version === 1 || version === 2 ? view.getUint8(at + 1) & 0xf : 0;
  at += 2;
  const idSize = version === 2 ? 4 : 2;
  const count = uint(view, at, idSize);
  at += idSize;
  for (let i = 0; i < count; i++) {
    const id = uint(view, at, idSize);
    at += idSize;
    // Construction method 0: in the file itself (1, in the idat box, and 2, in another item, are not used for EXIF by cameras).
    const method = version === 1 || version === 2 ? view.getUint16(at) & 0xf : 0;
    if (version === 1 || version === 2) at += 2;
    at += 2; // data_reference_index
    const base = uint(view, at, baseOffsetSize);
    at += baseOffsetSize;
    const extentCount = view.getUint16(at);
    at += 2;
    const extents: [number, number][] = [];
    for (let e = 0; e < extentCount; e++) {
      at += indexSize;
      const offset = uint(view, at, offsetSize);
      const length = uint(view, at + offsetSize, lengthSize);
      at += offsetSize + lengthSize;
      extents.push([base + offset, length]);
    }
    if (id === item) return method === 0 ? extents : null;
  }
  return null;
}

/**
 * The TIFF structure (the EXIF proper, from its byte-order mark) of a HEIC file's primary EXIF item, or null
 * when the file has none or its boxes cannot be read.
 */
export function heicExifTiff(bytes: Uint8Array): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const meta = boxesIn(view, 0, bytes.length).find((b) => b.type === 'meta');
    if (!meta) return null;
    // meta is a full box: its version and flags come first.
    const inMeta = boxesIn(view, meta.body + 4, meta.end);
    const iinf = inMeta.find((b) => b.type === 'iinf');
    const iloc = inMeta.find((b) => b.type === 'iloc');
    if (!iinf || !iloc) return null;
    const item = exifItem(view, iinf);
    const extents = item === null ? null : itemExtents(view, iloc, item);
    if (!extents || extents.length === 0) return null;
    const total = extents.reduce((n, [, length]) => n + length, 0);
    if (extents.some(([offset, length]) => offset + length > bytes.length)) return null;
    const payload = new Uint8Array(total);
    let filled = 0;
    for (const [offset, length] of extents) {
      payload.set(bytes.subarray(offset, offset + length), filled);
      filled += length;
    }
    // The item starts with the offset of the TIFF header after its own 4 bytes (past an "Exif\0\0" where there is one).
    if (payload.length < 4) return null;
    const tiff = 4 + new DataView(payload.buffer).getUint32(0);
    return tiff + 8 <= payload.length ? payload.subarray(tiff) : null;
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}
