// The rows of a residenti file, validated and counted as they stream by. A row written plainly is
// read from its bytes and counted; any other row is checked by validateTable itself (one row at a
// time), so codes, messages and places are those of every other dataset.
import type { SchemaSet } from '../../schemas/load-schemas.js';
import type { ByteRecord } from '../../ingest/stream/tokenizer.js';
import type { RowSink } from '../../ingest/stream/stream-table.js';
import type { Dialect, Problem, ProblemCode, RawTable } from '../../types.js';
import { phrase } from '../../i18n.js';
import { columnLetter } from '../../ingest/columns.js';
import { checkStructure } from '../structure.js';
import { validateTable, type TableContext } from '../validate-table.js';
import type { ProblemCollector } from '../problem-limit.js';
import { digitsAt, digitsOf, enumAt, type QuartiereCache } from './fast-fields.js';
import type { PopolazioneCounts } from './popolazione-counts.js';

/** Whether every byte of a record is ASCII white space or non-ASCII (which may be white space too). */
function mayBeBlank(record: ByteRecord): boolean {
  const { buf, starts, ends, count } = record;
  for (let k = 0; k < count; k++) {
    for (let i = starts[k]!; i < ends[k]!; i++) {
      const byte = buf[i]!;
      if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0b && byte !== 0x0c && byte < 0x80) return false;
    }
  }
  return true;
}

/** Problems of the header: met once, when the header is checked. */
const HEADER_CODES = new Set<ProblemCode>(['blank-label', 'duplicate-label', 'missing-label', 'extra-label']);

/** Where each residenti field is (0-based) and what a plain value of it may be: flat numbers, for the hot path. */
class Layout {
  constructor(
    readonly anno: number,
    readonly quartiere: number,
    readonly nascita: number,
    readonly sesso: number,
    readonly cittadinanza: number,
    readonly annoMin: number,
    readonly annoMax: number,
    readonly nascitaMin: number,
    readonly nascitaMax: number,
    readonly sessi: Uint8Array[],
    readonly cittadinanze: Uint8Array[],
  ) {}
}

export interface ResidentiRowsOptions {
  file: string;
  /** The year of the folder: rows of another year are a consistency-error. */
  anno: number;
  schemas: SchemaSet;
  quartieri: QuartiereCache;
  counts: PopolazioneCounts;
  problems: ProblemCollector;
}

/** Validates and counts residenti rows; see streamResidenti. */
export class ResidentiRows implements RowSink {
  /** 1-based column of each schema field found in the header. */
  columns = new Map<string, number>();
  private header: string[] = [];
  private dialect: Dialect | null = null;
  private layout: Layout | null = null;
  private readonly context: TableContext;
  private readonly seenWarnings = new Set<string>();
  private readonly anno: number;
  private readonly counts: PopolazioneCounts;

  constructor(private readonly options: ResidentiRowsOptions) {
    this.anno = options.anno;
    this.counts = options.counts;
    const entry = options.schemas.datasets.get('residenti');
    if (!entry) throw new Error('no schema for dataset residenti');
    this.context = {
      dataset: 'residenti',
      schema: entry.schema,
      validateRow: (row) => entry.validateRow(row) as boolean,
      rowErrors: () => entry.validateRow.errors,
      quartieri: options.quartieri.index,
    };
  }

  start(header: string[], dialect: Dialect): void {
    this.header = header;
    this.dialect = dialect;
    const checked = validateTable({ file: this.options.file, dialect, header, rows: [], rowNumbers: [], problems: [] }, this.context);
    for (const problem of checked.problems) this.options.problems.add(problem);
    this.columns = checked.columns;
    // Without a required column no row is read, as validateTable does.
    if (checked.problems.some((p) => p.code === 'missing-label')) return;
    const column = (field: string) => this.columns.get(field)! - 1;
    const properties = this.context.schema.properties;
    const min = (field: string) => properties[field]?.minimum ?? 0;
    const max = (field: string) => properties[field]?.maximum ?? 999_999_999;
    const encoded = (field: string) => (properties[field]?.enum ?? []).map((v) => new TextEncoder().encode(v));
    this.layout = new Layout(
      column('anno'),
      column('codice_quartiere'),
      column('anno_nascita'),
      column('sesso'),
      column('cittadinanza'),
      min('anno'),
      max('anno'),
      min('anno_nascita'),
      max('anno_nascita'),
      encoded('sesso'),
      encoded('cittadinanza'),
    );
  }

