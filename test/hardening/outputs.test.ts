import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_MARK, outputMarkText, type OutputCommand } from '../../src/provenance/paths.js';
import { bilancio } from '../helpers/cli.js';
import { hashTree } from './helpers/files.js';
import { writeSmallProject } from './helpers/small-project.js';

// Nothing a user owns is overwritten (issue 15): every command that writes refuses the project's own
// folders and any folder it did not make, writes whole or not at all, and says which path failed when
// the disk is full or read-only. Every case runs the installed command on real folders.

let work: string;
let template: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'bilancio-outputs-'));
  template = await writeSmallProject(path.join(work, 'modello'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A fresh copy of the small project. */
async function project(name: string): Promise<string> {
  const dir = path.join(work, name);
  await cp(template, dir, { recursive: true });
  return dir;
}

/** A folder as a previous run of `command` left it. */
async function marked(dir: string, command: OutputCommand, files: Record<string, string>): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries({ ...files, [OUTPUT_MARK]: outputMarkText(command, '0.1.0', Object.keys(files)) }))
    await writeFile(path.join(dir, name), text);
  return dir;
}

describe('every command refuses to write over the project', () => {
  it.each([
    ['templates', 'dati/2024', (p: string, out: string) => ['templates', p, '--out', out]],
    ['templates', 'catalogo', (p: string, out: string) => ['templates', p, '--out', out]],
    ['templates', 'territorio', (p: string, out: string) => ['templates', p, '--out', out]],
    ['compute', 'catalogo', (p: string, out: string) => ['compute', p, '--out', out]],
    ['compute', '.', (p: string, out: string) => ['compute', p, '--out', out]],
    ['submissions', 'contributi', (p: string, out: string) => ['submissions', p, '--out', out]],
    ['receipt', 'dati', (p: string, out: string) => ['receipt', 'contributi/acli/2024', '--progetto', p, '--out', out, '--no-pdf']],
    [
      'receipt',
      'contributi/acli/2024',
      (p: string, out: string) => ['receipt', 'contributi/acli/2024', '--progetto', p, '--out', out, '--no-pdf'],
    ],
  ])('bilancio %s --out <progetto>/%s exits 2, names the folder, and every input stays byte-identical', async (command, sub, args) => {
    const dir = await project(`sopra-${command}-${sub.replace(/\W/g, '-')}`);
    const before = await hashTree(dir);
    const out = path.join(dir, sub);
    const result = await bilancio(args(dir, out), work);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`"${out}"`);
    expect(result.stderr).toMatch(sub === '.' ? /contiene il progetto/ : /è dentro i file di ingresso del progetto/);
    expect(await hashTree(dir)).toEqual(before);
  });

  it('templates without a project still refuses a folder of data (the mark is missing), in English too', async () => {
    const dir = await project('sopra-templates-brescia');
    const before = await hashTree(dir);
    const result = await bilancio(['templates', '--out', path.join(dir, 'dati/2024'), '--lang', 'en'], work);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/is not empty and holds no bilancio outputs \(\.bilancio-output\.json is missing\)/);
    expect(await hashTree(dir)).toEqual(before);
  });
});

