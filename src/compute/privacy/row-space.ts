// Exact linear algebra for the privacy audit: is a protected count a linear combination of the published
// figures? Rows are sparse (variable index → coefficient) and live modulo a prime P, so that the
// arithmetic is exact with plain numbers: P² < 2^53, every product fits a double without rounding.
//
// Why a prime and not rationals: if a vector lies in the span of the published rows over the rationals,
// it lies there modulo P too (reduce the rational combination mod P; its denominators are products of
// the small coefficients bilancio uses, never P). So the test never misses a leak; modulo P it could at
// most report a combination that does not exist over the rationals, a false alarm that errs on the side
// of withholding.

/** A prime below √(2^53): products of two residues are exact doubles. */
export const P = 94_906_249;

export type SparseRow = Map<number, number>;

function mod(a: number): number {
  const r = a % P;
  return r < 0 ? r + P : r;
}

function mulMod(a: number, b: number): number {
  return (a * b) % P;
}

/** a⁻¹ mod P (extended Euclid); a must not be 0 mod P. */
export function inverse(a: number): number {
  let [oldR, r] = [mod(a), P];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1) throw new Error(`${a} has no inverse modulo ${P}`);
  return mod(oldS);
}

/** A rational coefficient (1, -1, 0.5, 1/3, 1000) as a residue: numerator × denominator⁻¹. */
export function residue(x: number): number {
  if (Number.isInteger(x)) return mod(x);
  const tolerance = 1e-9 * Math.max(1, Math.abs(x));
  for (let d = 2; d <= 1000; d++) {
    const n = Math.round(x * d);
    if (Math.abs(n / d - x) < tolerance) return mulMod(mod(n), inverse(d));
  }
  for (let k = 4, d = 10_000; k <= 9; k++, d *= 10) {
    const n = Math.round(x * d);
    if (Math.abs(n / d - x) < tolerance) return mulMod(mod(n), inverse(d));
  }
  throw new Error(`coefficient ${x} is not a simple fraction`);
}

/** A small binary min-heap of variable indices (the order in which a row is reduced). */
class MinHeap {
  private items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const a = this.items;
    a.push(x);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= a[i]!) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }
  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]! < a[m]!) m = l;
        if (r < a.length && a[r]! < a[m]!) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

/** A basis row: its pivot is its smallest variable, with coefficient 1; `origin` says which published rows made it. */
interface BasisRow {
  row: SparseRow;
  origin: SparseRow;
}

/** What reducing a vector against the basis leaves, and the published rows used on the way. */
export interface Reduction {
  residue: SparseRow;
  /** Coefficients of the published rows (by their index in `add` order) subtracted from the vector. */
  combination: SparseRow;
}

function axpy(target: SparseRow, factor: number, source: SparseRow, onNew?: (k: number) => void): void {
  for (const [k, v] of source) {
    const before = target.get(k);
    const next = mod((before ?? 0) + mulMod(factor, v));
    if (next === 0) target.delete(k);
    else {
      target.set(k, next);
      if (before === undefined) onNew?.(k);
    }
  }
}

/**
 * The span of the published rows, kept in echelon form: each basis row's pivot is its smallest variable,
 * and reducing a vector eliminates its variables in increasing order (a subtraction only brings in larger
 * ones), so one pass through a heap of variables is enough.
 */
export class RowSpace {
  private readonly pivots = new Map<number, BasisRow>();
  private count = 0;

  /** `trackOrigins`: keep which published rows make each basis row (for `combination`); it costs time. */
  constructor(private readonly trackOrigins = true) {}

  /** The number of independent rows added so far. */
  get rank(): number {
    return this.pivots.size;
  }

  /** Reduces `vector` against the basis (the vector is not changed). */
  reduce(vector: SparseRow): Reduction {
    const rest = new Map<number, number>();
    for (const [k, v] of vector) {
      const r = residue(v);
      if (r !== 0) rest.set(k, r);
    }
    const combination: SparseRow = new Map();
    const heap = new MinHeap();
    const queued = new Set<number>();
    const enqueue = (k: number) => {
      if (queued.has(k)) return;
      queued.add(k);
      heap.push(k);
    };
    for (const k of rest.keys()) enqueue(k);
    while (heap.size > 0) {
      const k = heap.pop();
      queued.delete(k);
      const coefficient = rest.get(k);
      const pivot = this.pivots.get(k);
      if (coefficient === undefined || !pivot) continue;
      const factor = mod(-coefficient);
      axpy(rest, factor, pivot.row, enqueue);
      if (this.trackOrigins) axpy(combination, factor, pivot.origin);
    }
    return { residue: rest, combination };
  }

  /** Adds a published row; returns its index (for combinations) and whether it was independent. */
  add(vector: SparseRow): { index: number; independent: boolean } {
    const index = this.count++;
    const { residue: rest, combination } = this.reduce(vector);
    if (rest.size === 0) return { index, independent: false };
    let pivot = Infinity;
    for (const k of rest.keys()) if (k < pivot) pivot = k;
    const scale = inverse(rest.get(pivot)!);
    const row: SparseRow = new Map();
    for (const [k, v] of rest) row.set(k, mulMod(v, scale));
    // origin = scale × (vector − Σ used rows): combination already holds −Σ used rows.
    const origin: SparseRow = new Map();
    if (this.trackOrigins) {
      axpy(origin, scale, combination);
      axpy(origin, scale, new Map([[index, 1]]));
    }
    this.pivots.set(pivot, { row, origin });
    return { index, independent: true };
  }

  /** True when `vector` is a linear combination of the rows added: its value follows from theirs. */
  contains(vector: SparseRow): boolean {
    return this.reduce(vector).residue.size === 0;
  }
}
