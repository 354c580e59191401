import type { Problem } from '../../types.js';
import { phrase } from '../../i18n.js';
import type { CheckContext } from './context.js';
import { ruleSetting } from './context.js';
import { residentsByQuartiere } from './population.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Robust z-scores of a set of changes: (x − median) / (1.4826 × MAD).
 * A quartiere whose change is far from the other quartieri's is worth a second look.
 */
export function robustZ(values: number[]): number[] {
  const m = median(values);
  const mad = median(values.map((v) => Math.abs(v - m))) * 1.4826;
  return values.map((v) => (mad === 0 ? 0 : (v - m) / mad));
}

/** A quartiere's population far from last year's, compared with the other quartieri (a warning). */
export function checkYearOverYear(context: CheckContext): Problem[] {
  const setting = ruleSetting(context, 'variazione_anomala', { gravita: 'warning', soglia: 3.5 });
  // Quartieri move together most years, so the spread of changes can be tiny: a change must also be
  // large in itself (5%) before it is worth a person's time.
  const minimumChange = Math.log(1.05);
  const problems: Problem[] = [];
  const names = new Map(context.territorio.quartieri.map((q) => [q.codice, q.nome]));
  for (const [anno, datasets] of context.dati) {
    const previous = context.dati.get(anno - 1)?.get('popolazione') ?? [];
    const current = datasets.get('popolazione') ?? [];
    if (previous.length === 0 || current.length === 0) continue;
    const before = residentsByQuartiere(previous, 0);
    const now = residentsByQuartiere(current, 0);
    const codes = [...now.keys()].filter((c) => c !== 'ND' && (before.get(c) ?? 0) > 0);
    if (codes.length < 5) continue;
    const changes = codes.map((c) => Math.log(now.get(c)! / before.get(c)!));
    const z = robustZ(changes);
    codes.forEach((code, i) => {
      if (Math.abs(z[i]!) < (setting.soglia ?? 3.5) || Math.abs(changes[i]!) < minimumChange) return;
      const first = current.find((r) => r.values.codice_quartiere === code)!;
      problems.push({
        code: 'consistency-error',
        severity: setting.gravita,
        file: first.file,
        field: 'residenti',
        value: String(now.get(code)),
        expected: `≈ ${before.get(code)}`,
        message: phrase(
          {
            it: 'I residenti di {nome} passano da {prima} ({annoPrima}) a {ora} ({anno}): una variazione molto diversa da quella degli altri quartieri (z robusto {z}). Verificare i dati.',
            en: "Residents of {nome} go from {prima} ({annoPrima}) to {ora} ({anno}): a change far from the other quartieri's (robust z {z}). Please check.",
          },
          { nome: names.get(code) ?? code, prima: before.get(code)!, annoPrima: anno - 1, ora: now.get(code)!, anno, z: z[i]!.toFixed(1) },
        ),
      });
    });
  }
  return problems;
}
