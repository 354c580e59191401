import type { Territorio } from '../../types.js';
import type { SummaryRules, SummaryRule } from '../../validate/summary-rules.js';
import { isCountIndicator, type IndicatorDefinition } from '../catalogue.js';
import type { Equity } from '../equity.js';
import type { Commitment } from '../commitments.js';
import { roundHalfAwayFromZero } from '../rounding.js';
import { PublishedValues, better, percentChange, ref, shortfall, trendOf } from './published.js';
import type { Finding, KeyFigure, LateCommitment, Summary, Trendline } from './types.js';

// The Sintesi's findings: each rule of catalogo/sintesi.json applied to the published values of the
// report year, in the order the rules are declared. A rule that finds nothing gives no finding.

export interface SummaryInput {
  /** The published values, indexed once for every finding (computeIndicators builds it). */
  published: PublishedValues;
  definitions: IndicatorDefinition[];
  equity: Equity[];
  territorio: Territorio;
  anni: number[];
  anno: number;
  annoPrecedente: number | null;
  commitments: Commitment[];
}

function keyFigures(rules: SummaryRules, published: PublishedValues, input: SummaryInput): KeyFigure[] {
  const { anno, annoPrecedente } = input;
  return rules.cifreChiave.flatMap((rule): KeyFigure[] => {
    const now = published.city(rule.indicatore, anno);
    if (!now) return [];
    const before = annoPrecedente === null ? undefined : published.city(rule.indicatore, annoPrecedente);
    const assoluto = rule.assoluto ? now.numeratore : null;
    return [
      {
        id: `cifra.${rule.indicatore}`,
        indicatore: rule.indicatore,
        valore: now.valore,
        assoluto,
        nomeAssoluto: assoluto === null ? null : rule.assoluto,
        precedente: before?.valore ?? null,
        assolutoPrecedente: assoluto === null ? null : (before?.numeratore ?? null),
        variazione: before
          ? roundHalfAwayFromZero(now.valore - before.valore, published.definitions.get(rule.indicatore)?.decimali ?? 1)
          : null,
        riferimenti: [ref(now), ...(before ? [ref(before)] : [])],
      },
    ];
  });
}

/** Indicators with a target that some quartieri miss: the most missed first (by how many, then how far). */
function belowTarget(rule: { massimo: number }, published: PublishedValues, input: SummaryInput): Finding[] {
  const found = input.definitions.flatMap((def) => {
    const target = def.obiettivi[0];
    if (!target || def.polarita === 'neutro' || isCountIndicator(def)) return [];
    const areas = input.territorio.quartieri.flatMap((q) => published.get(def.id, 'quartiere', q.codice, input.anno) ?? []);
    const below = areas
      .filter((v) => better(def, target.valore, v.valore))
      .sort((a, b) => shortfall(def, b.valore, target.valore) - shortfall(def, a.valore, target.valore) || a.nome.localeCompare(b.nome));
    if (below.length === 0) return [];
    const city = published.city(def.id, input.anno);
    return [
      {
        id: `sotto_obiettivo.${def.id}`,
        tipo: 'sotto_obiettivo' as const,
        indicatore: def.id,
        obiettivo: target.valore,
        etichetta: target.etichetta,
        sotto: below.map((v) => ({ codice: v.codice, nome: v.nome, valore: v.valore })),
        aree: areas.length,
        citta: city?.valore ?? null,
        riferimenti: [...(city ? [ref(city)] : []), ...below.map(ref)],
        share: below.length / areas.length,
        depth: shortfall(def, below[0]!.valore, target.valore),
      },
    ];
  });
  return found
    .sort((a, b) => b.share - a.share || b.depth - a.depth || a.indicatore.localeCompare(b.indicatore))
    .slice(0, rule.massimo)
    .map(({ share: _share, depth: _depth, ...finding }) => finding);
}

/** The widest gaps between quartieri (highest / lowest); a service at zero somewhere is the widest of all. */
function gaps(rule: Extract<SummaryRule, { tipo: 'divario_tra_aree' }>, published: PublishedValues, input: SummaryInput): Finding[] {
  const found = input.equity.flatMap((e) => {
    const def = published.definitions.get(e.indicatore);
    // Counts differ between areas as their sizes do: a gap is a gap of rates.
    if (e.anno !== input.anno || !def || !e.min || !e.max || isCountIndicator(def) || rule.sezioniEscluse.includes(def.cantiere)) return [];
    if (e.max.valore <= 0) return [];
    const aZero = input.territorio.quartieri.filter((q) => published.get(def.id, 'quartiere', q.codice, input.anno)?.valore === 0).length;
    const rapporto = e.min.valore > 0 ? e.max.valore / e.min.valore : null;
    if (rapporto !== null && rapporto < rule.rapportoMinimo) return [];
    const min = published.get(def.id, 'quartiere', e.min.codice, input.anno)!;
    const max = published.get(def.id, 'quartiere', e.max.codice, input.anno)!;
    return [
      {
        id: `divario_tra_aree.${def.id}`,
        tipo: 'divario_tra_aree' as const,
        indicatore: def.id,
        min: e.min,
        max: e.max,
        rapporto,
        aZero,
        riferimenti: [ref(max), ref(min)],
      },
    ];
  });
  // Areas the service does not reach come first (most of them first), then the largest ratios.
  return found
    .sort((a, b) => b.aZero - a.aZero || (b.rapporto ?? Infinity) - (a.rapporto ?? Infinity) || a.indicatore.localeCompare(b.indicatore))
    .slice(0, rule.massimo);
}

