import { t, type Bilingual } from '../i18n.js';
import type { Lang } from '../types.js';
import type { BarSpec, BulletSpec, ChartSeries, ChartSpec, LineSpec, PyramidSpec } from './chart-types.js';
import { formatChange, formatNumber } from './format.js';
import { formatValue, WORDS } from './chart-style.js';
import { DEFAULT_PLACE_WORDS, placeParams } from './place-words.js';

// The text alternative of each chart: what it shows, with the numbers, in the report language.

const TEXT = {
  bar: { it: 'Grafico a barre: {title}.', en: 'Bar chart: {title}.' },
  line: { it: 'Grafico a linee: {title}, {from}–{to}.', en: 'Line chart: {title}, {from}–{to}.' },
  pyramid: { it: "Piramide dell'età: {title}.", en: 'Age pyramid: {title}.' },
  bullet: { it: 'Grafico di copertura: {title}.', en: 'Coverage chart: {title}.' },
  extremes: {
    it: 'Valore più alto: {max}, più basso: {min}.',
    en: 'Highest value: {max}, lowest: {min}.',
  },
  target: { it: 'Obiettivo ({label}): {value}.', en: 'Target ({label}): {value}.' },
  change: { it: 'variazione {from}–{to}: {change}', en: 'change {from}–{to}: {change}' },
  totals: { it: 'Maschi {male}, femmine {female}.', en: 'Males {male}, females {female}.' },
  foreign: {
    it: 'Di cittadinanza straniera: maschi {male}, femmine {female}.',
    en: 'With foreign citizenship: males {male}, females {female}.',
  },
  byBand: { it: 'Per fascia (maschi / femmine):', en: 'By age band (males / females):' },
  ofWhichForeignMale: { it: 'di cui stranieri {n}', en: 'foreign {n}' },
  ofWhichForeignFemale: { it: 'di cui straniere {n}', en: 'foreign {n}' },
  largestBand: { it: 'Fascia più numerosa: {band} ({n}).', en: 'Largest band: {band} ({n}).' },
  reached: { it: 'raggiunto', en: 'reached' },
  below: { it: "sotto l'obiettivo", en: 'below target' },
  reachedCount: {
    it: "Aree che raggiungono l'obiettivo: {n} su {of}.",
    en: 'Areas reaching the target: {n} of {of}.',
  },
  reference: { it: 'Riferimento ({label}): {value}.', en: 'Reference ({label}): {value}.' },
  atOrAbove: { it: 'pari o sopra', en: 'at or above' },
  under: { it: 'sotto', en: 'below' },
  aboveCount: {
    it: 'Aree pari o sopra il valore {dell_intero}: {n} su {of}.',
    en: 'Areas at or above the {intero} value: {n} of {of}.',
  },
} satisfies Record<string, Bilingual>;

interface Point {
  name: string;
  value: number;
}

/** Writes the text alternative of a chart, stating its numbers, highest and lowest. */
export function altText(spec: ChartSpec, lang: Lang): string {
  switch (spec.kind) {
    case 'bar':
      return barAlt(spec, lang);
    case 'line':
      return lineAlt(spec, lang);
    case 'pyramid':
      return pyramidAlt(spec, lang);
    case 'bullet':
      return bulletAlt(spec, lang);
  }
}

function extremes(points: Point[], show: (v: number) => string, lang: Lang): string[] {
  if (points.length < 2) return [];
  const max = points.reduce((a, b) => (b.value > a.value ? b : a));
  const min = points.reduce((a, b) => (b.value < a.value ? b : a));
  return [
    t(lang, TEXT.extremes, {
      max: `${max.name} (${show(max.value)})`,
      min: `${min.name} (${show(min.value)})`,
    }),
  ];
}

function listing(names: string[], values: (number | null)[], show: (v: number) => string, lang: Lang): string {
  return names
    .map((name, i) => {
      const value = values[i];
      return `${name} ${value == null ? t(lang, WORDS.suppressedAlt) : show(value)}`;
    })
    .join('; ');
}

function pointsOf(names: string[], values: (number | null)[], prefix = ''): Point[] {
  return names.flatMap((name, i) => {
    const value = values[i];
    return value == null ? [] : [{ name: prefix + name, value }];
  });
}

function seriesPoints(spec: { labels: string[]; series: ChartSeries[] }): Point[] {
  const many = spec.series.length > 1;
  return spec.series.flatMap((s) => pointsOf(spec.labels, s.values, many ? `${s.label}, ` : ''));
}

