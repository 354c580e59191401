import type { ProjectSources } from '../../project/read-project.js';
import type { SchemaSet } from '../../schemas/load-schemas.js';
import type { StreamProgress } from '../../ingest/stream/stream-table.js';
import { createQuartiereIndex, type QuartiereIndex } from '../quartieri.js';
import { validateTable } from '../validate-table.js';
import { buildTerritorio } from '../validate-project.js';
import { streamResidenti, type StreamedResidenti } from './stream-residenti.js';

/**
 * Streams every residenti CSV the project lists (the asynchronous part of validation, run before
 * validateProject, which takes the results). Nothing is read when there are none.
 */
export async function streamProjectResidenti(
  sources: ProjectSources,
  schemas: SchemaSet,
  onProgress?: (progress: StreamProgress) => void,
): Promise<StreamedResidenti[]> {
  const files = sources.residenti ?? [];
  if (files.length === 0) return [];
  const quartieri = territoryIndex(sources, schemas);
  const streamed: StreamedResidenti[] = [];
  for (const file of files) {
    streamed.push(
      await streamResidenti(file.path, {
        displayPath: file.file,
        anno: file.anno,
        schemas,
        quartieri,
        ...(onProgress && { onProgress }),
      }),
    );
  }
  return streamed;
}

/** The quartiere index from the territory's valid rows (validateProject reports the territory's problems). */
function territoryIndex(sources: ProjectSources, schemas: SchemaSet): QuartiereIndex {
  const entry = schemas.datasets.get('quartieri');
  if (!entry) throw new Error('no schema for dataset quartieri');
  const rows = sources.tables
    .filter((s) => s.anno === null && s.dataset === 'quartieri')
    .flatMap(
      (s) =>
        validateTable(s.table, {
          dataset: 'quartieri',
          schema: entry.schema,
          validateRow: (row) => entry.validateRow(row) as boolean,
          rowErrors: () => entry.validateRow.errors,
          quartieri: null,
        }).rows,
    )
    .filter((row) => !row.invalid);
  return createQuartiereIndex(buildTerritorio(rows).quartieri);
}
