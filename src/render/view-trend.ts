import type { ViewContext, FigureView } from './view-context.js';
import type { Trendline } from '../compute/findings/types.js';
import { countPhrase, NOUNS, say, t } from '../i18n.js';
import { formatChange, formatNumber } from './format.js';
import { trendText } from './trend-words.js';

// "What changed" in a chapter: each of its indicators for the whole, the report year against the year
// compared, the absolute outputs (places, users) beside the rates, and the trend over every year when
// there are three or more; and one chart of them. Every number is compute's (ComputeResult.andamenti).

export interface ChangesView {
  titolo: string;
  righe: string[];
  figura: FigureView | null;
  /** The counts (places, applications, births) over the years, when the chapter has any. */
  figuraConteggi: FigureView | null;
}

/** What an indicator's numerator counts, in words: the service's unit, or what the Sintesi's rules declare. */
function absoluteNoun(ctx: ViewContext, indicatore: string): ((n: number) => string) | null {
  const def = ctx.values.definition(indicatore);
  const service = def?.servizio ? ctx.catalogue.servizi.find((s) => s.codice === def.servizio) : undefined;
  if (service) return (n) => say(ctx.lang, countPhrase(n, NOUNS[service.unita]));
  const declared = ctx.result.sintesi.cifre.find((c) => c.indicatore === indicatore)?.nomeAssoluto;
  return declared ? (n) => `${formatNumber(n, ctx.lang, 0)} ${t(ctx.lang, declared)}` : null;
}

function lineOf(ctx: ViewContext, line: Trendline): string | null {
  const def = ctx.values.definition(line.indicatore);
  const now = line.serie.find((v) => v.anno === ctx.anno);
  if (!def || !now) return null;
  const fmt = (v: number) => `${formatNumber(v, ctx.lang, def.decimali)}${def.unita ? ` ${def.unita}` : ''}`;
  const noun = absoluteNoun(ctx, line.indicatore);
  const absNow = line.assoluti.find((v) => v.anno === ctx.anno);
  const assoluto = noun && absNow ? ctx.text({ it: ', cioè {n}', en: ', that is {n}' }, { n: noun(absNow.valore) }) : '';
  const first = line.serie[0];
  const trend = line.tendenza && first ? trendText(ctx, line.tendenza, first.anno) : '';
  const c = line.confronto;
  const change = c
    ? ctx.text(
        { it: ' ({diff}{abs} sul {prima}{trend})', en: ' ({diff}{abs} from {prima}{trend})' },
        {
          diff: formatChange(c.variazione, ctx.lang, def.decimali),
          abs: noun && c.variazioneAssoluta !== null ? `, ${formatChange(c.variazioneAssoluta, ctx.lang, 0)}` : '',
          prima: c.anno,
          trend: trend ? `; ${trend}` : '',
        },
      )
    : trend
      ? ` (${trend})`
      : '';
  return ctx.text(
    { it: '{nome}: {v} nel {anno}{assoluto}{change}.', en: '{nome}: {v} in {anno}{assoluto}{change}.' },
    {
      nome: ctx.indicatorName(line.indicatore),
      v: fmt(now.valore),
      anno: ctx.anno,
      assoluto,
      change,
    },
  );
}

/** A chart of city values over the years: lines with three years or more, else bars from zero (one per year). */
function trendFigure(ctx: ViewContext, id: string, caption: string, charted: Trendline[], unit: string | undefined): FigureView | null {
  const years = [...new Set(charted.flatMap((l) => l.serie.map((v) => v.anno)))].sort((a, b) => a - b);
  if (charted.length === 0 || years.length < 2) return null;
  const valueIn = (l: Trendline, anno: number) => l.serie.find((v) => v.anno === anno)?.valore ?? null;
  // Series of mixed units (counts of places, applications, children) name their unit in their label.
  const label = (l: Trendline) => {
    const name = ctx.indicatorName(l.indicatore);
    const own = ctx.values.definition(l.indicatore)?.unita;
    return unit === undefined && own ? `${name} (${own})` : name;
  };
  const decimals = ctx.values.definition(charted[0]!.indicatore)?.decimali ?? 1;
  return years.length >= 3
    ? ctx.figure(id, caption, {
        kind: 'line',
        title: caption,
        labels: years.map(String),
        series: charted.map((l) => ({ label: label(l), values: years.map((y) => valueIn(l, y)) })),
        unit,
        decimals,
      })
    : ctx.figure(
        id,
        caption,
        {
          kind: 'bar',
          title: caption,
          horizontal: true,
          labels: charted.map(label),
          series: years.map((y) => ({ label: String(y), values: charted.map((l) => valueIn(l, y)) })),
          unit,
          decimals,
        },
        { height: Math.max(160, 70 + charted.length * 46) },
      );
}

/**
 * The chapter's "what changed": a line per indicator (its rates, then its counts), a chart of the rates
 * sharing the first one's unit and a chart of the counts (places, applications, births…).
 */
export function changesView(ctx: ViewContext, rates: string[], counts: string[], chapterId: string, chapterTitle: string): ChangesView {
  const trendlines = (ids: string[]) => ids.flatMap((id) => ctx.result.andamenti.find((a) => a.indicatore === id) ?? []);
  const rateLines = trendlines(rates);
  const countLines = trendlines(counts);
  const righe = [...rateLines, ...countLines].flatMap((l) => lineOf(ctx, l) ?? []);
  const unit = ctx.values.definition(rateLines[0]?.indicatore ?? '')?.unita;
  const years = (lines: Trendline[]) => [...new Set(lines.flatMap((l) => l.serie.map((v) => v.anno)))].sort((a, b) => a - b);
  const caption = (lines: Trendline[], text: { it: string; en: string }) => {
    const all = years(lines);
    return ctx.text(text, { titolo: chapterTitle, da: all[0] ?? ctx.anno, a: all[all.length - 1] ?? ctx.anno });
  };
  const chartedRates = rateLines.filter((l) => ctx.values.definition(l.indicatore)?.unita === unit && l.serie.length >= 2);
  const chartedCounts = countLines.filter((l) => l.serie.length >= 2);
  return {
    titolo: ctx.text({ it: 'Che cosa è cambiato', en: 'What changed' }),
    righe,
    figura: trendFigure(
      ctx,
      `fig-cambiamenti-${chapterId}`,
      caption(chartedRates, {
        it: '{titolo}: che cosa è cambiato {nell_intero}, {da}-{a}',
        en: '{titolo}: what changed in the {intero}, {da}-{a}',
      }),
      chartedRates,
      unit,
    ),
    figuraConteggi: trendFigure(
      ctx,
      `fig-cambiamenti-conteggi-${chapterId}`,
      caption(chartedCounts, { it: '{titolo}: i numeri {dell_intero}, {da}-{a}', en: '{titolo}: the numbers of the {intero}, {da}-{a}' }),
      chartedCounts,
      undefined,
    ),
  };
}
