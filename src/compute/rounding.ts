/**
 * Rounds half away from zero at `decimals` digits, on the exact value (not on its binary neighbour):
 * 2.675 → 2.68, −0.125 → −0.13. ISTAT publishes indicators rounded this way.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  // toPrecision(15) removes binary noise such as 2.675 → 2.67499999… before rounding.
  const exact = Number(Math.abs(value).toPrecision(15));
  const shifted = Number(`${exact}e${decimals}`);
  const rounded = sign * Number(`${Math.round(shifted)}e${-decimals}`);
  return rounded === 0 ? 0 : rounded;
}
