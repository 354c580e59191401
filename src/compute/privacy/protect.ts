import { createHash } from 'node:crypto';
import { RowSpace, type SparseRow } from './row-space.js';

// The privacy authority. Every figure bilancio publishes (an indicator's numerator and denominator in one
// area, a cell of an age pyramid, a survey table's count) is a linear combination of base counts. One
// routine decides what is withheld, for all of them at once:
//   1. primary: a figure with a count of persons between 1 and its threshold − 1;
//   2. complements within each hierarchy (parent = Σ children) until no group has exactly one withheld member;
//   3. the audit: all published equations against every protected count; while one is determined by them,
//      the published figures of its derivation are withheld, smallest area and smallest value first.
// The audit is also run on its own over what is finally published (auditPublication), so that the build
// can refuse to publish a leak whatever decided the suppression.

/** One equation of a figure: a published number as a linear form over base counts. */
export interface Equation {
  /** What the number is, for messages: "numeratore", "denominatore", "M 80-84"… */
  part: string;
  form: SparseRow;
  value: number;
  /** True when the number counts persons: it is protected below its threshold. */
  persons: boolean;
  threshold: number;
}

/** A unit of publication: its equations are published or withheld together. */
export interface Figure {
  key: string;
  /** Readable description, e.g. "quota_0_14 2024, quartiere Folzano". */
  label: string;
  /** 0 quartiere, 1 zona, 2 città: complements are taken from the finest level first. */
  level: number;
  equations: Equation[];
  /** Hierarchies the figure belongs to (group id), as parent or as child. */
  groups: { id: string; role: 'parent' | 'child' }[];
}

/** A count that must not be determined by what is published. */
export interface ProtectedCount {
  label: string;
  form: SparseRow;
  value: number;
}

export type WithholdReason = 'primaria' | 'secondaria';

/** A protected count that the published equations determine, with the figures that give it away. */
export interface Leak {
  count: ProtectedCount;
  figures: { key: string; label: string; part: string }[];
}

/** True when an equation is a count of persons between 1 and threshold − 1. */
export function isSmall(equation: Pick<Equation, 'persons' | 'value' | 'threshold'>): boolean {
  return equation.persons && equation.value > 0 && equation.value < equation.threshold - 1e-9;
}

const canonicalCache = new WeakMap<SparseRow, string>();
/** A form as text, the same for equal forms (forms are not changed once made, so it is kept). */
function canonical(form: SparseRow): string {
  let text = canonicalCache.get(form);
  if (text === undefined) {
    text = [...form]
      .sort((a, b) => a[0] - b[0])
      .map(([k, v]) => `${k}:${v}`)
      .join(' ');
    canonicalCache.set(form, text);
  }
  return text;
}

/**
 * The publication split into independent parts: equations and protected counts that share no base count
 * cannot say anything about each other (the users of one service and the residents of a year, one survey
 * question and another), so each part is checked on its own, and only the parts where something was
 * withheld are checked again in the next round.
 */
interface Component {
  rows: { figure: Figure; equation: Equation }[];
  counts: ProtectedCount[];
  /** The leaks found at the last check, and how many of the part's figures were withheld then. */
  leaks: Leak[];
  checkedAt: number;
}

function components(figures: Figure[], counts: ProtectedCount[]): Component[] {
  // Union-find over the variables (dense indices from 0): an array, not a map, for a quarter of a
  // million terms.
  let size = 0;
  const grow = (form: SparseRow) => {
    for (const k of form.keys()) if (k >= size) size = k + 1;
  };
  for (const figure of figures) for (const equation of figure.equations) grow(equation.form);
  for (const count of counts) grow(count.form);
  const parent = new Int32Array(size);
  for (let i = 0; i < size; i++) parent[i] = i;
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[x] !== root) {
      const next = parent[x]!;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  const united = new Set<SparseRow>(); // a form shared by many figures is united once
  const unite = (form: SparseRow) => {
    if (united.has(form)) return;
    united.add(form);
    let first = -1;
    for (const k of form.keys()) {
      if (first < 0) first = find(k);
      else {
        const root = find(k);
        if (root !== first) parent[root] = first;
      }
    }
  };
  for (const figure of figures) for (const equation of figure.equations) unite(equation.form);
  for (const count of counts) unite(count.form);
  const parts = new Map<number, Component>();
  const part = (form: SparseRow) => {
    const root = find(form.keys().next().value as number);
    let component = parts.get(root);
    if (!component) parts.set(root, (component = { rows: [], counts: [], leaks: [], checkedAt: -1 }));
    return component;
  };
  // Many figures publish the same number (the population is the denominator of a dozen indicators): it
  // enters its part once.
  const added = new Set<string>();
  for (const figure of figures) {
    for (const equation of figure.equations) {
      if (equation.form.size === 0) continue;
      const key = `${figure.key}\u0000${canonical(equation.form)}`;
      if (added.has(key)) continue;
      added.add(key);
      part(equation.form).rows.push({ figure, equation });
    }
  }
  for (const count of counts) if (count.form.size > 0) part(count.form).counts.push(count);
  return [...parts.values()].filter((c) => c.counts.length > 0);
}

