import type { ErrorObject } from 'ajv';
import type { DatasetSchema } from '../schemas/load-schemas.js';
import type { Cell, Problem, RawTable, TypedRow } from '../types.js';
import { joinWords, phrase } from '../i18n.js';
import { columnLetter } from '../ingest/columns.js';
import { decideNumberStyle, parseNumber } from '../ingest/numbers.js';
import { checkStructure } from './structure.js';
import { fieldType, isTypingFailure, typeCell } from './typing.js';
import type { NumberStyle } from '../ingest/numbers.js';
import type { QuartiereIndex } from './quartieri.js';
import { describeExpected, typeLabel } from './expected.js';
import { clip, clipName } from './clip.js';
import { ProblemCollector } from './problem-limit.js';

/** What one file's validation yields: every row typed (those with errors marked invalid), and every problem. */
export interface TableResult {
  rows: TypedRow[];
  problems: Problem[];
  /** Data rows read (before dropping rows with errors). */
  rowsRead: number;
  /** 1-based column of each schema field found in the header. */
  columns: Map<string, number>;
}

export interface TableContext {
  dataset: string;
  schema: DatasetSchema;
  validateRow: (row: Record<string, Cell>) => boolean;
  rowErrors: () => ErrorObject[] | null | undefined;
  quartieri: QuartiereIndex | null;
}

/** Messages of a value that has the right shape and is still refused. */
const TYPING_REASONS = {
  'no-such-day': {
    it: 'Riga {row}, colonna {letter} ("{field}"): la data "{value}" non esiste nel calendario (quel giorno non c\'è in quel mese). Correggere il giorno o il mese.',
    en: 'Row {row}, column {letter} ("{field}"): the date "{value}" does not exist (that month has no such day). Fix the day or the month.',
  },
  'unsafe-integer': {
    it: 'Riga {row}, colonna {letter} ("{field}"): "{value}" è un intero troppo grande per essere letto esattamente (il massimo è 9.007.199.254.740.991). Controllare il valore.',
    en: 'Row {row}, column {letter} ("{field}"): "{value}" is a whole number too large to be read exactly (the largest is 9,007,199,254,740,991). Check the value.',
  },
} as const;

// A file may name its quartiere by a `quartiere` column holding the name as typed.
const QUARTIERE_NAME_COLUMN = 'quartiere';

function normalizeLabel(label: string): string {
  return label.trim().toLowerCase().replace(/\s+/g, '_');
}

