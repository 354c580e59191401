import type { TypedRow } from '../../types.js';
import { targetAgeRange } from '../../service-target.js';

/** Parses a service target (`eta:0-2`, `eta:65+`, `tutti`) into an age range. */
export function targetAges(target: string): { min: number; max: number } {
  const ages = targetAgeRange(target);
  return { min: ages?.min ?? 0, max: ages?.max ?? Infinity };
}

/** Residents per quartiere within an age range, from popolazione rows. */
export function residentsByQuartiere(rows: TypedRow[], minAge: number, maxAge = Infinity): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { values } of rows) {
    const eta = values.eta as number;
    if (eta < minAge || eta > maxAge) continue;
    const code = values.codice_quartiere as string;
    totals.set(code, (totals.get(code) ?? 0) + (values.residenti as number));
  }
  return totals;
}
