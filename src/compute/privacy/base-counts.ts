import type { DatasetRows, Servizio, TypedRow } from '../../types.js';
import type { Condition, Reference } from '../expression.js';
import { conditionHolds, MEASURE_SOURCES, measureOf, isPersonsMeasure } from '../measures.js';
import type { SparseRow } from './row-space.js';

// The base counts every published figure is made of. The rows of a dataset in one year are split into the
// finest cells the report's own definitions can tell apart: one per area unit (a quartiere, or ND for rows
// whose quartiere is not known) and per combination of the conditions that some figure filters on (eta>=65,
// cittadinanza=STR, …), and, for erogazioni, per service. Every published figure is then a linear
// combination of these cells, whatever the indicator, the level or the table it appears in.

/** One base count: a variable of the audit. */
export interface BaseCount {
  dataset: string;
  anno: number;
  measure: string;
  /** A quartiere code, or ND. */
  unit: string;
  /** The service of an erogazioni cell, '' otherwise. */
  servizio: string;
  /** Which of its partition's conditions the cell's rows meet. */
  signature: string;
  value: number;
  /** True when the measure counts people (residents, users, volunteers, places that stand for persons). */
  persons: boolean;
}

/** The conditions a dataset's figures filter on in one year, and its rows split by them. */
interface Partition {
  conditions: Condition[];
  keys: Set<string>;
  /** Measures whose variables exist; once a measure is split, no condition may be added. */
  measures: Set<string>;
  /** Cells by unit: signature (one char per condition) and service → variable per measure. */
  cells: Map<string, Map<string, { signature: string; servizio: string; variables: Map<string, number> }>>;
}

const conditionKey = (c: Condition) => `${c.field}${c.op}${c.value}`;

/** The conditions of a reference as text, once per reference (references are not changed once parsed). */
const conditionsText = new WeakMap<Reference, string>();
function conditionsOf(ref: Reference): string {
  let text = conditionsText.get(ref);
  if (text === undefined) conditionsText.set(ref, (text = ref.conditions.map(conditionKey).join(',')));
  return text;
}

/** The field of a dataset a condition filters (aliases resolved). */
function fieldOf(dataset: string, condition: Condition): string {
  return MEASURE_SOURCES[dataset]?.aliases[condition.field] ?? condition.field;
}

/** A reference's own measure, where weighted measures (popolazione.eta) are kept apart from the counts. */
function variableMeasure(ref: Reference): string {
  return ref.measure ?? measureOf(ref);
}

/**
 * A dataset's rows of one year are split apart for each measure, by the conditions that the figures summing
 * that measure use: the sum of ages behind the mean age needs no split by age band, the residents do.
 */
const partitionKey = (dataset: string, anno: number, measure: string) => `${dataset}@${anno}#${measure}`;

/** The space of base counts, filled by the figures that use them. */
export class BaseCounts {
  readonly counts: BaseCount[] = [];
  private readonly partitions = new Map<string, Partition>();
  private readonly forms = new Map<string, SparseRow>();
  private readonly unitForms = new Map<string, number[]>();
  /** For each reference key, the positions of its conditions among its partition's. */
  private readonly wanted = new Map<string, number[]>();

  constructor(
    private readonly dati: Map<number, DatasetRows>,
    private readonly servizi: Servizio[],
  ) {}

  /** Declares the conditions a reference will filter on; call for every reference before any form. */
  declare(ref: Reference, anno: number): void {
    const partition = this.partition(partitionKey(ref.dataset, anno + ref.yearOffset, variableMeasure(ref)));
    for (const condition of ref.conditions) {
      const ck = `${fieldOf(ref.dataset, condition)}|${conditionKey(condition)}`;
      if (partition.keys.has(ck)) continue;
      if (partition.measures.size > 0) throw new Error(`condition ${ck} declared after ${ref.dataset}@${anno + ref.yearOffset} was split`);
      partition.keys.add(ck);
      partition.conditions.push(condition);
    }
  }

  /** The form of a reference summed over `units` (null: every unit, ND included) in year `anno`. */
  form(ref: Reference, anno: number, units: readonly string[] | null): SparseRow {
    const year = anno + ref.yearOffset;
    const measure = variableMeasure(ref);
    const refKey = `${ref.dataset}@${year}.${measure}[${conditionsOf(ref)}]`;
    const cacheKey = `${refKey}|${units?.join(',') ?? '*'}`;
    const cached = this.forms.get(cacheKey);
    if (cached) return cached;
    const partition = this.split(ref.dataset, year, measure);
    const form: SparseRow = new Map();
    for (const unit of units ?? partition.cells.keys()) {
      for (const variable of this.unitVariables(refKey, ref, partition, measure, unit)) form.set(variable, 1);
    }
    this.forms.set(cacheKey, form);
    return form;
  }

