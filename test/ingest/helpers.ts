// Shared paths and readers for the ingest tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseTable } from '../../src/ingest/read-table.js';
import type { ParseOptions } from '../../src/ingest/options.js';
import type { RawTable } from '../../src/types.js';

/** The upstream suites copied into test/fixtures (see test/fixtures/SUITES.md), found from this file so any working directory does. */
export const FRICTIONLESS_SUITE = fileURLToPath(new URL('../fixtures/frictionless-py/', import.meta.url));
export const FRICTIONLESS = `${FRICTIONLESS_SUITE}data/`;
export const SPECTRUM = fileURLToPath(new URL('../fixtures/csv-spectrum/', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));

export function bytesOf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

/** Parses a file of the Frictionless suite. */
export function frictionless(name: string, options: ParseOptions = {}): RawTable {
  return parseTable(bytesOf(FRICTIONLESS + name), name, options);
}

/** Parses text as if it were the bytes of a file named `name`. */
export function parseText(text: string, name = 'dati.csv', options: ParseOptions = {}): RawTable {
  return parseTable(new TextEncoder().encode(text), name, options);
}

/** Rows as objects keyed by the header, as csv-spectrum's expected JSON has them. */
export function asObjects(table: RawTable): Record<string, string | null>[] {
  return table.rows.map((row) => Object.fromEntries(table.header.map((label, i) => [label, row[i] ?? null])));
}

/** A compact view of problems for assertions: code, row, column. */
export function places(problems: readonly { code: string; row?: number; column?: number }[]): string[] {
  return problems.map((p) => `${p.code}@${p.row ?? '-'}:${p.column ?? '-'}`);
}
