import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilancio } from '../helpers/cli.js';
import { copyBrescia, setCsvCell } from './project.js';
import { checkProject } from '../../src/pipeline.js';
import { diskEffects } from '../../src/effects.js';
import { indicatorsUsingRows } from '../../src/participation/data-use.js';

const run = promisify(execFile);
const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

describe('bilancio receipt for a partner whose file has errors', () => {
  let work: Awaited<ReturnType<typeof copyBrescia>>;
  let out: string;
  const auser = () => path.join(work.project, 'contributi/auser/2024/erogazioni_auser.csv');

  beforeAll(async () => {
    work = await copyBrescia('ricevuta');
    out = path.join(work.dir, 'out');
    // Row 5, column E (utenti): a word; row 9, column C (codice_servizio): a service that does not exist.
    await setCsvCell(auser(), 5, 'utenti', 'molti');
    await setCsvCell(auser(), 9, 'codice_servizio', 'XYZ');
  });
  afterAll(() => work.remove());

  it('before the build: names each problem with row and column as the spreadsheet shows them, and says the report is not built', async () => {
    // Another folder than the build's: the build replaces only empty folders or earlier outputs.
    const before = path.join(work.dir, 'prima');
    const result = await bilancio(['receipt', 'contributi/auser/2024', '--progetto', work.project, '--out', before, '--no-pdf'], work.dir);
    expect(result.stderr).toBe('');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/ricevuta-auser-2024\.html/);
    const html = await readFile(path.join(before, 'ricevuta-auser-2024.html'), 'utf8');
    expect(html).toContain('<html lang="it">');
    expect(html).not.toMatch(/<script|<link|\ssrc=/i);
    expect(html).toContain('Gentile Luisa Ferrari, Auser Volontariato Brescia');
    expect(html).toMatch(/<tr class="error"><th scope="row">errore<\/th><td>5<\/td><td>E \(5\)<\/td><td>utenti<\/td><td>molti<\/td>/);
    expect(html).toMatch(
      /<tr class="error"><th scope="row">errore<\/th><td>9<\/td><td>C \(3\)<\/td><td>codice_servizio<\/td><td>XYZ<\/td>/,
    );
    expect(html).toContain('erogazioni_auser.csv');
    expect(html).toContain('punto e virgola (;)');
    expect(html).toMatch(/<td>(utf-8|windows-1252)<\/td>/);
    expect(html).toMatch(/<td>22<\/td><td>20<\/td>/); // rows read, rows used
    expect(html).toContain('Il report non è ancora stato costruito');
  });

  it('finds the project from the submission path when run inside it; refuses a path that is not a submission', async () => {
    const inside = path.join(work.dir, 'dentro');
    const result = await bilancio(['receipt', 'contributi/auser/2024', '--out', inside, '--no-pdf'], work.project);
    expect(result.code, result.stderr).toBe(0);
    // The errors prove it read the copy it was run in, not the embedded project.
    expect(await readFile(path.join(inside, 'ricevuta-auser-2024.html'), 'utf8')).toContain('<td>molti</td>');
    expect(await exists(path.join(inside, 'ricevuta-auser-2024.pdf'))).toBe(false);
    const bad = await bilancio(['receipt', 'auser', '--progetto', work.project], work.dir);
    expect(bad.code, bad.stderr).toBe(2);
    expect(bad.stderr).toMatch(/contributi\/<ente>\/<anno>/);
    const none = await bilancio(['receipt', 'contributi/nessuno/2024', '--progetto', work.project, '--out', out], work.dir);
    expect(none.code, none.stderr).toBe(2);
    expect(none.stderr).toMatch(/non c'è il contributo contributi\/nessuno\/2024/);
  });

  it("after the build: lists the indicators built from the partner's rows and their chapters, in HTML and in a real PDF", async () => {
    const build = await bilancio(['build', work.project, '--out', out, '--no-pdf', '--ignora-errori'], work.dir);
    expect(build.stdout).toMatch(/indicatori\.json/);
    // Receipts go to a folder of their own, which the next build does not erase; the build's is only read.
    const ricevute = path.join(work.dir, 'ricevute');
    const result = await bilancio(
      ['receipt', 'contributi/auser/2024', '--progetto', work.project, '--pubblicati', out, '--out', ricevute],
      work.dir,
    );
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(path.join(ricevute, 'ricevuta-auser-2024.html'), 'utf8');
    expect(html).not.toContain('non è ancora stato costruito');
    expect(html).toMatch(
      /<th scope="row">Copertura: Compagnia e trasporto anziani<\/th><td>[\d,]+ per 100<\/td><td>Anziani e disabili, I quartieri, Appendici<\/td>/,
    );
    expect(html).toContain('Volontari per 1.000 abitanti');
    expect(html).not.toContain('Indice di vecchiaia');
    const text = (await run('pdftotext', ['-layout', path.join(ricevute, 'ricevuta-auser-2024.pdf'), '-'])).stdout;
    expect(text).toContain('Ricevuta del contributo 2024: Auser Volontariato Brescia');
    expect(text).toContain('Gentile Luisa Ferrari');
    expect(text).toMatch(/errore\s+5\s+E \(5\)\s+utenti\s+molti/);
    expect(text).toMatch(/errore\s+9\s+C \(3\)\s+codice_servizio\s+XYZ/);
    expect(text).toContain('Dove compaiono i vostri dati');
    expect(text).toMatch(/Copertura: Compagnia e trasporto\s+[\d,]+ per 100\s+Anziani e disabili/);
    expect(text).toMatch(/pag\. 1 di \d/);
  });
});

describe('indicatorsUsingRows', () => {
  it('keeps the indicators whose expressions sum at least one of the rows', async () => {
    const checked = await checkProject({ project: path.join(import.meta.dirname, '../../data/brescia') }, diskEffects());
    const rows = checked.project.dati
      .get(2024)!
      .get('erogazioni')!
      .filter((r) => r.values.codice_ente === 'anffas');
    const ids = indicatorsUsingRows(checked.definitions, rows, 'erogazioni').map((d) => d.id);
    expect(ids).toContain('copertura_CENTRO_DIURNO_DIS');
    expect(ids).not.toContain('copertura_NIDO');
    expect(ids).not.toContain('popolazione');
    expect(indicatorsUsingRows(checked.definitions, [], 'erogazioni')).toEqual([]);
  });
});
