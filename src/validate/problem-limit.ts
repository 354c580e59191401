// A file of millions of rows can hold millions of the same mistake: the report keeps the first
// ones of each code in each file, counts the rest, and says how many were left out. The lists
// compose: a closing problem (`omessi`) fed to another collector counts as the problems it stands for.
import { phrase } from '../i18n.js';
import type { Problem, ProblemCode, Severity } from '../types.js';

/** Problems kept per code (and per file) by default. */
export const PROBLEMS_PER_CODE = 100;

interface Tally {
  seen: number;
  kept: number;
  severity: Severity;
}

/** Collects problems up to a limit per file and code, counting every one; linear in the problems added. */
export class ProblemCollector {
  private readonly kept: Problem[] = [];
  private readonly tallies = new Map<string, Map<ProblemCode, Tally>>();

  /** `file` names the closing problems of codes met through `skip`, which carry no file of their own. */
  constructor(
    private readonly file: string,
    readonly limit = PROBLEMS_PER_CODE,
  ) {}

  /** Whether a problem of this code would still be kept: build its message only then. */
  wants(code: ProblemCode, file = this.file): boolean {
    return (this.tallies.get(file)?.get(code)?.kept ?? 0) < this.limit;
  }

  /** Adds a problem: kept while its code is under the limit in its file, counted always. */
  add(problem: Problem): void {
    const tally = this.tally(problem.file, problem.code, problem.severity);
    if (problem.omessi !== undefined) {
      // A closing problem of an earlier collector: the problems it stands for are counted, not listed.
      tally.seen += problem.omessi;
      return;
    }
    tally.seen++;
    if (tally.kept < this.limit) {
      tally.kept++;
      this.kept.push(problem);
    }
  }

  /** Adds every problem of a list (however long: no spread into a call). */
  addAll(problems: Iterable<Problem>): void {
    for (const problem of problems) this.add(problem);
  }

  /** Counts a problem not built because its code is past the limit (see `wants`). */
  skip(code: ProblemCode, severity: Severity, file = this.file): void {
    this.tally(file, code, severity).seen++;
  }

  /** How many problems of a code were met in a file, kept or not. */
  seen(code: ProblemCode, file = this.file): number {
    return this.tallies.get(file)?.get(code)?.seen ?? 0;
  }

  /** The kept problems in the order they came, then one closing problem per file and code left incomplete. */
  problems(): Problem[] {
    const all = this.kept.slice();
    for (const [file, codes] of this.tallies) {
      for (const [code, { seen, kept, severity }] of codes) {
        if (seen > kept) all.push(omittedProblem(file, code, severity, seen - kept, this.limit));
      }
    }
    return all;
  }

  private tally(file: string, code: ProblemCode, severity: Severity): Tally {
    let codes = this.tallies.get(file);
    if (codes === undefined) this.tallies.set(file, (codes = new Map()));
    let tally = codes.get(code);
    if (tally === undefined) codes.set(code, (tally = { seen: 0, kept: 0, severity }));
    return tally;
  }
}

/** The problems of a list kept to the limit per file and code, with the rest counted. */
export function limitProblems(problems: Iterable<Problem>, limit = PROBLEMS_PER_CODE): Problem[] {
  const collector = new ProblemCollector('', limit);
  collector.addAll(problems);
  return collector.problems();
}

/** The closing problem of a code: `left` more of it in `file`, not listed. */
export function omittedProblem(file: string, code: ProblemCode, severity: Severity, left: number, limit: number): Problem {
  const what =
    severity === 'error'
      ? left === 1
        ? phrase({ it: 'un altro errore', en: 'one more error' })
        : phrase({ it: 'altri {n} errori', en: '{n} more errors' }, { n: left })
      : left === 1
        ? phrase({ it: 'un altro avviso', en: 'one more warning' })
        : phrase({ it: 'altri {n} avvisi', en: '{n} more warnings' }, { n: left });
  return {
    code,
    severity,
    file,
    value: String(left),
    omessi: left,
    message: phrase(
      {
        it: '… e {what} {code} in questo file (sono elencati solo i primi {limit}).',
        en: '… and {what} {code} in this file (only the first {limit} are listed).',
      },
      { what, code, limit },
    ),
  };
}
