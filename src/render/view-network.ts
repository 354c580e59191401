import type { ViewContext, TableView } from './view-context.js';
import { formatDate } from './format.js';

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
  const { project, anno } = ctx;
  const names = (ruolo: string) => project.enti.filter((e) => e.ruolo === ruolo).map((e) => e.nome);
  const rows = project.contributi
    .filter((c) => c.anno === anno)
    .map((c) => {
      const rowsUsed = c.files.reduce((n, f) => n + f.rows, 0);
      const errors = c.files.reduce((n, f) => n + f.errors.length, 0);
      const deadline = ctx.config.scadenzaContributi[String(c.anno)];
      const sent = c.manifest?.inviatoIl ?? null;
      const late = !!(deadline && sent && sent > deadline);
      return {
        cells: [
          { text: project.enti.find((e) => e.codice === c.ente)?.nome ?? c.ente, numeric: false, header: true },
          { text: c.files.map((f) => f.path.split('/').pop()).join(', ') || '—', numeric: false },
          { text: sent ? formatDate(new Date(sent), ctx.lang) : '—', numeric: false },
          { text: late ? ctx.text({ it: 'in ritardo', en: 'late' }) : ctx.text({ it: 'nei tempi', en: 'on time' }), numeric: false },
          { text: String(rowsUsed), numeric: true },
          { text: errors === 0 ? ctx.text({ it: 'valido', en: 'valid' }) : ctx.text({ it: '{n} errori', en: '{n} errors' }, { n: errors }), numeric: false },
        ],
      };
    });
  const contributi = ctx.table('tab-contributi', ctx.text({ it: 'Contributi dei partner per il {anno}', en: 'Partner contributions for {anno}' }, { anno }), [
    ctx.text({ it: 'Ente', en: 'Organisation' }),
    ctx.text({ it: 'File', en: 'Files' }),
    ctx.text({ it: 'Inviato il', en: 'Sent on' }),
    ctx.text({ it: 'Scadenza', en: 'Deadline' }),
    ctx.text({ it: 'Righe', en: 'Rows' }),
    ctx.text({ it: 'Esito', en: 'Result' }),
  ], rows);
  return {
    id: 'progetto-rete',
    title: ctx.label('progettoRete'),
    paragraphs: [
      ctx.text({
        it: '"{sottotitolo}" è il progetto con cui il {ente} costruisce con università, terzo settore e sindacati un welfare universale ed equo, quartiere per quartiere. Il bilancio sociale partecipativo rende conto di che cosa è stato fatto, per chi e dove il servizio non arriva ancora.',
        en: '"{sottotitolo}" is the project through which the {ente} builds, with universities, the third sector and unions, a universal and equitable welfare, quartiere by quartiere. The participatory social report accounts for what was done, for whom, and where services do not yet reach.',
      }, { sottotitolo: ctx.config.sottotitolo.split(':')[0]!.trim(), ente: ctx.config.ente }),
    ],
    capofila: names('capofila'),
    partner: names('partner'),
    rete: names('rete'),
    contributi,
  };
}
