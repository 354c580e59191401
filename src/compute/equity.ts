import type { IndicatorDefinition } from './catalogue.js';
import type { AreaValue } from './indicators.js';

export interface Extreme {
  codice: string;
  nome: string;
  valore: number;
}

/** How evenly an indicator is spread across the quartieri in one year. */
export interface Equity {
  indicatore: string;
  anno: number;
  /** Quartieri with a published value. */
  quartieri: number;
  min: Extreme | null;
  max: Extreme | null;
  /** max / min, when min > 0. */
  rapportoMaxMin: number | null;
  /** Standard deviation / mean of the quartiere values (population standard deviation). */
  coefficienteVariazione: number | null;
  /** The first target, and the quartieri below it (above it when lower is better). */
  obiettivo: number | null;
  sottoObiettivo: Extreme[];
  /**
   * Index of dissimilarity between the numerator and the denominator across quartieri:
   * ½ Σ |nᵢ/N − dᵢ/D|. For a service, 0 means users live exactly where the target population lives;
   * 0.2 means a fifth of users would have to come from other quartieri to match need.
   */
  dissimilarita: number | null;
}

/** Equity across quartieri for every indicator and year. Suppressed values take no part. */
export function computeEquity(values: AreaValue[], definitions: IndicatorDefinition[]): Equity[] {
  const groups = new Map<string, AreaValue[]>();
  for (const value of values) {
    if (value.livello !== 'quartiere') continue;
    const key = `${value.indicatore}|${value.anno}`;
    groups.set(key, [...(groups.get(key) ?? []), value]);
  }
  const result: Equity[] = [];
  for (const def of definitions) {
    for (const [key, group] of groups) {
      const [id, anno] = key.split('|') as [string, string];
      if (id !== def.id) continue;
      const published = group.filter((v): v is AreaValue & { valore: number } => v.valore !== null && !v.soppresso);
      const sorted = [...published].sort((a, b) => a.valore - b.valore || a.nome.localeCompare(b.nome));
      const extreme = (v: (typeof sorted)[number] | undefined): Extreme | null =>
        v ? { codice: v.codice, nome: v.nome, valore: v.valore } : null;
      const min = sorted[0];
      const max = sorted[sorted.length - 1];
      const mean = published.reduce((s, v) => s + v.valore, 0) / (published.length || 1);
      const variance = published.reduce((s, v) => s + (v.valore - mean) ** 2, 0) / (published.length || 1);
      const target = def.obiettivi[0]?.valore ?? null;
      const below = target === null ? [] : sorted.filter((v) => (def.polarita === 'basso_meglio' ? v.valore > target : v.valore < target));
      result.push({
        indicatore: def.id,
        anno: Number(anno),
        quartieri: published.length,
        min: extreme(min),
        max: extreme(max),
        rapportoMaxMin: min && max && min.valore > 0 ? max.valore / min.valore : null,
        coefficienteVariazione: published.length > 1 && mean !== 0 ? Math.sqrt(variance) / mean : null,
        obiettivo: target,
        sottoObiettivo: below.map((v) => ({ codice: v.codice, nome: v.nome, valore: v.valore })),
        dissimilarita: def.cantiere === 'demografia' ? null : dissimilarity(group),
      });
    }
  }
  return result;
}

/** ½ Σ |nᵢ/N − dᵢ/D| over quartieri with known numerator and denominator. */
export function dissimilarity(group: AreaValue[]): number | null {
  const known = group.filter((v) => v.numeratore !== null && v.denominatore !== null && !v.soppresso);
  const n = known.reduce((s, v) => s + v.numeratore!, 0);
  const d = known.reduce((s, v) => s + v.denominatore!, 0);
  if (n <= 0 || d <= 0) return null;
  return known.reduce((s, v) => s + Math.abs(v.numeratore! / n - v.denominatore! / d), 0) / 2;
}
