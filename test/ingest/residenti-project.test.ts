// A project whose population comes as residenti.csv (one row per resident): it becomes the year's
// popolazione, gives the same indicators, and is checked against popolazione.csv when both are sent.
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject, computeProject } from '../../src/pipeline.js';
import { diskEffects } from '../../src/effects.js';
import { bresciaProject } from '../helpers/paths.js';
import { said } from '../helpers/said.js';

const fx = diskEffects();

/** One row per resident from popolazione.csv's counts (eta 100 means born 100 years before or earlier). */
function residentsFrom(popolazione: string, skip = new Set<number>()): string {
  const lines = popolazione.trim().split('\n');
  const header = lines[0]!.split(',');
  const at = (name: string) => header.indexOf(name);
  const out = ['anno;codice_quartiere;anno_nascita;sesso;cittadinanza'];
  lines.slice(1).forEach((line, index) => {
    const c = line.split(',');
    const anno = Number(c[at('anno')]);
    const count = Number(c[at('residenti')]) - (skip.has(index + 2) ? 1 : 0);
    for (let i = 0; i < count; i++)
      out.push(`${anno};${c[at('codice_quartiere')]};${anno - Number(c[at('eta')])};${c[at('sesso')]};${c[at('cittadinanza')]}`);
  });
  return `${out.join('\r\n')}\r\n`;
}

const valuesOf = (values: { anno: number; codice: string; indicatore: string; valore: number | null }[]) =>
  values.map((v) => `${v.anno} ${v.codice} ${v.indicatore} ${v.valore}`).sort();

describe('residenti.csv in a project', () => {
  let onlyResidenti: string;
  let both: string;
  let popolazione: string;
  beforeAll(async () => {
    popolazione = await readFile(path.join(bresciaProject, 'dati/2024/popolazione.csv'), 'utf8');
    onlyResidenti = await mkdtemp(path.join(tmpdir(), 'bilancio-residenti-'));
    await cp(bresciaProject, onlyResidenti, { recursive: true });
    await unlink(path.join(onlyResidenti, 'dati/2024/popolazione.csv'));
    await writeFile(path.join(onlyResidenti, 'dati/2024/residenti.csv'), residentsFrom(popolazione));

    both = await mkdtemp(path.join(tmpdir(), 'bilancio-residenti-'));
    await cp(bresciaProject, both, { recursive: true });
    // Rows 2, 10 and 20 of popolazione.csv each count one resident more than the extract.
    await writeFile(path.join(both, 'dati/2024/residenti.csv'), residentsFrom(popolazione, new Set([2, 10, 20])));
  }, 60_000);
  afterAll(async () => {
    await rm(onlyResidenti, { recursive: true, force: true });
    await rm(both, { recursive: true, force: true });
  });

  it('without popolazione.csv, becomes the popolazione of its year: same indicators as from popolazione.csv', async () => {
    const checked = await checkProject({ project: onlyResidenti }, fx);
    expect(checked.report.summary.errors).toBe(0);
    const file = checked.report.files.find((f) => f.path === 'dati/2024/residenti.csv')!;
    expect(file).toMatchObject({ dataset: 'residenti', delimiter: ';', encoding: 'utf-8' });
    expect(file.rows).toBeGreaterThan(150_000);
    const rows = checked.project.dati.get(2024)!.get('popolazione')!;
    expect(rows[0]).toMatchObject({ file: 'dati/2024/residenti.csv', row: 2, values: { anno: 2024, eta: 0 } });

    const reference = await checkProject({ project: bresciaProject }, fx);
    const expected = computeProject(reference).values.filter((v) => v.anno === 2024);
    const actual = computeProject(checked).values.filter((v) => v.anno === 2024);
    expect(actual.length).toBeGreaterThan(100);
    expect(valuesOf(actual)).toEqual(valuesOf(expected));
  }, 60_000);

  it('with popolazione.csv, each count that differs is a consistency-error (rule residenti_popolazione)', async () => {
    const checked = await checkProject({ project: both }, fx);
    const file = checked.report.files.find((f) => f.path === 'dati/2024/popolazione.csv')!;
    const differences = file.errors.filter((p) => p.code === 'consistency-error');
    expect(differences.map((p) => [p.row, p.field, p.value, Number(p.expected) + 1])).toEqual([
      [2, 'residenti', differences[0]!.value, Number(differences[0]!.value)],
      [10, 'residenti', differences[1]!.value, Number(differences[1]!.value)],
      [20, 'residenti', differences[2]!.value, Number(differences[2]!.value)],
    ]);
    expect(said(differences)[0]!.message).toMatch(/popolazione indica \d+ residenti, l'estratto dei residenti ne conta \d+/);
    // popolazione.csv stays the year's population.
    expect(checked.project.dati.get(2024)!.get('popolazione')![0]!.file).toBe('dati/2024/popolazione.csv');
  }, 60_000);

  it("the rule's severity comes from the config", async () => {
    const configFile = path.join(both, 'bilancio.config.json');
    const config = JSON.parse(await readFile(configFile, 'utf8'));
    config.regole = { ...config.regole, residenti_popolazione: { gravita: 'avviso' } };
    await writeFile(configFile, JSON.stringify(config));
    const checked = await checkProject({ project: both }, fx);
    const file = checked.report.files.find((f) => f.path === 'dati/2024/popolazione.csv')!;
    expect(file.errors.filter((p) => p.code === 'consistency-error')).toEqual([]);
    expect(file.warnings.filter((p) => p.code === 'consistency-error')).toHaveLength(3);
  }, 60_000);
});
