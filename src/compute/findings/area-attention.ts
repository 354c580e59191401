import type { Territorio } from '../../types.js';
import type { AttentionRule } from '../../validate/summary-rules.js';
import { isCountIndicator, type IndicatorDefinition } from '../catalogue.js';
import { roundHalfAwayFromZero } from '../rounding.js';
import { PublishedValues, percentChange, rankAmong, ref, shortfall } from './published.js';
import type { AreaAttention, AttentionPoint, ServiceNotReaching, ZoneRank } from './types.js';

// Each quartiere's points of attention, by the declared rule (catalogo/sintesi.json, `attenzione`):
// services that reach no one there while they reach the city (all of them); then, the furthest first and
// at most as many as declared, indicators on the wrong side of their target and indicators further from
// the city's value than the tolerance, with the area's rank in its zona.
// And its largest change on the year compared. Published values only.

export interface AttentionInput {
  /** The published values, indexed once for every finding (computeIndicators builds it). */
  published: PublishedValues;
  definitions: IndicatorDefinition[];
  territorio: Territorio;
  anno: number;
  annoPrecedente: number | null;
}

interface Scored {
  point: AttentionPoint;
  /** How far it falls short of the target or the city, as a fraction of it: the furthest first. */
  distance: number;
}

function notReaching(published: PublishedValues, input: AttentionInput, codice: string): ServiceNotReaching[] {
  return input.definitions.flatMap((def): ServiceNotReaching[] => {
    const own = published.get(def.id, 'quartiere', codice, input.anno);
    const city = published.city(def.id, input.anno);
    if (!def.servizio || !own || !city || own.valore !== 0 || city.valore <= 0) return [];
    return [{ indicatore: def.id, servizio: def.servizio, citta: city.valore, riferimenti: [ref(own), ref(city)] }];
  });
}

function zoneRank(
  published: PublishedValues,
  def: IndicatorDefinition,
  territorio: Territorio,
  codice: string,
  anno: number,
): ZoneRank | null {
  const zona = territorio.zone.find((z) => z.quartieri.includes(codice));
  const own = published.get(def.id, 'quartiere', codice, anno);
  if (!zona || !own) return null;
  const group = zona.quartieri.flatMap((q) => published.get(def.id, 'quartiere', q, anno)?.valore ?? []);
  return group.length < 2 ? null : rankAmong(def, own.valore, group);
}

function pointsOf(rule: AttentionRule, published: PublishedValues, input: AttentionInput, codice: string): Scored[] {
  const { anno, territorio } = input;
  return input.definitions.flatMap((def): Scored[] => {
    // A count (places, births) of one area is not comparable with the whole's: rates only.
    if (def.polarita === 'neutro' || isCountIndicator(def) || rule.sezioniEscluse.includes(def.cantiere)) return [];
    const own = published.get(def.id, 'quartiere', codice, anno);
    const city = published.city(def.id, anno);
    if (!own || !city) return [];
    if (def.servizio && own.valore === 0 && city.valore > 0) return [];
    const refs = [ref(own), ref(city)];
    const target = def.obiettivi[0];
    if (target) {
      const gap = shortfall(def, own.valore, target.valore);
      if (gap > 0) {
        return [
          {
            point: {
              tipo: 'sotto_obiettivo',
              indicatore: def.id,
              valore: own.valore,
              obiettivo: target.valore,
              etichetta: target.etichetta,
              citta: city.valore,
              rango: zoneRank(published, def, territorio, codice, anno),
              riferimenti: refs,
            },
            distance: gap,
          },
        ];
      }
    }
    const gap = shortfall(def, own.valore, city.valore);
    if (gap <= rule.tolleranza) return [];
    return [
      {
        point: {
          tipo: 'lontano_da_intero',
          indicatore: def.id,
          valore: own.valore,
          citta: city.valore,
          rango: zoneRank(published, def, territorio, codice, anno),
          riferimenti: refs,
        },
        distance: gap,
      },
    ];
  });
}

/** The largest change of the area's published values on the year compared, as a share of the earlier value. */
function largestChange(
  rule: AttentionRule,
  published: PublishedValues,
  input: AttentionInput,
  codice: string,
): AreaAttention['variazione'] {
  const { anno, annoPrecedente } = input;
  if (annoPrecedente === null) return null;
  let best: AreaAttention['variazione'] = null;
  for (const def of input.definitions) {
    if (isCountIndicator(def) || rule.sezioniEscluse.includes(def.cantiere)) continue;
    const now = published.get(def.id, 'quartiere', codice, anno);
    const before = published.get(def.id, 'quartiere', codice, annoPrecedente);
    if (!now || !before || now.valore === before.valore) continue;
    const pct = percentChange(before.valore, now.valore);
    if (pct === null || (best && Math.abs(best.pct) >= Math.abs(pct))) continue;
    best = {
      indicatore: def.id,
      valore: now.valore,
      precedente: before.valore,
      variazione: roundHalfAwayFromZero(now.valore - before.valore, def.decimali),
      pct,
      riferimenti: [ref(now), ref(before)],
    };
  }
  return best;
}

/** Every quartiere's points of attention in the report year, in territory order. */
export function computeAttention(rule: AttentionRule, input: AttentionInput): AreaAttention[] {
  const { published } = input;
  return input.territorio.quartieri.map((q) => {
    const points = pointsOf(rule, published, input, q.codice).sort(
      (a, b) => b.distance - a.distance || a.point.indicatore.localeCompare(b.point.indicatore),
    );
    return {
      codice: q.codice,
      nonRaggiunto: notReaching(published, input, q.codice),
      punti: points.slice(0, rule.massimo).map((p) => p.point),
      altri: Math.max(0, points.length - rule.massimo),
      variazione: largestChange(rule, published, input, q.codice),
    };
  });
}
