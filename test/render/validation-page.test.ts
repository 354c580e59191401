import { describe, expect, it } from 'vitest';
import type { Problem, ValidationReport } from '../../src/types.js';
import { loadTemplates } from '../../src/render/html.js';
import { renderValidationPage } from '../../src/render/validation-page.js';
import { omittedProblem } from '../../src/validate/problem-limit.js';

// A partner file with thousands of the same mistake: the page lists the first ones, counts them all, and
// shows the closing line as a note across the table, not as a problem at no row.

describe('the validation page of a file with more problems than it lists', () => {
  it('counts every problem and shows the closing line across the table', async () => {
    const listed: Problem[] = Array.from({ length: 100 }, (_, i) => ({
      code: 'type-error',
      severity: 'error',
      file: 'erogazioni.csv',
      row: i + 2,
      column: 5,
      field: 'utenti',
      value: 'x',
      message: `Riga ${i + 2}: non è un numero.`,
    }));
    const closing = omittedProblem('erogazioni.csv', 'type-error', 'error', 149_900, 100);
    const report: ValidationReport = {
      valid: false,
      summary: { files: 1, rows: 150_000, errors: 150_000, warnings: 0 },
      files: [
        {
          path: 'erogazioni.csv',
          dataset: 'erogazioni',
          encoding: 'utf-8',
          delimiter: ';',
          rows: 150_000,
          errors: [...listed, closing],
          warnings: [],
          omessi: 149_900,
        },
      ],
    };
    const html = renderValidationPage(report, await loadTemplates(), 'it', 'Verifica');
    expect(html).toContain('150.000 errori da correggere');
    expect(html).not.toContain('101 errori');
    expect(html).toMatch(/<tr class="omessi"><td colspan="7">… e altri 149\.900|<tr class="omessi"><td colspan="7">… e altri 149900/);
    expect((html.match(/<tr>/g) ?? []).length).toBeGreaterThanOrEqual(100);
  });
});
