// Integer allocation helpers: the calibration rests on these being exact.

/** Element i of an array, throwing on a hole (keeps noUncheckedIndexedAccess honest). */
export function at<T>(items: ArrayLike<T>, i: number): T {
  const item = items[i];
  if (item === undefined) throw new RangeError(`index ${i} outside 0..${items.length - 1}`);
  return item;
}

/** Sum of a list of numbers. */
export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += at(values, i);
  return total;
}

/**
 * Splits an integer total over weights by largest remainder, never giving a part more than its cap.
 * Quotas above a cap are fixed at the cap and the rest re-shared (water-filling), so the result
 * sums exactly to `total`. Ties go to the lower index, so the result is deterministic.
 */
export function apportion(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const n = weights.length;
  const cap = (i: number): number => (caps ? at(caps, i) : Infinity);
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`total ${total} is not a count`);
  if (caps && sum(caps) < total) throw new RangeError(`total ${total} exceeds the caps (${sum(caps)})`);

  const quota = new Array<number>(n).fill(0);
  const fixed = new Array<boolean>(n).fill(false);
  let remaining = total;
  for (;;) {
    let weightLeft = 0;
    for (let i = 0; i < n; i++) if (!fixed[i]) weightLeft += Math.max(0, at(weights, i));
    if (weightLeft <= 0) break;
    let capped = false;
    for (let i = 0; i < n; i++) {
      if (fixed[i]) continue;
      quota[i] = (remaining * Math.max(0, at(weights, i))) / weightLeft;
      if (quota[i]! > cap(i)) {
        quota[i] = cap(i);
        fixed[i] = true;
        remaining -= cap(i);
        capped = true;
      }
    }
    if (!capped) break;
  }

  const parts = quota.map((q, i) => Math.min(Math.floor(q + 1e-9), cap(i)));
  let left = total - sum(parts);
  const order = quota
    .map((q, i) => ({ i, frac: q - Math.floor(q + 1e-9), weight: Math.max(0, at(weights, i)) }))
    .sort((a, b) => b.frac - a.frac || b.weight - a.weight || a.i - b.i);
  // First pass: only parts with a positive weight; second: anything with room (weights all zero).
  for (const pass of [true, false]) {
    for (const { i, weight } of order) {
      if (left === 0) break;
      if (pass && weight <= 0) continue;
      if (at(parts, i) < cap(i)) {
        parts[i] = at(parts, i) + 1;
        left--;
      }
    }
  }
  if (left !== 0) throw new RangeError(`cannot apportion ${total}: ${left} left over`);
  return parts;
}
