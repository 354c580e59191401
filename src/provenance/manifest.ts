import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../types.js';
import { guardProjectPaths } from './paths.js';

// manifest.json: what a build was made from and what it made, so that anyone can check years later
// that a published report and its open data come from these files, with this tool and these options.
// It holds no absolute path and no clock time: two builds of the same inputs write the same manifest.

/** A file and its fingerprint. */
export interface FileDigest {
  /** Path relative to the project (inputs) or to the output folder (outputs), with `/`. */
  file: string;
  byte: number;
  sha256: string;
}

/** The options a build ran with, as recorded in the manifest. */
export interface ManifestOptions {
  lingua: Lang;
  ignora_errori: boolean;
  consenti_soglia_bassa: boolean;
  pdf: boolean;
  /** One booklet PDF per zona as well (--per-zona). */
  per_zona: boolean;
  /** The date written into the PDF (ISO 8601), or null. */
  data_pdf: string | null;
  source_date_epoch: string | null;
}

export interface BuildManifest {
  strumento: 'bilancio';
  versione: string;
  node: string;
  opzioni: ManifestOptions;
  ingressi: FileDigest[];
  uscite: FileDigest[];
}

/** The name of the manifest in the output folder; it lists every other output. */
export const MANIFEST_FILE = 'manifest.json';

/** The tool's version, from its package.json. */
export async function toolVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** Size and SHA-256 of one file. */
export async function digestFile(abs: string, display: string): Promise<FileDigest> {
  const bytes = await readFile(abs);
  return { file: display, byte: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}

const relative = (root: string, abs: string) => path.relative(root, abs).split(path.sep).join('/');

/** Every input file of a project (config and input folders, refused links left out), fingerprinted. */
export async function digestInputs(root: string): Promise<FileDigest[]> {
  const guard = await guardProjectPaths(root);
  const digests: FileDigest[] = [];
  for (const abs of guard.files) digests.push(await digestFile(abs, relative(root, abs)));
  return digests;
}

/** Fingerprints of the outputs as written (path relative to the output folder), sorted by path. */
export function digestOutputs(outputs: { file: string; data: string | Uint8Array }[]): FileDigest[] {
  return outputs
    .filter((o) => o.file !== MANIFEST_FILE)
    .map((o) => {
      const bytes = typeof o.data === 'string' ? Buffer.from(o.data, 'utf8') : o.data;
      return { file: o.file, byte: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * manifest.json for a build that read `inputs` (digestInputs of its project, which the build takes
 * while Chromium prints) and wrote `outputs`.
 */
export async function buildManifest(
  inputs: FileDigest[],
  outputs: { file: string; data: string | Uint8Array }[],
  opzioni: ManifestOptions,
): Promise<string> {
  const manifest: BuildManifest = {
    strumento: 'bilancio',
    versione: await toolVersion(),
    node: process.versions.node,
    opzioni,
    ingressi: inputs,
    uscite: digestOutputs(outputs),
  };
  return `${JSON.stringify(manifest, null, 1)}\n`;
}
