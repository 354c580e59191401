// The cantieri a project declares (catalogo/cantieri.csv): a comune with its own areas of work validates and
// builds with only its chapters, in its order, with its titles; an empty one is left out and the method note
// says so; an undeclared cantiere is an error at its row and column; a project without the file gets the six
// default cantieri (the golden reports, built from a project without it, show that it builds as before).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, checkProject } from '../../src/pipeline.js';
import { diskEffects } from '../../src/effects.js';
import { writeSmallProject } from '../hardening/helpers/small-project.js';
import { said } from '../helpers/said.js';
import { bresciaProject, repoRoot } from '../helpers/paths.js';

const fx = diskEffects();

const DECLARATION = `codice_cantiere,titolo,titolo_en,introduzione,introduzione_en,ordine
anziani_disabili,Anziani e disabili,Older and disabled people,,,2
cultura,Cultura e biblioteche,Culture and libraries,"Biblioteche di quartiere, teatro e musica: la cultura come welfare.",,1
sport,Sport nei quartieri,Sport in the quartieri,,,5
prima_infanzia,Prima infanzia,,,,3
poverta_lavoro,Contrasto alla povertà e lavoro,"Fighting poverty, and work",,,4
`;

/** Replaces in a file of the project every Brescia cantiere this comune does not have with `cultura`. */
async function toCultura(file: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/\b(forza_comunita|giovani|cento_leve)\b/g, 'cultura'));
}

/** The small Brescia turned into a comune with a "cultura" area (and an empty "sport" one) instead of three of Brescia's. */
async function writeCulturaProject(dir: string): Promise<void> {
  await writeSmallProject(dir);
  await writeFile(path.join(dir, 'catalogo/cantieri.csv'), DECLARATION);
  for (const file of ['catalogo/impegni.csv', 'catalogo/indicatori.json', 'dati/2023/voci.json', 'dati/2024/voci.json']) {
    await toCultura(path.join(dir, file));
  }
}

const errorsOf = (checked: Awaited<ReturnType<typeof checkProject>>, file: string) =>
  checked.report.files.find((f) => f.path === file)?.errors ?? [];

