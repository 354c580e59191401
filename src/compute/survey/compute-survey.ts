import type { ValidatedProject } from '../../types.js';
import { findLeaks, protectFigures, type AuditMemo, type Leak, type WithholdReason } from '../privacy/protect.js';
import { itemKey, surveyKeys, surveyPublication, type SurveyArea, type SurveyLevel } from '../privacy/survey-figures.js';
import { itemsInOrder, personValues, readSurvey, SCALE, type Distribution, type Item, type Survey } from './read-survey.js';
import { meanInterval, welchDifference, type Difference, type Estimate } from './stats.js';

// The survey results of one year, as the report and the open data publish them: every number with the
// privacy authority's decision already taken. Render only formats what is here.

/** One item for one group: null numbers where nothing may be shown (motivo says why, when it is privacy). */
export interface SurveyItemResult {
  answered: number | null;
  distribution: Distribution | null;
  estimate: Estimate | null;
  motivo: WithholdReason | null;
}

export interface SurveyAreaResult {
  livello: SurveyLevel;
  codice: string;
  nome: string;
  /** The zona's name, for a quartiere. */
  zona: string | null;
  /** Null when withheld. */
  respondents: number | null;
  respondentsMotivo: WithholdReason | null;
  /** By itemKey; the age groups have dimensions only. */
  items: Record<string, SurveyItemResult>;
}

/** A zone or age group against the rest of the city, per dimension. */
export interface SurveyComparison {
  livello: 'zona' | 'fascia';
  codice: string;
  nome: string;
  respondents: number | null;
  differences: Record<string, { difference: Difference | null; motivo: WithholdReason | null }>;
}

export interface SurveyResult {
  anno: number;
  /** soglia_risposte. */
  threshold: number;
  dimensions: string[];
  /** Reading order: each dimension followed by its questions (a dimension's label is its code); labelEn from domande.csv. */
  items: { key: string; item: Item; label: string; labelEn: string | null; dimension: boolean }[];
  city: SurveyAreaResult;
  zone: SurveyAreaResult[];
  quartieri: SurveyAreaResult[];
  fasce: SurveyAreaResult[];
  zoneDifferences: SurveyComparison[];
  ageDifferences: SurveyComparison[];
  privacy: { primary: number; secondary: number; protectedCounts: number; rounds: number };
  /** What the audit of the published tables found (the build refuses to publish when it is not empty). */
  leaks: Leak[];
  /** The files read: the answers (questionario) and the questions (domande). */
  fonti: string[];
}

export interface SurveyOptions {
  /** soglia_risposte. */
  threshold: number;
  cityName: string;
  /** Switched off only by the tests that show what the audit finds without it. */
  audit?: boolean;
}

