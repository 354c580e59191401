// An Excel workbook (.xlsx) → RawTable of one sheet, with Excel's own row numbers. The sheet is
// read as a stream (exceljs's WorkbookReader), after its declared size is checked against the limit:
// a small zip may hold hundreds of MB of sheet XML.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Dialect, Lang, Problem, RawTable } from '../types.js';
import { readingProblem } from './messages.js';
import { findHeaderIndex } from './sniff.js';
import { cellText } from './xlsx-cells.js';
import { zipEntries } from './zip-entries.js';
import { MAX_CELLS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_SHEET_BYTES, megabytes } from './limits.js';
import { tooManyCells, tooManyColumns } from './csv.js';

export interface WorkbookOptions {
  lang?: Lang;
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
  const lang = options.lang ?? 'it';
  const empty = (problem: Problem): RawTable => ({
    file,
    dialect: { ...XLSX_DIALECT },
    header: [],
    rows: [],
    rowNumbers: [],
    problems: [problem],
  });
  const badWorkbook = () => empty(readingProblem('source-error', file, lang, 'badWorkbook', {}, { expected: '.xlsx' }));
  const tooLarge = (size: string) => {
    const params = { size, limit: megabytes(MAX_SHEET_BYTES), csvLimit: megabytes(MAX_FILE_BYTES) };
    return empty(readingProblem('source-error', file, lang, 'sheetTooLarge', params, { expected: params.limit }));
  };

  const entries = zipEntries(bytes);
  if (entries === null) return badWorkbook();
  // The sheets and the strings they share, as the zip declares them once uncompressed.
  const declared = entries.filter((e) => SHEET_XML.test(e.path) || e.path === 'xl/sharedStrings.xml').reduce((n, e) => n + e.size, 0);
  if (declared > MAX_SHEET_BYTES) return tooLarge(Number.isFinite(declared) ? megabytes(declared) : '> 4 GB');
  const sheetCount = entries.filter((e) => SHEET_XML.test(e.path)).length;
  const wanted = options.dataset?.toLowerCase();

  const names: string[] = [];
  let chosen: { name: string; rows: FilledRow[] } | undefined;
  // What the cells of the chosen sheet hold, in characters: the guard against a zip that lies about sizes.
  let budget = MAX_FILE_BYTES;
  let cellsLeft = MAX_CELLS;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
      sharedStrings: 'cache',
      // Styles tell dates from numbers.
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      const name = (sheet as { name?: string }).name ?? `Sheet${names.length + 1}`;
      names.push(name);
      // With no dataset to look for, the first sheet is the only sensible choice.
      const take = chosen === undefined && (sheetCount === 1 || wanted === undefined || name.trim().toLowerCase() === wanted);
      if (!take) continue;
      const rows: FilledRow[] = [];
      for await (const row of sheet) {
        if (row.cellCount > MAX_COLUMNS) return empty(tooManyColumns(file, lang, row.number, row.cellCount));
        cellsLeft -= row.cellCount;
        if (cellsLeft < 0) return empty(tooManyCells(file, lang));
        const cells: string[] = [];
        for (let column = 1; column <= row.cellCount; column++) {
          const text = cellText(row.getCell(column).value);
          budget -= text.length;
          cells.push(text);
        }
        if (budget < 0) return tooLarge(`> ${megabytes(MAX_FILE_BYTES)}`);
        // Only rows with at least one filled cell: formatted but empty rows are nothing to the reader.
        const lastFilled = cells.findLastIndex((cell) => cell.trim() !== '');
        if (lastFilled >= 0) rows.push({ rowNumber: row.number, cells: cells.slice(0, lastFilled + 1) });
      }
      chosen = { name, rows };
    }
  } catch {
    return badWorkbook();
  }
  if (chosen === undefined) {
    if (names.length === 0) return empty(readingProblem('source-error', file, lang, 'empty'));
    const list = names.map((s) => `«${s}»`).join(', ');
    const dataset = options.dataset ?? '';
    return empty(readingProblem('source-error', file, lang, 'whichSheet', { sheets: list, dataset }, { expected: dataset }));
  }

  const filled = chosen.rows;
  const headerIndex = findHeaderIndex(filled.map((entry) => entry.cells));
  const headerEntry = filled[headerIndex];
  if (headerEntry === undefined) return empty(readingProblem('source-error', file, lang, 'empty'));

  const header = headerEntry.cells;
  // A sheet has no short rows: cells left empty at the end of a row are empty values, not missing cells.
  const rows = filled.slice(headerIndex + 1).map(({ cells }) => padTo(cells, header.length));
  const rowNumbers = filled.slice(headerIndex + 1).map((entry) => entry.rowNumber);
  const dialect: Dialect = { ...XLSX_DIALECT, skippedTitleRows: headerEntry.rowNumber - 1 };
  return { file, dialect, header, rows, rowNumbers, problems: [], sheet: chosen.name };
}

function padTo(cells: string[], length: number): string[] {
  if (cells.length >= length) return cells;
  const padded = cells.slice();
  while (padded.length < length) padded.push('');
  return padded;
}
