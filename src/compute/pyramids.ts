import type { Territorio } from '../types.js';
import type { Reference, Condition } from './expression.js';
import type { BaseCounts } from './privacy/base-counts.js';
import type { Figure, WithholdReason } from './privacy/protect.js';

// The age pyramids the report draws: residents by age band and sex (and, for the city, the foreign ones
// too) at 31 December of the report year. Their cells are published figures like the indicators: the
// privacy authority decides which are withheld, over the same base counts, so that a pyramid cell cannot
// be worked out from an indicator, nor an indicator's small count from a pyramid.

/** One pyramid: counts per band, null where withheld for privacy. */
export interface Pyramid {
  /** `citta` or a quartiere code. */
  area: string;
  anno: number;
  bands: string[];
  male: (number | null)[];
  female: (number | null)[];
  maleForeign?: (number | null)[];
  femaleForeign?: (number | null)[];
  /** How many cells are withheld. */
  hidden: number;
  /** Why each withheld cell is, by `<series>|<band>` (series: male, female, maleForeign, femaleForeign). */
  motivi: Record<string, WithholdReason>;
  /** Residents drawn in each series: the sum of the cells shown (a withheld cell adds nothing). */
  totals: { male: number; female: number; maleForeign?: number; femaleForeign?: number };
  /** The band with the most residents among those whose two cells are both shown, or null. */
  largestBand: { band: string; residenti: number } | null;
}

/** Sums of the shown cells and the largest fully shown band: what a text alternative of the pyramid says. */
function summarize(pyramid: Omit<Pyramid, 'totals' | 'largestBand'>): Pick<Pyramid, 'totals' | 'largestBand'> {
  const sum = (cells: (number | null)[]) => cells.reduce<number>((total, n) => total + (n ?? 0), 0);
  const totals: Pyramid['totals'] = { male: sum(pyramid.male), female: sum(pyramid.female) };
  if (pyramid.maleForeign) totals.maleForeign = sum(pyramid.maleForeign);
  if (pyramid.femaleForeign) totals.femaleForeign = sum(pyramid.femaleForeign);
  let largestBand: Pyramid['largestBand'] = null;
  pyramid.bands.forEach((band, i) => {
    const male = pyramid.male[i];
    const female = pyramid.female[i];
    if (male === null || female === null || male === undefined || female === undefined) return;
    if (!largestBand || male + female > largestBand.residenti) largestBand = { band, residenti: male + female };
  });
  return { totals, largestBand };
}

/** The pyramids of a report: the city's (5-year bands to 100+, by citizenship) and one per quartiere (10-year to 90+). */
export interface Pyramids {
  citta: Pyramid | null;
  quartieri: Map<string, Pyramid>;
}

interface Band {
  label: string;
  min: number;
  max: number | null;
}

/** Age bands of `width` years up to `last`+ (e.g. 5 and 100: 0-4 … 95-99, 100+). */
export function ageBands(width: number, last: number): Band[] {
  const bands: Band[] = [];
  for (let min = 0; min < last; min += width) bands.push({ label: `${min}-${min + width - 1}`, min, max: min + width - 1 });
  bands.push({ label: `${last}+`, min: last, max: null });
  return bands;
}

const SERIES = [
  { name: 'male', sesso: 'M', foreign: false },
  { name: 'female', sesso: 'F', foreign: false },
  { name: 'maleForeign', sesso: 'M', foreign: true },
  { name: 'femaleForeign', sesso: 'F', foreign: true },
] as const;

type SeriesName = (typeof SERIES)[number]['name'];

function cellReference(band: Band, sesso: string, foreign: boolean): Reference {
  const conditions: Condition[] = [
    { field: 'eta', op: '>=', value: band.min, position: 0 },
    ...(band.max === null ? [] : [{ field: 'eta', op: '<=' as const, value: band.max, position: 0 }]),
    { field: 'sesso', op: '=', value: sesso, position: 0 },
    ...(foreign ? [{ field: 'cittadinanza', op: '=' as const, value: 'STR', position: 0 }] : []),
  ];
  return { kind: 'ref', dataset: 'popolazione', yearOffset: 0, conditions, position: 0 };
}

interface PyramidPlan {
  area: string;
  units: string[] | null;
  label: string;
  level: number;
  bands: Band[];
  series: readonly SeriesName[];
}

