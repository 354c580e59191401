import type { TypedRow } from '../types.js';
import type { PyramidSpec } from './charts.js';

/** Age bands of `width` years up to `last`+ (e.g. 5 and 100: 0-4 … 95-99, 100+). */
export function ageBands(width: number, last: number): { label: string; min: number; max: number }[] {
  const bands = [];
  for (let min = 0; min < last; min += width) bands.push({ label: `${min}-${min + width - 1}`, min, max: min + width - 1 });
  bands.push({ label: `${last}+`, min: last, max: Infinity });
  return bands;
}

/**
 * A pyramid from popolazione rows of the given quartieri (all when `codes` is null).
 * Cells below `threshold` people are drawn as empty, so that no small group is shown.
 */
export function pyramidOf(
  rows: TypedRow[],
  codes: Set<string> | null,
  title: string,
  options: { width: number; last: number; byCitizenship: boolean; threshold: number },
): { spec: PyramidSpec; hidden: number } {
  const bands = ageBands(options.width, options.last);
  const empty = () => bands.map(() => 0);
  const counts = { M: { ITA: empty(), STR: empty() }, F: { ITA: empty(), STR: empty() } };
  for (const { values } of rows) {
    if (codes && !codes.has(values.codice_quartiere as string)) continue;
    const eta = values.eta as number;
    const band = bands.findIndex((b) => eta >= b.min && eta <= b.max);
    const sex = values.sesso === 'M' ? 'M' : 'F';
    const citizenship = values.cittadinanza === 'STR' ? 'STR' : 'ITA';
    counts[sex][citizenship][band]! += values.residenti as number;
  }
  const male = bands.map((_, i) => counts.M.ITA[i]! + counts.M.STR[i]!);
  const female = bands.map((_, i) => counts.F.ITA[i]! + counts.F.STR[i]!);
  // Males and females together sum to the population the report publishes, and so do the foreign ones
  // to the foreign residents: each pair is protected as one table.
  const [shownMale, shownFemale, hiddenTotal] = protectCells([male, female], options.threshold);
  const spec: PyramidSpec = {
    kind: 'pyramid',
    title,
    bands: bands.map((b) => b.label),
    male: shownMale,
    female: shownFemale,
  };
  let hidden = hiddenTotal;
  if (options.byCitizenship) {
    const [maleForeign, femaleForeign, hiddenForeign] = protectCells([counts.M.STR, counts.F.STR], options.threshold);
    spec.maleForeign = maleForeign;
    spec.femaleForeign = femaleForeign;
    hidden += hiddenForeign;
  }
  return { spec, hidden };
}

/**
 * Hides cells between 1 and threshold − 1 (drawn as empty) in two series whose grand total is published,
 * and, when only one cell is hidden, the smallest other non-empty cell too, so that the total minus the
 * cells shown cannot give the hidden one back.
 */
export function protectCells([a, b]: [number[], number[]], threshold: number): [number[], number[], number] {
  const cells = [...a, ...b];
  const hide = new Set(cells.flatMap((n, i) => (n > 0 && n < threshold ? [i] : [])));
  if (hide.size === 1) {
    const smallest = cells
      .map((n, i) => ({ n, i }))
      .filter(({ n, i }) => n > 0 && !hide.has(i))
      .sort((x, y) => x.n - y.n || x.i - y.i)[0];
    if (smallest) hide.add(smallest.i);
  }
  const shown = cells.map((n, i) => (hide.has(i) ? 0 : n));
  return [shown.slice(0, a.length), shown.slice(a.length), hide.size];
}
