import type { Pyramid } from '../compute/pyramids.js';
import type { PyramidSpec } from './chart-types.js';

/** A pyramid of compute as a chart: a cell withheld for privacy is drawn as an empty band. */
export function pyramidSpec(pyramid: Pyramid, title: string): PyramidSpec {
  const drawn = (cells: (number | null)[]) => cells.map((n) => n ?? 0);
  return {
    kind: 'pyramid',
    title,
    bands: pyramid.bands,
    male: drawn(pyramid.male),
    female: drawn(pyramid.female),
    ...(pyramid.maleForeign && { maleForeign: drawn(pyramid.maleForeign) }),
    ...(pyramid.femaleForeign && { femaleForeign: drawn(pyramid.femaleForeign) }),
  };
}
