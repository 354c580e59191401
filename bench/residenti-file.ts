// Deterministic, realistic residenti files (one row per resident) for the benchmark and the tests.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export interface ResidentiFileOptions {
  rows: number;
  anno: number;
  /** Quartiere codes, with a weight each (their population share). */
  quartieri: readonly { codice: string; peso: number }[];
  seed?: number;
  /** One bad row every this many rows (0 for none): unknown quartiere, bad sex, bad year, short row. */
  badEvery?: number;
  delimiter?: string;
  lineEnding?: string;
}

/** What was written: bytes and rows, how many of them bad. */
export interface WrittenFile {
  bytes: number;
  rows: number;
  bad: number;
}

/** mulberry32: a tiny seeded generator, so every run writes the same file. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cumulative table for picking from weights with one random number. */
function picker<T>(items: readonly T[], weights: readonly number[]): (r: number) => T {
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w) / total);
  return (r) => {
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r < cumulative[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

/** An Italian-like age pyramid: few children, a bulge at 50–65, a long tail past 90. */
function ageWeights(): number[] {
  return Array.from({ length: 106 }, (_, age) => {
    if (age < 20) return 0.75 + age * 0.01;
    if (age < 60) return 1 + (age - 20) * 0.012;
    if (age < 100) return Math.max(0.02, 1.48 * Math.exp(-((age - 60) ** 2) / 700));
    return 0.01;
  });
}

const BAD_ROWS = [
  (anno: number, _codice: string) => `${anno};Quartiere Inventato;1980;F;ITA`,
  (anno: number, codice: string) => `${anno};${codice};1975;X;ITA`,
  (anno: number, codice: string) => `${anno};${codice};19x0;M;STR`,
  (anno: number, codice: string) => `${anno};${codice};1990;M`,
];

/** Writes a residenti CSV (`;`, header row) of `rows` residents to `file`. */
export async function writeResidentiFile(file: string, options: ResidentiFileOptions): Promise<WrittenFile> {
  const random = seeded(options.seed ?? 2024);
  const delimiter = options.delimiter ?? ';';
  const eol = options.lineEnding ?? '\n';
  const quartiere = picker(
    options.quartieri.map((q) => q.codice),
    options.quartieri.map((q) => q.peso),
  );
  const ages = ageWeights();
  const age = picker(
    ages.map((_, i) => i),
    ages,
  );
  const out = createWriteStream(file);
  let bytes = 0;
  let bad = 0;
  let buffer = ['anno', 'codice_quartiere', 'anno_nascita', 'sesso', 'cittadinanza'].join(delimiter) + eol;
  for (let i = 1; i <= options.rows; i++) {
    const codice = quartiere(random());
    if (options.badEvery && i % options.badEvery === 0) {
      buffer += BAD_ROWS[bad % BAD_ROWS.length]!(options.anno, codice).replaceAll(';', delimiter) + eol;
      bad++;
    } else {
      const eta = age(random());
      const sesso = random() < (eta > 70 ? 0.42 : 0.495) ? 'M' : 'F';
      const cittadinanza = random() < (eta < 50 ? 0.24 : 0.07) ? 'STR' : 'ITA';
      buffer += `${options.anno}${delimiter}${codice}${delimiter}${options.anno - eta}${delimiter}${sesso}${delimiter}${cittadinanza}${eol}`;
    }
    if (buffer.length > 1 << 20) {
      bytes += Buffer.byteLength(buffer);
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  bytes += Buffer.byteLength(buffer);
  out.end(buffer);
  await once(out, 'finish');
  return { bytes, rows: options.rows, bad };
}
