import type { ChartConfiguration, Plugin } from 'chart.js';
import { t } from '../i18n.js';
import type { Lang } from '../types.js';
import type { BarSpec, BulletSpec, ChartOptions, ChartSpec, LineSpec, PyramidSpec } from './chart-types.js';
import { formatNumber } from './format.js';
import { barLabels, type ChartGeometry, type ReferenceLine } from './chart-plugins.js';
import { areaBarLayout, type AreaBarLayout, type Measure } from './chart-layout.js';
import { DEFAULT_PLACE_WORDS, placeParams } from './place-words.js';
import {
  PALETTE,
  POINT_STYLES,
  REFERENCE_LINES,
  SUPPRESSED_MARK,
  WORDS,
  formatValue,
  isBelowReference,
  seriesColour,
  tickDecimals,
  toleranceWords,
} from './chart-style.js';

// From a chart spec to a Chart.js configuration: the only place that knows Chart.js options.

type Config = ChartConfiguration<'bar' | 'line'>;
type TickValue = { value: number };

/** Pixels (CSS px at 96 dpi); 720×360 (pyramids 720×480) fills the text width of an A4 page. */
export const DEFAULT_WIDTH = 720;
export const DEFAULT_HEIGHT = 360;
/** Pyramids label every age band (21 of them), so they get more height unless told otherwise. */
export const PYRAMID_HEIGHT = 480;

/** What the configuration needs from the drawing surface, and hooks for tests. */
export interface ChartContext {
  /** Text widths on the canvas that draws the chart. */
  measure: Measure;
  /** Plugins that observe the drawing (the SVG text, tests). */
  plugins?: Plugin[];
  /** Receives where bars, value labels and the reference line were drawn (bar and bullet charts). */
  geometry?: (g: ChartGeometry) => void;
}

/** A chart's Chart.js configuration and the size of its image. */
export interface SizedConfig {
  config: Config;
  width: number;
  height: number;
}

