import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Lang, Problem } from '../types.js';
import { t } from '../i18n.js';

// Path safety: a project may only make bilancio read inside itself. Symbolic links that lead out of the
// project (dati/2024/popolazione.csv → /etc/passwd, a whole dati/ elsewhere) and manifest entries that
// are not plain file names (../../etc/passwd) are refused as source-errors naming the file.

/** The parts of a project folder that bilancio reads: the config and the input folders. */
export const INPUT_AREAS: readonly string[] = ['bilancio.config.json', 'territorio', 'catalogo', 'dati', 'contributi', 'templates'];

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

function linkProblem(file: string, dangling: boolean, lang: Lang): Problem {
  return {
    code: 'source-error',
    severity: 'error',
    file,
    message: dangling
      ? t(lang, {
          it: '{file} è un collegamento simbolico che non porta a nessun file: sostituirlo con il file vero.',
          en: '{file} is a symbolic link that leads nowhere: replace it with the real file.',
        }, { file })
      : t(lang, {
          it: '{file} è un collegamento simbolico che porta fuori dalla cartella del progetto: bilancio legge solo file che stanno nel progetto. Copiare il file nel progetto al posto del collegamento.',
          en: '{file} is a symbolic link that leads outside the project folder: bilancio only reads files inside the project. Copy the file into the project in place of the link.',
        }, { file }),
  };
}

/** Walks the input areas of a project and refuses every symbolic link that leads out of it. */
export async function guardProjectPaths(root: string, lang: Lang): Promise<PathGuard> {
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
        problems.push(linkProblem(toDisplay(root, abs), target === null, lang));
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

/** A source-error when a manifest lists names that are not plain file names of its own folder. */
export function manifestNamesProblem(file: string, manifest: unknown, lang: Lang): Problem | null {
  const listed = (manifest as { file?: unknown } | null)?.file;
  if (!Array.isArray(listed)) return null;
  const bad = listed.filter((name): name is string =>
    typeof name === 'string' && (/[\\/]/.test(name) || name === '.' || name === '..' || name.includes('\0')));
  if (bad.length === 0) return null;
  return {
    code: 'source-error',
    severity: 'error',
    file,
    field: 'file',
    value: bad.join(', '),
    expected: 'erogazioni_ente.csv',
    message: t(lang, {
      it: 'Il manifest elenca {names}: non sono nomi di file della cartella del contributo. Indicare solo il nome di ciascun file, senza cartelle (es. "erogazioni_ente.csv"); bilancio non legge file fuori dalla cartella.',
      en: 'The manifest lists {names}: these are not names of files in the contribution folder. Give only each file\'s name, without folders (e.g. "erogazioni_ente.csv"); bilancio reads no file outside the folder.',
    }, { names: bad.map((n) => `"${n}"`).join(', ') }),
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

/** Files that mark a folder as a previous bilancio output, safe to replace. */
// What bilancio's own commands write (build, compute, submissions): a folder holding one of them is ours.
const OUTPUT_MARKERS = ['manifest.json', 'report.html', 'indicatori.csv', 'indicatori.json', 'contributi.json', 'validazione.json'];

/** Why `out` may not be replaced by a build of `root` (it holds the project or its inputs, or others' files), or null. */
export async function outputFolderRefusal(root: string, out: string, lang: Lang): Promise<string | null> {
  const rootReal = await realpath(root);
  const outReal = await realpathOfMaybeMissing(path.resolve(out));
  if (isInside(outReal, rootReal)) {
    return t(lang, {
      it: 'La cartella dei risultati "{out}" contiene il progetto: sostituirla cancellerebbe i dati. Scegliere un\'altra cartella (per esempio "out").',
      en: 'The output folder "{out}" contains the project: replacing it would delete the data. Choose another folder (e.g. "out").',
    }, { out });
  }
  for (const area of INPUT_AREAS) {
    if (!isInside(await realpathOfMaybeMissing(path.join(rootReal, area)), outReal)) continue;
    return t(lang, {
      it: 'La cartella dei risultati "{out}" è dentro i file di ingresso del progetto ({area}): la build li sostituirebbe. Scegliere una cartella fuori da {areas}.',
      en: 'The output folder "{out}" is inside the project\'s input files ({area}): the build would replace them. Choose a folder outside {areas}.',
    }, { out, area, areas: INPUT_AREAS.join(', ') });
  }
  const info = await stat(outReal).catch(() => null);
  if (!info) return null;
  if (!info.isDirectory()) {
    return t(lang, {
      it: '"{out}" esiste e non è una cartella: scegliere un altro nome per i risultati.',
      en: '"{out}" exists and is not a folder: choose another name for the outputs.',
    }, { out });
  }
  const entries = await readdir(outReal);
  if (entries.length === 0 || entries.some((e) => OUTPUT_MARKERS.includes(e))) return null;
  return t(lang, {
    it: 'La cartella "{out}" non è vuota e non contiene risultati di bilancio: la build la sostituirebbe per intero. Scegliere una cartella nuova, vuota o con un report precedente.',
    en: 'The folder "{out}" is not empty and holds no bilancio outputs: the build would replace all of it. Choose a new or empty folder, or one with a previous report.',
  }, { out });
}
