import type { Lang } from '../types.js';
import { t } from '../i18n.js';
import { cellText, P, shortDate } from './submission-labels.js';
import type { SubmissionGrid } from '../compute/submissions.js';

// The grid for a terminal: one line per ente and dataset, one column per year, then services by quartiere.

const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));

/** The deadlines line: "dati 2023 entro il 31/03/2024; …". */
export function deadlinesText(grid: SubmissionGrid, lang: Lang): string {
  const entries = Object.entries(grid.scadenze).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return t(lang, P.nessunaScadenza);
  return entries.map(([anno, data]) => t(lang, P.scadenza, { anno, data: shortDate(data) })).join('; ');
}

/** The whole grid as aligned text, with a summary line and the quartiere coverage of the last year. */
export function formatGridText(grid: SubmissionGrid, lang: Lang): string {
  const header = [t(lang, P.ente), t(lang, P.dataset), ...grid.anni.map(String)];
  const body = grid.enti.flatMap((row) => {
    const datasets = [...new Set(row.celle.map((c) => c.dataset))];
    return datasets.map((dataset) => [
      row.nome,
      dataset,
      ...grid.anni.map((anno) => {
        const cell = row.celle.find((c) => c.dataset === dataset && c.anno === anno);
        return cell ? cellText(lang, cell) : '—';
      }),
    ]);
  });
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  const lines = [
    `${t(lang, P.titoloGriglia)} (${deadlinesText(grid, lang)})`,
    '',
    line(header),
    ...body.map(line),
    '',
    t(lang, P.riepilogo, { ...grid.riepilogo }),
  ];
  const last = grid.quartieri.at(-1);
  if (last) {
    const codes = last.servizi.map((_, i) => String(i + 1));
    const nameWidth = Math.max(...last.quartieri.map((q) => q.nome.length), t(lang, P.nd).length);
    const colWidths = codes.map((c) => Math.max(c.length, 1));
    const row = (name: string, marks: string[]) =>
      `${pad(name, nameWidth)}  ${marks.map((m, i) => pad(m, colWidths[i]!)).join(' ')}`.trimEnd();
    lines.push('', t(lang, P.serviziQuartiere, { anno: last.anno }), '', row('', codes));
    for (const q of last.quartieri)
      lines.push(
        row(
          q.nome,
          q.righe.map((n) => (n > 0 ? '●' : '·')),
        ),
      );
    lines.push(
      row(
        t(lang, P.nd),
        last.nd.map((n) => (n > 0 ? '●' : '·')),
      ),
    );
    lines.push('', last.servizi.map((s, i) => `${i + 1} ${s.codice} (${s.nome})`).join('; '));
  }
  return `${lines.join('\n')}\n`;
}
