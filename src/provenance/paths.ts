import { lstat, readFile, readdir, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Lang, Problem } from '../types.js';
import { phrase, say, t, type Phrase } from '../i18n.js';

// Path safety: a project may only make bilancio read inside itself. Symbolic links that lead out of the
// project (dati/2024/popolazione.csv → /etc/passwd, a whole dati/ elsewhere) and manifest entries that
// are not plain file names (../../etc/passwd) are refused as source-errors naming the file.

/** The parts of a project folder that bilancio reads: the config and the input folders. */
export const INPUT_AREAS: readonly string[] = [
  'bilancio.config.json',
  'territorio',
  'catalogo',
  'dati',
  'contributi',
  'templates',
  'testi',
];

/** What the walk of a project's input areas found. */
export interface PathGuard {
  /** One source-error per symbolic link that leads outside the project or nowhere. */
  problems: Problem[];
  /** True when a path is a refused link or lies below one: it must not be read. */
  refuses(abs: string): boolean;
  /** Every regular file of the input areas (links inside the project included), absolute, sorted. */
  files: string[];
}

const toDisplay = (root: string, abs: string) => path.relative(root, abs).split(path.sep).join('/');
const isInside = (parent: string, child: string) => child === parent || child.startsWith(parent + path.sep);

function linkProblem(file: string, dangling: boolean): Problem {
  return { code: 'source-error', severity: 'error', file, message: linkRefusalMessage(file, dangling) };
}

/** Why a symbolic link of the project is not read: it leads outside the project, or nowhere. */
export function linkRefusalMessage(file: string, dangling: boolean): Phrase {
  return dangling
    ? phrase(
        {
          it: '{file} è un collegamento simbolico che non porta a nessun file: sostituirlo con il file vero.',
          en: '{file} is a symbolic link that leads nowhere: replace it with the real file.',
        },
        { file },
      )
    : phrase(
        {
          it: '{file} è un collegamento simbolico che porta fuori dalla cartella del progetto: bilancio legge solo file che stanno nel progetto. Copiare il file nel progetto al posto del collegamento.',
          en: '{file} is a symbolic link that leads outside the project folder: bilancio only reads files inside the project. Copy the file into the project in place of the link.',
        },
        { file },
      );
}

/** Walks the input areas of a project and refuses every symbolic link that leads out of it. */
export async function guardProjectPaths(root: string): Promise<PathGuard> {
  const rootReal = await realpath(root);
  const problems: Problem[] = [];
  const refused = new Set<string>();
  const files: string[] = [];
  const visit = async (abs: string): Promise<void> => {
    const info = await lstat(abs).catch(() => null);
    if (!info) return;
    if (info.isSymbolicLink()) {
      const target = await realpath(abs).catch(() => null);
      if (target === null || !isInside(rootReal, target)) {
        refused.add(abs);
        problems.push(linkProblem(toDisplay(root, abs), target === null));
        return;
      }
      // A link inside the project: its target is walked where it lies; a file is listed here too.
      if ((await stat(abs)).isFile()) files.push(abs);
      return;
    }
    if (info.isFile()) files.push(abs);
    if (!info.isDirectory()) return;
    for (const name of (await readdir(abs)).sort()) {
      // Hidden files (.DS_Store, editor backups) are nobody's input.
      if (!name.startsWith('.')) await visit(path.join(abs, name));
    }
  };
  for (const area of INPUT_AREAS) await visit(path.join(root, area));
  return {
    problems,
    files: files.sort(),
    refuses(abs) {
      for (let p = path.resolve(abs); isInside(root, p); p = path.dirname(p)) {
        if (refused.has(p)) return true;
        if (p === root) break;
      }
      return false;
    },
  };
}

/** A project file that must not be read: a link (or a file below a linked folder) that leads out of the project or nowhere. */
export class SourceRefusedError extends Error {
  readonly code = 'source-refused';

  /** `file` as the user sees it, relative to the project. */
  constructor(
    readonly file: string,
    readonly dangling: boolean,
  ) {
    super(say('it', linkRefusalMessage(file, dangling)));
    this.name = 'SourceRefusedError';
  }
}

/**
 * Checks one file a reader is about to open below the project `root` (a template, a map, a stored
 * catalogue): null when its real path lies inside the project, else the refusal to throw or report.
 */
export async function projectFileRefusal(root: string, abs: string): Promise<SourceRefusedError | null> {
  const rootReal = await realpath(root).catch(() => path.resolve(root));
  const real = await realpath(abs).catch(() => null);
  if (real !== null && isInside(rootReal, real)) return null;
  return new SourceRefusedError(toDisplay(root, abs), real === null);
}

