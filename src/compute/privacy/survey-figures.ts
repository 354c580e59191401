import { QUARTIERE_ND, type Territorio } from '../../types.js';
import { answersOf, SCALE, type Item, type Survey } from '../survey/read-survey.js';
import type { Equation, Figure, ProtectedCount } from './protect.js';
import type { SparseRow } from './row-space.js';

// The survey as figures of the privacy authority. Every number the survey tables print is a linear
// function of base quantities counted in one cell (a respondent unit, i.e. a quartiere or ND, × an age
// group): the respondents; for each question the answers 1..5; for each dimension the respondents who
// answered it, the sum of their person-level values and the sum of their squares. A published mean with
// its n gives the sum, its interval gives the sum of squares, a distribution gives the answer counts: a
// figure publishes all of them as equations, so differencing by anything in the tables is caught by the
// exact audit. The age groups split the same cells, so their tables are audited together with the areas.

/** Age groups of the survey, in their natural order (never sorted by result). */
export const FASCE_ETA = ['18-29', '30-44', '45-64', '65-74', '75+'];

/** The key of an item in the results: a dimension and a question of the same code stay apart. */
export const itemKey = (item: Item) => `${item.kind === 'dimension' ? 'd' : 'q'}:${item.code}`;

export type SurveyLevel = 'citta' | 'zona' | 'quartiere' | 'fascia';

/** A group of respondents the survey publishes: the base cells it sums. */
export interface SurveyArea {
  livello: SurveyLevel;
  codice: string;
  nome: string;
  cells: number[];
}

/** The base quantities of one year's survey: one variable per quantity and cell. */
export class SurveyBase {
  readonly units: string[];
  readonly fasce: string[];
  /** Positions in units and fasce (a cell is asked for every respondent of every group). */
  private readonly unitIndex: Map<string, number>;
  private readonly fasciaIndex: Map<string, number>;
  /** Value of each variable, by index. */
  readonly values: number[] = [];
  private readonly blocks = new Map<string, number>();

  constructor(
    readonly survey: Survey,
    territorio: Territorio,
  ) {
    this.units = [...territorio.quartieri.map((q) => q.codice), QUARTIERE_ND];
    const present = new Set(survey.respondents.map((r) => r.fascia));
    this.fasce = [...FASCE_ETA.filter((f) => present.has(f)), ...[...present].filter((f) => !FASCE_ETA.includes(f)).sort()];
    // The first position of each, as indexOf gives it.
    this.unitIndex = new Map([...this.units].reverse().map((u, i, all) => [u, all.length - 1 - i]));
    this.fasciaIndex = new Map([...this.fasce].reverse().map((f, i, all) => [f, all.length - 1 - i]));
    for (const respondent of survey.respondents) {
      const cell = this.cell(this.unitOf(respondent), respondent.fascia);
      this.add('R', cell, 1);
      for (const [codice, answer] of respondent.answers) this.add(`K|${codice}|${answer}`, cell, 1);
      for (const dimension of survey.dimensions) {
        const answers = answersOf(survey, respondent, { kind: 'dimension', code: dimension });
        if (answers.length === 0) continue;
        const value = answers.reduce((s, a) => s + a, 0) / answers.length;
        this.add(`A|${dimension}`, cell, 1);
        this.add(`S|${dimension}`, cell, value);
        this.add(`Q|${dimension}`, cell, value * value);
      }
    }
  }

  /** The unit a respondent is counted in: its quartiere, or ND when the quartiere is not in the territory. */
  unitOf(respondent: { quartiere: string; zona: string | null }): string {
    return respondent.zona === null ? QUARTIERE_ND : respondent.quartiere;
  }

  cell(unit: string, fascia: string): number {
    return (this.unitIndex.get(unit) ?? -1) * this.fasce.length + (this.fasciaIndex.get(fascia) ?? -1);
  }

  /** The cells of some units (all age groups), or of some age groups (all units). */
  cellsOf(units: readonly string[] | null, fasce: readonly string[] | null = null): number[] {
    const cells: number[] = [];
    for (const unit of units ?? this.units)
      for (const fascia of fasce ?? this.fasce) if (this.units.includes(unit)) cells.push(this.cell(unit, fascia));
    return cells;
  }

  private block(quantity: string): number {
    let first = this.blocks.get(quantity);
    if (first === undefined) {
      first = this.values.length;
      this.blocks.set(quantity, first);
      for (let i = 0; i < this.units.length * this.fasce.length; i++) this.values.push(0);
    }
    return first;
  }

  private add(quantity: string, cell: number, amount: number): void {
    this.values[this.block(quantity) + cell]! += amount;
  }

  /** Adds coefficient × Σ quantity over `cells` to `form`. */
  term(form: SparseRow, quantity: string, cells: readonly number[], coefficient = 1): SparseRow {
    const first = this.block(quantity);
    for (const cell of cells) form.set(first + cell, (form.get(first + cell) ?? 0) + coefficient);
    return form;
  }

