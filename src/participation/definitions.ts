import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang, Servizio } from '../types.js';
import { loadIndicators, type IndicatorDefinition } from '../compute/catalogue.js';
import { loadSchemas } from '../schemas/load-schemas.js';
import { projectFileRefusal } from '../provenance/paths.js';

// Indicator definitions as they were in earlier editions: a project may keep a copy of the catalogue
// per year (catalogo/indicatori.<anno>.json); comparing it with the current one says which indicators
// are now computed differently, so that their values across years are read with care.

/** An indicator computed differently in two editions. */
export interface DefinitionChange {
  indicatore: string;
  nome: string;
  /** The formula as `(numeratore) / (denominatore) × scala`. */
  prima: string;
  ora: string;
}

const STORED = /^indicatori\.(\d{4})\.json$/;

/** The formula of a definition in one line. */
export function formulaOf(d: Pick<IndicatorDefinition, 'numeratore' | 'denominatore' | 'scala'>): string {
  return `(${d.numeratore}) / (${d.denominatore}) × ${d.scala}`;
}

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

/** Indicators present in both lists whose numerator, denominator or scale differ. */
export function compareDefinitions(before: IndicatorDefinition[], now: IndicatorDefinition[], lang: Lang): DefinitionChange[] {
  const old = new Map(before.map((d) => [d.id, d]));
  const normalize = (text: string) => text.replace(/\s+/g, '');
  return now.flatMap((d) => {
    const o = old.get(d.id);
    if (!o) return [];
    const same = normalize(o.numeratore) === normalize(d.numeratore) && normalize(o.denominatore) === normalize(d.denominatore) && o.scala === d.scala;
    return same ? [] : [{ indicatore: d.id, nome: lang === 'it' ? d.nome : d.nomeEn, prima: formulaOf(o), ora: formulaOf(d) }];
  });
}