describe('a comune that declares its own cantieri', () => {
  let work: string;
  let project: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-cantieri-'));
    project = path.join(work, 'cultura');
    await writeCulturaProject(project);
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('validates, with the declared cantieri in their order', async () => {
    const checked = await checkProject({ project }, fx);
    expect(checked.report.summary.errors).toBe(0);
    expect(checked.project.cantieriPredefiniti).toBe(false);
    expect(checked.project.cantieri.map((c) => c.codice)).toEqual([
      'cultura',
      'anziani_disabili',
      'prima_infanzia',
      'poverta_lavoro',
      'sport',
    ]);
    expect(checked.report.files.some((f) => f.path === 'catalogo/cantieri.csv')).toBe(true);
  });

  it('builds only its chapters, in its order and with its titles; the empty one is left out and the method note says why', async () => {
    const out = path.join(work, 'out-it');
    const outcome = await buildProject({ project, out, noPdf: true }, fx);
    expect(outcome.status).toBe('built');
    const html = await readFile(path.join(out, 'report.html'), 'utf8');
    const chapters = [...html.matchAll(/<section class="capitolo" id="cantiere-([a-z_]+)"/g)].map((m) => m[1]);
    expect(chapters).toEqual(['cultura', 'anziani_disabili', 'prima_infanzia', 'poverta_lavoro']);
    expect(html).toContain('>Cultura e biblioteche</h2>');
    expect(html).toContain('<p class="introduzione">Biblioteche di quartiere, teatro e musica: la cultura come welfare.</p>');
    // The index and the running header follow the chapters; no title of Brescia's own cantieri is left.
    expect(html).toContain('<a href="#cantiere-cultura">Cultura e biblioteche</a>');
    expect(html).toMatch(/@top-left \{ content: "Cultura\\20 e\\20 biblioteche"; \}/);
    expect(html).not.toContain('Sport nei quartieri</h2>');
    expect(html).not.toContain('href="#cantiere-sport"');
    for (const brescia of ['Le 100 leve per la città', 'Vivi il quartiere e Officina giovani', 'La forza della comunità']) {
      expect(html).not.toContain(brescia);
    }
    expect(html).toContain(
      'Non hanno un capitolo, perché nel 2024 non hanno servizi nel catalogo, indicatori pubblicati, impegni né voci della comunità, i cantieri «Sport nei quartieri».',
    );
    // Commitments and voices name the declared titles.
    expect(html).toMatch(/<t[hd][^>]*>Cultura e biblioteche<\/t[hd]>/);
  });

  it('in English, uses the English titles and falls back to the Italian ones, marked as Italian and named in the method note', async () => {
    const out = path.join(work, 'out-en');
    const outcome = await buildProject({ project, out, noPdf: true, lang: 'en' }, fx);
    expect(outcome.status).toBe('built');
    const html = await readFile(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('>Culture and libraries</h2>');
    expect(html).toContain('<p class="introduzione" lang="it">Biblioteche di quartiere');
    expect(html).toContain('<h2 id="cantiere-prima_infanzia-titolo" lang="it">Prima infanzia</h2>');
    expect(html).toContain('<a href="#cantiere-prima_infanzia" lang="it">Prima infanzia</a>');
    expect(html).toContain('The project gives no English title or introduction for the cantieri «Culture and libraries», «Prima infanzia»');
    expect(html).toContain('The cantieri «Sport in the quartieri» have no chapter');
  });

  it('refuses a service of an undeclared cantiere, at its row and column, naming the value and the declared ones', async () => {
    const servizi = path.join(project, 'catalogo/servizi.csv');
    const before = await readFile(servizi, 'utf8');
    try {
      await writeFile(servizi, `${before.trimEnd()}\nTEATRO,Teatro di quartiere,teatro,tutti,utenti,comune,Neighbourhood theatre\n`);
      const checked = await checkProject({ project }, fx);
      const [problem, ...others] = errorsOf(checked, 'catalogo/servizi.csv');
      expect(others).toEqual([]);
      const row = before.trimEnd().split('\n').length + 1;
      expect(problem).toMatchObject({ code: 'constraint-error', row, column: 3, columnLetter: 'C', field: 'cantiere', value: 'teatro' });
      const [it] = said([problem!]);
      expect(it!.message).toBe(
        `Riga ${row}, colonna C ("cantiere"): il cantiere "teatro" non è dichiarato. Cantieri ammessi: cultura, anziani_disabili, prima_infanzia, poverta_lavoro, sport, da catalogo/cantieri.csv.`,
      );
      const [en] = said([problem!], 'en');
      expect(en!.message).toMatch(/the cantiere "teatro" is not declared\. Allowed cantieri: cultura, anziani_disabili/);
      expect(checked.project.servizi.map((s) => s.codice)).not.toContain('TEATRO');
    } finally {
      await writeFile(servizi, before);
    }
  });

  it('refuses an indicator, a commitment and a voice of an undeclared cantiere, and a cantiere coded like a report section', async () => {
    const files = ['catalogo/indicatori.json', 'catalogo/impegni.csv', 'dati/2024/voci.json', 'catalogo/cantieri.csv'].map((f) =>
      path.join(project, f),
    );
    const saved = await Promise.all(files.map((f) => readFile(f, 'utf8')));
    try {
      const indicatori = JSON.parse(saved[0]!) as { id: string; cantiere: string }[];
      indicatori.find((i) => i.cantiere === 'cultura')!.cantiere = 'musica';
      await writeFile(files[0]!, JSON.stringify(indicatori));
      await writeFile(files[1]!, saved[1]!.replace(',cultura,', ',giovani,'));
      await writeFile(files[2]!, saved[2]!.replace('"cantiere": "cultura"', '"cantiere": "giovani"'));
      await writeFile(files[3]!, `${saved[3]!}demografia,Demografia,,,,9\n`);
      const checked = await checkProject({ project }, fx);
      const [indicator] = said(errorsOf(checked, 'catalogo/indicatori.json'));
      expect(indicator).toMatchObject({ code: 'constraint-error', value: 'musica' });
      expect(indicator!.field).toMatch(/\.cantiere$/);
      expect(indicator!.message).toMatch(
        /^Indicatore "volontari_per_1000", cantiere: "musica" non è un cantiere dichiarato\. Ammessi: cultura, .*sport, demografia, risorse/,
      );
      expect(errorsOf(checked, 'catalogo/impegni.csv').map((p) => [p.field, p.value, p.columnLetter])).toEqual([
        ['cantiere', 'giovani', 'B'],
      ]);
      expect(errorsOf(checked, 'dati/2024/voci.json').map((p) => [p.field, p.value])).toEqual([['cantiere', 'giovani']]);
      expect(errorsOf(checked, 'catalogo/cantieri.csv').map((p) => [p.code, p.row, p.field, p.value])).toEqual([
        ['constraint-error', 7, 'codice_cantiere', 'demografia'],
      ]);
    } finally {
      await Promise.all(files.map((f, i) => writeFile(f, saved[i]!)));
    }
  });
});

describe('a project without catalogo/cantieri.csv', () => {
  let work: string;
  let project: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-cantieri-predefiniti-'));
    project = path.join(work, 'piccola');
    await writeSmallProject(project);
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("gets bilancio's six default cantieri with today's titles, and the default is not reported as one of its files", async () => {
    const checked = await checkProject({ project }, fx);
    expect(checked.report.summary.errors).toBe(0);
    expect(checked.project.cantieriPredefiniti).toBe(true);
    expect(checked.project.cantieri.map((c) => [c.codice, c.titolo])).toEqual([
      ['forza_comunita', 'La forza della comunità'],
      ['prima_infanzia', 'Prima infanzia'],
      ['giovani', 'Vivi il quartiere e Officina giovani'],
      ['cento_leve', 'Le 100 leve per la città'],
      ['poverta_lavoro', 'Contrasto alla povertà e lavoro'],
      ['anziani_disabili', 'Anziani e disabili'],
    ]);
    expect(checked.report.files.map((f) => f.path).filter((p) => p.includes('cantieri'))).toEqual([]);
  });

  it('says, for an undeclared cantiere, that the default ones apply and where to declare others', async () => {
    const servizi = path.join(project, 'catalogo/servizi.csv');
    await writeFile(servizi, `${(await readFile(servizi, 'utf8')).trimEnd()}\nBIBLIO,Biblioteche,cultura,tutti,utenti,comune,Libraries\n`);
    const checked = await checkProject({ project }, fx);
    const [problem] = said(errorsOf(checked, 'catalogo/servizi.csv'));
    expect(problem).toMatchObject({ field: 'cantiere', value: 'cultura', columnLetter: 'C' });
    expect(problem!.message).toContain(
      'Cantieri ammessi: forza_comunita, prima_infanzia, giovani, cento_leve, poverta_lavoro, anziani_disabili, da i cantieri predefiniti di bilancio (il progetto non ha catalogo/cantieri.csv: per usarne altri, dichiararli lì).',
    );
  });
});

describe("Brescia's cantieri are Brescia's data", () => {
  it('no title of data/brescia/catalogo/cantieri.csv is written in src/ or templates/', async () => {
    const titles = (await readFile(path.join(bresciaProject, 'catalogo/cantieri.csv'), 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .flatMap((line) => line.split(',').slice(1, 3))
      .map((title) => title.replace(/^"|"$/g, ''))
      // Plain names of a field anyone uses (bilancio init declares them too) are not Brescia's words.
      .filter((title) => title.length > 0 && !['Prima infanzia', 'Early childhood'].includes(title));
    expect(titles).toContain('Le 100 leve per la città');
    const sources = (await readdir(path.join(repoRoot, 'src'), { recursive: true }))
      .map((f) => path.join('src', f))
      .concat((await readdir(path.join(repoRoot, 'templates'), { recursive: true })).map((f) => path.join('templates', f)))
      .filter((f) => /\.(ts|hbs|css)$/.test(f));
    const found: string[] = [];
    for (const file of sources) {
      const text = await readFile(path.join(repoRoot, file), 'utf8');
      for (const title of titles) if (text.includes(title)) found.push(`${file}: ${title}`);
    }
    expect(found).toEqual([]);
  });
});
