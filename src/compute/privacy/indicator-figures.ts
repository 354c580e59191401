import { QUARTIERE_ND, type Territorio } from '../../types.js';
import type { IndicatorDefinition } from '../catalogue.js';
import type { Expression, Reference } from '../expression.js';
import { referencesOf } from '../expression.js';
import { hierarchy, type AreaValue } from '../indicators.js';
import { BaseCounts } from './base-counts.js';
import { linearForm } from './linear-form.js';
import type { Equation, Figure, ProtectedCount } from './protect.js';
import type { SparseRow } from './row-space.js';

// The indicators as figures of the privacy authority: each published value of indicatori.csv is two
// equations over base counts (its numerator and its denominator), in three hierarchies (city = Σ zone,
// zona = Σ quartieri) per indicator and year.

const LEVEL = { quartiere: 0, zona: 1, citta: 2 } as const;

/** The key of an indicator value in the authority's decisions. */
export const valueKey = (v: Pick<AreaValue, 'indicatore' | 'anno' | 'livello' | 'codice'>) =>
  `ind|${v.indicatore}|${v.anno}|${v.livello}|${v.codice}`;

/** Σ coefficient × base form of each reference: an expression's linear form in one area, or null. */
function expressionForm(expression: Expression, anno: number, units: readonly string[] | null, base: BaseCounts): SparseRow | null {
  const linear = linearForm(expression);
  if (!linear) return null;
  // A single reference counted once is its base form itself (shared, never changed).
  if (linear.terms.length === 1 && linear.terms[0]!.coefficient === 1) return base.form(linear.terms[0]!.ref, anno, units);
  const form: SparseRow = new Map();
  for (const { ref, coefficient } of linear.terms) {
    for (const [variable, c] of base.form(ref, anno, units)) {
      const next = (form.get(variable) ?? 0) + c * coefficient;
      if (Math.abs(next) < 1e-12) form.delete(variable);
      else form.set(variable, next);
    }
  }
  return form;
}

/** Declares every reference of the catalogue for every year, so that the base counts split once. */
export function declareReferences(base: BaseCounts, definitions: IndicatorDefinition[], anni: number[]): void {
  for (const def of definitions) {
    for (const ref of [...referencesOf(def.num), ...referencesOf(def.den)]) for (const anno of anni) base.declare(ref, anno);
  }
}

/** The figures of a set of indicator values: numerator and denominator as equations, and their hierarchies. */
export function indicatorFigures(
  values: AreaValue[],
  definitions: IndicatorDefinition[],
  territorio: Territorio,
  base: BaseCounts,
  threshold: number,
): Figure[] {
  const defs = new Map(definitions.map((d) => [d.id, d]));
  const zonaOf = new Map(territorio.quartieri.map((q) => [q.codice, q.codiceZona]));
  // The quartiere codes each area sums, as compute sums them (null for the city: every unit, ND included).
  const unitsOf = new Map(hierarchy(territorio, '').map((a) => [`${a.livello}|${a.codice}`, a.members === 'all' ? null : a.members]));
  // A reference's form is shared by every indicator that sums it (forms are not changed once made): its
  // value and whether it counts persons are worked out once.
  const facts = new Map<SparseRow, { value: number; persons: boolean }>();
  const factsOf = (form: SparseRow) => {
    let known = facts.get(form);
    if (!known) facts.set(form, (known = { value: base.valueOf(form), persons: base.countsPersons(form) }));
    return known;
  };
  return values.map((value) => {
    const def = defs.get(value.indicatore)!;
    const members = unitsOf.get(`${value.livello}|${value.codice}`);
    const units = members === undefined ? [] : members;
    const equations: Equation[] = [];
    for (const [part, expression] of [
      ['numeratore', def.num],
      ['denominatore', def.den],
    ] as const) {
      const form = expressionForm(expression, value.anno, units, base);
      if (!form || form.size === 0) continue;
      equations.push({ part, form, ...factsOf(form), threshold });
    }
    const family = `ind|${value.indicatore}|${value.anno}`;
    const groups: Figure['groups'] = [];
    if (value.livello === 'citta') groups.push({ id: `${family}|citta`, role: 'parent' });
    if (value.livello === 'zona')
      groups.push({ id: `${family}|citta`, role: 'child' }, { id: `${family}|zona|${value.codice}`, role: 'parent' });
    if (value.livello === 'quartiere') groups.push({ id: `${family}|zona|${zonaOf.get(value.codice)}`, role: 'child' });
    return {
      key: valueKey(value),
      label: `${value.indicatore} ${value.anno}, ${value.livello === 'citta' ? 'città' : value.livello} ${value.nome}`,
      level: LEVEL[value.livello],
      equations,
      groups,
    };
  });
}

