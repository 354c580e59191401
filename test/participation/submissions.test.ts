import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject, type CheckedProject } from '../../src/pipeline.js';
import { diskEffects } from '../../src/effects.js';
import { cantiereCompleteness, computeSubmissionGrid, type SubmissionGrid } from '../../src/compute/submissions.js';
import { bilancio } from '../helpers/cli.js';
import { copyBrescia, editManifest, keepYears } from './project.js';

/** Every cell of the grid as `stato|puntualita|esito`, keyed `ente/dataset/anno`. */
function statuses(grid: SubmissionGrid): Record<string, string> {
  return Object.fromEntries(
    grid.enti.flatMap((e) => e.celle.map((c) => [`${c.ente}/${c.dataset}/${c.anno}`, `${c.stato}|${c.puntualita}|${c.esito}`])),
  );
}

describe('the submissions grid: two partners late, one broken file, one never sent', () => {
  let work: Awaited<ReturnType<typeof copyBrescia>>;
  let checked: CheckedProject;
  let grid: SubmissionGrid;

  beforeAll(async () => {
    work = await copyBrescia('griglia');
    const p = work.project;
    // The grid of the project's own two years (the sample's data go back to 2019).
    await keepYears(p, [2023, 2024]);
    // 2024: cob (late in the sample) now on time; auser and acli late; colibri's file broken; dignita_lavoro never sent.
    await editManifest(p, 'cob', 2024, { inviato_il: '2025-03-20' });
    await editManifest(p, 'auser', 2024, { inviato_il: '2025-04-15' });
    await editManifest(p, 'acli', 2024, { inviato_il: '2025-05-02' });
    await writeFile(
      path.join(p, 'contributi/colibri/2024/erogazioni_colibri.json'),
      '[{"anno": 2024, "codice_quartiere": "5", "codice_servizio": ',
    );
    await rm(path.join(p, 'contributi/dignita_lavoro/2024'), { recursive: true });
    checked = await checkProject({ project: p }, diskEffects());
    grid = computeSubmissionGrid(checked);
  });
  afterAll(() => work.remove());

  it('says exactly who is late, broken, missing and fine, per ente, dataset and year', () => {
    expect(statuses(grid)).toEqual({
      'comune/erogazioni/2023': 'ricevuto|non_applicabile|valido',
      'comune/erogazioni/2024': 'ricevuto|non_applicabile|valido',
      'auser/erogazioni/2023': 'ricevuto|nei_tempi|valido',
      'auser/erogazioni/2024': 'ricevuto|in_ritardo|valido',
      'colibri/erogazioni/2023': 'ricevuto|nei_tempi|valido',
      'colibri/erogazioni/2024': 'ricevuto|nei_tempi|con_errori',
      'acli/erogazioni/2023': 'ricevuto|nei_tempi|valido',
      'acli/erogazioni/2024': 'ricevuto|in_ritardo|valido',
      'anffas/erogazioni/2023': 'ricevuto|in_ritardo|valido',
      'anffas/erogazioni/2024': 'ricevuto|nei_tempi|valido',
      'dignita_lavoro/erogazioni/2023': 'ricevuto|nei_tempi|valido',
      'dignita_lavoro/erogazioni/2024': 'mancante|null|null',
      'cob/erogazioni/2023': 'ricevuto|nei_tempi|valido',
      'cob/erogazioni/2024': 'ricevuto|nei_tempi|valido',
      'csv_brescia/erogazioni/2023': 'ricevuto|nei_tempi|valido',
      'csv_brescia/erogazioni/2024': 'ricevuto|nei_tempi|valido',
      'calabrone/erogazioni/2023': 'ricevuto|nei_tempi|valido',
      'calabrone/erogazioni/2024': 'ricevuto|nei_tempi|valido',
      'fondazione_asm/erogazioni/2023': 'ricevuto|nei_tempi|valido',
      'fondazione_asm/erogazioni/2024': 'ricevuto|nei_tempi|valido',
    });
    expect(grid.riepilogo).toEqual({ attesi: 20, ricevuti: 19, mancanti: 1, inRitardo: 3, conErrori: 1, nonAttesi: 0 });
    expect(grid.completo).toBe(false);
  });

  it('counts rows read and used, and the broken file uses none', () => {
    const cell = (ente: string, anno: number) => grid.enti.find((e) => e.ente === ente)!.celle.find((c) => c.anno === anno)!;
    expect(cell('colibri', 2024)).toMatchObject({ righeUsate: 0, scadenza: '2025-03-31', inviatoIl: '2025-03-25' });
    expect(cell('colibri', 2024).errori).toBeGreaterThan(0);
    expect(cell('auser', 2024)).toMatchObject({ righeLette: 22, righeUsate: 22, serviziRicevuti: ['COMPAGNIA_ANZIANI'] });
    expect(cell('comune', 2024).file.map((f) => f.path)).toEqual(['dati/2024/erogazioni_comune.csv']);
    expect(cell('comune', 2024).serviziRicevuti).toEqual(['NIDO', 'RESIDENZIALE_DIS', 'SAD']);
  });

  it('knows which services have data in each quartiere', () => {
    const y2024 = grid.quartieri.find((q) => q.anno === 2024)!;
    const sportello = y2024.servizi.findIndex((s) => s.codice === 'SPORTELLO_LAVORO');
    const nido = y2024.servizi.findIndex((s) => s.codice === 'NIDO');
    expect(y2024.quartieri).toHaveLength(33);
    expect(y2024.quartieri.every((q) => q.righe[sportello] === 0)).toBe(true);
    expect(y2024.quartieri.every((q) => q.righe[nido]! > 0)).toBe(true);
    const y2023 = grid.quartieri.find((q) => q.anno === 2023)!;
    expect(y2023.quartieri.some((q) => q.righe[sportello]! > 0)).toBe(true);
  });

  it("states each cantiere's completeness from the rows that arrived, not from folders", () => {
    expect(cantiereCompleteness(grid, checked.project.servizi, 'poverta_lavoro', 2024)).toEqual({
      attesi: ['acli', 'dignita_lavoro'],
      ricevuti: ['acli'],
      mancanti: ['dignita_lavoro'],
    });
    // colibri's folder is there but its only file is unreadable: no data for early childhood from it.
    expect(cantiereCompleteness(grid, checked.project.servizi, 'prima_infanzia', 2024)).toEqual({
      attesi: ['comune', 'colibri'],
      ricevuti: ['comune'],
      mancanti: ['colibri'],
    });
    expect(cantiereCompleteness(grid, checked.project.servizi, 'prima_infanzia', 2023).mancanti).toEqual([]);
  });

  it('the command prints the grid, writes contributi.html and .json, exits 0; --strict exits 1', async () => {
    const out = path.join(work.dir, 'out');
    const plain = await bilancio(['submissions', work.project, '--out', out], work.dir);
    expect(plain.stderr).toBe('');
    expect(plain.code, plain.stderr).toBe(0);
    const line = (name: string) => plain.stdout.split('\n').find((l) => l.startsWith(name)) ?? '';
    expect(line('Associazione Dignità e Lavoro')).toMatch(/ricevuto, nei tempi, valido, 34 righe usate\s+mancante$/);
    expect(line('Auser Volontariato Brescia')).toMatch(/in ritardo \(15\/04\/2025\), valido, 22 righe usate$/);
    expect(line('Co.librì')).toMatch(/ricevuto, nei tempi, valido, 14 righe usate\s+ricevuto, nei tempi, 1 errore, 0 righe usate$/);
    expect(plain.stdout).toContain('Riepilogo: 20 invii attesi, 19 ricevuti, 1 mancanti, 3 in ritardo, 1 con errori, 0 non attesi.');
    const html = await readFile(path.join(out, 'contributi.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n/);
    expect(html).toContain('<html lang="it">');
    expect(html).not.toMatch(/<script|<link|\ssrc=/i);
    expect(html).toContain('<th scope="row">Associazione Dignità e Lavoro</th>');
    expect(html).toMatch(/class="attenzione">.*mancante/);
    const json = JSON.parse(await readFile(path.join(out, 'contributi.json'), 'utf8')) as SubmissionGrid;
    expect(statuses(json)).toEqual(statuses(grid));

    const strict = await bilancio(['submissions', work.project, '--out', out, '--strict'], work.dir);
    expect(strict.code, strict.stderr).toBe(1);
    expect(strict.stderr).toMatch(/1 mancanti, 3 in ritardo, 1 con errori/);
    const asJson = await bilancio(['submissions', work.project, '--out', out, '--format', 'json', '--lang', 'en'], work.dir);
    expect(asJson.code, asJson.stderr).toBe(0);
    expect((JSON.parse(asJson.stdout) as SubmissionGrid).riepilogo.mancanti).toBe(1);
  });
});

describe('bilancio submissions on complete and on the embedded data', () => {
  it('--strict exits 0 when everything arrived on time and valid, 1 on the embedded project (one late partner a year)', async () => {
    const work = await copyBrescia('completo');
    try {
      await keepYears(work.project, [2023, 2024]);
      await editManifest(work.project, 'anffas', 2023, { inviato_il: '2024-03-30' });
      await editManifest(work.project, 'cob', 2024, { inviato_il: '2025-03-31' });
      const complete = await bilancio(['submissions', work.project, '--out', path.join(work.dir, 'out'), '--strict'], work.dir);
      expect(complete.code, complete.stderr).toBe(0);
      expect(complete.stdout).toContain('0 mancanti, 0 in ritardo, 0 con errori');
      const embedded = await bilancio(['submissions', '--out', path.join(work.dir, 'out2'), '--strict'], work.dir);
      expect(embedded.code, embedded.stderr).toBe(1);
      // Six years on the embedded project: 2019-2022 on time, then ANFFAS late for 2023.
      expect(embedded.stdout).toMatch(
        /ANFFAS Brescia\s+erogazioni\s+(ricevuto, nei tempi, valido, \d+ righe usate\s+){4}ricevuto, in ritardo \(04\/04\/2024\)/,
      );
      expect((await bilancio(['submissions', '--out', path.join(work.dir, 'out2')], work.dir)).code).toBe(0);
    } finally {
      await work.remove();
    }
  });

  it('a project folder that does not exist exits 2', async () => {
    const result = await bilancio(['submissions', '/no/such/dir'], '/tmp');
    expect(result.code, result.stderr).toBe(2);
  });
});
