import type { ChartConfiguration, Plugin } from 'chart.js';
import { t } from '../i18n.js';
import type { Lang } from '../types.js';
import type { BarSpec, BulletSpec, ChartOptions, ChartSpec, LineSpec, PyramidSpec } from './chart-types.js';
import { formatNumber } from './format.js';
import { DEFAULT_PLACE_WORDS, placeParams } from './place-words.js';
import { targetLine, valueLabels } from './chart-plugins.js';
import { PALETTE, POINT_STYLES, SUPPRESSED_MARK, WORDS, formatValue, seriesColour, tickDecimals } from './chart-style.js';

// From a chart spec to a Chart.js configuration: the only place that knows Chart.js options.

type Config = ChartConfiguration<'bar' | 'line'>;
type TickValue = { value: number };

/** Builds the Chart.js configuration of a spec; `extraPlugins` lets tests observe the drawing. */
export function chartConfig(spec: ChartSpec, lang: Lang, options: ChartOptions, extraPlugins: Plugin[] = []): Config {
  const config = buildConfig(spec, lang);
  const hasSuppressed = suppressedIndexes(spec).size > 0;
  config.options = {
    ...config.options,
    animation: false,
    responsive: false,
    devicePixelRatio: 1,
    plugins: {
      ...config.options?.plugins,
      title: { display: options.showTitle ?? false, text: spec.title, font: { size: 14, weight: 'bold' } },
      subtitle: {
        display: hasSuppressed,
        text: t(lang, WORDS.suppressedNote),
        position: 'bottom',
        align: 'start',
        font: { size: 10 },
      },
      tooltip: { enabled: false },
    },
  };
  config.plugins = [...(config.plugins ?? []), ...extraPlugins];
  return config;
}

/** Indexes of the categories with at least one value withheld. */
export function suppressedIndexes(spec: ChartSpec): Set<number> {
  const rows = spec.kind === 'bullet' ? [spec.values] : spec.kind === 'pyramid' ? [] : spec.series.map((s) => s.values);
  const out = new Set<number>();
  for (const values of rows) values.forEach((v, i) => v === null && out.add(i));
  return out;
}

function markedLabels(spec: ChartSpec & { labels: string[] }): string[] {
  const suppressed = suppressedIndexes(spec);
  return spec.labels.map((label, i) => (suppressed.has(i) ? `${label} (${SUPPRESSED_MARK})` : label));
}

function valueScale(lang: Lang, decimals: number, unit: string | undefined, beginAtZero = true) {
  return {
    beginAtZero,
    grace: '8%',
    ticks: {
      precision: decimals,
      callback(value: number | string, _index: number, ticks: TickValue[]): string {
        const d = tickDecimals(
          ticks.map((tick) => tick.value),
          decimals,
        );
        return formatValue(Number(value), lang, d, unit === '%' ? '%' : undefined);
      },
    },
    title: { display: Boolean(unit && unit !== '%'), text: unit ?? '' },
  };
}

function buildConfig(spec: ChartSpec, lang: Lang): Config {
  switch (spec.kind) {
    case 'bar':
      return barConfig(spec, lang);
    case 'line':
      return lineConfig(spec, lang);
    case 'pyramid':
      return pyramidConfig(spec, lang);
    case 'bullet':
      return bulletConfig(spec, lang);
  }
}

function barConfig(spec: BarSpec, lang: Lang): Config {
  const decimals = spec.decimals ?? 0;
  const horizontal = spec.horizontal ?? false;
  const format = (v: number): string => formatValue(v, lang, decimals, spec.unit);
  const plugins: Plugin[] = [];
  if (spec.series.length === 1) plugins.push(valueLabels(spec.series[0]?.values ?? [], format, horizontal));
  if (spec.target) plugins.push(targetLine(spec.target.value, `${spec.target.label} ${format(spec.target.value)}`, horizontal));
  const value = { ...valueScale(lang, decimals, spec.unit), suggestedMax: spec.target?.value };
  return {
    type: 'bar',
    data: {
      labels: markedLabels(spec),
      datasets: spec.series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: seriesColour(i) })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      layout: { padding: { top: spec.target ? 18 : 4, right: 12 } },
      scales: horizontal ? { x: value, y: { grid: { display: false } } } : { y: value, x: { grid: { display: false } } },
      plugins: { legend: { display: spec.series.length > 1, position: 'bottom' } },
    },
    plugins,
  } as Config;
}

