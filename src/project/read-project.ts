import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem, RawTable, Source } from '../types.js';
import { phrase, type Words } from '../i18n.js';
import { isDatasetFile, listDatasetFiles, readTable } from '../ingest/read-table.js';
import type { TableReader } from '../ingest/table-cache.js';
import { guardProjectPaths, manifestNamesProblem, type PathGuard } from '../provenance/paths.js';

/** Datasets that live in `dati/<anno>/` and in contributions, by file-name prefix. */
export const YEAR_DATASETS = [
  'popolazione',
  'residenti',
  'famiglie',
  'movimento',
  'erogazioni',
  'questionario',
  'domande',
  'voci',
  'impegni',
  'risorse',
  'personale',
] as const;

/** Catalogue tables and where they sit in the project. */
export const CATALOGUE_FILES = [
  { dataset: 'quartieri', dir: 'territorio', name: 'quartieri' },
  { dataset: 'enti', dir: 'catalogo', name: 'enti' },
  { dataset: 'servizi', dir: 'catalogo', name: 'servizi' },
  { dataset: 'catalogo_impegni', dir: 'catalogo', name: 'impegni' },
  { dataset: 'cantieri', dir: 'catalogo', name: 'cantieri' },
  { dataset: 'agenzie', dir: 'catalogo', name: 'agenzie' },
] as const;

/**
 * bilancio's default declaration of cantieri (the six of the first project, with their titles), shipped with
 * the tool beside schemas/: it applies to a project without catalogo/cantieri.csv, so that such a project
 * reads and builds as it did before the file existed.
 */
export const DEFAULT_CANTIERI_FILE = fileURLToPath(new URL('../../predefiniti/cantieri.csv', import.meta.url));

/** One table read from the project, with the dataset it belongs to and who sent it. */
export interface SourceTable {
  dataset: string;
  anno: number | null;
  source: Source;
  table: RawTable;
}

/** A contribution folder as found on disk. */
export interface ContributoSource {
  ente: string;
  anno: number;
  folder: string;
  manifest: unknown;
  manifestProblem: Problem | null;
  tables: SourceTable[];
}

/** A file listed but not read, because it is read as a stream during validation (issue 8: residenti.csv). */
export interface StreamSource {
  dataset: 'residenti';
  anno: number;
  source: Source;
  /** Absolute path. */
  path: string;
  /** Path as the user should see it. */
  file: string;
}

/** Everything read from a project folder, before any check. */
export interface ProjectSources {
  root: string;
  config: unknown;
  indicatori: unknown;
  /** catalogo/sintesi.json as parsed, or undefined when the project has none (bilancio's defaults apply). */
  sintesi: unknown;
  tables: SourceTable[];
  contributi: ContributoSource[];
  problems: Problem[];
  /** bilancio's default declaration of cantieri, read when the project has no catalogo/cantieri.csv; else null. */
  cantieriPredefiniti: RawTable | null;
  /** residenti CSVs (one row per resident, millions in a region): listed here, streamed by validation. */
  residenti?: StreamSource[];
}

/** Thrown (an expected user error, shown as one line) when the project folder is not there. */
export class ProjectNotFoundError extends Error {
  readonly code = 'project-not-found';

  /** `words` say what is missing, in the reader's language where it is shown (the CLI says them). */
  constructor(readonly words: Words) {
    super('project folder not found, or without bilancio.config.json');
    this.name = 'ProjectNotFoundError';
  }
}

// Only these are tables; a quartieri.geojson beside quartieri.csv is a map, not data.
const TABLE_EXTENSIONS = /\.(csv|tsv|txt|json|xlsx)$/i;
// issue 8: residenti text files are never read whole; validation streams them.
const STREAMED_EXTENSIONS = /\.(csv|tsv|txt)$/i;

const exists = async (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );
const toDisplay = (root: string, abs: string) => path.relative(root, abs).split(path.sep).join('/');