describe('a folder is replaced only when it carries the mark of the same command', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await project('segno');
  });

  it.each(['build', 'compute', 'submissions'] as const)(
    '%s into a folder with a look-alike manifest.json, a thesis and a subfolder exits 2 and deletes nothing',
    async (command) => {
      const out = path.join(work, `tesi-${command}`);
      await mkdir(path.join(out, 'capitoli'), { recursive: true });
      await writeFile(path.join(out, 'manifest.json'), '{"name":"la mia tesi"}');
      await writeFile(path.join(out, 'tesi.odt'), 'Capitolo 1. Il welfare di quartiere.');
      await writeFile(path.join(out, 'capitoli/uno.md'), '# Uno');
      const before = await hashTree(out);
      const result = await bilancio([command, dir, '--out', out, ...(command === 'build' ? ['--no-pdf'] : [])], work);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(
        /non porta il segno di bilancio \(\.bilancio-output\.json\).*cancellare la cartella e rilanciare; altrimenti scegliere un'altra cartella con --out/,
      );
      expect(await hashTree(out)).toEqual(before);
      expect(await readdir(work)).not.toContainEqual(expect.stringMatching(new RegExp(`^\\.tesi-${command}\\.`)));
    },
  );

  it("compute and submissions never replace a build's folder; each writes its own, marked; receipts survive the next build", async () => {
    const cwd = path.join(work, 'cartella-di-lavoro');
    await mkdir(cwd);
    const build = await bilancio(['build', dir, '--no-pdf'], cwd);
    expect(build.code, build.stderr).toBe(0);
    const out = path.join(cwd, 'out');
    expect(JSON.parse(await readFile(path.join(out, OUTPUT_MARK), 'utf8'))).toMatchObject({ tool: 'bilancio', command: 'build' });
    const built = await hashTree(out);

    for (const command of ['compute', 'submissions']) {
      const into = await bilancio([command, dir, '--out', 'out'], cwd);
      expect(into.code, into.stderr).toBe(2);
      expect(into.stderr).toMatch(new RegExp(`contiene i risultati di \`bilancio build\`: \`bilancio ${command}\` non li sostituisce`));
      expect(await hashTree(out)).toEqual(built);
    }
    // Their own default folders, beside the build's.
    expect((await bilancio(['compute', dir], cwd)).code).toBe(0);
    expect((await bilancio(['submissions', dir], cwd)).code).toBe(0);
    const receipt = await bilancio(['receipt', 'contributi/acli/2024', '--progetto', dir, '--no-pdf'], cwd);
    expect(receipt.code, receipt.stderr).toBe(0);
    expect((await readdir(cwd)).sort()).toEqual(['dati-aperti', 'griglia-contributi', 'out', 'ricevute']);
    expect((await readdir(path.join(cwd, 'ricevute'))).sort()).toEqual([OUTPUT_MARK, 'ricevuta-acli-2024.html']);
    // The receipt read the build's indicatori.json (the default --pubblicati out): it lists where the data appear.
    expect(await readFile(path.join(cwd, 'ricevute/ricevuta-acli-2024.html'), 'utf8')).not.toContain('non è ancora stato costruito');
    // A receipt asked into the build's folder is refused: the next build would erase it.
    const intoBuild = await bilancio(['receipt', 'contributi/acli/2024', '--progetto', dir, '--out', 'out', '--no-pdf'], cwd);
    expect(intoBuild.code, intoBuild.stderr).toBe(2);
    expect(await hashTree(out)).toEqual(built);

    const receipts = await hashTree(path.join(cwd, 'ricevute'));
    const again = await bilancio(['build', dir, '--no-pdf'], cwd);
    expect(again.code, again.stderr).toBe(0);
    expect(await hashTree(path.join(cwd, 'ricevute'))).toEqual(receipts);
    expect((await readdir(cwd)).sort()).toEqual(['dati-aperti', 'griglia-contributi', 'out', 'ricevute']);

    // A note the user saved into the build's folder afterwards: the next build would delete it, so it refuses.
    await writeFile(path.join(out, 'note-per-la-giunta.txt'), 'da non perdere');
    const rebuilt = await hashTree(out);
    const third = await bilancio(['build', dir, '--no-pdf'], cwd);
    expect(third.code, third.stderr).toBe(2);
    expect(third.stderr).toMatch(/contiene file che bilancio non ha scritto \(note-per-la-giunta\.txt\)/);
    expect(await hashTree(out)).toEqual(rebuilt);
  }, 180_000);

  it('templates adds to its folder: --dataset rewrites its own two files and keeps the others', async () => {
    const out = path.join(work, 'modelli');
    expect((await bilancio(['templates', dir, '--out', out], work)).code).toBe(0);
    const all = await hashTree(out);
    await writeFile(path.join(out, 'erogazioni.csv'), 'modificato a mano');
    const one = await bilancio(['templates', dir, '--out', out, '--dataset', 'erogazioni'], work);
    expect(one.code, one.stderr).toBe(0);
    expect(await hashTree(out)).toEqual(all);
  });
});

