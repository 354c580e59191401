import type { IndicatorDefinition } from '../catalogue.js';
import type { AreaValue, Livello } from '../indicators.js';
import type { FigureRef, Trend, YearValue, ZoneRank } from './types.js';

// The published values as the findings read them: by indicator, level, area and year, never a withheld one.

export type PublishedValue = AreaValue & { valore: number };

export class PublishedValues {
  private readonly byKey = new Map<string, PublishedValue>();
  readonly definitions: Map<string, IndicatorDefinition>;

  constructor(values: AreaValue[], definitions: IndicatorDefinition[]) {
    for (const v of values)
      if (!v.soppresso && v.valore !== null)
        this.byKey.set(PublishedValues.key(v.indicatore, v.livello, v.codice, v.anno), v as PublishedValue);
    this.definitions = new Map(definitions.map((d) => [d.id, d]));
  }

  private static key(indicatore: string, livello: Livello, codice: string, anno: number): string {
    return `${indicatore}|${livello}|${codice}|${anno}`;
  }

  get(indicatore: string, livello: Livello, codice: string, anno: number): PublishedValue | undefined {
    return this.byKey.get(PublishedValues.key(indicatore, livello, codice, anno));
  }

  city(indicatore: string, anno: number): PublishedValue | undefined {
    return this.get(indicatore, 'citta', 'citta', anno);
  }

  /** The city's published values over the years given, in order. */
  citySeries(indicatore: string, anni: number[]): YearValue[] {
    return anni.flatMap((anno) => {
      const v = this.city(indicatore, anno);
      return v ? [{ anno, valore: v.valore }] : [];
    });
  }
}

export const ref = (v: Pick<AreaValue, 'indicatore' | 'livello' | 'codice' | 'anno'>): FigureRef => ({
  indicatore: v.indicatore,
  livello: v.livello,
  codice: v.codice,
  anno: v.anno,
});

/** True when `a` is better than `b` for an indicator of this polarity (higher, unless lower is better). */
export function better(def: Pick<IndicatorDefinition, 'polarita'>, a: number, b: number): boolean {
  return def.polarita === 'basso_meglio' ? a < b : a > b;
}

/** How far `value` falls short of `reference`, as a fraction of it (0 when it does not fall short). */
export function shortfall(def: Pick<IndicatorDefinition, 'polarita'>, value: number, reference: number): number {
  if (reference === 0) return 0;
  const gap = def.polarita === 'basso_meglio' ? (value - reference) / Math.abs(reference) : (reference - value) / Math.abs(reference);
  return Math.max(0, gap);
}

/** The change from `before` to `after` as a percentage of `before` (null when `before` is zero). */
export function percentChange(before: number, after: number): number | null {
  return before === 0 ? null : ((after - before) / Math.abs(before)) * 100;
}

/** Rising or falling at every step (ties allowed, but not all), or neither; null with fewer than three years. */
export function trendOf(series: YearValue[]): Trend | null {
  if (series.length < 3) return null;
  const steps = series.slice(1).map((v, i) => v.valore - series[i]!.valore);
  if (steps.every((s) => s >= 0) && steps.some((s) => s > 0)) return 'in_crescita';
  if (steps.every((s) => s <= 0) && steps.some((s) => s < 0)) return 'in_calo';
  return 'altalenante';
}

/** The position of one area's value among published values of a group (1 = best by polarity; ties share). */
export function rankAmong(def: Pick<IndicatorDefinition, 'polarita'>, value: number, group: number[]): ZoneRank {
  return { posizione: 1 + group.filter((other) => better(def, other, value)).length, su: group.length };
}
