import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { diskEffects } from '../../src/effects.js';
import { buildProject, type BuildOptions } from '../../src/pipeline.js';
import { findBrowser } from '../../src/render/browser.js';
import { bresciaProject } from '../helpers/paths.js';

// One build of a project into a temporary folder, shared by the tests of a file (builds are slow).

const run = promisify(execFile);

export const hasBrowser = 'path' in findBrowser();

/** A finished build: where its outputs are, and a way to clean up. */
export interface Built {
  work: string;
  out: string;
  remove(): Promise<void>;
}

/** Builds `project` (default the embedded Brescia) into a fresh temporary folder. */
export async function buildReport(options: Partial<BuildOptions> = {}, project = bresciaProject): Promise<Built> {
  const work = await mkdtemp(path.join(tmpdir(), 'bilancio-report-'));
  const out = path.join(work, 'out');
  const outcome = await buildProject({ project, out, ...options }, diskEffects());
  if (outcome.status !== 'built') throw new Error(`build of ${project} did not finish: ${outcome.status}`);
  return { work, out, remove: () => rm(work, { recursive: true, force: true }) };
}

/** A copy of the embedded Brescia project in a temporary folder, to change without touching the original. */
export async function copyOfBrescia(): Promise<{ dir: string; remove(): Promise<void> }> {
  const work = await mkdtemp(path.join(tmpdir(), 'bilancio-progetto-'));
  const dir = path.join(work, 'brescia');
  await cp(bresciaProject, dir, { recursive: true });
  return { dir, remove: () => rm(work, { recursive: true, force: true }) };
}

/** Runs a poppler tool (pdftotext, pdfinfo, pdffonts, pdftoppm) and returns its standard output. */
export async function poppler(tool: string, args: string[]): Promise<string> {
  const { stdout } = await run(tool, args, { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

/** The text of each page of a PDF, from one pdftotext run (pages end with a form feed). */
export async function pageTexts(pdf: string): Promise<string[]> {
  const text = await poppler('pdftotext', ['-layout', pdf, '-']);
  const pages = text.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

/** The titles of a PDF's outline (bookmarks), decoded from literal or UTF-16BE hex strings. */
export function outlineTitles(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const titles: string[] = [];
  for (const match of text.matchAll(/\/Title\s*(?:<FEFF([0-9A-Fa-f]*)>|\(((?:\\.|[^\\)])*)\))/g)) {
    if (match[1] !== undefined) titles.push(Buffer.from(match[1], 'hex').swap16().toString('utf16le'));
    else titles.push((match[2] ?? '').replace(/\\(.)/g, '$1'));
  }
  return titles;
}
