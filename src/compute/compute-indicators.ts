import type { ValidatedProject } from '../types.js';
import type { IndicatorDefinition } from './catalogue.js';
import { computeEquity, type Equity } from './equity.js';
import { addYearOverYear, computeYear, type AreaValue, type NotComputable } from './indicators.js';
import { suppress, type SuppressionSummary } from './suppress.js';
import { addLineage } from '../provenance/lineage.js';
import { computeSurvey, type SurveyResult } from './survey/compute-survey.js';
import { publishableVoices, type PublishedVoice } from './voices.js';

/** Everything compute hands to render and to the open-data outputs. */
export interface ComputeResult {
  anni: number[];
  definitions: IndicatorDefinition[];
  values: AreaValue[];
  notComputable: NotComputable[];
  equity: Equity[];
  privacy: SuppressionSummary;
  /** The survey of each year that has one, with its privacy decisions. */
  survey: SurveyResult[];
  /** The voices that may be published, every year. */
  voices: PublishedVoice[];
}

export interface ComputeOptions {
  cityName: string;
  /** Smallest publishable count (soglia_riservatezza). */
  threshold: number;
  /** soglia_risposte and soglia_popolazione_voci; without them no survey or voice is published. */
  participation?: { sogliaRisposte: number; sogliaPopolazioneVoci: number };
}

/** Computes every indicator for every year and area, withholds small counts, then lineage, equity and change. */
export function computeIndicators(
  project: ValidatedProject,
  definitions: IndicatorDefinition[],
  options: ComputeOptions,
): ComputeResult {
  const values: AreaValue[] = [];
  const notComputable: NotComputable[] = [];
  for (const anno of project.anni) {
    const year = computeYear(anno, definitions, project.dati, project.territorio, options.cityName);
    values.push(...year.values);
    notComputable.push(...year.notComputable);
  }
  const privacy = suppress(values, definitions, project, options.threshold);
  // Lineage comes after suppression: a withheld value may name its files but not its rows.
  addLineage(values, definitions, project.dati, project.territorio);
  addYearOverYear(values, definitions);
  return {
    anni: project.anni,
    definitions,
    values,
    notComputable,
    equity: computeEquity(values, definitions),
    privacy,
    survey: options.participation
      ? project.anni.flatMap((anno) => computeSurvey(project, anno, { threshold: options.participation!.sogliaRisposte, cityName: options.cityName }) ?? [])
      : [],
    voices: options.participation ? publishableVoices(project, options.participation.sogliaPopolazioneVoci) : [],
  };
}