/** Builds the Chart.js configuration of a spec and chooses the size of its image. */
export function chartConfig(spec: ChartSpec, lang: Lang, options: ChartOptions, context: ChartContext): SizedConfig {
  const width = options.width ?? DEFAULT_WIDTH;
  const built = buildConfig(spec, lang, options, width, context);
  const { config, layout } = built;
  const height = layout?.height ?? options.height ?? (spec.kind === 'pyramid' ? PYRAMID_HEIGHT : DEFAULT_HEIGHT);
  const hasSuppressed = suppressedIndexes(spec).size > 0;
  // A title drawn in the image leaves, under it, the room the reference line's label needs.
  const titleGap = options.showTitle && layout ? layout.padding.top : 10;
  if (options.showTitle && layout) layout.padding.top = 4;
  config.options = {
    ...config.options,
    animation: false,
    responsive: false,
    devicePixelRatio: 1,
    plugins: {
      ...config.options?.plugins,
      title: {
        display: options.showTitle ?? false,
        text: spec.title,
        font: { size: 14, weight: 'bold' },
        padding: { top: 10, bottom: titleGap },
      },
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
  config.plugins = [...(config.plugins ?? []), ...(context.plugins ?? [])];
  return { config, width, height };
}

/** Indexes of the categories with at least one value withheld. */
export function suppressedIndexes(spec: ChartSpec): Set<number> {
  const rows = spec.kind === 'bullet' ? [spec.values] : spec.kind === 'pyramid' ? [] : spec.series.map((s) => s.values);
  const out = new Set<number>();
  for (const values of rows) values.forEach((v, i) => v === null && out.add(i));
  return out;
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

function buildConfig(
  spec: ChartSpec,
  lang: Lang,
  options: ChartOptions,
  width: number,
  context: ChartContext,
): { config: Config; layout?: AreaBarLayout } {
  switch (spec.kind) {
    case 'bar':
      return barConfig(spec, lang, options, width, context);
    case 'line':
      return { config: lineConfig(spec, lang) };
    case 'pyramid':
      return { config: pyramidConfig(spec, lang) };
    case 'bullet':
      return bulletConfig(spec, lang, options, width, context);
  }
}

/** The names of the areas and the ` (n.d.)` each withheld one carries, apart, so that shortening keeps the mark. */
function namesOf(spec: BarSpec | BulletSpec, lang: Lang): { names: string[]; suffixes: string[] } {
  const suppressed = suppressedIndexes(spec);
  return { names: spec.labels, suffixes: spec.labels.map((_, i) => (suppressed.has(i) ? ` (${SUPPRESSED_MARK[lang]})` : '')) };
}

/** The category axis of a bar chart of areas: every name, as the layout fitted it, never rotated. */
function categoryAxis(layout: AreaBarLayout) {
  return {
    grid: { display: false },
    ticks: { autoSkip: false, maxRotation: 0, minRotation: 0, font: { size: layout.fontSize } },
  };
}

function barConfig(
  spec: BarSpec,
  lang: Lang,
  options: ChartOptions,
  width: number,
  context: ChartContext,
): { config: Config; layout: AreaBarLayout } {
  const decimals = spec.decimals ?? 0;
  const format = (v: number): string => formatValue(v, lang, decimals, spec.unit);
  const single = spec.series.length === 1;
  const values = spec.series[0]?.values ?? [];
  const referenceTexts = spec.target ? [`${spec.target.label} ${format(spec.target.value)}`] : [];
  const layout = areaBarLayout(
    {
      ...namesOf(spec, lang),
      seriesCount: spec.series.length,
      valueTexts: single ? values.map((v) => (v == null ? SUPPRESSED_MARK[lang] : format(v))) : [],
      preferHorizontal: spec.horizontal ?? false,
      referenceTexts,
      legend: !single,
      subtitle: suppressedIndexes(spec).size > 0,
      axisTitle: Boolean(spec.unit && spec.unit !== '%'),
      width,
      height: options.height,
    },
    context.measure,
  );
  const horizontal = layout.horizontal;
  const plugins: Plugin[] = [];
  if (single || spec.target) {
    plugins.push(
      barLabels({
        values,
        format,
        withheldText: SUPPRESSED_MARK[lang],
        horizontal,
        colours: values.map(() => seriesColour(0)),
        references: spec.target ? [{ value: spec.target.value, text: layout.referenceTexts[0] ?? null, ...REFERENCE_LINES.target }] : [],
        showValues: single,
        fontSize: layout.fontSize,
        measure: context.measure,
        geometry: context.geometry,
      }),
    );
  }
  const value = { ...valueScale(lang, decimals, spec.unit), suggestedMax: spec.target?.value };
  const config = {
    type: 'bar',
    data: {
      labels: layout.names,
      datasets: spec.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: seriesColour(i),
        maxBarThickness: layout.maxBarThickness,
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      layout: { padding: layout.padding },
      scales: horizontal ? { x: value, y: categoryAxis(layout) } : { y: value, x: categoryAxis(layout) },
      plugins: { legend: { display: !single, position: 'bottom' } },
    },
    plugins,
  } as Config;
  return { config, layout };
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
      // Over many years the axis follows the data; with two points a truncated axis would make any change
      // look steep, so it begins at zero.
      scales: { y: valueScale(lang, spec.decimals ?? 0, spec.unit, spec.labels.length <= 2), x: { grid: { display: false } } },
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

function bulletConfig(
  spec: BulletSpec,
  lang: Lang,
  options: ChartOptions,
  width: number,
  context: ChartContext,
): { config: Config; layout: AreaBarLayout } {
  const format = (v: number): string => formatValue(v, lang, spec.decimals, spec.unit);
  const colours = spec.values.map((v) => (v != null && !isBelowReference(v, spec.target, spec.reference) ? PALETTE.green : PALETTE.orange));
  const average = spec.reference === 'average';
  // The first line is the target, or the city's value when there is no target; beside a target, the city's value is the second.
  const lines: (Omit<ReferenceLine, 'text'> & { name: string })[] = [
    { name: spec.targetLabel, value: spec.target, ...(average ? REFERENCE_LINES.city : REFERENCE_LINES.target) },
    ...(spec.city && !average ? [{ name: spec.city.label, value: spec.city.value, ...REFERENCE_LINES.city }] : []),
  ];
  const layout = areaBarLayout(
    {
      ...namesOf(spec, lang),
      seriesCount: 1,
      valueTexts: spec.values.map((v) => (v == null ? SUPPRESSED_MARK[lang] : format(v))),
      preferHorizontal: true,
      referenceTexts: lines.map((line) => format(line.value)),
      legend: true,
      subtitle: suppressedIndexes(spec).size > 0,
      axisTitle: Boolean(spec.unit && spec.unit !== '%'),
      width,
      height: options.height,
    },
    context.measure,
  );
  const config = {
    type: 'bar',
    data: {
      labels: layout.names,
      datasets: [{ label: spec.title, data: spec.values, backgroundColor: colours, maxBarThickness: layout.maxBarThickness }],
    },
    options: {
      indexAxis: 'y',
      // Room on the right for the value printed after the longest bar, above for the reference's label.
      layout: { padding: layout.padding },
      scales: {
        x: { ...valueScale(lang, spec.decimals, spec.unit), suggestedMax: Math.max(...lines.map((line) => line.value)) },
        y: categoryAxis(layout),
      },
      plugins: {
        legend: {
          display: true,
          position: 'bottom',
          labels: {
            generateLabels: () => [
              {
                text: t(lang, average ? WORDS.aboveAverage : WORDS.reached, {
                  ...(spec.words ?? placeParams(DEFAULT_PLACE_WORDS, lang)),
                  ...toleranceWords(),
                }),
                fillStyle: PALETTE.green,
                strokeStyle: PALETTE.green,
                lineWidth: 0,
              },
              {
                text: t(lang, average ? WORDS.belowAverage : WORDS.below, {
                  ...(spec.words ?? placeParams(DEFAULT_PLACE_WORDS, lang)),
                  ...toleranceWords(),
                }),
                fillStyle: PALETTE.orange,
                strokeStyle: PALETTE.orange,
                lineWidth: 0,
              },
              ...lines.map((line) => ({
                text: `${line.name} ${format(line.value)}`,
                fillStyle: 'rgba(0,0,0,0)',
                strokeStyle: line.colour,
                lineWidth: 1.5,
                lineDash: [...line.dash],
              })),
            ],
          },
        },
      },
    },
    plugins: [
      barLabels({
        values: spec.values,
        format,
        withheldText: SUPPRESSED_MARK[lang],
        horizontal: true,
        colours,
        references: lines.map(({ value, colour, dash }, i) => ({ value, colour, dash, text: layout.referenceTexts[i] ?? null })),
        showValues: true,
        fontSize: layout.fontSize,
        measure: context.measure,
        geometry: context.geometry,
      }),
    ],
  } as Config;
  return { config, layout };
}
