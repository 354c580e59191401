import { QUARTIERE_ND, type Quartiere } from '../types.js';

/** How a value written in a data file was resolved to a quartiere. */
export type QuartiereMatch =
  | { kind: 'code'; codice: string }
  | { kind: 'nd' }
  | { kind: 'name'; codice: string; exact: boolean; matched: string }
  | { kind: 'none'; suggestions: string[] };

/** Lookup of quartieri by code, number, name and variants, tolerant of how people write them. */
export interface QuartiereIndex {
  resolve(written: string): QuartiereMatch;
  byCode: Map<string, Quartiere>;
}

// "S.", "San", "Sant'", "Santa", "Santo" all become the token "s", so that
// "S. Eufemia", "Sant'Eufemia" and "SANT EUFEMIA" meet.
const saintTokens = new Set(['s', 'san', 'sant', 'santa', 'santo', 'ss']);

/** Normalises a quartiere name for comparison: case, accents, punctuation, San/S. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`´.\-–—_/,()]/g, ' ')
    .split(/\s+/)
    .filter((token) => token.length > 0)
    .map((token) => (saintTokens.has(token) ? 's' : token))
    .join(' ');
}

/** Levenshtein distance, for suggestions. */
function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** Builds the lookup for a territory. */
export function createQuartiereIndex(quartieri: Quartiere[]): QuartiereIndex {
  const byCode = new Map(quartieri.map((q) => [q.codice, q]));
  const byNumber = new Map<number, Quartiere>();
  const byName = new Map<string, { quartiere: Quartiere; written: string }>();
  for (const q of quartieri) {
    if (q.numero !== null) byNumber.set(q.numero, q);
    for (const written of [q.nome, ...q.varianti]) {
      const key = normalizeName(written);
      if (key && !byName.has(key)) byName.set(key, { quartiere: q, written });
    }
  }
  // Names without spaces too: "sanpolino" and "san polino", "portacremona".
  const compact = new Map<string, { quartiere: Quartiere; written: string }>();
  for (const [key, entry] of byName) compact.set(key.replace(/ /g, ''), entry);

  const resolve = (writtenRaw: string): QuartiereMatch => {
    const written = writtenRaw.trim();
    if (written.toUpperCase() === QUARTIERE_ND) return { kind: 'nd' };
    if (byCode.has(written)) return { kind: 'code', codice: written };
    if (/^\d{1,3}$/.test(written)) {
      const q = byNumber.get(Number(written));
      if (q) return { kind: 'code', codice: q.codice };
    }
    const key = normalizeName(written);
    const found = byName.get(key) ?? compact.get(key.replace(/ /g, ''));
    if (found) {
      return {
        kind: 'name',
        codice: found.quartiere.codice,
        exact: written === found.quartiere.nome,
        matched: found.quartiere.nome,
      };
    }
    const ranked = [...byName.entries()]
      .map(([name, entry]) => ({ nome: entry.quartiere.nome, d: distance(key, name) }))
      .sort((a, b) => a.d - b.d || a.nome.localeCompare(b.nome));
    const suggestions: string[] = [];
    for (const { nome } of ranked) {
      if (!suggestions.includes(nome)) suggestions.push(nome);
      if (suggestions.length === 3) break;
    }
    return { kind: 'none', suggestions };
  };
  return { resolve, byCode };
}
