// Row lists written compactly for the lineage of a figure: `2-405, 8000-8404, 3-13333/2`.
// `a-b` is every row from a to b; `a-b/s` every s-th row from a to b (cron's notation), which keeps
// a filter such as cittadinanza=STR, true on every other row of a file, to a few characters.

/** Writes sorted or unsorted row numbers as compact ranges; duplicates are ignored. */
export function formatRowRanges(rows: Iterable<number>): string {
  const sorted = sortedUnique(rows);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i]!;
    const next = sorted[i + 1];
    if (next === undefined) {
      parts.push(String(start));
      break;
    }
    const step = next - start;
    let j = i + 1;
    while (j + 1 < sorted.length && sorted[j + 1]! - sorted[j]! === step) j++;
    const count = j - i + 1;
    // Two rows one apart read best as a range; two rows far apart as two numbers.
    if (step === 1) {
      parts.push(`${start}-${sorted[j]!}`);
      i = j + 1;
    } else if (count >= 3) {
      parts.push(`${start}-${sorted[j]!}/${step}`);
      i = j + 1;
    } else {
      parts.push(String(start));
      i += 1;
    }
  }
  return parts.join(', ');
}

/** The distinct row numbers in ascending order; rows already in file order (the usual case) are not sorted again. */
function sortedUnique(rows: Iterable<number>): ArrayLike<number> {
  const list = Array.isArray(rows) ? (rows as number[]) : [...rows];
  let ascending = true;
  for (let i = 1; i < list.length && ascending; i++) ascending = list[i]! > list[i - 1]!;
  if (ascending) return list;
  // Row numbers are positive integers below 2^31: a typed array sorts them numerically, and fast.
  return Int32Array.from(new Set(list)).sort();
}

/** Reads compact ranges back into the sorted row numbers (the inverse of formatRowRanges). */
export function parseRowRanges(text: string): number[] {
  const rows: number[] = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(\d+)(?:-(\d+)(?:\/(\d+))?)?$/.exec(part);
    if (!match) throw new Error(`intervallo di righe non valido: "${part}"`);
    const start = Number(match[1]);
    const end = match[2] === undefined ? start : Number(match[2]);
    const step = match[3] === undefined ? 1 : Number(match[3]);
    for (let row = start; row <= end; row += step) rows.push(row);
  }
  return [...new Set(rows)].sort((a, b) => a - b);
}

/** How many rows compact ranges name. */
export function countRowRanges(text: string): number {
  return parseRowRanges(text).length;
}
