import type { Lang } from '../types.js';
import { t } from '../i18n.js';
import { formatNumber } from './format.js';
import { cellText, needsAttention, P, shortDate } from './submission-labels.js';
import { deadlinesText } from './submissions-text.js';
import type { SubmissionGrid } from '../compute/submissions.js';

/** What templates/contributi.hbs prints: every text ready, no logic left to the template. */
export interface GridPageView {
  lang: Lang;
  title: string;
  project: string;
  deadlines: string;
  summary: string;
  complete: boolean;
  completeText: string;
  head: string[];
  rows: { ente: string; dataset: string; cells: { text: string; attention: boolean }[] }[];
  files: { caption: string; head: string[]; rows: string[][] };
  quartieri: {
    id: string;
    caption: string;
    head: { code: string; name: string }[];
    rows: { nome: string; zona: string; cells: string[] }[];
  }[];
  legend: string;
}

/** The page view of a submission grid. */
export function gridPageView(grid: SubmissionGrid, lang: Lang, projectTitle: string): GridPageView {
  const say = (text: { it: string; en: string }, params: Record<string, string | number> = {}) => t(lang, text, params);
  const n = (v: number) => formatNumber(v, lang, 0);
  const rows = grid.enti.flatMap((row) =>
    [...new Set(row.celle.map((c) => c.dataset))].map((dataset) => ({
      ente: row.nome,
      dataset,
      cells: grid.anni.map((anno) => {
        const cell = row.celle.find((c) => c.dataset === dataset && c.anno === anno);
        return cell ? { text: cellText(lang, cell), attention: needsAttention(cell) } : { text: '—', attention: false };
      }),
    })),
  );
  const fileRows = grid.enti.flatMap((row) =>
    row.celle.flatMap((cell) =>
      cell.file.map((f) => [
        row.nome,
        String(cell.anno),
        f.path,
        f.encoding || '—',
        f.delimiter === null ? '—' : f.delimiter === '\t' ? 'TAB' : f.delimiter,
        n(f.righeLette),
        n(f.righeUsate),
        n(f.errori),
        n(f.avvisi),
        cell.inviatoIl ? shortDate(cell.inviatoIl) : '—',
      ]),
    ),
  );
  return {
    lang,
    title: say(P.titoloGriglia),
    project: projectTitle,
    deadlines: deadlinesText(grid, lang),
    summary: say(P.riepilogo, { ...grid.riepilogo }),
    complete: grid.completo,
    completeText: grid.completo
      ? say({
          it: 'Tutti i contributi attesi sono arrivati, nei tempi e validi.',
          en: 'Every expected submission arrived, on time and valid.',
        })
      : say({
          it: 'Alcuni contributi mancano, sono in ritardo o hanno errori: le celle segnate con ⚠ chiedono un intervento.',
          en: 'Some submissions are missing, late or have errors: cells marked ⚠ need action.',
        }),
    head: [say(P.ente), say(P.dataset), ...grid.anni.map(String)],
    rows,
    files: {
      caption: say({ it: 'File ricevuti: come sono stati letti', en: 'Files received: how they were read' }),
      head: [
        say(P.ente),
        say({ it: 'Anno', en: 'Year' }),
        'File',
        say({ it: 'Codifica', en: 'Encoding' }),
        say({ it: 'Separatore', en: 'Delimiter' }),
        say({ it: 'Righe lette', en: 'Rows read' }),
        say({ it: 'Righe usate', en: 'Rows used' }),
        say({ it: 'Errori', en: 'Errors' }),
        say({ it: 'Avvisi', en: 'Warnings' }),
        say({ it: 'Inviato il', en: 'Sent on' }),
      ],
      rows: fileRows,
    },
    quartieri: grid.quartieri.map((q) => ({
      id: `quartieri-${q.anno}`,
      caption: say(
        {
          it: 'Righe di erogazioni per quartiere e servizio, {anno} (— = nessun dato)',
          en: 'Rows of erogazioni by quartiere and service, {anno} (— = no data)',
        },
        { anno: q.anno },
      ),
      head: q.servizi.map((s) => ({ code: s.codice, name: s.nome })),
      rows: [
        ...q.quartieri.map((x) => ({ nome: x.nome, zona: x.zona, cells: x.righe.map((r) => (r > 0 ? n(r) : '—')) })),
        { nome: say(P.nd), zona: '', cells: q.nd.map((r) => (r > 0 ? n(r) : '—')) },
      ],
    })),
    legend: say({
      it: 'Un ente è atteso per ogni servizio che il catalogo (catalogo/servizi.csv, colonna ente, che può nominare più enti) gli assegna, per ogni anno presente in dati/. "In ritardo" confronta la data di invio del manifest.json con scadenza_contributi.',
      en: 'An organisation is expected for every service the catalogue (catalogo/servizi.csv, column ente, which may name several) assigns to it, for every year present in dati/. "Late" compares the sending date in manifest.json with scadenza_contributi.',
    }),
  };
}
