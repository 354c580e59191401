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
  let hidden = 0;
  const safe = (list: number[]) =>
    list.map((n) => {
      if (n > 0 && n < options.threshold) {
        hidden++;
        return 0;
      }
      return n;
    });
  const male = bands.map((_, i) => counts.M.ITA[i]! + counts.M.STR[i]!);
  const female = bands.map((_, i) => counts.F.ITA[i]! + counts.F.STR[i]!);
  const spec: PyramidSpec = {
    kind: 'pyramid',
    title,
    bands: bands.map((b) => b.label),
    male: safe(male),
    female: safe(female),
  };
  if (options.byCitizenship) {
    spec.maleForeign = safe(counts.M.STR);
    spec.femaleForeign = safe(counts.F.STR);
  }
  return { spec, hidden };
}
