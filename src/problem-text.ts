// Problems said in a language, where they are shown: the CLI's lines and JSON, the validation page, a receipt.
import { say, type Lang, type Words } from './i18n.js';
import type { FileReport, Problem, ValidationReport } from './types.js';

/** A problem in words: the shape of `validate --format json`, which users' scripts read. */
export type ProblemText = Omit<Problem, 'message' | 'value' | 'expected'> & { message: string; value?: string; expected?: string };

export interface FileReportText extends Omit<FileReport, 'errors' | 'warnings'> {
  errors: ProblemText[];
  warnings: ProblemText[];
}

export interface ValidationReportText extends Omit<ValidationReport, 'files'> {
  files: FileReportText[];
}

/** A problem with its message, value and expected value said in `lang`; every other field as it is. */
export function sayProblem(lang: Lang, problem: Problem): ProblemText {
  const said: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(problem)) {
    said[key] = key === 'message' || key === 'value' || key === 'expected' ? say(lang, value as Words) : value;
  }
  return said as ProblemText;
}

/** A validation report with every problem said in `lang`. */
export function sayReport(lang: Lang, report: ValidationReport): ValidationReportText {
  return {
    ...report,
    files: report.files.map((file) => ({
      ...file,
      errors: file.errors.map((p) => sayProblem(lang, p)),
      warnings: file.warnings.map((p) => sayProblem(lang, p)),
    })),
  };
}
