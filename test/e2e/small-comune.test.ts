import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilancio } from '../helpers/cli.js';
import { poppler } from '../report/build.js';

// Issue 17, done when: a hand-made small comune (its own 4 frazioni in 2 zone, a "cultura" area of work,
// 2 organisations on one service, a partner's file from an Italian Excel in Windows-1252 with `;`) validates
// and builds; its report names its areas with its own noun, contains no word of Brescia, and leaves out a
// declared area of work that has nothing to show. Started from `bilancio init`, then edited as an analyst would.

const AREAS = [
  ['F01', 'Cà Bianca', 'collina', 'Collina'],
  ['F02', 'Sant’Ilario', 'collina', 'Collina'],
  ['F03', 'Santa Lucìa', 'piana', 'Piana'],
  ['F04', 'Villanova', 'piana', 'Piana'],
];

describe('a small comune of frazioni, from init to its report', () => {
  let work: string;
  let project: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-valverde-'));
    project = path.join(work, 'valverde');
    const territory = path.join(work, 'frazioni.csv');
    await writeFile(territory, ['codice_quartiere,quartiere,codice_zona,zona', ...AREAS.map((a) => a.join(','))].join('\n') + '\n');
    const init = await bilancio(['init', 'valverde', '--comune', 'Comune di Valverde', '--territorio', territory, '--anno', '2024'], work);
    if (init.code !== 0) throw new Error(`init exited ${init.code}:\n${init.stderr}`);

    // The analyst's words: frazioni of a comune.
    const configFile = path.join(project, 'bilancio.config.json');
    const config = JSON.parse(await readFile(configFile, 'utf8')) as Record<string, unknown>;
    config.area = { singolare: 'frazione', plurale: 'frazioni', singolare_en: 'hamlet', plurale_en: 'hamlets' };
    await writeFile(configFile, JSON.stringify(config, null, 2));

    // Its own areas of work: "cultura", and "sport", declared but with nothing to show yet.
    await appendFile(path.join(project, 'catalogo/cantieri.csv'), 'cultura,Cultura,Culture,,,7\nsport,Sport,Sport,,,8\n');
    // A library run by the comune and by a volunteers' association, each sending its own rows.
    await appendFile(
      path.join(project, 'catalogo/enti.csv'),
      'biblioamici,Amici della biblioteca,associazione,partner,Letture ad alta voce nelle frazioni.,Reading aloud in the hamlets.\n',
    );
    await appendFile(
      path.join(project, 'catalogo/servizi.csv'),
      'BIBLIOTECA,Biblioteca e letture,cultura,tutti,utenti,comune;biblioamici\n',
    );
    await appendFile(
      path.join(project, 'dati/2024/erogazioni_comune.csv'),
      AREAS.map(([codice]) => `2024,${codice},BIBLIOTECA,comune,40,,`).join('\n') + '\n',
    );
    const partner = path.join(project, 'contributi/biblioamici/2024');
    await mkdir(partner, { recursive: true });
    await writeFile(
      path.join(partner, 'manifest.json'),
      JSON.stringify({ ente: 'biblioamici', anno: 2024, inviato_il: '2025-02-10', file: ['erogazioni_biblioamici.csv'] }),
    );
    // From an Italian Excel: `;`, comma decimals, Windows-1252, the frazione by its name with its accents.
    const rows = AREAS.map(([, nome]) => `2024;${nome};BIBLIOTECA;biblioamici;12;;;5;1.250,50`);
    await writeFile(
      path.join(partner, 'erogazioni_biblioamici.csv'),
      iconv.encode(
        ['anno;quartiere;codice_servizio;codice_ente;utenti;posti;ore;volontari;spesa_euro', ...rows].join('\r\n') + '\r\n',
        'win1252',
      ),
    );
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('validates: the partner file is read as Windows-1252 with `;`, its frazioni found by name', async () => {
    const result = await bilancio(['validate', '--format', 'json'], project);
    const report = JSON.parse(result.stdout) as {
      valid: boolean;
      files: { path: string; encoding: string; delimiter: string; rows: number; errors: unknown[] }[];
    };
    expect(report.valid, result.stdout).toBe(true);
    expect(report.files.find((f) => f.path === 'contributi/biblioamici/2024/erogazioni_biblioamici.csv')).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ';',
      rows: 4,
      errors: [],
    });
  });

  it('builds a report in its own words, with its own chapters, and no word of Brescia', async () => {
    const result = await bilancio(['build'], project);
    expect(result.code, result.stderr).toBe(0);
    const text = await poppler('pdftotext', [path.join(project, 'out/report.pdf'), '-']);
    expect(text).toContain('Comune di Valverde');
    expect(text).toContain('Le frazioni');
    expect(text).toContain('Cà Bianca');
    expect(text).toContain('Santa Lucìa');
    expect(text).toContain('Sant’Ilario');
    expect(text).toContain('Amici della biblioteca');
    expect(text).toMatch(/\nCultura\n/);
    expect(text).not.toMatch(/\nSport\n/);
    expect(text).not.toMatch(/brescia|Città del Noi|100 leve/i);
    // Each organisation of the library is expected and received: none is "non atteso".
    const grid = await readFile(path.join(project, 'out/contributi.html'), 'utf8');
    expect(grid).toContain('Amici della biblioteca');
    expect(grid).not.toMatch(/non atteso/i);
  }, 180_000);
});
