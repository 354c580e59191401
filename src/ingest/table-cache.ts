import { stat } from 'node:fs/promises';
import type { RawTable } from '../types.js';
import { readTable, type ReadOptions } from './read-table.js';

// Tables already read, kept by path while the file is unchanged (same modification time and size): the
// live preview re-reads only the file that was saved. A build reads every file once and keeps nothing.

/** Reads a table, or gives the one read before when the file has not changed since. */
export type TableReader = (absPath: string, options: ReadOptions) => Promise<RawTable>;

/** A cache of read tables by path, options, modification time and size. */
export class TableCache {
  private readonly tables = new Map<string, { stamp: string; table: RawTable }>();
  /** How many tables were read from disk (not from the cache) since the cache was made. */
  reads = 0;

  /** The reader to hand to readProject. */
  readonly read: TableReader = async (absPath, options) => {
    const info = await stat(absPath).catch(() => null);
    const key = `${absPath}\n${options.displayPath}\n${options.dataset ?? ''}`;
    const stamp = info ? `${info.mtimeMs}|${info.size}` : '';
    const cached = this.tables.get(key);
    if (info && cached?.stamp === stamp) return cached.table;
    this.reads++;
    const table = await readTable(absPath, options);
    if (info) this.tables.set(key, { stamp, table });
    return table;
  };
}
