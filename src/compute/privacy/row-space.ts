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

/**
 * x mod P for an integer 0 ≤ x < P² + P (a residue plus a product of two): the same as x % P, without the
 * floating-point remainder, which V8 leaves to a slow library call. q·P and x − q·P are exact (below
 * 2^53); the quotient rounded from x / P may be off by one, which one correction step undoes.
 */
function reduceMod(x: number): number {
  const r = x - Math.floor(x / P) * P;
  return r < 0 ? r + P : r >= P ? r - P : r;
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
  private readonly items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const a = this.items;
    a.push(x);
    for (let i = a.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= a[i]!) break;
      const t = a[parent]!;
      a[parent] = a[i]!;
      a[i] = t;
      i = parent;
    }
  }
  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]! < a[m]!) m = l;
        if (r < a.length && a[r]! < a[m]!) m = r;
        if (m === i) break;
        const t = a[m]!;
        a[m] = a[i]!;
        a[i] = t;
        i = m;
      }
    }
    return top;
  }
}

/** A basis row: its pivot is its smallest variable, with coefficient 1; `origin` says which published rows made it. */
interface BasisRow {
  /** Variables in increasing order (the first is the pivot) and their residues. */
  index: Int32Array;
  value: Float64Array;
  origin: SparseRow | null;
}

/** What reducing a vector against the basis leaves, and the published rows used on the way. */
export interface Reduction {
  residue: SparseRow;
  /** Coefficients of the published rows (by their index in `add` order) subtracted from the vector. */
  combination: SparseRow;
}

function axpy(target: SparseRow, factor: number, source: SparseRow): void {
  for (const [k, v] of source) {
    const next = mod((target.get(k) ?? 0) + mulMod(factor, v));
    if (next === 0) target.delete(k);
    else target.set(k, next);
  }
}

/**
 * The span of the published rows, kept in echelon form: each basis row's pivot is its smallest variable,
 * and reducing a vector eliminates its variables in increasing order (a subtraction only brings in larger
 * ones), so one pass through a heap of variables is enough. The vector being reduced lives in a dense work
 * array reused from call to call; basis rows are typed arrays: thousands of rows over thousands of base
 * counts reduce without allocating a map per step.
 */
export class RowSpace {
  private readonly pivots = new Map<number, BasisRow>();
  private count = 0;
  private work = new Float64Array(1024);
  private queued = new Uint8Array(1024);
  /** Reused by every reduction: it is always empty between calls. */
  private readonly heap = new MinHeap();

  /** `trackOrigins`: keep which published rows make each basis row (for `combination`); it costs time. */
  constructor(private readonly trackOrigins = true) {}

  /** The number of independent rows added so far. */
  get rank(): number {
    return this.pivots.size;
  }

  private ensure(size: number): void {
    if (size <= this.work.length) return;
    let length = this.work.length;
    while (length < size) length *= 2;
    const work = new Float64Array(length);
    work.set(this.work);
    const queued = new Uint8Array(length);
    queued.set(this.queued);
    this.work = work;
    this.queued = queued;
  }

  /** Reduces `vector` against the basis (the vector is not changed): the residue, in increasing order. */
  private reduceDense(vector: SparseRow, combination: SparseRow | null): { index: number[]; value: number[] } {
    let max = -1;
    for (const k of vector.keys()) if (k > max) max = k;
    this.ensure(max + 1);
    const heap = this.heap;
    for (const [k, v] of vector) {
      const r = residue(v);
      if (r === 0) continue;
      this.work[k] = r;
      if (!this.queued[k]) {
        this.queued[k] = 1;
        heap.push(k);
      }
    }
    const index: number[] = [];
    const value: number[] = [];
    while (heap.size > 0) {
      const k = heap.pop();
      this.queued[k] = 0;
      const coefficient = this.work[k]!;
      if (coefficient === 0) continue;
      const pivot = this.pivots.get(k);
      if (!pivot) {
        index.push(k);
        value.push(coefficient);
        this.work[k] = 0;
        continue;
      }
      const factor = P - coefficient;
      const { index: columns, value: values } = pivot;
      const last = columns[columns.length - 1]!;
      this.ensure(last + 1);
      const work = this.work;
      this.work[k] = 0;
      for (let i = 1; i < columns.length; i++) {
        const j = columns[i]!;
        work[j] = reduceMod(work[j]! + factor * values[i]!);
        if (!this.queued[j]) {
          this.queued[j] = 1;
          heap.push(j);
        }
      }
      if (combination && pivot.origin) axpy(combination, factor, pivot.origin);
    }
    return { index, value };
  }

  /** Reduces `vector` against the basis (the vector is not changed). */
  reduce(vector: SparseRow): Reduction {
    const combination: SparseRow = new Map();
    const { index, value } = this.reduceDense(vector, this.trackOrigins ? combination : null);
    const rest: SparseRow = new Map();
    index.forEach((k, i) => rest.set(k, value[i]!));
    return { residue: rest, combination };
  }

  /** Adds a published row; returns its index (for combinations) and whether it was independent. */
  add(vector: SparseRow): { index: number; independent: boolean } {
    const rowIndex = this.count++;
    const combination: SparseRow | null = this.trackOrigins ? new Map() : null;
    const { index, value } = this.reduceDense(vector, combination);
    if (index.length === 0) return { index: rowIndex, independent: false };
    // The heap gave the residue's variables in increasing order: the first is the pivot.
    const scale = inverse(value[0]!);
    // Filled by hand: a typed array's from() with a mapping function is several times slower.
    const row: BasisRow = { index: new Int32Array(index.length), value: new Float64Array(index.length), origin: null };
    for (let i = 0; i < index.length; i++) {
      row.index[i] = index[i]!;
      row.value[i] = reduceMod(value[i]! * scale);
    }
    if (combination) {
      // origin = scale × (vector − Σ used rows): combination already holds −Σ used rows.
      const origin: SparseRow = new Map();
      axpy(origin, scale, combination);
      axpy(origin, scale, new Map([[rowIndex, 1]]));
      row.origin = origin;
    }
    this.pivots.set(index[0]!, row);
    return { index: rowIndex, independent: true };
  }

  /** True when `vector` is a linear combination of the rows added: its value follows from theirs. */
  contains(vector: SparseRow): boolean {
    return this.reduceDense(vector, null).index.length === 0;
  }
}
