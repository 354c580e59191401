import type { ViewContext, TableView } from './view-context.js';
import { formatNumber } from './format.js';
import { computeSubmissionGrid, type SubmissionGrid } from '../participation/submissions.js';

// The annex that credits every organisation for the data it gave, and the completeness line of the
// cantiere chapters ("Dati di 11 enti su 13 attesi").

export interface CreditsView {
  id: string;
  title: string;
  paragraphs: string[];
  table: TableView;
}

const RUOLI: Record<string, { it: string; en: string }> = {
  capofila: { it: 'capofila', en: 'lead' },
  partner: { it: 'partner', en: 'partner' },
  rete: { it: 'rete', en: 'network' },
};

/** "Dati di 2 enti su 3 attesi per il 2024 (manca: X)."; empty when no ente is expected. */
export function completenessText(ctx: ViewContext, c: { attesi: string[]; ricevuti: string[]; mancanti: string[] }): string {
  if (c.attesi.length === 0) return '';
  const name = (code: string) => ctx.project.enti.find((e) => e.codice === code)?.nome ?? code;
  const r = c.ricevuti.length;
  const e = c.attesi.length;
  const base = ctx.text({
    it: 'Dati di {r} {enti} su {e} {attesi} per il {anno}',
    en: 'Data from {r} of {e} expected {orgs} for {anno}',
  }, { r, e, anno: ctx.anno, enti: r === 1 ? 'ente' : 'enti', attesi: e === 1 ? 'atteso' : 'attesi', orgs: e === 1 ? 'organisation' : 'organisations' });
  if (c.mancanti.length === 0) return `${base}.`;
  return `${base} (${ctx.text({ it: 'mancano', en: 'missing' })}: ${c.mancanti.map(name).join(', ')}).`;
}

/** Credits: each organisation with the datasets, services and rows it gave for the report year. */
export function creditsView(ctx: ViewContext, grid: SubmissionGrid = computeSubmissionGrid({ project: ctx.project, config: ctx.config })): CreditsView {
  const { project, anno } = ctx;
  const n = (v: number) => formatNumber(v, ctx.lang, 0);
  const serviceName = (code: string) => project.servizi.find((s) => s.codice === code)?.nome ?? code;
  const capofila = project.enti.find((e) => e.ruolo === 'capofila')?.codice ?? null;
  // dati/<anno>/ holds the capofila's own files (population, survey, voices, its services).
  const own = new Map<string, number>();
  for (const [dataset, rows] of project.dati.get(anno) ?? []) {
    const count = rows.filter((r) => r.file.startsWith(`dati/${anno}/`)).length;
    if (count > 0) own.set(dataset, count);
  }
  const capofilaEnte = project.enti.find((e) => e.codice === capofila);
  const gridRows = capofilaEnte && !grid.enti.some((e) => e.ente === capofila)
    ? [{ ente: capofilaEnte.codice, nome: capofilaEnte.nome, ruolo: capofilaEnte.ruolo, celle: [] }, ...grid.enti]
    : grid.enti;
  const entries = gridRows.flatMap((row) => {
    const cells = row.celle.filter((c) => c.anno === anno && c.stato === 'ricevuto' && c.fonte === 'contributo');
    const datasets = new Map(cells.map((c) => [c.dataset, c.righeUsate]));
    if (row.ente === capofila) for (const [d, count] of own) datasets.set(d, count);
    if (datasets.size === 0) return [];
    const servizi = [...new Set(row.celle.filter((c) => c.anno === anno).flatMap((c) => c.serviziRicevuti))];
    const total = [...datasets.values()].reduce((s, v) => s + v, 0);
    return [{ row, datasets: [...datasets.keys()].sort(), servizi, total }];
  });
  const rows = entries.map((e) => ({
    cells: [
      { text: e.row.nome, numeric: false, header: true },
      { text: ctx.text(RUOLI[e.row.ruolo] ?? { it: e.row.ruolo, en: e.row.ruolo }), numeric: false },
      { text: e.datasets.join(', '), numeric: false },
      { text: e.servizi.map(serviceName).join(', ') || '—', numeric: false },
      { text: n(e.total), numeric: true },
    ],
  }));
  const table = ctx.table('tab-crediti', ctx.text({ it: 'Chi ha contribuito con i propri dati, {anno}', en: 'Who contributed their data, {anno}' }, { anno }), [
    ctx.text({ it: 'Ente', en: 'Organisation' }), ctx.text({ it: 'Ruolo', en: 'Role' }), ctx.text({ it: 'Dati', en: 'Data' }),
    ctx.text({ it: 'Servizi', en: 'Services' }), ctx.text({ it: 'Righe usate', en: 'Rows used' }),
  ], rows, ctx.text({
    it: 'Righe usate = righe che hanno superato i controlli e sono entrate nei calcoli del report.',
    en: 'Rows used = rows that passed the checks and entered the report\'s computations.',
  }));
  return {
    id: 'crediti',
    title: ctx.text({ it: 'Crediti: i dati di chi ha partecipato', en: 'Credits: the data of those who took part' }),
    paragraphs: [ctx.text({
      it: 'Questo bilancio esiste grazie agli enti che hanno raccolto e inviato i loro dati per il {anno}: {n} organizzazioni, per un totale di {righe} righe.',
      en: 'This report exists thanks to the organisations that collected and sent their data for {anno}: {n} organisations, {righe} rows in all.',
    }, { anno, n: entries.length, righe: n(entries.reduce((sum, e) => sum + e.total, 0)) })],
    table,
  };
}
