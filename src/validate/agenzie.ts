// The strategic agencies a project declares in catalogo/agenzie.csv, each led by one of its enti.
import type { Agenzia, TypedRow } from '../types.js';

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** The agencies from the typed rows of catalogo/agenzie.csv: by `ordine`, then those without it in row order. */
export function buildAgenzie(rows: TypedRow[]): Agenzia[] {
  const order = (row: TypedRow) => (typeof row.values.ordine === 'number' ? row.values.ordine : Number.MAX_SAFE_INTEGER);
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => order(a.row) - order(b.row) || a.index - b.index)
    .map(({ row: { values: v } }) => ({
      codice: text(v.codice_agenzia),
      nome: text(v.nome),
      nomeEn: text(v.nome_en) || null,
      capofila: text(v.ente_capofila),
      compito: text(v.compito),
      compitoEn: text(v.compito_en) || null,
    }));
}
