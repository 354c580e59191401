import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';
import { bilancio } from '../helpers/cli.js';

const run = promisify(execFile);

describe('bilancio build on the embedded Brescia project', () => {
  let work: string;
  let build: Awaited<ReturnType<typeof bilancio>>;
  let pdfText: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-e2e-'));
    build = await bilancio(['build'], work);
    pdfText = (await run('pdftotext', ['-layout', path.join(work, 'out/report.pdf'), '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  }, 180_000);
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('exits 0 and writes the report and the open data into out/', () => {
    expect(build.stderr).not.toMatch(/Errore interno|at .*\.js:\d+/);
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/report\.pdf/);
  });

  it('the PDF names every quartiere and prints the city population of ISTAT at 31/12/2024', async () => {
    const quartieri = (await readFile(path.join(repoRoot, 'data/brescia/territorio/quartieri.csv'), 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[2]!.replace(/^"|"$/g, ''));
    expect(quartieri).toHaveLength(33);
    for (const name of quartieri) expect(pdfText).toContain(name);
    // 199.853: Italian grouping, the ISTAT figure for Brescia at 31 December 2024.
    expect(pdfText).toMatch(/199\.853/);
    expect(pdfText).not.toMatch(/199,853/);
    // The cover prints without running header and page number: numbering shows from page 2.
    expect(pdfText).toMatch(/pag\. 2 di \d+/);
  });

  it('indicatori.json holds the city values computed from the data: population, 65+ share, old-age index', async () => {
    const rows = JSON.parse(await readFile(path.join(work, 'out/indicatori.json'), 'utf8')) as Record<string, unknown>[];
    const city = (id: string) => rows.find((r) => r.anno === 2024 && r.livello === 'citta' && r.indicatore === id)!;
    expect(city('popolazione').valore).toBe(199853);
    expect(city('quota_65_plus')).toMatchObject({ numeratore: 49488, denominatore: 199853, valore: 24.8 });
    expect(city('indice_vecchiaia')).toMatchObject({ numeratore: 49488, denominatore: 24105, valore: 205.3 });
    const csv = await readFile(path.join(work, 'out/indicatori.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'anno,livello,codice,nome,indicatore,valore,numeratore,denominatore,unita,soppresso,motivo,nota,variazione',
    );
    const pkg = JSON.parse(await readFile(path.join(work, 'out/datapackage.json'), 'utf8'));
    expect(pkg.resources.map((r: { path: string }) => r.path)).toEqual([
      'indicatori.csv',
      'questionario.csv',
      'questionario_differenze.csv',
      'risorse.csv',
      'piramidi.csv',
      'impegni.csv',
      'testi_cifre.csv',
    ]);
  });

  it('the HTML is self-contained: no external script, stylesheet or image', async () => {
    const html = await readFile(path.join(work, 'out/report.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="it">/);
    expect(html).not.toMatch(/<(script|link)\b/i);
    expect(html).not.toMatch(/\ssrc="(?!data:)/i);
    expect(html).toContain('<svg');
  });

  it("without Chromium, exits 3 with one Italian line (from the printing thread) after the default project's, and writes nothing", async () => {
    const result = await bilancio(['build', '--out', 'senza-chromium'], work, {
      ...process.env,
      PUPPETEER_EXECUTABLE_PATH: '/no/such/chrome',
    });
    expect(result.code).toBe(3);
    // No project named or found around the folder: the embedded one, said in its own line first.
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Nessun progetto in .* né sopra \(manca bilancio\.config\.json\): si usa il progetto di esempio di Brescia/),
      'Nessun browser Chromium trovato. Installare il pacchetto Debian `chromium` (sudo apt-get install chromium) oppure ' +
        'indicare il percorso con la variabile PUPPETEER_EXECUTABLE_PATH. Percorsi provati: /no/such/chrome.',
    ]);
    await expect(readFile(path.join(work, 'senza-chromium/report.html'))).rejects.toThrow();
  });

  it('a folder that does not exist exits 2 with one Italian line and no stack trace', async () => {
    const result = await bilancio(['build', '/no/such/dir'], work);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual(['La cartella del progetto "/no/such/dir" non esiste.']);
  });

  it('a wrong option exits 2; --help teaches in Italian, and in English with --lang en', async () => {
    expect((await bilancio(['build', '--no-such-option'], work)).code).toBe(2);
    const help = await bilancio(['build', '--help'], work);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Uso: bilancio build/);
    expect(help.stdout).toMatch(/cartella dei risultati/);
    const english = await bilancio(['--lang', 'en', '--help'], work);
    expect(english.stdout).toMatch(/Usage: bilancio/);
    expect(english.stdout).toMatch(/Exit codes/);
  });
});