/** A source-error when a manifest lists names that are not plain file names of its own folder. */
export function manifestNamesProblem(file: string, manifest: unknown): Problem | null {
  const listed = (manifest as { file?: unknown } | null)?.file;
  if (!Array.isArray(listed)) return null;
  const bad = listed.filter(
    (name): name is string => typeof name === 'string' && (/[\\/]/.test(name) || name === '.' || name === '..' || name.includes('\0')),
  );
  if (bad.length === 0) return null;
  return {
    code: 'source-error',
    severity: 'error',
    file,
    field: 'file',
    value: bad.join(', '),
    expected: 'erogazioni_ente.csv',
    message: phrase(
      {
        it: 'Il manifest elenca {names}: non sono nomi di file della cartella del contributo. Indicare solo il nome di ciascun file, senza cartelle (es. "erogazioni_ente.csv"); bilancio non legge file fuori dalla cartella.',
        en: 'The manifest lists {names}: these are not names of files in the contribution folder. Give only each file\'s name, without folders (e.g. "erogazioni_ente.csv"); bilancio reads no file outside the folder.',
      },
      { names: bad.map((n) => `"${n}"`).join(', ') },
    ),
  };
}

/** The real path of a path that may not exist yet: its nearest existing ancestor resolved, plus the rest. */
async function realpathOfMaybeMissing(abs: string): Promise<string> {
  const rest: string[] = [];
  for (let p = abs; ; p = path.dirname(p)) {
    const real = await realpath(p).catch(() => null);
    if (real !== null) return path.join(real, ...rest.reverse());
    if (path.dirname(p) === p) return abs;
    rest.push(path.basename(p));
  }
}

// bilancio's own mark. Every command that writes puts this file into its output folder, and a folder
// is replaced (or added to) only when it carries the mark of the same command: never because it holds
// names that look like ours (manifest.json, report.html), which anyone's folder may hold.

/** The file that marks a folder as written by bilancio, and by which command. */
export const OUTPUT_MARK = '.bilancio-output.json';

/** The commands that write an output folder; a folder is only ever rewritten by the command that made it. */
export type OutputCommand = 'build' | 'compute' | 'submissions' | 'receipt' | 'templates';

/**
 * How each command writes: `replace` puts a whole new folder in the place of the old one; `add` puts
 * its files into the folder beside those already there (a receipt per partner, a template per dataset).
 */
export const OUTPUT_MODE: Record<OutputCommand, 'replace' | 'add'> = {
  build: 'replace',
  compute: 'replace',
  submissions: 'replace',
  receipt: 'add',
  templates: 'add',
};

/** What the mark holds: the tool's signature, the command that wrote the folder and the names it wrote there. */
export interface OutputMark {
  tool: 'bilancio';
  command: OutputCommand;
  version: string;
  /** The entries of the folder that bilancio wrote: anything else in it is someone else's. */
  files: string[];
}

/** The text of the mark a command writes into its output folder. */
export function outputMarkText(command: OutputCommand, version: string, files: string[] = []): string {
  const mark: OutputMark = { tool: 'bilancio', command, version, files: [...new Set(files)].sort() };
  return `${JSON.stringify(mark, null, 1)}\n`;
}

/** The mark of a folder, or null when it has none (a link named like the mark is no mark). */
export async function readOutputMark(dir: string): Promise<OutputMark | null> {
  const file = path.join(dir, OUTPUT_MARK);
  if (
    !(await lstat(file).then(
      (s) => s.isFile(),
      () => false,
    ))
  )
    return null;
  try {
    const mark = JSON.parse(await readFile(file, 'utf8')) as Partial<OutputMark> | null;
    if (mark?.tool !== 'bilancio' || typeof mark.command !== 'string') return null;
    return { ...(mark as OutputMark), files: Array.isArray(mark.files) ? mark.files.filter((f) => typeof f === 'string') : [] };
  } catch {
    return null;
  }
}

/** What the default output folder of each command is called, for the messages. */
export const DEFAULT_OUT: Record<OutputCommand, string> = {
  build: 'out',
  compute: 'dati-aperti',
  submissions: 'griglia-contributi',
  receipt: 'ricevute',
  templates: 'modelli',
};

// Names that earlier versions of bilancio wrote without a mark: said in the message, never trusted.
const EARLIER_OUTPUTS = ['manifest.json', 'report.html', 'indicatori.csv', 'indicatori.json', 'contributi.json', 'validazione.json'];

