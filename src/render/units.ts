import type { Lang } from '../types.js';
import type { IndicatorDefinition } from '../compute/catalogue.js';

// The units the report prints after a figure, in its language. The catalogue writes them in Italian
// (`unita`: persone, anni, per 1.000…); the English edition takes the catalogue's `unita_en` when it
// gives one, else the usual units' English names here; any other unit is printed as the catalogue wrote it.

/** English names of the usual units of indicators and of services' counts. */
const UNITS_EN: Readonly<Record<string, string>> = {
  persone: 'people',
  anni: 'years',
  euro: 'euro',
  posti: 'places',
  utenti: 'users',
  ore: 'hours',
  interventi: 'interventions',
  bambini: 'children',
  domande: 'applications',
  nati: 'births',
  famiglie: 'households',
  residenti: 'residents',
  abitanti: 'inhabitants',
  'ore per 100': 'hours per 100',
  'ore per 1.000': 'hours per 1,000',
  'euro per abitante': 'euro per inhabitant',
};

/** A unit written the Italian way in the report's language: `per 1.000` is `per 1,000` in English. */
export function unitText(unita: string, lang: Lang, unitaEn: string | null = null): string {
  if (lang === 'it') return unita;
  if (unitaEn) return unitaEn;
  const known = UNITS_EN[unita.trim().toLocaleLowerCase('it')];
  if (known) return known;
  // Thousands in a unit (`per 1.000`, `per 10.000`) are grouped with a comma in English.
  return unita.replace(/\b(\d{1,3})((?:\.\d{3})+)\b/g, (_, head: string, groups: string) => `${head}${groups.replaceAll('.', ',')}`);
}

/** The unit of an indicator in the report's language. */
export function indicatorUnit(definition: Pick<IndicatorDefinition, 'unita' | 'unitaEn'>, lang: Lang): string {
  return unitText(definition.unita, lang, definition.unitaEn);
}

/**
 * The indicator as the report prints it in `lang`: its unit, and its targets' label and source, in that
 * language (the name stays in both: ViewContext.indicatorName chooses). The same definition in Italian.
 */
export function localizedDefinition(definition: IndicatorDefinition, lang: Lang): IndicatorDefinition {
  if (lang === 'it') return definition;
  return {
    ...definition,
    unita: indicatorUnit(definition, lang),
    obiettivi: definition.obiettivi.map((o) => ({ ...o, etichetta: o.etichettaEn ?? o.etichetta, fonte: o.fonteEn ?? o.fonte })),
  };
}
