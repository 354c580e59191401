import type { Lang, Problem } from '../types.js';
import { t } from '../i18n.js';
import { sayProblem } from '../problem-text.js';
import type { PreviewBuild } from './session.js';

// The page the preview serves: the report as `build` writes it, with the problems on top where the
// analyst looks, and a tiny script (only here, never in a build) that reloads it after each rebuild.

/** Path of the server-sent events that say "rebuilt": the page reloads on each, or swaps the parts they carry. */
export const EVENTS_PATH = '/eventi';

/** The event that carries the changed parts of the report (see reportPatch). */
export const PARTS_EVENT = 'parti';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const WORDS = {
  errors: { it: 'Problemi da correggere ({n})', en: 'Problems to correct ({n})' },
  warnings: { it: 'Avvisi ({n})', en: 'Warnings ({n})' },
  more: { it: '… e altri {n}: tutti in `bilancio validate`.', en: '… and {n} more: all of them in `bilancio validate`.' },
  place: { it: 'riga {row}, colonna {column}', en: 'row {row}, column {column}' },
  row: { it: 'riga {row}', en: 'row {row}' },
  config: {
    it: 'Il report non si può costruire finché la configurazione (bilancio.config.json) ha errori.',
    en: 'The report cannot be built while the configuration (bilancio.config.json) has errors.',
  },
  leak: {
    it: 'Il report non si mostra: pubblicarlo rivelerebbe un dato protetto per riservatezza. `bilancio build` dice quale.',
    en: 'The report is not shown: publishing it would give away a figure protected for privacy. `bilancio build` says which.',
  },
  title: { it: 'Anteprima del bilancio', en: 'Report preview' },
};

/** How many problems of each kind the page lists; the terminal and `validate` have them all. */
const LISTED = 30;

function placeOf(problem: Problem, lang: Lang): string {
  if (problem.row === undefined) return problem.file;
  const where =
    problem.column === undefined
      ? t(lang, WORDS.row, { row: problem.row })
      : t(lang, WORDS.place, { row: problem.row, column: problem.column });
  return `${problem.file}, ${where}`;
}

function list(problems: Problem[], lang: Lang, heading: typeof WORDS.errors, kind: string): string {
  if (problems.length === 0) return '';
  // Warnings are folded: the report is built anyway, and the errors are what stops it.
  if (kind === 'avvisi')
    return `<details><summary>${escape(t(lang, heading, { n: problems.length }))}</summary>${items(problems, lang, kind)}</details>`;
  return `<h2>${escape(t(lang, heading, { n: problems.length }))}</h2>${items(problems, lang, kind)}`;
}

function items(problems: Problem[], lang: Lang, kind: string): string {
  const listed = problems
    .slice(0, LISTED)
    .map((p) => `<li><strong>${escape(placeOf(p, lang))}</strong>: ${escape(sayProblem(lang, p).message)}</li>`);
  if (problems.length > LISTED) listed.push(`<li>${escape(t(lang, WORDS.more, { n: problems.length - LISTED }))}</li>`);
  return `<ul class="${kind}">${listed.join('')}</ul>`;
}

/** The box of problems at the top of the preview ('' when there are none). */
export function problemsBox(build: Pick<PreviewBuild, 'problems' | 'blocked' | 'lang'>): string {
  const { lang } = build;
  const errors = build.problems.filter((p) => p.severity === 'error');
  const warnings = build.problems.filter((p) => p.severity === 'warning');
  const blocked = build.blocked ? `<p><strong>${escape(t(lang, WORDS[build.blocked]))}</strong></p>` : '';
  if (!blocked && errors.length === 0 && warnings.length === 0) return '';
  const style =
    'position:relative;z-index:10;margin:0;padding:0.75rem 1.25rem;background:#fff4e5;border-bottom:3px solid #b35900;font:15px/1.4 system-ui,sans-serif;color:#222';
  return `<aside id="${BOX_ID}" role="alert" style="${style}">${blocked}${list(errors, lang, WORDS.errors, 'errori')}${list(warnings, lang, WORDS.warnings, 'avvisi')}</aside>`;
}

/** The id of the problems box, a key of a texts patch like the texts' own ids. */
export const BOX_ID = 'anteprima-problemi';

