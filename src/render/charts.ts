import { createHash } from 'node:crypto';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import type { Lang } from '../types.js';
import { altText } from './chart-alt.js';
import { chartConfig } from './chart-config.js';
import type { Measure } from './chart-layout.js';
import type { ChartGeometry } from './chart-plugins.js';
import { svgText, textElements, type PlacedText } from './chart-text.js';
import { FONT_FAMILY, FONT_SIZE, TEXT_COLOUR } from './chart-style.js';
import { finishSvg } from './chart-svg.js';
import type { ChartImage, ChartOptions, ChartSpec } from './chart-types.js';

// Charts drawn by Chart.js on a node-canvas SVG surface: one call, one inline SVG and its alt text.

export type * from './chart-types.js';
export { SUPPRESSED_MARK } from './chart-style.js';

export { DEFAULT_HEIGHT, DEFAULT_WIDTH, PYRAMID_HEIGHT } from './chart-config.js';
export type { ChartGeometry } from './chart-plugins.js';
export type { PlacedText } from './chart-text.js';

/** What `trace` tells of a drawing, for tests. */
export interface ChartTrace {
  image: ChartImage;
  /** Every string drawn, in order. */
  drawnText: string[];
  /** The same strings with where they were drawn (and their measured box). */
  texts: PlacedText[];
  /** Bars, value labels and reference line of a bar or bullet chart; null for other charts. */
  geometry: ChartGeometry | null;
  /** Text widths on the canvas that drew the chart. */
  measure: Measure;
}

/** Renders charts, each distinct (spec, lang, options) once; holds one canvas per size. */
export interface ChartRenderer {
  render(spec: ChartSpec, lang: Lang, options?: ChartOptions): ChartImage;
  /** Renders without the cache and also returns every string drawn, in order (for tests). */
  trace(spec: ChartSpec, lang: Lang, options?: ChartOptions): ChartTrace;
}

type CanvasOptions = ConstructorParameters<typeof ChartJSNodeCanvas>[0];

/**
 * A canvas of one size that draws with the Chart.js of its renderer, and lends a context to measure text.
 * chartjs-node-canvas loads a fresh copy of Chart.js for every canvas it makes (a compile of the library
 * each time, 60-100 ms), and a report has charts of several sizes; the copies would all be set up alike
 * (the defaults below, nothing registered globally: each chart brings its plugins in its own config), so
 * the first one serves every size.
 */
class Canvas extends ChartJSNodeCanvas {
  protected override initialize(options: CanvasOptions & { shared?: { chartJs?: ChartJSNodeCanvas['_chartJs'] } }) {
    const shared = options.shared!;
    shared.chartJs ??= super.initialize(options);
    return shared.chartJs;
  }

  /** A 2D context of the kind that draws, to measure text before drawing. */
  measureContext(): { font: string; measureText(text: string): { width: number } } {
    return this._createCanvas(1, 1, 'svg').getContext('2d');
  }
}

