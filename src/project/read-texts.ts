import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../types.js';
import { linkRefusalMessage, projectFileRefusal } from '../provenance/paths.js';

// The analysts' texts: testi/*.md (in the project's language) and their English twins in testi/en/.
// Read as they are; their front matter and live figures are checked by validate/texts.ts.

/** The folder of a project's texts, and of their English twins. */
export const TEXTS_DIR = 'testi';
export const TWINS_DIR = 'en';

/** One Markdown file of testi/, as read. */
export interface TextSource {
  /** Path as the user sees it, relative to the project (`testi/lettera.md`). */
  file: string;
  /** The file name without `.md`: a text and its twin share it. */
  name: string;
  /** True for a file of testi/en/, the English twin of the text with the same name. */
  twin: boolean;
  source: string;
}

/** An image a text shows: a file of the project, embedded in the report as a data: URI. */
export interface TextImage {
  /** Path relative to the project, with '/' (`testi/immagini/logo.png`). */
  file: string;
  dataUri: string;
}

/** Everything read from testi/: the texts, the images they name, and what could not be read. */
export interface TextSources {
  texts: TextSource[];
  images: TextImage[];
  problems: Problem[];
}

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};
/** Larger images would make the one-file report heavy to open and print. */
export const MAX_IMAGE_BYTES = 2_000_000;

const isFolder = (dir: string) =>
  stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );

async function markdownFiles(dir: string): Promise<string[]> {
  if (!(await isFolder(dir))) return [];
  return (await readdir(dir)).filter((name) => name.endsWith('.md') && !name.startsWith('.')).sort();
}

/** The project-relative paths of the images a Markdown source names (`![alt](path)`), remote ones left out. */
export function imagePaths(source: string, fileDir: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?/g)) {
    const target = match[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue;
    found.push(path.posix.normalize(path.posix.join(fileDir, decodeURI(target))));
  }
  return found;
}

/** Reads testi/*.md and testi/en/*.md of a project, and the project images they show. */
export async function readTexts(root: string): Promise<TextSources> {
  const texts: TextSource[] = [];
  const problems: Problem[] = [];
  const refusalOf = async (abs: string, file: string): Promise<boolean> => {
    const refusal = await projectFileRefusal(root, abs);
    if (!refusal) return false;
    problems.push({
      code: 'source-error',
      severity: 'error',
      file,
      message: linkRefusalMessage(refusal.file, refusal.dangling),
    });
    return true;
  };
  for (const twin of [false, true]) {
    const dir = twin ? path.join(root, TEXTS_DIR, TWINS_DIR) : path.join(root, TEXTS_DIR);
    for (const name of await markdownFiles(dir)) {
      const abs = path.join(dir, name);
      const file = path.relative(root, abs).split(path.sep).join('/');
      if (await refusalOf(abs, file)) continue;
      texts.push({ file, name: name.slice(0, -3), twin, source: (await readFile(abs, 'utf8')).replace(/^\uFEFF/, '') });
    }
  }
  const images = new Map<string, TextImage>();
  for (const text of texts) {
    for (const file of imagePaths(text.source, path.posix.dirname(text.file))) {
      const type = IMAGE_TYPES[path.posix.extname(file).toLowerCase()];
      const abs = path.join(root, ...file.split('/'));
      // Outside the project, not an image we embed, or missing: validation says so, at the text's line.
      if (images.has(file) || !type || file.startsWith('..')) continue;
      const info = await stat(abs).catch(() => null);
      if (!info?.isFile() || info.size > MAX_IMAGE_BYTES || (await projectFileRefusal(root, abs))) continue;
      images.set(file, { file, dataUri: `data:${type};base64,${(await readFile(abs)).toString('base64')}` });
    }
  }
  return { texts, images: [...images.values()], problems };
}