async function readJsonFile(root: string, abs: string): Promise<{ value: unknown } | { problem: Problem }> {
  const file = toDisplay(root, abs);
  try {
    return { value: JSON.parse((await readFile(abs, 'utf8')).replace(/^\uFEFF/, '')) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      problem: {
        code: 'source-error',
        severity: 'error',
        file,
        message: phrase(
          {
            it: 'Il file {file} non si legge come JSON: {detail}.',
            en: 'The file {file} cannot be read as JSON: {detail}.',
          },
          { file, detail },
        ),
      },
    };
  }
}

async function subfolders(dir: string): Promise<string[]> {
  if (!(await exists(dir))) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

// Path safety: nothing below a refused symbolic link is listed or read (the guard reports it).
async function safeSubfolders(guard: PathGuard, dir: string): Promise<string[]> {
  if (guard.refuses(dir)) return [];
  return (await subfolders(dir)).filter((name) => !guard.refuses(path.join(dir, name)));
}

async function safeDatasetFiles(guard: PathGuard, dir: string, dataset: string): Promise<string[]> {
  if (guard.refuses(dir)) return [];
  // listDatasetFiles skips symbolic links; one that stays inside the project is read like its target.
  const linked = guard.files.filter((abs) => path.dirname(abs) === dir && isDatasetFile(path.basename(abs), dataset));
  const files = new Set([...(await listDatasetFiles(dir, dataset)), ...linked]);
  return [...files].filter((abs) => !guard.refuses(abs)).sort();
}

async function readSafeJson(guard: PathGuard, root: string, abs: string): Promise<{ value: unknown } | { problem: Problem } | null> {
  return guard.refuses(abs) ? null : readJsonFile(root, abs);
}

// The guard's problem for a refused manifest travels with its contribution, not twice.
function takeProblem(problems: Problem[], file: string): Problem | null {
  const index = problems.findIndex((p) => p.file === file);
  return index < 0 ? null : problems.splice(index, 1)[0]!;
}

async function readYearFolder(
  guard: PathGuard,
  root: string,
  dir: string,
  anno: number,
  source: Source,
  only: string[] | undefined,
  streamed: StreamSource[],
  read: TableReader,
): Promise<SourceTable[]> {
  const tables: SourceTable[] = [];
  for (const dataset of YEAR_DATASETS) {
    for (const abs of await safeDatasetFiles(guard, dir, dataset)) {
      if (!TABLE_EXTENSIONS.test(abs)) continue;
      if (only && !only.includes(path.basename(abs))) continue;
      if (dataset === 'residenti' && STREAMED_EXTENSIONS.test(abs)) {
        streamed.push({ dataset, anno, source, path: abs, file: toDisplay(root, abs) });
        continue;
      }
      const table = await read(abs, { displayPath: toDisplay(root, abs), dataset });
      tables.push({ dataset, anno, source, table });
    }
  }
  return tables;
}

/**
 * Reads a whole report project: config, catalogues, yearly data and contributions (or only the catalogues).
 * `read` reads each table (the live preview's TableCache gives back the unchanged ones).
 */
export async function readProject(
  rootArg: string,
  scope: 'all' | 'catalogues' = 'all',
  read: TableReader = readTable,
): Promise<ProjectSources> {
  const root = path.resolve(rootArg);
  const configPath = path.join(root, 'bilancio.config.json');
  if (!(await exists(root)) || !(await stat(root)).isDirectory()) {
    throw new ProjectNotFoundError(
      phrase(
        {
          it: 'La cartella del progetto "{dir}" non esiste.',
          en: 'The project folder "{dir}" does not exist.',
        },
        { dir: rootArg },
      ),
    );
  }
  if (!(await exists(configPath))) {
    throw new ProjectNotFoundError(
      phrase(
        {
          it: 'La cartella "{dir}" non è un progetto di bilancio: manca bilancio.config.json.',
          en: 'The folder "{dir}" is not a bilancio project: bilancio.config.json is missing.',
        },
        { dir: rootArg },
      ),
    );
  }
  const guard = await guardProjectPaths(root);
  const problems: Problem[] = [...guard.problems];
  const config = (await readSafeJson(guard, root, configPath)) ?? { value: undefined };
  if ('problem' in config) problems.push(config.problem);

  const catalogueJson = async (name: string): Promise<unknown> => {
    const file = path.join(root, 'catalogo', name);
    if (!(await exists(file))) return undefined;
    const read = await readSafeJson(guard, root, file);
    if (read && 'problem' in read) problems.push(read.problem);
    return read && 'value' in read ? read.value : undefined;
  };
  const indicatori = await catalogueJson('indicatori.json');
  const sintesi = await catalogueJson('sintesi.json');

  const tables: SourceTable[] = [];
  for (const { dataset, dir, name } of CATALOGUE_FILES) {
    for (const abs of await safeDatasetFiles(guard, path.join(root, dir), name)) {
      if (!TABLE_EXTENSIONS.test(abs)) continue;
      const table = await read(abs, { displayPath: toDisplay(root, abs), dataset: name });
      tables.push({ dataset, anno: null, source: { kind: 'comune' }, table });
    }
  }
  const cantieriPredefiniti = tables.some((t) => t.dataset === 'cantieri')
    ? null
    : await readTable(DEFAULT_CANTIERI_FILE, { displayPath: 'predefiniti/cantieri.csv', dataset: 'cantieri' });
  if (scope === 'catalogues')
    return {
      root,
      config: 'value' in config ? config.value : undefined,
      indicatori,
      sintesi,
      tables,
      contributi: [],
      problems,
      cantieriPredefiniti,
    };
  const residenti: StreamSource[] = [];
  for (const folder of await safeSubfolders(guard, path.join(root, 'dati'))) {
    if (!/^\d{4}$/.test(folder)) continue;
    tables.push(
      ...(await readYearFolder(
        guard,
        root,
        path.join(root, 'dati', folder),
        Number(folder),
        { kind: 'comune' },
        undefined,
        residenti,
        read,
      )),
    );
  }

  const contributi: ContributoSource[] = [];
  for (const ente of await safeSubfolders(guard, path.join(root, 'contributi'))) {
    for (const folder of await safeSubfolders(guard, path.join(root, 'contributi', ente))) {
      if (!/^\d{4}$/.test(folder)) continue;
      const anno = Number(folder);
      const dir = path.join(root, 'contributi', ente, folder);
      const manifestPath = path.join(dir, 'manifest.json');
      let manifest: unknown = null;
      let manifestProblem: Problem | null = null;
      if (guard.refuses(manifestPath)) {
        manifestProblem = takeProblem(problems, toDisplay(root, manifestPath));
      } else if (await exists(manifestPath)) {
        const read = await readJsonFile(root, manifestPath);
        if ('problem' in read) manifestProblem = read.problem;
        else manifest = read.value;
        manifestProblem ??= manifestNamesProblem(toDisplay(root, manifestPath), manifest);
      } else {
        manifestProblem = {
          code: 'source-error',
          severity: 'error',
          file: toDisplay(root, manifestPath),
          message: phrase(
            {
              it: 'Manca manifest.json nel contributo di {ente} per il {anno}.',
              en: 'manifest.json is missing from the {ente} contribution for {anno}.',
            },
            { ente, anno },
          ),
        };
      }
      const source: Source = { kind: 'contributo', ente, anno };
      const listed = Array.isArray((manifest as { file?: unknown } | null)?.file)
        ? (manifest as { file: unknown[] }).file.filter((f): f is string => typeof f === 'string')
        : undefined;
      const own = await readYearFolder(guard, root, dir, anno, source, listed, residenti, read);
      contributi.push({ ente, anno, folder: toDisplay(root, dir), manifest, manifestProblem, tables: own });
    }
  }
  return {
    root,
    config: 'value' in config ? config.value : undefined,
    indicatori,
    sintesi,
    tables,
    contributi,
    problems,
    residenti,
    cantieriPredefiniti,
  };
}
