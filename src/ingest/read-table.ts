// The edge of the ingest stage: files on disk → RawTable. Reading is the only I/O here;
// everything after it is the pure parseTable / parseWorkbook.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem, RawTable } from '../types.js';
import { phrase, type Words } from '../i18n.js';
import { parseCsv } from './csv.js';
import { decodeBytes } from './decode.js';
import { parseJson } from './json.js';
import { readingProblem } from './messages.js';
import type { ParseOptions, ReadOptions } from './options.js';
import { MAX_FILE_BYTES, megabytes } from './limits.js';

export type { ParseOptions, ReadOptions } from './options.js';

const TEXT_EXTENSIONS = new Set(['.csv', '.txt', '.tsv']);
const DATA_EXTENSIONS = new Set([...TEXT_EXTENSIONS, '.json', '.xlsx']);

/** Parses the bytes of a CSV or JSON file (chosen by extension or options.format) into a RawTable. */
export function parseTable(bytes: Uint8Array, displayPath: string, options: ParseOptions = {}): RawTable {
  const format = options.format ?? (extensionOf(displayPath) === '.json' ? 'json' : 'csv');
  const positions = format === 'json' ? 'lines' : 'rows';
  if (bytes.length === 0) return unreadTable(displayPath, format, readingProblem('source-error', displayPath, 'empty'));
  const decoded = decodeBytes(bytes, displayPath, { positions, ...(options.encoding && { encoding: options.encoding }) });
  if (!decoded.ok) return unreadTable(displayPath, format, decoded.problem);
  if (format === 'json') return parseJson(decoded.text, displayPath);
  const delimiter = options.delimiter && { delimiter: options.delimiter };
  return parseCsv(decoded.text, displayPath, decoded.encoding, { ...delimiter });
}

/** Reads a data file (.csv/.txt/.tsv, .json, .xlsx) from disk; every failure is a source-error in the table. */
export async function readTable(absPath: string, options: ReadOptions): Promise<RawTable> {
  const { displayPath } = options;
  const extension = extensionOf(absPath);
  if (!DATA_EXTENSIONS.has(extension) && options.format === undefined) {
    const place = { value: extension, expected: '.csv, .json, .xlsx' };
    const problem = readingProblem('source-error', displayPath, 'unsupportedFormat', { extension: extension || '—' }, place);
    return unreadTable(displayPath, 'csv', problem);
  }
  const isWorkbook = extension === '.xlsx' && options.format === undefined;
  let bytes: Uint8Array;
  try {
    // A file is read whole (a workbook's sheet is then streamed): one far beyond any partner's file is
    // refused before it fills the memory.
    const size = (await stat(absPath)).size;
    if (size > MAX_FILE_BYTES) {
      const params = { size: megabytes(size), limit: megabytes(MAX_FILE_BYTES) };
      const problem = readingProblem('source-error', displayPath, 'tooLarge', params, {
        value: String(size),
        expected: params.limit,
      });
      return unreadTable(displayPath, extension === '.json' ? 'json' : 'csv', problem);
    }
    bytes = await readFile(absPath);
  } catch (error) {
    const problem = readingProblem('source-error', displayPath, 'unreadable', { reason: ioReason(error) });
    return unreadTable(displayPath, 'csv', problem);
  }
  if (isWorkbook) {
    // Loaded on demand: exceljs and its dependencies cost a few hundred ms at start-up (issue 8).
    const { parseWorkbook } = await import('./xlsx.js');
    return parseWorkbook(bytes, displayPath, { ...(options.dataset !== undefined && { dataset: options.dataset }) });
  }
  return parseTable(bytes, displayPath, options);
}

/** Whether a file name belongs to a dataset: `erogazioni.csv`, `erogazioni_auser.csv`, `erogazioni-2.xlsx`. */
export function isDatasetFile(fileName: string, dataset: string): boolean {
  const name = fileName.toLowerCase();
  const prefix = dataset.toLowerCase();
  if (!DATA_EXTENSIONS.has(extensionOf(name)) || !name.startsWith(prefix)) return false;
  const next = name.charAt(prefix.length);
  return next === '.' || next === '_' || next === '-';
}

/** The data files of a dataset in a folder, sorted by name, as paths joined to `dir`; none when the folder is missing. */
export async function listDatasetFiles(dir: string, datasetName: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && isDatasetFile(entry.name, datasetName))
    .map((entry) => entry.name)
    .sort()
    .map((name) => path.join(dir, name));
}

function extensionOf(file: string): string {
  return path.extname(file).toLowerCase();
}

/** A table that could not be read: no header, no rows, the reason as its problem. */
function unreadTable(file: string, format: 'csv' | 'json', problem: Problem): RawTable {
  const encoding = format === 'json' ? 'json' : 'utf-8';
  const dialect = { encoding, delimiter: null, lineEnding: null, skippedTitleRows: 0 } as const;
  return { file, dialect, header: [], rows: [], rowNumbers: [], problems: [problem] };
}

function ioReason(error: unknown): Words {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return phrase({ it: 'il file non esiste', en: 'the file does not exist' });
  if (code === 'EACCES' || code === 'EPERM') return phrase({ it: 'permesso negato', en: 'permission denied' });
  if (code === 'EISDIR') return phrase({ it: 'è una cartella, non un file', en: 'it is a folder, not a file' });
  return error instanceof Error ? error.message : String(error);
}
