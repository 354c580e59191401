import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilancio } from '../helpers/cli.js';

// Issue 17: the project is the default where it is. A command run in a project's folder (or below it) works
// on that project; the embedded Brescia project only when no project is named or found, said on stderr.
describe('the project around the working folder is the default', () => {
  let work: string;
  let project: string;
  const loose = (dir: string) => path.join(dir, 'erogazioni_partner.csv');
  // Alfa is a quartiere of this project, not of Brescia's.
  const partnerRows = 'anno,quartiere,codice_servizio,codice_ente,utenti\n2024,Alfa,SAD,comune,12\n';

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-default-'));
    project = path.join(work, 'prova');
    await mkdir(path.join(project, 'territorio'), { recursive: true });
    await mkdir(path.join(project, 'catalogo'), { recursive: true });
    await mkdir(path.join(project, 'dati/2024'), { recursive: true });
    await writeFile(path.join(project, 'bilancio.config.json'), '{ "titolo": "Bilancio di Prova", "anno": 2024 }\n');
    await writeFile(
      path.join(project, 'territorio/quartieri.csv'),
      'codice_quartiere,quartiere,codice_zona,zona\nQ1,Alfa,nord,Nord\nQ2,Beta,sud,Sud\n',
    );
    await writeFile(
      path.join(project, 'catalogo/enti.csv'),
      'codice_ente,nome,tipo,ruolo\ncomune,Comune di Prova,ente_pubblico,capofila\n',
    );
    await writeFile(
      path.join(project, 'catalogo/servizi.csv'),
      'codice_servizio,servizio,cantiere,target,unita,ente\nSAD,Assistenza domiciliare,anziani_disabili,eta:65+,utenti,comune\n',
    );
    await writeFile(loose(project), partnerRows);
    await writeFile(loose(work), partnerRows);
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('build in the project folder builds that project, into its out/, without a word about Brescia', async () => {
    const result = await bilancio(['build', '--no-pdf'], project);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/Brescia/);
    const html = await readFile(path.join(project, 'out/report.html'), 'utf8');
    expect(html).toContain('Alfa');
    expect(html).not.toContain('Brescia Antica');
  });

  it('validate below the project folder validates the project', async () => {
    const result = await bilancio(['validate', '--format', 'json'], path.join(project, 'dati/2024'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { files: { path: string }[] };
    expect(report.files.map((f) => f.path)).toContain('territorio/quartieri.csv');
  });

  it('validate FILE checks a loose file against the project around it, even from elsewhere', async () => {
    const result = await bilancio(['validate', loose(project)], work);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('with no project around, the embedded Brescia project is used and the CLI says so in one line', async () => {
    const result = await bilancio(['validate', loose(work)], work);
    // Alfa is no quartiere of Brescia.
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/"Alfa" non esiste/);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Nessun progetto in .* né sopra \(manca bilancio\.config\.json\): si usa il progetto di esempio di Brescia/);
    const english = await bilancio(['validate', loose(work), '--lang', 'en'], work);
    expect(english.stderr.trim()).toMatch(/^No project in .* or above \(no bilancio\.config\.json\): using the Brescia sample project/);
  });

  it('--progetto and a named project still win over the folder', async () => {
    const named = await bilancio(['validate', loose(project), '--progetto', path.join(work, 'nessuno')], project);
    expect(named.code).toBe(2);
  });
});
