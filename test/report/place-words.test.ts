import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSmallProject } from '../hardening/helpers/small-project.js';
import { buildReport, hasBrowser, pageTexts, poppler, type Built } from './build.js';

// A small comune that is not Brescia and not a città: its areas are frazioni, the whole is a comune, its
// report has an author, a licence and a glossary line of its own. Built once, HTML and PDF (real Chromium):
// its words come from its bilancio.config.json, and no word of Brescia's is left in what it publishes.

/**
 * The small cut of Brescia with every "Brescia" of its data renamed, and its data's own quartieri and città
 * (survey questions, commitments) said as Valverde would: what is left of them can only come from bilancio.
 */
async function writeValverde(dir: string): Promise<void> {
  await writeSmallProject(dir);
  const files = async (folder: string): Promise<string[]> =>
    (
      await Promise.all(
        (await readdir(folder)).map(async (name) => {
          const file = path.join(folder, name);
          return (await stat(file)).isDirectory() ? files(file) : [file];
        }),
      )
    ).flat();
  for (const file of await files(dir)) {
    if (!/\.(csv|json|geojson)$/.test(file)) continue;
    const text = await readFile(file, 'utf8');
    // A CSV's header line keeps its column names (quartieri.csv has a column "quartiere").
    const header = file.endsWith('.csv') ? text.slice(0, text.indexOf('\n') + 1) : '';
    const renamed =
      header +
      text
        .slice(header.length)
        .replace(/Bresciani/g, 'Valverdini')
        .replace(/Brescia/g, 'Valverde')
        .replace(/brescia/g, 'valverde')
        .replace(/\bquartiere\b/g, 'frazione')
        .replace(/\bquartieri\b/g, 'frazioni')
        .replace(/della città/g, 'del comune')
        .replace(/città/g, 'comune')
        // The English twins of the catalogue (servizio_en, descrizione_en, testo_en) in the same words.
        .replace(/\bthe city\b/g, 'the municipality');
    if (renamed !== text) await writeFile(file, renamed);
  }
  const config = {
    titolo: 'Bilancio sociale partecipativo 2024',
    sottotitolo: 'Valverde insieme: il welfare del comune, frazione per frazione',
    ente: 'Comune di Valverde',
    autore: 'Ufficio Servizi Sociali di Valverde',
    editore: 'Comune di Valverde',
    citta: 'Valverde',
    intero: { nome: 'comune', genere: 'm' },
    area: { singolare: 'frazione', plurale: 'frazioni', genere: 'f', singolare_en: 'hamlet', plurale_en: 'hamlets' },
    fonte_popolazione: 'Comune di Valverde, Servizi demografici',
    licenza: { nome: 'CC0-1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
    glossario: [{ termine: 'Consulta', definizione: 'L’assemblea delle {n_aree} frazioni, che si riunisce ogni mese.' }],
    anno: 2024,
    anno_confronto: 2023,
    soglia_riservatezza: 3,
    soglia_popolazione_voci: 2000,
    scadenza_contributi: { '2023': '2024-03-31', '2024': '2025-03-31' },
    data_pubblicazione: '2025-06-30',
  };
  await writeFile(path.join(dir, 'bilancio.config.json'), `${JSON.stringify(config, null, 2)}\n`);
}

/** The text a reader sees in an HTML page: no markup, no style, entities of our escaping decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/**
 * Words of Brescia's project that are not bilancio's to change here: the names of its cantieri (the
 * project's areas of work, declared by the project in another change). Removed before looking for
 * "quartiere" or "città".
 */
const CANTIERI_DI_BRESCIA = [
  /Vivi il quartiere e Officina giovani/g,
  /Le 100 leve per la città/g,
  /Live the quartiere and Youth workshop/g,
  /The 100 levers for the city/g,
];

describe.skipIf(!hasBrowser)('a small comune with frazioni names its places in its own words', () => {
  let work: string;
  let it_: Built;
  let en: Built;
  let text: string;
  let textEn: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-valverde-'));
    const project = path.join(work, 'valverde');
    await writeValverde(project);
    it_ = await buildReport({}, project);
    en = await buildReport({ lang: 'en', noPdf: true }, project);
    text = visibleText(await readFile(path.join(it_.out, 'report.html'), 'utf8'));
    textEn = visibleText(await readFile(path.join(en.out, 'report.html'), 'utf8'));
  }, 300_000);
  afterAll(async () => {
    await it_?.remove();
    await en?.remove();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('says frazione, frazioni and comune in headings, tables, captions and sentences', () => {
    expect(text).toContain('Le frazioni'); // the chapter of the area pages, and the running header
    expect(text).toMatch(/Una pagina per ciascuna delle 5 frazioni/);
    expect(text).toMatch(/indicatori demografici per frazione/);
    expect(text).toContain('Il comune'); // the chapter on the whole
    expect(text).toMatch(/il valore di una zona non è la media dei valori delle sue frazioni/);
    expect(text).toMatch(/I dati con frazione non indicata \(ND\) sono contati solo nel totale del comune/);
    expect(text).toMatch(/Tutto il comune/);
    expect(text).toContain('Comune di Valverde, Servizi demografici');
    expect(text).toMatch(/Frazione Parte del comune di cui il bilancio dà le cifre: 5 in tutto, raggruppate in 5 zone\./);
    expect(text).toContain('Consulta L’assemblea delle 5 frazioni, che si riunisce ogni mese.');
  });

  it('never says Brescia, nor quartiere, città or ISTAT of its own', () => {
    expect(text).not.toMatch(/bresc/i);
    expect(textEn).not.toMatch(/bresc/i);
    const own = CANTIERI_DI_BRESCIA.reduce((t, cantiere) => t.replace(cantiere, ''), text);
    expect(own).not.toMatch(/quartier/i);
    expect(own).not.toMatch(/città/i);
    expect(own).not.toMatch(/ISTAT \(?ASC|· ISTAT/); // (the indicator catalogue may still cite ISTAT's definitions)
    expect(own).toMatch(/Zona \S+ · codice 17029\d{3}/); // the code of an area, not called ISTAT's
  });

  it('writes hamlets and municipality in the English edition', () => {
    const own = CANTIERI_DI_BRESCIA.reduce((t, cantiere) => t.replace(cantiere, ''), textEn);
    expect(own).toContain('The hamlets');
    expect(own).toMatch(/demographic indicators by hamlet/);
    expect(own).toContain('The municipality');
    expect(own).not.toMatch(/quartier|\bcity\b/i);
  });

  it('prints the words in the PDF too, with the configured Author and Creator', async () => {
    const pdf = path.join(it_.out, 'report.pdf');
    const info = await poppler('pdfinfo', [pdf]);
    expect(info).toMatch(/^Author:\s+Ufficio Servizi Sociali di Valverde$/m);
    expect(info).toMatch(/^Creator:\s+Comune di Valverde$/m);
    expect(info).toMatch(/^Title:\s+Bilancio sociale partecipativo 2024$/m);
    expect(info).toMatch(/^CreationDate:.*2025/m); // the publication date still set, after the update
    const pages = await pageTexts(pdf);
    expect(pages.some((page) => /^\s*Le frazioni\b/m.test(page))).toBe(true); // a running header
    expect(pages.join('\n')).not.toMatch(/bresc/i);
  });

  it('publishes the open data under its own licence', async () => {
    const pkg = JSON.parse(await readFile(path.join(it_.out, 'datapackage.json'), 'utf8')) as {
      publisher: string;
      licenses: { name: string; path: string }[];
    };
    expect(pkg.licenses).toEqual([{ name: 'CC0-1.0', title: 'CC0-1.0', path: 'https://creativecommons.org/publicdomain/zero/1.0/' }]);
    expect(pkg.publisher).toBe('Comune di Valverde');
  });
});
