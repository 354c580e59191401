// An Excel workbook (.xlsx) → RawTable of one sheet, with Excel's own row numbers.
import ExcelJS from 'exceljs';
import type { Dialect, Lang, RawTable } from '../types.js';
import { readingProblem } from './messages.js';
import { findHeaderIndex } from './sniff.js';
import { cellText } from './xlsx-cells.js';

export interface WorkbookOptions {
  lang?: Lang;
  /** Dataset name: the sheet with this name is read when the workbook has several. */
  dataset?: string;
}

const XLSX_DIALECT: Dialect = { encoding: 'utf-8', delimiter: null, lineEnding: null, skippedTitleRows: 0 };

/**
 * Reads the sheet named after the dataset (or the only sheet) of an .xlsx file. The header is the
 * first filled row (a title row above it is skipped); empty rows leave gaps in rowNumbers.
 */
export async function parseWorkbook(bytes: Uint8Array, file: string, options: WorkbookOptions = {}): Promise<RawTable> {
  const lang = options.lang ?? 'it';
  const empty = (problem: RawTable['problems'][number]): RawTable => ({
    file,
    dialect: { ...XLSX_DIALECT },
    header: [],
    rows: [],
    rowNumbers: [],
    problems: [problem],
  });

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(toArrayBuffer(bytes));
  } catch {
    return empty(readingProblem('source-error', file, lang, 'badWorkbook', {}, { expected: '.xlsx' }));
  }
  const sheets = workbook.worksheets;
  const wanted = options.dataset?.toLowerCase();
  // With no dataset to look for, the first sheet is the only sensible choice.
  const sheet =
    sheets.length === 1 || wanted === undefined ? sheets[0] : sheets.find((s) => s.name.trim().toLowerCase() === wanted);
  if (sheet === undefined) {
    if (sheets.length === 0) return empty(readingProblem('source-error', file, lang, 'empty'));
    const names = sheets.map((s) => `«${s.name}»`).join(', ');
    const dataset = options.dataset ?? '';
    return empty(readingProblem('source-error', file, lang, 'whichSheet', { sheets: names, dataset }, { expected: dataset }));
  }

  // Only rows with at least one filled cell: formatted but empty rows are nothing to the reader.
  const filled: { rowNumber: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) {
      const cell = row.getCell(column);
      // A merged range shows its value once, in its first cell (a title merged across A1:H1 is one cell).
      cells.push(cell.type === ExcelJS.ValueType.Merge ? '' : cellText(cell.value));
    }
    const lastFilled = cells.findLastIndex((cell) => cell.trim() !== '');
    if (lastFilled >= 0) filled.push({ rowNumber, cells: cells.slice(0, lastFilled + 1) });
  });
  const headerIndex = findHeaderIndex(filled.map((entry) => entry.cells));
  const headerEntry = filled[headerIndex];
  if (headerEntry === undefined) return empty(readingProblem('source-error', file, lang, 'empty'));

  const header = headerEntry.cells;
  // A sheet has no short rows: cells left empty at the end of a row are empty values, not missing cells.
  const rows = filled.slice(headerIndex + 1).map(({ cells }) => padTo(cells, header.length));
  const rowNumbers = filled.slice(headerIndex + 1).map((entry) => entry.rowNumber);
  const dialect: Dialect = { ...XLSX_DIALECT, skippedTitleRows: headerEntry.rowNumber - 1 };
  return { file, dialect, header, rows, rowNumbers, problems: [], sheet: sheet.name };
}

function padTo(cells: string[], length: number): string[] {
  return cells.length >= length ? cells : [...cells, ...Array<string>(length - cells.length).fill('')];
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
