import type { Pyramid } from '../compute/pyramids.js';
import type { PyramidSpec } from './chart-types.js';

/** A pyramid of compute as a chart: a cell withheld for privacy is drawn as an empty band. */
export function pyramidSpec(pyramid: Pyramid, title: string): PyramidSpec {
  const drawn = (cells: (number | null)[]) => cells.map((n) => n ?? 0);
  const series = { male: pyramid.male, female: pyramid.female, maleForeign: pyramid.maleForeign, femaleForeign: pyramid.femaleForeign };
  const withheld = Object.fromEntries(
    Object.entries(series)
      .filter(([, cells]) => cells?.some((n) => n === null))
      .map(([name, cells]) => [name, cells!.map((n) => n === null)]),
  );
  return {
    kind: 'pyramid',
    title,
    bands: pyramid.bands,
    male: drawn(pyramid.male),
    female: drawn(pyramid.female),
    ...(pyramid.maleForeign && { maleForeign: drawn(pyramid.maleForeign) }),
    ...(pyramid.femaleForeign && { femaleForeign: drawn(pyramid.femaleForeign) }),
    ...(Object.keys(withheld).length > 0 && { withheld }),
    totals: pyramid.totals,
    largestBand: pyramid.largestBand,
  };
}
