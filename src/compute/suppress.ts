import type { ValidatedProject } from '../types.js';
import type { IndicatorDefinition } from './catalogue.js';
import type { AreaValue } from './indicators.js';
import { BaseCounts } from './privacy/base-counts.js';
import { declareReferences, indicatorFigures, referenceCounts, valueKey } from './privacy/indicator-figures.js';
import { findLeaks, primaryCounts, protectFigures, type Leak, type WithholdReason } from './privacy/protect.js';

// Privacy by construction (Garante, Regole deontologiche 2019, art. 5): a count of people below the
// threshold is never published, and no withheld value may be recovered by subtraction from whatever else
// is shown: the totals of zone and city, the other indicators that share its counts, the rows whose
// quartiere is not known (ND). Zero is published: it points at nobody. The decisions are made by the
// privacy authority (privacy/protect.ts) over the base counts every figure is made of.

export type SuppressionReason = WithholdReason;

export interface SuppressionSummary {
  threshold: number;
  primary: number;
  secondary: number;
  /** Where values were withheld: indicator, year and area names. */
  cells: { indicatore: string; anno: number; livello: string; nome: string; motivo: SuppressionReason }[];
  /** Protected counts the audit checked against everything published, and the audit's rounds. */
  audit: { protectedCounts: number; publishedEquations: number; rounds: number };
}

export const MOTIVI: Record<SuppressionReason, string> = {
  primaria: 'conteggio inferiore alla soglia di riservatezza',
  secondaria: 'soppressione complementare: impedisce di ricavare un dato riservato per differenza',
};

type Inputs = Pick<ValidatedProject, 'dati' | 'territorio' | 'servizi' | 'anni'>;

/** The base counts, figures and protected counts of a set of indicator values. */
function indicatorPublication(values: AreaValue[], definitions: IndicatorDefinition[], project: Inputs, threshold: number) {
  const anni = [...new Set(values.map((v) => v.anno))].sort((a, b) => a - b);
  const base = new BaseCounts(project.dati, project.servizi);
  declareReferences(base, definitions, anni);
  const figures = indicatorFigures(values, definitions, project.territorio, base, threshold);
  const counts = [...primaryCounts(figures), ...referenceCounts(definitions, anni, project.territorio, base, threshold)];
  return { figures, counts };
}

/** Withholds values in place: small counts (primary), then complements (secondary) until the audit finds no leak. */
export function suppress(
  values: AreaValue[],
  definitions: IndicatorDefinition[],
  project: Inputs,
  threshold: number,
  options: { audit?: boolean } = {},
): SuppressionSummary {
  const { figures, counts } = indicatorPublication(values, definitions, project, threshold);
  const { withheld, rounds } = protectFigures(figures, counts, options);
  const summary: SuppressionSummary = {
    threshold, primary: 0, secondary: 0, cells: [],
    audit: { protectedCounts: counts.length, publishedEquations: 0, rounds },
  };
  for (const value of values) {
    const motivo = withheld.get(valueKey(value));
    if (!motivo) continue;
    value.soppresso = true;
    value.motivo = MOTIVI[motivo];
    value.valore = null;
    value.numeratore = null;
    value.denominatore = null;
    summary[motivo === 'primaria' ? 'primary' : 'secondary']++;
    summary.cells.push({ indicatore: value.indicatore, anno: value.anno, livello: value.livello, nome: value.nome, motivo });
  }
  summary.audit.publishedEquations = figures.filter((f) => !withheld.has(f.key)).reduce((n, f) => n + f.equations.length, 0);
  return summary;
}

/**
 * The audit of what is published, independent of how it was decided: every numerator and denominator
 * that indicatori.csv shows, as equations over the base counts, against every protected count. An empty
 * list means no protected count can be worked out from the publication.
 */
export function auditIndicators(values: AreaValue[], definitions: IndicatorDefinition[], project: Inputs, threshold: number): Leak[] {
  const { figures, counts } = indicatorPublication(values, definitions, project, threshold);
  const published = new Map(values.map((v) => [valueKey(v), v]));
  // A figure shows its equations only where indicatori.csv has its numbers.
  const shown = figures.map((f) => {
    const value = published.get(f.key)!;
    return { ...f, equations: f.equations.filter((e) => (e.part === 'numeratore' ? value.numeratore : value.denominatore) !== null) };
  });
  return findLeaks(shown, new Map(), counts);
}