describe('a project template that is a link out of the project is never read', () => {
  const SECRET = /root:.*:0:0:/;
  let dir: string;
  beforeAll(async () => {
    dir = await project('modelli-collegati');
    await mkdir(path.join(dir, 'templates/partials'), { recursive: true });
    await symlink('/etc/passwd', path.join(dir, 'templates/receipt.hbs'));
    await symlink('/etc/passwd', path.join(dir, 'templates/contributi.hbs'));
    await symlink('/etc/passwd', path.join(dir, 'templates/partials/copertina.hbs'));
  });

  it.each([
    ['receipt', ['receipt', 'contributi/acli/2024', '--no-pdf']],
    ['submissions', ['submissions']],
    ['build --ignora-errori', ['build', '--no-pdf', '--ignora-errori']],
  ])('%s exits 2 naming the linked template, and nothing of /etc/passwd reaches any output', async (name, args) => {
    const out = path.join(work, `collegati-${name.replace(/\W/g, '-')}`);
    const withProject = args[0] === 'receipt' ? [...args, '--progetto', dir] : [args[0]!, dir, ...args.slice(1)];
    const result = await bilancio([...withProject, '--out', out], work);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(
      /templates\/(partials\/copertina|receipt|contributi)\.hbs è un collegamento simbolico che porta fuori dalla cartella del progetto.*Il file non è stato letto\./,
    );
    expect(`${result.stdout}${result.stderr}`).not.toMatch(SECRET);
    // Nothing was written: no output folder, no staging folder beside it.
    expect((await readdir(work)).filter((e) => e.includes(path.basename(out)))).toEqual([]);
  });

  it('without --ignora-errori the build stops at the source-error (exit 1) and writes nothing', async () => {
    const out = path.join(work, 'collegati-build');
    const result = await bilancio(['build', dir, '--no-pdf', '--out', out], work);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/templates\/receipt\.hbs è un collegamento simbolico che porta fuori/);
    expect(result.stderr).not.toMatch(SECRET);
    expect((await readdir(work)).filter((e) => e.includes('collegati-build'))).toEqual([]);
  });
});

/** Mounts a tmpfs at `dir` (root only); null when mounting is not permitted here. */
function mountTmpfs(dir: string, options: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
    return dir;
  } catch {
    return null;
  }
}

const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = execFileSync('mktemp', ['-d']).toString().trim();
  const ok = mountTmpfs(probe, 'size=16k') !== null;
  if (ok) execFileSync('umount', [probe]);
  execFileSync('rmdir', [probe]);
  return ok;
})();

