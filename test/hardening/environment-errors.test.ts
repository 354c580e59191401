import { describe, expect, it } from 'vitest';
import { expectedFailure, EXIT } from '../../src/cli/main.js';

// What the machine refuses is not a bug: the person is told which path and what to do, with exit 3.

const errno = (code: string, path: string) => Object.assign(new Error(`${code}: refused, open '${path}'`), { code, path, errno: -13 });

describe('errors of the machine', () => {
  it('a project file that cannot be read exits 3 naming it, in Italian and English', () => {
    const it = expectedFailure(errno('EACCES', '/p/dati/2024/popolazione.csv'), 'it')!;
    expect(it.exitCode).toBe(EXIT.environment);
    expect(it.message).toContain('/p/dati/2024/popolazione.csv');
    expect(it.message).toMatch(/permessi/);
    expect(expectedFailure(errno('EPERM', '/p/x'), 'en')!.message).toMatch(/permission denied/);
  });

  it('a disk error exits 3 naming the path; an unknown error is left to the bug report', () => {
    expect(expectedFailure(errno('EIO', '/p/out/report.pdf'), 'it')).toMatchObject({ exitCode: EXIT.environment });
    expect(expectedFailure(errno('EIO', '/p/out/report.pdf'), 'it')!.message).toContain('/p/out/report.pdf');
    expect(expectedFailure(new TypeError('x is undefined'), 'it')).toBeNull();
  });
});
