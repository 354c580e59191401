import type { CellView, ViewContext, TableView } from './view-context.js';
import { cellText } from './project-text.js';
import { formatNumber } from './format.js';
import { datasetsText } from './dataset-words.js';

// The annex that credits every organisation for the data it gave, and the completeness line of the
// cantiere chapters ("Dati di 11 enti su 13 attesi").

export interface CreditsView {
  id: string;
  title: string;
  paragraphs: string[];
  table: TableView;
}

/** An organisation's role in the project, in words. */
export const RUOLI: Record<string, { it: string; en: string }> = {
  capofila: { it: 'capofila', en: 'lead' },
  partner: { it: 'partner', en: 'partner' },
  rete: { it: 'rete', en: 'network' },
};

/** "Dati di 2 enti su 3 attesi per il 2024 (manca: X)."; empty when no ente is expected. */
export function completenessText(ctx: ViewContext, c: { attesi: string[]; ricevuti: string[]; mancanti: string[] }): string {
  if (c.attesi.length === 0) return '';
  const name = (code: string) => ctx.catalogue.enti.find((e) => e.codice === code)?.nome ?? code;
  const r = c.ricevuti.length;
  const e = c.attesi.length;
  const base = ctx.text(
    {
      it: 'Dati di {r} {enti} su {e} {attesi} per il {anno}',
      en: 'Data from {r} of {e} expected {orgs} for {anno}',
    },
    {
      r,
      e,
      anno: ctx.anno,
      enti: r === 1 ? 'ente' : 'enti',
      attesi: e === 1 ? 'atteso' : 'attesi',
      orgs: e === 1 ? 'organisation' : 'organisations',
    },
  );
  if (c.mancanti.length === 0) return `${base}.`;
  return `${base} (${ctx.text({ it: 'mancano', en: 'missing' })}: ${c.mancanti.map(name).join(', ')}).`;
}

/** The names of services in one cell, marked with their language when none is in the report's. */
function servicesCell(names: { text: string; lang: string }[]): CellView {
  const lang = names.length > 0 && names.every((n) => n.lang === names[0]!.lang) ? names[0]!.lang : '';
  return { ...cellText({ text: names.map((n) => n.text).join(', ') || '—', lang }), numeric: false };
}

/** Credits: each organisation with the datasets, services and rows it gave for the report year (compute's). */
export function creditsView(ctx: ViewContext): CreditsView {
  const { catalogue, anno } = ctx;
  const { crediti, righeCrediti } = ctx.result.contributions;
  const n = (v: number) => formatNumber(v, ctx.lang, 0);
  const serviceName = (code: string) => {
    const servizio = catalogue.servizi.find((s) => s.codice === code);
    return servizio ? ctx.projectText(servizio.nome, servizio.nomeEn) : { text: code, lang: '' };
  };
  const rows = crediti.map((e) => ({
    cells: [
      // An organisation's name is its own, in the project's language, whatever the report's.
      { ...cellText(ctx.projectText(e.nome)), numeric: false, header: true },
      { text: ctx.text(RUOLI[e.ruolo] ?? { it: e.ruolo, en: e.ruolo }), numeric: false },
      { text: datasetsText(e.datasets, ctx.lang), numeric: false },
      servicesCell(e.servizi.map(serviceName)),
      { text: n(e.righe), numeric: true },
    ],
  }));
  const table = ctx.table(
    'tab-crediti',
    ctx.text({ it: 'Chi ha contribuito con i propri dati, {anno}', en: 'Who contributed their data, {anno}' }, { anno }),
    [
      ctx.text({ it: 'Ente', en: 'Organisation' }),
      ctx.text({ it: 'Ruolo', en: 'Role' }),
      ctx.text({ it: 'Dati', en: 'Data' }),
      ctx.text({ it: 'Servizi', en: 'Services' }),
      ctx.text({ it: 'Righe usate', en: 'Rows used' }),
    ],
    rows,
    ctx.text({
      it: 'Righe usate = righe che hanno superato i controlli e sono entrate nei calcoli del report.',
      en: "Rows used = rows that passed the checks and entered the report's computations.",
    }),
  );
  return {
    id: 'crediti',
    title: ctx.text({ it: 'Crediti: i dati di chi ha partecipato', en: 'Credits: the data of those who took part' }),
    paragraphs: [
      ctx.text(
        {
          it: 'Questo bilancio esiste grazie agli enti che hanno raccolto e inviato i loro dati per il {anno}: {n} organizzazioni, per un totale di {righe} righe.',
          en: 'This report exists thanks to the organisations that collected and sent their data for {anno}: {n} organisations, {righe} rows in all.',
        },
        { anno, n: crediti.length, righe: n(righeCrediti) },
      ),
    ],
    table,
  };
}
