// An Excel workbook (.xlsx) → RawTable of one sheet, with Excel's own row numbers. The sheet is
// read as a stream (exceljs's WorkbookReader), after its declared size is checked against the limit:
// a small zip may hold hundreds of MB of sheet XML.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Dialect, Problem, RawTable } from '../types.js';
import { readingProblem } from './messages.js';
import { joined, type Words } from '../i18n.js';
import { findHeaderIndex, titleRowCount, titleRowsWarning } from './sniff.js';
import { cellText } from './xlsx-cells.js';
import { zipEntries } from './zip-entries.js';
import { MAX_CELLS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_SHEET_BYTES, megabytes } from './limits.js';
import { tooManyCells, tooManyColumns } from './csv.js';

export interface WorkbookOptions {
  /** Dataset name: the sheet with this name is read when the workbook has several. */
  dataset?: string;
}

const XLSX_DIALECT: Dialect = { encoding: 'utf-8', delimiter: null, lineEnding: null, skippedTitleRows: 0 };
const SHEET_XML = /^xl\/worksheets\/sheet\d+\.xml$/;

/** A filled row of the sheet: Excel's row number and the text of its cells up to the last filled one. */
interface FilledRow {
  rowNumber: number;
  cells: string[];
}

/**
 * Reads the sheet named after the dataset (or the only sheet) of an .xlsx file. The header is the
 * first filled row (a title row above it is skipped); empty rows leave gaps in rowNumbers.
 */
export async function parseWorkbook(bytes: Uint8Array, file: string, options: WorkbookOptions = {}): Promise<RawTable> {
  const empty = (problem: Problem): RawTable => ({
    file,
    dialect: { ...XLSX_DIALECT },
    header: [],
    rows: [],
    rowNumbers: [],
    problems: [problem],
  });
  const badWorkbook = () => empty(readingProblem('source-error', file, 'badWorkbook', {}, { expected: '.xlsx' }));
  const tooLarge = (size: Words) => {
    const params = { size, limit: megabytes(MAX_SHEET_BYTES), csvLimit: megabytes(MAX_FILE_BYTES) };
    return empty(readingProblem('source-error', file, 'sheetTooLarge', params, { expected: params.limit }));
  };

  const entries = zipEntries(bytes);
  if (entries === null) return badWorkbook();
  // The sheets and the strings they share, as the zip declares them once uncompressed.
  const declared = entries.filter((e) => SHEET_XML.test(e.path) || e.path === 'xl/sharedStrings.xml').reduce((n, e) => n + e.size, 0);
  if (declared > MAX_SHEET_BYTES) return tooLarge(Number.isFinite(declared) ? megabytes(declared) : '> 4 GB');
  const sheetCount = entries.filter((e) => SHEET_XML.test(e.path)).length;
  const wanted = options.dataset?.toLowerCase();

  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let read: SheetsRead | Problem;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
      sharedStrings: 'cache',
      // Styles tell dates from numbers.
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    read = await readSheets(reader as AsyncIterable<SheetLike>, sheetCount, wanted, file);
  } catch {
    // exceljs's streaming reader fails on some workbooks that it reads whole (for instance three sheets
    // written by exceljs itself: the workbook's sheet list is not read yet when a sheet is). The size was
    // checked above, so the whole workbook is read in memory instead.
    try {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(buffer as unknown as ArrayBuffer);
      const sheets = book.worksheets.map((sheet) => ({ name: sheet.name, rows: sheet.getRows(1, sheet.rowCount) ?? [] }));
      read = await readSheets(toAsync(sheets), sheetCount, wanted, file);
    } catch {
      return badWorkbook();
    }
  }
  if ('code' in read) return empty(read);
  if (read.tooLarge) return tooLarge(joined('> ', megabytes(MAX_FILE_BYTES)));
  const { names, chosen } = read;
  if (chosen === undefined) {
    if (names.length === 0) return empty(readingProblem('source-error', file, 'empty'));
    const list = names.map((s) => `«${s}»`).join(', ');
    const dataset = options.dataset ?? '';
    return empty(readingProblem('source-error', file, 'whichSheet', { sheets: list, dataset }, { expected: dataset }));
  }

  const filled = chosen.rows;
  const headerIndex = findHeaderIndex(filled.map((entry) => entry.cells));
  const headerEntry = filled[headerIndex];
  if (headerEntry === undefined) return empty(readingProblem('source-error', file, 'empty'));

  const header = headerEntry.cells;
  // A sheet has no short rows: cells left empty at the end of a row are empty values, not missing cells.
  const rows = filled.slice(headerIndex + 1).map(({ cells }) => padTo(cells, header.length));
  const rowNumbers = filled.slice(headerIndex + 1).map((entry) => entry.rowNumber);
  const dialect: Dialect = { ...XLSX_DIALECT, skippedTitleRows: headerEntry.rowNumber - 1 };
  const titles = titleRowsWarning(
    file,
    titleRowCount(
      filled.map((entry) => entry.cells),
      headerIndex,
    ),
    headerEntry.rowNumber,
  );
  return { file, dialect, header, rows, rowNumbers, problems: titles ? [titles] : [], sheet: chosen.name };
}

