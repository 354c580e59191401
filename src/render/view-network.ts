import type { ViewContext, TableView } from './view-context.js';
import { formatDate } from './format.js';
import { datasetsText } from './dataset-words.js';
import { countOf, NOUNS } from '../i18n.js';
import { cellText } from './project-text.js';

export interface NetworkView {
  id: string;
  title: string;
  paragraphs: string[];
  capofila: string[];
  partner: string[];
  rete: string[];
  contributi: TableView;
}

/** The project and its network: capofila, partners, network, who contributed which data. */
export function networkView(ctx: ViewContext): NetworkView {
  const { catalogue, anno } = ctx;
  const names = (ruolo: string) => catalogue.enti.filter((e) => e.ruolo === ruolo).map((e) => e.nome);
  const rows = ctx.result.contributions.contributi.map((c) => ({
    cells: [
      { ...cellText(ctx.projectText(catalogue.enti.find((e) => e.codice === c.ente)?.nome ?? c.ente)), numeric: false, header: true },
      { text: datasetsText(c.file, ctx.lang) || '—', numeric: false },
      { text: c.inviatoIl ? formatDate(new Date(c.inviatoIl), ctx.lang) : '—', numeric: false },
      { text: c.inRitardo ? ctx.text({ it: 'in ritardo', en: 'late' }) : ctx.text({ it: 'nei tempi', en: 'on time' }), numeric: false },
      { text: String(c.righe), numeric: true },
      {
        text: c.errori === 0 ? ctx.text({ it: 'valido', en: 'valid' }) : countOf(ctx.lang, c.errori, NOUNS.errore),
        numeric: false,
      },
    ],
  }));
  const contributi = ctx.table(
    'tab-contributi',
    ctx.text({ it: 'Contributi dei partner per il {anno}', en: 'Partner contributions for {anno}' }, { anno }),
    [
      ctx.text({ it: 'Ente', en: 'Organisation' }),
      ctx.text({ it: 'Dati', en: 'Data' }),
      ctx.text({ it: 'Inviato il', en: 'Sent on' }),
      ctx.text({ it: 'Scadenza', en: 'Deadline' }),
      ctx.text({ it: 'Righe', en: 'Rows' }),
      ctx.text({ it: 'Esito', en: 'Result' }),
    ],
    rows,
  );
  return {
    id: 'progetto-rete',
    title: ctx.label('progettoRete'),
    paragraphs: [
      // The project's own words (descrizione_progetto), else bilancio's sentence; then what the report is for.
      ctx.text(
        {
          it: '{descrizione} Il bilancio sociale partecipativo rende conto di che cosa è stato fatto, per chi e dove il servizio non arriva ancora.',
          en: '{descrizione} The participatory social report accounts for what was done, for whom, and where services do not yet reach.',
        },
        {
          descrizione: ctx.text(
            ctx.config.descrizioneProgetto ?? {
              it: '"{sottotitolo}" è il progetto con cui il {ente} costruisce un welfare universale ed equo, {area} per {area}.',
              en: '"{sottotitolo}" is the project through which the {ente} builds a universal and equitable welfare, {area} by {area}.',
            },
            { sottotitolo: ctx.config.sottotitolo.split(':')[0]!.trim(), ente: ctx.config.ente },
          ),
        },
      ),
    ],
    capofila: names('capofila'),
    partner: names('partner'),
    rete: names('rete'),
    contributi,
  };
}
