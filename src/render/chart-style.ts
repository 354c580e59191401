import type { Bilingual } from '../i18n.js';
import type { Lang } from '../types.js';
import { formatNumber, numberArticle } from './format.js';

// Colours, font and fixed words shared by every chart.

/** Okabe–Ito, the colour-blind-safe palette, in the order series get them. */
export const PALETTE = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  skyBlue: '#56B4E9',
  purple: '#CC79A7',
  yellow: '#F0E442',
  black: '#000000',
} as const;

export const SERIES_COLOURS: readonly string[] = [
  PALETTE.blue,
  PALETTE.orange,
  PALETTE.green,
  PALETTE.vermillion,
  PALETTE.skyBlue,
  PALETTE.purple,
  PALETTE.black,
  PALETTE.yellow,
];

/** Point shapes, so that lines stay apart in greyscale too. */
export const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'] as const;

/** Installed by fonts-dejavu-core on Debian; named exactly so that every build draws the same glyphs. */
export const FONT_FAMILY = 'DejaVu Sans';
export const FONT_SIZE = 12;
export const TEXT_COLOUR = '#222222';

/**
 * The opening tag of the group that holds the text of a chart or map: the family named exactly as in
 * the canvas, so that the widths measured there hold in the browser, and no ligatures, so that
 * "Buffalora" reads back from the PDF as letters however the SVG is shown (inline or as an image).
 */
export function textGroupTag(fill: string): string {
  return `<g font-family="${FONT_FAMILY}, sans-serif" fill="${fill}" style="font-variant-ligatures: none">`;
}

/** Mark of a value withheld for privacy, as the report's tables print it (LABELS.nd). */
export const SUPPRESSED_MARK = { it: 'n.d.', en: 'n.a.' } as const;

export const WORDS = {
  suppressedNote: { it: 'n.d. = dato riservato', en: 'n.a. = withheld for privacy' },
  suppressedAlt: { it: 'n.d. (dato riservato)', en: 'n.a. (withheld for privacy)' },
  males: { it: 'Maschi', en: 'Males' },
  females: { it: 'Femmine', en: 'Females' },
  malesItalian: { it: 'Maschi italiani', en: 'Italian males' },
  malesForeign: { it: 'Maschi stranieri', en: 'Foreign males' },
  femalesItalian: { it: 'Femmine italiane', en: 'Italian females' },
  femalesForeign: { it: 'Femmine straniere', en: 'Foreign females' },
  reached: { it: 'Obiettivo raggiunto', en: 'Target reached' },
  below: { it: "Sotto l'obiettivo", en: 'Below target' },
  aboveAverage: { it: 'Almeno {l_quota} del valore {dell_intero}', en: 'At least {quota} of the {intero} value' },
  belowAverage: { it: 'Meno {del_quota} del valore {dell_intero}', en: 'Less than {quota} of the {intero} value' },
} satisfies Record<string, Bilingual>;

/**
 * How the reference lines of a bar chart are stroked: a target dashed in black, the city's value dotted in
 * grey, so that the two read apart side by side, in the legend and in greyscale.
 */
export const REFERENCE_LINES = {
  target: { colour: PALETTE.black, dash: [6, 4] },
  city: { colour: '#555555', dash: [2, 3] },
} as const satisfies Record<string, { colour: string; dash: readonly number[] }>;

/** Colour of the series at `index`, cycling through the palette. */
export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length] ?? PALETTE.blue;
}

/** A number with its unit as the report writes it: `33,5%`, `1.200 €`, `16.000`. */
export function formatValue(value: number, lang: Lang, decimals = 0, unit?: string): string {
  const number = formatNumber(value, lang, decimals);
  if (!unit) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** Fewest decimals (up to `max`) that show every tick exactly, so ticks read `10`, not `10,0`. */
export function tickDecimals(values: readonly number[], max: number): number {
  for (let d = 0; d < max; d++) {
    const scale = 10 ** d;
    if (values.every((v) => Math.abs(Math.round(v * scale) - v * scale) < 1e-6)) return d;
  }
  return max;
}

/**
 * How far below the city's value an area may be before its bar is marked (orange) when the line is the
 * city's value, not a target: a fraction of that value. 0,7 against 0,8 is a difference of rounding and of
 * small numbers, not a gap to point at; the legend says the tolerance.
 */
export const AVERAGE_TOLERANCE = 0.2;

/** Whether a bar of a bullet chart is marked as below its line: below a target, or beyond the tolerance below the city. */
export function isBelowReference(value: number, target: number, reference: 'target' | 'average' = 'target'): boolean {
  if (reference === 'target' || target <= 0) return value < target;
  return value < target * (1 - AVERAGE_TOLERANCE);
}

/** The words of the tolerance for the legend: {quota} "80%", {l_quota} "l'80%", {del_quota} "dell'80%". */
export function toleranceWords(): Record<string, string> {
  const share = Math.round((1 - AVERAGE_TOLERANCE) * 100);
  const article = numberArticle(share);
  return { quota: `${share}%`, l_quota: `${article}${share}%`, del_quota: `${article === "l'" ? "dell'" : 'del '}${share}%` };
}
