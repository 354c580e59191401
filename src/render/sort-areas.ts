// The bars of a chart of areas in the order a reader compares them: highest value first; equal values
// by name (Italian collation), then by code; the areas whose value is not published (n.d.) last, by name.
// The same data always gives the same order.

export interface AreaValue {
  codice: string;
  nome: string;
  value: number | null;
}

/** Areas sorted by value, highest first; ties and n.d. in a fixed order (name, then code). */
export function sortedByValue<T extends AreaValue>(areas: readonly T[]): T[] {
  const byName = (a: T, b: T) => a.nome.localeCompare(b.nome, 'it') || (a.codice < b.codice ? -1 : a.codice > b.codice ? 1 : 0);
  return [...areas].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null && b.value === null ? byName(a, b) : a.value === null ? 1 : -1;
    return b.value - a.value || byName(a, b);
  });
}
