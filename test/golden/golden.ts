import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

// Golden files, as observablehq/framework keeps them: the expected text is committed; a mismatch writes
// `<name>-changed.<ext>` beside it and fails with a short diff. Regenerated only on purpose
// (UPDATE_GOLDEN=1), never in CI (CI=true), where a missing golden file fails too.

const ci = () => Boolean(process.env.CI) && process.env.CI !== 'false';
const UPDATE = 'UPDATE_GOLDEN=1 npx vitest run test/golden';

/** `report.txt` → `report-changed.txt`, in the same folder. */
export function changedPath(expected: string): string {
  const ext = path.extname(expected);
  return `${expected.slice(0, expected.length - ext.length)}-changed${ext}`;
}

/** Compares `actual` with the golden file `expected`; returns null when they match (or the file was written), else why not. */
export async function checkGolden(expected: string, actual: string): Promise<string | null> {
  const changed = changedPath(expected);
  const update = Boolean(process.env.UPDATE_GOLDEN) && process.env.UPDATE_GOLDEN !== '0';
  if (update && ci()) return `UPDATE_GOLDEN is set but CI is too: golden files are never regenerated in CI (${expected}).`;
  const current = await readFile(expected, 'utf8').catch(() => undefined);
  if (update || (current === undefined && !ci())) {
    if (current !== actual) {
      await mkdir(path.dirname(expected), { recursive: true });
      await writeFile(expected, actual);
      process.stderr.write(`golden: ${current === undefined ? 'created' : 'updated'} ${path.relative(process.cwd(), expected)}\n`);
    }
    await rm(changed, { force: true });
    return null;
  }
  if (current === undefined) return `Missing golden file ${expected}: create it with \`${UPDATE}\` and commit it.`;
  if (current === actual) {
    await rm(changed, { force: true });
    return null;
  }
  await writeFile(changed, actual);
  return [
    `${path.relative(process.cwd(), expected)} differs from this build (${diffSummary(current, actual)}).`,
    `The new text is in ${path.relative(process.cwd(), changed)} (diff the two files to see all).`,
    `If the change is intended: ${UPDATE}, and commit the golden files.`,
    ...diffExcerpt(current, actual),
  ].join('\n');
}

interface Edit {
  kind: ' ' | '-' | '+';
  line: string;
  /** Line number in the expected file ('-', ' ') or in the new text ('+'). */
  at: number;
}

/** A line diff (longest common subsequence; trimmed of the common head and tail first, so a small change is cheap). */
export function diffLines(before: string, after: string): Edit[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const n = x.length;
  const m = y.length;
  if ((n + 1) * (m + 1) > 8_000_000) return positional(x, y, head);
  // lcs[i * (m + 1) + j]: length of the longest common subsequence of x[i..] and y[j..].
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        x[i] === y[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      edits.push({ kind: ' ', line: x[i]!, at: head + i + 1 });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!)) {
      edits.push({ kind: '-', line: x[i]!, at: head + i + 1 });
      i++;
    } else {
      edits.push({ kind: '+', line: y[j]!, at: head + j + 1 });
      j++;
    }
  }
  return edits;
}

/** Too many changed lines for the table: line by line, in place (a rewrite, not a small change). */
function positional(x: string[], y: string[], head: number): Edit[] {
  const edits: Edit[] = [];
  for (let k = 0; k < Math.max(x.length, y.length); k++) {
    if (x[k] === y[k]) edits.push({ kind: ' ', line: x[k]!, at: head + k + 1 });
    else {
      if (k < x.length) edits.push({ kind: '-', line: x[k]!, at: head + k + 1 });
      if (k < y.length) edits.push({ kind: '+', line: y[k]!, at: head + k + 1 });
    }
  }
  return edits;
}

/** "3 lines removed, 5 added, from line 120". */
function diffSummary(before: string, after: string): string {
  const edits = diffLines(before, after);
  const removed = edits.filter((e) => e.kind === '-').length;
  const added = edits.filter((e) => e.kind === '+').length;
  const first = edits.find((e) => e.kind !== ' ');
  return `${removed} line${removed === 1 ? '' : 's'} removed, ${added} added${first ? `, from line ${first.at}` : ''}`;
}

/** The first changed lines, at most `limit`, as "-  12 | old" and "+  12 | new". */
function diffExcerpt(before: string, after: string, limit = 12): string[] {
  const changed = diffLines(before, after).filter((e) => e.kind !== ' ');
  const shown = changed.slice(0, limit).map((e) => `${e.kind}${String(e.at).padStart(5)} | ${e.line}`);
  if (changed.length > limit) shown.push(`… and ${changed.length - limit} more changed lines`);
  return shown;
}
