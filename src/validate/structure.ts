// Structural checks of a table read from a file, before any schema: the header and the shape
// of each row (Frictionless's blank-label, duplicate-label, blank-row, extra-cell, missing-cell,
// duplicate-row), with messages for the person who will fix the file in Excel.
import { countPhrase, joined, NOUNS, phrase, type Bilingual, type Words } from '../i18n.js';
import { columnLetter, columnLetters } from '../ingest/columns.js';
import { HEADER_ROW, type Problem, type ProblemCode, type RawTable } from '../types.js';
import { clip, clipName } from './clip.js';
import { ProblemCollector } from './problem-limit.js';

export interface StructureOptions {
  /**
   * Warn about rows identical to an earlier one (default true). Turn off for datasets whose rows
   * may legitimately repeat, such as one row per resident.
   */
  duplicateRows?: boolean;
}

const TEXTS = {
  blankLabel: {
    it: 'Nella riga di intestazione (riga {row}) la colonna {letter} non ha un nome: scrivere il nome della colonna oppure, se la colonna non serve, eliminarla.',
    en: 'In the header (row {row}) column {letter} has no name: write the column name or, if the column is not needed, delete it.',
  },
  duplicateLabel: {
    it: 'La colonna {letter} si chiama «{field}» come la colonna {first}: ogni colonna deve avere un nome diverso. Rinominare una delle due oppure eliminare quella in più.',
    en: 'Column {letter} is named "{field}" like column {first}: every column needs its own name. Rename one of them or delete the one too many.',
  },
  blankRow: {
    it: 'La riga {row} è vuota: eliminarla (in Excel: clic destro sul numero di riga → Elimina).',
    en: 'Row {row} is empty: delete it (in Excel: right-click the row number → Delete).',
  },
  extraCell: {
    it: 'La riga {row} ha {cells} ma l’intestazione ne ha {labels}: la cella in colonna {letter} non ha un’intestazione. Togliere la cella in più o aggiungere l’intestazione mancante.',
    en: 'Row {row} has {cells} but the header has {labels}: the cell in column {letter} has no header. Remove the extra cell or add the missing header.',
  },
  extraCells: {
    it: 'La riga {row} ha {cells} ma l’intestazione ne ha {labels}: la cella in colonna {letter} non ha un’intestazione. Togliere le celle in più (colonne {extra}) o aggiungere le intestazioni mancanti.',
    en: 'Row {row} has {cells} but the header has {labels}: the cell in column {letter} has no header. Remove the extra cells (columns {extra}) or add the missing headers.',
  },
  extraCellHint: {
    it: ' Succede spesso quando un valore contiene il separatore «{delimiter}»: in quel caso va racchiuso tra virgolette.',
    en: ' This often happens when a value contains the separator "{delimiter}": such a value must be put in double quotes.',
  },
  missingCell: {
    it: 'La riga {row} ha {cells} ma l’intestazione ne ha {labels}: manca la cella della colonna {letter}{name}. Completare la riga, anche con celle vuote, e controllare che i valori siano nelle colonne giuste.',
    en: 'Row {row} has {cells} but the header has {labels}: the cell of column {letter}{name} is missing. Complete the row, with empty cells if need be, and check that the values sit in the right columns.',
  },
  duplicateRow: {
    it: 'La riga {row} è identica alla riga {first}: se è un doppione, eliminarla.',
    en: 'Row {row} is identical to row {first}: if it is a duplicate, delete it.',
  },
  expectedLabel: { it: 'un nome di colonna', en: 'a column name' },
  expectedUniqueLabel: { it: 'un nome diverso da quello della colonna {first}', en: 'a name other than that of column {first}' },
  expectedFilledRow: { it: 'almeno un valore', en: 'at least one value' },
  expectedAtMost: { it: 'al massimo {cells}', en: 'at most {cells}' },
  expectedOtherRow: { it: 'una riga diversa dalla riga {first}', en: 'a row other than row {first}' },
} satisfies Record<string, Bilingual>;

type Cells = readonly (string | null)[];

