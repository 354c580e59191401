// Issue 15: one partner file must not bring bilancio down. Each hostile file, generated here, ends in
// a result or a clear refusal (exit 1, a source-error naming the limit) within 1 GB of memory, as the
// real command runs it. Speed is measured by the benchmark (npm run bench -- --only-hostile), not here.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileCases, validateFile } from '../../bench/hostile-files.js';

const ONE_GB = 1024;

describe('hostile partner files end in a result or a clear refusal, within 1 GB', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bilancio-hostile-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  for (const hostile of hostileCases('test')) {
    it(`${hostile.name}: ${hostile.what}`, async () => {
      const file = await hostile.write(dir);
      try {
        const run = await validateFile(file, hostile.format);
        expect(run.stderr).not.toMatch(/Errore interno|RangeError|heap/);
        expect(run.exitCode).toBe(1);
        expect(run.peakMb).not.toBeNull();
        expect(run.peakMb!).toBeLessThan(ONE_GB);
        expect(run.stdout).toMatch(hostile.expect);
        if (hostile.format === 'json') {
          const report = JSON.parse(run.stdout);
          const errors = report.files[0].errors;
          if (hostile.outcome === 'refused') {
            expect(errors).toEqual([expect.objectContaining({ code: 'source-error', file })]);
            expect(report.files[0].rows).toBe(0);
          }
          // However many problems, the report lists at most 100 per code (+ the closing count) and stays small.
          const byCode = new Map<string, number>();
          for (const problem of [...errors, ...report.files[0].warnings]) byCode.set(problem.code, (byCode.get(problem.code) ?? 0) + 1);
          for (const listed of byCode.values()) expect(listed).toBeLessThanOrEqual(101);
          expect(run.stdout.length).toBeLessThan(2 * 1024 * 1024);
        } else {
          // Nothing a cell holds acts on the terminal: no raw control character but line feeds.
          expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
        }
      } finally {
        await rm(file, { force: true });
      }
    }, 120_000);
  }

  it('150,000 repeated rows: every problem counted, the first 100 of each code listed, in the text report too', async () => {
    const hostile = hostileCases('test').find((c) => c.name === 'righe-ripetute')!;
    const file = await hostile.write(dir);
    const json = JSON.parse((await validateFile(file, 'json')).stdout);
    expect(json.summary).toEqual({ files: 1, rows: 150_000, errors: 149_999, warnings: 149_999 });
    expect(json.files[0].conteggi).toEqual({ 'primary-key': 149_999, 'duplicate-row': 149_999 });
    expect(json.files[0].omessi).toBe(2 * 149_899);
    expect(json.files[0].errors.at(-1)).toMatchObject({
      code: 'primary-key',
      omessi: 149_899,
      message: expect.stringMatching(/^… e altri 149899 errori primary-key/),
    });
    const text = (await validateFile(file, 'text')).stdout;
    expect(text).toContain('… e altri 149994 problemi primary-key');
    expect(text).toMatch(/1 file, 150\.000 righe: 149\.999 errori, 149\.999 avvisi\./);
  }, 120_000);
});
