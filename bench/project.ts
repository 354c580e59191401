// The benchmark's project: Brescia's config, territory and catalogue, and one residenti.csv.
import { cp, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeResidentiFile, type WrittenFile } from './residenti-file.js';

/** Quartiere codes weighted by their 2024 population in the sample data. */
export async function quartiereWeights(brescia: string): Promise<{ codice: string; peso: number }[]> {
  const text = await readFile(path.join(brescia, 'dati/2024/popolazione.csv'), 'utf8');
  const [header, ...lines] = text.trim().split('\n');
  const columns = header!.split(',');
  const q = columns.indexOf('codice_quartiere');
  const n = columns.indexOf('residenti');
  const weights = new Map<string, number>();
  for (const line of lines) {
    const cells = line.split(',');
    weights.set(cells[q]!, (weights.get(cells[q]!) ?? 0) + Number(cells[n]));
  }
  return [...weights].map(([codice, peso]) => ({ codice, peso }));
}

/** A project folder without data (config, territory, catalogue): the fixed cost of a run. */
export async function emptyProject(brescia: string, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await cp(path.join(brescia, 'bilancio.config.json'), path.join(dir, 'bilancio.config.json'));
  await cp(path.join(brescia, 'territorio'), path.join(dir, 'territorio'), { recursive: true });
  await cp(path.join(brescia, 'catalogo'), path.join(dir, 'catalogo'), { recursive: true });
  return dir;
}

/** A project whose only data is dati/2024/residenti.csv with `rows` residents (a few of them bad). */
export async function residentiProject(
  brescia: string,
  dir: string,
  rows: number,
): Promise<{ project: string; file: string; written: WrittenFile }> {
  const project = await emptyProject(brescia, dir);
  await mkdir(path.join(project, 'dati/2024'), { recursive: true });
  const file = path.join(project, 'dati/2024/residenti.csv');
  const written = await writeResidentiFile(file, {
    rows,
    anno: 2024,
    quartieri: await quartiereWeights(brescia),
    badEvery: 100_000,
    seed: rows,
  });
  return { project, file, written };
}
