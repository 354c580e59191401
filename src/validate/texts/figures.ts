import type { Problem, Territorio } from '../../types.js';
import { phrase, type Phrase } from '../../i18n.js';
import { FIGURE_FUNCTIONS, figureKey, type FigureFunction, type FigureRef } from './text-types.js';

// Live figures in a text: `{{ valore anziani_soli_75 citta }}`, `{{ variazione indice_vecchiaia 17029018 }}`,
// `{{ posizione copertura_nidi "Porta Venezia" 2023 }}`. Each is checked against the catalogue and the
// territory; an unknown name is an error at its line and column, like a wrong cell of a data file.

/** What a figure may name: the catalogue's indicators, the territory, the years with data. */
export interface FigureScope {
  indicatori: Set<string>;
  territorio: Territorio;
  anni: number[];
}

/** A `{{ … }}` found in Markdown, with its 1-based line and column in the file. */
interface Written {
  inner: string;
  line: number;
  column: number;
  /** Column of each word of `inner`, 1-based in the file's line. */
  words: { text: string; column: number }[];
}

/** Every `{{ … }}` of a body, placed in the file (the body starts at file line `bodyLine`). */
function writtenFigures(markdown: string, bodyLine: number): Written[] {
  const found: Written[] = [];
  markdown.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(/\{\{([^{}]*)\}\}/g)) {
      const start = match.index + 2;
      const words = [...match[1]!.matchAll(/"[^"]*"|\S+/g)].map((w) => ({ text: w[0], column: start + w.index + 1 }));
      found.push({ inner: match[1]!, line: bodyLine + index, column: match.index + 1, words });
    }
  });
  return found;
}

type Area = Pick<FigureRef, 'livello' | 'codice'>;

/** The area a figure names: `citta`, a zona or quartiere by code, or by name (in quotes when it has spaces). */
function findArea(word: string, territorio: Territorio): Area | null {
  const name = word.replace(/^"|"$/g, '').trim().toLocaleLowerCase('it');
  if (name === 'citta' || name === 'città') return { livello: 'citta', codice: 'citta' };
  const quartiere =
    territorio.quartieri.find((q) => q.codice.toLocaleLowerCase('it') === name) ??
    territorio.quartieri.find((q) => [q.nome, ...q.varianti].some((n) => n.toLocaleLowerCase('it') === name));
  if (quartiere) return { livello: 'quartiere', codice: quartiere.codice };
  const zona =
    territorio.zone.find((z) => z.codice.toLocaleLowerCase('it') === name) ??
    territorio.zone.find((z) => z.nome.toLocaleLowerCase('it') === name);
  return zona ? { livello: 'zona', codice: zona.codice } : null;
}

const SYNTAX: Phrase = phrase({
  it: 'Una cifra si scrive {{ funzione indicatore area }}, con un anno facoltativo in fondo: per esempio {{ valore anziani_soli_75 citta }}. Funzioni: valore, variazione, conteggio, posizione.',
  en: 'A figure is written {{ function indicator area }}, with an optional year at the end: for example {{ valore anziani_soli_75 citta }}. Functions: valore, variazione, conteggio, posizione.',
});

/** Checks the live figures of one body: the figures that resolve, and a problem for each that does not. */
export function checkFigures(
  file: string,
  markdown: string,
  bodyLine: number,
  scope: FigureScope,
): { figures: FigureRef[]; problems: Problem[] } {
  const figures: FigureRef[] = [];
  const problems: Problem[] = [];
  const problem = (code: Problem['code'], line: number, column: number, message: Phrase, value?: string): void => {
    problems.push({ code, severity: 'error', file, row: line, column, ...(value === undefined ? {} : { value }), message });
  };
  for (const written of writtenFigures(markdown, bodyLine)) {
    const [funzione, indicatore, area, anno, ...extra] = written.words;
    if (!funzione || !indicatore || !area || extra.length > 0) {
      problem(
        'constraint-error',
        written.line,
        written.column,
        phrase(
          {
            it: 'La cifra «{{{figura}}}» non si capisce. {sintassi}',
            en: 'The figure "{{{figura}}}" cannot be read. {sintassi}',
          },
          { figura: written.inner.trim(), sintassi: SYNTAX },
        ),
        written.inner.trim(),
      );
      continue;
    }
    if (!FIGURE_FUNCTIONS.includes(funzione.text as FigureFunction)) {
      problem(
        'constraint-error',
        written.line,
        funzione.column,
        phrase(
          {
            it: '«{nome}» non è una funzione delle cifre: si può scrivere valore, variazione, conteggio o posizione.',
            en: '"{nome}" is not a figure function: write valore, variazione, conteggio or posizione.',
          },
          { nome: funzione.text },
        ),
        funzione.text,
      );
      continue;
    }
    if (!scope.indicatori.has(indicatore.text)) {
      problem(
        'foreign-key',
        written.line,
        indicatore.column,
        phrase(
          {
            it: "L'indicatore «{nome}» non è nel catalogo (catalogo/indicatori.json): correggere il nome o aggiungere l'indicatore al catalogo.",
            en: 'The indicator "{nome}" is not in the catalogue (catalogo/indicatori.json): correct the name or add the indicator to the catalogue.',
          },
          { nome: indicatore.text },
        ),
        indicatore.text,
      );
      continue;
    }
    const found = findArea(area.text, scope.territorio);
    if (!found) {
      problem(
        'foreign-key',
        written.line,
        area.column,
        phrase(
          {
            it: "«{nome}» non è un'area del territorio (territorio/quartieri): scrivere citta, il codice o il nome di una zona o di un quartiere (tra virgolette se ha spazi).",
            en: '"{nome}" is not an area of the territory (territorio/quartieri): write citta, or the code or name of a zone or quartiere (in quotes when it has spaces).',
          },
          { nome: area.text },
        ),
        area.text,
      );
      continue;
    }
    const year = anno === undefined ? null : /^\d{4}$/.test(anno.text) ? Number(anno.text) : NaN;
    if (year !== null && !scope.anni.includes(year)) {
      problem(
        'foreign-key',
        written.line,
        anno!.column,
        phrase(
          {
            it: "Il progetto non ha dati per l'anno «{anno}»: gli anni con dati sono {anni}.",
            en: 'The project has no data for the year "{anno}": the years with data are {anni}.',
          },
          { anno: anno!.text, anni: scope.anni.join(', ') },
        ),
        anno!.text,
      );
      continue;
    }
    figures.push({
      key: figureKey(written.inner),
      funzione: funzione.text as FigureFunction,
      indicatore: indicatore.text,
      ...found,
      anno: year,
      file,
      line: written.line,
      column: written.column,
    });
  }
  return { figures, problems };
}