  plain(record: ByteRecord, row: number, text: (k: number) => string): boolean {
    const layout = this.layout;
    // Without a required column rows are not typed; only a row that may be blank needs a look.
    if (!layout) return !mayBeBlank(record);
    const { buf, starts, ends } = record;
    const anno = digitsAt(buf, starts[layout.anno]!, ends[layout.anno]!);
    if (anno < layout.annoMin || anno > layout.annoMax) return false;
    const nascita = digitsAt(buf, starts[layout.nascita]!, ends[layout.nascita]!);
    if (nascita < layout.nascitaMin || nascita > layout.nascitaMax) return false;
    const sesso = enumAt(layout.sessi, buf, starts[layout.sesso]!, ends[layout.sesso]!);
    if (sesso < 0) return false;
    const cittadinanza = enumAt(layout.cittadinanze, buf, starts[layout.cittadinanza]!, ends[layout.cittadinanza]!);
    if (cittadinanza < 0) return false;
    const q = layout.quartiere;
    const quartiere = this.options.quartieri.slotAt(buf, starts[q]!, ends[q]!, text, q);
    if (quartiere < 0) return false;
    this.count(anno, quartiere, sesso, nascita, cittadinanza, row);
    return true;
  }

  cells(cells: string[], row: number): void {
    const layout = this.layout;
    if (!layout) return this.checkShape(cells, row);
    if (cells.length === this.header.length && this.countPlainText(layout, cells, row)) return;
    this.validate(cells, row);
  }

  blank(row: number): void {
    const { problems } = this.options;
    if (!problems.wants('blank-row')) return problems.skip('blank-row', 'error');
    // An empty line alone after a header with no labels: checkStructure's blank-row, and nothing else.
    for (const problem of checkStructure(this.oneRow([''], row, []))) problems.add(problem);
  }

  /** Blank-row, extra-cell and missing-cell of a row that is not typed (the header lacks a required column). */
  private checkShape(cells: string[], row: number): void {
    if (cells.length === this.header.length && cells.some((cell) => cell.trim() !== '')) return;
    const problems = checkStructure(this.oneRow(cells, row, this.header));
    for (const problem of problems) if (!HEADER_CODES.has(problem.code)) this.options.problems.add(problem);
  }

  /** A row read as text whose cells are all written plainly: counted without the validator. */
  private countPlainText(layout: Layout, cells: string[], row: number): boolean {
    const anno = digitsOf(cells[layout.anno]!);
    if (anno < layout.annoMin || anno > layout.annoMax) return false;
    const nascita = digitsOf(cells[layout.nascita]!);
    if (nascita < layout.nascitaMin || nascita > layout.nascitaMax) return false;
    const sesso = this.context.schema.properties.sesso?.enum?.indexOf(cells[layout.sesso]!) ?? -1;
    const cittadinanza = this.context.schema.properties.cittadinanza?.enum?.indexOf(cells[layout.cittadinanza]!) ?? -1;
    const quartiere = this.options.quartieri.slotOfText(cells[layout.quartiere]!);
    if (sesso < 0 || cittadinanza < 0 || quartiere < 0) return false;
    this.count(anno, quartiere, sesso, nascita, cittadinanza, row);
    return true;
  }

