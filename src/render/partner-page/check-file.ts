import type { SchemaSet } from '../../schemas/load-schemas.js';
import type { RawTable, ValidatedProject, ValidationReport } from '../../types.js';
import { isDatasetFile, parseTable } from '../../ingest/read-table.js';
import { parseWorkbook } from '../../ingest/xlsx.js';
import { readingProblem } from '../../ingest/messages.js';
import { MAX_FILE_BYTES, megabytes } from '../../ingest/limits.js';
import { validateFiles } from '../../validate/validate-files.js';

// One file's bytes checked as `bilancio validate <file>` checks it (checkFiles), with no disk: the
// validation page runs this in the partner's browser on the file dropped on it.

const TEXT_EXTENSIONS = ['.csv', '.txt', '.tsv', '.json'];

/** The dataset a file's name says it holds (`erogazioni_auser.xlsx` → erogazioni), the longest name first. */
export function datasetOfFile(name: string, schemas: SchemaSet): string | null {
  const names = [...schemas.datasets.keys()].sort((a, b) => b.length - a.length);
  return names.find((dataset) => isDatasetFile(name, dataset)) ?? null;
}

/** Reads a file held in memory as readTable reads one from disk: by extension, within the same size limit. */
export async function tableOfBytes(bytes: Uint8Array, name: string, dataset: string | null): Promise<RawTable> {
  const extension = /\.[^./\\]*$/.exec(name.toLowerCase())?.[0] ?? '';
  const unread = (problem: RawTable['problems'][number]): RawTable => ({
    file: name,
    dialect: { encoding: 'utf-8', delimiter: null, lineEnding: null, skippedTitleRows: 0 },
    header: [],
    rows: [],
    rowNumbers: [],
    problems: [problem],
  });
  if (extension !== '.xlsx' && !TEXT_EXTENSIONS.includes(extension)) {
    const place = { value: extension, expected: '.csv, .json, .xlsx' };
    return unread(readingProblem('source-error', name, 'unsupportedFormat', { extension: extension || '—' }, place));
  }
  if (bytes.length > MAX_FILE_BYTES) {
    const params = { size: megabytes(bytes.length), limit: megabytes(MAX_FILE_BYTES) };
    return unread(readingProblem('source-error', name, 'tooLarge', params, { value: String(bytes.length), expected: params.limit }));
  }
  if (extension === '.xlsx') return parseWorkbook(bytes, name, { ...(dataset !== null && { dataset }) });
  return parseTable(bytes, name);
}

/** Checks one file against a project's territory and catalogues; never throws on bad data. */
export async function checkFileBytes(
  bytes: Uint8Array,
  name: string,
  project: ValidatedProject,
  schemas: SchemaSet,
): Promise<ValidationReport> {
  // The name alone says the dataset, not the folders above it (as checkFiles takes the base name).
  const dataset = datasetOfFile(name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1), schemas);
  return validateFiles([{ dataset, table: await tableOfBytes(bytes, name, dataset) }], project, schemas);
}
