import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutputWriteError, recoverOutput, withAtomicOutput } from '../../src/atomic-output.js';
import { OUTPUT_MARK, outputFolderRefusal, outputMarkText, type OutputCommand } from '../../src/provenance/paths.js';
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

/** A folder as a previous run of `command` left it: its files and bilancio's mark. */
async function marked(name: string, command: OutputCommand, files: Record<string, string>): Promise<string> {
  return folder(name, { ...files, [OUTPUT_MARK]: outputMarkText(command, '0.1.0', Object.keys(files)) });
}

const build = { command: 'build', lang: 'it' } as const;
const listing = async (dir: string) => (await readdir(dir)).sort();

/** The pid of a process that has exited (so surely not alive). */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout as unknown as number;
}

describe('withAtomicOutput', () => {
  it('replaces the previous outputs only when the work succeeds', async () => {
    const out = await marked('a/out', 'build', { 'report.html': 'vecchio' });
    await withAtomicOutput(out, build, (dir) => writeFile(path.join(dir, 'report.html'), 'nuovo'));
    expect(await readFile(path.join(out, 'report.html'), 'utf8')).toBe('nuovo');
    await expect(
      withAtomicOutput(out, build, async (dir) => {
        await writeFile(path.join(dir, 'report.html'), 'a metà');
        throw new Error('stampa fallita');
      }),
    ).rejects.toThrow('stampa fallita');
    expect(await readFile(path.join(out, 'report.html'), 'utf8')).toBe('nuovo');
    expect(await listing(path.join(work, 'a'))).toEqual(['out']); // no staging, no lock, no .vecchio left
  });

  it('lets two builds into one folder take turns: the folder is always one of them, whole', async () => {
    const out = path.join(work, 'b/out');
    await Promise.all(
      ['uno', 'due'].map((who) =>
        withAtomicOutput(out, build, async (dir) => {
          await writeFile(path.join(dir, 'a.txt'), who);
          await new Promise((resolve) => setTimeout(resolve, 50));
          await writeFile(path.join(dir, 'b.txt'), who);
        }),
      ),
    );
    const [a, b] = await Promise.all(['a.txt', 'b.txt'].map((f) => readFile(path.join(out, f), 'utf8')));
    expect(a).toBe(b);
    expect(await listing(path.join(work, 'b'))).toEqual(['out']);
  });
});

