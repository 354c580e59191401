import type { ValidatedProject } from '../types.js';
import type { IndicatorDefinition } from './catalogue.js';
import type { AreaValue } from './indicators.js';
import { BaseCounts } from './privacy/base-counts.js';
import { declareReferences, indicatorFigures, referenceCounts, valueKey } from './privacy/indicator-figures.js';
import {
  findLeaks,
  primaryCounts,
  protectFigures,
  type AuditMemo,
  type Figure,
  type Leak,
  type ProtectedCount,
  type WithholdReason,
} from './privacy/protect.js';
import { declarePyramids, publishedPyramids, pyramidFigures, type Pyramids } from './pyramids.js';
import { declareResources, resourceFigures } from './resources.js';
import { MOTIVI } from './suppress-reasons.js';

// Privacy by construction (Garante, Regole deontologiche 2019, art. 5): a count of people below the
// threshold is never published, and no withheld value may be recovered by subtraction from whatever else
// is shown: the totals of zone and city, the other indicators that share its counts, the rows whose
// quartiere is not known (ND), the age pyramids. Zero is published: it points at nobody. The decisions are
// made by the privacy authority (privacy/protect.ts) over the base counts every figure is made of.

export type SuppressionReason = WithholdReason;

export interface SuppressionSummary {
  threshold: number;
  primary: number;
  secondary: number;
  /** Where indicator values were withheld: indicator, year and area names. */
  cells: { indicatore: string; anno: number; livello: string; nome: string; motivo: SuppressionReason }[];
  /** Pyramid cells withheld. */
  pyramidCells: number;
  /** What the audit checked: protected counts, published equations, rounds of complements. */
  audit: { protectedCounts: number; publishedEquations: number; rounds: number };
  /** Protected counts that the publication determines (the build refuses to publish when there is one). */
  leaks: Leak[];
}

export { MOTIVI } from './suppress-reasons.js';

export type PrivacyInputs = Pick<ValidatedProject, 'dati' | 'territorio' | 'servizi' | 'anni'>;

export interface PublicationOptions {
  threshold: number;
  /** The year whose age pyramids the report draws; none when null. */
  pyramidYear?: number | null;
  cityName?: string;
  /** false only in tests that show what the audit finds without the audit-driven complements. */
  audit?: boolean;
  /** Shared by the decision and the audit of the same publication: parts solved once are not solved again. */
  memo?: AuditMemo;
}

/** The figures of a publication (indicator values and pyramids) over their base counts, and the protected counts. */
export interface Publication {
  figures: Figure[];
  counts: ProtectedCount[];
}

/** The base counts, figures and protected counts of a publication: indicator values, pyramids, resource totals. */
export function publication(
  values: AreaValue[],
  definitions: IndicatorDefinition[],
  project: PrivacyInputs,
  options: PublicationOptions,
): Publication {
  const anni = [...new Set(values.map((v) => v.anno))].sort((a, b) => a - b);
  const base = new BaseCounts(project.dati, project.servizi);
  declareReferences(base, definitions, anni);
  const pyramidYear = options.pyramidYear ?? null;
  if (pyramidYear !== null) declarePyramids(base, pyramidYear);
  const resourceYears = anni.filter((anno) => project.dati.get(anno)?.has('erogazioni'));
  declareResources(base, resourceYears);
  const figures: Figure[] = indicatorFigures(values, definitions, project.territorio, base, options.threshold);
  if (pyramidYear !== null)
    figures.push(...pyramidFigures(project.territorio, pyramidYear, base, options.threshold, options.cityName ?? ''));
  figures.push(...resourceFigures(resourceYears, base, project.servizi, options.threshold));
  const counts = [...primaryCounts(figures), ...referenceCounts(definitions, anni, project.territorio, base, options.threshold)];
  return { figures, counts };
}

/** Withholds values in place and decides the pyramids: small counts, then complements until the audit finds no leak. */
export function protectPublication(
  values: AreaValue[],
  definitions: IndicatorDefinition[],
  project: PrivacyInputs,
  options: PublicationOptions,
  made: Publication = publication(values, definitions, project, options),
): { summary: SuppressionSummary; pyramids: Pyramids; resources: Map<string, WithholdReason> } {
  const { figures, counts } = made;
  const { withheld, rounds } = protectFigures(figures, counts, { audit: options.audit, memo: options.memo });
  const summary: SuppressionSummary = {
    threshold: options.threshold,
    primary: 0,
    secondary: 0,
    cells: [],
    pyramidCells: 0,
    leaks: [],
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
  const pyramidYear = options.pyramidYear ?? null;
  const hasPopulation = pyramidYear !== null && (project.dati.get(pyramidYear)?.get('popolazione')?.length ?? 0) > 0;
  const pyramids = publishedPyramids(project.territorio, pyramidYear ?? 0, figures, withheld, options.cityName ?? '', hasPopulation);
  summary.pyramidCells = [...withheld.keys()].filter((k) => k.startsWith('pyr|')).length;
  summary.audit.publishedEquations = figures.filter((f) => !withheld.has(f.key)).reduce((n, f) => n + f.equations.length, 0);
  const resources = new Map([...withheld].filter(([key]) => key.startsWith('res|')));
  return { summary, pyramids, resources };
}

/** Withholds indicator values in place (no pyramids): the authority for a catalogue alone. */
export function suppress(
  values: AreaValue[],
  definitions: IndicatorDefinition[],
  project: PrivacyInputs,
  threshold: number,
  options: { audit?: boolean } = {},
): SuppressionSummary {
  return protectPublication(values, definitions, project, { threshold, audit: options.audit }).summary;
}

/**
 * The audit of what is published, independent of how it was decided: every numerator and denominator
 * that indicatori.csv shows and every pyramid cell drawn, as equations over the base counts, against every
 * protected count. An empty list means no protected count can be worked out from the publication.
 */
export function auditPublication(
  values: AreaValue[],
  definitions: IndicatorDefinition[],
  project: PrivacyInputs,
  options: PublicationOptions & { pyramids?: Pyramids; resources?: Set<string> },
  made: Publication = publication(values, definitions, project, options),
): Leak[] {
  const { figures, counts } = made;
  const published = new Map(values.map((v) => [valueKey(v), v]));
  const drawn = new Set<string>();
  for (const pyramid of [options.pyramids?.citta ?? null, ...(options.pyramids?.quartieri.values() ?? [])]) {
    if (!pyramid) continue;
    for (const name of ['male', 'female', 'maleForeign', 'femaleForeign'] as const) {
      pyramid[name]?.forEach((n, i) => {
        if (n !== null) drawn.add(`pyr|${pyramid.anno}|${pyramid.area}|${name}|${pyramid.bands[i]}`);
      });
    }
  }
  // A figure shows its equations only where the publication has its numbers.
  const shown = figures.map((f) => {
    if (f.key.startsWith('pyr|')) return drawn.has(f.key) ? f : { ...f, equations: [] };
    // The resource totals the report prints (publishedResourceKeys); none when not given.
    if (f.key.startsWith('res|')) return options.resources?.has(f.key) ? f : { ...f, equations: [] };
    const value = published.get(f.key)!;
    return { ...f, equations: f.equations.filter((e) => (e.part === 'numeratore' ? value.numeratore : value.denominatore) !== null) };
  });
  return findLeaks(shown, new Map(), counts, options.memo);
}

/** The audit of indicator values alone. */
export function auditIndicators(
  values: AreaValue[],
  definitions: IndicatorDefinition[],
  project: PrivacyInputs,
  threshold: number,
): Leak[] {
  return auditPublication(values, definitions, project, { threshold });
}
