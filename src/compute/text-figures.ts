import type { Fonti } from '../types.js';
import type { FigureFunction, FigureRef, ProjectText } from '../validate/texts/text-types.js';
import type { AreaValue, Livello } from './indicators.js';
import type { IndicatorDefinition } from './catalogue.js';

// The live figures of the project texts, resolved from the published values: compute decides the number
// and whether it is withheld; render only writes it. A withheld value stays null, with its reason.

/** One figure of a text, as the report prints it and the open data lists it. */
export interface TextFigure {
  key: string;
  funzione: FigureFunction;
  indicatore: string;
  livello: Livello;
  codice: string;
  /** The area's name, as indicatori.csv gives it. */
  nome: string;
  anno: number;
  /** The number (value, change, count or rank), null when withheld or not available. */
  valore: number | null;
  /** Digits after the decimal mark to print (the indicator's, 0 for a count or a rank). */
  decimali: number;
  /** For a rank: how many areas of the same level have a published value (the rank is among them). */
  su: number | null;
  soppresso: boolean;
  motivo: string | null;
  /** The inputs of the value it comes from (see lineage.ts). */
  fonti: Fonti | null;
}

/** The figures of the texts, by file and by key: where each is written, and what it says. */
export interface TextFigures {
  /** Every figure written, in file order, with its place (the open data's testi_cifre.csv). */
  written: (TextFigure & { file: string; riga: number; colonna: number })[];
  /** By text file, then by figure key: what render prints. */
  byFile: Map<string, Map<string, TextFigure>>;
}

function rankOf(value: AreaValue, all: AreaValue[]): { rank: number; of: number } | null {
  if (value.valore === null || value.soppresso) return null;
  const peers = all.filter(
    (v) => v.indicatore === value.indicatore && v.anno === value.anno && v.livello === value.livello && !v.soppresso && v.valore !== null,
  );
  return { rank: 1 + peers.filter((v) => v.valore! > value.valore!).length, of: peers.length };
}

function resolve(
  ref: FigureRef,
  anno: number,
  values: Map<string, AreaValue>,
  all: AreaValue[],
  def: IndicatorDefinition | undefined,
): TextFigure {
  const value = values.get(`${ref.indicatore}|${ref.livello}|${ref.codice}|${anno}`);
  const base = {
    key: ref.key,
    funzione: ref.funzione,
    indicatore: ref.indicatore,
    livello: ref.livello,
    codice: ref.codice,
    nome: value?.nome ?? ref.codice,
    anno,
    su: null,
    soppresso: value?.soppresso ?? false,
    motivo: value?.motivo ?? null,
    fonti: value?.fonti ?? null,
  };
  if (!value || value.soppresso) return { ...base, valore: null, decimali: 0 };
  switch (ref.funzione) {
    case 'valore':
      return { ...base, valore: value.valore, decimali: def?.decimali ?? 1 };
    case 'variazione':
      return { ...base, valore: value.variazione, decimali: def?.decimali ?? 1 };
    case 'conteggio':
      return { ...base, valore: value.numeratore, decimali: 0 };
    case 'posizione': {
      const rank = rankOf(value, all);
      return { ...base, valore: rank?.rank ?? null, su: rank?.of ?? null, decimali: 0 };
    }
  }
}

/** Resolves every figure of the texts (and of their twins) in the report year, or the year written. */
export function computeTextFigures(
  texts: ProjectText[],
  values: AreaValue[],
  definitions: IndicatorDefinition[],
  anno: number,
): TextFigures {
  const index = new Map(values.map((v) => [`${v.indicatore}|${v.livello}|${v.codice}|${v.anno}`, v]));
  const defs = new Map(definitions.map((d) => [d.id, d]));
  const written: TextFigures['written'] = [];
  const byFile = new Map<string, Map<string, TextFigure>>();
  for (const body of texts.flatMap((t) => (t.twin ? [t.body, t.twin] : [t.body]))) {
    const figures = new Map<string, TextFigure>();
    byFile.set(body.file, figures);
    for (const ref of body.figures) {
      const figure = resolve(ref, ref.anno ?? anno, index, values, defs.get(ref.indicatore));
      figures.set(ref.key, figure);
      written.push({ ...figure, file: ref.file, riga: ref.line, colonna: ref.column });
    }
  }
  return { written, byFile };
}
