import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser, launchBrowser } from '../../src/render/browser.js';
import { parseRowRanges } from '../../src/compute/row-ranges.js';
import { bilancio } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';
import { hashTree, listeningSocket, pdfInfo, pdfText } from './helpers/files.js';
import { writeSmallProject, type Hostile } from './helpers/small-project.js';
import { BUILD_FILES } from './helpers/build-files.js';

// Two whole builds of a small project full of hostile texts, into differently named folders, while a
// local socket listens for any connection the renderer might make. Every check below reads their outputs.

interface PageDocument {
  body: { innerText: string };
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> & Iterable<{ textContent: string | null }>;
}

const hasBrowser = 'path' in findBrowser();
const EPOCH = '1700000000'; // Tue 14 Nov 2023 22:13:20 UTC
const REPORT_FILES = BUILD_FILES;

let work: string;
let project: string;
let socket: Awaited<ReturnType<typeof listeningSocket>>;
let hostile: Required<Hostile>;
let inputsBefore: Map<string, string>;
let builds: Awaited<ReturnType<typeof bilancio>>[];
const outA = () => path.join(work, 'a/out');
const outB = () => path.join(work, 'b/pubblicazione-finale');

describe.skipIf(!hasBrowser)('a whole build, twice, of a project full of hostile texts', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-hardening-'));
    socket = await listeningSocket();
    const origin = `http://127.0.0.1:${socket.port}`;
    hostile = {
      quartiere: `=HYPERLINK("${origin}/q")`,
      quartiere2: `Borgo </style><img src="${origin}/q2"> & "amici"`,
      voce: `Guardate <img src="${origin}/x"> e file:///etc/passwd`,
      firma: '<script>alert(1)</script>',
      nota: '@SUM(1) <iframe src="file:///etc/passwd"></iframe>',
      ente: 'ACLI <b>Brescia</b> & "amici"',
      domanda: `Ti senti <u>sicuro</u>? <link rel="stylesheet" href="${origin}/css">`,
    };
    project = await writeSmallProject(path.join(work, 'progetto'), hostile);
    inputsBefore = await hashTree(project);
    const env = { ...process.env, SOURCE_DATE_EPOCH: EPOCH };
    builds = await Promise.all([outA(), outB()].map((out) => bilancio(['build', project, '--out', out], work, env)));
  }, 240_000);
  afterAll(async () => {
    await socket?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('both builds succeed and the renderer never connects to the local socket', () => {
    for (const build of builds) expect([build.code, build.stderr]).toEqual([0, expect.not.stringMatching(/Errore interno/)]);
    expect(socket.connections).toHaveLength(0);
  });

  it('writes byte-identical report files whatever the output folder is called, the PDF included', async () => {
    expect((await readdir(outA())).sort()).toEqual(REPORT_FILES);
    for (const file of REPORT_FILES) {
      const [a, b] = await Promise.all([readFile(path.join(outA(), file)), readFile(path.join(outB(), file))]);
      expect(a.equals(b), `${file} differs between the two builds`).toBe(true);
    }
  });

  it('puts no absolute path, temporary name or output folder name in any report file', async () => {
    for (const file of REPORT_FILES) {
      const text = (await readFile(path.join(outA(), file))).toString('latin1');
      for (const leak of [work, tmpdir(), repoRoot, '.out.nuovo', 'pubblicazione-finale'])
        expect(text, `${file} holds ${leak}`).not.toContain(leak);
    }
  });

  it('dates the PDF from SOURCE_DATE_EPOCH, ahead of data_pubblicazione', async () => {
    const info = (await pdfInfo(path.join(outA(), 'report.pdf')))!;
    expect(info).toMatch(/^CreationDate:\s+Tue Nov 14 22:13:20 2023 UTC$/m);
    expect(info).toMatch(/^ModDate:\s+Tue Nov 14 22:13:20 2023 UTC$/m);
  });

  it('leaves every input file as it was', async () => {
    expect(await hashTree(project)).toEqual(inputsBefore);
  });

  it('manifest.json lists every input with size and SHA-256, the version, the options and each output', async () => {
    const manifest = JSON.parse(await readFile(path.join(outA(), 'manifest.json'), 'utf8'));
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ strumento: 'bilancio', versione: pkg.version });
    expect(manifest.opzioni).toEqual({
      lingua: 'it',
      ignora_errori: false,
      consenti_soglia_bassa: false,
      pdf: true,
      per_zona: false,
      data_pdf: '2023-11-14T22:13:20.000Z',
      source_date_epoch: EPOCH,
    });
    expect(new Map(manifest.ingressi.map((i: { file: string; sha256: string }) => [i.file, i.sha256]))).toEqual(inputsBefore);
    const outputs = await hashTree(outA());
    outputs.delete('manifest.json');
    // bilancio's mark says which command wrote the folder; it is written with the swap, after the manifest.
    outputs.delete('.bilancio-output.json');
    expect(new Map(manifest.uscite.map((o: { file: string; sha256: string }) => [o.file, o.sha256]))).toEqual(outputs);
  });

  it('shows hostile texts literally in the HTML, never as elements (parsed by Chromium)', async () => {
    const html = await readFile(path.join(outA(), 'report.html'), 'utf8');
    const launched = await launchBrowser();
    try {
      const page = await launched.browser.newPage();
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      const requested: string[] = [];
      page.on('request', (request) => {
        if (request.url().startsWith('data:') || request.url() === 'about:blank') return void request.continue();
        requested.push(request.url());
        void request.abort();
      });
      await page.setContent(html, { waitUntil: 'load' });
      const dom = await page.evaluate(() => {
        // Runs in the page; typed by hand because the project compiles without the DOM library.
        const doc = (globalThis as unknown as { document: PageDocument }).document;
        return {
          text: doc.body.innerText.replace(/\s+/g, ' '),
          planted: doc.querySelectorAll('img[src*="127.0.0.1"], iframe, script, link, u, b, object, embed').length,
          styles: [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n'),
        };
      });
      expect(dom.planted).toBe(0);
      expect(requested).toEqual([]);
      for (const text of [hostile.quartiere, hostile.quartiere2, hostile.voce, hostile.nota, hostile.ente, hostile.domanda]) {
        expect(dom.text, `missing as text: ${text}`).toContain(text);
      }
      expect(dom.styles).not.toContain('127.0.0.1');
    } finally {
      await launched.close();
    }
    expect(html).not.toMatch(/<img src="http:\/\/127|<iframe src="file:|<script>alert/);
    expect(html).toContain('Guardate &lt;img src&#x3D;&quot;http://127.0.0.1:');
  });

  it('prints hostile texts literally in the PDF, and reads no local file', async () => {
    const text = await pdfText(path.join(outA(), 'report.pdf'));
    expect(text).toContain(hostile.voce);
    // The note sits in a narrow table cell, whose lines pdftotext may read interleaved with those of the
    // cell beside it ("<iframe dicembre 2024 src=…"), and wrap between two tags: each of its words and
    // tags must be there, literally, in order.
    const words = hostile.nota.split(/\s+|(?<=>)(?=<)/);
    expect(words).toEqual(['@SUM(1)', '<iframe', 'src="file:///etc/passwd">', '</iframe>']);
    let from = 0;
    for (const word of words) {
      const at = text.indexOf(word, from);
      expect(at, `missing in order: ${word}`).toBeGreaterThanOrEqual(0);
      from = at + word.length;
    }
    expect(text).not.toContain('root:x:0:0');
  });

  it('indicatori.csv neutralises formulas: the hostile quartiere name starts with an apostrophe', async () => {
    const csv = await readFile(path.join(outA(), 'indicatori.csv'), 'utf8');
    expect(csv).toContain(`,"'=HYPERLINK(""http://127.0.0.1:${socket.port}/q"")",`);
    const cells = csv.split('\r\n').flatMap((line) => line.split(','));
    const risky = cells.filter((c) => /^"?[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c));
    expect(risky).toEqual([]);
  });

  it('indicatori.json names the files and rows of each figure; the rows are those of the source file', async () => {
    const rows = JSON.parse(await readFile(path.join(outA(), 'indicatori.json'), 'utf8')) as {
      anno: number;
      livello: string;
      codice: string;
      indicatore: string;
      numeratore: number | null;
      soppresso: boolean;
      fonti: { numeratore: { file: string; righe?: string }[]; denominatore: { file: string; righe?: string }[] };
    }[];
    expect(rows.every((r) => r.fonti)).toBe(true);
    for (const r of rows.filter((x) => x.soppresso))
      expect([...r.fonti.numeratore, ...r.fonti.denominatore].every((f) => f.righe === undefined)).toBe(true);
    const figure = rows.find((r) => r.anno === 2024 && r.codice === '17029005' && r.indicatore === 'quota_65_plus')!;
    expect(figure.fonti.numeratore).toEqual([{ file: 'dati/2024/popolazione.csv', righe: expect.any(String) }]);
    // Recompute from the file itself: the rows of 17029005 aged 65 or more, and their sum.
    const lines = (await readFile(path.join(project, 'dati/2024/popolazione.csv'), 'utf8')).trim().split('\n');
    const header = lines[0]!.split(',');
    const col = (name: string) => header.indexOf(name);
    const expected = lines.flatMap((line, i) => {
      const c = line.split(',');
      return i > 0 && c[col('codice_quartiere')] === '17029005' && Number(c[col('eta')]) >= 65
        ? [{ row: i + 1, n: Number(c[col('residenti')]) }]
        : [];
    });
    expect(parseRowRanges(figure.fonti.numeratore[0]!.righe!)).toEqual(expected.map((e) => e.row));
    expect(figure.numeratore).toBe(expected.reduce((s, e) => s + e.n, 0));
  });

  it('a Chromium that starts and fails is named with PUPPETEER_EXECUTABLE_PATH, exit 3, and the previous outputs stay intact', async () => {
    const out = path.join(work, 'c/out');
    await cp(outA(), out, { recursive: true });
    const before = await hashTree(out);
    const result = await bilancio(['build', project, '--out', out], work, { ...process.env, PUPPETEER_EXECUTABLE_PATH: '/bin/false' });
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(
      /^Il browser Chromium "\/bin\/false" non è riuscito a stampare il PDF .*PUPPETEER_EXECUTABLE_PATH\. I risultati precedenti sono rimasti com'erano\.\n$/s,
    );
    expect(result.stderr).not.toMatch(/Errore interno|segnalarlo/);
    expect(await hashTree(out)).toEqual(before);
    expect(await readdir(path.join(work, 'c'))).toEqual(['out']);
    expect(await pdfInfo(path.join(out, 'report.pdf'))).toMatch(/^Pages:\s+\d+$/m);
  });
});
