import type { Cantiere, Lang } from '../types.js';

/** A text of the project's declaration, and the language it is written in. */
export interface DeclaredText {
  text: string;
  lang: Lang;
}

/** The words of a declared cantiere in the report's language: the English ones for `en`, else those in the project's language. */
export function cantiereWords(cantiere: Cantiere, lang: Lang, textLang: Lang): { titolo: DeclaredText; introduzione: DeclaredText } {
  const english = lang === 'en';
  return {
    titolo: english && cantiere.titoloEn ? { text: cantiere.titoloEn, lang: 'en' } : { text: cantiere.titolo, lang: textLang },
    introduzione:
      english && cantiere.introduzioneEn ? { text: cantiere.introduzioneEn, lang: 'en' } : { text: cantiere.introduzione, lang: textLang },
  };
}

/** The chapter title of a cantiere code in the report's language; the code itself when it is not declared. */
export function cantiereTitle(cantieri: readonly Cantiere[], codice: string, lang: Lang, textLang: Lang): string {
  const cantiere = cantieri.find((c) => c.codice === codice);
  return cantiere ? cantiereWords(cantiere, lang, textLang).titolo.text : codice;
}
