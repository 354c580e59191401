import type { ValidatedProject } from '../types.js';
import type { IndicatorDefinition } from './catalogue.js';
import { computeEquity, type Equity } from './equity.js';
import { addYearOverYear, computeYear, type AreaValue, type NotComputable } from './indicators.js';
import { auditPublication, protectPublication, publication, type SuppressionSummary } from './suppress.js';
import type { Pyramids } from './pyramids.js';
import { addLineage } from './lineage.js';
import { computeSurvey, type SurveyResult } from './survey/compute-survey.js';
import { publishableVoices, type PublishedVoice } from './voices.js';
import { computeResources, publishedResourceKeys, type ResourceTotal } from './resources.js';
import { computeCommitments, type CommitmentsResult } from './commitments.js';
import { computeContributions, type ContributionsResult } from './contributions.js';
import { defaultSummaryRules, type SummaryRules } from '../validate/summary-rules.js';
import { computeSummary, computeTrendlines } from './findings/summary.js';
import { computeAttention } from './findings/area-attention.js';
import { PublishedValues } from './findings/published.js';
import type { AreaAttention, Summary, Trendline } from './findings/types.js';
import type { TextFigures } from './text-figures.js';
import { computeFunding, type FundingYear } from './funding.js';
import type { ComputeMemo } from './compute-memo.js';
import { computePeople, type PeopleYear } from './people.js';

/** Everything compute hands to render and to the open-data outputs. */
export interface ComputeResult {
  anni: number[];
  definitions: IndicatorDefinition[];
  values: AreaValue[];
  notComputable: NotComputable[];
  equity: Equity[];
  privacy: SuppressionSummary;
  /** The age pyramids of the report year, with the cells the privacy authority withheld as null. */
  pyramids: Pyramids;
  /** The survey of each year that has one, with its privacy decisions. */
  survey: SurveyResult[];
  /** The voices that may be published, every year. */
  voices: PublishedVoice[];
  /** The report year (the configured one when it has data, else the last) and the year it is compared with. */
  anno: number;
  annoPrecedente: number | null;
  /** Spending, hours and volunteers of every year, summed over erogazioni, with their sources. */
  resources: ResourceTotal[];
  /** The project's money of every year with risorse: by source, cantiere and service, cost per user, change. */
  funding: FundingYear[];
  /** Operators and volunteers by organisation, every year with personale. */
  people: PeopleYear[];
  /** The commitments in the report year, with counts by state and mean progress. */
  commitments: CommitmentsResult;
  /** Who gave which data for the report year: the submissions grid (once per build), credits, completeness. */
  contributions: ContributionsResult;
  /** The Sintesi: key figures and findings by the declared rules (catalogo/sintesi.json), each with its lineage. */
  sintesi: Summary;
  /** Each quartiere's points of attention in the report year, by the same rules. */
  attenzione: AreaAttention[];
  /** Every indicator's city values and numerators up to the report year, with the trend: what changed, per chapter. */
  andamenti: Trendline[];
  /** The live figures of the project texts (testi/*.md), set by the pipeline once the texts are checked. */
  testi?: TextFigures;
}

/** Adds the lineage that a compute with `lineage: false` left out (the same as computing with it). */
export function addResultLineage(result: ComputeResult, project: Pick<ValidatedProject, 'dati' | 'territorio'>): void {
  addLineage(result.values, result.definitions, project.dati, project.territorio);
}

/** The report year (`anno` when the project has data for it, else its last year) and the year compared. */
export function reportYears(anni: number[], anno: number, annoConfronto: number | null): { anno: number; annoPrecedente: number | null } {
  const year = anni.includes(anno) ? anno : (anni[anni.length - 1] ?? anno);
  const previous = annoConfronto ?? year - 1;
  return { anno: year, annoPrecedente: anni.includes(previous) ? previous : null };
}