/** The protected counts of one part that its published rows determine, with their derivations. */
/**
 * Parts already checked and found to give nothing away, by a digest of the numbers they publish and the
 * counts they protect: the build's audit of what it publishes does not solve again a part that the
 * decision just solved with exactly the same equations (the answer of the same algebra cannot differ).
 */
export type AuditMemo = Set<string>;

function partDigest(published: { equation: Equation }[], counts: ProtectedCount[]): string {
  const hash = createHash('sha256');
  for (const form of [...new Set(published.map(({ equation }) => canonical(equation.form)))].sort()) hash.update(form).update('\n');
  hash.update('#');
  for (const form of counts.map((c) => canonical(c.form)).sort()) hash.update(form).update('\n');
  return hash.digest('hex');
}

function partLeaks(component: Component, withheld: ReadonlyMap<string, WithholdReason>, memo?: AuditMemo): Leak[] {
  const published = component.rows.filter(({ figure }) => !withheld.has(figure.key));
  const digest = memo ? partDigest(published, component.counts) : '';
  if (memo?.has(digest)) return [];
  const build = (trackOrigins: boolean) => {
    const space = new RowSpace(trackOrigins);
    const rows: typeof published = [];
    const added = new Set<string>();
    // The span does not depend on the order of its rows, but the work does: a quartiere's row reduced
    // against the city's fills in every other quartiere's cells, the city's row reduced against the
    // quartieri's only loses cells. Without origins, the shortest rows go first; with them, the order of
    // the publication is kept, so that a leak names the same figures as ever.
    const order = trackOrigins ? published : [...published].sort((a, b) => a.equation.form.size - b.equation.form.size);
    for (const row of order) {
      const key = canonical(row.equation.form);
      if (added.has(key)) continue;
      added.add(key);
      space.add(row.equation.form);
      rows.push(row);
    }
    return { space, rows };
  };
  // First without the bookkeeping of which rows make which: leaks are rare, and then the space is rebuilt with it.
  const quick = build(false).space;
  const determined = component.counts.filter((count) => quick.contains(count.form));
  if (determined.length === 0) {
    memo?.add(digest);
    return [];
  }
  const { space, rows } = build(true);
  return determined.map((count) => {
    const { combination } = space.reduce(count.form);
    const used = [...combination.keys()].sort((a, b) => a - b).map((i) => rows[i]!);
    return { count, figures: used.map(({ figure, equation }) => ({ key: figure.key, label: figure.label, part: equation.part })) };
  });
}

/** Every protected count that the figures not withheld determine. */
export function findLeaks(
  figures: Figure[],
  withheld: ReadonlyMap<string, WithholdReason>,
  counts: ProtectedCount[],
  memo?: AuditMemo,
): Leak[] {
  return components(figures, counts).flatMap((component) => partLeaks(component, withheld, memo));
}

type Hierarchies = { id: string; parent: Figure; children: Figure[] }[];

/** The hierarchy groups of the figures (parent = Σ children), in a fixed order. */
function hierarchies(figures: Figure[]): Hierarchies {
  const groups = new Map<string, { parent: Figure | null; children: Figure[] }>();
  for (const figure of figures) {
    for (const { id, role } of figure.groups) {
      const group = groups.get(id) ?? { parent: null, children: [] };
      if (role === 'parent') group.parent = figure;
      else group.children.push(figure);
      groups.set(id, group);
    }
  }
  return [...groups.keys()].sort().flatMap((id) => {
    const { parent, children } = groups.get(id)!;
    return parent ? [{ id, parent, children }] : [];
  });
}

