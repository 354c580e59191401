import type { ReportView } from './view-model.js';
import { formatNumber } from './format.js';
import { destinationPages } from './pdf-destinations.js';
import type { FillFromPrint } from './pdf.js';
import type { OutlineEntry } from './pdf-info.js';

// The page numbers of the printed index. Chromium has no target-counter(), so the report is printed as a
// quick untagged draft with the index's page column empty (its width kept, so that nothing moves); the
// page of each chapter and quartiere is read from the draft's named destinations (which the index's own
// links create), written into the index's cells of the loaded page, and the report printed for good
// (pdf.ts, printFilled); once more only if the numbers moved a page break.

/** The ids the index points to, chapters and their children. */
function indexIds(view: ReportView): string[] {
  return view.toc.flatMap((chapter) => [chapter.id, ...chapter.children.map((child) => child.id)]);
}

/**
 * What to write in each index cell (`data-riempi` = the entry's id) after a print: the page its entry
 * starts on; null when the PDF does not resolve every link (then the index is printed without numbers).
 */
export function indexPageFill(view: ReportView): FillFromPrint {
  const ids = indexIds(view);
  return (pdf) => {
    const pages = destinationPages(pdf);
    if (ids.some((id) => !pages.has(id))) return null;
    return Object.fromEntries(ids.map((id) => [id, formatNumber(pages.get(id)!, view.lang)]));
  };
}

/** The PDF's bookmarks: the index's entries, chapters and their children, each opening where its link goes. */
export function indexOutline(view: ReportView): OutlineEntry[] {
  return view.toc.map((chapter) => ({
    title: chapter.title,
    id: chapter.id,
    children: chapter.children.map((child) => ({ title: child.title, id: child.id, children: [] })),
  }));
}
