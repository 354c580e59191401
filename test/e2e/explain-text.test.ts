import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/render/format.js';
import { bilancio } from '../helpers/cli.js';
import { bresciaProject } from '../helpers/paths.js';

// `bilancio explain testo <nome>[:<riga>]` on a copy of the Brescia project: a figure of the letter is
// traced to its indicator, area, year and the files and rows of indicatori.json; a withheld figure says
// n.d. and why, never a number; an unknown text or line is a usage error (exit 2) naming what exists.

interface Published {
  anno: number;
  livello: string;
  codice: string;
  nome: string;
  indicatore: string;
  valore: number | null;
  soppresso: boolean;
  fonti: { numeratore: { file: string; righe?: string }[]; denominatore: { file: string; righe?: string }[] } | null;
}

const LETTER_FIGURE = '{{ valore anziani_soli_75 citta }}';

/** The block of one figure in explain's output: from its `line:column` line to the next blank line. */
function blockOf(stdout: string, place: string): string {
  const start = stdout.indexOf(`\n${place}  `);
  expect(start, `${place} in:\n${stdout}`).toBeGreaterThanOrEqual(0);
  const end = stdout.indexOf('\n\n', start + 1);
  return stdout.slice(start + 1, end < 0 ? undefined : end);
}

describe('bilancio explain testo', () => {
  let work: string;
  let project: string;
  let published: Published[];
  let withheld: Published;
  /** Where the withheld figure is written: line 5 (after four lines of front matter), its column. */
  let withheldPlace: string;
  let letterLine: number;
  let letterColumn: number;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-explain-testo-'));
    project = path.join(work, 'progetto');
    await cp(bresciaProject, project, { recursive: true });
    const computed = await bilancio(['compute', project, '--out', path.join(work, 'dati-aperti')], work);
    expect(computed.code, computed.stderr).toBe(0);
    published = JSON.parse(await readFile(path.join(work, 'dati-aperti/indicatori.json'), 'utf8')) as Published[];
    // A text naming a value the report withholds: the first withheld quartiere of the report's year.
    withheld = published.find((v) => v.anno === 2024 && v.livello === 'quartiere' && v.soppresso)!;
    expect(withheld).toBeDefined();
    const sentence = `A ${withheld.nome} il dato è {{ valore ${withheld.indicatore} ${withheld.codice} }}.`;
    withheldPlace = `5:${sentence.indexOf('{{') + 1}`;
    await writeFile(path.join(project, 'testi/riservato.md'), `---\ntitolo: Un dato riservato\nposizione: appendice\n---\n${sentence}\n`);
    const letter = (await readFile(path.join(project, 'testi/lettera.md'), 'utf8')).split('\n');
    letterLine = letter.findIndex((line) => line.includes(LETTER_FIGURE)) + 1;
    letterColumn = letter[letterLine - 1]!.indexOf(LETTER_FIGURE) + 1;
    expect(letterLine).toBeGreaterThan(0);
  }, 120_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("traces the letter's over-75s-living-alone figure to its indicator, area, year and source files and rows", async () => {
    const result = await bilancio(['explain', 'testo', `lettera:${letterLine}`, project], work);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^testi\/lettera\.md · «Lettera alla città» · riga \d+, \d+ cifr[ae] nel report del 2024/);
    const block = blockOf(result.stdout, `${letterLine}:${letterColumn}`);
    const value = published.find((v) => v.anno === 2024 && v.livello === 'citta' && v.indicatore === 'anziani_soli_75')!;
    expect(block).toContain(`${LETTER_FIGURE} → ${formatNumber(value.valore!, 'it', 1)}`);
    expect(block).toContain('anziani_soli_75 · ');
    expect(block).toContain(`${value.nome} (città), anno 2024`);
    expect(block).toContain("Dice: il valore dell'indicatore");
    // The same files and rows as indicatori.json (and explain <indicatore> <area>) give.
    for (const fonte of [...value.fonti!.numeratore, ...value.fonti!.denominatore]) {
      expect(block).toContain(`${fonte.file}, righe ${fonte.righe}`);
    }
    expect(value.fonti!.numeratore.map((f) => f.file)).toEqual(['dati/2024/famiglie.csv']);
    expect(value.fonti!.denominatore.map((f) => f.file)).toEqual(['dati/2024/popolazione.csv']);
    expect(block).toContain('bilancio explain anziani_soli_75 citta --anno 2024');
    // Only the figures of that line.
    const places = [...result.stdout.matchAll(/^(\d+):\d+ {2}\{\{/gm)].map((m) => Number(m[1]));
    expect(new Set(places)).toEqual(new Set([letterLine]));
  }, 60_000);

  it('lists every figure of the letter in order, as testi_cifre.csv does', async () => {
    const result = await bilancio(['explain', 'testo', 'lettera', project], work);
    expect(result.code, result.stderr).toBe(0);
    const csv = (await readFile(path.join(work, 'dati-aperti/testi_cifre.csv'), 'utf8')).trim().split('\r\n').slice(1);
    const expected = csv.filter((row) => row.startsWith('testi/lettera.md,')).map((row) => row.split(',').slice(1, 3).join(':'));
    expect(expected.length).toBeGreaterThan(1);
    const places = [...result.stdout.matchAll(/^(\d+:\d+) {2}\{\{/gm)].map((m) => m[1]);
    expect(places).toEqual(expected);
  }, 60_000);

  it('says n.d. and why for a withheld figure, with its files only and no number', async () => {
    const result = await bilancio(['explain', 'testo', 'riservato', project], work);
    expect(result.code, result.stderr).toBe(0);
    const block = blockOf(result.stdout, withheldPlace);
    expect(block).toContain(`{{ valore ${withheld.indicatore} ${withheld.codice} }} → n.d.`);
    expect(block).toContain(`${withheld.nome} (quartiere ${withheld.codice}), anno 2024`);
    expect(block).toContain('Valore: non pubblicato. Motivo: ');
    expect(block).toContain('Fonti (solo i file');
    // Files without rows, and no number: no decimal, no numerator, no rows.
    expect(block).not.toMatch(/righe \d|\d,\d|Numeratore: \d|Denominatore: \d/);
    expect(block).toMatch(/\.(csv|json|xlsx)$/m);
  }, 60_000);

  it('speaks English with --lang en and traces the English twin the English report prints', async () => {
    const result = await bilancio(['explain', 'testo', 'lettera', project, '--lang', 'en'], work);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^testi\/en\/lettera\.md · ".+" · \d+ figures in the 2024 report/);
    const value = published.find((v) => v.anno === 2024 && v.livello === 'citta' && v.indicatore === 'anziani_soli_75')!;
    expect(result.stdout).toContain(`${LETTER_FIGURE} → ${formatNumber(value.valore!, 'en', 1)}`);
    expect(result.stdout).toContain("It says: the indicator's value");
    expect(result.stdout).not.toMatch(/Numeratore|Fonti|righe/);
  }, 60_000);

  it('an unknown text or line is a usage error (exit 2) naming what exists', async () => {
    const text = await bilancio(['explain', 'testo', 'lettere', project], work);
    expect(text.code).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/Il progetto non ha il testo «lettere» nel report\. I testi sono: .*\blettera\b.*\bobiettivi\b/);
    const line = await bilancio(['explain', 'testo', 'lettera:2', project], work);
    expect(line.code).toBe(2);
    expect(line.stderr).toContain(`Alla riga 2 di testi/lettera.md non c'è nessuna cifra. Le righe con cifre sono: `);
    expect(line.stderr).toContain(String(letterLine));
  }, 60_000);
});