/** A sheet as both readers give it: a name and its rows (exceljs Row objects). */
interface SheetLike {
  name?: string;
  rows?: Iterable<ExcelJS.Row>;
  [Symbol.asyncIterator]?: () => AsyncIterator<ExcelJS.Row>;
}

/** What was read of a workbook: the names of its sheets and the filled rows of the chosen one. */
interface SheetsRead {
  names: string[];
  chosen: { name: string; rows: FilledRow[] } | undefined;
  /** The cells of the chosen sheet hold more characters than a file may: refused. */
  tooLarge: boolean;
}

async function* toAsync<T>(items: T[]): AsyncIterable<T> {
  yield* items;
}

/**
 * Goes through the sheets, keeping the one named after the dataset (or the only one) and reading every
 * other to its end: exceljs may have parked a sheet in a temporary file that it deletes once the sheet is
 * done, and a sheet left unread had its file deleted while still being opened (an uncaught ENOENT).
 */
async function readSheets(
  sheets: AsyncIterable<SheetLike>,
  sheetCount: number,
  wanted: string | undefined,
  file: string,
): Promise<SheetsRead | Problem> {
  const names: string[] = [];
  let chosen: SheetsRead['chosen'];
  // What the cells of the chosen sheet hold, in characters: the guard against a zip that lies about sizes.
  let budget = MAX_FILE_BYTES;
  let cellsLeft = MAX_CELLS;
  for await (const sheet of sheets) {
    const name = sheet.name ?? `Sheet${names.length + 1}`;
    names.push(name);
    const rowsOf = (): AsyncIterable<ExcelJS.Row> | Iterable<ExcelJS.Row> => sheet.rows ?? (sheet as AsyncIterable<ExcelJS.Row>);
    // With no dataset to look for, the first sheet is the only sensible choice.
    const take = chosen === undefined && (sheetCount === 1 || wanted === undefined || name.trim().toLowerCase() === wanted);
    if (!take) {
      for await (const row of rowsOf()) void row;
      continue;
    }
    const rows: FilledRow[] = [];
    for await (const row of rowsOf()) {
      if (row.cellCount > MAX_COLUMNS) return tooManyColumns(file, row.number, row.cellCount);
      cellsLeft -= row.cellCount;
      if (cellsLeft < 0) return tooManyCells(file);
      const cells: string[] = [];
      for (let column = 1; column <= row.cellCount; column++) {
        const text = cellText(row.getCell(column).value);
        budget -= text.length;
        cells.push(text);
      }
      if (budget < 0) return { names, chosen, tooLarge: true };
      // Only rows with at least one filled cell: formatted but empty rows are nothing to the reader.
      const lastFilled = cells.findLastIndex((cell) => cell.trim() !== '');
      if (lastFilled >= 0) rows.push({ rowNumber: row.number, cells: cells.slice(0, lastFilled + 1) });
    }
    chosen = { name, rows };
  }
  return { names, chosen, tooLarge: false };
}

function padTo(cells: string[], length: number): string[] {
  if (cells.length >= length) return cells;
  const padded = cells.slice();
  while (padded.length < length) padded.push('');
  return padded;
}