function lineConfig(spec: LineSpec, lang: Lang): Config {
  return {
    type: 'line',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        borderColor: seriesColour(i),
        backgroundColor: seriesColour(i),
        pointStyle: POINT_STYLES[i % POINT_STYLES.length],
        pointRadius: 4,
        borderWidth: 2,
        spanGaps: false,
      })),
    },
    options: {
      layout: { padding: { top: 4, right: 12 } },
      scales: { y: valueScale(lang, spec.decimals ?? 0, spec.unit, false), x: { grid: { display: false } } },
      plugins: { legend: { display: spec.series.length > 1, position: 'bottom', labels: { usePointStyle: true } } },
    },
  } as Config;
}

function pyramidConfig(spec: PyramidSpec, lang: Lang): Config {
  const negate = (values: number[]): number[] => values.map((v) => (v === 0 ? 0 : -v));
  const minus = (a: number[], b: number[]): number[] => a.map((v, i) => v - (b[i] ?? 0));
  const bar = (label: string, data: number[], backgroundColor: string) => ({ label, data, backgroundColor, stack: 'age' });
  const { maleForeign, femaleForeign } = spec;
  const datasets =
    maleForeign && femaleForeign
      ? [
          bar(t(lang, WORDS.malesItalian), negate(minus(spec.male, maleForeign)), PALETTE.blue),
          bar(t(lang, WORDS.malesForeign), negate(maleForeign), PALETTE.skyBlue),
          bar(t(lang, WORDS.femalesItalian), minus(spec.female, femaleForeign), PALETTE.vermillion),
          bar(t(lang, WORDS.femalesForeign), femaleForeign, PALETTE.orange),
        ]
      : [bar(t(lang, WORDS.males), negate(spec.male), PALETTE.blue), bar(t(lang, WORDS.females), spec.female, PALETTE.vermillion)];
  // A symmetric axis lets the eye compare the two sides.
  const widest = Math.max(0, ...spec.male, ...spec.female);
  return {
    type: 'bar',
    data: { labels: spec.bands, datasets },
    options: {
      indexAxis: 'y',
      datasets: { bar: { categoryPercentage: 1, barPercentage: 0.9 } },
      scales: {
        x: {
          stacked: true,
          suggestedMin: -widest,
          suggestedMax: widest,
          ticks: {
            precision: 0,
            callback: (value: number | string): string => formatNumber(Math.abs(Number(value)), lang),
          },
        },
        // Every band labelled; reverse puts the youngest at the bottom.
        y: { stacked: true, reverse: true, grid: { display: false }, ticks: { autoSkip: false } },
      },
      plugins: { legend: { display: true, position: 'bottom' } },
    },
  } as Config;
}

function bulletConfig(spec: BulletSpec, lang: Lang): Config {
  const format = (v: number): string => formatValue(v, lang, spec.decimals, spec.unit);
  const colours = spec.values.map((v) => (v != null && v >= spec.target ? PALETTE.green : PALETTE.orange));
  const average = spec.reference === 'average';
  return {
    type: 'bar',
    data: { labels: markedLabels(spec), datasets: [{ label: spec.title, data: spec.values, backgroundColor: colours }] },
    options: {
      indexAxis: 'y',
      // Room on the right for the value printed after the longest bar.
      layout: { padding: { top: 18, right: 64 } },
      scales: {
        x: { ...valueScale(lang, spec.decimals, spec.unit), suggestedMax: spec.target },
        y: { grid: { display: false }, ticks: { autoSkip: false } },
      },
      plugins: {
        legend: {
          display: true,
          position: 'bottom',
          labels: {
            generateLabels: () => [
              {
                text: t(lang, average ? WORDS.aboveAverage : WORDS.reached, spec.words ?? placeParams(DEFAULT_PLACE_WORDS, lang)),
                fillStyle: PALETTE.green,
                strokeStyle: PALETTE.green,
                lineWidth: 0,
              },
              {
                text: t(lang, average ? WORDS.belowAverage : WORDS.below, spec.words ?? placeParams(DEFAULT_PLACE_WORDS, lang)),
                fillStyle: PALETTE.orange,
                strokeStyle: PALETTE.orange,
                lineWidth: 0,
              },
              {
                text: `${spec.targetLabel} ${format(spec.target)}`,
                fillStyle: 'rgba(0,0,0,0)',
                strokeStyle: PALETTE.black,
                lineWidth: 1.5,
                lineDash: [6, 4],
              },
            ],
          },
        },
      },
    },
    plugins: [valueLabels(spec.values, format, true), targetLine(spec.target, format(spec.target), true)],
  } as Config;
}