export interface ComputeOptions {
  cityName: string;
  /**
   * false: the values get no `fonti` (lineage): for a caller that writes no open data and explains
   * nothing (the live preview), or that adds it later with addResultLineage (a build, while Chromium prints).
   */
  lineage?: boolean;
  /** Parts kept from the last compute over the same rows (the live preview's); everything is computed without it. */
  memo?: ComputeMemo;
  /** The rules of the Sintesi and of the points of attention; bilancio's defaults when absent. */
  summaryRules?: SummaryRules;
  /** Smallest publishable count (soglia_riservatezza). */
  threshold: number;
  /** The report year, whose age pyramids are drawn; none when absent. */
  pyramidYear?: number | null;
  /** anno_confronto: the year the report compares with (default the year before). */
  comparisonYear?: number | null;
  /** scadenza_contributi, by year: when the partners' data were due. */
  deadlines?: Record<string, string>;
  /** soglia_risposte and soglia_popolazione_voci; without them no survey or voice is published. */
  participation?: {
    sogliaRisposte: number;
    sogliaPopolazioneVoci: number;
    /** The years whose survey is published (the report's); every year with a survey when absent. */
    anni?: number[];
  };
}

/**
 * Computes every indicator for every year and area, decides what privacy withholds and audits it, then
 * lineage, equity and change; and every other figure the report prints: survey, voices, resources,
 * commitments, contributions.
 */
export function computeIndicators(project: ValidatedProject, definitions: IndicatorDefinition[], options: ComputeOptions): ComputeResult {
  const values: AreaValue[] = [];
  const notComputable: NotComputable[] = [];
  for (const anno of project.anni) {
    const year = computeYear(anno, definitions, project.dati, project.territorio, options.cityName);
    values.push(...year.values);
    notComputable.push(...year.notComputable);
  }
  const pyramidYear =
    options.pyramidYear !== undefined && options.pyramidYear !== null && project.anni.includes(options.pyramidYear)
      ? options.pyramidYear
      : null;
  // One memo for the decision and the audit: a part the decision solved with the same equations is not solved again.
  const settings = {
    threshold: options.threshold,
    pyramidYear,
    cityName: options.cityName,
    memo: options.memo?.audit ?? new Set<string>(),
  };
  // The figures' forms are computed before anything is withheld, and serve both the decision and the audit.
  const figures = publication(values, definitions, project, settings);
  const { summary: privacy, pyramids, resources: withheldResources } = protectPublication(values, definitions, project, settings, figures);
  const resources = computeResources(project.dati, values, definitions, withheldResources);
  // The audit reads what is about to be published, as an attacker would: the build refuses a leak.
  privacy.leaks = auditPublication(
    values,
    definitions,
    project,
    { ...settings, pyramids, resources: publishedResourceKeys(resources) },
    figures,
  );
  // Lineage comes after suppression: a withheld value may name its files but not its rows.
  if (options.lineage !== false) addLineage(values, definitions, project.dati, project.territorio);
  addYearOverYear(values, definitions);
  const survey = options.participation
    ? (options.participation.anni ?? project.anni)
        .filter((anno) => project.anni.includes(anno))
        .flatMap((anno) => {
          const surveyOptions = { threshold: options.participation!.sogliaRisposte, cityName: options.cityName };
          return (options.memo ? options.memo.survey(project, anno, surveyOptions) : computeSurvey(project, anno, surveyOptions)) ?? [];
        })
    : [];
  // The survey's own audit joins the indicators' and pyramids': the build refuses any of them.
  for (const year of survey) privacy.leaks.push(...year.leaks);
  const years = reportYears(
    project.anni,
    options.pyramidYear ?? project.anni[project.anni.length - 1] ?? 0,
    options.comparisonYear ?? null,
  );
  const equity = computeEquity(values, definitions);
  const commitments = computeCommitments(project, years.anno, years.annoPrecedente);
  const rules = options.summaryRules ?? defaultSummaryRules();
  // One index of the published values for every finding (Sintesi, points of attention, trends).
  const published = new PublishedValues(values, definitions);
  const findingsInput = { published, definitions, territorio: project.territorio, anni: project.anni, ...years };
  return {
    anni: project.anni,
    definitions,
    values,
    notComputable,
    equity,
    privacy,
    pyramids,
    survey,
    voices: options.participation ? publishableVoices(project, options.participation.sogliaPopolazioneVoci) : [],
    ...years,
    resources,
    funding: computeFunding(project.dati, project.servizi, options.threshold),
    people: computePeople(project.dati),
    commitments,
    contributions: computeContributions(project, options.deadlines ?? {}, years.anno),
    sintesi: computeSummary(rules, { ...findingsInput, equity, commitments: commitments.impegni }),
    attenzione: computeAttention(rules.attenzione, findingsInput),
    andamenti: computeTrendlines(published, definitions, project.anni, years.anno, years.annoPrecedente),
  };
}
