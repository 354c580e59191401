import type { ReportView } from './view-model.js';
import { formatNumber } from './format.js';
import { destinationPages } from './pdf-destinations.js';

// The page numbers of the printed index. Chromium has no target-counter(), so the report is printed
// twice: once with the index's page column empty (its width kept, so that nothing moves), then with the
// pages on which the first print put each chapter and quartiere (read from the PDF's named destinations,
// which the index's own links create). A third print only if the numbers moved a page break.

/** The view with each index entry's page number (`page`), or '' where none is known. */
export function withIndexPages(view: ReportView, pages: ReadonlyMap<string, number> | null): ReportView {
  const page = (id: string) => {
    const n = pages?.get(id);
    return n === undefined ? '' : formatNumber(n, view.lang);
  };
  return {
    ...view,
    toc: view.toc.map((chapter) => ({
      ...chapter,
      page: page(chapter.id),
      children: chapter.children.map((child) => ({ ...child, page: page(child.id) })),
    })),
  };
}

/** The ids the index points to, chapters and their children. */
function indexIds(view: ReportView): string[] {
  return view.toc.flatMap((chapter) => [chapter.id, ...chapter.children.map((child) => child.id)]);
}

/** Whether every index entry has, in `pages`, the page it has in `printed`. */
function samePages(ids: string[], pages: ReadonlyMap<string, number>, printed: ReadonlyMap<string, number>): boolean {
  return ids.every((id) => pages.get(id) === printed.get(id));
}

/**
 * Prints the report with its index's page numbers: `render` gives the HTML for print of a view, `print`
 * prints it. At most three prints; the last one's numbers are those of its own pages, unless a project's
 * index is so long that its numbers move pages each time (then the last numbers read are printed).
 */
export async function printWithIndexPages(
  view: ReportView,
  render: (view: ReportView) => string,
  print: (html: string) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const ids = indexIds(view);
  let pdf = await print(render(withIndexPages(view, null)));
  let pages = destinationPages(pdf);
  // A document whose links the PDF does not resolve (no /Dests): printed without numbers.
  if (ids.some((id) => !pages.has(id))) return pdf;
  for (let pass = 0; pass < 2; pass++) {
    pdf = await print(render(withIndexPages(view, pages)));
    const printed = destinationPages(pdf);
    if (samePages(ids, pages, printed)) break;
    pages = printed;
  }
  return pdf;
}
