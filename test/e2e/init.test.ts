import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilancio } from '../helpers/cli.js';
import { poppler } from '../report/build.js';

/** Every file under `dir`, relative and sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

// Issue 17: any comune can publish its own bilancio sociale in a day, starting from `bilancio init`.
describe('bilancio init', () => {
  let work: string;
  let project: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-init-'));
    project = path.join(work, 'comune-prova');
    const init = await bilancio(['init', 'comune-prova', '--comune', 'Comune di Prova', '--anno', '2024'], work);
    if (init.code !== 0) throw new Error(`bilancio init exited ${init.code}:\n${init.stderr}`);
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('writes a complete project naming the comune and nothing of Brescia', async () => {
    expect(await filesUnder(project)).toEqual([
      'README.md',
      'bilancio.config.json',
      'catalogo/agenzie.csv',
      'catalogo/cantieri.csv',
      'catalogo/enti.csv',
      'catalogo/impegni.csv',
      'catalogo/indicatori.json',
      'catalogo/servizi.csv',
      'contributi/partner_esempio/2024/erogazioni_partner_esempio.csv',
      'contributi/partner_esempio/2024/manifest.json',
      'dati/2024/erogazioni_comune.csv',
      'dati/2024/famiglie.csv',
      'dati/2024/movimento.csv',
      'dati/2024/popolazione.csv',
      'territorio/mappa_tile.csv',
      'territorio/quartieri.csv',
      'testi/governance.md',
      'testi/identita.md',
      'testi/lettera.md',
      'testi/obiettivi.md',
      'testi/partecipare.md',
    ]);
    for (const file of await filesUnder(project)) expect(await readFile(path.join(project, file), 'utf8'), file).not.toMatch(/brescia/i);
    const config = JSON.parse(await readFile(path.join(project, 'bilancio.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ ente: 'Comune di Prova', citta: 'Prova', anno: 2024 });
    expect(await readFile(path.join(project, 'catalogo/enti.csv'), 'utf8')).toContain('comune,Comune di Prova,ente_pubblico,capofila');
    const indicators = JSON.parse(await readFile(path.join(project, 'catalogo/indicatori.json'), 'utf8')) as {
      id: string;
      per_servizio?: boolean;
    }[];
    expect(indicators.map((d) => d.id)).toEqual(
      expect.arrayContaining(['popolazione', 'indice_vecchiaia', 'quota_stranieri', 'copertura_{servizio}']),
    );
    expect(await readFile(path.join(project, 'README.md'), 'utf8')).toMatch(/Che cosa riempire/);
  });

  it('validates at once, from inside the folder, with no problem', async () => {
    const result = await bilancio(['validate'], project);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/0 errori, 0 avvisi\. I dati sono validi\./);
  });

  it('builds at once, and the PDF names the comune, its areas and its cantieri, never Brescia', async () => {
    const result = await bilancio(['build'], project);
    expect(result.code, result.stderr).toBe(0);
    const text = await poppler('pdftotext', [path.join(project, 'out/report.pdf'), '-']);
    expect(text).toContain('Comune di Prova');
    expect(text).toContain('Area 1');
    expect(text).toContain('Le aree');
    // The network chapter: the starter's agencies (led by the comune) and its placeholder mission.
    expect(text).toContain('Sviluppo delle risorse umane');
    expect(text).toContain('La missione del progetto, in una o due frasi (da scrivere).');
    expect(text).toContain('Prima infanzia');
    expect(text).not.toMatch(/brescia|Città del Noi|100 leve/i);
    // The starter texts (testi/): the letter first, with its live figure taken from the open data.
    expect(text).toContain('Lettera di presentazione');
    expect(text).toContain('Come partecipare e contatti');
    const csv = await readFile(path.join(project, 'out/testi_cifre.csv'), 'utf8');
    const population = /^testi\/lettera\.md,\d+,\d+,valore,popolazione,2024,citta,citta,[^,]*,(\d+),/m.exec(csv)?.[1];
    expect(population).toBeDefined();
    expect(text.replace(/\s+/g, ' ')).toContain(`i residenti sono ${population!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`);
    expect(await poppler('pdfinfo', [path.join(project, 'out/report.pdf')])).toMatch(/Author:\s+Comune di Prova/);
  }, 180_000);

  it('refuses a folder that exists and is not empty (exit 2), and touches nothing in it', async () => {
    const again = await bilancio(['init', 'comune-prova', '--comune', 'Comune di Altro'], work);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/"comune-prova" esiste e non è vuota/);
    expect(JSON.parse(await readFile(path.join(project, 'bilancio.config.json'), 'utf8'))).toMatchObject({ ente: 'Comune di Prova' });
    const mine = path.join(work, 'mia');
    await mkdir(mine);
    await writeFile(path.join(mine, 'note.txt'), 'mie note');
    expect((await bilancio(['init', 'mia', '--comune', 'Comune di Altro', '--lang', 'en'], work)).code).toBe(2);
    expect(await readdir(mine)).toEqual(['note.txt']);
  });

  it('takes the comune’s own areas (--territorio) or a number of placeholder areas (--aree) into an empty folder', async () => {
    const areas = path.join(work, 'aree.csv');
    await writeFile(
      areas,
      'codice_quartiere;quartiere;codice_zona;zona\r\nC1;Centro storico;centro;Centro\r\nC2;Borgo Nuovo;centro;Centro\r\nF1;Frazione Monte;frazioni;Frazioni\r\n',
    );
    await mkdir(path.join(work, 'vuota'));
    const own = await bilancio(['init', 'vuota', '--comune', 'Comune di Altrove', '--territorio', areas, '--anno', '2024'], work);
    expect(own.code, own.stderr).toBe(0);
    expect(await readFile(path.join(work, 'vuota/territorio/quartieri.csv'), 'utf8')).toBe(await readFile(areas, 'utf8'));
    expect(await readFile(path.join(work, 'vuota/territorio/mappa_tile.csv'), 'utf8')).toContain('F1,1,0');
    const checked = await bilancio(['validate', 'vuota'], work);
    expect(checked.code, checked.stdout).toBe(0);
    expect(checked.stdout).toMatch(/0 errori, 0 avvisi/);

    const placeholders = await bilancio(['init', 'quattro', '--comune', 'Comune di Quattro', '--aree', '4', '--anno', '2024'], work);
    expect(placeholders.code, placeholders.stderr).toBe(0);
    expect(await readFile(path.join(work, 'quattro/territorio/quartieri.csv'), 'utf8')).toBe(
      'codice_quartiere,quartiere,codice_zona,zona\nA01,Area 1,zona_a,Zona 1\nA02,Area 2,zona_a,Zona 1\nA03,Area 3,zona_a,Zona 1\nA04,Area 4,zona_b,Zona 2\n',
    );
    expect((await bilancio(['validate', 'quattro'], work)).code).toBe(0);
  });

  it('wrong use is exit 2: no --comune, --territorio with --aree, a bad number', async () => {
    expect((await bilancio(['init', 'x1'], work)).code).toBe(2);
    expect((await bilancio(['init', 'x2', '--comune', 'Comune di X', '--aree', '3', '--territorio', 'aree.csv'], work)).code).toBe(2);
    expect((await bilancio(['init', 'x3', '--comune', 'Comune di X', '--aree', 'molte'], work)).code).toBe(2);
    expect((await readdir(work)).filter((name) => name.startsWith('x'))).toEqual([]);
  });
});
