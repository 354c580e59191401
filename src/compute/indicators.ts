import type { DatasetRows, Fonti, Territorio } from '../types.js';
import { QUARTIERE_ND } from '../types.js';
import type { IndicatorDefinition } from './catalogue.js';
import { evaluate, referenceKey, referencesOf, type Reference } from './expression.js';
import { rowsFor, sumByQuartiere } from './measures.js';
import { roundHalfAwayFromZero } from './rounding.js';

export type Livello = 'quartiere' | 'zona' | 'citta';

/** One published figure: an indicator for one area and year (a row of indicatori.csv). */
export interface AreaValue {
  anno: number;
  livello: Livello;
  /** ASC code for a quartiere, codice_zona for a zona, `citta` for the city. */
  codice: string;
  nome: string;
  indicatore: string;
  valore: number | null;
  numeratore: number | null;
  denominatore: number | null;
  unita: string;
  soppresso: boolean;
  motivo: string | null;
  nota: string | null;
  /** Change from the previous year's value, in the indicator's unit, when that year is present. */
  variazione: number | null;
  /** Input files and rows of the numerator and denominator (set after suppression, see lineage.ts). */
  fonti?: Fonti;
}

/** An indicator that could not be computed for a year, and the data it needs. */
export interface NotComputable {
  indicatore: string;
  anno: number;
  mancano: { dataset: string; anno: number }[];
}

/** An area of the hierarchy with the quartiere codes whose sums make it. */
interface Area {
  livello: Livello;
  codice: string;
  nome: string;
  members: string[] | 'all';
}

/** The areas of the hierarchy in publication order: city, zone, quartieri. */
export function hierarchy(territorio: Territorio, cityName: string): Area[] {
  return [
    { livello: 'citta', codice: 'citta', nome: cityName, members: 'all' },
    ...territorio.zone.map((z): Area => ({ livello: 'zona', codice: z.codice, nome: z.nome, members: z.quartieri })),
    ...territorio.quartieri.map((q): Area => ({ livello: 'quartiere', codice: q.codice, nome: q.nome, members: [q.codice] })),
  ];
}

function total(sums: Map<string, number>, members: string[] | 'all'): number {
  if (members === 'all') {
    let sum = 0;
    for (const value of sums.values()) sum += value;
    return sum;
  }
  return members.reduce((sum, code) => sum + (sums.get(code) ?? 0), 0);
}

/** Computes every indicator for every area of one year: ratios of sums, never means of ratios. */
export function computeYear(
  anno: number,
  definitions: IndicatorDefinition[],
  dati: Map<number, DatasetRows>,
  territorio: Territorio,
  cityName: string,
): { values: AreaValue[]; notComputable: NotComputable[] } {
  const areas = hierarchy(territorio, cityName);
  const sumsCache = new Map<string, Map<string, number>>();
  const sums = (ref: Reference) => {
    const key = referenceKey(ref);
    let cached = sumsCache.get(key);
    if (!cached) {
      cached = sumByQuartiere(ref, rowsFor(ref, anno, dati) ?? []);
      sumsCache.set(key, cached);
    }
    return cached;
  };
  const values: AreaValue[] = [];
  const notComputable: NotComputable[] = [];
  for (const def of definitions) {
    const missing = def.needs
      .filter((need) => !dati.get(anno + need.yearOffset)?.get(need.dataset)?.length)
      .map((need) => ({ dataset: need.dataset, anno: anno + need.yearOffset }));
    if (missing.length > 0) {
      notComputable.push({ indicatore: def.id, anno, mancano: missing });
      continue;
    }
    const refs = [...referencesOf(def.num), ...referencesOf(def.den)];
    const ndRows = refs.reduce((n, ref) => n + (sums(ref).get(QUARTIERE_ND) ?? 0), 0);
    for (const area of areas) {
      const valueOf = (ref: Reference) => total(sums(ref), area.members);
      const num = evaluate(def.num, valueOf);
      const den = evaluate(def.den, valueOf);
      const ratio = num !== null && den !== null && den !== 0 ? (num / den) * def.scala : null;
      let nota: string | null = null;
      if (ratio === null) nota = 'denominatore nullo';
      else if (area.livello === 'citta' && ndRows > 0)
        nota = 'comprende dati con quartiere non indicato (ND), contati solo a livello di città';
      values.push({
        anno,
        livello: area.livello,
        codice: area.codice,
        nome: area.nome,
        indicatore: def.id,
        valore: ratio === null ? null : roundHalfAwayFromZero(ratio, def.decimali),
        numeratore: num === null ? null : roundHalfAwayFromZero(num, 4),
        denominatore: den === null ? null : roundHalfAwayFromZero(den, 4),
        unita: def.unita,
        soppresso: false,
        motivo: null,
        nota,
        variazione: null,
      });
    }
  }
  return { values, notComputable };
}

/** Fills `variazione` with the change from the previous year's published value of the same area. */
export function addYearOverYear(values: AreaValue[], definitions: IndicatorDefinition[]): void {
  const decimals = new Map(definitions.map((d) => [d.id, d.decimali]));
  const byKey = new Map(values.map((v) => [`${v.indicatore}|${v.livello}|${v.codice}|${v.anno}`, v]));
  for (const value of values) {
    const previous = byKey.get(`${value.indicatore}|${value.livello}|${value.codice}|${value.anno - 1}`);
    if (!previous || value.valore === null || previous.valore === null) continue;
    value.variazione = roundHalfAwayFromZero(value.valore - previous.valore, decimals.get(value.indicatore) ?? 1);
  }
}
