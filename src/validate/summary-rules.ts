import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import type { Problem } from '../types.js';
import { phrase, type Bilingual } from '../i18n.js';
import { schemaProblems } from '../schemas/schema-error.js';

// The rules of the report's Sintesi and of each area's points of attention, as a project declares them
// (catalogo/sintesi.json) or as bilancio's defaults give them (predefiniti/sintesi.json). They are data,
// so that a comune can choose its key figures and how far a gap must be to be reported; compute applies
// them (src/compute/findings/).

export const SUMMARY_RULES_FILE = 'catalogo/sintesi.json';
export const DEFAULT_SUMMARY_RULES_FILE = fileURLToPath(new URL('../../predefiniti/sintesi.json', import.meta.url));

/** A key figure: an indicator, and what its numerator counts when the absolute number is to be printed. */
export interface KeyFigureRule {
  indicatore: string;
  /** What the numerator counts (posti nei nidi, volontari), in the project's words; null: no absolute number. */
  assoluto: Bilingual | null;
}

export type SummaryRule =
  | { tipo: 'sotto_obiettivo'; massimo: number }
  | { tipo: 'divario_tra_aree'; massimo: number; rapportoMinimo: number; sezioniEscluse: string[] }
  | { tipo: 'variazione'; massimo: number; variazioneMinimaPct: number; conteggioMinimo: number; sezioniEscluse: string[] }
  | { tipo: 'impegni_in_ritardo' };

/** How an area's page picks its points of attention. */
export interface AttentionRule {
  /** How far from the city's value is "far" (0.2: below 80% of it, or above 120% where lower is better). */
  tolleranza: number;
  massimo: number;
  sezioniEscluse: string[];
}

export interface SummaryRules {
  /** Where the rules were declared, for the method note and `explain`. */
  file: string;
  predefinite: boolean;
  cifreChiave: KeyFigureRule[];
  regole: SummaryRule[];
  attenzione: AttentionRule;
}

interface RulesSpec {
  cifre_chiave: { indicatore: string; assoluto?: { it: string; en?: string } }[];
  regole: (
    | { tipo: 'sotto_obiettivo'; massimo: number }
    | { tipo: 'divario_tra_aree'; massimo: number; rapporto_minimo: number; sezioni_escluse?: string[] }
    | { tipo: 'variazione'; massimo: number; variazione_minima_pct: number; conteggio_minimo?: number; sezioni_escluse?: string[] }
    | { tipo: 'impegni_in_ritardo' }
  )[];
  attenzione: { tolleranza: number; massimo: number; sezioni_escluse?: string[] };
}

/** bilancio's default rules (predefiniti/sintesi.json), for a project without catalogo/sintesi.json. */
export function defaultSummaryRules(): SummaryRules {
  return fromSpec(JSON.parse(readFileSync(DEFAULT_SUMMARY_RULES_FILE, 'utf8')) as RulesSpec, 'predefiniti/sintesi.json', true);
}

function fromSpec(spec: RulesSpec, file: string, predefinite: boolean): SummaryRules {
  return {
    file,
    predefinite,
    cifreChiave: spec.cifre_chiave.map((c) => ({
      indicatore: c.indicatore,
      assoluto: c.assoluto ? { it: c.assoluto.it, en: c.assoluto.en ?? c.assoluto.it } : null,
    })),
    regole: spec.regole.map((r): SummaryRule => {
      switch (r.tipo) {
        case 'sotto_obiettivo':
          return { tipo: r.tipo, massimo: r.massimo };
        case 'divario_tra_aree':
          return { tipo: r.tipo, massimo: r.massimo, rapportoMinimo: r.rapporto_minimo, sezioniEscluse: r.sezioni_escluse ?? [] };
        case 'variazione':
          return {
            tipo: r.tipo,
            massimo: r.massimo,
            variazioneMinimaPct: r.variazione_minima_pct,
            conteggioMinimo: r.conteggio_minimo ?? 0,
            sezioniEscluse: r.sezioni_escluse ?? [],
          };
        case 'impegni_in_ritardo':
          return { tipo: r.tipo };
      }
    }),
    attenzione: {
      tolleranza: spec.attenzione.tolleranza,
      massimo: spec.attenzione.massimo,
      sezioniEscluse: spec.attenzione.sezioni_escluse ?? [],
    },
  };
}

/**
 * Reads the rules of the Sintesi: the project's (`raw`, from catalogo/sintesi.json) or, when it has none,
 * bilancio's defaults. A key figure naming no indicator of the catalogue is a warning, and the figure is
 * left out; rules that do not match the schema are errors, and the defaults apply meanwhile.
 */
export function loadSummaryRules(
  raw: unknown,
  validate: ValidateFunction,
  indicators: ReadonlySet<string>,
): { rules: SummaryRules; problems: Problem[] } {
  if (raw === undefined) return { rules: defaultSummaryRules(), problems: [] };
  if (!validate(raw)) {
    const problems = schemaProblems(validate.errors ?? [], SUMMARY_RULES_FILE, 'sintesi', {
      it: 'Regole della sintesi non valide{where}: {detail}. Fino alla correzione valgono quelle predefinite.',
      en: 'Invalid rules of the summary{where}: {detail}. Until corrected, the default ones apply.',
    });
    return { rules: defaultSummaryRules(), problems };
  }
  const rules = fromSpec(raw as RulesSpec, SUMMARY_RULES_FILE, false);
  const problems: Problem[] = [];
  rules.cifreChiave = rules.cifreChiave.filter((c, i) => {
    if (indicators.has(c.indicatore)) return true;
    problems.push({
      code: 'foreign-key',
      severity: 'warning',
      file: SUMMARY_RULES_FILE,
      field: `cifre_chiave.${i}.indicatore`,
      value: c.indicatore,
      message: phrase(
        {
          it: 'La cifra chiave n. {n} nomina l\'indicatore "{id}", che non è nel catalogo degli indicatori: la Sintesi non la riporta. Scrivere l\'identificativo di un indicatore di catalogo/indicatori.json.',
          en: 'Key figure no. {n} names the indicator "{id}", which is not in the indicator catalogue: the summary leaves it out. Write the id of an indicator of catalogo/indicatori.json.',
        },
        { n: i + 1, id: c.indicatore },
      ),
    });
    return false;
  });
  return { rules, problems };
}