  /** The variables of a reference in one unit (cached: zone and city forms are unions of these). */
  private unitVariables(refKey: string, ref: Reference, partition: Partition, measure: string, unit: string): number[] {
    const key = `${refKey}|${unit}`;
    const cached = this.unitForms.get(key);
    if (cached) return cached;
    let wanted = this.wanted.get(refKey);
    if (!wanted) {
      wanted = ref.conditions.map((c) =>
        partition.conditions.findIndex((p) => fieldOf(ref.dataset, p) === fieldOf(ref.dataset, c) && conditionKey(p) === conditionKey(c)),
      );
      this.wanted.set(refKey, wanted);
    }
    const variables: number[] = [];
    cells: for (const cell of partition.cells.get(unit)?.values() ?? []) {
      for (const i of wanted) if (cell.signature[i] !== '1') continue cells;
      const variable = cell.variables.get(measure);
      if (variable !== undefined) variables.push(variable);
    }
    this.unitForms.set(key, variables);
    return variables;
  }

  /** The value of a form: Σ coefficient × base count. */
  valueOf(form: SparseRow): number {
    let sum = 0;
    for (const [variable, coefficient] of form) sum += coefficient * this.counts[variable]!.value;
    return sum;
  }

  /** True when a form adds up counts of people: every base count counts persons, none is subtracted. */
  countsPersons(form: SparseRow): boolean {
    if (form.size === 0) return false;
    for (const [variable, coefficient] of form) if (coefficient <= 0 || !this.counts[variable]!.persons) return false;
    return true;
  }

  private partition(key: string): Partition {
    let partition = this.partitions.get(key);
    if (!partition) {
      partition = { conditions: [], keys: new Set(), measures: new Set(), cells: new Map() };
      this.partitions.set(key, partition);
    }
    return partition;
  }

  /** Splits a dataset's rows of one year by its declared conditions; adds the measure's variables. */
  private split(dataset: string, anno: number, measure: string): Partition {
    const split = this.partition(partitionKey(dataset, anno, measure));
    if (split.measures.has(measure)) return split;
    split.measures.add(measure);
    const rows: TypedRow[] = this.dati.get(anno)?.get(dataset) ?? [];
    const source = MEASURE_SOURCES[dataset]!;
    const weighted = source.weighted.includes(measure);
    const amountField = weighted ? source.measures[0]! : measure;
    const services = new Map(this.servizi.map((s) => [s.codice, s]));
    // Rows are summed into their cells without a string per row: by unit, service, and the conditions they
    // meet as the bits of a number (as text beyond 30 conditions); the cells' keys are made once each.
    const { conditions } = split;
    const fields = conditions.map((c) => fieldOf(dataset, c));
    const bitwise = conditions.length <= 30;
    const erogazioni = dataset === 'erogazioni';
    type Sum = { unit: string; signature: string; servizio: string; value: number };
    const grouped = new Map<string, Map<string, Map<number | string, Sum>>>();
    const signatureText = (bits: number | string): string => {
      if (typeof bits === 'string') return bits;
      let text = '';
      for (let i = 0; i < conditions.length; i++) text += bits & (1 << i) ? '1' : '0';
      return text;
    };
    const sums = new Map<string, Sum>();
    for (const { values } of rows) {
      const amount = values[amountField];
      if (typeof amount !== 'number') continue;
      let bits: number | string = bitwise ? 0 : '';
      for (let i = 0; i < conditions.length; i++) {
        const holds = conditionHolds(values, conditions[i]!, fields[i]!);
        if (typeof bits === 'number') bits |= holds ? 1 << i : 0;
        else bits += holds ? '1' : '0';
      }
      const unit = String(values.codice_quartiere);
      const servizio = erogazioni ? String(values.codice_servizio ?? '') : '';
      let byService = grouped.get(unit);
      if (!byService) grouped.set(unit, (byService = new Map()));
      let bySignature = byService.get(servizio);
      if (!bySignature) byService.set(servizio, (bySignature = new Map()));
      let entry = bySignature.get(bits);
      if (!entry) {
        const signature = signatureText(bits);
        const key = `${unit}|${signature}|${servizio}`;
        entry = sums.get(key) ?? { unit, signature, servizio, value: 0 };
        bySignature.set(bits, entry);
        sums.set(key, entry);
      }
      entry.value += weighted ? amount * (values[measure] as number) : amount;
    }
    // Variables are made in a fixed order (unit, signature, service) so that the audit is reproducible.
    for (const k of [...sums.keys()].sort()) {
      const { unit, signature, servizio, value } = sums.get(k)!;
      const byUnit = split.cells.get(unit) ?? new Map();
      split.cells.set(unit, byUnit);
      const cellKey = `${signature}|${servizio}`;
      const cell = byUnit.get(cellKey) ?? { signature, servizio, variables: new Map<string, number>() };
      byUnit.set(cellKey, cell);
      cell.variables.set(measure, this.counts.length);
      this.counts.push({
        dataset,
        anno,
        measure,
        unit,
        servizio,
        signature,
        value,
        persons: !weighted && isPersonsMeasure(dataset, measure, services.get(servizio)),
      });
    }
    return split;
  }
}
