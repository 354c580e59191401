// The contracts between the stages: ingest → validate → compute → render.
// A stage imports the types of earlier stages, never a later stage's code.
import type { Lang, Words } from './i18n.js';

export type { Lang };

/**
 * Row numbers are what a spreadsheet shows: the header is row 1, the first data row is row 2.
 * For JSON inputs the row is the 1-based position in the array. Columns are 1-based.
 */
export const HEADER_ROW = 1;

/** Problem codes: Frictionless's error names where one fits, plus our own cross-file rule. */
export type ProblemCode =
  | 'encoding-error'
  | 'source-error'
  | 'blank-label'
  | 'duplicate-label'
  | 'missing-label'
  | 'extra-label'
  | 'blank-row'
  | 'extra-cell'
  | 'missing-cell'
  | 'type-error'
  | 'constraint-error'
  | 'unique-error'
  | 'primary-key'
  | 'duplicate-row'
  | 'foreign-key'
  | 'consistency-error'
  | 'quartiere-match'
  | 'ambiguous-number';

export type Severity = 'error' | 'warning';

/**
 * Anything the user can fix is reported as data, never thrown.
 * `row`/`column` are spreadsheet coordinates (see HEADER_ROW); absent when the problem is the whole file.
 */
export interface Problem {
  code: ProblemCode;
  severity: Severity;
  file: string;
  row?: number;
  column?: number;
  /** Excel column letter, for workbooks and for CSVs opened in Excel (A, B, …, AA). */
  columnLetter?: string;
  field?: string;
  /** The value found: data as it is, or words when it had to be cut (see validate/clip.ts). */
  value?: Words;
  expected?: Words;
  /** What is wrong and how to fix it, said in the reader's language where it is shown (`say`, `sayProblem`). */
  message: Words;
  /**
   * Set on the closing problem of a code in a file: it stands for this many more problems of that
   * code, counted but not listed (the report keeps the first ones of each code; see problem-limit.ts).
   */
  omessi?: number;
}

/** How a text file was read: what the ingester detected. */
export interface Dialect {
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'iso-8859-1' | 'json';
  delimiter: ',' | ';' | '\t' | '|' | null;
  lineEnding: '\r\n' | '\n' | '\r' | null;
  /** Rows above the header that were skipped (a title row exported by Excel). */
  skippedTitleRows: number;
}

/** A table as read from a file, before any schema: every cell a string (null only from JSON null). */
export interface RawTable {
  /** Path as the user should see it (relative to the project when inside it). */
  file: string;
  dialect: Dialect;
  header: string[];
  rows: (string | null)[][];
  /** Spreadsheet row number of each entry of `rows`, same length as `rows`. */
  rowNumbers: number[];
  /** Problems met while reading (encoding-error, source-error): the table may then be empty. */
  problems: Problem[];
  /** For workbooks: the sheet that was read, as Excel names it. */
  sheet?: string;
}

/** A cell after typing against the schema. */
export type Cell = string | number | boolean | null;

/** A typed row and where it came from (for lineage and error places). */
export interface TypedRow {
  values: Record<string, Cell>;
  file: string;
  row: number;
  /** Set when the row has an error: its other problems are still reported, but it is left out of compute. */
  invalid?: true;
  /**
   * Set on a count summed from many rows of `file` (popolazione counted from residenti.csv, issue 8):
   * `row` is then the first of them, and the lineage of a figure is the file, not a list of rows.
   */
  aggregated?: true;
}

/** What validation learned about one file. */
export interface FileReport {
  path: string;
  dataset: string;
  encoding: string;
  delimiter: string | null;
  /** For workbooks: the sheet that was read. */
  sheet?: string;
  rows: number;
  errors: Problem[];
  warnings: Problem[];
  /**
   * Present when some problems were left out of the lists: how many problems of each code the file
   * has in all, and how many of them are not listed (each code's closing problem says how many).
   */
  conteggi?: Partial<Record<ProblemCode, number>>;
  omessi?: number;
}

/** The validation report, shaped as `bilancio validate --format json` prints it. */
export interface ValidationReport {
  valid: boolean;
  /** errors and warnings count every problem, listed or left out (see FileReport.omessi). */
  summary: { files: number; rows: number; errors: number; warnings: number };
  files: FileReport[];
}

// ---- The validated project: what validate hands to compute ----

/** Code used in data files for "quartiere not known": counted at city level only. */
export const QUARTIERE_ND = 'ND';

