// Guessing how a CSV was written: delimiter, line ending, and title rows above the header.
import type { Dialect, Problem } from '../types.js';
import { readingWarning } from './messages.js';
import { DELIMITERS, type Delimiter } from './options.js';

/** How much text the sniffer looks at: enough lines to be sure, little enough to stay fast. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_LINES = 50;
/** Title and blank rows skipped above a header at most. */
const MAX_TITLE_ROWS = 10;

interface LineScan {
  /** Delimiters outside quotes on each non-empty line. */
  counts: number[];
  /** The first line break outside quotes. */
  lineEnding: Dialect['lineEnding'];
}

/**
 * Scans lines as a CSV reader would: a quote opens only at the start of a field, `""` is an escaped
 * quote. With `quotes` false every quote is text (for a quote opened by mistake and never closed).
 */
function scanLines(text: string, delimiter: string, quotes = true): LineScan {
  const sample = text.slice(0, SAMPLE_CHARS);
  const truncated = text.length > SAMPLE_CHARS;
  const counts: number[] = [];
  let lineEnding: Dialect['lineEnding'] = null;
  let count = 0;
  let lineLength = 0;
  let inQuotes = false;
  let atFieldStart = true;
  for (let i = 0; i < sample.length && counts.length < SAMPLE_LINES; i++) {
    const char = sample[i];
    lineLength++;
    if (inQuotes) {
      if (char === '"') {
        if (sample[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (char === '"' && atFieldStart && quotes) {
      inQuotes = true;
      atFieldStart = false;
    } else if (char === delimiter) {
      count++;
      atFieldStart = true;
    } else if (char === '\n' || char === '\r') {
      const crlf = char === '\r' && sample[i + 1] === '\n';
      lineEnding ??= crlf ? '\r\n' : char;
      if (crlf) i++;
      if (lineLength > 1) counts.push(count);
      count = 0;
      lineLength = 0;
      atFieldStart = true;
    } else {
      atFieldStart = false;
    }
  }
  // The last line counts only when it is whole (not cut by the sample), or when no line ended within
  // the sample at all: a header wider than the sample still tells its delimiter.
  if (lineLength > 0 && (!truncated || counts.length === 0) && !inQuotes) counts.push(count);
  return { counts, lineEnding };
}

/** The most frequent positive count and how many lines have it. */
function modeOf(counts: readonly number[]): { mode: number; lines: number } {
  const frequency = new Map<number, number>();
  for (const count of counts) if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  let best = { mode: 0, lines: 0 };
  for (const [mode, lines] of frequency) {
    if (lines > best.lines || (lines === best.lines && mode > best.mode)) best = { mode, lines };
  }
  return best;
}

/**
 * The delimiter used most consistently across the first lines (the same number of times on
 * the most lines, quoted text ignored); `,` when no candidate appears at all.
 */
export function detectDelimiter(text: string): Delimiter {
  // A quote that never closes hides every delimiter after it: then the quotes are read as text.
  return chooseDelimiter(text, true) ?? chooseDelimiter(text, false) ?? ',';
}

function chooseDelimiter(text: string, quotes: boolean): Delimiter | null {
  let chosen: Delimiter | null = null;
  let bestShare = 0;
  let bestMode = 0;
  for (const delimiter of DELIMITERS) {
    const { counts } = scanLines(text, delimiter, quotes);
    if (counts.length === 0) continue;
    const { mode, lines } = modeOf(counts);
    const share = lines / counts.length;
    if (share > bestShare || (share === bestShare && share > 0 && mode > bestMode)) {
      chosen = delimiter;
      bestShare = share;
      bestMode = mode;
    }
  }
  return chosen;
}

/** The line ending of the file: the first line break outside quotes, null for a single line. */
export function detectLineEnding(text: string, delimiter: Delimiter): Dialect['lineEnding'] {
  return scanLines(text, delimiter).lineEnding ?? scanLines(text, delimiter, false).lineEnding;
}

function filledCells(cells: readonly (string | null)[]): (string | null)[] {
  return cells.filter((cell) => cell !== null && cell.trim() !== '');
}

const NUMBER_LIKE = /^[+-]?[\d.,'\s]+$/;

/** Whether a row reads as a header: at least two filled cells and none of them a number. */
export function looksLikeHeader(cells: readonly (string | null)[]): boolean {
  const filled = filledCells(cells);
  return filled.length >= 2 && filled.every((cell) => !NUMBER_LIKE.test(cell ?? ''));
}

/**
 * Index of the header among the first records: blank rows and title rows of one filled cell
 * (`Comune di Brescia;;;;`, `Servizi erogati 2024;;;;`, `Fonte: ...`) above a header-like row are
 * skipped, at most MAX_TITLE_ROWS of them. A one-column file keeps its first row: the row after the
 * header-like one must have more than one cell too. Returns `records.length` when every record is blank.
 */
export function findHeaderIndex(records: readonly (readonly (string | null)[])[]): number {
  let index = 0;
  while (index < records.length && filledCells(records[index] ?? []).length === 0) index++;
  if (index < records.length && filledCells(records[index] ?? []).length === 1) {
    const header = headerBelowTitles(records, index);
    if (header !== undefined) return header;
  }
  return index;
}

/** The index of a header-like row below title and blank rows starting at `from`, or undefined. */
function headerBelowTitles(records: readonly (readonly (string | null)[])[], from: number): number | undefined {
  for (let i = from; i < records.length && i <= MAX_TITLE_ROWS; i++) {
    const filled = filledCells(records[i] ?? []).length;
    if (filled <= 1) continue;
    if (!looksLikeHeader(records[i] ?? [])) return undefined;
    const next = nextFilledRecord(records, i + 1);
    return next === undefined || next.length > 1 ? i : undefined;
  }
  return undefined;
}

/** How many title rows (not blank ones) lie above the header at `headerIndex`. */
export function titleRowCount(records: readonly (readonly (string | null)[])[], headerIndex: number): number {
  let count = 0;
  for (let i = 0; i < headerIndex && i < records.length; i++) if (filledCells(records[i] ?? []).length > 0) count++;
  return count;
}

/** Title rows skipped in silence: one is the common Excel export; from two on the reader is told. */
const TITLE_ROWS_TOLD = 2;

/** The warning that `rows` title rows above the header (at spreadsheet row `headerRow`) were skipped, or null for fewer than two. */
export function titleRowsWarning(file: string, rows: number, headerRow: number): Problem | null {
  if (rows < TITLE_ROWS_TOLD) return null;
  return readingWarning(file, 'titleRows', { rows, header: headerRow }, { row: headerRow, value: String(rows) });
}

function nextFilledRecord(records: readonly (readonly (string | null)[])[], from: number): readonly (string | null)[] | undefined {
  for (let i = from; i < records.length; i++) {
    const cells = records[i] ?? [];
    if (filledCells(cells).length > 0) return cells;
  }
  return undefined;
}
