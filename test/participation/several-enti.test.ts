import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject, type CheckedProject } from '../../src/pipeline.js';
import { diskEffects } from '../../src/effects.js';
import { computeSubmissionGrid, type SubmissionGrid } from '../../src/compute/submissions.js';
import { computeContributions } from '../../src/compute/contributions.js';
import { bilancio } from '../helpers/cli.js';
import { copyBrescia } from './project.js';

// Issue 17: several organisations per service, each expected and credited for its own submission.
describe('a service delivered by several organisations', () => {
  let work: Awaited<ReturnType<typeof copyBrescia>>;
  let checked: CheckedProject;
  let grid: SubmissionGrid;
  const cell = (ente: string, anno = 2024) =>
    grid.enti.find((e) => e.ente === ente)?.celle.find((c) => c.dataset === 'erogazioni' && c.anno === anno);

  beforeAll(async () => {
    work = await copyBrescia('piu-enti');
    const p = work.project;
    const servizi = path.join(p, 'catalogo/servizi.csv');
    const text = (await readFile(servizi, 'utf8'))
      // The emporio run by ACLI and ANOLF (`;`, quoted in a comma-separated file), the punti comunità by CSV Brescia and Cuore Amico (`|`).
      // (ente is followed by servizio_en, the English name.)
      .replace(/^(EMPORIO,.*),acli,([^,\n]*)$/m, '$1,"acli; anolf",$2')
      .replace(/^(PUNTI_COMUNITA,.*),csv_brescia,([^,\n]*)$/m, '$1,csv_brescia|cuore_amico,$2');
    await writeFile(servizi, text);
    const folder = path.join(p, 'contributi/anolf/2024');
    await mkdir(folder, { recursive: true });
    await writeFile(
      path.join(folder, 'erogazioni_anolf.csv'),
      'anno;codice_quartiere;codice_servizio;codice_ente;utenti\r\n2024;17029001;EMPORIO;anolf;12\r\n2024;17029002;EMPORIO;anolf;9\r\n',
    );
    await writeFile(
      path.join(folder, 'manifest.json'),
      JSON.stringify({ ente: 'anolf', anno: 2024, inviato_il: '2025-03-10', file: ['erogazioni_anolf.csv'] }),
    );
    checked = await checkProject({ project: p }, diskEffects());
    grid = computeSubmissionGrid(checked);
  });
  afterAll(() => work.remove());

  it('reads every organisation of the catalogue cell, and the project stays valid', () => {
    expect(checked.report.valid).toBe(true);
    expect(checked.project.servizi.find((s) => s.codice === 'EMPORIO')?.enti).toEqual(['acli', 'anolf']);
    expect(checked.project.servizi.find((s) => s.codice === 'PUNTI_COMUNITA')?.enti).toEqual(['csv_brescia', 'cuore_amico']);
    expect(checked.project.servizi.find((s) => s.codice === 'NIDO')?.enti).toEqual(['comune']);
  });

  it('expects each organisation: the second provider is received as expected, a silent one is missing', () => {
    expect(cell('anolf')).toMatchObject({
      atteso: true,
      stato: 'ricevuto',
      esito: 'valido',
      serviziAttesi: ['EMPORIO'],
      serviziRicevuti: ['EMPORIO'],
    });
    expect(cell('acli')).toMatchObject({ atteso: true, stato: 'ricevuto', serviziAttesi: ['EMPORIO'] });
    expect(cell('cuore_amico')).toMatchObject({ atteso: true, stato: 'mancante' });
    expect(grid.riepilogo.nonAttesi).toBe(0);
  });

  it('credits each organisation for its own rows, and the cantiere counts both', () => {
    const result = computeContributions(checked.project, checked.config?.scadenzaContributi ?? {}, 2024);
    expect(result.crediti.find((c) => c.ente === 'anolf')).toMatchObject({ servizi: ['EMPORIO'], righe: 2 });
    expect(result.crediti.find((c) => c.ente === 'acli')?.servizi).toEqual(['EMPORIO']);
    expect(result.completezza.poverta_lavoro?.attesi.sort()).toEqual(['acli', 'anolf', 'dignita_lavoro']);
    expect(result.completezza.forza_comunita).toMatchObject({ ricevuti: ['csv_brescia'], mancanti: ['cuore_amico'] });
  });

  it("the second provider's receipt and the grid do not call it unexpected", async () => {
    const receipts = path.join(work.dir, 'ricevute');
    const receipt = await bilancio(
      ['receipt', 'contributi/anolf/2024', '--progetto', work.project, '--out', receipts, '--no-pdf'],
      work.dir,
    );
    expect(receipt.code, receipt.stderr).toBe(0);
    const html = await readFile(path.join(receipts, 'ricevuta-anolf-2024.html'), 'utf8');
    expect(html).not.toContain('non atteso');
    const submissions = await bilancio(['submissions', work.project, '--out', path.join(work.dir, 'griglia')], work.dir);
    const line = submissions.stdout.split('\n').find((l) => l.startsWith('ANOLF')) ?? '';
    expect(line).toMatch(/ricevuto, nei tempi, valido, 2 righe usate$/);
    expect(submissions.stdout.split('\n').find((l) => l.startsWith('Associazione Cuore Amico'))).toMatch(/mancante/);
  });

  it('a code that is not in enti.csv is an error at its row and column, naming the code', async () => {
    const servizi = path.join(work.project, 'catalogo/servizi.csv');
    const before = await readFile(servizi, 'utf8');
    await writeFile(servizi, before.replace('csv_brescia|cuore_amico', 'csv_brescia|nessuno'));
    try {
      const bad = await checkProject({ project: work.project }, diskEffects());
      const problems = bad.report.files.find((f) => f.path === 'catalogo/servizi.csv')?.errors ?? [];
      expect(problems).toEqual([
        expect.objectContaining({ code: 'foreign-key', row: 6, field: 'ente', value: 'nessuno', column: 6, columnLetter: 'F' }),
      ]);
    } finally {
      await writeFile(servizi, before);
    }
  });
});
