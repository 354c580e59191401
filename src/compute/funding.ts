import type { DatasetRows, Fonte, Servizio, TypedRow } from '../types.js';
import { formatRowRanges } from './row-ranges.js';

// The project's money (the risorse dataset): totals by funding source, by cantiere and by service, the cost
// per user of each service (its money over its users in erogazioni), and the change on the year before,
// each with the files and rows it sums.

/** The funding sources of the contract, in the order the report lists them. */
export const FUNDING_SOURCES = ['comune', 'partner', 'fondazioni', 'fondi_nazionali', 'pnrr', 'altro'] as const;

/** A sum of money with its change on the year before and its sources. */
export interface FundingAmount {
  importo: number;
  /** Per cent change on the year before; null when that year has no risorse or had 0. */
  variazionePct: number | null;
  fonti: Fonte[];
}

/** One service's money and what it cost per person served. */
export interface ServiceFunding extends FundingAmount {
  servizio: string;
  cantiere: string;
  /** Users of the service in erogazioni, all quartieri and ND; null when the year has no erogazioni of it. */
  utenti: number | null;
  /** importo / utenti; null without users, or withheld when the users are a count below the privacy threshold. */
  costoPerUtente: number | null;
  soppresso: boolean;
}

/** A year's funding. */
export interface FundingYear {
  anno: number;
  totale: FundingAmount;
  perFonte: (FundingAmount & { fonte: string })[];
  perCantiere: (FundingAmount & { cantiere: string })[];
  perServizio: ServiceFunding[];
}

type Sum = { importo: number; rows: TypedRow[] };

function sumBy(rows: readonly TypedRow[], key: (row: TypedRow) => string | null): Map<string, Sum> {
  const out = new Map<string, Sum>();
  for (const row of rows) {
    const k = key(row);
    const importo = row.values.importo_euro;
    if (k === null || typeof importo !== 'number') continue;
    const entry = out.get(k) ?? { importo: 0, rows: [] };
    entry.importo += importo;
    entry.rows.push(row);
    out.set(k, entry);
  }
  return out;
}

/** The files and rows of some rows, as lineage names them. */
export function rowSources(rows: readonly TypedRow[]): Fonte[] {
  const byFile = new Map<string, number[]>();
  for (const row of rows) byFile.set(row.file, [...(byFile.get(row.file) ?? []), row.row]);
  return [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, list]) => ({ file, righe: formatRowRanges(list) }));
}

// 15 significant digits drop the binary noise of summing cents (0.1 + 0.2), nothing else.
const clean = (n: number): number => Number(n.toPrecision(15));

function amount(current: Sum | undefined, previous: Sum | undefined, previousYear: boolean): FundingAmount {
  const importo = clean(current?.importo ?? 0);
  const before = previous?.importo ?? 0;
  return {
    importo,
    variazionePct: previousYear && before > 0 ? clean(((importo - before) / before) * 100) : null,
    fonti: rowSources(current?.rows ?? []),
  };
}

/** Funding of every year with risorse; `threshold` is the smallest publishable count of persons. */
export function computeFunding(dati: Map<number, DatasetRows>, servizi: readonly Servizio[], threshold: number): FundingYear[] {
  const cantiereOf = new Map(servizi.map((s) => [s.codice, s.cantiere]));
  const years: FundingYear[] = [];
  for (const [anno, datasets] of [...dati].sort(([a], [b]) => a - b)) {
    const rows = datasets.get('risorse') ?? [];
    if (rows.length === 0) continue;
    const previousRows = dati.get(anno - 1)?.get('risorse') ?? [];
    const hasPrevious = previousRows.length > 0;
    const group = (key: (row: TypedRow) => string | null) => [sumBy(rows, key), sumBy(previousRows, key)] as const;
    const all = group(() => 'totale');
    const [fonti, fontiPrima] = group((r) => String(r.values.fonte));
    const [cantieri, cantieriPrima] = group((r) => cantiereOf.get(String(r.values.codice_servizio)) ?? null);
    const [perServizio, perServizioPrima] = group((r) => String(r.values.codice_servizio));
    const utenti = new Map<string, number>();
    for (const row of datasets.get('erogazioni') ?? []) {
      const code = String(row.values.codice_servizio);
      if (typeof row.values.utenti === 'number') utenti.set(code, (utenti.get(code) ?? 0) + row.values.utenti);
    }
    years.push({
      anno,
      totale: amount(all[0].get('totale'), all[1].get('totale'), hasPrevious),
      perFonte: FUNDING_SOURCES.filter((f) => fonti.has(f)).map((fonte) => ({
        fonte,
        ...amount(fonti.get(fonte), fontiPrima.get(fonte), hasPrevious),
      })),
      perCantiere: [...cantieri.keys()].map((cantiere) => ({
        cantiere,
        ...amount(cantieri.get(cantiere), cantieriPrima.get(cantiere), hasPrevious),
      })),
      perServizio: [...perServizio.keys()].map((servizio): ServiceFunding => {
        const money = amount(perServizio.get(servizio), perServizioPrima.get(servizio), hasPrevious);
        const users = utenti.get(servizio) ?? null;
        // A cost per user with 1 or 2 users would give the users away (importo / cost): withheld like the count.
        const soppresso = users !== null && users > 0 && users < threshold;
        return {
          servizio,
          cantiere: cantiereOf.get(servizio) ?? '',
          ...money,
          utenti: soppresso ? null : users,
          costoPerUtente: soppresso || !users ? null : clean(money.importo / users),
          soppresso,
        };
      }),
    });
  }
  return years;
}
