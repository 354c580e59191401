import type { Problem, TypedRow } from '../../types.js';
import { phrase } from '../../i18n.js';
import { popolazioneKey } from '../residenti/popolazione-counts.js';
import { ruleSetting, type CheckContext } from './context.js';

/** Differences listed one by one; the rest are counted in one closing problem. */
const LISTED = 10;

/**
 * residenti_popolazione: when a year has both the residents extract and popolazione, every count
 * by (quartiere, sesso, eta, cittadinanza) must agree.
 */
export function checkResidentiPopolazione(context: CheckContext, anno: number, residenti: TypedRow[], popolazione: TypedRow[]): Problem[] {
  const setting = ruleSetting(context, 'residenti_popolazione', { gravita: 'error' });
  const counted = new Map(residenti.map((row) => [popolazioneKey(row.values), row]));
  const declared = new Map<string, TypedRow>();
  for (const row of popolazione) declared.set(popolazioneKey(row.values), row);
  const nome = new Map(context.territorio.quartieri.map((q) => [q.codice, q.nome]));
  const differences: { row: TypedRow; stated: number; found: number }[] = [];
  for (const [key, row] of declared) {
    const found = (counted.get(key)?.values.residenti as number | undefined) ?? 0;
    if (found !== row.values.residenti) differences.push({ row, stated: row.values.residenti as number, found });
  }
  for (const [key, row] of counted) if (!declared.has(key)) differences.push({ row, stated: 0, found: row.values.residenti as number });

  const problems = differences.slice(0, LISTED).map(({ row, stated, found }): Problem => {
    const v = row.values;
    const group = phrase(
      { it: '{quartiere}, {sesso}, {eta} anni, {cittadinanza}', en: '{quartiere}, {sesso}, aged {eta}, {cittadinanza}' },
      {
        quartiere: nome.get(String(v.codice_quartiere)) ?? String(v.codice_quartiere),
        sesso: String(v.sesso),
        eta: String(v.eta),
        cittadinanza: String(v.cittadinanza),
      },
    );
    const inPopolazione = declared.has(popolazioneKey(v));
    return {
      code: 'consistency-error',
      severity: setting.gravita,
      file: row.file,
      row: row.row,
      field: inPopolazione ? 'residenti' : 'codice_quartiere',
      value: String(stated),
      expected: String(found),
      message: inPopolazione
        ? phrase(
            {
              it: "Riga {row} ({group}, {anno}): popolazione indica {stated} residenti, l'estratto dei residenti ne conta {found}.",
              en: 'Row {row} ({group}, {anno}): popolazione states {stated} residents, the residents extract counts {found}.',
            },
            { row: row.row, group, anno, stated, found },
          )
        : phrase(
            {
              it: "Riga {row} ({group}, {anno}): l'estratto dei residenti conta {found} residenti che popolazione non riporta.",
              en: 'Row {row} ({group}, {anno}): the residents extract counts {found} residents that popolazione does not list.',
            },
            { row: row.row, group, anno, found },
          ),
    };
  });
  if (differences.length > LISTED) {
    const first = popolazione[0] ?? residenti[0]!;
    problems.push({
      code: 'consistency-error',
      severity: setting.gravita,
      file: first.file,
      value: String(differences.length - LISTED),
      message: phrase(
        {
          it: "… e altri {more} conteggi del {anno} in cui popolazione e l'estratto dei residenti non coincidono ({total} in tutto).",
          en: '… and {more} more counts of {anno} where popolazione and the residents extract disagree ({total} in all).',
        },
        { more: differences.length - LISTED, anno, total: differences.length },
      ),
    });
  }
  return problems;
}
