import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilancio } from '../helpers/cli.js';
import { bresciaProject } from '../helpers/paths.js';

describe('indicators declared by the user, and projects with only some data', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-indicatori-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('an indicator added to catalogo/indicatori.json appears in indicatori.csv and in the report, with no code change', async () => {
    const project = path.join(work, 'aggiunto');
    await cp(bresciaProject, project, { recursive: true });
    const file = path.join(project, 'catalogo/indicatori.json');
    const catalogue = JSON.parse(await readFile(file, 'utf8'));
    catalogue.push({
      id: 'quota_donne_straniere',
      nome: 'Quota di donne straniere',
      nome_en: 'Share of foreign women',
      cantiere: 'demografia',
      numeratore: 'popolazione[sesso=F, cittadinanza=STR]',
      denominatore: 'popolazione[sesso=F]',
      scala: 100,
      unita: '%',
      decimali: 1,
      polarita: 'neutro',
      definizione: 'Donne con cittadinanza straniera per 100 donne residenti.',
    });
    await writeFile(file, JSON.stringify(catalogue, null, 2));
    const out = path.join(work, 'out-aggiunto');
    const result = await bilancio(['build', project, '--out', out, '--no-pdf'], work);
    expect(result.code, result.stderr).toBe(0);
    const csv = await readFile(path.join(out, 'indicatori.csv'), 'utf8');
    const city = csv.split('\r\n').find((l) => l.startsWith('2024,citta,citta,Brescia,quota_donne_straniere,'));
    expect(city).toBeDefined();
    const value = Number(city!.split(',')[5]);
    expect(value).toBeGreaterThan(10);
    expect(value).toBeLessThan(30);
    const html = await readFile(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('Quota di donne straniere');
    expect(html).toContain('Donne con cittadinanza straniera per 100 donne residenti.');
  }, 120_000);

  it('a bad expression is reported with the indicator and the character, exit 1', async () => {
    const project = path.join(work, 'rotto');
    await cp(bresciaProject, project, { recursive: true });
    const file = path.join(project, 'catalogo/indicatori.json');
    const catalogue = JSON.parse(await readFile(file, 'utf8'));
    catalogue.push({
      id: 'rotto',
      nome: 'Rotto',
      cantiere: 'demografia',
      numeratore: 'popolazione[eta>=65',
      denominatore: 'popolazione',
      scala: 100,
      unita: '%',
      polarita: 'neutro',
      definizione: 'x',
    });
    await writeFile(file, JSON.stringify(catalogue));
    const result = await bilancio(['compute', project, '--out', path.join(work, 'out-rotto')], work);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Indicatore "rotto", numeratore, carattere 20: atteso "\]"/);
  }, 60_000);

  it('a project with only popolazione computes what it can and names what it could not, and why', async () => {
    const project = path.join(work, 'solo-popolazione');
    await cp(bresciaProject, project, { recursive: true });
    await rm(path.join(project, 'contributi'), { recursive: true });
    for (const anno of await readdir(path.join(project, 'dati'))) {
      for (const name of await readdir(path.join(project, 'dati', anno))) {
        if (!name.startsWith('popolazione')) await rm(path.join(project, 'dati', anno, name));
      }
    }
    const out = path.join(work, 'out-solo');
    const compute = await bilancio(['compute', project, '--out', out], work);
    expect(compute.code, compute.stderr).toBe(0);
    expect(compute.stderr).toMatch(/Non calcolato: tasso_natalita per il 2024 \(mancano movimento 2024\)/);
    expect(compute.stderr).toMatch(/Non calcolato: copertura_NIDO per il 2024 \(mancano erogazioni 2024\)/);
    const rows = JSON.parse(await readFile(path.join(out, 'indicatori.json'), 'utf8')) as {
      indicatore: string;
      anno: number;
      livello: string;
      valore: number;
    }[];
    expect(rows.find((r) => r.indicatore === 'indice_vecchiaia' && r.anno === 2024 && r.livello === 'citta')?.valore).toBe(205.3);
    expect(rows.some((r) => r.indicatore === 'copertura_NIDO')).toBe(false);
    const build = await bilancio(['build', project, '--out', path.join(work, 'out-solo-report'), '--no-pdf'], work);
    expect(build.code, build.stderr).toBe(0);
    const html = await readFile(path.join(work, 'out-solo-report/report.html'), 'utf8');
    expect(html).toMatch(/Indicatori non calcolati/);
    expect(html).toMatch(/mancano i dati[^<]*movimento 2024/);
  }, 120_000);
});
