import type { ViewContext, TableView } from './view-context.js';
import { formatDate } from './format.js';
import { datasetsText } from './dataset-words.js';
import { RUOLI } from './view-credits.js';
import { countOf, NOUNS } from '../i18n.js';
import { cellText } from './project-text.js';

/** One of the project's values: the word, and what it means for the project ('' when the project does not say). */
export interface ValueView {
  valore: string;
  descrizione: string;
}

export interface NetworkView {
  id: string;
  title: string;
  paragraphs: string[];
  /** The project's mission in its own words, or '' when the project gives none. */
  missione: string;
  valori: ValueView[];
  /** The strategic agencies with the organisation leading each and its task; null without catalogo/agenzie.csv. */
  agenzie: TableView | null;
  /** Every organisation of the project with its role and what it does. */
  enti: TableView;
  contributi: TableView;
}

const ROLE_ORDER = ['capofila', 'partner', 'rete'];

/** A cell with a text of the project: its English twin for `en` when it has one, else its own words marked with their language. */
function projectCell(ctx: ViewContext, text: string, english: string | null = null) {
  return text === '' ? { text: '—' } : cellText(ctx.projectText(text, english));
}

/** The agencies of the project: name, the organisation that leads it, its task. */
function agenciesTable(ctx: ViewContext): TableView | null {
  const { agenzie, enti } = ctx.catalogue;
  if (agenzie.length === 0) return null;
  return ctx.table(
    'tab-agenzie',
    ctx.text({ it: 'Le agenzie strategiche del progetto', en: "The project's strategic agencies" }),
    [ctx.text({ it: 'Agenzia', en: 'Agency' }), ctx.text({ it: 'Guidata da', en: 'Led by' }), ctx.text({ it: 'Compito', en: 'Task' })],
    agenzie.map((a) => ({
      cells: [
        { ...projectCell(ctx, a.nome, a.nomeEn), numeric: false, header: true },
        { ...projectCell(ctx, enti.find((e) => e.codice === a.capofila)?.nome ?? a.capofila), numeric: false },
        { ...projectCell(ctx, a.compito, a.compitoEn), numeric: false },
      ],
    })),
  );
}

/** The organisations of the project, lead first, then partners, then the network: role and what each does. */
function organisationsTable(ctx: ViewContext): TableView {
  const rank = (ruolo: string) => ROLE_ORDER.indexOf(ruolo);
  const enti = ctx.catalogue.enti.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e.ruolo) - rank(b.e.ruolo) || a.i - b.i);
  return ctx.table(
    'tab-enti',
    ctx.text({ it: 'Gli enti del progetto e il loro compito', en: "The project's organisations and their tasks" }),
    [ctx.text({ it: 'Ente', en: 'Organisation' }), ctx.text({ it: 'Ruolo', en: 'Role' }), ctx.text({ it: 'Compito', en: 'Task' })],
    enti.map(({ e }) => ({
      cells: [
        { ...projectCell(ctx, e.nome), numeric: false, header: true },
        { text: ctx.text(RUOLI[e.ruolo] ?? { it: e.ruolo, en: e.ruolo }), numeric: false },
        { ...projectCell(ctx, e.compito, e.compitoEn), numeric: false },
      ],
    })),
  );
}

/** The project and its network: mission, values, agencies, organisations and their tasks, who contributed which data. */
export function networkView(ctx: ViewContext): NetworkView {
  const { catalogue, anno, config } = ctx;
  // The order of the tables on the page: agencies, organisations, contributions.
  const agenzie = agenciesTable(ctx);
  const enti = organisationsTable(ctx);
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
            config.descrizioneProgetto ?? {
              it: '"{sottotitolo}" è il progetto con cui il {ente} costruisce un welfare universale ed equo, {area} per {area}.',
              en: '"{sottotitolo}" is the project through which the {ente} builds a universal and equitable welfare, {area} by {area}.',
            },
            { sottotitolo: config.sottotitolo.split(':')[0]!.trim(), ente: config.ente },
          ),
        },
      ),
    ],
    // A config built by hand in a test may lack them: no mission, no values.
    missione: config.missione ? ctx.text(config.missione) : '',
    valori: (config.valori ?? []).map((v) => ({
      valore: ctx.text(v.valore),
      descrizione: v.descrizione ? ctx.text(v.descrizione) : '',
    })),
    agenzie,
    enti,
    contributi,
  };
}
