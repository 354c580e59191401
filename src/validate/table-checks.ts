import type { RawTable, Territorio } from '../types.js';
import type { TableResult } from './validate-table.js';

// The checks of tables read before, kept while the table is the same object (the live preview keeps a
// table while its file is unchanged, ingest/table-cache.ts): saving one partner's file re-checks that
// file only. A table's checks depend on the table, its dataset and, for yearly data, the quartieri it
// names; the schemas are bilancio's own. Later checks across files never change a table's result.

/** The territory a table's quartieri are resolved against, as a key: codes, names, variants, zone. */
export function territoryKey(territorio: Territorio | null): string {
  return territorio ? JSON.stringify(territorio.quartieri) : '';
}

/** validateTable's results by table object, dataset and territory. */
export class TableChecks {
  private readonly results = new WeakMap<RawTable, Map<string, TableResult>>();
  /** How many tables were checked (not taken from the cache) since it was made. */
  checked = 0;

  /** The result of `check` for this table, dataset and territory, computed once. */
  get(table: RawTable, dataset: string, territory: string, check: () => TableResult): TableResult {
    const key = `${dataset}\n${territory}`;
    let byKey = this.results.get(table);
    if (!byKey) this.results.set(table, (byKey = new Map()));
    let result = byKey.get(key);
    if (!result) {
      this.checked++;
      byKey.set(key, (result = check()));
    }
    return result;
  }
}