/** Checks one table against its dataset schema and types its cells. Never throws. */
export function validateTable(table: RawTable, context: TableContext): TableResult {
  const { schema } = context;
  const file = table.file;
  // One row per resident: identical rows are people, not mistakes.
  const duplicateRows = context.dataset !== 'residenti';
  // The first problems of each code, every one counted: 150,000 repeated rows stay a short list.
  const problems = new ProblemCollector(file);
  problems.addAll(table.problems);
  problems.addAll(checkStructure(table, { duplicateRows }));
  if (table.problems.some((p) => p.severity === 'error')) {
    return { rows: [], problems: problems.problems(), rowsRead: table.rows.length, columns: new Map() };
  }
  const at = (column: number) => ({ file, column, columnLetter: columnLetter(column) });

  // Map schema fields to columns.
  const columnOf = new Map<string, number>();
  table.header.forEach((label, index) => {
    const key = normalizeLabel(label);
    if (key in schema.properties && !columnOf.has(key)) columnOf.set(key, index);
  });
  const quartiereField = Object.entries(schema.properties).find(([, f]) => f['x-quartiere'])?.[0];
  let quartiereColumn: number | undefined;
  if (quartiereField) {
    quartiereColumn = columnOf.get(quartiereField);
    if (quartiereColumn === undefined && !(QUARTIERE_NAME_COLUMN in schema.properties)) {
      const byName = table.header.findIndex((l) => normalizeLabel(l) === QUARTIERE_NAME_COLUMN);
      if (byName >= 0) {
        quartiereColumn = byName;
        columnOf.set(quartiereField, byName);
      }
    }
  }
  for (const required of schema.required) {
    if (columnOf.has(required)) continue;
    problems.add({
      code: 'missing-label',
      severity: 'error',
      file,
      row: 1 + table.dialect.skippedTitleRows,
      field: required,
      expected: required,
      message: phrase(
        {
          it: 'Manca la colonna obbligatoria "{field}": aggiungerla all\'intestazione (riga 1) con questo nome.',
          en: 'The required column "{field}" is missing: add it to the header (row 1) with this name.',
        },
        { field: required },
      ),
    });
  }
  table.header.forEach((label, index) => {
    const key = normalizeLabel(label);
    if (!key || columnOf.get(key) === index || index === quartiereColumn) return;
    if (key in schema.properties) return; // a duplicate label: reported by the structure check
    if (!problems.wants('extra-label')) return problems.skip('extra-label', 'warning');
    problems.add({
      code: 'extra-label',
      severity: 'warning',
      ...at(index + 1),
      row: 1 + table.dialect.skippedTitleRows,
      field: clipName(label),
      value: clip(label),
      message: phrase(
        {
          it: 'La colonna "{label}" non fa parte del tracciato di {dataset} e verrà ignorata.',
          en: 'The column "{label}" is not part of the {dataset} layout and will be ignored.',
        },
        { label: clip(label), dataset: context.dataset },
      ),
    });
  });
  if (problems.seen('missing-label') > 0) {
    return { rows: [], problems: problems.problems(), rowsRead: table.rows.length, columns: new Map() };
  }

  // Decide, per numeric column, how its numbers are written.
  const styles = new Map<string, NumberStyle>();
  for (const [name, column] of columnOf) {
    const type = fieldType(schema.properties[name]!);
    if (type !== 'integer' && type !== 'number') continue;
    const values = table.rows.map((r) => r[column]).filter((v): v is string => !!v && v.trim() !== '');
    const decision = decideNumberStyle(values);
    styles.set(name, decision.style);
    if (decision.ambiguous.length > 0) {
      const examples = decision.ambiguous.slice(0, 3).map((value) => clip(value));
      const examplesText = joinWords(examples, ', ');
      problems.add({
        code: 'ambiguous-number',
        severity: 'warning',
        ...at(column + 1),
        field: name,
        value: examplesText,
        message: phrase(
          {
            it: 'Nella colonna "{field}" valori come {value} si possono leggere in due modi: letti come {style}, in base agli altri valori della colonna.',
            en: 'In column "{field}" values such as {value} can be read two ways: read with {style}, from the other values in the column.',
          },
          {
            field: name,
            value: examplesText,
            style:
              decision.style === 'comma-decimal'
                ? phrase({ it: 'la virgola per i decimali', en: 'the comma as decimal mark' })
                : phrase({ it: 'il punto per i decimali', en: 'the point as decimal mark' }),
          },
        ),
      });
    }
  }

  const rows: TypedRow[] = [];
  const quartiereWarned = new Set<string>();
  table.rows.forEach((cells, index) => {
    const row = table.rowNumbers[index]!;
    if (cells.every((c) => c === null || c.trim() === '')) return; // blank-row: structure check
    const values: Record<string, Cell> = {};
    let rowHasError = false;
    const fail = (problem: Problem) => {
      problems.add(problem);
      if (problem.severity === 'error') rowHasError = true;
    };
    for (const [name, column] of columnOf) {
      const field = schema.properties[name]!;
      const text = cells[column];
      if (text === undefined || text === null || text.trim() === '') {
        values[name] = null;
        if (schema.required.includes(name) && text !== undefined) {
          fail({
            code: 'constraint-error',
            severity: 'error',
            ...at(column + 1),
            row,
            field: name,
            value: '',
            expected: describeExpected(field),
            message: phrase(
              {
                it: 'Riga {row}, colonna {letter} ("{field}"): il valore è obbligatorio ma la cella è vuota.',
                en: 'Row {row}, column {letter} ("{field}"): a value is required but the cell is empty.',
              },
              { row, letter: columnLetter(column + 1), field: name },
            ),
          });
        }
        continue;
      }
      if (name === quartiereField && context.quartieri) {
        const match = context.quartieri.resolve(text);
        if (match.kind === 'none') {
          fail({
            code: 'foreign-key',
            severity: 'error',
            ...at(column + 1),
            row,
            field: name,
            value: clip(text),
            expected: phrase({ it: 'un quartiere esistente', en: 'an existing quartiere' }),
            message: phrase(
              {
                it: 'Riga {row}, colonna {letter}: il quartiere "{value}" non esiste.{suggestions}',
                en: 'Row {row}, column {letter}: the quartiere "{value}" does not exist.{suggestions}',
              },
              {
                row,
                letter: columnLetter(column + 1),
                value: clip(text),
                // Names close to the one written, when there are some; else where the codes are listed.
                suggestions: match.suggestions.length
                  ? phrase({ it: ' Forse: {list}.', en: ' Perhaps: {list}.' }, { list: match.suggestions.join(', ') })
                  : phrase({
                      it: ' Usare un codice o un nome di territorio/quartieri.csv.',
                      en: ' Use a code or a name from territorio/quartieri.csv.',
                    }),
              },
            ),
          });
          continue;
        }
        if (match.kind === 'name' && !match.exact && !quartiereWarned.has(text)) {
          quartiereWarned.add(text);
          problems.add({
            code: 'quartiere-match',
            severity: 'warning',
            ...at(column + 1),
            row,
            field: name,
            value: clip(text),
            expected: match.matched,
            message: phrase(
              {
                it: 'Riga {row}: "{value}" è stato riconosciuto come il quartiere {matched} (così anche nelle righe seguenti con lo stesso nome).',
                en: 'Row {row}: "{value}" was recognised as the quartiere {matched} (and so in later rows with the same name).',
              },
              { row, value: clip(text), matched: match.matched },
            ),
          });
        }
        values[name] = match.kind === 'nd' ? 'ND' : match.codice;
        continue;
      }
      const typed = typeCell(text, field, styles.get(name) ?? 'dot-decimal', parseNumber);
      if (isTypingFailure(typed)) {
        fail({
          code: 'type-error',
          severity: 'error',
          ...at(column + 1),
          row,
          field: name,
          value: clip(text),
          expected: typeLabel(typed.expected),
          message: phrase(
            typed.reason
              ? TYPING_REASONS[typed.reason]
              : {
                  it: 'Riga {row}, colonna {letter} ("{field}"): "{value}" non è {expected}.',
                  en: 'Row {row}, column {letter} ("{field}"): "{value}" is not {expected}.',
                },
            { row, letter: columnLetter(column + 1), field: name, value: clip(text), expected: typeLabel(typed.expected) },
          ),
        });
        continue;
      }
      values[name] = typed;
    }
    const present: Record<string, Cell> = {};
    for (const [name, value] of Object.entries(values)) if (value !== null) present[name] = value;
    if (!context.validateRow(present)) {
      for (const error of context.rowErrors() ?? []) {
        if (error.keyword === 'required' || error.keyword === 'type') continue;
        const name = error.instancePath.split('/')[1] ?? '';
        const column = columnOf.get(name);
        if (column === undefined || name === quartiereField) continue;
        const field = schema.properties[name]!;
        const value = clip(cells[column] ?? '');
        fail({
          code: 'constraint-error',
          severity: 'error',
          ...at(column + 1),
          row,
          field: name,
          value,
          expected: describeExpected(field),
          message: phrase(
            {
              it: 'Riga {row}, colonna {letter} ("{field}"): "{value}" non è ammesso; atteso {expected}.',
              en: 'Row {row}, column {letter} ("{field}"): "{value}" is not allowed; expected {expected}.',
            },
            { row, letter: columnLetter(column + 1), field: name, value, expected: describeExpected(field) },
          ),
        });
      }
    }
    rows.push(rowHasError ? { values, file, row, invalid: true } : { values, file, row });
  });
  const columns = new Map([...columnOf].map(([name, index]) => [name, index + 1]));
  return { rows, problems: problems.problems(), rowsRead: table.rows.length, columns };
}
