import type { Territorio } from '../types.js';
import type { IndicatorDefinition } from './catalogue.js';
import { referencesOf } from './expression.js';
import type { AreaValue } from './indicators.js';
import { isCount } from './measures.js';

// Privacy by construction (Garante, Regole deontologiche 2019, art. 5): a count of people below the
// threshold is never published, and no withheld value may be recovered by subtraction from the totals
// that are shown. Zero is published: it points at nobody.

export type SuppressionReason = 'primaria' | 'secondaria';

export interface SuppressionSummary {
  threshold: number;
  primary: number;
  secondary: number;
  /** Where values were withheld: indicator, year and area names. */
  cells: { indicatore: string; anno: number; livello: string; nome: string; motivo: SuppressionReason }[];
}

export const MOTIVI: Record<SuppressionReason, string> = {
  primaria: 'conteggio inferiore alla soglia di riservatezza',
  secondaria: 'soppressione complementare: impedisce di ricavare un dato riservato per differenza',
};

/** True when a value's count (numerator or denominator) is above zero and below the threshold. */
export function isPrimarySensitive(value: AreaValue, def: IndicatorDefinition, threshold: number): boolean {
  const small = (n: number | null) => n !== null && n > 0 && n < threshold;
  const numCount = referencesOf(def.num).some(isCount);
  const denCount = referencesOf(def.den).some(isCount);
  return (numCount && small(value.numeratore)) || (denCount && small(value.denominatore));
}

/** The size used to pick complementary cells: the smallest counts first. */
function size(value: AreaValue): number {
  return value.numeratore ?? value.denominatore ?? 0;
}

/**
 * Withholds sensitive values in place (primary), then complementary ones (secondary) until, in every
 * published equation parent = Σ children (zona = its quartieri, città = its zone), no group has exactly
 * one withheld cell. Complements are the smallest published cells of the group, ties by code.
 */
export function suppress(
  values: AreaValue[],
  definitions: IndicatorDefinition[],
  territorio: Territorio,
  threshold: number,
): SuppressionSummary {
  const summary: SuppressionSummary = { threshold, primary: 0, secondary: 0, cells: [] };
  const defs = new Map(definitions.map((d) => [d.id, d]));
  const withhold = (value: AreaValue, motivo: SuppressionReason) => {
    value.soppresso = true;
    value.motivo = MOTIVI[motivo];
    value.valore = null;
    value.numeratore = null;
    value.denominatore = null;
    summary[motivo === 'primaria' ? 'primary' : 'secondary']++;
    summary.cells.push({ indicatore: value.indicatore, anno: value.anno, livello: value.livello, nome: value.nome, motivo });
  };

  const groups = new Map<string, AreaValue[]>();
  for (const value of values) {
    const key = `${value.indicatore}|${value.anno}`;
    groups.set(key, [...(groups.get(key) ?? []), value]);
  }
  for (const group of groups.values()) {
    const def = defs.get(group[0]!.indicatore);
    if (!def?.conteggio) continue;
    const sensitive = group.filter((v) => isPrimarySensitive(v, def, threshold));
    if (sensitive.length === 0) continue;
    // Sizes are read before any value is withheld, so complements can be chosen by them.
    const sizes = new Map(group.map((v) => [v, size(v)]));
    for (const value of sensitive) withhold(value, 'primaria');
    const byCode = new Map(group.map((v) => [`${v.livello}|${v.codice}`, v]));
    const equations: { parent: AreaValue; children: AreaValue[] }[] = [];
    const city = byCode.get('citta|citta');
    const zone = territorio.zone.map((z) => byCode.get(`zona|${z.codice}`)).filter((v): v is AreaValue => !!v);
    if (city) equations.push({ parent: city, children: zone });
    for (const zona of territorio.zone) {
      const parent = byCode.get(`zona|${zona.codice}`);
      const children = zona.quartieri.map((c) => byCode.get(`quartiere|${c}`)).filter((v): v is AreaValue => !!v);
      if (parent) equations.push({ parent, children });
    }
    let changed = true;
    while (changed) {
      changed = false;
      for (const { parent, children } of equations) {
        const cells = [parent, ...children];
        if (cells.filter((c) => c.soppresso).length !== 1) continue;
        const candidates = children
          .filter((c) => !c.soppresso)
          .sort((a, b) => sizes.get(a)! - sizes.get(b)! || a.codice.localeCompare(b.codice));
        withhold(candidates[0] ?? parent, 'secondaria');
        changed = true;
      }
    }
  }
  return summary;
}
