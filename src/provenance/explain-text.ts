import type { Fonte, Lang } from '../types.js';
import { t, type Bilingual } from '../i18n.js';
import type { IndicatorDefinition } from '../compute/catalogue.js';
import type { AreaValue } from '../compute/indicators.js';
import type { TextFigures } from '../compute/text-figures.js';
import type { ProjectText, TextBody } from '../validate/texts/text-types.js';
import { figureText } from '../render/texts.js';
import { EXPLAIN as M, EXPLAIN_TEXT as T } from './explain-messages.js';
import { areaLine, capital, formatSources, withheldLines, type Explanation } from './explain.js';

// `bilancio explain testo <nome>[:<riga>]`: the live figures of a project text (testi/<nome>.md), in the
// order written, each with its line and column, the figure as the report prints it, what it stands for
// (indicator, area, year) and the files and rows it comes from, as `bilancio explain <indicatore> <area>`
// gives them. A withheld figure says n.d. and why, with its files only: never the number.

/** The first argument of explain that asks for a text's figures instead of an indicator. */
export const TEXT_SUBJECT = 'testo';

/** What explain needs to trace the figures of the texts. */
export interface TextExplainInput {
  lang: Lang;
  /** The project's own language (config `lingua`): a text's English twin is the report's in the other. */
  textLang: Lang;
  /** The texts that passed their checks: those the report prints. */
  texts: ProjectText[];
  figures: TextFigures;
  values: AreaValue[];
  definitions: IndicatorDefinition[];
  threshold: number;
  /** The report's year: a figure written without a year is of this one. */
  anno: number;
}

type Written = TextFigures['written'][number];

const say = (lang: Lang, text: Bilingual, params: Record<string, string | number> = {}) => t(lang, text, params);

