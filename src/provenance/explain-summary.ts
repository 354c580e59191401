import type { Lang } from '../types.js';
import { t, type Bilingual } from '../i18n.js';
import type { IndicatorDefinition } from '../compute/catalogue.js';
import type { AreaValue } from '../compute/indicators.js';
import type { AreaAttention, FigureRef, Summary } from '../compute/findings/types.js';
import type { SummaryRule, SummaryRules } from '../validate/summary-rules.js';
import { formatNumber } from '../render/format.js';
import type { Explanation } from './explain.js';

// `bilancio explain sintesi <id>` and `bilancio explain attenzione <area>`: which declared rule chose a
// finding of the Sintesi or an area's points of attention, and the published values it rests on, each
// with its files and rows (and how to trace any of them further with `bilancio explain <indicatore>`).

export const SUMMARY_SUBJECT = 'sintesi';
export const ATTENTION_SUBJECT = 'attenzione';

export interface SummaryExplainInput {
  lang: Lang;
  sintesi: Summary;
  attenzione: AreaAttention[];
  rules: SummaryRules;
  values: AreaValue[];
  definitions: IndicatorDefinition[];
}

const M = {
  unknownFinding: {
    it: 'La Sintesi non ha un risultato "{id}". Quelli del {anno}: {list}.',
    en: 'The summary has no finding "{id}". Those of {anno}: {list}.',
  },
  unknownArea: {
    it: 'Nessun quartiere "{codice}": scrivere il codice o il nome di un quartiere.',
    en: 'No quartiere "{codice}": write the code or name of a quartiere.',
  },
  finding: { it: 'Sintesi del {anno}, risultato {id}', en: 'Summary of {anno}, finding {id}' },
  rule: { it: 'Regola: {rule}, dichiarata in {file}{defaults}.', en: 'Rule: {rule}, declared in {file}{defaults}.' },
  defaults: {
    it: ' (le regole predefinite di bilancio: il progetto non ha catalogo/sintesi.json)',
    en: " (bilancio's default rules: the project has no catalogo/sintesi.json)",
  },
  figures: { it: 'Valori pubblicati su cui si basa:', en: 'Published values it rests on:' },
  sources: { it: 'fonti', en: 'sources' },
  more: {
    it: 'Per il calcolo di ciascun valore: bilancio explain <indicatore> <codice> --anno <anno>.',
    en: 'For how each value was computed: bilancio explain <indicator> <code> --anno <year>.',
  },
  attention: { it: 'Punti di attenzione di {nome} ({codice}), {anno}', en: 'Points of attention of {nome} ({codice}), {anno}' },
  attentionRule: {
    it: "Regola: attenzione, dichiarata in {file}{defaults}: tolleranza {tol} dal valore della città, al più {max} punti oltre ai servizi che non raggiungono l'area.",
    en: "Rule: attention, declared in {file}{defaults}: tolerance {tol} from the city's value, at most {max} points besides the services not reaching the area.",
  },
  notReaching: { it: 'Servizio che non raggiunge nessuno: {servizio}', en: 'Service reaching no one: {servizio}' },
  point: { it: '{tipo}: {indicatore}', en: '{tipo}: {indicatore}' },
  change: { it: 'Variazione più grande: {indicatore}', en: 'Largest change: {indicatore}' },
  none: { it: 'Nessun punto di attenzione.', en: 'No point of attention.' },
} satisfies Record<string, Bilingual>;

function ruleText(rule: SummaryRule | undefined, lang: Lang): string {
  if (!rule) return '—';
  const params = Object.entries(rule)
    .filter(([k]) => k !== 'tipo')
    .map(
      ([k, v]) =>
        `${k} ${Array.isArray(v) ? v.join(', ') || '—' : typeof v === 'number' ? formatNumber(v, lang, Number.isInteger(v) ? 0 : 2) : String(v)}`,
    );
  return params.length ? `${rule.tipo} (${params.join('; ')})` : rule.tipo;
}

