import { CANTIERI, type Cantiere, type Lang, type TypedRow } from '../types.js';
import type { IndicatorDefinition } from '../compute/catalogue.js';
import { referencesOf } from '../compute/expression.js';
import { sumByQuartiere } from '../compute/measures.js';
import { t } from '../i18n.js';
import { LABELS } from '../render/labels.js';
import { RESOURCE_INDICATORS } from '../render/view-accountability.js';

// Where a partner's rows end up: the indicators whose expressions sum at least one of them, and the
// report chapters that print those indicators.

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
  return definitions.filter((d) => [...referencesOf(d.num), ...referencesOf(d.den)]
    .some((ref) => ref.dataset === dataset && ref.yearOffset === 0 && sumByQuartiere(ref, rows).size > 0));
}

/** The report chapters that print an indicator, in report order. */
export function chaptersOf(definition: IndicatorDefinition, lang: Lang, commitmentIndicators: Set<string>): string[] {
  const chapters: string[] = [];
  if (definition.cantiere === 'demografia') chapters.push(t(lang, LABELS.laCitta));
  if (CANTIERI.includes(definition.cantiere as Cantiere)) chapters.push(t(lang, LABELS[definition.cantiere as Cantiere]));
  if (RESOURCE_INDICATORS.includes(definition.id)) chapters.push(t(lang, LABELS.risorse));
  if (commitmentIndicators.has(definition.id)) chapters.push(t(lang, LABELS.impegni));
  if (definition.servizio) chapters.push(t(lang, LABELS.iQuartieri));
  chapters.push(t(lang, LABELS.appendici));
  return chapters;
}

/** Reads indicatori.json content leniently: the rows it has, or null when it is not that file. */
export function parsePublished(text: string): PublishedValue[] | null {
  try {
    const rows = JSON.parse(text) as unknown;
    if (!Array.isArray(rows)) return null;
    return rows.filter((r): r is PublishedValue => typeof r === 'object' && r !== null && typeof (r as PublishedValue).indicatore === 'string');
  } catch {
    return null;
  }
}
