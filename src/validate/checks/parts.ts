import type { Problem } from '../../types.js';
import { phrase, type Bilingual } from '../../i18n.js';
import type { CheckContext } from './context.js';
import { ruleSetting } from './context.js';

// A column that counts "of whom" (di cui) cannot exceed the column it is part of, in the same row.

interface Part {
  dataset: string;
  part: string;
  whole: string;
  /** The part and the whole in words, for the message. */
  words: Bilingual;
}

const PARTS: readonly Part[] = [
  {
    dataset: 'movimento',
    part: 'nati_stranieri',
    whole: 'nati',
    words: { it: 'i nati stranieri ({value}) sono più dei nati ({whole})', en: 'foreign newborns ({value}) exceed newborns ({whole})' },
  },
  {
    dataset: 'erogazioni',
    part: 'nuovi_utenti',
    whole: 'utenti',
    words: { it: 'i nuovi utenti ({value}) sono più degli utenti ({whole})', en: 'new users ({value}) exceed users ({whole})' },
  },
  {
    dataset: 'erogazioni',
    part: 'utenti_neet',
    whole: 'utenti',
    words: { it: 'i giovani NEET ({value}) sono più degli utenti ({whole})', en: 'NEET young people ({value}) exceed users ({whole})' },
  },
];

/** nati_stranieri <= nati, nuovi_utenti <= utenti, utenti_neet <= utenti, row by row (rule `di_cui`). */
export function checkParts(context: CheckContext): Problem[] {
  const setting = ruleSetting(context, 'di_cui', { gravita: 'error' });
  const problems: Problem[] = [];
  for (const datasets of context.dati.values()) {
    for (const part of PARTS) {
      for (const row of datasets.get(part.dataset) ?? []) {
        const value = row.values[part.part];
        const whole = row.values[part.whole];
        if (typeof value !== 'number' || typeof whole !== 'number' || value <= whole) continue;
        problems.push({
          code: 'consistency-error',
          severity: setting.gravita,
          file: row.file,
          row: row.row,
          field: part.part,
          value: String(value),
          expected: `<= ${whole}`,
          message: phrase(
            {
              it: 'Riga {row}: {detail}: correggere la colonna {column}, che conta una parte di {total}.',
              en: 'Row {row}: {detail}: correct column {column}, which counts part of {total}.',
            },
            { row: row.row, detail: phrase(part.words, { value, whole }), column: part.part, total: part.whole },
          ),
        });
      }
    }
  }
  return problems;
}
