import type { FieldSchema } from '../schemas/load-schemas.js';
import type { Lang } from '../types.js';
import { t } from '../i18n.js';
import { fieldType } from './typing.js';

/** The name of a type as a person reads it: "un numero intero". */
export function typeLabel(type: string, lang: Lang): string {
  switch (type) {
    case 'integer':
      return t(lang, { it: 'un numero intero', en: 'a whole number' });
    case 'number':
      return t(lang, { it: 'un numero (es. 12,5)', en: 'a number (e.g. 12.5)' });
    case 'boolean':
      return t(lang, { it: 'vero o falso (true/false, sì/no)', en: 'true or false' });
    case 'date':
      return t(lang, { it: 'una data (AAAA-MM-GG o GG/MM/AAAA)', en: 'a date (YYYY-MM-DD)' });
    default:
      return t(lang, { it: 'un testo', en: 'a text' });
  }
}

/** What a field accepts, in words: type, allowed values, range. */
export function describeExpected(field: FieldSchema, lang: Lang): string {
  if (field.enum) return t(lang, { it: 'uno tra: {list}', en: 'one of: {list}' }, { list: field.enum.join(', ') });
  const parts = [typeLabel(field.format === 'date' ? 'date' : fieldType(field), lang)];
  if (field.minimum !== undefined && field.maximum !== undefined) {
    parts.push(t(lang, { it: 'tra {min} e {max}', en: 'between {min} and {max}' }, { min: field.minimum, max: field.maximum }));
  } else if (field.minimum !== undefined) {
    parts.push(t(lang, { it: 'non inferiore a {min}', en: 'not below {min}' }, { min: field.minimum }));
  } else if (field.exclusiveMinimum !== undefined) {
    parts.push(t(lang, { it: 'maggiore di {min}', en: 'above {min}' }, { min: field.exclusiveMinimum }));
  }
  if (field.pattern) parts.push(t(lang, { it: 'nel formato {p}', en: 'matching {p}' }, { p: field.pattern }));
  return parts.join(' ');
}
