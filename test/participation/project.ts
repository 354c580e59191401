import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { bresciaProject } from '../helpers/paths.js';

/** A copy of the embedded Brescia project in a fresh temporary folder, to change in a test. */
export async function copyBrescia(prefix: string): Promise<{ dir: string; project: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), `bilancio-${prefix}-`));
  const project = path.join(dir, 'progetto');
  await cp(bresciaProject, project, { recursive: true });
  return { dir, project, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Keeps only some years of a project copy: the other years' data and contributions are removed. */
export async function keepYears(project: string, anni: readonly number[]): Promise<void> {
  for (const base of ['dati', ...(await readdir(path.join(project, 'contributi'))).map((ente) => path.join('contributi', ente))]) {
    for (const anno of await readdir(path.join(project, base))) {
      if (/^\d{4}$/.test(anno) && !anni.includes(Number(anno))) await rm(path.join(project, base, anno), { recursive: true, force: true });
    }
  }
}

/** Rewrites a contribution's manifest.json with some fields changed. */
export async function editManifest(project: string, ente: string, anno: number, change: Record<string, unknown>): Promise<void> {
  const file = path.join(project, 'contributi', ente, String(anno), 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(file, `${JSON.stringify({ ...manifest, ...change }, null, 2)}\n`);
}

/** Sets one cell of a partner's Windows-1252 CSV, by spreadsheet row (header = 1) and column name. */
export async function setCsvCell(file: string, row: number, column: string, value: string): Promise<void> {
  const text = iconv.decode(await readFile(file), 'win1252');
  const lines = text.split('\r\n');
  const header = lines[0]!.split(';');
  const index = header.indexOf(column);
  if (index < 0) throw new Error(`no column ${column} in ${file}`);
  const cells = lines[row - 1]!.split(';');
  cells[index] = value;
  lines[row - 1] = cells.join(';');
  await writeFile(file, iconv.encode(lines.join('\r\n'), 'win1252'));
}

/** Reads a JSON file of the project. */
export async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}
