import type { Cantiere, Contributo, Lang, Problem, TypedRow, ValidatedProject } from '../types.js';
import type { Config } from '../config/config.js';
import type { IndicatorDefinition } from '../compute/catalogue.js';
import type { SubmissionCell, SubmissionGrid, SubmittedFile } from '../compute/submissions.js';
import { indicatorsUsingRows, type PublishedValue } from './data-use.js';

// What a partner's receipt for one submission says, as data: what arrived, what to fix and, once the
// report is built, which published indicators their rows enter. render/receipt-page.ts words it.

export interface ReceiptData {
  ente: string;
  /** The ente's name in the catalogue (its code when it is not there). */
  nome: string;
  anno: number;
  contributo: Contributo | null;
  /** The grid's cells of this ente and year (one per dataset). */
  cells: SubmissionCell[];
  /** Late or with errors. */
  attention: boolean;
  scadenza: string | null;
  /** The submission's data files as the grid counted them (rows read and used). */
  files: SubmittedFile[];
  /** Every error and warning of the submission's files and manifest. */
  problems: Problem[];
  errors: number;
  /** false before the report is built (no indicatori.json to read). */
  published: boolean;
  /** The indicators whose sums use the submission's rows, with their published city value. */
  uses: { definition: IndicatorDefinition; city: PublishedValue }[];
  /** Indicators that measure a commitment (catalogo_impegni). */
  commitmentIndicators: Set<string>;
  /** The project's declared cantieri (chapters of the report), and the language their words are written in. */
  cantieri: Cantiere[];
  textLang: Lang;
  titolo: string;
  enteProgetto: string;
  /** The project's words for its areas and the whole (the report chapters it names). */
  luoghi?: { area: Config['area']; intero: Config['intero'] };
}

export interface ReceiptInput {
  /** The checked project (what `checkProject` gives): its rows, config and indicator catalogue. */
  checked: { project: ValidatedProject; config: Config | null; definitions: IndicatorDefinition[] };
  grid: SubmissionGrid;
  ente: string;
  anno: number;
  /** indicatori.json of the built report, or null when the report is not built yet. */
  published: PublishedValue[] | null;
}

/** The facts of the receipt of `contributi/<ente>/<anno>`, from the grid computed once for the command. */
export function receiptData(input: ReceiptInput): ReceiptData {
  const { checked, grid, ente, anno, published } = input;
  const { project } = checked;
  const contributo = project.contributi.find((c) => c.ente === ente && c.anno === anno) ?? null;
  const cells = grid.enti.find((e) => e.ente === ente)?.celle.filter((c) => c.anno === anno) ?? [];
  const counted = new Map(cells.flatMap((c) => c.file).map((f) => [f.path, f]));
  const files = (contributo?.files ?? [])
    .filter((f) => f.dataset !== '')
    .map((f) => ({
      path: f.path,
      dataset: f.dataset,
      encoding: f.encoding,
      delimiter: f.delimiter,
      righeLette: f.rows,
      righeUsate: counted.get(f.path)?.righeUsate ?? 0,
      errori: f.errors.length,
      avvisi: f.warnings.length,
    }));
  const problems = (contributo?.files ?? []).flatMap((f) => [...f.errors, ...f.warnings]);

  const ownFiles = new Set(files.map((f) => f.path));
  const datasets = project.dati.get(anno) ?? new Map<string, TypedRow[]>();
  const usedBy = [...datasets].flatMap(([dataset, rows]) =>
    indicatorsUsingRows(
      checked.definitions,
      rows.filter((r) => ownFiles.has(r.file)),
      dataset,
    ),
  );
  const city = (id: string) => published?.find((v) => v.indicatore === id && v.anno === anno && v.livello === 'citta');
  const uses = usedBy.flatMap((definition) => {
    const value = city(definition.id);
    return value ? [{ definition, city: value }] : [];
  });
  return {
    ente,
    nome: project.enti.find((e) => e.codice === ente)?.nome ?? ente,
    anno,
    contributo,
    cells,
    attention: cells.some((c) => c.esito === 'con_errori' || c.puntualita === 'in_ritardo'),
    scadenza: checked.config?.scadenzaContributi[String(anno)] ?? null,
    files,
    problems,
    errors: problems.filter((p) => p.severity === 'error').length,
    published: published !== null,
    uses,
    commitmentIndicators: new Set(
      (project.cataloghi.get('catalogo_impegni') ?? []).map((r) => String(r.values.indicatore ?? '')).filter(Boolean),
    ),
    cantieri: project.cantieri,
    textLang: checked.config?.lingua ?? 'it',
    titolo: checked.config?.titolo ?? '',
    enteProgetto: checked.config?.ente ?? '',
    ...(checked.config && { luoghi: { area: checked.config.area, intero: checked.config.intero } }),
  };
}
