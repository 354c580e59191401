// A file of millions of rows can hold millions of the same mistake: the report keeps the first
// ones of each code, counts the rest, and says how many were left out.
import { NOUNS, t } from '../i18n.js';
import type { Lang, Problem, ProblemCode, Severity } from '../types.js';

/** Problems kept per code by default. */
export const PROBLEMS_PER_CODE = 100;

/** Collects problems up to a limit per code, counting every one. */
export class ProblemCollector {
  private readonly kept: Problem[] = [];
  private readonly counts = new Map<ProblemCode, { seen: number; severity: Severity }>();

  constructor(private readonly file: string, private readonly lang: Lang, readonly limit = PROBLEMS_PER_CODE) {}

  /** Whether a problem of this code would still be kept: build its message only then. */
  wants(code: ProblemCode): boolean {
    return (this.counts.get(code)?.seen ?? 0) < this.limit;
  }

  /** Adds a problem: kept while its code is under the limit, counted always. */
  add(problem: Problem): void {
    const count = this.counts.get(problem.code);
    if (count === undefined) this.counts.set(problem.code, { seen: 1, severity: problem.severity });
    else count.seen++;
    if ((count?.seen ?? 1) <= this.limit) this.kept.push(problem);
  }

  /** Counts a problem not built because its code is past the limit (see `wants`). */
  skip(code: ProblemCode, severity: Severity): void {
    const count = this.counts.get(code);
    if (count === undefined) this.counts.set(code, { seen: 1, severity });
    else count.seen++;
  }

  /** How many problems of a code were met, kept or not. */
  seen(code: ProblemCode): number {
    return this.counts.get(code)?.seen ?? 0;
  }

  /** The kept problems, then one problem per code saying how many more there were. */
  problems(): Problem[] {
    const more: Problem[] = [];
    for (const [code, { seen, severity }] of this.counts) {
      const left = seen - this.limit;
      if (left <= 0) continue;
      const noun = severity === 'error' ? NOUNS.errore : NOUNS.avviso;
      const what = left === 1
        ? t(this.lang, { it: 'un altro {noun}', en: 'one more {noun}' }, { noun: noun[this.lang][0] })
        : t(this.lang, { it: 'altri {n} {noun}', en: '{n} more {noun}' }, { n: left, noun: noun[this.lang][1] });
      more.push({
        code,
        severity,
        file: this.file,
        value: String(left),
        message: t(this.lang, {
          it: '… e {what} {code} in questo file (sono elencati solo i primi {limit}).',
          en: '… and {what} {code} in this file (only the first {limit} are listed).',
        }, { what, code, limit: this.limit }),
      });
    }
    return [...this.kept, ...more];
  }
}
