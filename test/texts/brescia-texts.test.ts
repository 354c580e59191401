import { readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, copyOfBrescia, type Built } from '../report/build.js';
import { bilancio } from '../helpers/cli.js';

// Issue 20, done when: the Brescia report opens with its letter and closes the commitments with its
// improvement goals, from testi/, with live figures equal to the open data's; a figure naming an
// indicator that does not exist fails validation at its line and column.

interface IndicatorRow {
  anno: number;
  livello: string;
  codice: string;
  indicatore: string;
  valore: number | null;
  variazione: number | null;
}

const it_IT = (value: number, decimals: number) =>
  new Intl.NumberFormat('it-IT', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: 'always',
  } as Intl.NumberFormatOptions).format(value);
const signed = (value: number, decimals: number) => `${value > 0 ? '+' : value < 0 ? '\u2212' : ''}${it_IT(Math.abs(value), decimals)}`;

describe('the Brescia texts in the report', () => {
  let built: Built;
  let html: string;
  let rows: IndicatorRow[];

  beforeAll(async () => {
    built = await buildReport({ noPdf: true });
    html = await readFile(path.join(built.out, 'report.html'), 'utf8');
    rows = JSON.parse(await readFile(path.join(built.out, 'indicatori.json'), 'utf8')) as IndicatorRow[];
  }, 180_000);
  afterAll(() => built?.remove());

  const city = (indicatore: string) => rows.find((r) => r.indicatore === indicatore && r.livello === 'citta' && r.anno === 2024)!;
  const main = () => html.slice(html.indexOf('<main'));

  it('opens with the letter, before every chapter, and lists it first in the index', () => {
    const body = main();
    expect(body.indexOf('id="testo-lettera"')).toBeGreaterThan(-1);
    expect(body.indexOf('id="testo-lettera"')).toBeLessThan(body.indexOf('class="capitolo" id="nota-metodologica"'));
    const index = html.slice(html.indexOf('id="indice"'), html.indexOf('</nav>'));
    expect(index.indexOf('Lettera alla città')).toBeLessThan(index.indexOf('Nota metodologica'));
  });

  it('writes the letter’s figures as the open data has them, it-IT', () => {
    const letter = html.slice(html.indexOf('id="testo-lettera"'), html.indexOf('</section>', html.indexOf('id="testo-lettera"')));
    const text = letter.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain(`Brescia conta ${it_IT(city('popolazione').valore!, 0)} residenti`);
    expect(text).toContain(
      `l'indice di vecchiaia è ${it_IT(city('indice_vecchiaia').valore!, 1)} anziani ogni 100 giovani (${signed(city('indice_vecchiaia').variazione!, 1)} sul 2023)`,
    );
    expect(text).toContain(
      `${it_IT(city('anziani_soli_75').valore!, 1)} ogni 100 (${signed(city('anziani_soli_75').variazione!, 1)} sul 2023)`,
    );
  });

  it('closes the commitments chapter with the improvement goals, and lists every figure in testi_cifre.csv', async () => {
    const chapter = html.slice(html.indexOf('id="impegni"'), html.indexOf('id="i-quartieri"'));
    expect(chapter).toContain('id="testo-obiettivi"');
    const csv = await readFile(path.join(built.out, 'testi_cifre.csv'), 'utf8');
    const nido = city('copertura_NIDO');
    expect(csv).toContain(`testi/obiettivi.md,12,4,valore,copertura_NIDO,2024,citta,citta,Brescia,${nido.valore},,false,`);
    const pkg = JSON.parse(await readFile(path.join(built.out, 'datapackage.json'), 'utf8')) as { resources: { path: string }[] };
    expect(pkg.resources.map((r) => r.path)).toContain('testi_cifre.csv');
  });

  it('in English, the twin’s words with the same figures; no twin for identity: Italian, marked lang="it"', async () => {
    const en = await buildReport({ noPdf: true, lang: 'en' });
    try {
      const page = await readFile(path.join(en.out, 'report.html'), 'utf8');
      expect(page).toContain('Letter to the city');
      expect(page.replace(/<[^>]+>/g, '')).toMatch(
        new RegExp(`Brescia has ${city('popolazione').valore!.toLocaleString('en-GB')} residents`),
      );
      expect(page).toMatch(/<section class="testo-progetto" id="testo-identita" aria-labelledby="testo-identita-titolo" lang="it">/);
    } finally {
      await en.remove();
    }
  }, 180_000);
});

describe('a text naming an indicator that does not exist', () => {
  let copy: Awaited<ReturnType<typeof copyOfBrescia>>;
  beforeAll(async () => {
    copy = await copyOfBrescia();
  });
  afterAll(() => copy?.remove());

  it('fails validation (exit 1) at its file, line and column', async () => {
    const file = path.join(copy.dir, 'testi', 'lettera.md');
    const source = await readFile(file, 'utf8');
    await writeFile(file, source.replace('{{ valore indice_vecchiaia citta }}', '{{ valore indice_vecchiezza citta }}'));
    const lines = source.split('\n');
    const line = lines.findIndex((l) => l.includes('indice_vecchiaia citta }}')) + 1;
    const column = lines[line - 1]!.indexOf('indice_vecchiaia') + 1;
    const result = await bilancio(['validate', copy.dir, '--format', 'json'], copy.dir);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: { path: string; errors: { row: number; column: number; message: string }[] }[] };
    const errors = report.files.find((f) => f.path === 'testi/lettera.md')!.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: line, column });
    expect(errors[0]!.message).toMatch(/«indice_vecchiezza» non è nel catalogo/);
  }, 120_000);

  it('a text that is a link out of the project is refused once, unread', async () => {
    await symlink('/etc/hostname', path.join(copy.dir, 'testi', 'fuori.md'));
    const result = await bilancio(['validate', copy.dir, '--format', 'json'], copy.dir);
    const report = JSON.parse(result.stdout) as { files: { path: string; errors: { message: string }[] }[] };
    const errors = report.files.find((f) => f.path === 'testi/fuori.md')!.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/collegamento simbolico che porta fuori dalla cartella del progetto/);
  }, 120_000);
});