  valueOf(form: SparseRow): number {
    let value = 0;
    for (const [variable, coefficient] of form) value += coefficient * this.values[variable]!;
    return value;
  }

  /** The respondents of a group of cells. */
  respondents(cells: readonly number[]): SparseRow {
    return this.term(new Map(), 'R', cells);
  }

  /** An item over a group of cells: who answered, sum and sum of squares of the person-level values, answers 1..5. */
  item(item: Item, cells: readonly number[]): { answered: SparseRow; sum: SparseRow; squares: SparseRow; answers: SparseRow[] } {
    if (item.kind === 'question') {
      const answers = SCALE.map((s) => this.term(new Map(), `K|${item.code}|${s}`, cells));
      const combine = (weight: (s: number) => number) => {
        const form: SparseRow = new Map();
        SCALE.forEach((s) => this.term(form, `K|${item.code}|${s}`, cells, weight(s)));
        return form;
      };
      return { answered: combine(() => 1), sum: combine((s) => s), squares: combine((s) => s * s), answers };
    }
    const questions = this.survey.questions.filter((q) => q.dimensione === item.code);
    const answers = SCALE.map((s) => {
      const form: SparseRow = new Map();
      for (const q of questions) this.term(form, `K|${q.codice}|${s}`, cells);
      return form;
    });
    return {
      answered: this.term(new Map(), `A|${item.code}`, cells),
      sum: this.term(new Map(), `S|${item.code}`, cells),
      squares: this.term(new Map(), `Q|${item.code}`, cells),
      answers,
    };
  }
}

const LEVEL: Record<SurveyLevel, number> = { quartiere: 0, fascia: 1, zona: 1, citta: 2 };

/** Keys of the survey's figures in the authority's decisions. */
export const surveyKeys = {
  respondents: (area: Pick<SurveyArea, 'livello' | 'codice'>) => `sv|R|${area.livello}|${area.codice}`,
  item: (area: Pick<SurveyArea, 'livello' | 'codice'>, item: Item) => `sv|${itemKey(item)}|${area.livello}|${area.codice}`,
  difference: (area: Pick<SurveyArea, 'livello' | 'codice'>, item: Item) => `sv|diff|${itemKey(item)}|${area.livello}|${area.codice}`,
};

const describe = (area: Pick<SurveyArea, 'livello' | 'nome'>) => `${area.livello === 'citta' ? 'città' : area.livello} ${area.nome}`.trim();

/** The city, its zone and quartieri (in the order of the zone), and the age groups present. */
export function surveyAreas(
  base: SurveyBase,
  territorio: Territorio,
  cityName: string,
): { city: SurveyArea; zone: SurveyArea[]; quartieri: SurveyArea[]; fasce: SurveyArea[] } {
  const names = new Map(territorio.quartieri.map((q) => [q.codice, q.nome]));
  return {
    city: { livello: 'citta', codice: '', nome: cityName, cells: base.cellsOf(null) },
    zone: territorio.zone.map((z) => ({ livello: 'zona', codice: z.codice, nome: z.nome, cells: base.cellsOf(z.quartieri) })),
    quartieri: territorio.zone.flatMap((z) =>
      z.quartieri.map((q): SurveyArea => ({ livello: 'quartiere', codice: q, nome: names.get(q) ?? q, cells: base.cellsOf([q]) })),
    ),
    fasce: FASCE_ETA.filter((f) => base.fasce.includes(f)).map((f) => ({
      livello: 'fascia',
      codice: f,
      nome: f,
      cells: base.cellsOf(null, [f]),
    })),
  };
}

export interface SurveyPublication {
  base: SurveyBase;
  areas: ReturnType<typeof surveyAreas>;
  /** Dimensions first and questions after: the items the distribution tables show. */
  items: Item[];
  figures: Figure[];
  counts: ProtectedCount[];
}

/**
 * The figures of one year's survey tables and the counts they must not give away. Figures: the respondents
 * of every area and age group; every item of every area (its distribution tables) and every dimension of
 * every age group; each zone's and age group's difference from the rest of the city (the Welch interval
 * is taken as publishing the means and spreads of both sides: more than it does, never less).
 * Protected: for every group with 1..threshold−1 respondents (areas, age groups, the ND unit, the rest of
 * the city beside a zone or age group) its respondents and all its item quantities; for a group with an
 * item answered by 1..threshold−1, that item's quantities.
 */
