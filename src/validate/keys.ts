import type { DatasetSchema } from '../schemas/load-schemas.js';
import type { Problem, TypedRow } from '../types.js';
import { phrase } from '../i18n.js';
import { clip } from './clip.js';
import { ProblemCollector } from './problem-limit.js';

/** Reports repeated primary keys (at each later row, naming the first) and repeated unique values. */
export function checkKeys(rows: TypedRow[], schema: DatasetSchema): { problems: Problem[]; rejected: Set<TypedRow> } {
  // Kept to the limit per file and code: a file of one row repeated is one problem per row.
  const problems = new ProblemCollector('');
  const rejected = new Set<TypedRow>();
  const key = schema['x-primaryKey'];
  if (key && key.length > 0) {
    const first = new Map<string, TypedRow>();
    for (const row of rows) {
      const id = key.map((f) => String(row.values[f] ?? '')).join('\u0000');
      const earlier = first.get(id);
      if (!earlier) {
        first.set(id, row);
        continue;
      }
      rejected.add(row);
      if (!problems.wants('primary-key', row.file)) {
        problems.skip('primary-key', 'error', row.file);
        continue;
      }
      const value = clip(key.map((f) => String(row.values[f] ?? '')).join(', '));
      problems.add({
        code: 'primary-key',
        severity: 'error',
        file: row.file,
        row: row.row,
        field: key.join(', '),
        value,
        expected: phrase({ it: 'una combinazione non ripetuta', en: 'a combination not repeated' }),
        message: phrase(
          {
            it: 'Riga {row}: la combinazione ({fields}) = ({value}) compare già in {where}; ogni combinazione va indicata una sola volta (sommare le due righe o correggerne una).',
            en: 'Row {row}: the combination ({fields}) = ({value}) already appears in {where}; each combination must appear once (add the two rows up or fix one).',
          },
          {
            row: row.row,
            fields: key.join(', '),
            value,
            where:
              earlier.file === row.file
                ? phrase({ it: 'riga {r}', en: 'row {r}' }, { r: earlier.row })
                : phrase({ it: '{f}, riga {r}', en: '{f}, row {r}' }, { f: earlier.file, r: earlier.row }),
          },
        ),
      });
    }
  }
  for (const field of schema['x-unique'] ?? []) {
    const first = new Map<string, TypedRow>();
    for (const row of rows) {
      const value = row.values[field];
      if (value === null || value === undefined) continue;
      const earlier = first.get(String(value));
      if (!earlier) {
        first.set(String(value), row);
        continue;
      }
      rejected.add(row);
      if (!problems.wants('unique-error', row.file)) {
        problems.skip('unique-error', 'error', row.file);
        continue;
      }
      problems.add({
        code: 'unique-error',
        severity: 'error',
        file: row.file,
        row: row.row,
        field,
        value: clip(String(value)),
        message: phrase(
          {
            it: 'Riga {row}: il valore "{value}" di "{field}" è già usato alla riga {first}; deve essere unico.',
            en: 'Row {row}: the value "{value}" of "{field}" is already used at row {first}; it must be unique.',
          },
          { row: row.row, value: clip(String(value)), field, first: earlier.row },
        ),
      });
    }
  }
  return { problems: problems.problems(), rejected };
}

/**
 * Reports values of `field` that are not among `known` (a foreign key to another table). `codes` splits a
 * cell that may name several codes (`comune; auser`); each unknown one is reported.
 */
export function checkForeignKey(
  rows: TypedRow[],
  field: string,
  known: Set<string>,
  reference: string,
  codes: (cell: string) => string[] = (cell) => [cell],
): { problems: Problem[]; rejected: Set<TypedRow> } {
  const problems = new ProblemCollector('');
  const rejected = new Set<TypedRow>();
  for (const row of rows) {
    const cell = row.values[field];
    if (cell === null || cell === undefined) continue;
    for (const value of codes(String(cell))) {
      if (known.has(value)) continue;
      rejected.add(row);
      if (!problems.wants('foreign-key', row.file)) {
        problems.skip('foreign-key', 'error', row.file);
        continue;
      }
      problems.add({
        code: 'foreign-key',
        severity: 'error',
        file: row.file,
        row: row.row,
        field,
        value: clip(String(value)),
        expected: phrase({ it: 'un codice presente in {ref}', en: 'a code listed in {ref}' }, { ref: reference }),
        message: phrase(
          {
            it: 'Riga {row}: "{value}" in "{field}" non è tra i codici di {ref}. Usare uno dei codici del catalogo o chiedere di aggiungerlo.',
            en: 'Row {row}: "{value}" in "{field}" is not among the codes of {ref}. Use a catalogue code or ask for it to be added.',
          },
          { row: row.row, value: clip(String(value)), field, ref: reference },
        ),
      });
    }
  }
  return { problems: problems.problems(), rejected };
}
