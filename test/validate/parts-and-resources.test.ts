// The 'di cui' rule (a part never above its whole, row by row) and the risorse and personale datasets'
// foreign keys, on a copy of the embedded project with a few cells broken on purpose.

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/pipeline.js';
import { diskEffects } from '../../src/effects.js';
import { bresciaProject } from '../helpers/paths.js';
import { said } from '../helpers/said.js';

const fx = diskEffects();

/** Rewrites one cell of a plain CSV (row 2 = the first data row, as a spreadsheet numbers it). */
async function setCell(file: string, row: number, column: string, value: string | ((row: string[], header: string[]) => string)) {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const header = lines[0]!.split(',');
  const cells = lines[row - 1]!.split(',');
  cells[header.indexOf(column)] = typeof value === 'string' ? value : value(cells, header);
  lines[row - 1] = cells.join(',');
  await writeFile(file, lines.join('\n'));
}

describe('parts within their whole, and the money and people datasets', () => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(path.join(tmpdir(), 'bilancio-di-cui-'));
    await cp(bresciaProject, project, { recursive: true });
    await setCell(path.join(project, 'dati/2022/movimento.csv'), 3, 'nati_stranieri', (cells, header) =>
      String(Number(cells[header.indexOf('nati')]) + 5),
    );
    await setCell(path.join(project, 'dati/2024/risorse.csv'), 4, 'codice_servizio', 'ASILO');
    await setCell(path.join(project, 'dati/2021/personale.csv'), 2, 'codice_ente', 'sconosciuto');
  });
  afterAll(() => rm(project, { recursive: true, force: true }));

  it('names the row and column of a part above its whole, and of an unknown service or organisation', async () => {
    const checked = await checkProject({ project }, fx);
    const movimento = checked.report.files.find((f) => f.path === 'dati/2022/movimento.csv')!;
    expect(movimento.errors.map((p) => [p.code, p.row, p.field])).toEqual([['consistency-error', 3, 'nati_stranieri']]);
    expect(movimento.errors[0]!.column).toBe(4);
    expect(said(movimento.errors)[0]!.message).toMatch(/nati stranieri .* sono più dei nati/);
    expect(said(movimento.errors, 'en')[0]!.message).toMatch(/foreign newborns .* exceed newborns/);
    const risorse = checked.report.files.find((f) => f.path === 'dati/2024/risorse.csv')!;
    expect(risorse.errors.map((p) => [p.code, p.row, p.field])).toEqual([['foreign-key', 4, 'codice_servizio']]);
    const personale = checked.report.files.find((f) => f.path === 'dati/2021/personale.csv')!;
    expect(personale.errors.map((p) => [p.code, p.row, p.field])).toEqual([['foreign-key', 2, 'codice_ente']]);
    // The broken rows are left out; the rest of each year is still there.
    expect(checked.project.dati.get(2024)?.get('risorse')?.length).toBeGreaterThan(20);
  });
});