export function surveyPublication(survey: Survey, territorio: Territorio, threshold: number, cityName: string): SurveyPublication {
  const base = new SurveyBase(survey, territorio);
  const areas = surveyAreas(base, territorio, cityName);
  const dimensions: Item[] = survey.dimensions.map((code) => ({ kind: 'dimension', code }));
  const items: Item[] = [...dimensions, ...survey.questions.map((q): Item => ({ kind: 'question', code: q.codice }))];
  const zonaOf = new Map(territorio.quartieri.map((q) => [q.codice, q.codiceZona]));
  const equation = (part: string, form: SparseRow, persons: boolean): Equation => ({
    part,
    form,
    value: base.valueOf(form),
    persons,
    threshold,
  });
  const itemEquations = (item: Item, cells: number[], side = '', distribution = true): Equation[] => {
    const forms = base.item(item, cells);
    // A question's distribution determines its sum and sum of squares (Σ s·K, Σ s²·K): their rows would add
    // nothing to the span, only work to the audit.
    const spread =
      item.kind === 'question' && distribution
        ? []
        : [
            equation(`${item.code} somma${side}`, forms.sum, false),
            equation(`${item.code} somma dei quadrati${side}`, forms.squares, false),
          ];
    return [
      equation(`${item.code} risposte${side}`, forms.answered, true),
      ...spread,
      ...(distribution ? forms.answers.map((form, i) => equation(`${item.code} risposte ${SCALE[i]}${side}`, form, false)) : []),
    ];
  };
  const hierarchy = (family: string, area: SurveyArea): Figure['groups'] => {
    if (area.livello === 'citta') return [{ id: `${family}|citta`, role: 'parent' }];
    if (area.livello === 'zona')
      return [
        { id: `${family}|citta`, role: 'child' },
        { id: `${family}|zona|${area.codice}`, role: 'parent' },
      ];
    if (area.livello === 'quartiere') return [{ id: `${family}|zona|${zonaOf.get(area.codice)}`, role: 'child' }];
    return [];
  };
  const figures: Figure[] = [];
  const all = [areas.city, ...areas.zone, ...areas.quartieri, ...areas.fasce];
  for (const area of all) {
    figures.push({
      key: surveyKeys.respondents(area),
      label: `rispondenti al questionario, ${describe(area)}`,
      level: LEVEL[area.livello],
      equations: [equation('rispondenti', base.respondents(area.cells), true)],
      groups: hierarchy('sv|R', area),
    });
    // The age groups are shown by dimension only, without distributions.
    for (const item of area.livello === 'fascia' ? dimensions : items) {
      figures.push({
        key: surveyKeys.item(area, item),
        label: `questionario ${item.code}, ${describe(area)}`,
        level: LEVEL[area.livello],
        equations: itemEquations(item, area.cells, '', area.livello !== 'fascia'),
        groups: hierarchy(`sv|${itemKey(item)}`, area),
      });
    }
  }
  const rest = (area: SurveyArea) => areas.city.cells.filter((c) => !area.cells.includes(c));
  for (const area of [...areas.zone, ...areas.fasce]) {
    for (const item of dimensions) {
      figures.push({
        key: surveyKeys.difference(area, item),
        label: `questionario ${item.code}, ${describe(area)} rispetto al resto della città`,
        level: LEVEL[area.livello],
        equations: [...itemEquations(item, area.cells, '', false), ...itemEquations(item, rest(area), ' (resto)', false)],
        groups: [],
      });
    }
  }
  return { base, areas, items, figures, counts: surveyCounts(base, all, items, threshold, rest) };
}

/** The counts the survey must not give away (see surveyPublication). */
function surveyCounts(
  base: SurveyBase,
  areas: SurveyArea[],
  items: Item[],
  threshold: number,
  rest: (a: SurveyArea) => number[],
): ProtectedCount[] {
  const small = (value: number) => value > 0 && value < threshold - 1e-9;
  const groups: { label: string; cells: number[] }[] = [
    ...areas.map((a) => ({ label: describe(a), cells: a.cells })),
    { label: 'quartiere non indicato (ND)', cells: base.cellsOf([QUARTIERE_ND]) },
    ...areas
      .filter((a) => a.livello === 'zona' || a.livello === 'fascia')
      .map((a) => ({ label: `città tranne ${describe(a)}`, cells: rest(a) })),
  ];
  const counts: ProtectedCount[] = [];
  const seen = new Set<string>();
  const push = (label: string, form: SparseRow) => {
    const value = base.valueOf(form);
    const key = [...form]
      .sort((a, b) => a[0] - b[0])
      .map(([k, v]) => `${k}:${v}`)
      .join(' ');
    if (form.size === 0 || Math.abs(value) < 1e-12 || seen.has(key)) return;
    seen.add(key);
    counts.push({ label, form, value });
  };
  for (const group of groups) {
    const respondents = base.respondents(group.cells);
    const smallGroup = small(base.valueOf(respondents));
    if (smallGroup) push(`rispondenti, ${group.label}`, respondents);
    for (const item of items) {
      const forms = base.item(item, group.cells);
      if (!smallGroup && !small(base.valueOf(forms.answered))) continue;
      push(`${item.code} risposte, ${group.label}`, forms.answered);
      push(`${item.code} somma, ${group.label}`, forms.sum);
      push(`${item.code} somma dei quadrati, ${group.label}`, forms.squares);
      forms.answers.forEach((form, i) => push(`${item.code} risposte ${SCALE[i]}, ${group.label}`, form));
    }
  }
  return counts;
}
