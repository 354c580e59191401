import type { Lang, Problem, ValidationReport } from '../types.js';
import { countOf, NOUNS, say, t } from '../i18n.js';
import { terminalValue } from './terminal-text.js';

const SHOWN_PER_CODE = 5;

function place(problem: Problem, lang: Lang): string {
  const parts: string[] = [];
  if (problem.row !== undefined) parts.push(t(lang, { it: 'riga {r}', en: 'row {r}' }, { r: problem.row }));
  if (problem.column !== undefined) {
    parts.push(
      t(
        lang,
        { it: 'colonna {c}', en: 'column {c}' },
        { c: problem.columnLetter ? `${problem.columnLetter} (${problem.column})` : problem.column },
      ),
    );
  }
  return parts.length ? `[${parts.join(', ')}] ` : '';
}

/** The problems of one code in a file: the first few to show, and how many there are in all. */
interface CodeGroup {
  shown: Problem[];
  total: number;
}

/** Groups a file's problems by code in one pass, counting those the report left out (`omessi`). */
function groupByCode(problems: readonly Problem[]): Map<string, CodeGroup> {
  const groups = new Map<string, CodeGroup>();
  for (const problem of problems) {
    let group = groups.get(problem.code);
    if (group === undefined) groups.set(problem.code, (group = { shown: [], total: 0 }));
    group.total += problem.omessi ?? 1;
    if (problem.omessi === undefined && group.shown.length < SHOWN_PER_CODE) group.shown.push(problem);
  }
  return groups;
}

/** The validation report for a terminal: by file, the first problems of each kind and a count of the rest. */
export function formatReportText(report: ValidationReport, lang: Lang): string {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.errors.length === 0 && file.warnings.length === 0) continue;
    const sheet = file.sheet ? t(lang, { it: ', foglio «{s}»', en: ', sheet «{s}»' }, { s: terminalValue(file.sheet) }) : '';
    const detected = file.encoding
      ? ` (${file.encoding}${file.delimiter ? `, "${file.delimiter === '\t' ? 'TAB' : file.delimiter}"` : ''}${sheet})`
      : '';
    lines.push(`${terminalValue(file.path)}${detected}`);
    for (const [kind, problems] of [
      ['errore', file.errors],
      ['avviso', file.warnings],
    ] as const) {
      for (const [code, { shown, total }] of groupByCode(problems)) {
        for (const p of shown) {
          const label = lang === 'it' ? kind : kind === 'errore' ? 'error' : 'warning';
          lines.push(`  ${label} ${code}: ${place(p, lang)}${terminalValue(say(lang, p.message))}`);
        }
        if (total > shown.length) {
          lines.push(
            t(lang, { it: '  … e altri {n} problemi {code}', en: '  … and {n} more {code} problems' }, { n: total - shown.length, code }),
          );
        }
      }
    }
  }
  const { files, rows, errors, warnings } = report.summary;
  lines.push(
    `${[countOf(lang, files, NOUNS.file), countOf(lang, rows, NOUNS.riga)].join(
      ', ',
    )}: ${countOf(lang, errors, NOUNS.errore)}, ${countOf(lang, warnings, NOUNS.avviso)}. ${
      report.valid
        ? t(lang, { it: 'I dati sono validi.', en: 'The data are valid.' })
        : t(lang, { it: 'I dati NON sono validi.', en: 'The data are NOT valid.' })
    }`,
  );
  return `${lines.join('\n')}\n`;
}