  /** The general path: validateTable on this one row, then counted when it is valid. */
  private validate(cells: string[], row: number): void {
    const { problems, quartieri } = this.options;
    const checked = validateTable(this.oneRow(cells, row, this.header), this.context);
    for (const problem of checked.problems) {
      if (HEADER_CODES.has(problem.code)) continue;
      // Warnings the validator gives once per file (a quartiere name recognised, an ambiguous
      // number style) come once per row here: keep the first.
      if (problem.severity === 'warning') {
        const key = `${problem.code}\u0000${problem.code === 'quartiere-match' ? problem.value : problem.field}`;
        if (this.seenWarnings.has(key)) continue;
        this.seenWarnings.add(key);
      }
      problems.add(problem);
    }
    const typed = checked.rows[0];
    if (!typed || typed.invalid) return;
    const { anno, codice_quartiere: codice, anno_nascita: nascita, sesso, cittadinanza } = typed.values;
    // A short row has no value for a missing cell (its missing-cell error is reported): not counted.
    if (typeof anno !== 'number' || typeof nascita !== 'number' || typeof codice !== 'string') return;
    const slot = quartieri.learn(cells[this.layout!.quartiere] ?? '', codice);
    const properties = this.context.schema.properties;
    const s = properties.sesso?.enum?.indexOf(String(sesso)) ?? -1;
    const c = properties.cittadinanza?.enum?.indexOf(String(cittadinanza)) ?? -1;
    if (s >= 0 && c >= 0 && slot >= 0) this.count(anno, slot, s, nascita, c, row);
  }

  /**
   * A table of this one row. Title rows are set so that the header sits just above it: the
   * structure check then sees no gap of blank rows between the header and this row.
   */
  private oneRow(cells: string[], row: number, header: string[]): RawTable {
    const dialect = { ...this.dialect!, skippedTitleRows: row - 2 };
    return { file: this.options.file, dialect, header, rows: [cells], rowNumbers: [row], problems: [] };
  }

  /** Counts a resident whose cells are valid, after the checks across its cells: year and age. */
  private count(anno: number, quartiere: number, sesso: number, nascita: number, cittadinanza: number, row: number): void {
    if (anno !== this.anno) return this.report('consistency-error', 'anno', row, () => this.wrongYear(anno, row));
    if (nascita > anno) return this.report('constraint-error', 'anno_nascita', row, () => this.bornLater(nascita, anno, row));
    this.counts.add(quartiere, sesso, anno - nascita, cittadinanza, row);
  }

  private report(code: ProblemCode, field: string, row: number, build: () => Pick<Problem, 'value' | 'expected' | 'message'>): void {
    const { problems, file } = this.options;
    if (!problems.wants(code)) return problems.skip(code, 'error');
    const column = this.columns.get(field)!;
    problems.add({ code, severity: 'error', file, row, column, columnLetter: columnLetter(column), field, ...build() });
  }

  private wrongYear(value: number, row: number) {
    const anno = this.options.anno;
    return {
      value: String(value),
      expected: String(anno),
      message: phrase(
        {
          it: "Riga {row}: l'anno {value} non corrisponde alla cartella dell'anno {anno} in cui si trova il file.",
          en: 'Row {row}: the year {value} does not match the folder of year {anno} that holds the file.',
        },
        { row, value, anno },
      ),
    };
  }

  private bornLater(value: number, anno: number, row: number) {
    const letter = columnLetter(this.columns.get('anno_nascita')!);
    return {
      value: String(value),
      expected: phrase({ it: 'un anno non successivo al {anno}', en: 'a year not after {anno}' }, { anno }),
      message: phrase(
        {
          it: 'Riga {row}, colonna {letter} ("anno_nascita"): l\'anno di nascita {value} è successivo all\'anno dei dati, il {anno}.',
          en: 'Row {row}, column {letter} ("anno_nascita"): the year of birth {value} is after the year of the data, {anno}.',
        },
        { row, letter, value, anno },
      ),
    };
  }
}
