import type { FieldSchema } from '../schemas/load-schemas.js';
import { joinWords, phrase, type Words } from '../i18n.js';
import { fieldType } from './typing.js';

/** The name of a type as a person reads it: "un numero intero". */
export function typeLabel(type: string): Words {
  switch (type) {
    case 'integer':
      return phrase({ it: 'un numero intero', en: 'a whole number' });
    case 'number':
      return phrase({ it: 'un numero (es. 12,5)', en: 'a number (e.g. 12.5)' });
    case 'boolean':
      return phrase({ it: 'vero o falso (true/false, sì/no)', en: 'true or false' });
    case 'date':
      return phrase({ it: 'una data (AAAA-MM-GG o GG/MM/AAAA)', en: 'a date (YYYY-MM-DD)' });
    default:
      return phrase({ it: 'un testo', en: 'a text' });
  }
}

/** What a field accepts, in words: type, allowed values, range. */
export function describeExpected(field: FieldSchema): Words {
  if (field.enum) return phrase({ it: 'uno tra: {list}', en: 'one of: {list}' }, { list: field.enum.join(', ') });
  const parts = [typeLabel(field.format === 'date' ? 'date' : fieldType(field))];
  if (field.minimum !== undefined && field.maximum !== undefined) {
    parts.push(phrase({ it: 'tra {min} e {max}', en: 'between {min} and {max}' }, { min: field.minimum, max: field.maximum }));
  } else if (field.minimum !== undefined) {
    parts.push(phrase({ it: 'non inferiore a {min}', en: 'not below {min}' }, { min: field.minimum }));
  } else if (field.exclusiveMinimum !== undefined) {
    parts.push(phrase({ it: 'maggiore di {min}', en: 'above {min}' }, { min: field.exclusiveMinimum }));
  }
  if (field.pattern) parts.push(phrase({ it: 'nel formato {p}', en: 'matching {p}' }, { p: field.pattern }));
  return joinWords(parts, ' ');
}
