import type { DatasetRows, Lang, Servizio, Territorio } from '../types.js';
import { t, type Bilingual } from '../i18n.js';
import type { IndicatorDefinition } from '../compute/catalogue.js';
import { referencesOf, type Reference } from '../compute/expression.js';
import { hierarchy, type AreaValue, type NotComputable } from '../compute/indicators.js';
import { forEachMatch, isCount, rowsFor } from '../compute/measures.js';
import { formatChange, formatNumber } from '../render/format.js';
import { referenceRows, sourcesOf, type Fonte } from '../compute/lineage.js';
import { MOTIVI } from '../compute/suppress-reasons.js';
import { EXPLAIN as M, EXPLAIN_TEXT } from './explain-messages.js';

// `bilancio explain`: how one published figure was computed, from the definition down to the rows.
// A withheld value is never printed, nor any partial sum that could give it away.

/** What explain needs from a computed project. */
export interface ExplainInput {
  lang: Lang;
  definitions: IndicatorDefinition[];
  values: AreaValue[];
  notComputable: NotComputable[];
  dati: Map<number, DatasetRows>;
  territorio: Territorio;
  /** The services, which say whether their units (places) count persons. */
  servizi: Servizio[];
  /** soglia_riservatezza: counts from 1 to threshold − 1 are never shown. */
  threshold: number;
  /** The year to explain when none is asked: the report's year. */
  defaultYear: number;
}

/** The explanation as lines of text, or why it cannot be given (a mistake in the request). */
export type Explanation = { lines: string[] } | { error: string };

const say = (lang: Lang, text: Bilingual, params: Record<string, string | number> = {}) => t(lang, text, params);

function findArea(values: AreaValue[], codice: string): AreaValue[] {
  const exact = values.filter((v) => v.codice === codice);
  if (exact.length > 0) return exact;
  const wanted = codice.trim().toLocaleLowerCase('it');
  return values.filter((v) => v.nome.toLocaleLowerCase('it') === wanted || (v.livello === 'citta' && ['città', 'city'].includes(wanted)));
}

/** Files and rows of one side of a value, one file a line; a constant has none. */
export function formatSources(lang: Lang, sources: Fonte[], indent: string): string[] {
  if (sources.length === 0) return [`${indent}${say(lang, M.noFiles)}`];
  return sources.map((s) => `${indent}${s.file}${s.righe ? `, ${say(lang, M.rows)} ${s.righe}` : ''}`);
}

/** A number with as many decimals as it has, up to `max` (sums are whole; averages are not). */
function num(lang: Lang, value: number, max = 4): string {
  const decimals = (String(Number(value.toFixed(max))).split('.')[1] ?? '').length;
  return formatNumber(value, lang, Math.min(decimals, max));
}

