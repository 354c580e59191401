import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../../src/render/browser.js';
import { bilancio } from '../helpers/cli.js';
import { bresciaProject } from '../helpers/paths.js';

// The page `bilancio templates` writes for partners, opened from disk in a real Chromium with every
// request that is not the page's own file failed and recorded: a file chosen on it gets exactly the
// problems `bilancio validate --format json` reports for that file, computed in the page.

interface Listed {
  severity: string;
  code: string;
  row: number | null;
  column: number | null;
  message: string;
}

/** The problems of `bilancio validate <file> --format json`, as the page lists them: errors, then warnings. */
async function validateCli(file: string, cwd: string): Promise<{ valid: boolean; problems: Listed[] }> {
  const result = await bilancio(['validate', path.basename(file), '--progetto', bresciaProject, '--format', 'json'], cwd);
  const report = JSON.parse(result.stdout) as {
    valid: boolean;
    files: { errors: Omit<Listed, 'severity'>[]; warnings: Omit<Listed, 'severity'>[] }[];
  };
  const listed = (severity: string) => (p: Omit<Listed, 'severity'>) => ({
    severity,
    code: p.code,
    row: p.row ?? null,
    column: p.column ?? null,
    message: p.message,
  });
  return {
    valid: report.valid,
    problems: report.files.flatMap((f) => [...f.errors.map(listed('error')), ...f.warnings.map(listed('warning'))]),
  };
}

/** Chooses a file on the page and reads back what it shows. */
async function checkOnPage(page: Page, file: string): Promise<{ valid: string; summary: string; problems: Listed[] }> {
  await page.evaluate(`document.getElementById('esito').removeAttribute('data-valid')`);
  const input = await page.$('#file');
  await input!.uploadFile(file);
  await page.waitForSelector('#esito[data-valid]', { timeout: 60_000 });
  return (await page.evaluate(`(() => ({
    valid: document.getElementById('esito').dataset.valid,
    summary: document.getElementById('esito').textContent,
    problems: [...document.querySelectorAll('#problemi tbody tr')].map((tr) => ({
      severity: tr.className,
      code: tr.dataset.code,
      row: tr.dataset.row === undefined ? null : Number(tr.dataset.row),
      column: tr.dataset.column === undefined ? null : Number(tr.dataset.column),
      message: tr.lastChild.textContent,
    })),
  }))()`)) as { valid: string; summary: string; problems: Listed[] };
}

