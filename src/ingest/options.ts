import type { Dialect } from '../types.js';

/** An encoding the user may force instead of detection. */
export type ForcedEncoding = 'utf-8' | 'windows-1252' | 'iso-8859-1';

/** A text encoding the ingester can report (JSON is reported as 'json' in the Dialect). */
export type TextEncoding = Exclude<Dialect['encoding'], 'json'>;

/** A delimiter the sniffer knows. */
export type Delimiter = NonNullable<Dialect['delimiter']>;

/** The delimiters the sniffer chooses from, in order of preference on a tie (Italian Excel uses `;`). */
export const DELIMITERS: readonly Delimiter[] = [';', ',', '\t', '|'];

/** How to read a table held in memory. */
export interface ParseOptions {
  /** Skip encoding detection. */
  encoding?: ForcedEncoding;
  /** Skip delimiter detection. */
  delimiter?: Delimiter;
  /** Skip the choice by file extension. */
  format?: 'csv' | 'json';
}

/** How to read a table from disk. */
export interface ReadOptions extends ParseOptions {
  /** Path as the user should see it, used in every Problem. */
  displayPath: string;
  /** Dataset name: picks the workbook sheet of that name. */
  dataset?: string;
}