describe('withAtomicOutput: the mark, adding files, and writes the system refuses', () => {
  it('marks the folder with the command that wrote it', async () => {
    const out = path.join(work, 'm/out');
    await withAtomicOutput(out, { command: 'compute', lang: 'it' }, (dir) => writeFile(path.join(dir, 'indicatori.csv'), 'x'));
    expect(JSON.parse(await readFile(path.join(out, OUTPUT_MARK), 'utf8'))).toMatchObject({ tool: 'bilancio', command: 'compute' });
    await expect(withAtomicOutput(out, build, async () => {})).rejects.toMatchObject({
      code: 'command-refused',
      message: expect.stringMatching(/`bilancio compute`/),
    });
    expect(await listing(out)).toEqual([OUTPUT_MARK, 'indicatori.csv']);
  });

  it('refuses to replace its own folder once someone put a file of theirs into it', async () => {
    const out = await marked('q/out', 'build', { 'report.html': 'di ieri' });
    await writeFile(path.join(out, 'tesi.odt'), 'mia');
    await expect(withAtomicOutput(out, build, async () => {})).rejects.toMatchObject({
      code: 'command-refused',
      message: expect.stringMatching(/contiene file che bilancio non ha scritto \(tesi\.odt\)/),
    });
    expect(await readFile(path.join(out, 'tesi.odt'), 'utf8')).toBe('mia');
    expect(await listing(path.join(work, 'q'))).toEqual(['out']);
  });

  it('in add mode keeps the files already there and replaces only its own', async () => {
    const out = await marked('n/ricevute', 'receipt', { 'ricevuta-acli-2024.html': 'acli', 'ricevuta-auser-2024.html': 'vecchia' });
    await withAtomicOutput(out, { command: 'receipt', lang: 'it' }, (dir) =>
      writeFile(path.join(dir, 'ricevuta-auser-2024.html'), 'nuova'),
    );
    expect(await listing(out)).toEqual([OUTPUT_MARK, 'ricevuta-acli-2024.html', 'ricevuta-auser-2024.html']);
    expect(await readFile(path.join(out, 'ricevuta-acli-2024.html'), 'utf8')).toBe('acli');
    expect(await readFile(path.join(out, 'ricevuta-auser-2024.html'), 'utf8')).toBe('nuova');
    expect(await listing(path.join(work, 'n'))).toEqual(['ricevute']);
    expect(JSON.parse(await readFile(path.join(out, OUTPUT_MARK), 'utf8')).files).toEqual([
      'ricevuta-acli-2024.html',
      'ricevuta-auser-2024.html',
    ]);
  });

  it('turns a full disk while writing a staged file into an OutputWriteError naming the output path, and leaves nothing behind', async () => {
    const out = await marked('o/out', 'build', { 'report.html': 'di ieri' });
    const full = (file: string) =>
      Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), { code: 'ENOSPC', path: file });
    const error = await withAtomicOutput(out, build, async (dir) => {
      await writeFile(path.join(dir, 'report.html'), 'a me');
      // As a build stage reports it: the system error is the cause of a StageError.
      throw await atStage('dati-aperti', 'it', out, () => Promise.reject(full(path.join(dir, 'indicatori.csv'))));
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputWriteError);
    expect(error).toMatchObject({ reason: 'disk-full', path: path.join(out, 'indicatori.csv'), errno: 'ENOSPC' });
    expect(await readFile(path.join(out, 'report.html'), 'utf8')).toBe('di ieri');
    expect(await listing(path.join(work, 'o'))).toEqual(['out']);
  });

  it('leaves a system error on a file that is not an output as it is (reading the project is not writing)', async () => {
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES', path: '/etc/shadow' });
    await expect(withAtomicOutput(path.join(work, 'p/out'), build, () => Promise.reject(denied))).rejects.toBe(denied);
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
    await marked('altrove/precedente', 'build', { 'report.html': '', 'indicatori.csv': '' });
    await folder('altrove/versione-vecchia', { 'manifest.json': '{}', 'report.html': '', 'tesi.odt': 'mia' });
    await folder('altrove/sosia', { 'manifest.json': '{}', 'tesi.odt': 'mia' });
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
    [
      'a folder of other files',
      () => path.join(work, 'altrove/documenti'),
      /non contiene risultati di bilancio \(manca \.bilancio-output\.json\)/,
    ],
    ['a file', () => path.join(work, 'altrove/un-file'), /non è una cartella/],
    [
      'a folder with a look-alike manifest.json',
      () => path.join(work, 'altrove/sosia'),
      /non porta il segno di bilancio .*cancellare la cartella e rilanciare/,
    ],
    [
      'outputs of an earlier version, without the mark',
      () => path.join(work, 'altrove/versione-vecchia'),
      /forse contiene i risultati di una versione precedente/,
    ],
    ['the root of the disk', () => '/', /è la radice del disco/],
    ['the home folder', () => homedir(), /è la cartella personale/],
  ])('refuses %s', async (_name, out, message) => {
    expect(await outputFolderRefusal(root, out(), 'build', 'it')).toMatch(message);
  });

  it.each([
    ['compute', /contiene i risultati di `bilancio build`: `bilancio compute` non li sostituisce.*"dati-aperti"/],
    ['receipt', /contiene i risultati di `bilancio build`: `bilancio receipt`.*"ricevute"/],
    ['templates', /contiene i risultati di `bilancio build`.*"modelli"/],
  ] as const)("refuses %s into a build's folder", async (command, message) => {
    expect(await outputFolderRefusal(root, path.join(work, 'altrove/precedente'), command, 'it')).toMatch(message);
  });

  it('says it in English too', async () => {
    expect(await outputFolderRefusal(root, path.join(work, 'altrove/sosia'), 'compute', 'en')).toMatch(
      /does not carry bilancio's mark \(\.bilancio-output\.json\)/,
    );
    expect(await outputFolderRefusal(root, path.join(root, 'dati'), 'templates', 'en')).toMatch(
      /inside the project's input files \(dati\)/,
    );
  });

  it.each([
    ['a new folder inside the project', () => path.join(root, 'out')],
    ['a new folder elsewhere', () => path.join(work, 'altrove/nuova')],
    ['an empty folder', () => path.join(work, 'altrove/vuota')],
    ['a previous report (with the mark of build)', () => path.join(work, 'altrove/precedente')],
  ])('accepts %s', async (_name, out) => {
    expect(await outputFolderRefusal(root, out(), 'build', 'it')).toBeNull();
  });
});

describe('build stages and dates', () => {
  it('names the stage that failed and says the previous outputs were kept', async () => {
    const error = await atStage('pdf', 'it', 'out', () => Promise.reject(new Error('Chromium si è chiuso'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StageError);
    expect((error as Error).message).toBe(
      'Stampa del PDF non riuscita: Chromium si è chiuso I risultati precedenti in "out" non sono stati toccati.',
    );
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