/** Withholds complements until no hierarchy group has exactly one withheld member. */
function closeHierarchies(groups: Hierarchies, withheld: Map<string, WithholdReason>, size: (f: Figure) => number): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const { parent, children } of groups) {
      const members = [parent, ...children];
      if (members.filter((m) => withheld.has(m.key)).length !== 1) continue;
      const candidates = children.filter((c) => !withheld.has(c.key)).sort((a, b) => size(a) - size(b) || a.key.localeCompare(b.key));
      withheld.set((candidates[0] ?? parent).key, 'secondaria');
      changed = true;
    }
  }
}

/** The protected counts of the figures themselves: every small count of persons they would publish. */
export function primaryCounts(figures: Figure[]): ProtectedCount[] {
  return figures.flatMap((f) => f.equations.filter(isSmall).map((e) => ({ label: `${f.label}, ${e.part}`, form: e.form, value: e.value })));
}

export interface Protection {
  withheld: Map<string, WithholdReason>;
  /** Rounds of the audit it took (for the benchmark and the method note). */
  rounds: number;
}

/**
 * Decides what is withheld: primary figures, hierarchy complements, then audit-driven complements until no
 * protected count (the figures' own small counts, see primaryCounts, and others such as base cells and ND
 * remainders) is determined by what is left published.
 */
export function protectFigures(
  figures: Figure[],
  counts: ProtectedCount[],
  options: { audit?: boolean; memo?: AuditMemo } = {},
): Protection {
  const withheld = new Map<string, WithholdReason>();
  for (const figure of figures) if (figure.equations.some(isSmall)) withheld.set(figure.key, 'primaria');
  const size = (f: Figure) => Math.min(...f.equations.map((e) => Math.abs(e.value)));
  // Figures that publish the same number: withholding it means withholding all of them.
  const byForm = new Map<string, Figure[]>();
  for (const figure of figures) {
    for (const equation of figure.equations) {
      const key = canonical(equation.form);
      const holders = byForm.get(key);
      if (holders) holders.push(figure);
      else byForm.set(key, [figure]);
    }
  }
  const groups = hierarchies(figures);
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const parts = components(figures, counts);
  const withheldIn = (component: Component) => component.rows.reduce((n, { figure }) => n + (withheld.has(figure.key) ? 1 : 0), 0);
  let rounds = 0;
  for (;;) {
    closeHierarchies(groups, withheld, size);
    rounds++;
    // Switched off only by the tests that show what the audit finds without it.
    if (options.audit === false) return { withheld, rounds };
    const leaks: Leak[] = [];
    for (const component of parts) {
      // A part where nothing more was withheld since its last check has the same leaks (none, after a cut).
      const now = withheldIn(component);
      if (now !== component.checkedAt) {
        component.leaks = partLeaks(component, withheld, options.memo);
        component.checkedAt = now;
      }
      leaks.push(...component.leaks);
    }
    if (leaks.length === 0) return { withheld, rounds };
    const cut = new Set<string>();
    for (const leak of leaks) {
      // A derivation already cut this round is checked again in the next one, not cut twice.
      if (leak.figures.some(({ key }) => cut.has(key))) continue;
      // Among the published equations of the derivation, the finest level and the smallest number first.
      const options = leak.figures
        .map(({ key, part }) => ({ figure: byKey.get(key)!, equation: byKey.get(key)!.equations.find((e) => e.part === part)! }))
        .filter(({ figure }) => !withheld.has(figure.key))
        .sort(
          (a, b) =>
            a.figure.level - b.figure.level ||
            Math.abs(a.equation.value) - Math.abs(b.equation.value) ||
            a.figure.key.localeCompare(b.figure.key),
        );
      const chosen = options[0];
      if (!chosen) continue; // already cut by another leak's choice in this round
      for (const figure of byForm.get(canonical(chosen.equation.form)) ?? [chosen.figure]) {
        if (withheld.has(figure.key)) continue;
        withheld.set(figure.key, 'secondaria');
        cut.add(figure.key);
      }
    }
  }
}
