import type { ProjectSources, SourceTable } from '../project/read-project.js';
import type { SchemaSet } from '../schemas/load-schemas.js';
import type {
  Contributo,
  DatasetRows,
  Ente,
  Problem,
  Quartiere,
  Servizio,
  Territorio,
  TypedRow,
  ValidatedProject,
  Zona,
} from '../types.js';
import { phrase } from '../i18n.js';
import { createQuartiereIndex, type QuartiereIndex } from './quartieri.js';
import { validateTable } from './validate-table.js';
import { checkForeignKey, checkKeys } from './keys.js';
import { checkManifest } from './manifest.js';
import { runConsistencyChecks, type RuleSettings } from './checks/index.js';
import { buildReport } from './report.js';
import { ProblemCollector } from './problem-limit.js';
import { mergeResidenti, streamedReportEntry } from './residenti/merge-residenti.js';
import type { StreamedResidenti } from './residenti/stream-residenti.js';
import { buildCantieri, checkCantiere, checkReservedCodes } from './cantieri.js';
import { buildAgenzie } from './agenzie.js';
import { territoryKey, type TableChecks } from './table-checks.js';

/** The codes of servizi.csv's `ente` cell: one or several organisations, separated by `;` or `|` (`comune; auser`). */
export function serviceEnti(cell: string): string[] {
  return [
    ...new Set(
      cell
        .split(/[;|]/)
        .map((code) => code.trim())
        .filter((code) => code !== ''),
    ),
  ];
}

interface Checked {
  source: SourceTable;
  rows: TypedRow[];
  problems: Problem[];
  rowsRead: number;
  columns: Map<string, number>;
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The territory from the typed rows of territorio/quartieri.csv. */
export function buildTerritorio(rows: TypedRow[]): Territorio {
  const quartieri: Quartiere[] = rows.map(({ values: v }) => ({
    codice: str(v.codice_quartiere),
    numero: typeof v.numero === 'number' ? v.numero : null,
    nome: str(v.quartiere),
    varianti: str(v.varianti)
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean),
    codiceZona: str(v.codice_zona),
    zona: str(v.zona),
    superficieKmq: typeof v.superficie_kmq === 'number' ? v.superficie_kmq : null,
  }));
  const zone = new Map<string, Zona>();
  for (const q of quartieri) {
    const zona = zone.get(q.codiceZona) ?? { codice: q.codiceZona, nome: q.zona, quartieri: [] };
    zona.quartieri.push(q.codice);
    zone.set(q.codiceZona, zona);
  }
  return { quartieri, zone: [...zone.values()] };
}

