// dati/<anno>/risorse.csv and dati/<anno>/personale.csv: where the money of each service comes from,
// and the people who do the work. The money of a service in a year is exactly its spending in erogazioni
// (summed over quartieri and organisations), split by funding source; the shares are synthetic.

import { apportion, sum } from './apportion.js';
import { servizio, type CodiceServizio } from './catalogue.js';
import { ANNI, type Anno } from './istat.js';
import type { Random } from './prng.js';
import type { Erogazione } from './services.js';
import { toCsv } from './writers.js';

export const FONTI = ['comune', 'partner', 'fondazioni', 'fondi_nazionali', 'pnrr', 'altro'] as const;
export type Fonte = (typeof FONTI)[number];

/** Shares of a service's money by source (synthetic): the Comune's own services, the partners', the 100 leve. */
function quote(codice: CodiceServizio, anno: Anno): Partial<Record<Fonte, number>> {
  if (codice === 'NIDO') return anno >= 2022 ? { comune: 0.7, fondi_nazionali: 0.18, pnrr: 0.12 } : { comune: 0.78, fondi_nazionali: 0.22 };
  if (codice === 'SAD') return { comune: 0.72, fondi_nazionali: 0.28 };
  if (codice === 'RESIDENZIALE_DIS') return { comune: 0.6, fondi_nazionali: 0.4 };
  if (codice === 'LEVE_PROGETTI') return { fondazioni: 0.7, comune: 0.3 };
  return { comune: 0.4, partner: 0.22, fondazioni: 0.28, fondi_nazionali: 0.1 };
}

/** One row of risorse. */
export interface Risorsa {
  anno: Anno;
  servizio: CodiceServizio;
  fonte: Fonte;
  importo: number;
}

/** The money of every service and year, by source, summing in cents to the service's spending. */
export function risorse(righe: readonly Erogazione[], rng: Random): Risorsa[] {
  const out: Risorsa[] = [];
  const servizi = [...new Set(righe.map((r) => r.servizio))];
  for (const anno of ANNI)
    for (const codice of servizi) {
      const centesimi = Math.round(sum(righe.filter((r) => r.anno === anno && r.servizio === codice).map((r) => (r.spesa ?? 0) * 100)));
      if (centesimi === 0) continue;
      const fonti = FONTI.filter((f) => quote(codice, anno)[f] !== undefined);
      const parti = apportion(
        centesimi,
        fonti.map((f) => quote(codice, anno)[f]! * rng.noise(0.05)),
      );
      fonti.forEach((fonte, i) => out.push({ anno, servizio: codice, fonte, importo: parti[i]! / 100 }));
    }
  return out;
}

/** dati/<anno>/risorse.csv */
export function risorseCsv(anno: number, righe: readonly Risorsa[]): string {
  return toCsv(
    ['anno', 'codice_servizio', 'fonte', 'importo_euro'],
    righe.filter((r) => r.anno === anno).map((r) => [anno, r.servizio, r.fonte, r.importo.toFixed(2)]),
  );
}

// Hours a paid operator gives to the project's services in a year, on average (many work part time on them).
const ORE_PER_OPERATORE = 900;

/** dati/<anno>/personale.csv: operators and volunteers of every organisation delivering services, counted once. */
export function personaleCsv(anno: number, righe: readonly Erogazione[], rng: Random): string {
  const enti = [...new Set(righe.filter((r) => r.anno === anno).map((r) => r.ente))].sort();
  return toCsv(
    ['anno', 'codice_ente', 'operatori', 'volontari'],
    enti.map((ente) => {
      const proprie = righe.filter((r) => r.anno === anno && r.ente === ente);
      // Volunteers' hours are not the operators': services run by volunteers need few paid people.
      const volontariRighe = sum(proprie.map((r) => r.volontari ?? 0));
      const orePagate = sum(proprie.map((r) => r.ore ?? 0)) * (volontariRighe > 0 ? 0.5 : 1);
      const senzaOre = proprie.every((r) => r.ore === undefined);
      const operatori = Math.max(1, Math.round((senzaOre ? proprie.length / 4 : orePagate / ORE_PER_OPERATORE) * rng.noise(0.1)));
      // Some volunteers serve more than one quartiere: counted once, they are fewer than the rows' sum.
      const volontari = Math.round(volontariRighe * rng.between(0.75, 0.9));
      const tipo = servizio(proprie[0]!.servizio).ente === 'comune' ? '' : volontari;
      return [anno, ente, operatori, tipo];
    }),
  );
}
