// A zip (an .xlsx) made reproducible: the zip library stamps every entry with the moment it was
// written, so the same workbook written twice differs by its dates alone. Each entry's date is set to
// one fixed instant, in its local header and in the central directory (no checksum covers them).

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;

/** The MS-DOS date and time of 1 January 1980, 00:00, the earliest a zip can say. */
const DOS_EPOCH = { time: 0, date: (0 << 9) | (1 << 5) | 1 };

/** The bytes of a zip with every entry dated 1 January 1980; the bytes as they are if they are not a zip this can read. */
export function withFixedZipDates(zip: Uint8Array): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last 22 bytes when the zip has no comment, as the writer makes it.
  const end = bytes.length - 22;
  if (end < 0 || view.getUint32(end, true) !== END_OF_CENTRAL) return zip;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) return zip;
    view.setUint16(at + 12, DOS_EPOCH.time, true);
    view.setUint16(at + 14, DOS_EPOCH.date, true);
    const local = view.getUint32(at + 42, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_HEADER) return zip;
    view.setUint16(local + 10, DOS_EPOCH.time, true);
    view.setUint16(local + 12, DOS_EPOCH.date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return bytes;
}
