// Decoded JSON text → RawTable: an array of objects (keys are the header) or of arrays
// (the first is the header). Row numbers are 1-based positions in the array.
import type { Dialect, Problem, RawTable } from '../types.js';
import { phrase, type Phrase } from '../i18n.js';
import { readingProblem } from './messages.js';
import { lineColumnAt } from './position.js';
import { MAX_CELLS, MAX_COLUMNS, MAX_JSON_DEPTH } from './limits.js';
import { tooManyCells, tooManyColumns } from './csv.js';

const JSON_DIALECT: Dialect = { encoding: 'json', delimiter: null, lineEnding: null, skippedTitleRows: 0 };

type Cell = string | null;

/** Parses decoded JSON text into a RawTable; invalid JSON or a wrong shape becomes a source-error. */
export function parseJson(text: string, file: string): RawTable {
  const table = (header: string[], rows: Cell[][], rowNumbers: number[], problems: Problem[]): RawTable => ({
    file,
    dialect: { ...JSON_DIALECT },
    header,
    rows,
    rowNumbers,
    problems,
  });
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') return table([], [], [], [readingProblem('source-error', file, 'empty')]);

  // JSON.parse reads any depth, but the recursive walks after it (JSON.stringify of a cell) do not.
  const deep = tooDeepAt(source, MAX_JSON_DEPTH);
  if (deep >= 0) {
    const { line } = lineColumnAt(source, deep);
    return table(
      [],
      [],
      [],
      [readingProblem('source-error', file, 'jsonTooDeep', { limit: MAX_JSON_DEPTH, line }, { expected: String(MAX_JSON_DEPTH) })],
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    return table([], [], [], [jsonSyntaxProblem(error, source, file)]);
  }
  if (!Array.isArray(data)) {
    return table([], [], [], [readingProblem('source-error', file, 'jsonNotArray', { kind: kindOf(data) })]);
  }
  return Array.isArray(data[0]) ? fromArrays(data, file, table) : fromObjects(data, file, table);
}

type Build = (header: string[], rows: Cell[][], rowNumbers: number[], problems: Problem[]) => RawTable;

function fromObjects(items: unknown[], file: string, table: Build): RawTable {
  // Header: the union of keys in first-seen order.
  const columns = new Map<string, number>();
  for (const item of items) {
    if (isRecord(item)) for (const key of Object.keys(item)) if (!columns.has(key)) columns.set(key, columns.size);
  }
  if (columns.size > MAX_COLUMNS) return table([], [], [], [tooManyColumns(file, 1, columns.size)]);
  if (columns.size * items.length > MAX_CELLS) return table([], [], [], [tooManyCells(file)]);
  const header = [...columns.keys()];
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  const problems: Problem[] = [];
  items.forEach((item, index) => {
    const row = index + 1;
    if (!isRecord(item)) {
      problems.push(badItem(item, row, 'objects', file));
      return;
    }
    // A key absent from this object is an empty cell, not a missing one: objects have no column order.
    rows.push(header.map((key) => (key in item ? cellOf(item[key]) : '')));
    rowNumbers.push(row);
  });
  return table(header, rows, rowNumbers, problems);
}

function fromArrays(items: unknown[], file: string, table: Build): RawTable {
  const first = items[0] as unknown[];
  if (first.length > MAX_COLUMNS) return table([], [], [], [tooManyColumns(file, 1, first.length)]);
  if (first.length * items.length > MAX_CELLS) return table([], [], [], [tooManyCells(file)]);
  const header = first.map((label) => cellOf(label) ?? '');
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  const problems: Problem[] = [];
  items.forEach((item, index) => {
    if (index === 0) return;
    const row = index + 1;
    if (!Array.isArray(item)) {
      problems.push(badItem(item, row, 'arrays', file));
      return;
    }
    rows.push(item.map(cellOf));
    rowNumbers.push(row);
  });
  return table(header, rows, rowNumbers, problems);
}

/** A JSON value as a cell: strings as they are, numbers and booleans in their JSON form, null as null. */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): Phrase {
  if (value === null) return phrase({ it: 'il valore null', en: 'the value null' });
  if (Array.isArray(value)) return phrase({ it: 'un elenco', en: 'a list' });
  if (typeof value === 'object') return phrase({ it: 'un oggetto', en: 'an object' });
  if (typeof value === 'string') return phrase({ it: 'un testo', en: 'a text' });
  if (typeof value === 'number') return phrase({ it: 'un numero', en: 'a number' });
  return phrase({ it: 'un valore vero/falso', en: 'a true/false value' });
}

function badItem(item: unknown, row: number, shape: 'objects' | 'arrays', file: string): Problem {
  const expected = shape === 'objects' ? phrase({ it: 'oggetti {…}', en: 'objects {…}' }) : phrase({ it: 'elenchi […]', en: 'lists […]' });
  const value = JSON.stringify(item)?.slice(0, 80) ?? '';
  const params = { row, kind: kindOf(item), expected };
  return readingProblem('source-error', file, 'jsonBadItem', params, { row, value, expected });
}

/**
 * Offset of the first bracket that opens a level deeper than `max`, or -1: one pass over the text,
 * strings skipped (a bracket inside quotes is text).
 */
function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      // To the closing quote, past escaped characters.
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c) i++;
        else if (c === 0x22) break;
      }
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > max) return i;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return -1;
}

function jsonSyntaxProblem(error: unknown, text: string, file: string): Problem {
  const message = error instanceof Error ? error.message : String(error);
  // V8 names the offset ("… in JSON at position 12"); newer versions also name line and column.
  const explicit = /line (\d+) column (\d+)/.exec(message);
  const position = /position (\d+)/.exec(message);
  const { line, column } = explicit
    ? { line: Number(explicit[1]), column: Number(explicit[2]) }
    : lineColumnAt(text, position ? Number(position[1]) : text.length);
  const value = lineOf(text, line).trim().slice(0, 80);
  return readingProblem('source-error', file, 'invalidJson', { line, column }, { value, expected: 'JSON' });
}

/** Line `line` (1-based) of a text, found without splitting the whole text. */
function lineOf(text: string, line: number): string {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = /\r\n|\n|\r/g;
    next.lastIndex = start;
    const found = next.exec(text);
    if (!found) return '';
    start = found.index + found[0].length;
  }
  const end = /\r|\n/g;
  end.lastIndex = start;
  const found = end.exec(text);
  return text.slice(start, found ? found.index : text.length);
}
