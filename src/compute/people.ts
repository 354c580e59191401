import type { DatasetRows, Fonte } from '../types.js';
import { rowSources } from './funding.js';

// The people who do the project's work (the personale dataset): paid operators and volunteers by organisation,
// each counted once, with the change on the year before. They describe organisations, not the persons served:
// they are published as they are (the contract says so).

/** One organisation's people in a year. */
export interface OrganisationPeople {
  ente: string;
  operatori: number;
  /** null when the organisation does not say (the column is optional). */
  volontari: number | null;
  variazioneOperatori: number | null;
  variazioneVolontari: number | null;
  fonti: Fonte[];
}

/** A year's people: by organisation (by name order of code), and the totals. */
export interface PeopleYear {
  anno: number;
  enti: OrganisationPeople[];
  operatori: number;
  volontari: number;
  fonti: Fonte[];
}

/** Operators and volunteers of every year with personale. */
export function computePeople(dati: Map<number, DatasetRows>): PeopleYear[] {
  const years: PeopleYear[] = [];
  for (const [anno, datasets] of [...dati].sort(([a], [b]) => a - b)) {
    const rows = datasets.get('personale') ?? [];
    if (rows.length === 0) continue;
    const before = new Map((dati.get(anno - 1)?.get('personale') ?? []).map((r) => [String(r.values.codice_ente), r.values]));
    const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
    const change = (now: number | null, then: number | null): number | null => (now === null || then === null ? null : now - then);
    const enti = rows
      .map((row): OrganisationPeople => {
        const ente = String(row.values.codice_ente);
        const prev = before.get(ente);
        const operatori = num(row.values.operatori) ?? 0;
        const volontari = num(row.values.volontari);
        return {
          ente,
          operatori,
          volontari,
          variazioneOperatori: prev ? change(operatori, num(prev.operatori)) : null,
          variazioneVolontari: prev ? change(volontari, num(prev.volontari)) : null,
          fonti: rowSources([row]),
        };
      })
      .sort((a, b) => (a.ente < b.ente ? -1 : a.ente > b.ente ? 1 : 0));
    years.push({
      anno,
      enti,
      operatori: enti.reduce((s, e) => s + e.operatori, 0),
      volontari: enti.reduce((s, e) => s + (e.volontari ?? 0), 0),
      fonti: rowSources(rows),
    });
  }
  return years;
}
