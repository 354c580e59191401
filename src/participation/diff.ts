import type { ValidatedProject } from '../types.js';
import type { IndicatorDefinition } from '../compute/catalogue.js';
import type { AreaValue } from '../compute/indicators.js';
import { roundHalfAwayFromZero } from '../compute/rounding.js';
import { compareDefinitions, type DefinitionChange } from '../compute/definition-changes.js';

// What changed between two years of a project: rows per dataset, files, who sent data, and the
// indicators (city and zone values, indicators of one year only, definitions that changed). Pure.

export interface DatasetChange {
  dataset: string;
  righeA: number;
  righeB: number;
  differenza: number;
}

export interface ValueChange {
  indicatore: string;
  nome: string;
  /** The name in English (the edge keeps the one of its reader's language). */
  nomeEn: string;
  livello: 'citta' | 'zona';
  codice: string;
  territorio: string;
  /** null when not computed; `soppresso` says when it is withheld. */
  valoreA: number | null;
  valoreB: number | null;
  soppressoA: boolean;
  soppressoB: boolean;
  /** A − B in the indicator's unit and decimals, when both are published. */
  variazione: number | null;
  unita: string;
  decimali: number;
}

export interface ProjectDiff {
  anno: number;
  confronto: number;
  dati: {
    datasets: DatasetChange[];
    /** Files present in year A and not in year B, by their place without the year (dati/x.csv, contributi/ente/x.csv). */
    fileAggiunti: string[];
    fileRimossi: string[];
    /** Organisations whose submission folder exists in each year. */
    inviatoA: string[];
    inviatoB: string[];
    nuovi: string[];
    nonPiu: string[];
  };
  indicatori: {
    valori: ValueChange[];
    soloA: string[];
    soloB: string[];
    definizioniCambiate: DefinitionChange[];
  };
}

export interface DiffInput {
  project: ValidatedProject;
  definitions: IndicatorDefinition[];
  values: AreaValue[];
  anno: number;
  confronto: number;
  /** Stored catalogues per edition year (catalogo/indicatori.<anno>.json). */
  stored: Map<number, IndicatorDefinition[]>;
}

function filesOf(project: ValidatedProject, anno: number): Set<string> {
  const keys = new Set<string>();
  for (const f of project.report.files) {
    if (!f.dataset) continue;
    const dati = new RegExp(`^dati/${anno}/(.+)$`).exec(f.path);
    const contributo = new RegExp(`^contributi/([^/]+)/${anno}/(.+)$`).exec(f.path);
    if (dati) keys.add(`dati/${dati[1]}`);
    if (contributo) keys.add(`contributi/${contributo[1]}/${contributo[2]}`);
  }
  return keys;
}

const published = (v: AreaValue | undefined) => !!v && (v.soppresso || v.valore !== null);

/** The differences between year `anno` (A) and year `confronto` (B). */
export function computeDiff(input: DiffInput): ProjectDiff {
  const { project, anno, confronto, values } = input;
  const a = project.dati.get(anno) ?? new Map();
  const b = project.dati.get(confronto) ?? new Map();
  const datasets = [...new Set([...a.keys(), ...b.keys()])].sort().map((dataset) => {
    const righeA = a.get(dataset)?.length ?? 0;
    const righeB = b.get(dataset)?.length ?? 0;
    return { dataset, righeA, righeB, differenza: righeA - righeB };
  });
  const fa = filesOf(project, anno);
  const fb = filesOf(project, confronto);
  const sent = (y: number) => [...new Set(project.contributi.filter((c) => c.anno === y).map((c) => c.ente))].sort();
  const inviatoA = sent(anno);
  const inviatoB = sent(confronto);

  const index = new Map(values.map((v) => [`${v.indicatore}|${v.livello}|${v.codice}|${v.anno}`, v]));
  const areas = [
    { livello: 'citta' as const, codice: 'citta', nome: '' },
    ...project.territorio.zone.map((z) => ({ livello: 'zona' as const, codice: z.codice, nome: z.nome })),
  ];
  const valori: ValueChange[] = [];
  const soloA: string[] = [];
  const soloB: string[] = [];
  for (const d of input.definitions) {
    const get = (livello: string, codice: string, y: number) => index.get(`${d.id}|${livello}|${codice}|${y}`);
    const inA = published(get('citta', 'citta', anno));
    const inB = published(get('citta', 'citta', confronto));
    if (inA && !inB) soloA.push(d.id);
    if (!inA && inB) soloB.push(d.id);
    if (!inA || !inB) continue;
    for (const area of areas) {
      const va = get(area.livello, area.codice, anno);
      const vb = get(area.livello, area.codice, confronto);
      const valoreA = va && !va.soppresso ? va.valore : null;
      const valoreB = vb && !vb.soppresso ? vb.valore : null;
      valori.push({
        indicatore: d.id,
        nome: d.nome,
        nomeEn: d.nomeEn,
        livello: area.livello,
        codice: area.codice,
        territorio: area.nome || (va?.nome ?? vb?.nome ?? area.codice),
        valoreA,
        valoreB,
        soppressoA: !!va?.soppresso,
        soppressoB: !!vb?.soppresso,
        variazione: valoreA !== null && valoreB !== null ? roundHalfAwayFromZero(valoreA - valoreB, d.decimali) : null,
        unita: d.unita,
        decimali: d.decimali,
      });
    }
  }
  const defsA = input.stored.get(anno) ?? input.definitions;
  const defsB = input.stored.get(confronto) ?? input.definitions;
  // An indicator the catalogue of one edition has and the other's has not is of one year only too.
  for (const d of defsA) if (!defsB.some((x) => x.id === d.id) && !soloA.includes(d.id)) soloA.push(d.id);
  for (const d of defsB) if (!defsA.some((x) => x.id === d.id) && !soloB.includes(d.id)) soloB.push(d.id);
  return {
    anno,
    confronto,
    dati: {
      datasets,
      fileAggiunti: [...fa].filter((f) => !fb.has(f)).sort(),
      fileRimossi: [...fb].filter((f) => !fa.has(f)).sort(),
      inviatoA,
      inviatoB,
      nuovi: inviatoA.filter((e) => !inviatoB.includes(e)),
      nonPiu: inviatoB.filter((e) => !inviatoA.includes(e)),
    },
    indicatori: { valori, soloA, soloB, definizioniCambiate: compareDefinitions(defsB, defsA) },
  };
}
