import type { Problem } from '../../types.js';
import { phrase } from '../../i18n.js';
import type { CheckContext } from './context.js';
import { ruleSetting } from './context.js';
import { residentsByQuartiere } from './population.js';

/** famiglie_unipersonali <= famiglie, and anziani_soli_75 <= residents aged 75+ of the quartiere. */
export function checkHouseholds(context: CheckContext): Problem[] {
  const problems: Problem[] = [];
  const single = ruleSetting(context, 'famiglie_unipersonali', { gravita: 'error' });
  const alone = ruleSetting(context, 'anziani_soli_75', { gravita: 'error' });
  for (const [anno, datasets] of context.dati) {
    const over75 = residentsByQuartiere(datasets.get('popolazione') ?? [], 75);
    const hasPopulation = (datasets.get('popolazione') ?? []).length > 0;
    for (const row of datasets.get('famiglie') ?? []) {
      const v = row.values;
      if (typeof v.famiglie_unipersonali === 'number' && typeof v.famiglie === 'number' && v.famiglie_unipersonali > v.famiglie) {
        problems.push({
          code: 'consistency-error',
          severity: single.gravita,
          file: row.file,
          row: row.row,
          field: 'famiglie_unipersonali',
          value: String(v.famiglie_unipersonali),
          expected: `<= ${v.famiglie}`,
          message: phrase(
            {
              it: 'Riga {row}: le famiglie unipersonali ({value}) sono più delle famiglie ({total}).',
              en: 'Row {row}: single-person households ({value}) exceed households ({total}).',
            },
            { row: row.row, value: v.famiglie_unipersonali, total: v.famiglie },
          ),
        });
      }
      const code = v.codice_quartiere as string;
      if (hasPopulation && typeof v.anziani_soli_75 === 'number' && code !== 'ND') {
        const limit = over75.get(code) ?? 0;
        if (v.anziani_soli_75 > limit) {
          problems.push({
            code: 'consistency-error',
            severity: alone.gravita,
            file: row.file,
            row: row.row,
            field: 'anziani_soli_75',
            value: String(v.anziani_soli_75),
            expected: `<= ${limit}`,
            message: phrase(
              {
                it: 'Riga {row}: gli anziani soli di 75 anni e più ({value}) sono più dei residenti di 75 anni e più del quartiere nel {anno} ({limit}).',
                en: "Row {row}: people aged 75+ living alone ({value}) exceed the quartiere's residents aged 75+ in {anno} ({limit}).",
              },
              { row: row.row, value: v.anziani_soli_75, anno, limit },
            ),
          });
        }
      }
    }
  }
  return problems;
}
