import type { Lang } from '../types.js';

const MAX_SHOWN = 80;

/** A cell value as a report shows it: long values are cut, so a 50 MB cell stays a line; the length in the report's language. */
export function clip(value: string, lang: Lang): string {
  if (value.length <= MAX_SHOWN) return value;
  const length = value.length.toLocaleString(lang === 'en' ? 'en-GB' : 'it-IT');
  return `${value.slice(0, MAX_SHOWN)}… (${length} ${lang === 'en' ? 'characters' : 'caratteri'})`;
}
