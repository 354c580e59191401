import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilancio } from '../helpers/cli.js';

describe('bilancio validate and bilancio templates, as a partner uses them', () => {
  let work: string;
  let broken: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-validate-'));
    broken = path.join(work, 'erogazioni_associazione.csv');
    const text =
      'Servizi 2024 – Città;;;;\r\nanno;quartiere;codice_servizio;codice_ente;utenti\r\n2024;S. Eufemia;SAD;comune;12\r\n2024;Sant Eufemiaa;SAD;comune;dodici\r\n';
    await writeFile(broken, iconv.encode(text, 'win1252'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('text: grouped by file, with row and column as Excel shows them, exit 1', async () => {
    const result = await bilancio(['validate', broken], work);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('erogazioni_associazione.csv (windows-1252, ";")');
    expect(result.stdout).toMatch(/errore foreign-key: \[riga 4, colonna B \(2\)\].*"Sant Eufemiaa" non esiste\. Forse: Sant'Eufemia/);
    expect(result.stdout).toMatch(/errore type-error: \[riga 4, colonna E \(5\)\]/);
    expect(result.stdout).toMatch(/avviso quartiere-match: \[riga 3, colonna B \(2\)\].*Sant'Eufemia/);
    expect(result.stdout).toMatch(/1 file, 2 righe: 2 errori, 1 avviso\. I dati NON sono validi\./);
  });

  it('json: the documented shape', async () => {
    const result = await bilancio(['validate', broken, '--format', 'json'], work);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['valid', 'summary', 'files']);
    expect(report.summary).toEqual({ files: 1, rows: 2, errors: 2, warnings: 1 });
    const file = report.files[0];
    expect(file).toMatchObject({ dataset: 'erogazioni', encoding: 'windows-1252', delimiter: ';', rows: 2 });
    expect(Object.keys(file.errors[0])).toEqual(expect.arrayContaining(['code', 'row', 'column', 'field', 'value', 'expected', 'message']));
  });

  it('html: a page a partner can open, with the problems escaped and in a table', async () => {
    const result = await bilancio(['validate', broken, '--format', 'html'], work);
    expect(result.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(result.stdout).toContain('<html lang="it">');
    expect(result.stdout).toContain('Sant Eufemiaa');
    expect(result.stdout).toContain('Windows-1252');
    expect(result.stdout).not.toMatch(/<script/i);
  });

  it('the project and a valid file exit 0; a missing file exits 2', async () => {
    expect((await bilancio(['validate'], work)).code).toBe(0);
    expect((await bilancio(['validate', path.join(work, 'nessuno.csv')], work)).code).toBe(2);
  });

  it('templates writes Excel-ready empty files and a guide for every dataset', async () => {
    const result = await bilancio(['templates', '--out', path.join(work, 'modelli')], work);
    expect(result.code).toBe(0);
    const csv = await readFile(path.join(work, 'modelli/erogazioni.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8')).toBe(
      'anno;codice_quartiere;codice_servizio;codice_ente;utenti;posti;ore;volontari;spesa_euro;domande;lista_attesa;nuovi_utenti;utenti_neet\r\n',
    );
    const guide = await readFile(path.join(work, 'modelli/erogazioni.guida.txt'), 'utf8');
    expect(guide).toMatch(/utenti \(obbligatoria\): Persone servite\./);
    expect(guide).toMatch(/17029018 +18 +Sant'Eufemia/);
    // A dataset with a cantiere column lists the project's declared cantieri.
    const voci = await readFile(path.join(work, 'modelli/voci.guida.txt'), 'utf8');
    expect(voci).toMatch(/Cantieri \(cantiere\):\n {2}forza_comunita +\S/);
    expect((await bilancio(['templates', '--dataset', 'nessuno'], work)).code).toBe(2);
  });
});
