import type { Problem, TypedRow } from '../../types.js';
import { phrase } from '../../i18n.js';
import type { CheckContext } from './context.js';
import { ruleSetting } from './context.js';
import { residentsByQuartiere, targetAges } from './population.js';

/** A service's users in a quartiere (summed over the entes delivering it) are not above its target population. */
export function checkUsersWithinTarget(context: CheckContext): Problem[] {
  const setting = ruleSetting(context, 'utenti_target', { gravita: 'error' });
  const problems: Problem[] = [];
  const servizi = new Map(context.servizi.map((s) => [s.codice, s]));
  for (const [anno, datasets] of context.dati) {
    const population = datasets.get('popolazione') ?? [];
    if (population.length === 0) continue;
    const targets = new Map<string, Map<string, number>>();
    const sums = new Map<string, { users: number; rows: TypedRow[] }>();
    for (const row of datasets.get('erogazioni') ?? []) {
      const code = row.values.codice_quartiere as string;
      if (code === 'ND') continue;
      const key = `${row.values.codice_servizio}\u0000${code}`;
      const entry = sums.get(key) ?? { users: 0, rows: [] };
      entry.users += (row.values.utenti as number) ?? 0;
      entry.rows.push(row);
      sums.set(key, entry);
    }
    for (const [key, { users, rows }] of sums) {
      const [servizioCode, quartiere] = key.split('\u0000') as [string, string];
      const servizio = servizi.get(servizioCode);
      if (!servizio) continue;
      let byQuartiere = targets.get(servizio.target);
      if (!byQuartiere) {
        const { min, max } = targetAges(servizio.target);
        byQuartiere = residentsByQuartiere(population, min, max);
        targets.set(servizio.target, byQuartiere);
      }
      const limit = byQuartiere.get(quartiere) ?? 0;
      if (users <= limit) continue;
      const last = rows[rows.length - 1]!;
      problems.push({
        code: 'consistency-error',
        severity: setting.gravita,
        file: last.file,
        row: last.row,
        field: 'utenti',
        value: String(users),
        expected: `<= ${limit}`,
        message: phrase(
          {
            it: 'Riga {row}: {users} utenti di {servizio} nel {anno} in questo quartiere, ma la popolazione di riferimento ({target}) è di {limit} residenti.',
            en: 'Row {row}: {users} users of {servizio} in {anno} in this quartiere, but its target population ({target}) is {limit} residents.',
          },
          { row: last.row, users, servizio: servizio.nome, anno, target: servizio.target, limit },
        ),
      });
    }
  }
  return problems;
}
