import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilancio } from '../helpers/cli.js';
import { writeSmallProject } from '../hardening/helpers/small-project.js';

// Messages name what the person wrote, in the language asked for: the key of the config that is not
// expected, the indicator whose cantiere is not allowed and the allowed ones, a file's reading problems.

describe('validation messages', () => {
  let work: string;
  let project: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-messaggi-'));
    project = await writeSmallProject(path.join(work, 'progetto'));
    const configFile = path.join(project, 'bilancio.config.json');
    const config = JSON.parse(await readFile(configFile, 'utf8'));
    await writeFile(configFile, JSON.stringify({ ...config, soglia_riservatezze: 5 }, null, 2));
    const catalogueFile = path.join(project, 'catalogo/indicatori.json');
    const catalogue = JSON.parse(await readFile(catalogueFile, 'utf8'));
    catalogue[1].cantiere = 'cultura';
    await writeFile(catalogueFile, JSON.stringify(catalogue, null, 2));
    // A partner file whose rows are ragged (one cell too many): a reading problem of ingest.
    await writeFile(
      path.join(project, 'dati/2024/famiglie.csv'),
      'anno,codice_quartiere,famiglie,famiglie_unipersonali,anziani_soli_75\n2024,17029001,10,2,1,9\n',
    );
  }, 60_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('a wrong key in bilancio.config.json is named, with the keys that are expected', async () => {
    const { code, stdout } = await bilancio(['validate', project, '--format', 'json'], work);
    expect(code).toBe(1);
    const problems = JSON.parse(stdout).files.flatMap((f: { errors: { message: string; file?: string }[] }) => f.errors);
    const config = problems.find((p: { message: string }) => /soglia_riservatezze/.test(p.message));
    expect(config.message).toMatch(/la chiave "soglia_riservatezze" non è prevista \(previste: .*soglia_riservatezza/);
  });

  it('a wrong cantiere names the indicator and the allowed values', async () => {
    const { stdout } = await bilancio(['validate', project, '--format', 'json'], work);
    const problems = JSON.parse(stdout).files.flatMap((f: { errors: { message: string }[] }) => f.errors);
    const catalogue = JSON.parse(await readFile(path.join(project, 'catalogo/indicatori.json'), 'utf8'));
    const wrong = problems.find((p: { message: string }) => p.message.includes(`Indicatore "${catalogue[1].id}", cantiere`));
    expect(wrong.message).toMatch(/"cultura" non è un cantiere dichiarato\. Ammessi: forza_comunita, .*demografia, risorse/);
    expect(wrong.message).not.toMatch(/must be equal/);
  });

  it('--lang en words every problem in English, reading problems included', async () => {
    const { stdout } = await bilancio(['validate', project, '--format', 'json', '--lang', 'en'], work);
    const problems: { message: string }[] = JSON.parse(stdout).files.flatMap(
      (f: { errors: { message: string }[]; warnings: { message: string }[] }) => [...f.errors, ...f.warnings],
    );
    expect(problems.length).toBeGreaterThan(2);
    expect(problems.find((p) => /soglia_riservatezze/.test(p.message))!.message).toMatch(/the key "soglia_riservatezze" is not expected/);
    expect(problems.find((p) => /^Indicator ".*", cantiere:/.test(p.message))!.message).toMatch(/is not a declared cantiere\. Allowed:/);
    // No Italian word of the usual messages in any of them.
    for (const p of problems) expect(p.message, p.message).not.toMatch(/\b(riga|colonna|non è|manca|chiave|previste|ammessi|deve)\b/);
  });
});

describe('a project whose config asks for English', () => {
  let work: string;
  let project: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-lingua-'));
    project = await writeSmallProject(path.join(work, 'progetto'));
    const configFile = path.join(project, 'bilancio.config.json');
    const config = JSON.parse(await readFile(configFile, 'utf8'));
    await writeFile(configFile, JSON.stringify({ ...config, lingua: 'en' }, null, 2));
    await writeFile(
      path.join(project, 'dati/2024/famiglie.csv'),
      'anno,codice_quartiere,famiglie,famiglie_unipersonali,anziani_soli_75\n2024,"17029001,10,2,1\n', // a quote never closed: found while reading (ingest)
    );
  }, 60_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("words its files' problems in English without --lang", async () => {
    const { stdout } = await bilancio(['validate', project, '--format', 'json'], work);
    const file = JSON.parse(stdout).files.find((f: { path: string }) => f.path === 'dati/2024/famiglie.csv');
    const messages: string[] = [...file.errors, ...file.warnings].map((p: { message: string }) => p.message);
    expect(messages.length).toBeGreaterThan(0);
    expect(
      messages.some((m) => /Unclosed quote/.test(m)),
      messages.join('\n'),
    ).toBe(true);
    for (const message of messages) expect(message, message).not.toMatch(/\b(riga|colonna|virgolette|intestazione)\b/i);
  });
});
