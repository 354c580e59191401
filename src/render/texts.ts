import MarkdownIt from 'markdown-it';
import type { Lang } from '../types.js';
import type { TextFigure } from '../compute/text-figures.js';
import { figureKey } from '../validate/texts/text-types.js';
import { formatChange, formatNumber } from './format.js';
import { LABELS } from './labels.js';

// A project text (testi/*.md) as HTML: Markdown with raw HTML off (markup in a text is shown as text),
// live figures written from compute's results, images only from the project, embedded as data: URIs.

/** What a text's Markdown needs to be written: its figures, the project's images, its place. */
export interface TextRendering {
  lang: Lang;
  /** The figures of this text, by key (see figureKey). */
  figures: Map<string, TextFigure>;
  /** Project images by path relative to the project ('testi/immagini/logo.png'), as data: URIs. */
  images: Map<string, string>;
  /** The text file's folder, relative to the project: images are written relative to it. */
  dir: string;
  /** The level of the text's own title (2 or 3…): Markdown's `#` becomes the level below it. */
  titleLevel: number;
}

const ORDINAL_EN = (n: number) => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
};

/** A figure as the text prints it: it-IT numbers, a signed change, "3° su 33", n.d. when withheld. */
export function figureText(figure: TextFigure, lang: Lang): string {
  if (figure.soppresso) return LABELS.nd[lang];
  if (figure.valore === null) return '—';
  switch (figure.funzione) {
    case 'variazione':
      return formatChange(figure.valore, lang, figure.decimali);
    case 'posizione':
      return lang === 'it'
        ? `${figure.valore}° su ${formatNumber(figure.su ?? 0, lang)}`
        : `${ORDINAL_EN(figure.valore)} of ${formatNumber(figure.su ?? 0, lang)}`;
    default:
      return formatNumber(figure.valore, lang, figure.decimali);
  }
}

function normalize(file: string): string {
  const parts: string[] = [];
  for (const part of file.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0) parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** One markdown-it per text: its figures and images are the rendering's own. */
function markdownFor(rendering: TextRendering): MarkdownIt {
  // html: false — a <script> or <img src=http…> in a text is printed as the characters it is.
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.inline.ruler.before('text', 'cifra', (state, silent) => {
    if (!state.src.startsWith('{{', state.pos)) return false;
    const end = state.src.indexOf('}}', state.pos + 2);
    if (end < 0) return false;
    const figure = rendering.figures.get(figureKey(state.src.slice(state.pos + 2, end)));
    if (!figure) return false;
    if (!silent) {
      const token = state.push('cifra', 'span', 0);
      token.meta = figure;
    }
    state.pos = end + 2;
    return true;
  });
  md.renderer.rules.cifra = (tokens, index) => {
    const figure = tokens[index]!.meta as TextFigure;
    const classes = figure.soppresso ? 'cifra nd' : 'cifra';
    return `<span class="${classes}" data-indicatore="${md.utils.escapeHtml(figure.indicatore)}">${md.utils.escapeHtml(figureText(figure, rendering.lang))}</span>`;
  };
  // Images: a file of the project, embedded; anything else (checked away by validation) prints its words.
  md.renderer.rules.image = (tokens, index) => {
    const token = tokens[index]!;
    const src = token.attrGet('src') ?? '';
    const alt = token.children ? md.renderer.renderInlineAsText(token.children, md.options, {}) : token.content;
    let decoded = src;
    try {
      decoded = decodeURI(src);
    } catch {
      // kept as written
    }
    const data = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(src) ? undefined : rendering.images.get(normalize(`${rendering.dir}/${decoded}`));
    if (!data) return md.utils.escapeHtml(alt);
    return `<img src="${md.utils.escapeHtml(data)}" alt="${md.utils.escapeHtml(alt)}">`;
  };
  // The text's headings sit below its title: `#` is the level under it, never above h6.
  md.core.ruler.push('livelli', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'heading_open' && token.type !== 'heading_close') continue;
      const level = Math.min(6, Number(token.tag.slice(1)) + rendering.titleLevel);
      token.tag = `h${level}`;
    }
  });
  return md;
}

/** The HTML of a text's Markdown. Every character of the text is escaped; only our own tags are markup. */
export function renderTextHtml(markdown: string, rendering: TextRendering): string {
  return markdownFor(rendering).render(markdown);
}
