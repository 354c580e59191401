import type { CheckedTable } from '../report.js';
import type { DatasetRows, Problem, TypedRow } from '../../types.js';
import { checkResidentiPopolazione } from '../checks/residenti-popolazione.js';
import type { CheckContext } from '../checks/index.js';
import { sumPopolazione } from './popolazione-counts.js';
import type { StreamedResidenti } from './stream-residenti.js';

/**
 * Puts the counts of streamed residenti files into the years' data: a year without popolazione
 * gets them as its popolazione; a year with both gets the residenti_popolazione check.
 */
export function mergeResidenti(streamed: readonly StreamedResidenti[], context: CheckContext): Problem[] {
  const { dati } = context;
  const byYear = new Map<number, TypedRow[][]>();
  // A file that could not be read counts nobody: it neither makes a popolazione nor contradicts one.
  for (const file of streamed) if (file.rows.length > 0) byYear.set(file.anno, [...(byYear.get(file.anno) ?? []), file.rows]);
  const problems: Problem[] = [];
  let added = false;
  for (const [anno, groups] of byYear) {
    const counted = sumPopolazione(groups);
    const datasets: DatasetRows = dati.get(anno) ?? new Map();
    const popolazione = datasets.get('popolazione');
    if (popolazione) problems.push(...checkResidentiPopolazione(context, anno, counted, popolazione));
    else datasets.set('popolazione', counted);
    if (!dati.has(anno)) {
      dati.set(anno, datasets);
      added = true;
    }
  }
  // Years stay in ascending order, as validateProject builds them.
  if (added) {
    const years = [...dati].sort(([a], [b]) => a - b);
    dati.clear();
    for (const [anno, datasets] of years) dati.set(anno, datasets);
  }
  return problems;
}

/** A streamed file as the validation report lists it. */
export function streamedReportEntry(file: StreamedResidenti): CheckedTable {
  const table = { file: file.file, dialect: file.dialect, header: [], rows: [], rowNumbers: [], problems: [] };
  return { table, dataset: 'residenti', rowsRead: file.rowsRead, columns: file.columns, problems: file.problems };
}
