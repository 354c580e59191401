import type { ErrorObject } from 'ajv';
import type { Lang } from '../types.js';
import { t } from '../i18n.js';

/** What an Ajv error says, for a person: a date that is not in the calendar is named as such. */
export function schemaErrorDetail(error: ErrorObject, lang: Lang): string {
  if (error.keyword === 'format' && (error.params as { format?: string }).format === 'date') {
    return t(lang, {
      it: 'non è una data del calendario nel formato AAAA-MM-GG (per esempio il 31 febbraio non esiste)',
      en: 'is not a calendar date written YYYY-MM-DD (for example 31 February does not exist)',
    });
  }
  return error.message ?? '';
}
