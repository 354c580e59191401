import type { DatasetRows, Servizio, TypedRow } from '../types.js';
import type { Condition, Reference } from './expression.js';

/** What a dataset exposes to indicator expressions. */
export interface MeasureSource {
  /** Fields that conditions may filter on. */
  dimensions: string[];
  /** Numeric fields that may be summed; the first is the default. */
  measures: string[];
  /** Dimensions that may be summed weighted by the default measure (popolazione.eta = Σ eta × residenti). */
  weighted: string[];
  /** Short names people write in expressions. */
  aliases: Record<string, string>;
  /** Measures that count people or households: small values of these are withheld for privacy. */
  counts: string[];
}

/** The datasets the engine exposes, keyed by dataset name. */
export const MEASURE_SOURCES: Record<string, MeasureSource> = {
  popolazione: {
    dimensions: ['sesso', 'eta', 'cittadinanza'],
    measures: ['residenti'],
    weighted: ['eta'],
    aliases: {},
    counts: ['residenti'],
  },
  famiglie: {
    dimensions: [],
    measures: ['famiglie', 'famiglie_unipersonali', 'anziani_soli_75'],
    weighted: [],
    aliases: {},
    counts: ['famiglie', 'famiglie_unipersonali', 'anziani_soli_75'],
  },
  movimento: {
    dimensions: [],
    measures: ['nati', 'nati_stranieri', 'morti', 'iscritti', 'cancellati'],
    weighted: [],
    aliases: {},
    counts: ['nati', 'nati_stranieri', 'morti', 'iscritti', 'cancellati'],
  },
  erogazioni: {
    dimensions: ['codice_servizio', 'codice_ente'],
    measures: ['utenti', 'posti', 'ore', 'volontari', 'spesa_euro', 'domande', 'lista_attesa', 'nuovi_utenti', 'utenti_neet'],
    weighted: [],
    aliases: { servizio: 'codice_servizio', ente: 'codice_ente' },
    counts: ['utenti', 'volontari', 'domande', 'lista_attesa', 'nuovi_utenti', 'utenti_neet'],
  },
};

/** The measure a reference sums (its own, or the dataset's default). */
export function measureOf(ref: Reference): string {
  return ref.measure ?? MEASURE_SOURCES[ref.dataset]?.measures[0] ?? '';
}

/**
 * True when a reference sums people or households (privacy applies to it): its measure counts people,
 * or it sums a unit that some service declares to stand for persons (erogazioni[servizio=NIDO].posti).
 */
export function isCount(ref: Reference, servizi: readonly Servizio[] = []): boolean {
  const source = MEASURE_SOURCES[ref.dataset];
  if (!source) return false;
  const measure = measureOf(ref);
  if (source.counts.includes(measure)) return true;
  return servizi.some((s) => isPersonsMeasure(ref.dataset, measure, s));
}

/**
 * True when a measure of a dataset counts people, and so is protected below the privacy threshold:
 * residents, households, users, volunteers; and a service's own unit (places of a nido or a day centre)
 * when the service declares that its units stand for persons.
 */
export function isPersonsMeasure(dataset: string, measure: string, servizio: Servizio | undefined): boolean {
  if (MEASURE_SOURCES[dataset]?.counts.includes(measure)) return true;
  return dataset === 'erogazioni' && servizio !== undefined && servizio.unitaPersone && servizio.unita === measure;
}

/** True when a row's values meet a condition on `field` (the condition's field with aliases resolved). */
export function conditionHolds(values: TypedRow['values'], condition: Condition, field: string): boolean {
  const actual = values[field];
  if (actual === null || actual === undefined) return false;
  const expected = condition.value;
  if (typeof actual === 'number' && typeof expected === 'number') {
    switch (condition.op) {
      case '=':
        return actual === expected;
      case '!=':
        return actual !== expected;
      case '>=':
        return actual >= expected;
      case '<=':
        return actual <= expected;
      case '>':
        return actual > expected;
      case '<':
        return actual < expected;
    }
  }
  const a = String(actual);
  const b = String(expected);
  return condition.op === '=' ? a === b : condition.op === '!=' ? a !== b : false;
}

/** Calls `visit` with each row a reference sums, its contribution and its quartiere code. */
export function forEachMatch(
  ref: Reference,
  rows: TypedRow[],
  visit: (row: TypedRow, contribution: number, quartiere: string) => void,
): void {
  const source = MEASURE_SOURCES[ref.dataset]!;
  const conditions = ref.conditions.map((c) => ({ condition: c, field: source.aliases[c.field] ?? c.field }));
  const weighted = ref.measure !== undefined && source.weighted.includes(ref.measure);
  const measure = weighted ? source.measures[0]! : measureOf(ref);
  for (const row of rows) {
    const { values } = row;
    if (!conditions.every(({ condition, field }) => conditionHolds(values, condition, field))) continue;
    const amount = values[measure];
    if (typeof amount !== 'number') continue;
    visit(row, weighted ? amount * (values[ref.measure!] as number) : amount, values.codice_quartiere as string);
  }
}

/** Sums a reference per quartiere code (ND included) over one year's rows of its dataset. */
export function sumByQuartiere(ref: Reference, rows: TypedRow[]): Map<string, number> {
  const totals = new Map<string, number>();
  forEachMatch(ref, rows, (_row, contribution, code) => totals.set(code, (totals.get(code) ?? 0) + contribution));
  return totals;
}

/** The rows a year offers a reference, or null when that year or dataset is absent. */
export function rowsFor(ref: Reference, anno: number, dati: Map<number, DatasetRows>): TypedRow[] | null {
  const rows = dati.get(anno + ref.yearOffset)?.get(ref.dataset);
  return rows && rows.length > 0 ? rows : null;
}
