import type { TypedRow, ValidatedProject } from '../types.js';
import { computeSurvey, type SurveyOptions, type SurveyResult } from './survey/compute-survey.js';
import type { AuditMemo } from './privacy/protect.js';

// What a compute may keep for the next one over the same rows: the live preview computes again after
// every save, and most saves leave most rows as they were (the same row objects: the preview keeps a
// table and its checks while its file is unchanged). Only parts whose result depends on nothing but
// named rows and settings are kept; rows made anew, or any other difference, and the part is redone.

/** Each row's number, given the first time it is seen: the same row object has the same number. */
const rowNumbers = new WeakMap<TypedRow, number>();
let nextRow = 0;

/** Rows as text that is the same for the same row objects in the same order. */
function rowsKey(rows: readonly TypedRow[]): string {
  return rows
    .map((row) => {
      let n = rowNumbers.get(row);
      if (n === undefined) rowNumbers.set(row, (n = nextRow++));
      return n;
    })
    .join(',');
}

/**
 * The parts of a compute kept for the next: the survey of a year, by its answers, questions, territory
 * and settings; and the privacy audit's parts found to give nothing away, by the digest of their algebra
 * (protect.ts, AuditMemo): the same equations against the same protected counts have the same answer,
 * whatever build made them.
 */
export class ComputeMemo {
  private kept: AuditMemo = new Set();

  /** The audit's memo, shared by every compute of this one; started again past a million parts (a day of saves). */
  get audit(): AuditMemo {
    if (this.kept.size > 1_000_000) this.kept = new Set();
    return this.kept;
  }

  private readonly surveys = new Map<number, { key: string; result: SurveyResult | null }>();
  /** How many surveys were computed (not taken from the memo) since it was made. */
  surveysComputed = 0;

  /** computeSurvey, or the result of the last call with the same rows and settings. */
  survey(project: Pick<ValidatedProject, 'dati' | 'territorio'>, anno: number, options: SurveyOptions): SurveyResult | null {
    const year = project.dati.get(anno);
    const key = JSON.stringify({
      options,
      territorio: project.territorio,
      questionario: rowsKey(year?.get('questionario') ?? []),
      domande: rowsKey(year?.get('domande') ?? []),
    });
    const kept = this.surveys.get(anno);
    if (kept?.key === key) return kept.result;
    this.surveysComputed++;
    const result = computeSurvey(project, anno, options);
    this.surveys.set(anno, { key, result });
    return result;
  }
}
