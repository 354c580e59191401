import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/pipeline.js';
import { diskEffects } from '../../src/effects.js';
import { bresciaProject } from '../helpers/paths.js';
import { said } from '../helpers/said.js';

const fx = diskEffects();

describe('the embedded Brescia project', () => {
  it('validates with 0 errors (all six years, every partner file)', async () => {
    const checked = await checkProject({ project: bresciaProject }, fx);
    expect(checked.report.summary.errors).toBe(0);
    expect(checked.report.valid).toBe(true);
    expect(checked.project.anni).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    // Windows-1252 partner files were read as such.
    expect(checked.report.files.find((f) => f.path === 'contributi/anffas/2024/erogazioni_anffas.csv')?.encoding).toBe('windows-1252');
  });
});

describe('cross-file consistency rules', () => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(path.join(tmpdir(), 'bilancio-coerenza-'));
    await cp(bresciaProject, project, { recursive: true });
    const famiglie = path.join(project, 'dati/2024/famiglie.csv');
    const lines = (await readFile(famiglie, 'utf8')).split('\n');
    const header = lines[0]!.split(',');
    const cells = lines[1]!.split(',');
    cells[header.indexOf('famiglie_unipersonali')] = String(Number(cells[header.indexOf('famiglie')]) + 1);
    cells[header.indexOf('anziani_soli_75')] = '99999';
    lines[1] = cells.join(',');
    await writeFile(famiglie, lines.join('\n'));
    const erogazioni = path.join(project, 'dati/2024/erogazioni_comune.csv');
    const rows = (await readFile(erogazioni, 'utf8')).split('\n');
    const eh = rows[0]!.split(',');
    const row = rows.findIndex((r, i) => i > 0 && r.split(',')[eh.indexOf('codice_servizio')] === 'SAD');
    const sad = rows[row]!.split(',');
    sad[eh.indexOf('utenti')] = '50000';
    rows[row] = sad.join(',');
    await writeFile(erogazioni, rows.join('\n'));
    const configFile = path.join(project, 'bilancio.config.json');
    const config = JSON.parse(await readFile(configFile, 'utf8'));
    config.regole = { ...config.regole, utenti_target: { gravita: 'avviso' } };
    await writeFile(configFile, JSON.stringify(config));
  });
  afterAll(() => rm(project, { recursive: true, force: true }));

  it('reports parts that do not add up and users above the target population, with row and severity from the config', async () => {
    const checked = await checkProject({ project }, fx);
    const famiglie = checked.report.files.find((f) => f.path === 'dati/2024/famiglie.csv')!;
    expect(famiglie.errors.map((p) => [p.code, p.row, p.field])).toEqual([
      ['consistency-error', 2, 'famiglie_unipersonali'],
      ['consistency-error', 2, 'anziani_soli_75'],
    ]);
    expect(said(famiglie.errors)[1]!.message).toMatch(/75 anni e più/);
    const erogazioni = checked.report.files.find((f) => f.path === 'dati/2024/erogazioni_comune.csv')!;
    const users = erogazioni.warnings.find((p) => p.field === 'utenti' && p.code === 'consistency-error');
    expect(users?.value).toBe('50000');
    expect(users?.column).toBeGreaterThan(0);
    expect(erogazioni.errors).toEqual([]);
  });
});
