import type { Lang } from '../types.js';

// A text the project writes (a service's name, a survey question, a commitment) and may give in English
// too: the English edition prints the English twin when there is one, else the project's own text marked
// with its language, so that readers and screen readers know it is not in the report's language.

/** A text of the project as the report prints it; `lang` is set only where it differs from the report's. */
export interface ProjectText {
  text: string;
  lang: string;
}

/** The project's text in the report's language `lang`: its English twin for `en` when given, else itself in `textLang`. */
export function projectText(lang: Lang, textLang: Lang, text: string, textEn?: string | null): ProjectText {
  if (lang === 'en' && textEn) return { text: textEn, lang: '' };
  return { text, lang: textLang === lang ? '' : textLang };
}

/** A project text as a table cell's text, with its language only where it is not the report's. */
export function cellText(text: ProjectText): { text: string; lang?: string } {
  return text.lang ? { text: text.text, lang: text.lang } : { text: text.text };
}