/** A long list of row ranges cut to its first ones: `bilancio explain <indicatore>` gives them all. */
function shortRows(righe: string, keep = 6): string {
  const ranges = righe.split(', ');
  return ranges.length <= keep ? righe : `${ranges.slice(0, keep).join(', ')}, …`;
}

function figureLines(input: SummaryExplainInput, refs: FigureRef[]): string[] {
  const { lang } = input;
  const byKey = new Map(input.values.map((v) => [`${v.indicatore}|${v.livello}|${v.codice}|${v.anno}`, v]));
  return refs.flatMap((r) => {
    const v = byKey.get(`${r.indicatore}|${r.livello}|${r.codice}|${r.anno}`);
    if (!v || v.soppresso || v.valore === null) return [];
    const def = input.definitions.find((d) => d.id === r.indicatore);
    const files = [...(v.fonti?.numeratore ?? []), ...(v.fonti?.denominatore ?? [])].map((f) =>
      f.righe ? `${f.file} ${shortRows(f.righe)}` : f.file,
    );
    return [
      `  ${r.indicatore} ${r.codice} ${r.anno} (${v.nome}): ${formatNumber(v.valore, lang, def?.decimali ?? 1)} ${def?.unita ?? ''}`.trimEnd(),
      ...(files.length ? [`    ${t(lang, M.sources)}: ${[...new Set(files)].join('; ')}`] : []),
    ];
  });
}

function defaults(input: SummaryExplainInput): string {
  return input.rules.predefinite ? t(input.lang, M.defaults) : '';
}

/** Explains one finding of the Sintesi by its id (as the report's HTML marks it in data-sintesi). */
export function explainFinding(input: SummaryExplainInput, id: string): Explanation {
  const { lang, sintesi } = input;
  const all = [...sintesi.cifre, ...sintesi.risultati];
  const found = all.find((f) => f.id === id);
  if (!found) return { error: t(lang, M.unknownFinding, { id, anno: sintesi.anno, list: all.map((f) => f.id).join(', ') }) };
  const tipo = 'tipo' in found ? found.tipo : 'cifre_chiave';
  const rule = input.rules.regole.find((r) => r.tipo === tipo);
  return {
    lines: [
      t(lang, M.finding, { anno: sintesi.anno, id }),
      t(lang, M.rule, {
        rule: tipo === 'cifre_chiave' ? 'cifre_chiave' : ruleText(rule, lang),
        file: input.rules.file,
        defaults: defaults(input),
      }),
      t(lang, M.figures),
      ...figureLines(input, found.riferimenti),
      t(lang, M.more),
    ],
  };
}

/** Explains the points of attention of one quartiere (by code or name). */
export function explainAttention(input: SummaryExplainInput, codice: string): Explanation {
  const { lang } = input;
  const wanted = codice.trim().toLocaleLowerCase('it');
  const area = input.values.find((v) => v.livello === 'quartiere' && (v.codice === codice || v.nome.toLocaleLowerCase('it') === wanted));
  const attention = area && input.attenzione.find((a) => a.codice === area.codice);
  if (!area || !attention) return { error: t(lang, M.unknownArea, { codice }) };
  const lines = [
    t(lang, M.attention, { nome: area.nome, codice: area.codice, anno: input.sintesi.anno }),
    t(lang, M.attentionRule, {
      file: input.rules.file,
      defaults: defaults(input),
      tol: `${formatNumber(input.rules.attenzione.tolleranza * 100, lang, 0)}%`,
      max: input.rules.attenzione.massimo,
    }),
  ];
  for (const s of attention.nonRaggiunto)
    lines.push(t(lang, M.notReaching, { servizio: s.servizio }), ...figureLines(input, s.riferimenti));
  for (const p of attention.punti)
    lines.push(t(lang, M.point, { tipo: p.tipo, indicatore: p.indicatore }), ...figureLines(input, p.riferimenti));
  if (attention.variazione)
    lines.push(t(lang, M.change, { indicatore: attention.variazione.indicatore }), ...figureLines(input, attention.variazione.riferimenti));
  if (lines.length === 2) lines.push(t(lang, M.none));
  lines.push(t(lang, M.more));
  return { lines };
}
