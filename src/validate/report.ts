import type { FileReport, Problem, ProblemCode, RawTable, ValidationReport } from '../types.js';
import { columnLetter } from '../ingest/columns.js';
import { ProblemCollector } from './problem-limit.js';

/** One file after validation, as the report needs it. */
export interface CheckedTable {
  table: RawTable;
  dataset: string;
  rowsRead: number;
  /** 1-based column of each schema field found in the header. */
  columns: Map<string, number>;
  problems: Problem[];
}

/**
 * Groups every problem under its file, filling column numbers the cross-row checks leave out; each
 * file lists the first problems of each code and counts the rest (see problem-limit.ts).
 */
export function buildReport(checked: CheckedTable[], extra: Problem[]): ValidationReport {
  const files = new Map<string, FileReport>();
  const columns = new Map<string, Map<string, number>>();
  for (const item of checked) {
    const { table } = item;
    columns.set(table.file, item.columns);
    files.set(table.file, {
      path: table.file,
      dataset: item.dataset,
      encoding: table.dialect.encoding,
      delimiter: table.dialect.delimiter,
      ...(table.sheet ? { sheet: table.sheet } : {}),
      rows: item.rowsRead,
      errors: [],
      warnings: [],
    });
  }
  const collector = new ProblemCollector('');
  for (const item of checked) collector.addAll(item.problems);
  collector.addAll(extra);
  for (const problem of collector.problems()) {
    if (problem.column === undefined && problem.field) {
      const column = columns.get(problem.file)?.get(problem.field);
      if (column !== undefined) {
        problem.column = column;
        problem.columnLetter = columnLetter(column);
      }
    }
    file(files, problem.file, problem.severity === 'error' ? 'errors' : 'warnings').push(problem);
  }
  const list = [...files.values()].sort((a, b) => a.path.localeCompare(b.path));
  for (const file of list) {
    file.errors.sort(byPlace);
    file.warnings.sort(byPlace);
    countProblems(file);
  }
  return summarize(list);
}

/** By row and column; the closing problem of a code (how many more) after the problems it follows. */
function byPlace(a: Problem, b: Problem): number {
  return placeRow(a) - placeRow(b) || (a.column ?? 0) - (b.column ?? 0);
}

function placeRow(problem: Problem): number {
  return problem.omessi !== undefined ? Number.MAX_SAFE_INTEGER : (problem.row ?? 0);
}

/** How many problems a list stands for: each listed one, and those its closing problems count. */
export function problemCount(problems: readonly Problem[]): number {
  let n = 0;
  for (const problem of problems) n += problem.omessi ?? 1;
  return n;
}

/** Sets `conteggi` and `omessi` on a file whose lists leave problems out. */
function countProblems(file: FileReport): void {
  const counts: Partial<Record<ProblemCode, number>> = {};
  let omitted = 0;
  for (const problem of [...file.errors, ...file.warnings]) {
    counts[problem.code] = (counts[problem.code] ?? 0) + (problem.omessi ?? 1);
    omitted += problem.omessi ?? 0;
  }
  if (omitted === 0) return;
  file.conteggi = counts;
  file.omessi = omitted;
}

/** The list a problem goes into: its file's errors or warnings, the file entered if it was not there. */
function file(files: Map<string, FileReport>, path: string, kind: 'errors' | 'warnings'): Problem[] {
  let entry = files.get(path);
  if (!entry) {
    entry = { path, dataset: '', encoding: '', delimiter: null, rows: 0, errors: [], warnings: [] };
    files.set(path, entry);
  }
  return entry[kind];
}

function summarize(list: FileReport[]): ValidationReport {
  const errors = list.reduce((n, f) => n + problemCount(f.errors), 0);
  return {
    valid: errors === 0,
    summary: {
      files: list.length,
      rows: list.reduce((n, f) => n + f.rows, 0),
      errors,
      warnings: list.reduce((n, f) => n + problemCount(f.warnings), 0),
    },
    files: list,
  };
}

/** The report with more problems (config, catalogue, map: short lists) filed under their files. */
export function addProblems(report: ValidationReport, problems: Problem[]): ValidationReport {
  if (problems.length === 0) return report;
  const files = new Map(report.files.map((f) => [f.path, f]));
  for (const problem of problems) file(files, problem.file, problem.severity === 'error' ? 'errors' : 'warnings').push(problem);
  return summarize([...files.values()].sort((a, b) => a.path.localeCompare(b.path)));
}
