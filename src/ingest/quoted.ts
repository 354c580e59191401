// CSV text that holds quotes → records, read the way a spreadsheet writes them, with the broken
// quotes a person can fix reported where they are (row and column) instead of misread:
// - a closing quote followed by more text (`"ok"x`): an error at that cell, kept as written;
// - a quote that opens a value and closes only lines later, or never: an error where it opens, and
//   the value read as written up to the end of its line, so the next rows are not swallowed;
// - spaces between a quote and the separator (`; "x" ;`): trimmed, with a warning.
// A bare quote inside an unquoted value (37°36'37.8"N) is text, as csv-parse's relax_quotes reads it.
import type { Problem } from '../types.js';
import { clip } from './clip.js';
import { columnLetter } from './columns.js';
import { readingProblem, readingWarning } from './messages.js';
import type { Delimiter } from './options.js';
import { QuoteProblems } from './quote-problems.js';

export interface QuotedCsvOptions {
  file: string;
  delimiter: Delimiter;
  /** Spreadsheet row of the first record of `text` (1 for a whole file). */
  firstRow: number;
  /**
   * Whether `text` ends the file. When it does not, a quote still open at its end leaves the
   * records unread (`open`), for the caller to retry with more text; at the end it is an error.
   */
  final: boolean;
  /** Receives each record; returning false stops the reading (a limit was passed). */
  onRecord: (record: string[]) => boolean | void;
}

export interface QuotedCsvResult {
  /** Reading problems found (errors and warnings), in order, kept to a limit. */
  problems: QuoteProblems;
  /** True when `text` ended inside a quoted value and more text may close it (never when final). */
  open: boolean;
  /** True when onRecord stopped the reading. */
  stopped: boolean;
}

const QUOTE = '"';

/** Reads CSV text with quotes into records (see the file comment for what broken quotes become). */
export function readQuotedCsv(text: string, options: QuotedCsvOptions): QuotedCsvResult {
  const { delimiter, file } = options;
  const problems = new QuoteProblems(file);
  const n = text.length;
  // A BOM starts a file, not a piece of one.
  let pos = options.firstRow === 1 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let record: string[] = [];
  let row = options.firstRow;
  const placeAt = (column: number) => ({ row, column, columnLetter: columnLetter(column) });
  const problem = (key: 'unclosedQuote' | 'strayQuote', column: number, shown: string, value: string): Problem => {
    const params = { row, letter: columnLetter(column), value: clip(shown) };
    return readingProblem('source-error', file, key, params, { ...placeAt(column), value: clip(value), expected: QUOTE });
  };

  /** End of an unquoted value starting at `from`: the next separator or line break, or the end. */
  const valueEnd = (from: number): number => {
    for (let i = from; i < n; i++) {
      const char = text[i];
      if (char === delimiter || char === '\n' || char === '\r') return i;
    }
    return n;
  };

  while (pos < n) {
    const fieldStart = pos;
    const column = record.length + 1;
    let quoteAt = pos;
    while (text[quoteAt] === ' ') quoteAt++;
    let value: string;
    if (text[quoteAt] !== QUOTE) {
      pos = valueEnd(fieldStart);
      value = text.slice(fieldStart, pos);
    } else {
      const closed = closingQuote(text, quoteAt + 1);
      if (closed === null && !options.final) return { problems, open: true, stopped: false };
      let after = closed === null ? n : closed.end;
      while (text[after] === ' ') after++;
      const next = text[after];
      const ends = after >= n || next === delimiter || next === '\n' || next === '\r';
      if (closed !== null && ends) {
        value = closed.value;
        if (quoteAt > fieldStart || after > closed.end) {
          const params = { row, letter: columnLetter(column), value: clip(value) };
          problems.add('warning', () => readingWarning(file, 'spacesAroundQuotes', params, { ...placeAt(column), value: clip(value) }));
        }
        pos = after;
      } else if (closed === null || /[\r\n]/.test(text.slice(quoteAt, closed.end))) {
        // Never closed, or closed only on a later line and followed by more text: the quote was
        // opened by mistake. Its value is read as written, to the end of its own line.
        pos = valueEnd(quoteAt + 1);
        value = text.slice(fieldStart, pos);
        problems.add('error', () => problem('unclosedQuote', column, value, value));
      } else {
        pos = valueEnd(after);
        value = text.slice(fieldStart, pos);
        problems.add('error', () => problem('strayQuote', column, text.slice(closed.end, pos).trim(), value));
      }
    }
    record.push(value);
    const char = text[pos];
    if (char === delimiter) {
      pos++;
      // A separator at the very end opens one last, empty value.
      if (pos >= n) record.push('');
      else continue;
    }
    if (char === '\r' && text[pos + 1] === '\n') pos += 2;
    else if (char === '\r' || char === '\n') pos++;
    if (options.onRecord(record) === false) return { problems, open: false, stopped: true };
    record = [];
    row++;
  }
  return { problems, open: false, stopped: false };
}

/** The value of a quoted field whose content starts at `from` (`""` read as `"`) and where it ends, or null when it never closes. */
function closingQuote(text: string, from: number): { value: string; end: number } | null {
  let value = '';
  let start = from;
  for (;;) {
    const quote = text.indexOf(QUOTE, start);
    if (quote < 0) return null;
    value += text.slice(start, quote);
    if (text[quote + 1] !== QUOTE) return { value, end: quote + 1 };
    value += QUOTE;
    start = quote + 2;
  }
}
