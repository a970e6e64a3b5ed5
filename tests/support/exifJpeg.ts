/**
 * Photos with EXIF made by the tests: an APP1 Exif segment written byte by byte (a little-endian TIFF with
 * IFD0, an Exif IFD and a GPS IFD), a COM comment and an XMP packet, spliced into a JPEG after its SOI
 * marker, as a phone camera writes them. Plain byte work: used in Node and inside the test browser alike.
 */

export interface ExifFields {
  /** EXIF orientation, 1 to 8. */
  orientation: number;
  /** The lens's focal length, mm (a rational). */
  focalLengthMm?: number;
  /** The 35 mm-equivalent focal length, mm (a short). */
  focalLength35mm?: number;
  /** The sensor's size as EXIF gives it: pixels per `unit` (EXIF's code: 2 inch, 3 cm, 4 mm) and the image's size in pixels. */
  focalPlane?: { xResolution: number; yResolution: number; unit: number; width: number; height: number };
  /** Latitude and longitude in degrees, north and east positive. */
  gps?: { latitude: number; longitude: number };
}

/** Text that must not survive the photo's storing: in the comment and in the XMP packet. */
export const SECRET_COMMENT = 'Client: Jane Doe, 12 Secret Lane';
export const SECRET_XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description photoshop:City="Secretville"/></rdf:RDF></x:xmpmeta>';

type Entry = { tag: number; type: 2 | 3 | 4 | 5; count: number; value: number[] | string };

/** One IFD at `offset` in the TIFF: its entries, then the values that do not fit in four bytes. */
function writeIfd(view: DataView, offset: number, entries: Entry[]): number {
  let extra = offset + 2 + entries.length * 12 + 4;
  view.setUint16(offset, entries.length, true);
  entries.forEach((e, i) => {
    const at = offset + 2 + i * 12;
    view.setUint16(at, e.tag, true);
    view.setUint16(at + 2, e.type, true);
    view.setUint32(at + 4, e.count, true);
    const size = e.type === 5 ? 8 * e.count : e.type === 4 ? 4 * e.count : e.type === 3 ? 2 * e.count : e.count;
    const target = size > 4 ? extra : at + 8;
    if (size > 4) view.setUint32(at + 8, extra, true);
    if (typeof e.value === 'string') {
      for (let c = 0; c < e.value.length; c++) view.setUint8(target + c, e.value.charCodeAt(c));
    } else if (e.type === 5) {
      e.value.forEach((v, k) => {
        view.setUint32(target + 8 * k, Math.round(v * 1000), true);
        view.setUint32(target + 8 * k + 4, 1000, true);
      });
    } else {
      e.value.forEach((v, k) => (e.type === 3 ? view.setUint16(target + 2 * k, v, true) : view.setUint32(target + 4 * k, v, true)));
    }
    if (size > 4) extra += size + (size % 2);
  });
  view.setUint32(offset + 2 + entries.length * 12, 0, true);
  return extra;
}

const dms = (degrees: number) => {
  const d = Math.floor(Math.abs(degrees));
  const m = Math.floor((Math.abs(degrees) - d) * 60);
  return [d, m, ((Math.abs(degrees) - d) * 60 - m) * 60];
};

/** The APP1 segment (marker and length included) carrying `fields`. */
export function exifSegment(fields: ExifFields): Uint8Array {
  const tiff = new Uint8Array(1024);
  const view = new DataView(tiff.buffer);
  tiff.set([0x49, 0x49, 0x2a, 0x00]);
  view.setUint32(4, 8, true);
  const exif: Entry[] = [];
  if (fields.focalLengthMm !== undefined) exif.push({ tag: 0x920a, type: 5, count: 1, value: [fields.focalLengthMm] });
  if (fields.focalPlane) {
    const { xResolution, yResolution, unit, width, height } = fields.focalPlane;
    exif.push(
      { tag: 0xa002, type: 4, count: 1, value: [width] },
      { tag: 0xa003, type: 4, count: 1, value: [height] },
      { tag: 0xa20e, type: 5, count: 1, value: [xResolution] },
      { tag: 0xa20f, type: 5, count: 1, value: [yResolution] },
      { tag: 0xa210, type: 3, count: 1, value: [unit] },
    );
  }
  if (fields.focalLength35mm !== undefined) exif.push({ tag: 0xa405, type: 3, count: 1, value: [fields.focalLength35mm] });
  const make = 'PhotoTest\0';
  const ifd0: Entry[] = [
    { tag: 0x010f, type: 2, count: make.length, value: make },
    { tag: 0x0112, type: 3, count: 1, value: [fields.orientation] },
    { tag: 0x8769, type: 4, count: 1, value: [0] },
  ];
  if (fields.gps) ifd0.push({ tag: 0x8825, type: 4, count: 1, value: [0] });
  // IFD0 first, then the Exif IFD and the GPS IFD after it; the pointers are filled in once their offsets are known.
  let end = writeIfd(view, 8, ifd0);
  const exifAt = end;
  (ifd0[2]!.value as number[])[0] = exifAt;
  end = writeIfd(view, exifAt, exif);
  if (fields.gps) {
    const gpsAt = end;
    (ifd0[3]!.value as number[])[0] = gpsAt;
    const { latitude, longitude } = fields.gps;
    end = writeIfd(view, gpsAt, [
      { tag: 0x0001, type: 2, count: 2, value: latitude >= 0 ? 'N\0' : 'S\0' },
      { tag: 0x0002, type: 5, count: 3, value: dms(latitude) },
      { tag: 0x0003, type: 2, count: 2, value: longitude >= 0 ? 'E\0' : 'W\0' },
      { tag: 0x0004, type: 5, count: 3, value: dms(longitude) },
    ]);
  }
  writeIfd(view, 8, ifd0);
  const body = tiff.subarray(0, end);
  const header = [0x45, 0x78, 0x69, 0x66, 0, 0];
  const length = 2 + header.length + body.length;
  return Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...header, ...body]);
}

function segment(marker: number, payload: Uint8Array): Uint8Array {
  const length = payload.length + 2;
  return Uint8Array.from([0xff, marker, length >> 8, length & 0xff, ...payload]);
}

/** `jpeg` with an Exif APP1 carrying `fields`, an XMP APP1 and a comment, right after its SOI marker. */
export function withExif(jpeg: Uint8Array, fields: ExifFields): Uint8Array {
  const text = (s: string) => new TextEncoder().encode(s);
  const xmp = segment(0xe1, Uint8Array.from([...text('http://ns.adobe.com/xap/1.0/\0'), ...text(SECRET_XMP)]));
  const comment = segment(0xfe, text(SECRET_COMMENT));
  return Uint8Array.from([...jpeg.subarray(0, 2), ...exifSegment(fields), ...xmp, ...comment, ...jpeg.subarray(2)]);
}

/** Whether `bytes` hold any EXIF, XMP or the comment (searched as bytes, wherever they are). */
export function holdsMetadata(bytes: Uint8Array): string[] {
  const text = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  return ['Exif\0\0', 'PhotoTest', 'http://ns.adobe.com/xap', 'Secretville', SECRET_COMMENT].filter((needle) => text.includes(needle));
}
