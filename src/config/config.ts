import type { Lang, Severity } from '../types.js';

/** The report's configuration with every default filled (see normalizeConfig). */
export interface Config {
  titolo: string;
  sottotitolo: string;
  /** The body that publishes the report. */
  ente: string;
  citta: string;
  /** The report year: the year of the data at 31 December. */
  anno: number;
  /** The year to compare with; null when the project has no earlier year. */
  annoConfronto: number | null;
  lingua: Lang;
  /** Smallest count that may be published (Garante, Regole deontologiche 2019, art. 5). */
  sogliaRiservatezza: number;
  /** Smallest number of respondents for a territory's survey results to be shown. */
  sogliaRisposte: number;
  /** A voice's quartiere is dropped when the quartiere has fewer residents than this. */
  sogliaPopolazioneVoci: number;
  /** Submission deadline per data year, ISO date. */
  scadenzaContributi: Record<string, string>;
  /** Publication date printed on the cover and in the PDF metadata (ISO date), or null. */
  dataPubblicazione: string | null;
  /** Severity and threshold per cross-file rule, by rule id. */
  regole: Record<string, { gravita: Severity; soglia?: number }>;
}

/** The smallest publishable count allowed without --consenti-soglia-bassa. */
export const MIN_SOGLIA_RISERVATEZZA = 3;