function barAlt(spec: BarSpec, lang: Lang): string {
  const show = (v: number): string => formatValue(v, lang, spec.decimals ?? 0, spec.unit);
  const parts = [t(lang, TEXT.bar, { title: spec.title })];
  for (const s of spec.series) {
    const prefix = spec.series.length > 1 ? `${s.label}: ` : '';
    parts.push(`${prefix}${listing(spec.labels, s.values, show, lang)}.`);
  }
  if (spec.target) parts.push(t(lang, TEXT.target, { label: spec.target.label, value: show(spec.target.value) }));
  parts.push(...extremes(seriesPoints(spec), show, lang));
  return parts.join(' ');
}

function lineAlt(spec: LineSpec, lang: Lang): string {
  const decimals = spec.decimals ?? 0;
  const show = (v: number): string => formatValue(v, lang, decimals, spec.unit);
  const parts = [t(lang, TEXT.line, { title: spec.title, from: spec.labels[0] ?? '', to: spec.labels.at(-1) ?? '' })];
  for (const s of spec.series) {
    const prefix = spec.series.length > 1 ? `${s.label}: ` : '';
    const points = pointsOf(spec.labels, s.values);
    const first = points[0];
    const last = points.at(-1);
    const change =
      first && last && first !== last
        ? `; ${t(lang, TEXT.change, { from: first.name, to: last.name, change: formatChange(last.value - first.value, lang, decimals) })}`
        : '';
    parts.push(`${prefix}${listing(spec.labels, s.values, show, lang)}${change}.`);
  }
  parts.push(...extremes(seriesPoints(spec), show, lang));
  return parts.join(' ');
}

function pyramidAlt(spec: PyramidSpec, lang: Lang): string {
  const n = (v: number): string => formatNumber(v, lang);
  const parts = [
    t(lang, TEXT.pyramid, { title: spec.title }),
    t(lang, TEXT.totals, { male: n(spec.totals.male), female: n(spec.totals.female) }),
  ];
  const split = spec.maleForeign !== undefined && spec.femaleForeign !== undefined;
  if (split) parts.push(t(lang, TEXT.foreign, { male: n(spec.totals.maleForeign ?? 0), female: n(spec.totals.femaleForeign ?? 0) }));
  // A cell withheld for privacy is drawn as an empty band: the text says so instead of a 0.
  const cell = (series: keyof NonNullable<PyramidSpec['withheld']>, i: number, value: number): string =>
    spec.withheld?.[series]?.[i] ? t(lang, WORDS.suppressedAlt) : n(value);
  const withForeign = (total: string, foreign: string | undefined, words: Bilingual): string =>
    split && foreign !== undefined ? `${total} (${t(lang, words, { n: foreign })})` : total;
  const bands = spec.bands.map((band, i) => {
    const foreign = (series: 'maleForeign' | 'femaleForeign') =>
      spec[series]?.[i] === undefined ? undefined : cell(series, i, spec[series]![i]!);
    const male = withForeign(cell('male', i, spec.male[i] ?? 0), foreign('maleForeign'), TEXT.ofWhichForeignMale);
    const female = withForeign(cell('female', i, spec.female[i] ?? 0), foreign('femaleForeign'), TEXT.ofWhichForeignFemale);
    return `${band} ${male} / ${female}`;
  });
  parts.push(`${t(lang, TEXT.byBand)} ${bands.join('; ')}.`);
  if (spec.largestBand) parts.push(t(lang, TEXT.largestBand, { band: spec.largestBand.band, n: n(spec.largestBand.residenti) }));
  return parts.join(' ');
}

function bulletAlt(spec: BulletSpec, lang: Lang): string {
  const average = spec.reference === 'average';
  const show = (v: number): string => formatValue(v, lang, spec.decimals, spec.unit);
  const items = spec.labels.map((label, i) => {
    const value = spec.values[i];
    if (value == null) return `${label} ${t(lang, WORDS.suppressedAlt)}`;
    const reached = value >= spec.target;
    return `${label} ${show(value)} (${t(lang, average ? (reached ? TEXT.atOrAbove : TEXT.under) : reached ? TEXT.reached : TEXT.below)})`;
  });
  const known = spec.values.filter((v): v is number => v != null);
  return [
    t(lang, TEXT.bullet, { title: spec.title }),
    t(lang, average ? TEXT.reference : TEXT.target, { label: spec.targetLabel, value: show(spec.target) }),
    ...(spec.city && !average ? [t(lang, TEXT.reference, { label: spec.city.label, value: show(spec.city.value) })] : []),
    `${items.join('; ')}.`,
    t(lang, average ? TEXT.aboveCount : TEXT.reachedCount, {
      ...(spec.words ?? placeParams(DEFAULT_PLACE_WORDS, lang)),
      n: known.filter((v) => v >= spec.target).length,
      of: known.length,
    }),
    ...extremes(pointsOf(spec.labels, spec.values), show, lang),
  ].join(' ');
}
