// The contracts of the analysts' texts (testi/*.md) once checked: what compute resolves and render prints.

/** Where a text goes in the report. */
export type TextPlace =
  { kind: 'apertura' } | { kind: 'inizio' | 'fine'; capitolo: string } | { kind: 'area'; codice: string } | { kind: 'appendice' };

/** What a live figure says: the value, its change on the year before, the count behind it, the area's rank. */
export type FigureFunction = 'valore' | 'variazione' | 'conteggio' | 'posizione';

export const FIGURE_FUNCTIONS: readonly FigureFunction[] = ['valore', 'variazione', 'conteggio', 'posizione'];

/** A live figure written in a text, `{{ valore anziani_soli_75 citta }}`, resolved to an indicator and an area. */
export interface FigureRef {
  /** The figure as written, normalized (see figureKey): how render finds it again in the Markdown. */
  key: string;
  funzione: FigureFunction;
  indicatore: string;
  livello: 'quartiere' | 'zona' | 'citta';
  /** The area's code: ASC code, codice_zona or `citta`. */
  codice: string;
  /** The year written, or null for the report's year. */
  anno: number | null;
  /** Where it is written: file, 1-based line and column of `{{`. */
  file: string;
  line: number;
  column: number;
}

/** The words of a text in one language. */
export interface TextBody {
  file: string;
  titolo: string;
  /** Markdown, front matter removed. */
  markdown: string;
  figures: FigureRef[];
}

/** A project text, checked: its place, its words in the project's language and its English twin if any. */
export interface ProjectText {
  name: string;
  posizione: TextPlace;
  /** Texts in the same place are printed by `ordine`, then by file name. */
  ordine: number;
  body: TextBody;
  /** From testi/en/<name>.md: the text for `--lang en`. */
  twin: TextBody | null;
}

/** The project texts that passed their checks, and the images they show (project files, as data: URIs). */
export interface CheckedTexts {
  texts: ProjectText[];
  images: Map<string, string>;
}

/** A figure's text normalized: words separated by one space, as validate and render both write it. */
export function figureKey(inner: string): string {
  return inner.trim().split(/\s+/).join(' ');
}
