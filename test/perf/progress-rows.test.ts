import { describe, expect, it } from 'vitest';
import { progressRowsText, writeProgressRows } from '../../src/cli/progress-rows.js';

const progress = {
  file: 'dati/2024/residenti.csv',
  rows: 1_234_567,
  bytes: 25_000_000,
  totalBytes: 100_000_000,
  elapsedMs: 1000,
  done: false,
};

describe('the progress line of a long streamed read', () => {
  it('says rows, rate, share and time left, in the report language', () => {
    expect(progressRowsText(progress, 'it')).toBe('dati/2024/residenti.csv: 1.234.567 righe, 1,2 milioni di righe/s, 25%, ancora 3 s');
    expect(progressRowsText({ ...progress, rows: 400_000 }, 'en')).toBe(
      'dati/2024/residenti.csv: 400,000 rows, 400,000 rows/s, 25%, 3 s left',
    );
    expect(progressRowsText({ ...progress, bytes: progress.totalBytes, done: true }, 'it')).not.toMatch(/ancora/);
  });

  it('is written in place on a terminal, and not at all elsewhere', () => {
    const written: string[] = [];
    const stream = (isTTY: boolean) => ({ isTTY, write: (s: string) => written.push(s) }) as unknown as NodeJS.WriteStream;
    writeProgressRows(progress, 'it', stream(false));
    expect(written).toEqual([]);
    writeProgressRows(progress, 'it', stream(true));
    writeProgressRows({ ...progress, done: true }, 'it', stream(true));
    expect(written[0]).toMatch(/^\r… dati\/2024\/residenti\.csv: .*\x1b\[K$/);
    expect(written[1]).toMatch(/\n$/);
  });
});
