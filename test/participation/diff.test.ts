import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDefinitions } from '../../src/compute/definition-changes.js';
import type { ProjectDiff } from '../../src/participation/diff.js';
import { bilancio } from '../helpers/cli.js';
import { bresciaIndicators } from '../helpers/fixtures.js';
import { copyBrescia, readJson } from './project.js';

describe('bilancio diff between two years', () => {
  let work: Awaited<ReturnType<typeof copyBrescia>>;
  let diff: ProjectDiff;

  beforeAll(async () => {
    work = await copyBrescia('diff');
    const p = work.project;
    // The 2023 edition's catalogue: the 65+ share counted from 64, and an indicator dropped since.
    const catalogue = await readJson<Record<string, unknown>[]>(path.join(p, 'catalogo/indicatori.json'));
    const old = catalogue.map((d) => (d.id === 'quota_65_plus' ? { ...d, numeratore: 'popolazione[eta>=64]' } : d));
    old.push({ ...catalogue.find((d) => d.id === 'popolazione')!, id: 'residenti_vecchio' });
    await writeFile(path.join(p, 'catalogo/indicatori.2023.json'), JSON.stringify(old, null, 2));
    // Il Calabrone did not send its 2024 data.
    await rm(path.join(p, 'contributi/calabrone/2024'), { recursive: true });
    const result = await bilancio(['diff', p, '--anno', '2024', '--confronto', '2023', '--format', 'json'], work.dir);
    expect(result.stderr).toBe('');
    expect(result.code, result.stderr).toBe(0);
    diff = JSON.parse(result.stdout) as ProjectDiff;
  });
  afterAll(() => work.remove());

  it('lists rows per dataset, files removed and partners who did not send', () => {
    expect(diff.dati.datasets.find((d) => d.dataset === 'erogazioni')).toEqual({
      dataset: 'erogazioni',
      righeA: 299,
      righeB: 308,
      differenza: -9,
    });
    expect(diff.dati.datasets.find((d) => d.dataset === 'popolazione')).toEqual({
      dataset: 'popolazione',
      righeA: 13332,
      righeB: 13332,
      differenza: 0,
    });
    expect(diff.dati.fileRimossi).toEqual(['contributi/calabrone/erogazioni_calabrone.json']);
    expect(diff.dati.fileAggiunti).toEqual([]);
    expect(diff.dati.nonPiu).toEqual(['calabrone']);
    expect(diff.dati.nuovi).toEqual([]);
  });

  it('gives city and zone values with their change, indicators of one year only and changed definitions', () => {
    const city = diff.indicatori.valori.find((v) => v.indicatore === 'popolazione' && v.livello === 'citta');
    expect(city).toMatchObject({ valoreA: 199853, valoreB: 198259, variazione: 1594 });
    expect(diff.indicatori.valori.filter((v) => v.indicatore === 'popolazione' && v.livello === 'zona')).toHaveLength(5);
    expect(diff.indicatori.soloB).toContain('residenti_vecchio');
    expect(diff.indicatori.definizioniCambiate).toEqual([
      {
        indicatore: 'quota_65_plus',
        nome: 'Quota di residenti di 65 anni e più',
        prima: '(popolazione[eta>=64]) / (popolazione) × 100',
        ora: '(popolazione[eta>=65]) / (popolazione) × 100',
        parti: {
          prima: { numeratore: 'popolazione[eta>=64]', denominatore: 'popolazione', scala: 100 },
          ora: { numeratore: 'popolazione[eta>=65]', denominatore: 'popolazione', scala: 100 },
        },
      },
    ]);
  });

  it('prints the same as text, with the years of the config by default; wrong years exit 2', async () => {
    const text = await bilancio(['diff', work.project], work.dir);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Differenze tra il 2024 e il 2023/);
    expect(text.stdout).toContain('Hanno inviato nel 2023 ma non nel 2024: Coop. sociale Il Calabrone');
    expect(text.stdout).toMatch(/Popolazione residente\s+Brescia\s+198\.259\s+199\.853\s+\+1\.594/);
    expect(text.stdout).toMatch(/quota_65_plus \(Quota di residenti di 65 anni e più\): nel 2023 \(popolazione\[eta>=64\]\)/);
    expect((await bilancio(['diff', work.project, '--anno', '2018'], work.dir)).code).toBe(2);
    expect((await bilancio(['diff', work.project, '--anno', 'ieri'], work.dir)).code).toBe(2);
  });

  it("the report's method note marks the changed definition", async () => {
    const out = path.join(work.dir, 'out');
    const build = await bilancio(['build', work.project, '--out', out, '--no-pdf'], work.dir);
    expect(build.code, build.stderr).toBe(0);
    const html = await readFile(path.join(out, 'report.html'), 'utf8');
    const start = html.indexOf('id="nota-metodologica"');
    const note = html.slice(start, html.indexOf('</section>', start));
    expect(note).toContain('Definizioni cambiate rispetto al bilancio 2023');
    expect(note).toContain('Definizione cambiata: «Quota di residenti di 65 anni e più» (quota_65_plus)');
  });
});

describe('compareDefinitions', () => {
  it('ignores spacing, reports a changed scale', () => {
    const now = bresciaIndicators();
    const spaced = now.map((d) => (d.id === 'indice_vecchiaia' ? { ...d, numeratore: ` ${d.numeratore.replace(/,/g, ' , ')} ` } : d));
    expect(compareDefinitions(spaced, now)).toEqual([]);
    const rescaled = now.map((d) => (d.id === 'quota_stranieri' ? { ...d, scala: 1000 } : d));
    expect(compareDefinitions(rescaled, now).map((c) => c.indicatore)).toEqual(['quota_stranieri']);
  });
});
