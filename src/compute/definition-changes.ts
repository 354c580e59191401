import type { IndicatorDefinition } from './catalogue.js';

// Which indicators an earlier edition's catalogue (catalogo/indicatori.<anno>.json) computed differently,
// so that their values across years are read with care.

/** An indicator computed differently in two editions. */
export interface DefinitionChange {
  indicatore: string;
  nome: string;
  /** The name in English (the edge keeps the one of its reader's language). */
  nomeEn: string;
  /** The formula as `(numeratore) / (denominatore) × scala`. */
  prima: string;
  ora: string;
  /** The same two formulas in parts, for a reader's notation (render prints them). */
  parti: { prima: FormulaParts; ora: FormulaParts };
}

type FormulaParts = Pick<IndicatorDefinition, 'numeratore' | 'denominatore' | 'scala'>;
const partsOf = (d: FormulaParts): FormulaParts => ({ numeratore: d.numeratore, denominatore: d.denominatore, scala: d.scala });

/** The formula of a definition in one line. */
export function formulaOf(d: Pick<IndicatorDefinition, 'numeratore' | 'denominatore' | 'scala'>): string {
  return `(${d.numeratore}) / (${d.denominatore}) × ${d.scala}`;
}

/** Indicators present in both lists whose numerator, denominator or scale differ. */
export function compareDefinitions(before: IndicatorDefinition[], now: IndicatorDefinition[]): DefinitionChange[] {
  const old = new Map(before.map((d) => [d.id, d]));
  const normalize = (text: string) => text.replace(/\s+/g, '');
  return now.flatMap((d) => {
    const o = old.get(d.id);
    if (!o) return [];
    const same =
      normalize(o.numeratore) === normalize(d.numeratore) && normalize(o.denominatore) === normalize(d.denominatore) && o.scala === d.scala;
    return same
      ? []
      : [
          {
            indicatore: d.id,
            nome: d.nome,
            nomeEn: d.nomeEn,
            prima: formulaOf(o),
            ora: formulaOf(d),
            parti: { prima: partsOf(o), ora: partsOf(d) },
          },
        ];
  });
}

/** For each stored edition, the indicators the current catalogue computes differently. */
export function definitionChangesByEdition(
  stored: Map<number, IndicatorDefinition[]>,
  now: IndicatorDefinition[],
): Map<number, DefinitionChange[]> {
  return new Map([...stored].map(([anno, before]) => [anno, compareDefinitions(before, now)]));
}
