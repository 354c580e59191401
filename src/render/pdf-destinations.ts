// Where each named destination of a printed PDF lies: Chromium writes one per element that a link of the
// page points to (`href="#la-citta"` makes `/la-citta [12 0 R /XYZ …]` in the Catalog's /Dests), so the
// index's links say on which page each chapter starts. Read from the file's cross-reference table, the
// Catalog, its page tree and its /Dests dictionary: plain objects Skia writes uncompressed.

/** The byte offset of every object of the file, newest version first (following /Prev to older sections). */
function objectOffsets(text: string): Map<number, number> {
  const offsets = new Map<number, number>();
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  let at = start ? Number(start[1]) : -1;
  for (let sections = 0; at >= 0 && sections < 100 && text.startsWith('xref', at); sections++) {
    const trailerAt = text.indexOf('trailer', at);
    if (trailerAt < 0) break;
    const lines = text
      .slice(at + 4, trailerAt)
      .trim()
      .split(/\r?\n/);
    for (let i = 0; i < lines.length;) {
      const [first, count] = lines[i]!.trim().split(/\s+/).map(Number) as [number, number];
      for (let k = 0; k < count; k++) {
        const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(lines[i + 1 + k]?.trim() ?? '');
        if (entry?.[3] === 'n' && !offsets.has(first + k)) offsets.set(first + k, Number(entry[1]));
      }
      i += 1 + count;
    }
    const prev = /\/Prev\s+(\d+)/.exec(text.slice(trailerAt, text.indexOf('>>', trailerAt)));
    at = prev ? Number(prev[1]) : -1;
  }
  return offsets;
}

/** A PDF name as written (`/la#2Dcitta`): its `#xx` escapes decoded. */
function pdfName(written: string): string {
  return written.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The page number (1 for the first page) of every named destination of the PDF; empty when the file
 * is not as Chromium writes it (no classic cross-reference table, no /Dests).
 */
export function destinationPages(pdf: Uint8Array): Map<string, number> {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1'); // 1 char = 1 byte
  const offsets = objectOffsets(text);
  const body = (n: number): string => {
    const at = offsets.get(n);
    if (at === undefined) return '';
    const end = text.indexOf('endobj', at);
    return text.slice(at, end < 0 ? undefined : end);
  };
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const root = /\/Root\s+(\d+)\s+\d+\s+R/.exec(trailer);
  const catalog = root ? body(Number(root[1])) : '';
  const pagesRef = /\/Pages\s+(\d+)\s+\d+\s+R/.exec(catalog);
  const destsRef = /\/Dests\s+(\d+)\s+\d+\s+R/.exec(catalog);
  const pageNumber = new Map<number, number>();
  const walk = (n: number, depth: number): void => {
    if (depth > 32) return;
    const node = body(n);
    if (/\/Type\s*\/Pages\b/.test(node)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '';
      for (const kid of kids.matchAll(/(\d+)\s+\d+\s+R/g)) walk(Number(kid[1]), depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(node)) pageNumber.set(n, pageNumber.size + 1);
  };
  if (pagesRef) walk(Number(pagesRef[1]), 0);
  const pages = new Map<string, number>();
  const dests = destsRef ? body(Number(destsRef[1])) : '';
  for (const dest of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+)\s+\d+\s+R/g)) {
    const page = pageNumber.get(Number(dest[2]));
    if (page !== undefined) pages.set(pdfName(dest[1]!), page);
  }
  return pages;
}
