import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang, Servizio } from '../types.js';
import { loadIndicators, type IndicatorDefinition } from '../compute/catalogue.js';
import { loadSchemas } from '../schemas/load-schemas.js';
import { projectFileRefusal } from '../provenance/paths.js';

// Indicator definitions as they were in earlier editions: a project may keep a copy of the catalogue
// per year (catalogo/indicatori.<anno>.json); comparing it with the current one says which indicators
// are now computed differently (compute/definition-changes.ts compares them).

const STORED = /^indicatori\.(\d{4})\.json$/;

/** Reads every catalogo/indicatori.<anno>.json of a project; unreadable copies are left out. */
export async function readStoredCatalogues(root: string, servizi: Servizio[], lang: Lang): Promise<Map<number, IndicatorDefinition[]>> {
  const dir = path.join(root, 'catalogo');
  const names = await readdir(dir).catch(() => [] as string[]);
  const stored = new Map<number, IndicatorDefinition[]>();
  const schemas = loadSchemas();
  for (const name of names.sort()) {
    const match = STORED.exec(name);
    if (!match) continue;
    // A link out of the project is not read (the path guard reports it with the other source-errors).
    if (await projectFileRefusal(root, path.join(dir, name))) continue;
    try {
      const raw = JSON.parse((await readFile(path.join(dir, name), 'utf8')).replace(/^\uFEFF/, '')) as unknown;
      const { definitions } = loadIndicators(raw, schemas.indicatori!, servizi, lang);
      if (definitions.length > 0) stored.set(Number(match[1]), definitions);
    } catch {
      // A stored copy that is not JSON cannot say what changed; the current catalogue still stands.
    }
  }
  return stored;
}
