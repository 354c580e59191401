import type { TypedRow } from '../types.js';
import type { IndicatorDefinition } from '../compute/catalogue.js';
import { referencesOf } from '../compute/expression.js';
import { sumByQuartiere } from '../compute/measures.js';

// Where a partner's rows end up: the indicators whose expressions sum at least one of them (the
// chapters that print them are named by render/receipt-page.ts).

/** A published figure as indicatori.json holds it (the fields the receipt needs). */
export interface PublishedValue {
  anno: number;
  livello: string;
  codice: string;
  indicatore: string;
  valore: number | null;
  soppresso: boolean;
}

/** The indicators of year `anno` whose numerator or denominator sums at least one of `rows`. */
export function indicatorsUsingRows(definitions: IndicatorDefinition[], rows: TypedRow[], dataset: string): IndicatorDefinition[] {
  if (rows.length === 0) return [];
  return definitions.filter((d) =>
    [...referencesOf(d.num), ...referencesOf(d.den)].some(
      (ref) => ref.dataset === dataset && ref.yearOffset === 0 && sumByQuartiere(ref, rows).size > 0,
    ),
  );
}

/** Reads indicatori.json content leniently: the rows it has, or null when it is not that file. */
export function parsePublished(text: string): PublishedValue[] | null {
  try {
    const rows = JSON.parse(text) as unknown;
    if (!Array.isArray(rows)) return null;
    return rows.filter(
      (r): r is PublishedValue => typeof r === 'object' && r !== null && typeof (r as PublishedValue).indicatore === 'string',
    );
  } catch {
    return null;
  }
}