// Real full and read-only disks: a small tmpfs (root only; as root chmod 0555 stops no write). Skipped,
// saying why, where mounting is not permitted.
describe.skipIf(!canMount)(
  'a full or read-only disk: exit 3, the path, the previous outputs, nothing half written (needs root to mount a tmpfs)',
  () => {
    const mounted: string[] = [];
    let dir: string;
    beforeAll(async () => {
      dir = await project('disco');
    });
    afterAll(() => {
      for (const m of mounted) execFileSync('umount', ['-l', m]);
    });

    async function disk(name: string, size: string): Promise<string> {
      const at = path.join(work, name);
      await mkdir(at);
      if (!mountTmpfs(at, `size=${size}`)) throw new Error(`mount ${at}`);
      mounted.push(at);
      return at;
    }

    it.each([
      ['compute', ['compute'], 'dati-aperti'],
      ['build', ['build', '--no-pdf'], 'out'],
      ['templates', ['templates'], 'modelli'],
    ] as const)('%s on a full disk', async (command, args, name) => {
      const at = await disk(`pieno-${command}`, '48k');
      const out = await marked(path.join(at, name), command, { 'indicatori.csv': 'di ieri\n', 'erogazioni.csv': 'di ieri\n' });
      // Fill the disk: what is left is far less than the outputs need.
      await writeFile(path.join(at, 'zavorra'), Buffer.alloc(32 * 1024));
      const before = await hashTree(out);
      const result = await bilancio([args[0], dir, ...args.slice(1), '--out', out], work);
      expect(result.code, result.stderr).toBe(3);
      expect(result.stderr).toContain(`Spazio su disco esaurito scrivendo "${out}/`);
      expect(result.stderr).toMatch(/liberare spazio su disco/);
      expect(await hashTree(out)).toEqual(before);
      expect((await readdir(at)).sort()).toEqual([name, 'zavorra']);
    });

    it.each([
      ['it', /Non si può scrivere ".*": il disco è di sola lettura\. Scegliere una cartella scrivibile con --out/],
      ['en', /Cannot write ".*": the disk is read-only\. Choose a writable folder with --out/],
    ] as const)('compute on a read-only disk (%s)', async (lang, message) => {
      const at = await disk(`sola-lettura-${lang}`, '1m');
      const out = await marked(path.join(at, 'dati-aperti'), 'compute', { 'indicatori.csv': 'di ieri\n' });
      execFileSync('mount', ['-o', 'remount,ro', at]);
      const before = await hashTree(out);
      const result = await bilancio(['compute', dir, '--out', out, '--lang', lang], work);
      expect(result.code, result.stderr).toBe(3);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain(at);
      expect(await hashTree(out)).toEqual(before);
      expect(await readdir(at)).toEqual(['dati-aperti']);
    });
  },
);

describe("a Chromium that fails is the machine's problem, not a bug", () => {
  it.each([
    ['starts and fails', '/bin/false', /^Il browser Chromium "\/bin\/false" non è riuscito a stampare il PDF .*PUPPETEER_EXECUTABLE_PATH/],
    [
      'is missing',
      '/nessun/chromium',
      /^Nessun browser Chromium trovato\..*PUPPETEER_EXECUTABLE_PATH\. Percorsi provati: \/nessun\/chromium\./,
    ],
  ])('a receipt whose Chromium %s exits 3 naming it, and the receipts already there stay as they were', async (_case, program, message) => {
    const dir = await project(`chromium-${path.basename(program)}`);
    const out = await marked(path.join(work, `ricevute-${path.basename(program)}`), 'receipt', {
      'ricevuta-acli-2024.html': 'di ieri',
      'ricevuta-acli-2024.pdf': '%PDF di ieri',
    });
    const before = await hashTree(out);
    const result = await bilancio(['receipt', 'contributi/acli/2024', '--progetto', dir, '--out', out], work, {
      ...process.env,
      PUPPETEER_EXECUTABLE_PATH: program,
    });
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/Errore interno/);
    expect(await hashTree(out)).toEqual(before);
    expect((await readdir(work)).filter((e) => e.startsWith(`.ricevute-${path.basename(program)}`))).toEqual([]);
  });
});

describe('a folder locked by another command', () => {
  it('exits 3 after waiting, naming the lock file, in Italian and English', async () => {
    const dir = await project('bloccata');
    const out = path.join(work, 'bloccata-out');
    // A lock held by a live process: this test's own.
    await writeFile(path.join(work, '.bloccata-out.lock'), String(process.pid));
    const env = { ...process.env, BILANCIO_LOCK_TIMEOUT_MS: '300' };
    const italian = await bilancio(['compute', dir, '--out', out], work, env);
    expect(italian.code, italian.stderr).toBe(3);
    expect(italian.stderr).toMatch(/è bloccata da un altro comando bilancio in corso \(.*\.bloccata-out\.lock\)/);
    const en = await bilancio(['compute', dir, '--out', out, '--lang', 'en'], work, env);
    expect(en.code, en.stderr).toBe(3);
    expect(en.stderr).toMatch(/is locked by another bilancio command in progress/);
    await rm(path.join(work, '.bloccata-out.lock'));
  });
});
