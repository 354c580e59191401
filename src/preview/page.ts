import type { Lang, Problem } from '../types.js';
import { t } from '../i18n.js';
import { sayProblem } from '../problem-text.js';
import type { PreviewBuild } from './session.js';

// The page the preview serves: the report as `build` writes it, with the problems on top where the
// analyst looks, and a tiny script (only here, never in a build) that reloads it after each rebuild.

/** Path of the server-sent events that say "rebuilt": the page reloads on each. */
export const EVENTS_PATH = '/eventi';

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

// Reloads on each "rebuilt" event, keeping the reader where they were on the page; a "testi" event
// carries the new HTML of each text (and of the problems box) and swaps them in place, without reloading.
const RELOAD_SCRIPT = `<script id="anteprima-ricarica">(() => {
  const key = 'bilancio-anteprima-y';
  const y = sessionStorage.getItem(key);
  if (y !== null) { sessionStorage.removeItem(key); addEventListener('load', () => scrollTo(0, Number(y))); }
  const reload = () => { sessionStorage.setItem(key, String(scrollY)); location.reload(); };
  const events = new EventSource('${EVENTS_PATH}');
  events.onmessage = reload;
  events.addEventListener('testi', (event) => {
    const parts = JSON.parse(event.data);
    for (const [id, html] of Object.entries(parts)) {
      const old = document.getElementById(id);
      if (id === '${BOX_ID}') {
        if (old) old.remove();
        if (html) document.body.insertAdjacentHTML('afterbegin', html);
      } else if (old) old.outerHTML = html;
      else return reload();
    }
  });
})();</script>`;

// A text's section: markdown-it writes no <section>, so the first </section> after it closes it.
const TEXT_SECTION = /<section class="testo-progetto[^"]*" id="([^"]+)"[\s\S]*?<\/section>/g;

/**
 * What changed between two renderings of the report when only the texts were redone: the new HTML of
 * each text by its id, or null when anything else differs (a text added, moved, retitled in the index):
 * then the page reloads.
 */
export function textsPatch(before: string, after: string): Record<string, string> | null {
  const rest = (html: string) => html.replace(TEXT_SECTION, (_whole, id: string) => `<section id="${id}">`);
  if (rest(before) !== rest(after)) return null;
  const old = new Map([...before.matchAll(TEXT_SECTION)].map((m) => [m[1]!, m[0]]));
  const patch: Record<string, string> = {};
  for (const match of after.matchAll(TEXT_SECTION)) if (old.get(match[1]!) !== match[0]) patch[match[1]!] = match[0];
  return patch;
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
