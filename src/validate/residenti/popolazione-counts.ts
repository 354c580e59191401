// One row per resident → popolazione counts: residents per (quartiere, sesso, eta, cittadinanza),
// eta = anno − anno_nascita capped at the oldest age popolazione has (100 = "100 and over").
import type { Cell, TypedRow } from '../../types.js';

/** The values the counts are keyed by, in output order. */
export interface CountsLayout {
  /** Quartiere codes (ND included), in output order. */
  quartieri: readonly string[];
  /** The values of sesso, as the schema lists them (M, F). */
  sessi: readonly string[];
  /** The values of cittadinanza, as the schema lists them (ITA, STR). */
  cittadinanze: readonly string[];
  /** The oldest age: older residents are counted at this age. */
  etaMax: number;
}

/** Residents counted in fixed slots, with the first row (and file) that added to each slot. */
export class PopolazioneCounts {
  // Plain numbers for the hot path (one call per resident).
  private readonly etaMax: number;
  private readonly ages: number;
  private readonly sexes: number;
  private readonly citizenships: number;
  private readonly counts: Float64Array;
  private readonly firstRow: Int32Array;

  constructor(
    readonly anno: number,
    readonly layout: CountsLayout,
  ) {
    this.etaMax = layout.etaMax;
    this.ages = layout.etaMax + 1;
    this.sexes = layout.sessi.length;
    this.citizenships = layout.cittadinanze.length;
    const slots = layout.quartieri.length * this.sexes * this.ages * this.citizenships;
    this.counts = new Float64Array(slots);
    this.firstRow = new Int32Array(slots);
  }

  /** Counts one resident by the indexes of its values in the layout; `eta` is capped here. */
  add(quartiere: number, sesso: number, eta: number, cittadinanza: number, row: number): void {
    const age = eta > this.etaMax ? this.etaMax : eta;
    const slot = ((quartiere * this.sexes + sesso) * this.ages + age) * this.citizenships + cittadinanza;
    const counts = this.counts;
    if (counts[slot] === 0) this.firstRow[slot] = row;
    counts[slot] = counts[slot]! + 1;
  }

  /** The counts as popolazione rows (empty slots left out), marked aggregated; `row` is the first resident row of each. */
  rows(file: string): TypedRow[] {
    const { quartieri, sessi, cittadinanze } = this.layout;
    const rows: TypedRow[] = [];
    let slot = 0;
    for (const codice of quartieri) {
      for (const sesso of sessi) {
        for (let eta = 0; eta < this.ages; eta++) {
          for (const cittadinanza of cittadinanze) {
            const residenti = this.counts[slot]!;
            if (residenti > 0) {
              const values = { anno: this.anno, codice_quartiere: codice, sesso, eta, cittadinanza, residenti };
              rows.push({ values, file, row: this.firstRow[slot]!, aggregated: true });
            }
            slot++;
          }
        }
      }
    }
    return rows;
  }
}

/** The key of a popolazione row: quartiere, sesso, eta and cittadinanza. */
export function popolazioneKey(values: Record<string, Cell>): string {
  return `${values.codice_quartiere}\u0000${values.sesso}\u0000${values.eta}\u0000${values.cittadinanza}`;
}

/** Sums popolazione-shaped rows by key (several residenti files of one year); each keeps its first row. */
export function sumPopolazione(groups: readonly TypedRow[][]): TypedRow[] {
  if (groups.length === 1) return groups[0]!;
  const byKey = new Map<string, TypedRow>();
  for (const rows of groups) {
    for (const row of rows) {
      const key = popolazioneKey(row.values);
      const earlier = byKey.get(key);
      if (earlier) earlier.values.residenti = (earlier.values.residenti as number) + (row.values.residenti as number);
      else byKey.set(key, { ...row, values: { ...row.values } });
    }
  }
  return [...byKey.values()];
}