/** The city's largest changes on the year compared, with the trend over every year when there are three or more. */
function changes(rule: Extract<SummaryRule, { tipo: 'variazione' }>, published: PublishedValues, input: SummaryInput): Finding[] {
  const { anno, annoPrecedente } = input;
  if (annoPrecedente === null) return [];
  const found = input.definitions.flatMap((def) => {
    if (rule.sezioniEscluse.includes(def.cantiere)) return [];
    const now = published.city(def.id, anno);
    const before = published.city(def.id, annoPrecedente);
    if (!now || !before) return [];
    const pct = percentChange(before.valore, now.valore);
    if (pct === null || Math.abs(pct) < rule.variazioneMinimaPct || now.valore === before.valore) return [];
    // A share of a few cases moves a lot by chance: the counts behind it must reach the declared minimum.
    if ([now, before].some((v) => v.numeratore !== null && v.numeratore < rule.conteggioMinimo)) return [];
    const serie = published.citySeries(
      def.id,
      input.anni.filter((a) => a <= anno),
    );
    return [
      {
        id: `variazione.${def.id}`,
        tipo: 'variazione' as const,
        indicatore: def.id,
        valore: now.valore,
        precedente: before.valore,
        annoPrecedente,
        variazione: roundHalfAwayFromZero(now.valore - before.valore, def.decimali),
        pct,
        serie,
        tendenza: trendOf(serie),
        riferimenti: serie.map((v) => ref({ indicatore: def.id, livello: 'citta', codice: 'citta', anno: v.anno })),
      },
    ];
  });
  return found.sort((a, b) => Math.abs(b.pct) - Math.abs(a.pct) || a.indicatore.localeCompare(b.indicatore)).slice(0, rule.massimo);
}

/** The commitments due by the end of the report year and not completed: those compute says are late (commitments.ts). */
export function lateCommitments(commitments: Commitment[], anno: number): { late: LateCommitment[]; due: number; al: string } {
  const al = `${anno}-12-31`;
  const due = commitments.filter((c) => c.scadenza !== null && c.scadenza <= al);
  const late = due
    .filter((c) => c.andamento === 'in_ritardo')
    .sort((a, b) => a.scadenza!.localeCompare(b.scadenza!) || a.codice.localeCompare(b.codice))
    .map((c) => ({
      codice: c.codice,
      cantiere: c.cantiere,
      descrizione: c.descrizione,
      descrizioneEn: c.descrizioneEn,
      scadenza: c.scadenza!,
      stato: c.stato,
      avanzamento: c.avanzamento,
    }));
  return { late, due: due.length, al };
}

/** Applies the declared rules to the report year's published values: the Sintesi, as data. */
export function computeSummary(rules: SummaryRules, input: SummaryInput): Summary {
  const { published } = input;
  const risultati = rules.regole.flatMap((rule): Finding[] => {
    switch (rule.tipo) {
      case 'sotto_obiettivo':
        return belowTarget(rule, published, input);
      case 'divario_tra_aree':
        return gaps(rule, published, input);
      case 'variazione':
        return changes(rule, published, input);
      case 'impegni_in_ritardo': {
        const { late, due, al } = lateCommitments(input.commitments, input.anno);
        return late.length === 0
          ? []
          : [{ id: 'impegni_in_ritardo', tipo: 'impegni_in_ritardo', al, impegni: late, dovuti: due, riferimenti: [] }];
      }
    }
  });
  return {
    regole: { file: rules.file, predefinite: rules.predefinite, tolleranza: rules.attenzione.tolleranza },
    anno: input.anno,
    annoPrecedente: input.annoPrecedente,
    cifre: keyFigures(rules, published, input),
    risultati,
  };
}

/** Every indicator's city values up to the report year, with their numerators, trend and change on the year compared. */
export function computeTrendlines(
  published: PublishedValues,
  definitions: IndicatorDefinition[],
  anni: number[],
  anno: number,
  annoPrecedente: number | null,
): Trendline[] {
  const years = anni.filter((a) => a <= anno);
  return definitions.map((def) => {
    const serie = published.citySeries(def.id, years);
    const assoluti = years.flatMap((a) => {
      const n = published.city(def.id, a)?.numeratore;
      return n === null || n === undefined ? [] : [{ anno: a, valore: n }];
    });
    const now = published.city(def.id, anno);
    const before = annoPrecedente === null ? undefined : published.city(def.id, annoPrecedente);
    const confronto =
      now && before && annoPrecedente !== null
        ? {
            anno: annoPrecedente,
            variazione: roundHalfAwayFromZero(now.valore - before.valore, def.decimali),
            variazioneAssoluta:
              now.numeratore !== null && before.numeratore !== null ? roundHalfAwayFromZero(now.numeratore - before.numeratore, 4) : null,
          }
        : null;
    return { indicatore: def.id, serie, assoluti, tendenza: trendOf(serie), confronto };
  });
}
