import type { Lang } from '../types.js';
import { t, type Bilingual } from '../i18n.js';
import { MOTIVI } from '../compute/suppress.js';
import type { SurveyAreaResult, SurveyResult } from '../compute/survey/compute-survey.js';
import { formatNumber } from '../render/format.js';
import { EXPLAIN_SURVEY as M } from './explain-messages.js';
import type { Explanation } from './explain.js';

// `bilancio explain questionario:<voce> <gruppo>`: what a survey result of the report is, how it was
// computed, from how many people, and from which files. A withheld result is never printed.

/** The prefix that asks explain for a survey result instead of an indicator. */
export const SURVEY_PREFIX = 'questionario:';

const say = (lang: Lang, text: Bilingual, params: Record<string, string | number> = {}) => t(lang, text, params);

function findGroup(survey: SurveyResult, codice: string): SurveyAreaResult[] {
  const groups = [survey.city, ...survey.zone, ...survey.quartieri, ...survey.fasce];
  const wanted = codice.trim().toLocaleLowerCase('it');
  if (['citta', 'città', 'city'].includes(wanted)) return [survey.city];
  const exact = groups.filter((g) => g.livello !== 'citta' && g.codice.toLocaleLowerCase('it') === wanted);
  return exact.length > 0 ? exact : groups.filter((g) => g.nome.toLocaleLowerCase('it') === wanted);
}

/** Explains one survey result: a dimension or question (`voce`) for one group of respondents. */
export function explainSurvey(
  input: { lang: Lang; survey: SurveyResult[]; defaultYear: number },
  voce: string,
  codice: string,
  anno?: number,
): Explanation {
  const { lang } = input;
  const year = anno ?? input.defaultYear;
  const survey = input.survey.find((s) => s.anno === year);
  if (!survey) return { error: say(lang, M.noSurvey, { anno: year }) };
  const entry = survey.items.find((e) => e.item.code === voce);
  if (!entry) {
    return {
      error: say(lang, M.unknownItem, {
        voce,
        list: survey.dimensions.join(', '),
        esempio: survey.items.find((e) => !e.dimension)?.item.code ?? 'D01',
      }),
    };
  }
  const matches = findGroup(survey, codice);
  if (matches.length !== 1) return { error: say(lang, matches.length === 0 ? M.unknownGroup : M.ambiguousGroup, { codice }) };
  const group = matches[0]!;
  if (group.livello === 'fascia' && !entry.dimension) return { error: say(lang, M.ageByDimension, { voce }) };
  const result = group.items[entry.key];
  const n = (v: number) => formatNumber(v, lang, 0);
  const f2 = (v: number) => formatNumber(v, lang, 2);
  const where = group.livello === 'citta' ? say(lang, M.levels.citta) : `${say(lang, M.levels[group.livello])} ${group.codice}`;

  const lines = [
    `${SURVEY_PREFIX}${voce} · ${entry.dimension ? say(lang, M.dimension, { nome: voce }) : say(lang, M.question, { testo: entry.label })}`,
    say(lang, M.group, { nome: group.nome, dove: where, anno: year }),
    '',
    `${say(lang, M.whatItIs)}: ${say(lang, entry.dimension ? M.dimensionMean : M.questionMean)}`,
    say(lang, M.interval),
    '',
    `${say(lang, M.respondents)}: ${group.respondents === null ? say(lang, M.withheldCount) : n(group.respondents)}`,
  ];
  if (result?.motivo) {
    lines.push('', say(lang, M.withheld, { motivo: MOTIVI[result.motivo], soglia: survey.threshold }));
  } else {
    const answered = result?.answered ?? 0;
    const answers = result?.distribution ? ` (${say(lang, M.answers, { n: n(result.distribution.answers) })})` : '';
    lines.push(`${say(lang, M.answered)}: ${n(answered)}${answers}`);
    const estimate = result?.estimate;
    lines.push(
      estimate
        ? say(lang, M.mean, { media: f2(estimate.mean), basso: f2(estimate.low), alto: f2(estimate.high), n: n(estimate.n) })
        : say(lang, M.noMean),
    );
  }
  if (group.respondentsMotivo && !result?.motivo) lines.push(say(lang, M.respondentsWithheld, { motivo: MOTIVI[group.respondentsMotivo] }));
  lines.push('', `${say(lang, M.sources)}:`, ...survey.fonti.map((file) => `  ${file}`));
  lines.push('', say(lang, M.openData));
  return { lines };
}
