import type { Lang } from './types.js';

/** A text in both report languages. */
export interface Bilingual {
  it: string;
  en: string;
}

/** Picks the text of the report language and fills `{name}` placeholders. */
export function t(lang: Lang, text: Bilingual, params: Record<string, string | number> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** A count with its noun in the right number: `1 avviso`, `3 avvisi`. */
export function countOf(lang: Lang, n: number, forms: { it: [string, string]; en: [string, string] }): string {
  const [one, many] = forms[lang];
  return `${n} ${n === 1 ? one : many}`;
}

export const NOUNS = {
  file: { it: ['file', 'file'], en: ['file', 'files'] },
  riga: { it: ['riga', 'righe'], en: ['row', 'rows'] },
  errore: { it: ['errore', 'errori'], en: ['error', 'errors'] },
  avviso: { it: ['avviso', 'avvisi'], en: ['warning', 'warnings'] },
} satisfies Record<string, { it: [string, string]; en: [string, string] }>;
