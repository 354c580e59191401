import type { Lang } from '../types.js';
import type { IndicatorDefinition } from '../compute/catalogue.js';
import type { AreaValue, Livello } from '../compute/indicators.js';
import { formatChange, formatNumber } from './format.js';
import { LABELS } from './labels.js';

/** A figure ready to print: its text, and whether it is withheld (for the footnote mark). */
export interface Figure {
  text: string;
  soppresso: boolean;
  /** The number behind the text, for charts (null when withheld or not available). */
  value: number | null;
}

/** Finds published values by indicator, level, code and year, and formats them. */
export class ValueIndex {
  private readonly byKey = new Map<string, AreaValue>();
  private readonly defs: Map<string, IndicatorDefinition>;

  constructor(
    values: AreaValue[],
    definitions: IndicatorDefinition[],
    private readonly lang: Lang,
  ) {
    for (const value of values) this.byKey.set(ValueIndex.key(value.indicatore, value.livello, value.codice, value.anno), value);
    this.defs = new Map(definitions.map((d) => [d.id, d]));
  }

  private static key(indicatore: string, livello: Livello, codice: string, anno: number): string {
    return `${indicatore}|${livello}|${codice}|${anno}`;
  }

  /** The value of an indicator for an area and year, if computed. */
  get(indicatore: string, livello: Livello, codice: string, anno: number): AreaValue | undefined {
    return this.byKey.get(ValueIndex.key(indicatore, livello, codice, anno));
  }

  definition(id: string): IndicatorDefinition | undefined {
    return this.defs.get(id);
  }

  /** The printable figure: `n.d.` when withheld, `—` when not available. */
  figure(indicatore: string, livello: Livello, codice: string, anno: number): Figure {
    const value = this.get(indicatore, livello, codice, anno);
    if (!value) return { text: '—', soppresso: false, value: null };
    if (value.soppresso) return { text: LABELS.nd[this.lang], soppresso: true, value: null };
    if (value.valore === null) return { text: '—', soppresso: false, value: null };
    const decimals = this.defs.get(indicatore)?.decimali ?? 1;
    return { text: formatNumber(value.valore, this.lang, decimals), soppresso: false, value: value.valore };
  }

  /** A value of an indicator with its unit, as the report prints it in sentences: "33,4 per 100", "199.853 persone". */
  withUnit(indicatore: string, value: number): string {
    const def = this.defs.get(indicatore);
    const text = formatNumber(value, this.lang, def?.decimali ?? 1);
    return def?.unita ? `${text} ${def.unita}` : text;
  }

  /** The printable change from the previous year, or '' when there is none. */
  change(indicatore: string, livello: Livello, codice: string, anno: number): string {
    const value = this.get(indicatore, livello, codice, anno);
    if (!value || value.variazione === null) return '';
    return formatChange(value.variazione, this.lang, this.defs.get(indicatore)?.decimali ?? 1);
  }
}