describe("the partners' validation page, offline in Chromium", () => {
  let work: string;
  let pageFile: string;
  let launched: LaunchedBrowser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-pagina-'));
    const result = await bilancio(['templates', bresciaProject, '--out', path.join(work, 'modelli')], work);
    expect(result.code, result.stderr).toBe(0);
    pageFile = path.join(work, 'modelli', 'verifica-dati.html');
    launched = await launchBrowser();
    page = await launched.browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url().startsWith('file:')) void request.continue();
      else {
        requests.push(request.url());
        void request.abort('internetdisconnected');
      }
    });
    await page.goto(pathToFileURL(pageFile).href, { waitUntil: 'load' });
  }, 240_000);
  afterAll(async () => {
    await launched?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('is one file that forbids every request, with its script, style and catalogues inside', async () => {
    const html = await readFile(pageFile, 'utf8');
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline';/,
    );
    expect(html).not.toMatch(/<script[^>]+src=|<link |<form|<img/);
    expect(html).toContain('"Sant\'Eufemia"');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Verifica dei dati prima dell’invio');
    // The project's own name, from its config.
    const config = JSON.parse(await readFile(path.join(bresciaProject, 'bilancio.config.json'), 'utf8')) as { ente: string };
    expect(await page.$eval('p.ente', (p) => p.textContent)).toBe(config.ente);
  });

  it('reports for a broken Windows-1252 ";" file exactly what bilancio validate reports, in the same words', async () => {
    const file = path.join(work, 'erogazioni_auser.csv');
    const text = [
      'Servizi erogati 2024 – Città di Brescia;;;;;',
      'anno;quartiere;codice_servizio;codice_ente;utenti;spesa_euro',
      '2024;S. Eufemia;SAD;auser;12;1.234,50',
      '2024;Sant Eufemiaa;SAD;auser;dodici;10',
      '2024;Porta Cremona;NON_ESISTE;auser;3;-5',
      '2024;Città Nuova;SAD;auser;4;',
    ].join('\r\n');
    await writeFile(file, iconv.encode(`${text}\r\n`, 'win1252'));
    const cli = await validateCli(file, work);
    expect(cli.valid).toBe(false);
    expect(cli.problems.length).toBeGreaterThanOrEqual(4);
    const shown = await checkOnPage(page, file);
    expect(shown.problems).toEqual(cli.problems);
    expect(shown.valid).toBe('false');
    const count = (severity: string) => cli.problems.filter((p) => p.severity === severity).length;
    expect(shown.summary).toBe(
      `erogazioni_auser.csv: ${count('error')} errori, ${count('warning')} avvisi. Correggete gli errori e riprovate prima di inviarlo.`,
    );
  }, 120_000);

  it('finds no problem in a valid file', async () => {
    const file = path.join(work, 'erogazioni_acli.csv');
    const text = "anno;quartiere;codice_servizio;codice_ente;utenti\r\n2024;Sant'Eufemia;SAD;acli;12\r\n2024;ND;SAD;acli;3\r\n";
    await writeFile(file, iconv.encode(text, 'win1252'));
    const cli = await validateCli(file, work);
    expect(cli).toEqual({ valid: true, problems: [] });
    const shown = await checkOnPage(page, file);
    expect(shown.problems).toEqual([]);
    expect(shown.valid).toBe('true');
    expect(shown.summary).toBe('erogazioni_acli.csv: nessun problema. Il file si può inviare.');
  }, 120_000);

  it("reads a partner's workbook, filled in, as bilancio validate does", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(work, 'modelli', 'erogazioni_auser.xlsx'));
    const sheet = book.getWorksheet('erogazioni')!;
    const rows: (string | number)[][] = [
      [2024, "Sant'Eufemia", 'SAD', 12],
      [2024, 'Quartiere Inventato', 'SAD', 3],
    ];
    rows.forEach(([anno, quartiere, servizio, utenti], i) => {
      const row = sheet.getRow(i + 2);
      row.getCell(1).value = anno!;
      row.getCell(2).value = quartiere!;
      row.getCell(3).value = servizio!;
      // The code's formula, as Excel computes it once the row is filled.
      const code = row.getCell(4);
      code.value = { formula: (code.value as { formula: string }).formula, result: 'auser' };
      row.getCell(5).value = utenti!;
    });
    const file = path.join(work, 'erogazioni_auser.xlsx');
    await book.xlsx.writeFile(file);
    const cli = await validateCli(file, work);
    expect(cli.problems.map((p) => [p.code, p.row, p.column])).toEqual([['foreign-key', 3, 2]]);
    const shown = await checkOnPage(page, file);
    expect(shown.problems).toEqual(cli.problems);
  }, 120_000);

  it('checks a file dropped on the page as one chosen with the button', async () => {
    const text = 'anno;quartiere;codice_servizio;codice_ente;utenti\r\n2024;Sant Eufemiaa;SAD;acli;12\r\n';
    await page.evaluate(`document.getElementById('esito').removeAttribute('data-valid')`);
    // A drop as the browser delivers it: a DataTransfer holding the file, on the drop zone.
    await page.evaluate(`(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([${JSON.stringify(text)}], 'erogazioni_acli.csv'));
      document.getElementById('zona').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    })()`);
    await page.waitForSelector('#esito[data-valid]', { timeout: 60_000 });
    const codes = await page.$$eval('#problemi tbody tr', (rows) =>
      rows.map((r) => [r.getAttribute('data-code'), r.getAttribute('data-row')]),
    );
    expect(codes).toEqual([['foreign-key', '2']]);
  }, 120_000);

  it('--help of templates says what it writes', async () => {
    const help = await bilancio(['templates', '--help'], work);
    expect(help.stdout).toMatch(/<dataset>_<ente>\.xlsx +per ogni ente che gestisce un servizio, una cartella di lavoro Excel/);
    expect(help.stdout).toMatch(/verifica-dati\.html +una pagina da aprire anche senza rete/);
  });

  it('sent no request anywhere', () => {
    expect(requests).toEqual([]);
  });
});
