import type { Lang } from '../types.js';
import { t } from '../i18n.js';
import { formatChange, formatNumber } from './format.js';
import type { ProjectDiff, ValueChange } from '../participation/diff.js';
import type { DefinitionChange } from '../compute/definition-changes.js';

// The diff for a terminal: data first (rows, files, who sent), then indicators.

const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

function valueText(lang: Lang, value: number | null, soppresso: boolean, decimals: number): string {
  if (soppresso) return lang === 'it' ? 'n.d.' : 'n.a.';
  return value === null ? '—' : formatNumber(value, lang, decimals);
}

/** What changed in names (indicators) said in one language, shaped as `bilancio diff --format json` prints it. */
export type ProjectDiffText = Omit<ProjectDiff, 'indicatori'> & {
  indicatori: Omit<ProjectDiff['indicatori'], 'valori' | 'definizioniCambiate'> & {
    valori: Omit<ValueChange, 'nomeEn'>[];
    definizioniCambiate: Omit<DefinitionChange, 'nomeEn'>[];
  };
};

/** The diff with each indicator named in the reader's language. */
export function diffInLanguage(diff: ProjectDiff, lang: Lang): ProjectDiffText {
  const named = <T extends { nome: string; nomeEn: string }>({ nomeEn, ...rest }: T): Omit<T, 'nomeEn'> => ({
    ...rest,
    nome: lang === 'it' ? rest.nome : nomeEn,
  });
  return {
    ...diff,
    indicatori: {
      ...diff.indicatori,
      valori: diff.indicatori.valori.map(named),
      definizioniCambiate: diff.indicatori.definizioniCambiate.map(named),
    },
  };
}

/** The diff between two years as text. */
export function formatDiffText(diff: ProjectDiffText, lang: Lang, names: Map<string, string>): string {
  const say = (text: { it: string; en: string }, params: Record<string, string | number> = {}) => t(lang, text, params);
  const n = (v: number) => formatNumber(v, lang, 0);
  const list = (items: string[]) => (items.length ? items.map((x) => names.get(x) ?? x).join(', ') : '—');
  const { anno: a, confronto: b } = diff;
  const lines = [say({ it: 'Differenze tra il {a} e il {b}', en: 'Differences between {a} and {b}' }, { a, b }), ''];
  lines.push(say({ it: 'DATI: righe usate per dataset', en: 'DATA: rows used per dataset' }));
  lines.push(
    ...table([
      ['Dataset', String(b), String(a), say({ it: 'Differenza', en: 'Difference' })],
      ...diff.dati.datasets.map((d) => [d.dataset, n(d.righeB), n(d.righeA), formatChange(d.differenza, lang, 0)]),
    ]).map((l) => `  ${l}`),
  );
  lines.push(
    '',
    say(
      { it: 'File presenti nel {a} e non nel {b}: {l}', en: 'Files present in {a} and not in {b}: {l}' },
      { a, b, l: list(diff.dati.fileAggiunti) },
    ),
  );
  lines.push(
    say(
      { it: 'File presenti nel {b} e non nel {a}: {l}', en: 'Files present in {b} and not in {a}: {l}' },
      { a, b, l: list(diff.dati.fileRimossi) },
    ),
  );
  lines.push(
    say(
      { it: 'Enti che hanno inviato dati nel {a}: {l}', en: 'Organisations that sent data in {a}: {l}' },
      { a, l: list(diff.dati.inviatoA) },
    ),
  );
  lines.push(
    say({ it: 'Hanno inviato nel {a} ma non nel {b}: {l}', en: 'Sent in {a} but not in {b}: {l}' }, { a, b, l: list(diff.dati.nuovi) }),
  );
  lines.push(
    say({ it: 'Hanno inviato nel {b} ma non nel {a}: {l}', en: 'Sent in {b} but not in {a}: {l}' }, { a, b, l: list(diff.dati.nonPiu) }),
  );
  lines.push('', say({ it: 'INDICATORI: valori della città e delle zone', en: 'INDICATORS: city and zone values' }));
  const row = (v: Omit<ValueChange, 'nomeEn'>) => [
    v.livello === 'citta' ? v.nome : '',
    v.territorio,
    valueText(lang, v.valoreB, v.soppressoB, v.decimali),
    valueText(lang, v.valoreA, v.soppressoA, v.decimali),
    v.variazione === null ? '—' : formatChange(v.variazione, lang, v.decimali),
    v.livello === 'citta' ? v.unita : '',
  ];
  lines.push(
    ...table([
      [
        say({ it: 'Indicatore', en: 'Indicator' }),
        say({ it: 'Territorio', en: 'Area' }),
        String(b),
        String(a),
        say({ it: 'Variazione', en: 'Change' }),
        say({ it: 'Unità', en: 'Unit' }),
      ],
      ...diff.indicatori.valori.map(row),
    ]).map((l) => `  ${l}`),
  );
  lines.push(
    '',
    say(
      { it: 'Indicatori presenti solo nel {a}: {l}', en: 'Indicators present in {a} only: {l}' },
      { a, l: diff.indicatori.soloA.join(', ') || '—' },
    ),
  );
  lines.push(
    say(
      { it: 'Indicatori presenti solo nel {b}: {l}', en: 'Indicators present in {b} only: {l}' },
      { b, l: diff.indicatori.soloB.join(', ') || '—' },
    ),
  );
  if (diff.indicatori.definizioniCambiate.length === 0) {
    lines.push(
      say({
        it: 'Definizioni cambiate: nessuna (o nessuna copia del catalogo per anno, catalogo/indicatori.<anno>.json).',
        en: 'Changed definitions: none (or no per-year copy of the catalogue, catalogo/indicatori.<anno>.json).',
      }),
    );
  } else {
    lines.push(say({ it: 'Definizioni cambiate:', en: 'Changed definitions:' }));
    for (const c of diff.indicatori.definizioniCambiate) {
      lines.push(
        `  ${c.indicatore} (${c.nome}): ${say({ it: 'nel {b}', en: 'in {b}' }, { b })} ${c.prima}; ${say({ it: 'nel {a}', en: 'in {a}' }, { a })} ${c.ora}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
