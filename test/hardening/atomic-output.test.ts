import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverOutput, withAtomicOutput } from '../../src/atomic-output.js';
import { outputFolderRefusal } from '../../src/provenance/paths.js';
import { pdfDateFor } from '../../src/provenance/source-date.js';
import { atStage, StageError } from '../../src/provenance/stage-error.js';

// The output folder is replaced whole or not at all; what a killed build leaves behind is put right by
// the next one; a build never writes over its own inputs.

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'bilancio-atomic-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function folder(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(work, name);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
  return dir;
}

const listing = async (dir: string) => (await readdir(dir)).sort();

/** The pid of a process that has exited (so surely not alive). */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout as unknown as number;
}

describe('withAtomicOutput', () => {
  it('replaces the previous outputs only when the work succeeds', async () => {
    const out = await folder('a/out', { 'report.html': 'vecchio' });
    await withAtomicOutput(out, (dir) => writeFile(path.join(dir, 'report.html'), 'nuovo'));
    expect(await readFile(path.join(out, 'report.html'), 'utf8')).toBe('nuovo');
    await expect(withAtomicOutput(out, async (dir) => {
      await writeFile(path.join(dir, 'report.html'), 'a metà');
      throw new Error('stampa fallita');
    })).rejects.toThrow('stampa fallita');
    expect(await readFile(path.join(out, 'report.html'), 'utf8')).toBe('nuovo');
    expect(await listing(path.join(work, 'a'))).toEqual(['out']); // no staging, no lock, no .vecchio left
  });

  it('lets two builds into one folder take turns: the folder is always one of them, whole', async () => {
    const out = path.join(work, 'b/out');
    await Promise.all(['uno', 'due'].map((who) => withAtomicOutput(out, async (dir) => {
      await writeFile(path.join(dir, 'a.txt'), who);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await writeFile(path.join(dir, 'b.txt'), who);
    })));
    const [a, b] = await Promise.all(['a.txt', 'b.txt'].map((f) => readFile(path.join(out, f), 'utf8')));
    expect(a).toBe(b);
    expect(await listing(path.join(work, 'b'))).toEqual(['out']);
  });
});

describe('recoverOutput', () => {
  it('puts back the previous outputs when a build was killed between the two renames', async () => {
    await folder('c/.out.vecchio', { 'report.html': 'di ieri' });
    expect((await recoverOutput(path.join(work, 'c/out'))).restored).toBe(true);
    expect(await readFile(path.join(work, 'c/out/report.html'), 'utf8')).toBe('di ieri');
    expect(await listing(path.join(work, 'c'))).toEqual(['out']);
  });

  it('finishes a swap that only had the old folder left to delete', async () => {
    await folder('d/out', { 'report.html': 'nuovo' });
    await folder('d/.out.vecchio', { 'report.html': 'vecchio' });
    expect((await recoverOutput(path.join(work, 'd/out'))).restored).toBe(false);
    expect(await listing(path.join(work, 'd'))).toEqual(['out']);
    expect(await readFile(path.join(work, 'd/out/report.html'), 'utf8')).toBe('nuovo');
  });

  it('deletes staging folders of builds that are gone, and keeps those of running ones', async () => {
    const dead = Number(deadPid());
    await folder(`e/.out.nuovo-${dead}-abc123`, { 'report.html': 'a metà' });
    await folder(`e/.out.nuovo-${process.ppid}-def456`, { 'report.html': 'in corso' });
    const legacy = await folder('e/.out.nuovo-Xy12zQ', { 'report.html': 'vecchia versione' });
    await utimes(legacy, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    await folder('e/.out.nuovo-Fresh1', {});
    const { removed } = await recoverOutput(path.join(work, 'e/out'));
    expect(removed.sort()).toEqual([`.out.nuovo-${dead}-abc123`, '.out.nuovo-Xy12zQ']);
    expect(await listing(path.join(work, 'e'))).toEqual([`.out.nuovo-${process.ppid}-def456`, '.out.nuovo-Fresh1'].sort());
  });
});

describe('outputFolderRefusal', () => {
  let root: string;
  beforeAll(async () => {
    root = await folder('progetto', { 'bilancio.config.json': '{}' });
    await folder('progetto/dati/2024', { 'popolazione.csv': 'x' });
    await folder('progetto/templates', {});
    await folder('altrove/precedente', { 'report.html': '', 'indicatori.csv': '' });
    await folder('altrove/documenti', { 'tesi.odt': 'non mia' });
    await folder('altrove/vuota', {});
    await writeFile(path.join(work, 'altrove/un-file'), '');
    await symlink(path.join(root, 'dati'), path.join(work, 'altrove/scorciatoia'));
  });

  it.each([
    ['the project itself', () => root, /contiene il progetto/],
    ['a folder holding the project', () => work, /contiene il progetto/],
    ['the data folder', () => path.join(root, 'dati'), /dentro i file di ingresso del progetto \(dati\)/],
    ['a folder inside the data', () => path.join(root, 'dati/2024/out'), /dentro i file di ingresso/],
    ['the project templates', () => path.join(root, 'templates'), /\(templates\)/],
    ['a link to the data from elsewhere', () => path.join(work, 'altrove/scorciatoia/out'), /dentro i file di ingresso/],
    ['a folder of other files', () => path.join(work, 'altrove/documenti'), /non contiene risultati di bilancio/],
    ['a file', () => path.join(work, 'altrove/un-file'), /non è una cartella/],
  ])('refuses %s', async (_name, out, message) => {
    expect(await outputFolderRefusal(root, out(), 'it')).toMatch(message);
  });

  it.each([
    ['a new folder inside the project', () => path.join(root, 'out')],
    ['a new folder elsewhere', () => path.join(work, 'altrove/nuova')],
    ['an empty folder', () => path.join(work, 'altrove/vuota')],
    ['a previous report', () => path.join(work, 'altrove/precedente')],
  ])('accepts %s', async (_name, out) => {
    expect(await outputFolderRefusal(root, out(), 'it')).toBeNull();
  });
});

describe('build stages and dates', () => {
  it('names the stage that failed and says the previous outputs were kept', async () => {
    const error = await atStage('pdf', 'it', 'out', () => Promise.reject(new Error('Chromium si è chiuso'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StageError);
    expect((error as Error).message).toBe('Stampa del PDF non riuscita: Chromium si è chiuso I risultati precedenti in "out" non sono stati toccati.');
    const missing = Object.assign(new Error('manca Chromium'), { code: 'browser-not-found' });
    await expect(atStage('pdf', 'it', 'out', () => Promise.reject(missing))).rejects.toBe(missing);
  });

  it('dates the PDF from SOURCE_DATE_EPOCH, else from data_pubblicazione', () => {
    expect(pdfDateFor('1751241600', '2025-06-30', 'it')).toEqual({ date: new Date('2025-06-30T00:00:00Z') });
    expect(pdfDateFor('0', '2025-06-30', 'it')).toEqual({ date: new Date(0) });
    expect(pdfDateFor(undefined, '2025-06-30', 'it')).toEqual({ date: new Date('2025-06-30T00:00:00Z') });
    expect(pdfDateFor('', null, 'it')).toEqual({ date: undefined });
    expect(pdfDateFor('ieri', '2025-06-30', 'it')).toEqual({ error: expect.stringMatching(/^SOURCE_DATE_EPOCH vale "ieri"/) });
  });
});
