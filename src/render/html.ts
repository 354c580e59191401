import { readFile, readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { ReportView } from './view-model.js';
import { pageCss, type RunningSection } from './page-css.js';
import { projectFileRefusal } from '../provenance/paths.js';

/** The templates shipped with the tool. */
export const templatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Template sources by name: `report`, `style` and one partial per section. */
export type TemplateSet = Map<string, string>;

/** Reads the templates of `dir`; with `project`, each file must lie inside it (a link out is refused, unread). */
async function readFolder(dir: string, into: TemplateSet, project?: string): Promise<void> {
  const read = async (abs: string): Promise<string> => {
    const refusal = project === undefined ? null : await projectFileRefusal(project, abs);
    if (refusal) throw refusal;
    return readFile(abs, 'utf8');
  };
  const isDir = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) return;
  for (const file of (await readdir(dir)).sort()) {
    const match = /^(.+)\.(hbs|css)$/.exec(file);
    if (match) into.set(match[1]!, await read(path.join(dir, file)));
  }
  const partials = path.join(dir, 'partials');
  if (
    await stat(partials).then(
      (s) => s.isDirectory(),
      () => false,
    )
  ) {
    for (const file of (await readdir(partials)).sort()) {
      if (file.endsWith('.hbs')) into.set(`partials/${file.slice(0, -4)}`, await read(path.join(partials, file)));
    }
  }
}

/**
 * The tool's templates, with any the project overrides in `<project>/templates/`. A project template
 * that is a link out of the project (or below a linked folder) is never read: SourceRefusedError.
 */
export async function loadTemplates(projectDir?: string): Promise<TemplateSet> {
  const set: TemplateSet = new Map();
  await readFolder(templatesDir, set);
  if (projectDir) await readFolder(path.join(projectDir, 'templates'), set, projectDir);
  return set;
}

/** The running header of each part of the report: chapters, and "I quartieri · <nome>" on each quartiere page. */
export function runningSections(view: ReportView): RunningSection[] {
  return [
    { id: 'indice', header: view.labels.indice },
    ...view.toc.flatMap((chapter) => [
      { id: chapter.id, header: chapter.title },
      ...(chapter.id === view.quartieri.id
        ? chapter.children.map((child) => ({ id: child.id, header: `${chapter.title} · ${child.title}` }))
        : []),
    ]),
  ];
}

/** Our SVG with `aria-hidden` on its root: the figure around it carries its name. */
function hiddenSvg(svg: string): string {
  return svg.replace(/^<svg\b/, '<svg aria-hidden="true"');
}

/** Which copy of the page: the one people open (report.html), or the one Chromium prints. */
export interface RenderOptions {
  /**
   * The copy for print leaves out what the paper never shows: detail tables kept for the screen (their
   * line saying where to find them stays) and the lists under the maps. Chromium would parse and
   * style the 4,000 cells of those tables for nothing: measured, 0.4 s of the report's print.
   */
  forPrint?: boolean;
}

/** Renders the report as one self-contained HTML page. Data is always escaped: only our SVG passes raw. */
export function renderHtml(
  view: ReportView,
  templates: TemplateSet,
  template: 'report' | 'libretto' = 'report',
  options: RenderOptions = {},
): string {
  const hb = Handlebars.create();
  for (const [name, source] of templates) {
    if (name.startsWith('partials/')) hb.registerPartial(name.slice('partials/'.length), source);
  }
  // The one raw insertion: charts are SVG our own renderer produced, with data labels XML-escaped.
  // Inline, and hidden from assistive technology: the figure's wrapper (role img, the alt as its label)
  // is the one node that names it, for screen readers and in the tagged PDF. Measured on the report:
  // Chromium prints it 0.3 s sooner than with the drawing's thousands of nodes exposed, and sooner
  // than with the same SVG as <img> data: images, which cost more to load than they save in print.
  hb.registerHelper('svg', (markup: unknown) => new hb.SafeString(hiddenSvg(String(markup))));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // The project texts' HTML: written by render/texts.ts with markdown-it, raw HTML off, every character escaped.
  hb.registerHelper('testoHtml', (markdownHtml: unknown) => new hb.SafeString(String(markdownHtml)));
  hb.registerHelper('and', (a: unknown, b: unknown) => Boolean(a) && Boolean(b));
  const report = hb.compile(templates.get(template) ?? '', { strict: true, noEscape: false });
  // Our own CSS: every text in it is a CSS string with each unusual character escaped.
  const pageStyle = pageCss({
    lang: view.lang,
    footer: view.ente,
    title: view.title,
    coverClass: 'copertina',
    sections: runningSections(view),
  });
  return report({
    ...view,
    perStampa: !!options.forPrint,
    css: new hb.SafeString(templates.get('style') ?? ''),
    pageStyle: new hb.SafeString(pageStyle),
  });
}

/** The view of a zona's booklet: the report's cover and the pages of the zona's quartieri only. */
export function zonaBookletView(view: ReportView, zona: { nome: string }, zonaLabel: string): ReportView {
  return {
    ...view,
    subtitle: `${zonaLabel} ${zona.nome}`,
    subtitleLang: '',
    quartieri: { ...view.quartieri, intro: [], pages: view.quartieri.pages.filter((p) => p.zona === zona.nome) },
  };
}