/** `lettera`, `lettera.md`, `testi/lettera.md`, `en/lettera`, `testi/en/lettera.md`: the name and whether the twin is asked. */
function parseName(written: string): { name: string; twin: boolean | null } {
  const bare = written
    .trim()
    .replace(/^(\.\/)?testi\//, '')
    .replace(/\.md$/i, '');
  return bare.startsWith('en/') ? { name: bare.slice(3), twin: true } : { name: bare, twin: null };
}

/** The body a request names: the English twin when asked, or the one the report shows in the reader's language. */
function bodyOf(text: ProjectText, twin: boolean | null, input: TextExplainInput): TextBody | null {
  if (twin) return text.twin;
  return input.lang !== input.textLang && text.twin ? text.twin : text.body;
}

function textList(texts: ProjectText[]): string {
  return texts
    .map((text) => text.name)
    .sort()
    .flatMap((name) => [name, ...(texts.find((text) => text.name === name)?.twin ? [`en/${name}`] : [])])
    .join(', ');
}

/** The value a figure was resolved from, and the year before's for a change. */
function valueOf(input: TextExplainInput, figure: Written, anno = figure.anno): AreaValue | undefined {
  return input.values.find(
    (v) => v.indicatore === figure.indicatore && v.livello === figure.livello && v.codice === figure.codice && v.anno === anno,
  );
}

function sourceLines(lang: Lang, sides: [Bilingual, Fonte[]][], indent: string): string[] {
  return sides.flatMap(([side, sources]) => [`${indent}${capital(say(lang, side))}:`, ...formatSources(lang, sources, `${indent}  `)]);
}

/** The files and rows of a published value: both sides, or the numerator alone for a count. */
function publishedSources(lang: Lang, value: AreaValue, countOnly: boolean, indent: string): string[] {
  const sides: [Bilingual, Fonte[]][] = [[M.numerator, value.fonti?.numeratore ?? []]];
  if (!countOnly) sides.push([M.denominator, value.fonti?.denominatore ?? []]);
  const lines = sourceLines(lang, sides, indent);
  if (sides.some(([, sources]) => sources.some((s) => s.righe === undefined))) lines.push(indent + say(lang, M.rowsHidden));
  return lines;
}

/** One figure: where it is written, what it prints, what it stands for, and where it comes from. */
function figureLines(input: TextExplainInput, figure: Written): string[] {
  const { lang } = input;
  const def = input.definitions.find((d) => d.id === figure.indicatore);
  const value = valueOf(input, figure);
  const su = figure.su === null ? '—' : String(figure.su);
  const says = say(lang, T.functions[figure.funzione], { unita: def?.unita ?? '', anno: figure.anno - 1, su });
  const lines = [
    `${figure.riga}:${figure.colonna}  {{ ${figure.key} }} → ${figureText(figure, lang)}`,
    `  ${figure.indicatore} · ${def ? (lang === 'it' ? def.nome : def.nomeEn) : ''}`.trimEnd(),
  ];
  const saysLine = `  ${say(lang, T.says)}: ${says}`;
  if (!value) return [...lines, saysLine, `  ${say(lang, T.notAvailable, { motivo: say(lang, T.noValue) })}`];
  lines.push(`  ${areaLine(lang, value)}`, saysLine);
  if (value.soppresso) return [...lines, ...withheldLines(lang, value, input.threshold, '  ')];
  if (figure.funzione === 'variazione') {
    const previous = valueOf(input, figure, figure.anno - 1);
    if (figure.valore === null) {
      lines.push(`  ${say(lang, T.notAvailable, { motivo: say(lang, T.noPrevious, { anno: figure.anno - 1 }) })}`);
    }
    for (const year of [value, ...(previous && !previous.soppresso ? [previous] : [])]) {
      lines.push(`  ${say(lang, T.yearSources, { anno: year.anno })}:`, ...publishedSources(lang, year, false, '    '));
    }
  } else {
    if (figure.valore === null) lines.push(`  ${say(lang, T.notAvailable, { motivo: value.nota || say(lang, T.noValue) })}`);
    lines.push(...publishedSources(lang, value, figure.funzione === 'conteggio', '  '));
  }
  lines.push(`  ${say(lang, T.command, { comando: `bilancio explain ${figure.indicatore} ${figure.codice} --anno ${figure.anno}` })}`);
  return lines;
}

/** Explains the figures of a text (`lettera`), or of one of its lines (`lettera:12`). */
export function explainText(input: TextExplainInput, request: string): Explanation {
  const { lang } = input;
  if (input.texts.length === 0) return { error: say(lang, T.noTexts) };
  const colon = request.lastIndexOf(':');
  const lineText = colon < 0 ? null : request.slice(colon + 1);
  const { name, twin } = parseName(colon < 0 ? request : request.slice(0, colon));
  const text = input.texts.find((candidate) => candidate.name === name);
  const body = text && bodyOf(text, twin, input);
  if (text && !body) return { error: say(lang, T.noTwin, { nome: text.name }) };
  if (!body) return { error: say(lang, T.unknownText, { nome: request, list: textList(input.texts), esempio: input.texts[0]!.name }) };
  const all = input.figures.written.filter((f) => f.file === body.file);
  if (lineText !== null && !/^\d+$/.test(lineText)) {
    return { error: say(lang, T.badLine, { riga: lineText, esempio: `${name}:${all[0]?.riga ?? 1}` }) };
  }
  const line = lineText === null ? null : Number(lineText);
  const shown = line === null ? all : all.filter((f) => f.riga === line);
  if (line !== null && shown.length === 0) {
    const righe = [...new Set(all.map((f) => f.riga))].join(', ');
    return {
      error:
        all.length === 0 ? say(lang, T.noFigures, { file: body.file }) : say(lang, T.unknownLine, { riga: line, file: body.file, righe }),
    };
  }
  const count = shown.length === 1 ? say(lang, T.oneFigure) : say(lang, T.figures, { n: shown.length });
  const where = line === null ? count : `${say(lang, T.ofLine, { riga: line })}, ${count}`;
  const lines = [say(lang, T.heading, { file: body.file, titolo: body.titolo || text.body.titolo, n: where, anno: input.anno })];
  if (shown.length === 0) lines.push('', say(lang, T.noFigures, { file: body.file }));
  for (const figure of shown) lines.push('', ...figureLines(input, figure));
  if (lines.some((l) => /, (righe|rows) .*\/\d/.test(l))) lines.push('', say(lang, M.stepNote));
  return { lines };
}
