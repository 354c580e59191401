import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem, Servizio } from '../types.js';
import { phrase } from '../i18n.js';
import { loadIndicators, type IndicatorDefinition } from '../compute/catalogue.js';
import { loadSchemas } from '../schemas/load-schemas.js';
import { projectFileRefusal } from '../provenance/paths.js';

// Indicator definitions as they were in earlier editions: a project may keep a copy of the catalogue
// per year (catalogo/indicatori.<anno>.json); comparing it with the current one says which indicators
// are now computed differently (compute/definition-changes.ts compares them).

const STORED = /^indicatori\.(\d{4})\.json$/;

export interface StoredCatalogues {
  /** The definitions of each edition whose copy reads. */
  byEdition: Map<number, IndicatorDefinition[]>;
  /** Why a copy was left out (warnings: the current catalogue still stands). */
  problems: Problem[];
}

/** Reads every catalogo/indicatori.<anno>.json of a project; a copy that does not read is a warning and is left out. */
export async function readStoredCatalogues(root: string, servizi: Servizio[]): Promise<StoredCatalogues> {
  const dir = path.join(root, 'catalogo');
  const names = await readdir(dir).catch(() => [] as string[]);
  const byEdition = new Map<number, IndicatorDefinition[]>();
  const problems: Problem[] = [];
  const schemas = loadSchemas();
  for (const name of names.sort()) {
    const match = STORED.exec(name);
    if (!match) continue;
    const file = `catalogo/${name}`;
    // A link out of the project is not read (the path guard reports it with the other source-errors).
    if (await projectFileRefusal(root, path.join(dir, name))) continue;
    let raw: unknown;
    try {
      raw = JSON.parse((await readFile(path.join(dir, name), 'utf8')).replace(/^\uFEFF/, ''));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      problems.push({
        code: 'source-error',
        severity: 'warning',
        file,
        message: phrase(
          {
            it: 'La copia del catalogo dell’edizione {anno} non si legge come JSON ({detail}): il report non può dire quali indicatori sono cambiati da allora. Correggerla o toglierla.',
            en: 'The copy of the {anno} edition’s catalogue cannot be read as JSON ({detail}): the report cannot say which indicators changed since then. Fix it or remove it.',
          },
          { anno: match[1]!, detail },
        ),
      });
      continue;
    }
    const { definitions, problems: invalid } = loadIndicators(raw, schemas.indicatori!, servizi);
    problems.push(...invalid.map((p): Problem => ({ ...p, file, severity: 'warning' })));
    if (definitions.length > 0) byEdition.set(Number(match[1]), definitions);
  }
  return { byEdition, problems };
}
