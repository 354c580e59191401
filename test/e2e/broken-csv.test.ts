// Broken CSV files a partner may send (issue 21), through the real `bilancio validate`: each problem is
// pointed at the row and column Excel shows, and a file whose data are not recognised still gets its
// reading and structure problems.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilancio } from '../helpers/cli.js';

describe('bilancio validate on broken CSV files', () => {
  let work: string;
  const file = (name: string) => path.join(work, name);
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-broken-'));
    const header = 'anno;codice_quartiere;codice_servizio;codice_ente;utenti\r\n';
    await writeFile(file('erogazioni_virgolette.csv'), `${header}2024;17029018;SAD;comune;12\r\n2024;"17029018"x;SAD;comune;3\r\n`);
    await writeFile(
      file('erogazioni_aperte.csv'),
      `${header}2024;"17029018;SAD;comune;12\r\n2024;17029018;SAD;comune;3\r\n2024;"17029018";SAD;comune;4\r\n`,
    );
    await writeFile(file('dati.csv'), 'anno;utenti;utenti\r\n2024;3\r\n\r\n2024;4;5;6\r\n');
    await writeFile(file('erogazioni_unicode.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(header, 'utf16le')]));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('text after a closing quote: an error at its row and column, exit 1', async () => {
    const result = await bilancio(['validate', file('erogazioni_virgolette.csv')], work);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/errore source-error: \[riga 3, colonna B \(2\)\].*Virgolette fuori posto: nella riga 3, colonna B/);
    expect(result.stdout).not.toMatch(/extra-cell|missing-cell/);
  });

  it('a quote never closed where its value ends: an error where it opens, and no misleading extra cell', async () => {
    const result = await bilancio(['validate', file('erogazioni_aperte.csv'), '--format', 'json'], work);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: { rows: number; errors: { code: string; row: number; column: number }[] }[] };
    expect(report.files[0]?.errors.map((p) => [p.code, p.row, p.column])).toEqual([['source-error', 2, 2]]);
    expect(report.files[0]?.rows).toBe(3);
  });

  it('a file whose data are not recognised still gets its structural problems', async () => {
    const result = await bilancio(['validate', file('dati.csv'), '--format', 'json'], work);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: { errors: { code: string; row?: number; column?: number }[] }[] };
    expect(report.files[0]?.errors.map((p) => [p.code, p.row ?? null, p.column ?? null])).toEqual([
      ['source-error', null, null],
      ['duplicate-label', 1, 3],
      ['missing-cell', 2, 3],
      ['blank-row', 3, null],
      ['extra-cell', 4, 4],
    ]);
  });

  it('UTF-16 is named, not read as UTF-8 with no rows', async () => {
    const result = await bilancio(['validate', file('erogazioni_unicode.csv'), '--lang', 'en'], work);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/encoding-error.*The file is in UTF-16LE \(Excel's "Unicode Text" format\), which is not supported/);
  });
});
