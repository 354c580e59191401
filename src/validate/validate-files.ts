import type { SchemaSet } from '../schemas/load-schemas.js';
import type { RawTable, TypedRow, ValidatedProject, ValidationReport } from '../types.js';
import { phrase } from '../i18n.js';
import { createQuartiereIndex } from './quartieri.js';
import { validateTable } from './validate-table.js';
import { checkForeignKey, checkKeys } from './keys.js';
import { buildReport, type CheckedTable } from './report.js';
import { ProblemCollector } from './problem-limit.js';
import { checkCantiere } from './cantieri.js';
import { checkStructure } from './structure.js';

/** Datasets whose `cantiere` names one of the project's declared cantieri. */
const CANTIERE_DATASETS = ['servizi', 'catalogo_impegni', 'voci'];

/** A file given on the command line, with the dataset its name (or --dataset) says it holds. */
export interface LooseFile {
  dataset: string | null;
  table: RawTable;
}

/**
 * Checks files on their own (a partner checking a file before sending it) against the territory and
 * catalogues of a project: schema, keys within the file, quartieri, servizi, enti and cantieri. Never throws.
 */
export function validateFiles(files: LooseFile[], catalogues: ValidatedProject, schemas: SchemaSet): ValidationReport {
  const index = createQuartiereIndex(catalogues.territorio.quartieri);
  const checked: CheckedTable[] = [];
  const extra = new ProblemCollector('');
  const known = {
    codice_servizio: new Set(catalogues.servizi.map((s) => s.codice)),
    codice_ente: new Set(catalogues.enti.map((e) => e.codice)),
    ente_capofila: new Set(catalogues.enti.map((e) => e.codice)),
    codice_impegno: new Set((catalogues.cataloghi.get('catalogo_impegni') ?? []).map((r) => String(r.values.codice_impegno))),
  };
  const references: Record<string, [keyof typeof known, string][]> = {
    erogazioni: [
      ['codice_servizio', 'catalogo/servizi.csv'],
      ['codice_ente', 'catalogo/enti.csv'],
    ],
    impegni: [['codice_impegno', 'catalogo/impegni.csv']],
    agenzie: [['ente_capofila', 'catalogo/enti.csv']],
  };
  for (const { dataset, table } of files) {
    const entry = dataset ? schemas.datasets.get(dataset) : undefined;
    if (!dataset || !entry) {
      checked.push({
        table,
        dataset: dataset ?? '',
        rowsRead: table.rows.length,
        columns: new Map(),
        // What is wrong with the file itself is said whatever its data: reading problems and structure.
        problems: [
          ...table.problems,
          ...checkStructure(table),
          {
            code: 'source-error',
            severity: 'error',
            file: table.file,
            message: phrase(
              {
                it: 'Non si capisce che dati contiene {file}: il nome deve iniziare con quello di un dataset ({list}), oppure indicarlo con --dataset.',
                en: 'It is not clear what data {file} holds: its name must start with a dataset name ({list}), or give it with --dataset.',
              },
              { file: table.file, list: [...schemas.datasets.keys()].join(', ') },
            ),
          },
        ],
      });
      continue;
    }
    const result = validateTable(table, {
      dataset,
      schema: entry.schema,
      validateRow: (row) => entry.validateRow(row) as boolean,
      rowErrors: () => entry.validateRow.errors,
      quartieri: dataset === 'quartieri' ? null : index,
    });
    const keys = checkKeys(result.rows, entry.schema);
    extra.addAll(keys.problems);
    let rows: TypedRow[] = result.rows.filter((r) => !keys.rejected.has(r));
    for (const [field, ref] of references[dataset] ?? []) {
      const fk = checkForeignKey(rows, field, known[field], ref);
      extra.addAll(fk.problems);
      rows = rows.filter((r) => !fk.rejected.has(r));
    }
    if (CANTIERE_DATASETS.includes(dataset)) {
      const columns = new Map([[table.file, result.columns]]);
      const declared = checkCantiere(rows, 'cantiere', catalogues.cantieri, catalogues.cantieriPredefiniti, (f) => columns.get(f));
      extra.addAll(declared.problems);
    }
    checked.push({ table, dataset, rowsRead: result.rowsRead, columns: result.columns, problems: result.problems });
  }
  return buildReport(checked, extra.problems());
}
