/**
 * Rounds half away from zero at `decimals` digits, on the exact value (not on its binary neighbour):
 * 2.675 → 2.68, −0.125 → −0.13. ISTAT publishes indicators rounded this way.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  // Counts are most of what is rounded: an integer stays itself (and −0 becomes 0), with no string work.
  if (Number.isInteger(value) && decimals >= 0) return value === 0 ? 0 : value;
  const sign = value < 0 ? -1 : 1;
  // toPrecision(15) removes binary noise such as 2.675 → 2.67499999… before rounding.
  const exact = Number(Math.abs(value).toPrecision(15));
  const shifted = Number(`${exact}e${decimals}`);
  const rounded = sign * Number(`${Math.round(shifted)}e${-decimals}`);
  return rounded === 0 ? 0 : rounded;
}