/** Checks the header and the shape of every row of a table; returns the problems found (none when sound). */
export function checkStructure(table: RawTable, options: StructureOptions = {}): Problem[] {
  const isJson = table.dialect.encoding === 'json';
  const context: Context = {
    table,
    // JSON has no header row, and no spreadsheet columns to name by letter.
    headerRow: isJson ? undefined : HEADER_ROW + table.dialect.skippedTitleRows,
    letter: (column) => (isJson ? {} : { columnLetter: columnLetter(column) }),
    problems: new ProblemCollector(table.file),
  };
  checkHeader(context);
  checkRows(context, options.duplicateRows !== false);
  return context.problems.problems();
}

interface Context {
  table: RawTable;
  /** Kept to the limit per code: a row of a million cells is a million problems, counted. */
  problems: ProblemCollector;
  headerRow: number | undefined;
  letter: (column: number) => Pick<Problem, 'columnLetter'>;
}

type Place = Omit<Problem, 'code' | 'severity' | 'file' | 'message'>;

function problem(context: Context, code: ProblemCode, message: Words, place: Place): Problem {
  const severity = code === 'duplicate-row' ? 'warning' : 'error';
  return { code, severity, file: context.table.file, ...place, message };
}

/** blank-label and duplicate-label, on the header row. */
function checkHeader(context: Context): void {
  const { table, headerRow, problems } = context;
  const firstColumnOf = new Map<string, number>();
  table.header.forEach((label, index) => {
    const column = index + 1;
    const at = { ...(headerRow !== undefined && { row: headerRow }), column, ...context.letter(column), value: clip(label) };
    const params = { row: headerRow ?? HEADER_ROW, letter: columnLetter(column) };
    if (label.trim() === '') {
      const message = phrase(TEXTS.blankLabel, params);
      problems.add(problem(context, 'blank-label', message, { ...at, expected: phrase(TEXTS.expectedLabel) }));
      return;
    }
    // Compared as the schema stage matches labels: `Anno` and `anno ` name the same column.
    const key = label.trim().toLowerCase().replace(/\s+/g, '_');
    const first = firstColumnOf.get(key);
    if (first === undefined) {
      firstColumnOf.set(key, column);
      return;
    }
    if (!problems.wants('duplicate-label')) return problems.skip('duplicate-label', 'error');
    const firstLabel = table.header[first - 1] ?? '';
    const firstLetter = firstLabel === label ? columnLetter(first) : joined(columnLetter(first), quoted(clip(firstLabel), ' '));
    const message = phrase(TEXTS.duplicateLabel, { ...params, field: clip(label), first: firstLetter });
    const expected = phrase(TEXTS.expectedUniqueLabel, { first: firstLetter });
    problems.add(problem(context, 'duplicate-label', message, { ...at, field: clipName(label), expected }));
  });
}

/** blank-row, extra-cell, missing-cell and duplicate-row, row by row. */
function checkRows(context: Context, duplicateRows: boolean): void {
  const { table, headerRow, problems } = context;
  const expectedFilled = phrase(TEXTS.expectedFilledRow);
  const blankRow = (row: number): Problem =>
    problem(context, 'blank-row', phrase(TEXTS.blankRow, { row }), { row, value: '', expected: expectedFilled });
  const firstRowOf = duplicateFinder(table.rows);
  // Empty lines are not in `rows`: they show as gaps in rowNumbers (a text file or a sheet has no holes).
  let expectedRow = headerRow === undefined ? undefined : headerRow + 1;

  table.rows.forEach((cells, index) => {
    const row = table.rowNumbers[index] ?? index + 1;
    if (expectedRow !== undefined) for (let gap = expectedRow; gap < row; gap++) problems.add(blankRow(gap));
    expectedRow = row + 1;
    if (cells.every(isEmpty)) {
      problems.add(blankRow(row));
      return;
    }
    checkCellCount(context, cells, row);
    const firstIndex = duplicateRows ? firstRowOf(index) : undefined;
    if (firstIndex === undefined) return;
    if (!problems.wants('duplicate-row')) return problems.skip('duplicate-row', 'warning');
    const first = table.rowNumbers[firstIndex] ?? firstIndex + 1;
    problems.add(
      problem(context, 'duplicate-row', phrase(TEXTS.duplicateRow, { row, first }), {
        row,
        value: clip(cells.map((cell) => cell ?? '').join(table.dialect.delimiter ?? ',')),
        expected: phrase(TEXTS.expectedOtherRow, { first }),
      }),
    );
  });
}

