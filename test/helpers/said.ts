// Problems as a reader sees them: their words said in one language (the stages give phrases, see src/i18n.ts).
import type { Lang } from '../../src/i18n.js';
import { sayProblem, type ProblemText } from '../../src/problem-text.js';
import type { Problem, RawTable } from '../../src/types.js';

/** The problems with message, value and expected said in `lang` (Italian by default). */
export function said(problems: readonly Problem[], lang: Lang = 'it'): ProblemText[] {
  return problems.map((p) => sayProblem(lang, p));
}

/** A table with its reading problems said in `lang`. */
export function saidTable<T extends Pick<RawTable, 'problems'>>(
  table: T,
  lang: Lang = 'it',
): Omit<T, 'problems'> & { problems: ProblemText[] } {
  return { ...table, problems: said(table.problems, lang) };
}
