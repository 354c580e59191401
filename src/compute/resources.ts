import type { DatasetRows } from '../types.js';
import type { IndicatorDefinition } from './catalogue.js';
import { referencesOf } from './expression.js';
import type { AreaValue } from './indicators.js';
import type { Fonte } from './lineage.js';
import { formatRowRanges } from './row-ranges.js';

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
  /** The sum over the rows. */
  valore: number;
  /** The files and rows summed; files only when a figure of erogazioni that year is withheld for privacy. */
  fonti: Fonte[];
}

/** The resource totals of every year with erogazioni. */
export function computeResources(
  dati: Map<number, DatasetRows>,
  values: AreaValue[],
  definitions: IndicatorDefinition[],
): ResourceTotal[] {
  const fromErogazioni = new Set(definitions
    .filter((d) => [...referencesOf(d.num), ...referencesOf(d.den)].some((r) => r.dataset === 'erogazioni'))
    .map((d) => d.id));
  const totals: ResourceTotal[] = [];
  for (const [anno, datasets] of [...dati].sort(([a], [b]) => a - b)) {
    const rows = datasets.get('erogazioni');
    if (!rows) continue;
    // A withheld service figure: the rows of all services minus those of the published ones would isolate its rows.
    const withRows = !values.some((v) => v.anno === anno && v.soppresso && fromErogazioni.has(v.indicatore));
    for (const misura of RESOURCE_MEASURES) {
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
      const fonti = [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([file, list]) => (withRows ? { file, righe: formatRowRanges(list) } : { file }));
      // 15 significant digits drop the binary noise of summing decimals (0.1 + 0.2), nothing else.
      totals.push({ anno, misura, valore: Number(sum.toPrecision(15)), fonti });
    }
  }
  return totals;
}