/** Explains one indicator for one area and year: definition, expressions, sums, sources, rounding, suppression. */
export function explainValue(input: ExplainInput, indicatore: string, codice: string, anno?: number): Explanation {
  const { lang } = input;
  const def = input.definitions.find((d) => d.id === indicatore);
  if (!def) {
    const near = input.definitions
      .map((d) => d.id)
      .filter((id) => id.includes(indicatore) || indicatore.includes(id))
      .slice(0, 6);
    const list = (near.length > 0 ? near : input.definitions.slice(0, 6).map((d) => d.id)).join(', ');
    return { error: say(lang, M.unknownIndicator, { id: indicatore, list }) };
  }
  const year = anno ?? input.defaultYear;
  const missing = input.notComputable.find((m) => m.indicatore === def.id && m.anno === year);
  if (missing) {
    return {
      error: say(lang, M.notComputable, {
        id: def.id,
        anno: year,
        mancano: missing.mancano.map((m) => `${m.dataset} ${m.anno}`).join(', '),
      }),
    };
  }
  const ofYear = input.values.filter((v) => v.indicatore === def.id && v.anno === year);
  if (ofYear.length === 0) return { error: say(lang, M.noYear, { id: def.id, anno: year }) };
  const matches = findArea(ofYear, codice);
  if (matches.length !== 1) return { error: say(lang, matches.length === 0 ? M.unknownArea : M.ambiguousArea, { codice }) };
  const value = matches[0]!;
  const members = hierarchy(input.territorio, '').find((a) => a.livello === value.livello && a.codice === value.codice)?.members ?? [
    value.codice,
  ];

  const lines: string[] = [
    `${def.id} · ${lang === 'it' ? def.nome : def.nomeEn}`,
    areaLine(lang, value),
    '',
    `${say(lang, M.definition)}: ${lang === 'it' ? def.definizione : def.definizioneEn}`,
    say(lang, M.formula, {
      scala: num(lang, def.scala),
      arrotondamento: say(lang, def.decimali === 0 ? M.toUnit : def.decimali === 1 ? M.toOneDecimal : M.toDecimals, { n: def.decimali }),
      unita: def.unita,
    }),
    `  ${say(lang, M.numerator).padEnd(12)} = ${def.numeratore}`,
    `  ${say(lang, M.denominator).padEnd(12)} = ${def.denominatore}`,
  ];
  if (value.livello !== 'quartiere') lines.push(say(lang, M.sumsFirst));

  if (value.soppresso) {
    lines.push('', ...withheldLines(lang, value, input.threshold));
    return { lines };
  }

  const rowsShown = [...(value.fonti?.numeratore ?? []), ...(value.fonti?.denominatore ?? [])].every((f) => f.righe !== undefined);
  const explainSide = (label: Bilingual, total: number | null, refs: Reference[], sources: Fonte[]) => {
    lines.push('', `${capital(say(lang, label))}: ${total === null ? '—' : num(lang, total)}`);
    // Each term of a sum is shown unless it is a small count that the total alone does not reveal.
    for (const ref of refs.length > 1 ? refs : []) {
      const index = referenceRows(ref, year, input.dati);
      const sum = termSum(ref, year, input.dati, members);
      const hidden = isCount(ref, input.servizi) && sum > 0 && sum < input.threshold;
      lines.push(`  ${refText(ref)} = ${hidden ? say(lang, M.smallTerm, { soglia: input.threshold }) : num(lang, sum)}`);
      if (rowsShown) lines.push(...formatSources(lang, sourcesOf([index], members, true), '    '));
    }
    lines.push(`  ${capital(say(lang, M.sources))}:`, ...formatSources(lang, sources, '    '));
  };
  explainSide(M.numerator, value.numeratore, referencesOf(def.num), value.fonti?.numeratore ?? []);
  explainSide(M.denominator, value.denominatore, referencesOf(def.den), value.fonti?.denominatore ?? []);
  if (!rowsShown) lines.push('', say(lang, M.rowsHidden));
  else if (lines.some((line) => /, (righe|rows) .*\/\d/.test(line))) lines.push('', say(lang, M.stepNote));

  lines.push('');
  if (value.valore === null || value.numeratore === null || value.denominatore === null) {
    lines.push(say(lang, M.noValue, { nota: value.nota ?? '' }));
  } else {
    const raw = (value.numeratore / value.denominatore) * def.scala;
    lines.push(
      say(lang, M.value, {
        num: num(lang, value.numeratore),
        den: num(lang, value.denominatore),
        scala: num(lang, def.scala),
        raw: num(lang, raw, 6),
        valore: formatNumber(value.valore, lang, def.decimali),
        unita: def.unita,
      }),
    );
  }
  if (value.variazione !== null)
    lines.push(say(lang, M.change, { anno: year - 1, variazione: formatChange(value.variazione, lang, def.decimali) }));
  if (value.nota && value.valore !== null) lines.push(`${say(lang, M.note)}: ${value.nota}`);
  return { lines };
}

/** The area and year of a value: `Brescia Antica (quartiere 17029001), anno 2024`. */
export function areaLine(lang: Lang, value: AreaValue): string {
  return say(lang, M.area, {
    nome: value.nome,
    dove: value.livello === 'citta' ? say(lang, M.levels.citta) : `${say(lang, M.levels[value.livello])} ${value.codice}`,
    anno: value.anno,
  });
}

/** A withheld value's reason (compute writes it in the open data's Italian) in the reader's language. */
export function reasonText(lang: Lang, motivo: string | null): string {
  const reason = (Object.keys(MOTIVI) as (keyof typeof MOTIVI)[]).find((key) => MOTIVI[key] === motivo);
  return reason ? say(lang, EXPLAIN_TEXT.reasons[reason]) : (motivo ?? '');
}

/** Why a value is withheld, and its files without their rows: never the value, its terms or its rows. */
export function withheldLines(lang: Lang, value: AreaValue, threshold: number, indent = ''): string[] {
  const lines = [
    indent + say(lang, M.withheld, { motivo: reasonText(lang, value.motivo), soglia: threshold, max: threshold - 1 }),
    indent + say(lang, M.filesOnly),
  ];
  for (const [side, sources] of [
    [M.numerator, value.fonti?.numeratore ?? []],
    [M.denominator, value.fonti?.denominatore ?? []],
  ] as const) {
    lines.push(`${indent}  ${capital(say(lang, side))}:`, ...formatSources(lang, sources, `${indent}    `));
  }
  return lines;
}

function termSum(ref: Reference, anno: number, dati: Map<number, DatasetRows>, members: string[] | 'all'): number {
  let sum = 0;
  forEachMatch(ref, rowsFor(ref, anno, dati) ?? [], (_row, contribution, code) => {
    if (members === 'all' || members.includes(code)) sum += contribution;
  });
  return sum;
}

export const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function refText(ref: Reference): string {
  const offset = ref.yearOffset === 0 ? '' : `@${ref.yearOffset}`;
  const conditions = ref.conditions.length > 0 ? `[${ref.conditions.map((c) => `${c.field}${c.op}${c.value}`).join(', ')}]` : '';
  return `${ref.dataset}${offset}${conditions}${ref.measure ? `.${ref.measure}` : ''}`;
}