function plans(territorio: Territorio, cityName: string): PyramidPlan[] {
  return [
    {
      area: 'citta',
      units: null,
      label: cityName,
      level: 2,
      bands: ageBands(5, 100),
      series: ['male', 'female', 'maleForeign', 'femaleForeign'],
    },
    ...territorio.quartieri.map((q): PyramidPlan => ({
      area: q.codice,
      units: [q.codice],
      label: `quartiere ${q.nome}`,
      level: 0,
      bands: ageBands(10, 90),
      series: ['male', 'female'],
    })),
  ];
}

const cellKey = (anno: number, area: string, series: string, band: string) => `pyr|${anno}|${area}|${series}|${band}`;

/** Declares the conditions of every pyramid cell, before the base counts are split. */
export function declarePyramids(base: BaseCounts, anno: number): void {
  for (const width of [
    [5, 100],
    [10, 90],
  ] as const) {
    for (const band of ageBands(width[0], width[1])) {
      for (const s of SERIES) base.declare(cellReference(band, s.sesso, s.foreign), anno);
    }
  }
}

/**
 * The pyramid cells as figures of the privacy authority. Each table (the bands of one area, males and
 * females together, and apart the foreign ones) is a hierarchy whose total is published elsewhere (the
 * population), so a single withheld cell gets a complement in its table.
 */
export function pyramidFigures(territorio: Territorio, anno: number, base: BaseCounts, threshold: number, cityName: string): Figure[] {
  const figures: Figure[] = [];
  for (const plan of plans(territorio, cityName)) {
    const tables = [plan.series.filter((s) => !s.endsWith('Foreign')), plan.series.filter((s) => s.endsWith('Foreign'))].filter(
      (t) => t.length > 0,
    );
    for (const [t, table] of tables.entries()) {
      const group = `pyr|${anno}|${plan.area}|${t}`;
      // The table's total stands for the population published beside it: a parent with nothing of its own.
      figures.push({
        key: `${group}|totale`,
        label: `piramide ${plan.label} ${anno}, totale`,
        level: 3,
        equations: [],
        groups: [{ id: group, role: 'parent' }],
      });
      for (const name of table) {
        const s = SERIES.find((x) => x.name === name)!;
        for (const band of plan.bands) {
          const form = base.form(cellReference(band, s.sesso, s.foreign), anno, plan.units);
          figures.push({
            key: cellKey(anno, plan.area, name, band.label),
            label: `piramide ${plan.label} ${anno}, ${s.sesso}${s.foreign ? ' stranieri' : ''} ${band.label}`,
            level: plan.level,
            equations: form.size === 0 ? [] : [{ part: 'residenti', form, value: base.valueOf(form), persons: true, threshold }],
            groups: [{ id: group, role: 'child' }],
          });
        }
      }
    }
  }
  return figures;
}

/** The pyramids as published: each cell's count, or null where the authority withheld it. */
export function publishedPyramids(
  territorio: Territorio,
  anno: number,
  figures: Figure[],
  withheld: ReadonlyMap<string, WithholdReason>,
  cityName: string,
  hasPopulation: boolean,
): Pyramids {
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const pyramids: Pyramids = { citta: null, quartieri: new Map() };
  if (!hasPopulation) return pyramids;
  for (const plan of plans(territorio, cityName)) {
    let hidden = 0;
    const motivi: Record<string, WithholdReason> = {};
    const series = (name: SeriesName) =>
      plan.bands.map((band) => {
        const key = cellKey(anno, plan.area, name, band.label);
        const motivo = withheld.get(key);
        if (motivo) {
          hidden++;
          motivi[`${name}|${band.label}`] = motivo;
          return null;
        }
        return byKey.get(key)?.equations[0]?.value ?? 0;
      });
    const cells: Omit<Pyramid, 'totals' | 'largestBand'> = {
      area: plan.area,
      anno,
      bands: plan.bands.map((b) => b.label),
      male: series('male'),
      female: series('female'),
      hidden: 0,
      motivi,
    };
    if (plan.series.includes('maleForeign')) {
      cells.maleForeign = series('maleForeign');
      cells.femaleForeign = series('femaleForeign');
    }
    cells.hidden = hidden;
    const pyramid: Pyramid = { ...cells, ...summarize(cells) };
    if (plan.area === 'citta') pyramids.citta = pyramid;
    else pyramids.quartieri.set(plan.area, pyramid);
  }
  return pyramids;
}