/** Creates a renderer with its own cache and canvases (one per build is enough). */
export function createChartRenderer(): ChartRenderer {
  const canvases = new Map<string, Canvas>();
  const cache = new Map<string, ChartImage>();
  const shared: { chartJs?: ChartJSNodeCanvas['_chartJs'] } = {};

  const canvasFor = (width: number, height: number): Canvas => {
    const key = `${width}x${height}`;
    let canvas = canvases.get(key);
    if (!canvas) {
      const options: CanvasOptions & { shared: typeof shared } = {
        width,
        height,
        type: 'svg',
        chartCallback: (chartJs) => {
          chartJs.defaults.font.family = FONT_FAMILY;
          chartJs.defaults.font.size = FONT_SIZE;
          chartJs.defaults.color = TEXT_COLOUR;
        },
        shared,
      };
      canvas = new Canvas(options);
      canvases.set(key, canvas);
    }
    return canvas;
  };

  // Widths of text in the charts' font, measured once each, on a surface of the kind that draws.
  let measuring: ReturnType<Canvas['measureContext']> | undefined;
  const widths = new Map<string, number>();
  const measure: Measure = (text, size) => {
    const key = `${size}|${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      measuring ??= canvasFor(1, 1).measureContext();
      measuring.font = `${size}px "${FONT_FAMILY}"`;
      width = measuring.measureText(text).width;
      widths.set(key, width);
    }
    return width;
  };

  const draw = (
    spec: ChartSpec,
    lang: Lang,
    options: ChartOptions,
    key: string,
  ): { image: ChartImage; texts: PlacedText[]; geometry: ChartGeometry | null } => {
    checkSpec(spec);
    const texts: PlacedText[] = [];
    let geometry: ChartGeometry | null = null;
    const { config, width, height } = chartConfig(spec, lang, options, {
      measure,
      plugins: [svgText(texts)],
      geometry: (g) => (geometry = g),
    });
    // chartjs-node-canvas types its config against chart.js/auto; the shapes are the same.
    const raw = canvasFor(width, height)
      .renderToBufferSync(config as Parameters<ChartJSNodeCanvas['renderToBufferSync']>[0], 'image/svg+xml')
      .toString('utf8');
    const alt = altText(spec, lang);
    const svg = finishSvg(raw, { id: `chart-${key.slice(0, 12)}`, title: spec.title, desc: alt, width, height }, textElements(texts));
    return { image: Object.freeze({ svg, alt, width, height }), texts, geometry };
  };

  return {
    render(spec, lang, options = {}) {
      const key = chartKey(spec, lang, options);
      let image = cache.get(key);
      if (!image) {
        image = draw(spec, lang, options, key).image;
        cache.set(key, image);
      }
      return image;
    },
    trace(spec, lang, options = {}) {
      const { image, texts, geometry } = draw(spec, lang, options, chartKey(spec, lang, options));
      return { image, drawnText: texts.map((t) => t.text), texts, geometry, measure };
    },
  };
}

let shared: ChartRenderer | undefined;

/** Renders one chart with a process-wide renderer (and its cache). */
export function renderChart(spec: ChartSpec, lang: Lang, options: ChartOptions = {}): ChartImage {
  shared ??= createChartRenderer();
  return shared.render(spec, lang, options);
}

/** A stable hash of (spec, lang, options): same content, same key, whatever the key order. */
export function chartKey(spec: ChartSpec, lang: Lang, options: ChartOptions): string {
  return createHash('sha256').update(stableJson({ spec, lang, options })).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Throws on a spec the caller built wrong (lengths that disagree, numbers that are not finite). */
function checkSpec(spec: ChartSpec): void {
  const fail = (what: string): never => {
    throw new RangeError(`bilancio: chart "${spec.title}": ${what}`);
  };
  const finite = (values: readonly (number | null)[], name: string): void => {
    if (values.some((v) => v !== null && !Number.isFinite(v))) fail(`${name} has a value that is not a finite number`);
  };
  const sameLength = (values: readonly unknown[] | undefined, n: number, name: string): void => {
    if (values && values.length !== n) fail(`${name} has ${values.length} values for ${n} labels`);
  };
  if (spec.kind === 'pyramid') {
    const n = spec.bands.length;
    const rows = { male: spec.male, female: spec.female, maleForeign: spec.maleForeign, femaleForeign: spec.femaleForeign };
    for (const [name, values] of Object.entries(rows)) {
      sameLength(values, n, name);
      if (values) finite(values, name);
    }
    const over = (part: number[] | undefined, whole: number[]) => part?.some((v, i) => v > (whole[i] ?? 0));
    if (over(spec.maleForeign, spec.male) || over(spec.femaleForeign, spec.female)) fail('foreign residents exceed the total');
    return;
  }
  if (spec.kind === 'bullet') {
    sameLength(spec.values, spec.labels.length, 'values');
    finite([...spec.values, spec.target, ...(spec.city ? [spec.city.value] : [])], 'values');
    return;
  }
  for (const s of spec.series) {
    sameLength(s.values, spec.labels.length, `series "${s.label}"`);
    finite(s.values, `series "${s.label}"`);
  }
}
