import type { Lang } from './types.js';

/** A text in both report languages. */
export interface Bilingual {
  it: string;
  en: string;
}

/** Picks the text of the report language and fills `{name}` placeholders. */
export function t(lang: Lang, text: Bilingual, params: Record<string, string | number> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}
