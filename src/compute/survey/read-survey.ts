import type { Territorio, TypedRow } from '../../types.js';
import { meanInterval, welchDifference, type Difference, type Estimate } from './stats.js';

// The citizens' survey, from long rows (one per respondent and question) to per-person answers, and
// from there to distributions, means with intervals and group differences. Pure: no formatting.

/** The Likert scale of every question. */
export const SCALE = [1, 2, 3, 4, 5] as const;

export interface Question {
  codice: string;
  testo: string;
  dimensione: string;
  /** The question and its dimension's name in English (testo_en, dimensione_en), null when not given. */
  testoEn: string | null;
  dimensioneEn: string | null;
}

/** One person who answered, with the answers given (empty answers left out). */
export interface Respondent {
  id: string;
  quartiere: string;
  /** null when the quartiere is ND or unknown: counted for the city only. */
  zona: string | null;
  fascia: string;
  answers: Map<string, number>;
}

export interface Survey {
  questions: Question[];
  /** Dimensions in the order domande.csv first names them. */
  dimensions: string[];
  respondents: Respondent[];
}

/** What is summarised: a whole dimension, or one question. */
export type Item = { kind: 'dimension'; code: string } | { kind: 'question'; code: string };

/** Shares of answers 1..5 (0..1) over the answers given. */
export interface Distribution {
  answers: number;
  counts: number[];
  shares: number[];
}

/** One item for one group of respondents. */
export interface ItemSummary {
  /** Respondents in the group (whether or not they answered this item). */
  respondents: number;
  /** Respondents who answered the item at least once. */
  answered: number;
  /** False when the group or the item has fewer answers than the threshold: nothing may be shown. */
  shown: boolean;
  distribution: Distribution | null;
  estimate: Estimate | null;
}

/** A group compared with all other respondents. */
export interface GroupComparison {
  group: string;
  respondents: number;
  shown: boolean;
  difference: Difference | null;
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Groups the long survey rows by respondent and reads the questions. */
export function readSurvey(rows: TypedRow[], domande: TypedRow[], territorio: Territorio): Survey {
  const questions = domande.map(({ values: v }) => ({
    codice: str(v.codice_domanda),
    testo: str(v.testo),
    dimensione: str(v.dimensione),
    testoEn: str(v.testo_en) || null,
    dimensioneEn: str(v.dimensione_en) || null,
  }));
  const dimensions = [...new Set(questions.map((q) => q.dimensione))];
  const zonaOf = new Map(territorio.quartieri.map((q) => [q.codice, q.codiceZona]));
  const byId = new Map<string, Respondent>();
  for (const { values: v } of rows) {
    const id = str(v.id_risposta);
    let respondent = byId.get(id);
    if (!respondent) {
      const quartiere = str(v.codice_quartiere);
      respondent = { id, quartiere, zona: zonaOf.get(quartiere) ?? null, fascia: str(v.fascia_eta), answers: new Map() };
      byId.set(id, respondent);
    }
    if (typeof v.valore === 'number') respondent.answers.set(str(v.codice_domanda), v.valore);
  }
  return { questions, dimensions, respondents: [...byId.values()] };
}

/** The answers an item gets from one respondent: one per question asked within the item. */
export function answersOf(survey: Survey, respondent: Respondent, item: Item): number[] {
  const answers: number[] = [];
  for (const code of questionCodes(survey, item)) {
    const answer = respondent.answers.get(code);
    if (answer !== undefined) answers.push(answer);
  }
  return answers;
}

/** The questions of an item, found once per survey and dimension (it is asked for every respondent). */
const codesBySurvey = new WeakMap<Survey, Map<string, readonly string[]>>();
function questionCodes(survey: Survey, item: Item): readonly string[] {
  if (item.kind === 'question') return [item.code];
  let byDimension = codesBySurvey.get(survey);
  if (!byDimension) codesBySurvey.set(survey, (byDimension = new Map()));
  let codes = byDimension.get(item.code);
  if (!codes) byDimension.set(item.code, (codes = survey.questions.filter((q) => q.dimensione === item.code).map((q) => q.codice)));
  return codes;
}

/** The respondent-level value of an item: the answer, or the mean of the person's answers in a dimension. */
export function personValues(survey: Survey, group: Respondent[], item: Item): { values: number[]; pooled: number[] } {
  const values: number[] = [];
  const pooled: number[] = [];
  for (const respondent of group) {
    const answers = answersOf(survey, respondent, item);
    if (answers.length === 0) continue;
    pooled.push(...answers);
    values.push(answers.reduce((s, a) => s + a, 0) / answers.length);
  }
  return { values, pooled };
}

/** Distribution and mean (95% t interval on respondent-level values) of an item for a group. */
export function summarize(survey: Survey, group: Respondent[], item: Item, threshold: number): ItemSummary {
  const { values, pooled } = personValues(survey, group, item);
  const shown = group.length >= threshold && values.length >= threshold;
  if (!shown) return { respondents: group.length, answered: values.length, shown, distribution: null, estimate: null };
  const counts = SCALE.map((s) => pooled.filter((a) => a === s).length);
  return {
    respondents: group.length,
    answered: values.length,
    shown,
    distribution: { answers: pooled.length, counts, shares: counts.map((c) => c / pooled.length) },
    estimate: meanInterval(values),
  };
}

/** Each group against all the other respondents: difference of means with a 95% Welch interval. */
export function compareGroups(
  survey: Survey,
  groups: string[],
  groupOf: (r: Respondent) => string | null,
  item: Item,
  threshold: number,
): GroupComparison[] {
  return groups.map((group) => {
    const inside = survey.respondents.filter((r) => groupOf(r) === group);
    const outside = survey.respondents.filter((r) => groupOf(r) !== group);
    const a = personValues(survey, inside, item).values;
    const b = personValues(survey, outside, item).values;
    const shown = inside.length >= threshold && a.length >= threshold && b.length >= threshold;
    return { group, respondents: inside.length, shown, difference: shown ? welchDifference(a, b) : null };
  });
}

/** The items of a survey in reading order: each dimension followed by its questions. */
export function itemsInOrder(survey: Survey): { item: Item; label: string; labelEn: string | null; dimension: boolean }[] {
  return survey.dimensions.flatMap((dimension) => [
    {
      item: { kind: 'dimension' as const, code: dimension },
      label: dimension,
      labelEn: survey.questions.find((q) => q.dimensione === dimension && q.dimensioneEn)?.dimensioneEn ?? null,
      dimension: true,
    },
    ...survey.questions
      .filter((q) => q.dimensione === dimension)
      .map((q) => ({ item: { kind: 'question' as const, code: q.codice }, label: q.testo, labelEn: q.testoEn, dimension: false })),
  ]);
}
