// Fitting a table to known margins, then rounding it to integers that keep those margins exactly.

import { at, sum } from './apportion.js';

/** A dense rows × columns matrix of non-negative numbers. */
export type Matrix = Float64Array[];

/**
 * Iterative proportional fitting: scales a positive seed so its row sums and column sums match
 * the targets, keeping the seed's interactions (its odds ratios). Targets must have equal totals.
 */
export function fitMargins(seed: Matrix, rowTargets: readonly number[], colTargets: readonly number[]): Matrix {
  const m = seed.map((row) => Float64Array.from(row));
  const cols = colTargets.length;
  for (let iteration = 0; iteration < 2000; iteration++) {
    m.forEach((row, r) => {
      const s = sum(row);
      const f = s > 0 ? at(rowTargets, r) / s : 0;
      for (let k = 0; k < cols; k++) row[k] = at(row, k) * f;
    });
    const colSums = new Float64Array(cols);
    for (const row of m) for (let k = 0; k < cols; k++) colSums[k] = at(colSums, k) + at(row, k);
    let worst = 0;
    for (let k = 0; k < cols; k++) {
      const s = at(colSums, k);
      const f = s > 0 ? at(colTargets, k) / s : 0;
      for (const row of m) row[k] = at(row, k) * f;
    }
    m.forEach((row, r) => (worst = Math.max(worst, Math.abs(sum(row) - at(rowTargets, r)))));
    if (worst < 1e-7) break;
  }
  return m;
}

/**
 * Rounds a fitted matrix to integers with exactly the given (integer) row and column sums,
 * moving each cell to its floor or its ceiling. Which cells go up is a bipartite b-matching:
 * greedily by largest fraction first, then completed with augmenting paths.
 */
export function roundToMargins(fitted: Matrix, rowTargets: readonly number[], colTargets: readonly number[]): Int32Array[] {
  const rows = fitted.length;
  const cols = colTargets.length;
  const out = fitted.map((row) => Int32Array.from(row, (v) => Math.floor(v + 1e-9)));
  const frac = fitted.map((row, r) => Float64Array.from(row, (v, k) => v - at(at(out, r), k)));
  const rowNeed = rowTargets.map((t, r) => t - sum(at(out, r)));
  const colNeed = colTargets.map((t, k) => {
    let s = 0;
    for (const row of out) s += at(row, k);
    return t - s;
  });
  if (rowNeed.some((n) => n < 0) || colNeed.some((n) => n < 0)) throw new Error('fit overshoots its margins');
  const up = out.map(() => new Uint8Array(cols));

  const cells: { r: number; k: number; f: number }[] = [];
  for (let r = 0; r < rows; r++) for (let k = 0; k < cols; k++) cells.push({ r, k, f: at(at(frac, r), k) });
  cells.sort((a, b) => b.f - a.f || a.r - b.r || a.k - b.k);
  for (const { r, k, f } of cells) {
    if (f <= 1e-6) break;
    if (at(rowNeed, r) > 0 && at(colNeed, k) > 0) {
      at(up, r)[k] = 1;
      rowNeed[r] = at(rowNeed, r) - 1;
      colNeed[k] = at(colNeed, k) - 1;
    }
  }

  // Augmenting paths: row --(not yet up)--> column --(up)--> row ... ending at a column in need.
  // Prefer cells with a fraction; allow any cell only if that fails (tiny IPF residuals).
  for (const strict of [true, false]) {
    for (let start = 0; start < rows; start++) {
      while (at(rowNeed, start) > 0) {
        const path = augmentingPath(start, up, frac, colNeed, strict);
        if (!path) break;
        for (const [r, k, on] of path) at(up, r)[k] = on ? 1 : 0;
        rowNeed[start] = at(rowNeed, start) - 1;
        const last = path[path.length - 1];
        if (last) colNeed[last[1]] = at(colNeed, last[1]) - 1;
      }
    }
  }
  if (rowNeed.some((n) => n !== 0) || colNeed.some((n) => n !== 0)) throw new Error('cannot round to the margins');
  out.forEach((row, r) => row.forEach((v, k) => (row[k] = v + at(at(up, r), k))));
  return out;
}

/** Breadth-first search for one augmenting path; returns the cells to switch on/off. */
function augmentingPath(
  start: number,
  up: Uint8Array[],
  frac: Matrix,
  colNeed: number[],
  strict: boolean,
): [number, number, boolean][] | null {
  const rows = up.length;
  const cols = colNeed.length;
  const colFrom = new Int32Array(cols).fill(-1); // row that reached this column
  const rowFrom = new Int32Array(rows).fill(-1); // column that reached this row
  const seenRow = new Uint8Array(rows);
  seenRow[start] = 1;
  const queue = [start];
  while (queue.length > 0) {
    const r = queue.shift()!;
    const upRow = at(up, r);
    const fracRow = at(frac, r);
    for (let k = 0; k < cols; k++) {
      if (at(colFrom, k) !== -1 || at(upRow, k) === 1) continue;
      if (strict && at(fracRow, k) <= 1e-6) continue;
      colFrom[k] = r;
      if (at(colNeed, k) > 0) return tracePath(k, colFrom, rowFrom);
      for (let r2 = 0; r2 < rows; r2++) {
        if (!at(seenRow, r2) && at(at(up, r2), k) === 1) {
          seenRow[r2] = 1;
          rowFrom[r2] = k;
          queue.push(r2);
        }
      }
    }
  }
  return null;
}

function tracePath(endCol: number, colFrom: Int32Array, rowFrom: Int32Array): [number, number, boolean][] {
  const path: [number, number, boolean][] = [];
  let k = endCol;
  for (;;) {
    const r = at(colFrom, k);
    path.unshift([r, k, true]);
    const prevCol = at(rowFrom, r);
    if (prevCol === -1) break;
    path.unshift([r, prevCol, false]);
    k = prevCol;
  }
  return path; // start row first; the last cell is the one in the column in need
}
