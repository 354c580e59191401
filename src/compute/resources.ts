import type { DatasetRows, Servizio } from '../types.js';
import type { IndicatorDefinition } from './catalogue.js';
import { referencesOf, type Reference } from './expression.js';
import type { AreaValue } from './indicators.js';
import type { Fonte } from './lineage.js';
import { isCount } from './measures.js';
import type { BaseCounts } from './privacy/base-counts.js';
import type { Figure, WithholdReason } from './privacy/protect.js';
import { formatRowRanges } from './row-ranges.js';
import { MOTIVI } from './suppress-reasons.js';

// The resources the project's services used in a year: spending, hours and volunteers summed over every
// row of erogazioni (the Comune's and the partners'), with the files and rows they come from.

/** The indicators of the resources chapter (also named in partners' receipts). */
export const RESOURCE_INDICATORS = ['spesa_pro_capite', 'ore_per_100', 'volontari_per_1000'];

/** The measures of erogazioni that the resources chapter sums for the whole city. */
export const RESOURCE_MEASURES = ['spesa_euro', 'ore', 'volontari'] as const;
export type ResourceMeasure = (typeof RESOURCE_MEASURES)[number];

/** One measure summed over a year's erogazioni rows, for the whole city. */
export interface ResourceTotal {
  anno: number;
  misura: ResourceMeasure;
  /** The sum over the rows; null when the privacy authority withholds it (volunteers are persons). */
  valore: number | null;
  soppresso: boolean;
  motivo: string | null;
  /** The files and rows summed; files only when a figure of erogazioni that year (or a total) is withheld for privacy. */
  fonti: Fonte[];
}

const measureRef = (misura: ResourceMeasure): Reference => ({
  kind: 'ref',
  dataset: 'erogazioni',
  yearOffset: 0,
  conditions: [],
  measure: misura,
  position: 0,
});
const resourceKey = (anno: number, misura: string) => `res|${anno}|${misura}`;

/** Declares the totals' references, before the base counts are split. */
export function declareResources(base: BaseCounts, anni: number[]): void {
  for (const anno of anni) for (const misura of RESOURCE_MEASURES) base.declare(measureRef(misura), anno);
}

/**
 * The totals as figures of the privacy authority: the whole city's sum of a measure. Volunteers are
 * persons, so their total is protected like any count, and it cannot give away a withheld figure.
 */
export function resourceFigures(anni: number[], base: BaseCounts, servizi: readonly Servizio[], threshold: number): Figure[] {
  return anni.flatMap((anno) =>
    RESOURCE_MEASURES.map((misura): Figure => {
      const ref = measureRef(misura);
      const form = base.form(ref, anno, null);
      return {
        key: resourceKey(anno, misura),
        label: `risorse ${anno}, ${misura} (totale della città)`,
        level: 2,
        equations: form.size === 0 ? [] : [{ part: misura, form, value: base.valueOf(form), persons: isCount(ref, servizi), threshold }],
        groups: [],
      };
    }),
  );
}

/** The keys of the figures of `resources` that are published (for the audit). */
export function publishedResourceKeys(resources: ResourceTotal[]): Set<string> {
  return new Set(resources.filter((r) => r.valore !== null).map((r) => resourceKey(r.anno, r.misura)));
}

/** The resource totals of every year with erogazioni; `withheld` is the privacy authority's decision. */
export function computeResources(
  dati: Map<number, DatasetRows>,
  values: AreaValue[],
  definitions: IndicatorDefinition[],
  withheld: ReadonlyMap<string, WithholdReason> = new Map(),
): ResourceTotal[] {
  const fromErogazioni = new Set(
    definitions.filter((d) => [...referencesOf(d.num), ...referencesOf(d.den)].some((r) => r.dataset === 'erogazioni')).map((d) => d.id),
  );
  const totals: ResourceTotal[] = [];
  for (const [anno, datasets] of [...dati].sort(([a], [b]) => a - b)) {
    const rows = datasets.get('erogazioni');
    if (!rows) continue;
    // A withheld service figure: the rows of all services minus those of the published ones would isolate its rows.
    const anyWithheld =
      values.some((v) => v.anno === anno && v.soppresso && fromErogazioni.has(v.indicatore)) ||
      RESOURCE_MEASURES.some((m) => withheld.has(resourceKey(anno, m)));
    for (const misura of RESOURCE_MEASURES) {
      const motivo = withheld.get(resourceKey(anno, misura)) ?? null;
      let sum = 0;
      const byFile = new Map<string, number[]>();
      for (const row of rows) {
        const value = row.values[misura];
        if (typeof value !== 'number') continue;
        sum += value;
        const list = byFile.get(row.file) ?? [];
        list.push(row.row);
        byFile.set(row.file, list);
      }
      const fonti = [...byFile]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([file, list]) => (anyWithheld ? { file } : { file, righe: formatRowRanges(list) }));
      totals.push({
        anno,
        misura,
        fonti,
        // 15 significant digits drop the binary noise of summing decimals (0.1 + 0.2), nothing else.
        valore: motivo ? null : Number(sum.toPrecision(15)),
        soppresso: motivo !== null,
        motivo: motivo ? MOTIVI[motivo] : null,
      });
    }
  }
  return totals;
}