/** Columns named in one message at most: a row of 50,000 extra cells names the first ones and counts the rest. */
const LETTERS_SHOWN = 10;

/** extra-cell and missing-cell: one problem per cell beyond, or short of, the header (counted past the limit). */
function checkCellCount(context: Context, cells: Cells, row: number): void {
  const { table, problems } = context;
  const labels = table.header.length;
  const params = { row, cells: countPhrase(cells.length, NOUNS.cella), labels };
  if (cells.length > labels) {
    const extra = cells.length - labels;
    const shown = range(labels + 1, Math.min(cells.length, labels + LETTERS_SHOWN));
    const extraLetters = columnLetters(shown) + (extra > shown.length ? ', …' : '');
    const delimiter = table.dialect.delimiter;
    const hint = delimiter === null ? '' : phrase(TEXTS.extraCellHint, { delimiter: delimiterName(delimiter) });
    for (let column = labels + 1; column <= cells.length; column++) {
      if (!problems.wants('extra-cell')) {
        problems.skip('extra-cell', 'error');
        continue;
      }
      const text = extra === 1 ? TEXTS.extraCell : TEXTS.extraCells;
      const message = joined(phrase(text, { ...params, letter: columnLetter(column), extra: extraLetters }), hint);
      problems.add(
        problem(context, 'extra-cell', message, {
          row,
          column,
          ...context.letter(column),
          value: clip(cells[column - 1] ?? ''),
          expected: phrase(TEXTS.expectedAtMost, { cells: countPhrase(labels, NOUNS.cella) }),
        }),
      );
    }
  }
  for (let column = cells.length + 1; column <= labels; column++) {
    if (!problems.wants('missing-cell')) {
      problems.skip('missing-cell', 'error');
      continue;
    }
    const label = table.header[column - 1] ?? '';
    const name = label.trim() === '' ? '' : quoted(clip(label), ' ');
    const message = phrase(TEXTS.missingCell, { ...params, letter: columnLetter(column), name });
    problems.add(
      problem(context, 'missing-cell', message, {
        row,
        column,
        ...context.letter(column),
        ...(name !== '' && { field: clipName(label) }),
        value: '',
        expected: countPhrase(labels, NOUNS.cella),
      }),
    );
  }
}

function isEmpty(cell: string | null): boolean {
  return cell === null || cell.trim() === '';
}

/** A label in the quotes of the report language, after an optional separator. */
function quoted(label: Words, before = ''): Words {
  return phrase({ it: `${before}(«{label}»)`, en: `${before}("{label}")` }, { label });
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function delimiterName(delimiter: string): Words {
  if (delimiter === '\t') return phrase({ it: 'tabulazione', en: 'tab' });
  return delimiter;
}

/**
 * For each row index, the index of the first earlier identical row (or undefined). Rows are
 * bucketed by a hash of their cells and compared cell by cell, so big files stay small in memory.
 */
function duplicateFinder(rows: readonly Cells[]): (index: number) => number | undefined {
  const buckets = new Map<number, number[]>();
  return (index) => {
    const cells = rows[index] ?? [];
    const key = hashCells(cells);
    const bucket = buckets.get(key);
    const match = bucket?.find((earlier) => sameCells(rows[earlier] ?? [], cells));
    if (match !== undefined) return match;
    if (bucket) bucket.push(index);
    else buckets.set(key, [index]);
    return undefined;
  };
}

/** FNV-1a over the cells, with null and the cell boundaries marked. */
function hashCells(cells: Cells): number {
  let hash = 0x811c9dc5;
  const mix = (code: number) => {
    hash ^= code;
    hash = Math.imul(hash, 0x01000193);
  };
  for (const cell of cells) {
    if (cell === null) mix(0x110000);
    else for (let i = 0; i < cell.length; i++) mix(cell.charCodeAt(i));
    mix(0x110001);
  }
  return hash >>> 0;
}

function sameCells(a: Cells, b: Cells): boolean {
  return a.length === b.length && a.every((cell, i) => cell === b[i]);
}
