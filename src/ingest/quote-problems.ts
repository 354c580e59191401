// The quote problems of one file, kept to a limit: a hostile file of a million broken quotes is
// reported by its first ones and a count, within the memory of any other file.
import type { Problem, Severity } from '../types.js';
import { amount } from '../i18n.js';
import { MAX_QUOTE_PROBLEMS } from './limits.js';
import { readingProblem, readingWarning } from './messages.js';

/** Quote problems in the order met, the first MAX_QUOTE_PROBLEMS kept and the rest counted. */
export class QuoteProblems {
  private readonly kept: Problem[] = [];
  private left = { error: 0, warning: 0 };

  constructor(
    private readonly file: string,
    private readonly limit = MAX_QUOTE_PROBLEMS,
  ) {}

  /** Adds a problem, built only while it is still kept. */
  add(severity: Severity, build: () => Problem): void {
    if (this.kept.length < this.limit) this.kept.push(build());
    else this.left[severity]++;
  }

  /** Adds the problems of a piece of the same file, in order. */
  merge(other: QuoteProblems): void {
    for (const problem of other.kept) this.add(problem.severity, () => problem);
    this.left.error += other.left.error;
    this.left.warning += other.left.warning;
  }

  /** The problems kept, then one closing problem counting those left out. */
  list(): Problem[] {
    const left = this.left.error + this.left.warning;
    if (left === 0) return this.kept.slice();
    const params = { n: amount(left), limit: amount(this.limit) };
    const closing =
      this.left.error > 0
        ? readingProblem('source-error', this.file, 'moreQuoteProblems', params, { value: String(left) })
        : readingWarning(this.file, 'moreQuoteProblems', params, { value: String(left) });
    return [...this.kept, closing];
  }
}
