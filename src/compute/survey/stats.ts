// Small-sample statistics for the survey: means with Student-t intervals and Welch differences.
// Intervals are computed on respondent-level values (one number per person), never on pooled answers,
// because the answers of one person are not independent of each other.

/** A mean and its 95% interval. */
export interface Estimate {
  n: number;
  mean: number;
  low: number;
  high: number;
}

/** A difference of two means (a − b) and its 95% Welch interval. */
export interface Difference {
  diff: number;
  low: number;
  high: number;
  /** True when the interval does not contain zero. */
  distinguishable: boolean;
}

// Exact 97.5% quantiles of Student's t for 1..30 degrees of freedom.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const Z975 = 1.959964;

/** The 97.5% quantile of Student's t with `df` degrees of freedom (real df allowed, for Welch). */
export function tQuantile975(df: number): number {
  if (!(df > 0)) return Number.NaN;
  if (df >= 30) {
    // Cornish-Fisher expansion around the normal quantile: error below 1e-5 from 30 df on.
    const z = Z975;
    return (
      z +
      (z ** 3 + z) / (4 * df) +
      (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) +
      (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3)
    );
  }
  const lower = Math.max(1, Math.floor(df));
  if (lower === df || lower >= 30) return T975[lower - 1]!;
  // Between two tabulated df, interpolate linearly in 1/df (the usual table rule).
  const a = T975[lower - 1]!;
  const b = T975[lower]!;
  const w = (1 / lower - 1 / df) / (1 / lower - 1 / (lower + 1));
  return a + (b - a) * w;
}

function meanVar(values: number[]): { n: number; mean: number; variance: number } {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = n > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { n, mean, variance };
}

/** Mean of respondent-level values with a 95% Student-t interval; null with fewer than 2 values. */
export function meanInterval(values: number[]): Estimate | null {
  if (values.length < 2) return null;
  const { n, mean, variance } = meanVar(values);
  const half = tQuantile975(n - 1) * Math.sqrt(variance / n);
  return { n, mean, low: mean - half, high: mean + half };
}

/** Difference of two means (a − b) with a 95% Welch interval; null when either side has fewer than 2. */
export function welchDifference(a: number[], b: number[]): Difference | null {
  if (a.length < 2 || b.length < 2) return null;
  const x = meanVar(a);
  const y = meanVar(b);
  const va = x.variance / x.n;
  const vb = y.variance / y.n;
  const se = Math.sqrt(va + vb);
  const diff = x.mean - y.mean;
  if (se === 0) return { diff, low: diff, high: diff, distinguishable: diff !== 0 };
  const df = (va + vb) ** 2 / (va ** 2 / (x.n - 1) + vb ** 2 / (y.n - 1));
  const half = tQuantile975(df) * se;
  return { diff, low: diff - half, high: diff + half, distinguishable: diff - half > 0 || diff + half < 0 };
}