/** The survey of one year with its statistics and privacy decisions; null when the year has no survey. */
export function computeSurvey(
  project: Pick<ValidatedProject, 'dati' | 'territorio'>,
  anno: number,
  options: SurveyOptions,
): SurveyResult | null {
  const rows = project.dati.get(anno)?.get('questionario') ?? [];
  const domande = project.dati.get(anno)?.get('domande') ?? [];
  if (rows.length === 0 || domande.length === 0) return null;
  const survey = readSurvey(rows, domande, project.territorio);
  const publication = surveyPublication(survey, project.territorio, options.threshold, options.cityName);
  const memo: AuditMemo = new Set();
  const { withheld, rounds } = protectFigures(publication.figures, publication.counts, { audit: options.audit, memo });
  const { base, areas } = publication;
  const zonaName = new Map(project.territorio.zone.flatMap((z) => z.quartieri.map((q) => [q, z.nome])));
  const membersOf = (area: SurveyArea) => {
    const cells = new Set(area.cells);
    return survey.respondents.filter((r) => cells.has(base.cell(base.unitOf(r), r.fascia)));
  };
  const dimensions: Item[] = survey.dimensions.map((code) => ({ kind: 'dimension', code }));

  const areaResult = (area: SurveyArea): SurveyAreaResult => {
    const members = membersOf(area);
    const items: Record<string, SurveyItemResult> = {};
    for (const item of area.livello === 'fascia' ? dimensions : publication.items) {
      const motivo = withheld.get(surveyKeys.item(area, item)) ?? null;
      items[itemKey(item)] = motivo
        ? { answered: null, distribution: null, estimate: null, motivo }
        : summarize(survey, members, item, area.livello !== 'fascia');
    }
    const respondentsMotivo = withheld.get(surveyKeys.respondents(area)) ?? null;
    return {
      livello: area.livello,
      codice: area.codice,
      nome: area.nome,
      zona: zonaName.get(area.codice) ?? null,
      respondents: respondentsMotivo ? null : members.length,
      respondentsMotivo,
      items,
    };
  };
  const comparison = (area: SurveyArea, result: SurveyAreaResult): SurveyComparison => {
    const inside = new Set(membersOf(area));
    const outside = survey.respondents.filter((r) => !inside.has(r));
    const differences: SurveyComparison['differences'] = {};
    for (const item of dimensions) {
      const motivo = withheld.get(surveyKeys.difference(area, item)) ?? null;
      differences[itemKey(item)] = {
        motivo,
        difference: motivo
          ? null
          : welchDifference(personValues(survey, [...inside], item).values, personValues(survey, outside, item).values),
      };
    }
    return {
      livello: area.livello as 'zona' | 'fascia',
      codice: area.codice,
      nome: area.nome,
      respondents: result.respondents,
      differences,
    };
  };

  const zone = areas.zone.map(areaResult);
  const fasce = areas.fasce.map(areaResult);
  const motivi = [...withheld.values()];
  const result: Omit<SurveyResult, 'leaks'> = {
    anno,
    fonti: [...new Set([...rows, ...domande].map((r) => r.file))].sort(),
    threshold: options.threshold,
    dimensions: survey.dimensions,
    items: itemsInOrder(survey).map((entry) => ({ key: itemKey(entry.item), ...entry })),
    city: areaResult(areas.city),
    zone,
    quartieri: areas.quartieri.map(areaResult),
    fasce,
    zoneDifferences: areas.zone.map((area, i) => comparison(area, zone[i]!)),
    ageDifferences: areas.fasce.map((area, i) => comparison(area, fasce[i]!)),
    privacy: {
      primary: motivi.filter((m) => m === 'primaria').length,
      secondary: motivi.filter((m) => m === 'secondaria').length,
      protectedCounts: publication.counts.length,
      rounds,
    },
  };
  return { ...result, leaks: auditSurvey(result, publication, memo) };
}

/**
 * The audit of the tables as they are about to be published, read from the result (not from the decisions
 * that made it): every group whose respondents, item or difference is shown publishes that figure's
 * equations; no protected count may follow from them.
 */
function auditSurvey(result: Omit<SurveyResult, 'leaks'>, publication: ReturnType<typeof surveyPublication>, memo: AuditMemo): Leak[] {
  const shown = new Set<string>();
  const itemOf = new Map(result.items.map((entry) => [entry.key, entry.item]));
  for (const area of [result.city, ...result.zone, ...result.quartieri, ...result.fasce]) {
    if (area.respondents !== null) shown.add(surveyKeys.respondents(area));
    for (const [key, value] of Object.entries(area.items)) {
      const item = itemOf.get(key);
      if (item && (value.answered !== null || value.estimate !== null || value.distribution !== null))
        shown.add(surveyKeys.item(area, item));
    }
  }
  for (const comparison of [...result.zoneDifferences, ...result.ageDifferences]) {
    for (const [key, value] of Object.entries(comparison.differences)) {
      const item = itemOf.get(key);
      if (item && value.difference !== null) shown.add(surveyKeys.difference(comparison, item));
    }
  }
  const figures = publication.figures.map((f) => (shown.has(f.key) ? f : { ...f, equations: [] }));
  return findLeaks(figures, new Map(), publication.counts, memo);
}

/** Distribution and mean (95% t interval on respondent-level values) of a published item. */
function summarize(survey: Survey, members: Survey['respondents'], item: Item, withDistribution: boolean): SurveyItemResult {
  const { values, pooled } = personValues(survey, members, item);
  const counts = SCALE.map((s) => pooled.filter((a) => a === s).length);
  const distribution =
    withDistribution && pooled.length > 0 ? { answers: pooled.length, counts, shares: counts.map((c) => c / pooled.length) } : null;
  return { answered: values.length, distribution, estimate: meanInterval(values), motivo: null };
}
