// The cantieri a project declares (catalogo/cantieri.csv, or bilancio's default declaration) and the check
// that every servizio, impegno and voce names one of them.
import type { Cantiere, Problem, TypedRow } from '../types.js';
import { SEZIONI_NON_CANTIERE } from '../types.js';
import { phrase, type Phrase } from '../i18n.js';
import { columnLetter } from '../ingest/columns.js';
import { clip } from './clip.js';
import { ProblemCollector } from './problem-limit.js';

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** The declared cantieri from the typed rows of a declaration: by `ordine`, then those without it in row order. */
export function buildCantieri(rows: TypedRow[]): Cantiere[] {
  const order = (row: TypedRow) => (typeof row.values.ordine === 'number' ? row.values.ordine : Number.MAX_SAFE_INTEGER);
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => order(a.row) - order(b.row) || a.index - b.index)
    .map(({ row: { values: v } }) => ({
      codice: text(v.codice_cantiere),
      titolo: text(v.titolo),
      titoloEn: text(v.titolo_en) || null,
      introduzione: text(v.introduzione),
      introduzioneEn: text(v.introduzione_en) || null,
    }));
}

/** Codes the report keeps for sections that are not cantieri (demografia, risorse) cannot be declared as cantieri. */
export function checkReservedCodes(rows: TypedRow[]): { problems: Problem[]; rejected: Set<TypedRow> } {
  const problems: Problem[] = [];
  const rejected = new Set<TypedRow>();
  for (const row of rows) {
    const value = text(row.values.codice_cantiere);
    if (!(SEZIONI_NON_CANTIERE as readonly string[]).includes(value)) continue;
    rejected.add(row);
    problems.push({
      code: 'constraint-error',
      severity: 'error',
      file: row.file,
      row: row.row,
      field: 'codice_cantiere',
      value,
      message: phrase(
        {
          it: 'Riga {row}: "{value}" non può essere il codice di un cantiere: è il nome di una sezione del report ({reserved}). Scegliere un altro codice.',
          en: 'Row {row}: "{value}" cannot be the code of a cantiere: it names a section of the report ({reserved}). Choose another code.',
        },
        { row: row.row, value, reserved: SEZIONI_NON_CANTIERE.join(', ') },
      ),
    });
  }
  return { problems, rejected };
}

/** Where the declared cantieri come from, in words for a message. */
export function declarationPlace(predefiniti: boolean): Phrase {
  return predefiniti
    ? phrase({
        it: 'i cantieri predefiniti di bilancio (il progetto non ha catalogo/cantieri.csv: per usarne altri, dichiararli lì)',
        en: "bilancio's default cantieri (the project has no catalogo/cantieri.csv: to use others, declare them there)",
      })
    : phrase({ it: 'catalogo/cantieri.csv', en: 'catalogo/cantieri.csv' });
}

/**
 * Rows whose `field` names a cantiere that is not declared: an error at the row and column, naming the value
 * and the declared codes. `columns` gives the 1-based column of each field of a file, for the message.
 */
export function checkCantiere(
  rows: TypedRow[],
  field: string,
  cantieri: readonly Cantiere[],
  predefiniti: boolean,
  columns: (file: string) => Map<string, number> | undefined,
): { problems: Problem[]; rejected: Set<TypedRow> } {
  const known = new Set(cantieri.map((c) => c.codice));
  const list = cantieri.map((c) => c.codice).join(', ') || '—';
  const problems = new ProblemCollector('');
  const rejected = new Set<TypedRow>();
  for (const row of rows) {
    const value = row.values[field];
    if (value === null || value === undefined || known.has(String(value))) continue;
    rejected.add(row);
    if (!problems.wants('constraint-error', row.file)) {
      problems.skip('constraint-error', 'error', row.file);
      continue;
    }
    const column = columns(row.file)?.get(field);
    const expected = phrase({ it: 'un cantiere dichiarato: {list}', en: 'a declared cantiere: {list}' }, { list });
    problems.add({
      code: 'constraint-error',
      severity: 'error',
      file: row.file,
      row: row.row,
      ...(column === undefined ? {} : { column, columnLetter: columnLetter(column) }),
      field,
      value: clip(String(value)),
      expected,
      message: phrase(
        {
          it: 'Riga {row}, colonna {letter} ("{field}"): il cantiere "{value}" non è dichiarato. Cantieri ammessi: {list}, da {place}.',
          en: 'Row {row}, column {letter} ("{field}"): the cantiere "{value}" is not declared. Allowed cantieri: {list}, from {place}.',
        },
        {
          row: row.row,
          letter: column === undefined ? '—' : columnLetter(column),
          field,
          value: clip(String(value)),
          list,
          place: declarationPlace(predefiniti),
        },
      ),
    });
  }
  return { problems: problems.problems(), rejected };
}
