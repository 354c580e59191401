// Decoded CSV text → RawTable: rows as written (ragged rows kept for the structure checks),
// numbered as a spreadsheet shows them.
import type { Dialect, Problem, RawTable } from '../types.js';
import { errorsFirst, readingProblem } from './messages.js';
import { readQuotedCsv } from './quoted.js';
import { amount } from '../i18n.js';
import type { Delimiter, TextEncoding } from './options.js';
import { detectDelimiter, detectLineEnding, findHeaderIndex, titleRowCount, titleRowsWarning } from './sniff.js';
import { firstLongLine, MAX_CELLS, MAX_COLUMNS, MAX_LINE_CHARS } from './limits.js';

export interface CsvOptions {
  delimiter?: Delimiter;
}

/** Parses decoded CSV text into a RawTable; unreadable structure becomes a source-error. */
export function parseCsv(text: string, file: string, encoding: TextEncoding, options: CsvOptions = {}): RawTable {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const lineEnding = detectLineEnding(text, delimiter);
  const refused = (problem: Problem): RawTable => ({
    file,
    dialect: { encoding, delimiter, lineEnding, skippedTitleRows: 0 },
    header: [],
    rows: [],
    rowNumbers: [],
    problems: [problem],
  });
  // Before any splitting: a 200 MB line would become millions of cells.
  const long = firstLongLine(text, MAX_LINE_CHARS);
  if (long) {
    const params = { row: long.line, length: amount(long.length), limit: amount(MAX_LINE_CHARS) };
    return refused(readingProblem('source-error', file, 'lineTooLong', params, { row: long.line, expected: params.limit }));
  }
  const { records, problems } = readRecords(text, delimiter, file);
  if (records === null) return refused(tooManyCells(file));

  // A record per line keeps row numbers honest; empty lines become gaps in rowNumbers,
  // which checkStructure reports as blank rows. Empty lines at the very end are not rows.
  while (records.length > 0 && isEmptyLine(records[records.length - 1] ?? [])) records.pop();
  const headerIndex = findHeaderIndex(records);
  const dialect: Dialect = { encoding, delimiter, lineEnding, skippedTitleRows: Math.min(headerIndex, records.length) };
  const header = records[headerIndex];
  const titles = titleRowsWarning(file, titleRowCount(records, headerIndex), headerIndex + 1);
  if (titles) problems.push(titles);
  if (header === undefined) {
    // No header: empty, unless an error already says why (a warning, such as spaces trimmed, does not).
    if (!problems.some((p) => p.severity === 'error')) problems.push(readingProblem('source-error', file, 'empty'));
    return { file, dialect, header: [], rows: [], rowNumbers: [], problems: errorsFirst(problems) };
  }
  if (header.length > MAX_COLUMNS) return refused(tooManyColumns(file, headerIndex + 1, header.length));
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const record = records[i] ?? [];
    if (isEmptyLine(record)) continue;
    rows.push(record);
    rowNumbers.push(i + 1);
  }
  return { file, dialect, header, rows, rowNumbers, problems: errorsFirst(problems) };
}

/**
 * The records of a CSV text, with the reading problems of its quotes (see quoted.ts); null records
 * when the text holds more than MAX_CELLS cells (counted as they are read: the rest is never split).
 */
function readRecords(text: string, delimiter: Delimiter, file: string): { records: string[][] | null; problems: Problem[] } {
  if (!text.includes('"')) return { records: splitPlainCsv(text, delimiter, MAX_CELLS), problems: [] };
  const records: string[][] = [];
  let cells = 0;
  const read = readQuotedCsv(text, {
    file,
    delimiter,
    firstRow: 1,
    final: true,
    onRecord: (record) => {
      cells += Math.max(record.length, 1);
      if (cells > MAX_CELLS) return false;
      records.push(record);
    },
  });
  return read.stopped ? { records: null, problems: [] } : { records, problems: read.problems.list() };
}

/**
 * Records of a CSV text that has no quote character, as csv-parse reads them with our options (the
 * same ingest suites pass either way): one per line (CRLF, LF or a lone CR), an empty line as one empty
 * cell, no record after the last line break, a leading BOM dropped. Six times faster than csv-parse,
 * which computes a position record for every row: the partners' files rarely quote anything.
 */
export function splitPlainCsv(text: string, delimiter: Delimiter): string[][];
export function splitPlainCsv(text: string, delimiter: Delimiter, maxCells: number): string[][] | null;
export function splitPlainCsv(text: string, delimiter: Delimiter, maxCells = Infinity): string[][] | null {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const records: string[][] = [];
  const lineBreak = /\r\n|\n|\r/g;
  lineBreak.lastIndex = start;
  let from = start;
  let cells = 0;
  // Line by line, never the whole text split at once: a file past the limit stops where it passes it.
  while (from < text.length) {
    const found = lineBreak.exec(text);
    const end = found ? found.index : text.length;
    const record = text.slice(from, end).split(delimiter);
    cells += record.length;
    if (cells > maxCells) return null;
    records.push(record);
    if (!found) break;
    from = lineBreak.lastIndex;
  }
  return records;
}

/** How csv-parse would read our CSVs: the contract splitPlainCsv keeps (checked by the property tests). */
export function csvParseOptions(delimiter: Delimiter) {
  return {
    delimiter,
    bom: true,
    relax_column_count: true,
    // Keeps a bare quote inside an unquoted field, e.g. 37°36'37.8"N.
    relax_quotes: true,
    // Accept every line ending, also mixed in one file (rows appended from another editor).
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_empty_lines: false,
  };
}

/** An empty line parses as one empty cell (a line of delimiters only has several cells, and is a row). */
function isEmptyLine(record: readonly string[]): boolean {
  return record.length === 0 || (record.length === 1 && record[0] === '');
}

/** The source-error of a header wider than an Excel sheet (shared by every reader). */
export function tooManyColumns(file: string, row: number, columns: number): Problem {
  const params = { row, columns: amount(columns), limit: amount(MAX_COLUMNS) };
  return readingProblem('source-error', file, 'tooManyColumns', params, { row, value: String(columns), expected: params.limit });
}

/** The source-error of a table with more cells than can be checked in memory. */
export function tooManyCells(file: string): Problem {
  const limit = amount(MAX_CELLS);
  return readingProblem('source-error', file, 'tooManyCells', { limit }, { expected: limit });
}
