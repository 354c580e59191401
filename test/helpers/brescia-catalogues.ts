import iconv from 'iconv-lite';
import type { Lang, ValidatedProject } from '../../src/types.js';
import { readProject } from '../../src/project/read-project.js';
import { loadSchemas } from '../../src/schemas/load-schemas.js';
import { validateProject } from '../../src/validate/validate-project.js';
import { validateFiles } from '../../src/validate/validate-files.js';
import { parseTable } from '../../src/ingest/read-table.js';
import { bresciaProject } from './paths.js';
import { sayReport } from '../../src/problem-text.js';

let cached: ValidatedProject | undefined;

/** Brescia's territory and catalogues, validated once per test file. */
export async function bresciaCatalogues(): Promise<ValidatedProject> {
  if (!cached) {
    const sources = await readProject(bresciaProject);
    cached = validateProject({ ...sources, tables: sources.tables.filter((s) => s.anno === null), contributi: [] }, loadSchemas());
  }
  return cached;
}

/** Encodes text as a partner's file would be: Windows-1252, or UTF-8 with a BOM. */
export function encode(text: string, encoding: 'windows-1252' | 'utf-8-bom'): Uint8Array {
  return encoding === 'windows-1252'
    ? iconv.encode(text, 'win1252')
    : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** Validates one file's bytes as `dataset` against Brescia's catalogues. */
export async function validateBytes(bytes: Uint8Array, name: string, dataset: string, lang: Lang = 'it') {
  const table = parseTable(bytes, name);
  return sayReport(lang, validateFiles([{ dataset, table }], await bresciaCatalogues(), loadSchemas()));
}
