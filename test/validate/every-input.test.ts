import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfBrescia } from '../report/build.js';
import { bilancio } from '../helpers/cli.js';

// `validate` reports problems in every input the build reads: the quartieri map, the catalogues of
// earlier editions and the project's own templates too, not only the data tables (a broken map used to
// give 0 problems here and 3 in the build), in the language asked for.

interface JsonProblem {
  code: string;
  severity: string;
  file: string;
  row?: number;
  message: string;
}

let project: { dir: string; remove(): Promise<void> };

beforeAll(async () => {
  project = await copyOfBrescia();
  await writeFile(path.join(project.dir, 'territorio/quartieri.geojson'), '{"type": "FeatureCollection", "features": [');
  await writeFile(path.join(project.dir, 'catalogo/indicatori.2023.json'), '[{"id": "quota_stranieri", "cantiere": 7}]');
  await mkdir(path.join(project.dir, 'templates/partials'), { recursive: true });
  await writeFile(
    path.join(project.dir, 'templates/partials/copertina.hbs'),
    '<h1>{{titolo}}</h1>\n{{#if sottotitolo}}\n<p>{{sottotitolo}}</p>\n',
  );
});
afterAll(() => project.remove());

async function problemsOf(lang: 'it' | 'en'): Promise<JsonProblem[]> {
  const { stdout, code } = await bilancio(['validate', project.dir, '--format', 'json', '--lang', lang], project.dir);
  // The broken template is an error: the build would stop on it.
  expect(code).toBe(1);
  const report = JSON.parse(stdout) as { files: { errors: JsonProblem[]; warnings: JsonProblem[] }[] };
  return report.files.flatMap((f) => [...f.errors, ...f.warnings]);
}

describe('validate reports every input', () => {
  it('a broken map and stored catalogue are warnings, a broken template an error, in Italian and in English', async () => {
    const it = await problemsOf('it');
    const map = it.filter((p) => p.file === 'territorio/quartieri.geojson');
    expect(map).toHaveLength(1);
    expect(map[0]).toMatchObject({ code: 'source-error', severity: 'warning' });
    const stored = it.filter((p) => p.file === 'catalogo/indicatori.2023.json');
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((p) => p.severity === 'warning')).toBe(true);
    expect(stored.map((p) => p.message).join('\n')).toMatch(/indicatore "quota_stranieri".*cantiere/);

    const template = it.filter((p) => p.file === 'templates/partials/copertina.hbs');
    expect(template).toEqual([expect.objectContaining({ code: 'source-error', severity: 'error', row: 4 })]);
    expect(template[0]!.message).toMatch(/^Il modello templates\/partials\/copertina.hbs non si legge \(riga 4\)/);

    const en = await problemsOf('en');
    const storedEn = en.filter((p) => p.file === 'catalogo/indicatori.2023.json').map((p) => p.message);
    expect(storedEn.join('\n')).toMatch(/indicator "quota_stranieri".*cantiere/);
    expect(storedEn.join('\n')).not.toMatch(/indicatore/);
  }, 60_000);
});