export interface Quartiere {
  /** ISTAT sub-municipal area code (ASC), e.g. `17029018`. */
  codice: string;
  /** The Comune's own number, when known. */
  numero: number | null;
  nome: string;
  varianti: string[];
  codiceZona: string;
  zona: string;
  superficieKmq: number | null;
}

export interface Zona {
  codice: string;
  nome: string;
  /** Codes of its quartieri, in territory order. */
  quartieri: string[];
}

export interface Territorio {
  quartieri: Quartiere[];
  zone: Zona[];
}

/**
 * An area of work (cantiere) as the project declares it in catalogo/cantieri.csv, or as bilancio's default
 * declaration (predefiniti/cantieri.csv, the six cantieri of the first project) implies it when the file is
 * missing. Each is a chapter of the report, in declaration order.
 */
export interface Cantiere {
  /** The code that services, commitments, voices and indicators write (`prima_infanzia`, `cultura`). */
  codice: string;
  /** Chapter title in the project's language. */
  titolo: string;
  titoloEn: string | null;
  /** The chapter's opening words in the project's language ('' when none). */
  introduzione: string;
  introduzioneEn: string | null;
}

/** Indicator sections of the report that are not cantieri: an indicator may name them instead of a cantiere. */
export const SEZIONI_NON_CANTIERE = ['demografia', 'risorse'] as const;

export interface Ente {
  codice: string;
  nome: string;
  tipo: string;
  ruolo: 'capofila' | 'partner' | 'rete';
  /** What it does in the project, in the project's language ('' when the catalogue does not say). */
  compito: string;
  compitoEn: string | null;
}

/**
 * A strategic agency of the project (catalogo/agenzie.csv: governance, knowledge and information, human
 * resources, communication and fund raising, finance…), led by one of its enti.
 */
export interface Agenzia {
  codice: string;
  /** Its name in the project's language. */
  nome: string;
  nomeEn: string | null;
  /** The codice_ente of the organisation that leads it. */
  capofila: string;
  /** Its task in the project's language. */
  compito: string;
  compitoEn: string | null;
}

export interface Servizio {
  codice: string;
  nome: string;
  /** The name in English (servizio_en); null or absent when the catalogue gives none. */
  nomeEn?: string | null;
  /** The code of a declared cantiere. */
  cantiere: string;
  /** `tutti`, `eta:0-2`, `eta:65+` … */
  target: string;
  unita: 'posti' | 'utenti' | 'ore' | 'interventi';
  /**
   * True when the service's units stand for persons (a place of a nido or a day centre is a child or a
   * person with disability): small counts of them are protected like counts of people. Users always are.
   */
  unitaPersone: boolean;
  /** The enti expected to deliver it, each sending its own data (none when the catalogue does not say). */
  enti: string[];
}

/** Where a submission came from. */
export type Source = { kind: 'comune' } | { kind: 'contributo'; ente: string; anno: number };

/** A contribution folder `contributi/<ente>/<anno>/` as read and checked. */
export interface Contributo {
  ente: string;
  anno: number;
  folder: string;
  manifest: {
    referente: string | null;
    email: string | null;
    inviatoIl: string | null;
    file: string[];
  } | null;
  files: FileReport[];
}

/** A file and its rows (as a spreadsheet shows them, in compact ranges such as "2-405, 810") behind a figure. */
export interface Fonte {
  file: string;
  righe?: string;
}

/** The sources of a figure's numerator and denominator. */
export interface Fonti {
  numeratore: Fonte[];
  denominatore: Fonte[];
}

/** Typed rows of one dataset for one year, from every file that holds it. */
export type DatasetRows = Map<string, TypedRow[]>;

/** Everything validate hands to compute: typed, keyed, resolved to quartiere codes. */
export interface ValidatedProject {
  territorio: Territorio;
  enti: Ente[];
  /** The project's strategic agencies, in table order (none without catalogo/agenzie.csv). */
  agenzie: Agenzia[];
  servizi: Servizio[];
  /** The declared cantieri, in chapter order. */
  cantieri: Cantiere[];
  /** True when the project has no catalogo/cantieri.csv and bilancio's default declaration applies. */
  cantieriPredefiniti: boolean;
  /** Years found under dati/ (and contributions), ascending. */
  anni: number[];
  /** Typed rows per year, then per dataset name. */
  dati: Map<number, DatasetRows>;
  /** Catalogue-level tables (domande, catalogo_impegni) by dataset name. */
  cataloghi: DatasetRows;
  contributi: Contributo[];
  report: ValidationReport;
}