/**
 * The groups of people the catalogue describes, in each unit (quartiere or ND), that must not be given away
 * even though no figure publishes them alone: every reference counted in one unit (the ND remainder
 * that city − Σ zone would give, a quartiere's 0-14 inside a sum of 0-14 and 65+), every difference of two
 * nested references (65+ minus 75+), and every base cell (the finest split the catalogue makes).
 */
export function referenceCounts(
  definitions: IndicatorDefinition[],
  anni: number[],
  territorio: Territorio,
  base: BaseCounts,
  threshold: number,
): ProtectedCount[] {
  const small = (form: SparseRow) => {
    if (!base.countsPersons(form)) return null;
    const value = base.valueOf(form);
    return value > 0 && value < threshold ? value : null;
  };
  const units = [...territorio.quartieri.map((q) => q.codice), QUARTIERE_ND];
  const names = new Map(territorio.quartieri.map((q) => [q.codice, q.nome]));
  const counts: ProtectedCount[] = [];
  const seen = new Set<string>();
  const push = (label: string, form: SparseRow, value: number) => {
    const key = [...form.keys()].sort((a, b) => a - b).join(',');
    if (seen.has(key)) return;
    seen.add(key);
    counts.push({ label, form, value });
  };
  const refs = new Map<string, { ref: Reference; anno: number; text: string }>();
  for (const def of definitions) {
    for (const ref of [...referencesOf(def.num), ...referencesOf(def.den)]) {
      for (const anno of anni) {
        const text = `${ref.dataset}${ref.conditions.length ? `[${ref.conditions.map((c) => `${c.field}${c.op}${c.value}`).join(', ')}]` : ''}${ref.measure ? `.${ref.measure}` : ''} ${anno + ref.yearOffset}`;
        refs.set(text, { ref, anno, text });
      }
    }
  }
  for (const unit of units) {
    const where = unit === QUARTIERE_ND ? 'quartiere non indicato (ND)' : `quartiere ${names.get(unit) ?? unit}`;
    const forms = [...refs.values()]
      .map(({ ref, anno, text }) => ({ text, form: base.form(ref, anno, [unit]) }))
      .filter(({ form }) => form.size > 0);
    for (const { text, form } of forms) {
      const value = small(form);
      if (value !== null) push(`${text}, ${where}`, form, value);
    }
    for (const outer of forms) {
      for (const inner of forms) {
        if (inner === outer || inner.form.size >= outer.form.size) continue;
        if (![...inner.form.keys()].every((k) => outer.form.has(k))) continue;
        const difference: SparseRow = new Map([...outer.form].filter(([k]) => !inner.form.has(k)));
        const value = small(difference);
        if (value !== null) push(`${outer.text} meno ${inner.text}, ${where}`, difference, value);
      }
    }
  }
  base.counts.forEach((count, variable) => {
    if (!count.persons || count.value <= 0 || count.value >= threshold) return;
    push(
      `cella di base ${count.dataset} ${count.anno}${count.servizio ? ` ${count.servizio}` : ''}, ${count.unit}`,
      new Map([[variable, 1]]),
      count.value,
    );
  });
  return counts;
}