// Reloads on each "rebuilt" event, keeping the reader where they were on the page; a "parti" event
// carries the new HTML of each part of the report that changed (and of the problems box) and swaps them
// in place, without reloading: the reader's place, and the time of laying out the whole report, are kept.
const RELOAD_SCRIPT = `<script id="anteprima-ricarica">(() => {
  const key = 'bilancio-anteprima-y';
  const y = sessionStorage.getItem(key);
  if (y !== null) { sessionStorage.removeItem(key); addEventListener('load', () => scrollTo(0, Number(y))); }
  const reload = () => { sessionStorage.setItem(key, String(scrollY)); location.reload(); };
  const events = new EventSource('${EVENTS_PATH}');
  events.onmessage = reload;
  events.addEventListener('${PARTS_EVENT}', (event) => {
    const parts = JSON.parse(event.data);
    if (Object.keys(parts).some((id) => id !== '${BOX_ID}' && !document.getElementById(id))) return reload();
    for (const [id, html] of Object.entries(parts)) {
      const old = document.getElementById(id);
      if (id === '${BOX_ID}') {
        if (old) old.remove();
        if (html) document.body.insertAdjacentHTML('afterbegin', html);
      } else old.outerHTML = html;
    }
  });
})();</script>`;

/** A part of the report (a <section> or an <article>), with where it starts and ends in the page's HTML and the parts inside it. */
interface Part {
  tag: string;
  id: string | null;
  start: number;
  end: number;
  children: Part[];
}

/**
 * The report's <section>s and <article>s (a quartiere's page) as a tree. The report's markup comes from
 * its templates, where they nest properly; a project's text cannot open one (markdown-it writes no raw
 * HTML). Null when they do not nest.
 */
function sectionTree(html: string): Part[] | null {
  const top: Part[] = [];
  const open: Part[] = [];
  for (const tag of html.matchAll(/<(section|article)\b[^>]*>|<\/(section|article)>/g)) {
    if (tag[2] !== undefined) {
      const closed = open.pop();
      if (closed?.tag !== tag[2]) return null;
      closed.end = tag.index + tag[0].length;
      continue;
    }
    const part: Part = { tag: tag[1]!, id: /\sid="([^"]+)"/.exec(tag[0])?.[1] ?? null, start: tag.index, end: -1, children: [] };
    (open[open.length - 1]?.children ?? top).push(part);
    open.push(part);
  }
  return open.length === 0 ? top : null;
}

/** The HTML from `start` to `end` with each child that has an id replaced by a mark of it: what is not in a part. */
function skeleton(html: string, start: number, end: number, children: Part[]): string {
  let out = '';
  let at = start;
  for (const child of children) {
    if (child.id === null) continue;
    out += `${html.slice(at, child.start)}<${child.tag} id="${child.id}">`;
    at = child.end;
  }
  return out + html.slice(at, end);
}

/**
 * The parts (sections with an id) of `after` that differ from `before`, each as its new HTML, as small
 * as they can be: a section whose own text is unchanged gives only its changed sections. Null when the
 * rest of the page differs (head, cover, index) or the sections were added, removed or moved: then the
 * page reloads.
 */
function changedParts(
  before: { html: string; start: number; end: number; children: Part[] },
  after: { html: string; start: number; end: number; children: Part[] },
): Record<string, string> | null {
  const ids = (parts: Part[]) => parts.flatMap((p) => (p.id === null ? [] : [`${p.tag}#${p.id}`])).join('\n');
  if (ids(before.children) !== ids(after.children)) return null;
  if (skeleton(before.html, before.start, before.end, before.children) !== skeleton(after.html, after.start, after.end, after.children))
    return null;
  const old = new Map(before.children.flatMap((p) => (p.id === null ? [] : [[p.id, p] as const])));
  const patch: Record<string, string> = {};
  for (const part of after.children) {
    if (part.id === null) continue;
    const was = old.get(part.id)!;
    const next = after.html.slice(part.start, part.end);
    if (before.html.slice(was.start, was.end) === next) continue;
    const inside = changedParts({ ...before, ...was }, { ...after, ...part });
    Object.assign(patch, inside ?? { [part.id]: next });
  }
  return patch;
}

/**
 * What changed between two renderings of the report: the new HTML of each changed part (a chapter, a
 * quartiere's page, a text…) by its id, or null when the page must be reloaded whole.
 */
export function reportPatch(before: string, after: string): Record<string, string> | null {
  const [was, now] = [sectionTree(before), sectionTree(after)];
  if (!was || !now) return null;
  return changedParts(
    { html: before, start: 0, end: before.length, children: was },
    { html: after, start: 0, end: after.length, children: now },
  );
}

/** The served page: the report (or, when it cannot be built, a page of problems), the box and the reload script. */
export function previewPage(build: PreviewBuild): string {
  const box = problemsBox(build);
  const html =
    build.html ??
    `<!DOCTYPE html><html lang="${build.lang}"><head><meta charset="utf-8"><title>${escape(t(build.lang, WORDS.title))}</title></head><body></body></html>`;
  const withBox = html.replace(/<body([^>]*)>/, (body) => `${body}${box}`);
  return withBox.replace(/<\/body>(?![\s\S]*<\/body>)/, `${RELOAD_SCRIPT}</body>`);
}
