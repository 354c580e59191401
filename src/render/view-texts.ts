import type { Lang } from '../types.js';
import type { TextFigures } from '../compute/text-figures.js';
import type { CheckedTexts, ProjectText } from '../validate/texts/text-types.js';
import { renderTextHtml } from './texts.js';

// The project texts placed in the report: before everything (apertura), at the start or end of a
// chapter, on a quartiere's page, as appendices. Each in the report's language when it has a twin in it,
// else in the project's language, marked with lang= so that readers and screen readers know.

/** A text ready to print: its title, its HTML (our markdown-it's, every character escaped) and language. */
export interface TextView {
  id: string;
  titolo: string;
  /** Level of its title: 2 for a text of its own (apertura, appendice), 3 in a chapter, 4 on a quartiere page. */
  livello: number;
  html: string;
  /** The text's language where it is not the report's, else ''. */
  lang: string;
}

/** Every text by place; chapter and area slots are keyed by the chapter's id and the quartiere's code. */
export interface TextsView {
  apertura: TextView[];
  inizio: Record<string, TextView[]>;
  fine: Record<string, TextView[]>;
  area: Record<string, TextView[]>;
  appendice: TextView[];
}

export interface TextsInput {
  checked: CheckedTexts;
  figures: TextFigures;
  lang: Lang;
  /** The project's own language (config `lingua`). */
  textLang: Lang;
  /** The report id of each chapter a text may name (metodo → nota-metodologica, a cantiere's code → its chapter). */
  chapterIds: Map<string, string>;
}

/** No text: the slots every template looks up, empty. */
export function noTexts(): TextsView {
  return { apertura: [], inizio: {}, fine: {}, area: {}, appendice: [] };
}

function textView(text: ProjectText, input: TextsInput, livello: number): TextView {
  const translated = input.lang !== input.textLang && text.twin !== null;
  const body = translated ? text.twin! : text.body;
  const lang = translated || input.lang === input.textLang ? '' : input.textLang;
  const html = renderTextHtml(body.markdown, {
    lang: input.lang,
    figures: input.figures.byFile.get(body.file) ?? new Map(),
    images: input.checked.images,
    dir: body.file.slice(0, body.file.lastIndexOf('/')),
    titleLevel: livello,
  });
  return { id: `testo-${text.name.replace(/[^A-Za-z0-9_-]/g, '-')}`, titolo: body.titolo || text.body.titolo, livello, html, lang };
}

const add = (slots: Record<string, TextView[]>, key: string, view: TextView) => (slots[key] ??= []).push(view);

/** Places each text of the project in its slot of the report. */
export function textsView(input: TextsInput): TextsView {
  const view = noTexts();
  for (const text of input.checked.texts) {
    const place = text.posizione;
    if (place.kind === 'apertura') view.apertura.push(textView(text, input, 2));
    else if (place.kind === 'appendice') view.appendice.push(textView(text, input, 2));
    else if (place.kind === 'area') add(view.area, place.codice, textView(text, input, 4));
    else {
      const id = input.chapterIds.get(place.capitolo);
      // A chapter the report leaves out (a cantiere without data) takes its texts with it.
      if (id) add(view[place.kind], id, textView(text, input, 3));
    }
  }
  return view;
}
