import type { SchemaSet } from '../../schemas/load-schemas.js';
import { countOf, NOUNS, t } from '../../i18n.js';
import { sayReport, type ProblemText } from '../../problem-text.js';
import { checkFileBytes } from './check-file.js';
import { projectOfCatalogues, type PageData } from './page-data.js';
import { PAGE_WORDS } from './page-words.js';
import { validators } from './page-validators.js';

// The validation page's script, run in the partner's browser (bundled by bundle-page.ts): a file dropped
// or chosen is read as bytes and checked by the same code as `bilancio validate`, against the project's
// catalogues embedded in the page; its problems are listed with the CLI's words, rows and columns.

/** The little of the DOM this script touches (the project compiles without the DOM library). */
interface Element {
  textContent: string | null;
  className: string;
  hidden: boolean;
  dataset: Record<string, string>;
  files?: ArrayLike<PageFile> | null;
  append(...nodes: Element[]): void;
  replaceChildren(...nodes: Element[]): void;
  querySelector(selector: string): Element | null;
  addEventListener(type: string, listener: (event: PageEvent) => void): void;
  classList: { add(name: string): void; remove(name: string): void };
}
interface PageFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}
interface PageEvent {
  preventDefault(): void;
  dataTransfer?: { files: ArrayLike<PageFile> } | null;
}
declare const document: {
  getElementById(id: string): Element | null;
  createElement(tag: string): Element;
  addEventListener(type: string, listener: (event: PageEvent) => void): void;
};

const data = JSON.parse(document.getElementById('bilancio-dati')!.textContent ?? '{}') as PageData;
const { lang } = data;
const project = projectOfCatalogues(data.catalogues);
const schemas: SchemaSet = {
  datasets: new Map(Object.entries(data.schemas).map(([name, schema]) => [name, { schema, validateRow: validators[name]! }])),
  config: validators.config!,
  manifest: validators.manifest!,
};

const esito = document.getElementById('esito')!;
const table = document.getElementById('problemi')!;
const body = table.querySelector('tbody')!;

function cell(text: string): Element {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

/** One problem as a row of the table, its code, row and column kept as data for whoever reads the page. */
function problemRow(problem: ProblemText): Element {
  const tr = document.createElement('tr');
  tr.className = problem.severity;
  tr.dataset.code = problem.code;
  if (problem.row !== undefined) tr.dataset.row = String(problem.row);
  if (problem.column !== undefined) tr.dataset.column = String(problem.column);
  const severity = t(lang, problem.severity === 'error' ? PAGE_WORDS.error : PAGE_WORDS.warning);
  tr.append(
    cell(severity),
    cell(problem.row === undefined ? '' : String(problem.row)),
    cell(problem.columnLetter ?? ''),
    cell(problem.message),
  );
  return tr;
}

async function check(file: PageFile): Promise<void> {
  esito.className = '';
  esito.textContent = t(lang, PAGE_WORDS.checking, { file: file.name });
  table.hidden = true;
  body.replaceChildren();
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const report = sayReport(lang, await checkFileBytes(bytes, file.name, project, schemas));
    const problems = report.files.flatMap((f) => [...f.errors, ...f.warnings]);
    body.append(...problems.map(problemRow));
    table.hidden = problems.length === 0;
    const { errors, warnings } = report.summary;
    const said = { file: file.name, errors: countOf(lang, errors, NOUNS.errore), warnings: countOf(lang, warnings, NOUNS.avviso) };
    const words = errors > 0 ? PAGE_WORDS.invalid : warnings > 0 ? PAGE_WORDS.validWithWarnings : PAGE_WORDS.valid;
    esito.textContent = t(lang, words, said);
    esito.className = errors > 0 ? 'errori' : 'ok';
    esito.dataset.valid = String(report.valid);
  } catch (error) {
    esito.textContent = t(lang, PAGE_WORDS.failed, { reason: error instanceof Error ? error.message : String(error) });
    esito.className = 'errori';
    esito.dataset.valid = 'unknown';
  }
}

const input = document.getElementById('file')!;
input.addEventListener('change', () => {
  const file = input.files?.[0];
  if (file) void check(file);
});
// A file dropped anywhere on the page is checked: the browser would otherwise open it in place of the page.
const zona = document.getElementById('zona')!;
document.addEventListener('dragover', (event) => {
  event.preventDefault();
  zona.classList.add('sopra');
});
document.addEventListener('dragleave', () => zona.classList.remove('sopra'));
document.addEventListener('drop', (event) => {
  event.preventDefault();
  zona.classList.remove('sopra');
  const file = event.dataTransfer?.files[0];
  if (file) void check(file);
});
