import path from 'node:path';
import type { ValidationReport } from './types.js';
import { readProject } from './project/read-project.js';
import { loadSchemas } from './schemas/load-schemas.js';
import { validateProject } from './validate/validate-project.js';
import { validateFiles, type LooseFile } from './validate/validate-files.js';
import { isDatasetFile, readTable } from './ingest/read-table.js';
import type { Effects } from './effects.js';

export interface CheckFilesOptions {
  files: string[];
  /** The project whose territory and catalogues the files are checked against. */
  project: string;
  /** Forces the dataset of every file, when their names do not say it. */
  dataset?: string;
}

/** Reads loose files and checks them against a project's territory and catalogues. */
export async function checkFiles(options: CheckFilesOptions, fx: Effects): Promise<ValidationReport> {
  const schemas = loadSchemas();
  fx.progress('lettura del territorio e dei cataloghi');
  const sources = await readProject(options.project, 'catalogues');
  const catalogues = validateProject(sources, schemas);
  const names = [...schemas.datasets.keys()].sort((a, b) => b.length - a.length);
  const files: LooseFile[] = [];
  for (const file of options.files) {
    const base = path.basename(file);
    const dataset = options.dataset ?? names.find((name) => isDatasetFile(base, name)) ?? null;
    fx.progress(`lettura di ${base}`);
    files.push({
      dataset,
      table: await readTable(path.resolve(file), { displayPath: file, dataset: dataset ?? undefined }),
    });
  }
  return validateFiles(files, catalogues, schemas);
}
