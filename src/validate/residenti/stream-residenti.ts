// residenti.csv, one row per resident (millions in a region), read as a stream: decoded, validated
// and counted into popolazione rows on the fly, never held whole in memory.
import type { SchemaSet } from '../../schemas/load-schemas.js';
import type { Dialect, Problem, TypedRow } from '../../types.js';
import { QUARTIERE_ND } from '../../types.js';
import type { Delimiter, ForcedEncoding } from '../../ingest/options.js';
import { streamTable, type StreamProgress } from '../../ingest/stream/stream-table.js';
import type { QuartiereIndex } from '../quartieri.js';
import { ProblemCollector, PROBLEMS_PER_CODE } from '../problem-limit.js';
import { QuartiereCache } from './fast-fields.js';
import { PopolazioneCounts, type CountsLayout } from './popolazione-counts.js';
import { ResidentiRows } from './residenti-rows.js';

export interface ResidentiStreamOptions {
  /** Path as the user sees it, used in every problem and as the `file` of every row. */
  displayPath: string;
  /** The year of the folder the file is in: rows of another year are a consistency-error. */
  anno: number;
  schemas: SchemaSet;
  quartieri: QuartiereIndex;
  /** Problems kept per code; the rest are counted in one closing problem per code. */
  problemsPerCode?: number;
  encoding?: ForcedEncoding;
  delimiter?: Delimiter;
  chunkSize?: number;
  onProgress?: (progress: StreamProgress) => void;
  /** Milliseconds between two progress calls (200 by default). */
  progressEveryMs?: number;
}

/** A residenti file read and counted. */
export interface StreamedResidenti {
  file: string;
  anno: number;
  /**
   * Popolazione rows: values {anno, codice_quartiere, sesso, eta, cittadinanza, residenti}, `file`
   * the residenti file, `row` the first resident row counted in it. Empty when the file could not be read.
   */
  rows: TypedRow[];
  problems: Problem[];
  /** Data rows read, valid or not. */
  rowsRead: number;
  dialect: Dialect;
  /** 1-based column of each residenti field found in the header. */
  columns: Map<string, number>;
}

/** Streams one residenti CSV: validation problems (limited per code) and the popolazione rows it counts. */
export async function streamResidenti(absPath: string, options: ResidentiStreamOptions): Promise<StreamedResidenti> {
  const file = options.displayPath;
  const layout = countsLayout(options.schemas, options.quartieri);
  const slots = new Map(layout.quartieri.map((codice, slot) => [codice, slot]));
  const counts = new PopolazioneCounts(options.anno, layout);
  const problems = new ProblemCollector(file, options.problemsPerCode ?? PROBLEMS_PER_CODE);
  const quartieri = new QuartiereCache(options.quartieri, (codice) => slots.get(codice) ?? -1);
  const rows = new ResidentiRows({ file, anno: options.anno, schemas: options.schemas, quartieri, counts, problems });
  const streamed = await streamTable(
    absPath,
    {
      displayPath: file,
      ...(options.encoding && { encoding: options.encoding }),
      ...(options.delimiter && { delimiter: options.delimiter }),
      ...(options.chunkSize && { chunkSize: options.chunkSize }),
      ...(options.onProgress && { onProgress: options.onProgress }),
      ...(options.progressEveryMs !== undefined && { progressEveryMs: options.progressEveryMs }),
    },
    rows,
  );
  const base = { file, anno: options.anno, rowsRead: streamed.rowsRead, dialect: streamed.dialect, columns: rows.columns };
  const reading = streamed.problem ? [streamed.problem, ...streamed.problems] : streamed.problems;
  // A file with a reading error (one that stopped the reading, or a misplaced quote) gives no rows,
  // as validateTable does for a reading error.
  if (reading.some((p) => p.severity === 'error')) return { ...base, rows: [], problems: [...reading, ...problems.problems()] };
  return { ...base, rows: counts.rows(file), problems: [...reading, ...problems.problems()] };
}

/** The slots of the counts: the territory's quartieri then ND, the schemas' sexes and citizenships, ages to popolazione's maximum. */
export function countsLayout(schemas: SchemaSet, quartieri: QuartiereIndex): CountsLayout {
  const residenti = schemas.datasets.get('residenti')?.schema.properties;
  const popolazione = schemas.datasets.get('popolazione')?.schema.properties;
  return {
    quartieri: [...quartieri.byCode.keys(), QUARTIERE_ND],
    sessi: residenti?.sesso?.enum ?? ['M', 'F'],
    cittadinanze: residenti?.cittadinanza?.enum ?? ['ITA', 'STR'],
    etaMax: popolazione?.eta?.maximum ?? 100,
  };
}
