// Guessing how a CSV was written: delimiter, line ending, and title rows above the header.
import type { Dialect } from '../types.js';
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

/** Scans lines as a CSV reader would: a quote opens only at the start of a field, `""` is an escaped quote. */
function scanLines(text: string, delimiter: string): LineScan {
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
    if (char === '"' && atFieldStart) {
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
  let chosen: Delimiter = ',';
  let bestShare = 0;
  let bestMode = 0;
  for (const delimiter of DELIMITERS) {
    const { counts } = scanLines(text, delimiter);
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
  return scanLines(text, delimiter).lineEnding;
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
 * Index of the header among the first records: blank rows and single-cell title rows
 * (`Servizi erogati 2024;;;;`) directly above a header-like row are skipped. Returns
 * `records.length` when every record is blank.
 */
export function findHeaderIndex(records: readonly (readonly (string | null)[])[]): number {
  let index = 0;
  while (index < records.length && index < MAX_TITLE_ROWS) {
    const filled = filledCells(records[index] ?? []).length;
    if (filled === 0) {
      index++;
      continue;
    }
    if (filled > 1) break;
    const next = nextFilledRecord(records, index + 1);
    if (next === undefined || !looksLikeHeader(next)) break;
    index++;
  }
  while (index < records.length && filledCells(records[index] ?? []).length === 0) index++;
  return index;
}

function nextFilledRecord(records: readonly (readonly (string | null)[])[], from: number): readonly (string | null)[] | undefined {
  for (let i = from; i < records.length; i++) {
    const cells = records[i] ?? [];
    if (filledCells(cells).length > 0) return cells;
  }
  return undefined;
}
