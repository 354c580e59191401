// The table of contents of a zip file (an .xlsx is one), read from its central directory without
// inflating anything: how big each entry says it will be once uncompressed.

/** One entry of a zip: its path and its declared uncompressed size (Infinity for ZIP64 sizes). */
export interface ZipEntry {
  path: string;
  size: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** The entries of a zip held in memory, or null when the bytes are not a zip. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last 22 bytes, plus a comment of up to 65,535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const path = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ path, size: size === 0xffffffff ? Infinity : size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
