// The same aggregation done by other tools, for the ratios: Miller (mlr, a process like ours) and
// DuckDB (in this process, query time only).
import { available, measure, type Run } from './measure.js';

/** Miller counts residents by quartiere, sex, age (capped at 100) and citizenship; null when mlr is not installed. */
export async function millerCount(file: string): Promise<Run | null> {
  if (!available('mlr')) return null;
  const args = [
    '--icsv',
    '--ifs',
    ';',
    '--allow-ragged-csv-input',
    '--ojson',
    'put',
    '$eta = min($anno - $anno_nascita, 100)',
    'then',
    'count',
    '-g',
    'codice_quartiere,sesso,eta,cittadinanza',
    file,
  ];
  return measure('mlr', args);
}

/** DuckDB's read_csv + GROUP BY on the file: wall time of the query; null when @duckdb/node-api cannot load. */
export async function duckdbCount(file: string): Promise<{ wallMs: number; groups: number } | null> {
  let duckdb: typeof import('@duckdb/node-api');
  try {
    duckdb = await import('@duckdb/node-api');
  } catch {
    return null;
  }
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const sql = `
    SELECT codice_quartiere, sesso, least(anno - anno_nascita, 100) AS eta, cittadinanza, count(*) AS residenti
    FROM read_csv('${file.replaceAll("'", "''")}', delim = ';', header = true, ignore_errors = true,
      columns = {'anno': 'INTEGER', 'codice_quartiere': 'VARCHAR', 'anno_nascita': 'INTEGER', 'sesso': 'VARCHAR', 'cittadinanza': 'VARCHAR'})
    GROUP BY ALL`;
  const began = performance.now();
  const result = await connection.runAndReadAll(sql);
  const wallMs = performance.now() - began;
  const groups = result.getRows().length;
  connection.closeSync();
  instance.closeSync();
  return { wallMs, groups };
}