/** Why `command` may not write into the existing folder `out` (not ours, or another command's), or null. */
export async function markRefusal(out: string, command: OutputCommand, lang: Lang): Promise<string | null> {
  const outReal = await realpathOfMaybeMissing(path.resolve(out));
  const info = await stat(outReal).catch(() => null);
  if (!info) return null;
  if (!info.isDirectory()) {
    return t(
      lang,
      {
        it: '"{out}" esiste e non è una cartella: scegliere un altro nome per i risultati con --out.',
        en: '"{out}" exists and is not a folder: choose another name for the outputs with --out.',
      },
      { out },
    );
  }
  const entries = await readdir(outReal);
  if (entries.length === 0) return null;
  const mark = await readOutputMark(outReal);
  const params = { out, mark: OUTPUT_MARK, command, other: mark?.command ?? '', fallback: DEFAULT_OUT[command] };
  if (mark?.command === command) {
    // Replacing the folder would delete what someone put into it after us (a note, a thesis, a receipt).
    const foreign = entries.filter((e) => e !== OUTPUT_MARK && !mark.files.includes(e)).sort();
    if (OUTPUT_MODE[command] === 'add' || foreign.length === 0) return null;
    return t(
      lang,
      {
        it: 'La cartella "{out}" contiene file che bilancio non ha scritto ({foreign}): sostituirla li cancellerebbe. Spostarli altrove, oppure scegliere un\'altra cartella con --out.',
        en: 'The folder "{out}" holds files that bilancio did not write ({foreign}): replacing it would delete them. Move them elsewhere, or choose another folder with --out.',
      },
      { ...params, foreign: foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? ', …' : '') },
    );
  }
  if (mark) {
    return t(
      lang,
      {
        it: 'La cartella "{out}" contiene i risultati di `bilancio {other}`: `bilancio {command}` non li sostituisce (la prossima {other} cancellerebbe i suoi file, o i suoi cancellerebbero quelli). Scegliere un\'altra cartella con --out (per esempio "{fallback}").',
        en: 'The folder "{out}" holds the outputs of `bilancio {other}`: `bilancio {command}` does not replace them (the next {other} would delete its files, or its files would delete those). Choose another folder with --out (e.g. "{fallback}").',
      },
      params,
    );
  }
  if (entries.some((e) => EARLIER_OUTPUTS.includes(e))) {
    return t(
      lang,
      {
        it: 'La cartella "{out}" non porta il segno di bilancio ({mark}): forse contiene i risultati di una versione precedente, forse file di altri con nomi simili. bilancio non la tocca. Se sono risultati vecchi di bilancio, cancellare la cartella e rilanciare; altrimenti scegliere un\'altra cartella con --out.',
        en: 'The folder "{out}" does not carry bilancio\'s mark ({mark}): it may hold the outputs of an earlier version, or someone\'s files with similar names. bilancio leaves it alone. If these are old bilancio outputs, delete the folder and run again; otherwise choose another folder with --out.',
      },
      params,
    );
  }
  return t(
    lang,
    {
      it: 'La cartella "{out}" non è vuota e non contiene risultati di bilancio (manca {mark}): bilancio non scrive tra i file di altri. Scegliere una cartella nuova o vuota con --out (per esempio "{fallback}").',
      en: 'The folder "{out}" is not empty and holds no bilancio outputs ({mark} is missing): bilancio does not write among others\' files. Choose a new or empty folder with --out (e.g. "{fallback}").',
    },
    params,
  );
}

/**
 * Why `command` may not write into `out` for the project `root`, or null: never the project, its input
 * folders, the root of the disk or the home folder, and only a new, empty or own folder (see markRefusal).
 */
export async function outputFolderRefusal(root: string, out: string, command: OutputCommand, lang: Lang): Promise<string | null> {
  const rootReal = await realpath(root).catch(() => path.resolve(root));
  const outReal = await realpathOfMaybeMissing(path.resolve(out));
  const home = await realpath(homedir()).catch(() => homedir());
  if (outReal === path.parse(outReal).root || outReal === home) {
    return t(
      lang,
      {
        it: 'La cartella dei risultati "{out}" è {which}: bilancio non scrive lì. Scegliere una cartella apposta con --out (per esempio "{fallback}").',
        en: 'The output folder "{out}" is {which}: bilancio does not write there. Choose a folder of its own with --out (e.g. "{fallback}").',
      },
      {
        out,
        which:
          outReal === home
            ? t(lang, { it: 'la cartella personale', en: 'the home folder' })
            : t(lang, { it: 'la radice del disco', en: 'the root of the disk' }),
        fallback: DEFAULT_OUT[command],
      },
    );
  }
  if (isInside(outReal, rootReal)) {
    return t(
      lang,
      {
        it: 'La cartella dei risultati "{out}" contiene il progetto: sostituirla cancellerebbe i dati. Scegliere un\'altra cartella (per esempio "{fallback}").',
        en: 'The output folder "{out}" contains the project: replacing it would delete the data. Choose another folder (e.g. "{fallback}").',
      },
      { out, fallback: DEFAULT_OUT[command] },
    );
  }
  for (const area of INPUT_AREAS) {
    if (!isInside(await realpathOfMaybeMissing(path.join(rootReal, area)), outReal)) continue;
    return t(
      lang,
      {
        it: 'La cartella dei risultati "{out}" è dentro i file di ingresso del progetto ({area}): bilancio li sostituirebbe. Scegliere una cartella fuori da {areas}.',
        en: 'The output folder "{out}" is inside the project\'s input files ({area}): bilancio would replace them. Choose a folder outside {areas}.',
      },
      { out, area, areas: INPUT_AREAS.join(', ') },
    );
  }
  return markRefusal(out, command, lang);
}
