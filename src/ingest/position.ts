// Turning offsets into the places a person can find: spreadsheet rows, text lines and columns.

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const FIELD_ENDS = new Set([0x2c, 0x3b, 0x09, 0x7c]); // , ; TAB |

/**
 * Spreadsheet row (1-based) of the byte at `offset` in a CSV file: line breaks inside a quoted
 * field do not start a row. Quotes and line breaks are ASCII, so this works before decoding.
 */
export function rowAtByte(bytes: Uint8Array, offset: number): number {
  let row = 1;
  let inQuotes = false;
  let atFieldStart = true;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i++) {
    const byte = bytes[i];
    if (inQuotes) {
      if (byte === QUOTE) {
        if (bytes[i + 1] === QUOTE && i + 1 < end) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (byte === QUOTE && atFieldStart) {
      inQuotes = true;
    } else if (byte === LF || byte === CR) {
      if (byte === CR && bytes[i + 1] === LF && i + 1 < end) i++;
      row++;
      atFieldStart = true;
      continue;
    }
    atFieldStart = byte !== undefined && FIELD_ENDS.has(byte);
  }
  return row;
}

/** Text line (1-based) of the byte at `offset`, counting every line break. */
export function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i++) {
    const byte = bytes[i];
    if (byte === LF || (byte === CR && bytes[i + 1] !== LF)) line++;
  }
  return line;
}

/** Line and column (both 1-based) of the character at `index` in a text. */
export function lineColumnAt(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(index, 0), text.length);
  for (let i = 0; i < end; i++) {
    const char = text[i];
    if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