/** Validates every table of a project and hands compute typed rows; never throws on bad data. */
export function validateProject(
  sources: ProjectSources,
  schemas: SchemaSet,
  rules: RuleSettings = {},
  /** residenti files already streamed and counted (issue 8: see pipeline.checkProject). */
  residenti: readonly StreamedResidenti[] = [],
  /** Checks of tables kept from an earlier validation (the live preview's); every table is checked without it. */
  kept?: TableChecks,
): ValidatedProject {
  const checked: Checked[] = [];
  // Kept to the limit per file and code, every one counted (rows repeated by the thousand are as many problems).
  const extraProblems = new ProblemCollector('');
  extraProblems.addAll(sources.problems);

  let territory = '';
  const check = (source: SourceTable, quartieri: QuartiereIndex | null): Checked => {
    const entry = schemas.datasets.get(source.dataset);
    if (!entry) throw new Error(`no schema for dataset ${source.dataset}`);
    const validateRow = entry.validateRow;
    const validate = () =>
      validateTable(source.table, {
        dataset: source.dataset,
        schema: entry.schema,
        validateRow: (row) => validateRow(row) as boolean,
        rowErrors: () => validateRow.errors,
        quartieri,
      });
    const result = kept ? kept.get(source.table, source.dataset, quartieri ? territory : '', validate) : validate();
    const item = { source, ...result };
    checked.push(item);
    return item;
  };
  const catalogue = (dataset: string) => sources.tables.filter((s) => s.anno === null && s.dataset === dataset);
  const keyed = (items: Checked[], dataset: string): TypedRow[] => {
    const rows = items.flatMap((i) => i.rows);
    const { problems, rejected } = checkKeys(rows, schemas.datasets.get(dataset)!.schema);
    extraProblems.addAll(problems);
    return rows.filter((r) => !rejected.has(r));
  };
  // Rows with errors are checked for every problem (keys, foreign keys) but never computed on.
  const valid = (rows: TypedRow[]) => rows.filter((r) => !r.invalid);

  // The territory comes first: every other file names its quartieri against it.
  const territoryTables = catalogue('quartieri').map((s) => check(s, null));
  if (territoryTables.length === 0) {
    extraProblems.add({
      code: 'source-error',
      severity: 'error',
      file: 'territorio/quartieri.csv',
      message: phrase({
        it: "Manca territorio/quartieri.csv: senza l'elenco dei quartieri non si può leggere nessun dato.",
        en: 'territorio/quartieri.csv is missing: without the list of quartieri no data can be read.',
      }),
    });
  }
  const territorio = buildTerritorio(valid(keyed(territoryTables, 'quartieri')));
  const index = createQuartiereIndex(territorio.quartieri);
  territory = kept ? territoryKey(territorio) : '';

  const enti: Ente[] = valid(
    keyed(
      catalogue('enti').map((s) => check(s, null)),
      'enti',
    ),
  ).map(({ values: v }) => ({
    codice: str(v.codice_ente),
    nome: str(v.nome),
    tipo: str(v.tipo),
    ruolo: str(v.ruolo) as Ente['ruolo'],
    compito: str(v.compito).trim(),
    compitoEn: str(v.compito_en).trim() || null,
  }));
  const entiCodes = new Set(enti.map((e) => e.codice));
  // An agency names the ente that leads it: an unknown code would print a name nobody declared.
  const agenzie = buildAgenzie(
    rejectForeign(
      valid(
        keyed(
          catalogue('agenzie').map((s) => check(s, null)),
          'agenzie',
        ),
      ),
      'ente_capofila',
      entiCodes,
      'catalogo/enti.csv',
    ),
  );
  // The cantieri: the project's declaration, or bilancio's default one (never reported as a project file).
  const cantieriTables = catalogue('cantieri').map((s) => check(s, null));
  const cantieriPredefiniti = cantieriTables.length === 0;
  const cantieri = buildCantieri(
    cantieriPredefiniti ? defaultCantieriRows(sources, schemas) : rejectWith(valid(keyed(cantieriTables, 'cantieri')), checkReservedCodes),
  );
  const columnsOf = (file: string) => checked.find((c) => c.source.table.file === file)?.columns;
  const declaredOnly = (rows: TypedRow[]) =>
    rejectWith(rows, (r) => checkCantiere(r, 'cantiere', cantieri, cantieriPredefiniti, columnsOf));
  let serviziRows = valid(
    keyed(
      catalogue('servizi').map((s) => check(s, null)),
      'servizi',
    ),
  );
  serviziRows = rejectForeign(serviziRows, 'ente', entiCodes, 'catalogo/enti.csv', serviceEnti);
  serviziRows = declaredOnly(serviziRows);
  const servizi: Servizio[] = serviziRows.map(({ values: v }) => ({
    codice: str(v.codice_servizio),
    nome: str(v.servizio),
    nomeEn: str(v.servizio_en) || null,
    cantiere: str(v.cantiere),
    target: str(v.target),
    unita: str(v.unita) as Servizio['unita'],
    enti: v.ente ? serviceEnti(str(v.ente)) : [],
    // Places stand for persons unless the catalogue says otherwise; hours and interventions do not.
    unitaPersone: typeof v.unita_persone === 'boolean' ? v.unita_persone : v.unita === 'posti' || v.unita === 'utenti',
  }));
  const cataloghi: DatasetRows = new Map();
  // A commitment names its zona and quartiere by the codes of the territory: an unknown one would be printed blindly.
  let impegniRows = declaredOnly(
    valid(
      keyed(
        catalogue('catalogo_impegni').map((s) => check(s, null)),
        'catalogo_impegni',
      ),
    ),
  );
  const territoryRef = 'territorio/quartieri.csv';
  impegniRows = rejectForeign(impegniRows, 'codice_zona', new Set(territorio.zone.map((z) => z.codice)), `${territoryRef} (codice_zona)`);
  impegniRows = rejectForeign(
    impegniRows,
    'codice_quartiere',
    new Set(territorio.quartieri.map((q) => q.codice)),
    `${territoryRef} (codice_quartiere)`,
  );
  cataloghi.set('catalogo_impegni', impegniRows);

  function rejectForeign(rows: TypedRow[], field: string, known: Set<string>, ref: string, codes?: (cell: string) => string[]): TypedRow[] {
    const { problems, rejected } = checkForeignKey(rows, field, known, ref, codes);
    extraProblems.addAll(problems);
    return rows.filter((r) => !rejected.has(r));
  }

  function rejectWith(rows: TypedRow[], rule: (rows: TypedRow[]) => { problems: Problem[]; rejected: Set<TypedRow> }): TypedRow[] {
    const { problems, rejected } = rule(rows);
    extraProblems.addAll(problems);
    return rows.filter((r) => !rejected.has(r));
  }

  // Yearly data: the Comune's and the partners', grouped by year and dataset.
  const yearSources = [...sources.tables.filter((s) => s.anno !== null), ...sources.contributi.flatMap((c) => c.tables)];
  const byYear = new Map<number, Map<string, Checked[]>>();
  for (const source of yearSources) {
    const item = check(source, index);
    const anno = source.anno!;
    const datasets = byYear.get(anno) ?? new Map<string, Checked[]>();
    const items = datasets.get(source.dataset);
    if (items) items.push(item);
    else datasets.set(source.dataset, [item]);
    byYear.set(anno, datasets);
  }
  const servizioCodes = new Set(servizi.map((s) => s.codice));
  const impegnoCodes = new Set((cataloghi.get('catalogo_impegni') ?? []).map((r) => str(r.values.codice_impegno)));
  const dati = new Map<number, DatasetRows>();
  for (const anno of [...byYear.keys()].sort((a, b) => a - b)) {
    const datasets = new Map<string, TypedRow[]>();
    for (const [dataset, items] of byYear.get(anno)!) {
      let rows = keyed(items, dataset).filter((row) => {
        const rowYear = row.values.anno;
        if (rowYear === undefined || rowYear === null || rowYear === anno) return true;
        extraProblems.add({
          code: 'consistency-error',
          severity: 'error',
          file: row.file,
          row: row.row,
          field: 'anno',
          value: String(rowYear),
          expected: String(anno),
          message: phrase(
            {
              it: "Riga {row}: l'anno {value} non corrisponde alla cartella dell'anno {anno} in cui si trova il file.",
              en: 'Row {row}: the year {value} does not match the folder of year {anno} that holds the file.',
            },
            { row: row.row, value: String(rowYear), anno },
          ),
        });
        return false;
      });
      if (dataset === 'erogazioni') {
        rows = rejectForeign(rows, 'codice_servizio', servizioCodes, 'catalogo/servizi.csv');
        rows = rejectForeign(rows, 'codice_ente', entiCodes, 'catalogo/enti.csv');
      }
      if (dataset === 'impegni') rows = rejectForeign(rows, 'codice_impegno', impegnoCodes, 'catalogo/impegni.csv');
      if (dataset === 'risorse') rows = rejectForeign(rows, 'codice_servizio', servizioCodes, 'catalogo/servizi.csv');
      if (dataset === 'personale') rows = rejectForeign(rows, 'codice_ente', entiCodes, 'catalogo/enti.csv');
      if (dataset === 'voci') rows = declaredOnly(rows);
      datasets.set(dataset, valid(rows));
    }
    const domande = new Set((datasets.get('domande') ?? []).map((r) => str(r.values.codice_domanda)));
    if (datasets.has('questionario')) {
      datasets.set('questionario', rejectForeign(datasets.get('questionario')!, 'codice_domanda', domande, 'domande.csv'));
    }
    dati.set(anno, datasets);
  }

  extraProblems.addAll(mergeResidenti(residenti, { dati, territorio, servizi, rules }));
  extraProblems.addAll(runConsistencyChecks({ dati, territorio, servizi, rules }));

  // Contributions: manifest checks, and the file reports that belong to each.
  const contributi: Contributo[] = sources.contributi.map((c) => {
    const { manifest, problems } = checkManifest(c, schemas.manifest, entiCodes);
    extraProblems.addAll(problems);
    return { ente: c.ente, anno: c.anno, folder: c.folder, manifest, files: [] };
  });

  const report = buildReport(
    [
      ...checked.map((c) => ({
        table: c.source.table,
        dataset: c.source.dataset,
        rowsRead: c.rowsRead,
        columns: c.columns,
        problems: c.problems,
      })),
      ...residenti.map(streamedReportEntry),
    ],
    extraProblems.problems(),
  );
  for (const contributo of contributi) {
    contributo.files = report.files.filter((f) => f.path.startsWith(`${contributo.folder}/`));
  }
  const anni = [...dati.keys()].sort((a, b) => a - b);
  return { territorio, enti, agenzie, servizi, cantieri, cantieriPredefiniti, anni, dati, cataloghi, contributi, report };
}

/** The rows of bilancio's default declaration of cantieri: shipped with the tool, so a problem in it is a bug. */
function defaultCantieriRows(sources: ProjectSources, schemas: SchemaSet): TypedRow[] {
  const table = sources.cantieriPredefiniti;
  const entry = schemas.datasets.get('cantieri');
  if (!table || !entry) throw new Error('bilancio: the default declaration of cantieri (predefiniti/cantieri.csv) was not read');
  const result = validateTable(table, {
    dataset: 'cantieri',
    schema: entry.schema,
    validateRow: (row) => entry.validateRow(row) as boolean,
    rowErrors: () => entry.validateRow.errors,
    quartieri: null,
  });
  const errors = [...table.problems, ...result.problems].filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(`bilancio: the default declaration of cantieri (${table.file}) is not valid`);
  return result.rows;
}
