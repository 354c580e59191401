import { amount, type Phrase } from '../i18n.js';
// What a file may hold before it is refused instead of read: each limit is far above any real
// partner file and low enough that a hostile one ends in a message, within 1 GB of memory.

/** Bytes of a CSV or JSON file read whole (residenti.csv in a project is streamed and has no limit). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Characters of one line of a CSV (an Excel cell holds at most 32,767). */
export const MAX_LINE_CHARS = 1_000_000;
/** Columns of a header: Excel's own limit (column XFD). */
export const MAX_COLUMNS = 16_384;
/**
 * Cells of a table read whole: each costs about 150 bytes of memory while it is checked, so three
 * million stay well within 1 GB (a partner's file has thousands; residenti.csv in a project is streamed).
 */
export const MAX_CELLS = 3_000_000;
/** Quote problems listed for one file (the rest are counted): each is a message with its place. */
export const MAX_QUOTE_PROBLEMS = 1000;
/** Nesting of a JSON file: a table is two levels deep, a cell holding an object a few more. */
export const MAX_JSON_DEPTH = 64;
/** Bytes of the sheet XML of an .xlsx, once uncompressed (the zip may be 20 times smaller). */
export const MAX_SHEET_BYTES = 128 * 1024 * 1024;

/** A byte count as a person reads it: "64 MB". */
export function megabytes(bytes: number): Phrase {
  return amount(Math.round(bytes / (1024 * 1024)), ' MB');
}

/**
 * The first line of a text longer than `max` characters (ended by LF, CRLF or a lone CR): its
 * 1-based number and length, or null. One pass, nothing copied (a 200 MB single line stays as it is).
 */
export function firstLongLine(text: string, max: number): { line: number; length: number } | null {
  let line = 1;
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    if (i - start > max) return { line, length: i - start };
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    line++;
    start = i + 1;
  }
  return n - start > max ? { line, length: n - start } : null;
}
