import type { DatasetRows, Fonte, Territorio } from '../types.js';
import type { IndicatorDefinition } from './catalogue.js';
import { referenceKey, referencesOf, type Expression, type Reference } from './expression.js';
import { hierarchy, type AreaValue } from './indicators.js';
import { forEachMatch, rowsFor } from './measures.js';
import { formatRowRanges } from './row-ranges.js';

// Lineage: which input files and rows a published figure was summed from. Row numbers are withheld
// wherever they could help recover a withheld value (see addLineage).

/** One input file a figure was summed from, and its rows in compact ranges (absent when withheld). */
export type { Fonte, Fonti } from '../types.js';

/** Rows a reference sums, per quartiere code (ND included), then per file. */
export type RowIndex = Map<string, Map<string, number[]>>;

/** The rows a reference sums in one year, per quartiere and file; empty when the year has no data. */
export function referenceRows(ref: Reference, anno: number, dati: Map<number, DatasetRows>): RowIndex {
  const index: RowIndex = new Map();
  forEachMatch(ref, rowsFor(ref, anno, dati) ?? [], (row, _contribution, quartiere) => {
    let files = index.get(quartiere);
    if (!files) index.set(quartiere, (files = new Map()));
    let rows = files.get(row.file);
    if (!rows) files.set(row.file, (rows = []));
    // A count aggregated from a one-row-per-resident file stands for thousands of rows: name the file only.
    if (!row.aggregated) rows.push(row.row);
  });
  return index;
}

/** The files (and, when `withRows`, the rows) that the given references sum over an area's quartieri. */
export function sourcesOf(indexes: RowIndex[], members: string[] | 'all', withRows: boolean): Fonte[] {
  const byFile = new Map<string, number[]>();
  for (const index of indexes) {
    const codes = members === 'all' ? [...index.keys()] : members;
    for (const code of codes) {
      for (const [file, rows] of index.get(code) ?? []) {
        const all = byFile.get(file);
        if (all) all.push(...rows);
        else byFile.set(file, [...rows]);
      }
    }
  }
  return [...byFile.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((file) => {
      const rows = byFile.get(file)!;
      return withRows && rows.length > 0 ? { file, righe: formatRowRanges(rows) } : { file };
    });
}

type Members = string[] | 'all';

/** True when `outer` covers every quartiere of `inner`: the city covers all, a zona its own. */
function covers(outer: Members, inner: Members): boolean {
  if (outer === 'all') return true;
  if (inner === 'all') return false;
  return inner.every((code) => outer.includes(code));
}

/**
 * Sets `fonti` on every value. Rows are given only for published values whose area contains no
 * withheld cell of the same indicator and year: a withheld value names its files alone, and so does the
 * zona or city around it, whose rows minus those of its published parts would isolate the withheld rows.
 */
export function addLineage(
  values: AreaValue[],
  definitions: IndicatorDefinition[],
  dati: Map<number, DatasetRows>,
  territorio: Territorio,
): void {
  const defs = new Map(definitions.map((d) => [d.id, d]));
  const areas = new Map(hierarchy(territorio, '').map((a) => [`${a.livello}|${a.codice}`, a.members]));
  const membersOf = (v: AreaValue): Members => areas.get(`${v.livello}|${v.codice}`) ?? [v.codice];
  const groups = new Map<string, AreaValue[]>();
  for (const value of values) {
    const key = `${value.indicatore}|${value.anno}`;
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  const indexCache = new Map<string, RowIndex>();
  const indexOf = (ref: Reference, anno: number) => {
    const key = `${anno}|${referenceKey(ref)}`;
    let index = indexCache.get(key);
    if (!index) indexCache.set(key, (index = referenceRows(ref, anno, dati)));
    return index;
  };
  const sourceCache = new Map<string, Fonte[]>();
  const side = (expression: Expression, value: AreaValue, members: Members, withRows: boolean) => {
    const refs = referencesOf(expression);
    const key = `${value.anno}|${refs.map(referenceKey).join('+')}|${value.livello}|${value.codice}|${withRows}`;
    let sources = sourceCache.get(key);
    if (!sources) {
      sources = sourcesOf(
        refs.map((r) => indexOf(r, value.anno)),
        members,
        withRows,
      );
      sourceCache.set(key, sources);
    }
    return sources;
  };
  for (const group of groups.values()) {
    const def = defs.get(group[0]!.indicatore);
    if (!def) continue;
    const withheld = group.filter((v) => v.soppresso).map(membersOf);
    for (const value of group) {
      const members = membersOf(value);
      const withRows = !value.soppresso && !withheld.some((inner) => covers(members, inner));
      value.fonti = {
        numeratore: side(def.num, value, members, withRows),
        denominatore: side(def.den, value, members, withRows),
      };
    }
  }
}
