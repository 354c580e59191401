import { xmpPacket } from './pdf-xmp.js';
import { destinationPages } from './pdf-destinations.js';

// The document information of a printed PDF: Chromium writes the Title from <title>, the Catalog's /Lang
// from <html lang> and its own name as Creator, reads no <meta name="author"> and writes no XMP metadata.
// An incremental update (PDF 1.7, 7.5.6) appended to Chromium's bytes gives the Info dictionary again,
// with Author and Creator; a Metadata stream (XMP, see pdf-xmp.ts) saying the same title, language and
// author; and the Catalog again, pointing to it. Nothing before the update changes, so every byte offset
// of Chromium's file stays valid. The same update may give the document's outline (bookmarks): Chromium
// makes one from every heading, at a cost of half a second of its print for Brescia's report (measured),
// while the report's own index already says what the bookmarks should be and where each one goes.

/** What the PDF says of who wrote and who published it; an empty text is left out. */
export interface PdfInfo {
  author?: string;
  creator?: string;
}

/** A bookmark: its title, the named destination it opens (an element id linked from the page), and the bookmarks under it. */
export interface OutlineEntry {
  title: string;
  id: string;
  children: OutlineEntry[];
}

/** A PDF name object of any text (PDF 1.7, 7.3.5): `/` and each byte outside ! to ~, or a delimiter, as #xx. */
function pdfName(text: string): string {
  return `/${[...Buffer.from(text, 'utf8')].map((b) => (b < 0x21 || b > 0x7e || '()<>[]{}/%#'.includes(String.fromCharCode(b)) ? `#${b.toString(16).padStart(2, '0')}` : String.fromCharCode(b))).join('')}`;
}

/**
 * The outline's objects, numbered from `first` (its root, then each bookmark): the entries whose
 * destination the PDF has, each closed over its children. Empty when none has a destination.
 */
function outlineObjects(entries: OutlineEntry[], first: number, present: ReadonlySet<string>): { n: number; body: string }[] {
  const objects: { n: number; body: string }[] = [];
  let next = first + 1;
  const items = (list: OutlineEntry[], parent: number): number[] => {
    const kept = list.filter((entry) => present.has(entry.id));
    const numbers = kept.map(() => next++);
    kept.forEach((entry, i) => {
      const kids = items(entry.children, numbers[i]!);
      const links = [
        `/Parent ${parent} 0 R`,
        i > 0 ? `/Prev ${numbers[i - 1]} 0 R` : '',
        i < kept.length - 1 ? `/Next ${numbers[i + 1]} 0 R` : '',
        kids.length > 0 ? `/First ${kids[0]} 0 R /Last ${kids[kids.length - 1]} 0 R /Count -${kids.length}` : '',
      ];
      objects.push({
        n: numbers[i]!,
        body: `<</Title ${pdfText(entry.title)} ${links.filter(Boolean).join(' ')} /Dest ${pdfName(entry.id)}>>`,
      });
    });
    return numbers;
  };
  const top = items(entries, first);
  if (top.length === 0) return [];
  objects.push({ n: first, body: `<</Type /Outlines /First ${top[0]} 0 R /Last ${top[top.length - 1]} 0 R /Count ${top.length}>>` });
  return objects;
}

/** A PDF text string of any text: UTF-16BE with its byte order mark, in hex (no escaping needed). */
function pdfText(text: string): string {
  const bytes = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${bytes.toString('hex').toUpperCase()}>`;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

/** The text of a PDF string as written, `(literal)` or `<hex>`: UTF-16BE after a byte order mark, else PDFDocEncoding (read as Latin-1). */
export function decodePdfString(written: string): string {
  let bytes: Buffer;
  if (written.startsWith('<')) bytes = Buffer.from(written.slice(1, -1).replace(/\s/g, ''), 'hex');
  else {
    const body = written
      .slice(1, -1)
      .replace(/\\(?:([0-7]{1,3})|\r?\n|(.))/gs, (_, octal?: string, char?: string) =>
        octal ? String.fromCharCode(parseInt(octal, 8) & 0xff) : char === undefined ? '' : (ESCAPES[char] ?? char),
      );
    bytes = Buffer.from(body, 'latin1');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

/** A PDF string value: `(literal with \) escapes)` or `<hex>`. */
const PDF_STRING = String.raw`(?:\((?:\\[\s\S]|[^\\)])*\)|<[0-9A-Fa-f\s]*>)`;

/** The value of `/key` in a dictionary's text, decoded; '' when absent. */
function entryText(dictionary: string, key: string): string {
  const found = new RegExp(`/${key}\\s*(${PDF_STRING})`).exec(dictionary);
  return found ? decodePdfString(found[1]!) : '';
}

/** The body (between `<<` and `>>`) of the newest version of object `n g` in the file's text; '' when absent. */
function objectBody(text: string, ref: { n: number; g: number }): string {
  const versions = [...text.matchAll(new RegExp(`(?:^|[\\r\\n])${ref.n}\\s+${ref.g}\\s+obj\\s*<<([\\s\\S]*?)>>\\s*endobj`, 'g'))];
  return versions.at(-1)?.[1] ?? '';
}

/** An object of the update: its number, generation and bytes from `n g obj` to `endobj`. */
interface UpdatedObject {
  n: number;
  g: number;
  bytes: Buffer;
}

/**
 * A copy of the PDF with Author and Creator set in its Info dictionary and an XMP Metadata stream in its
 * Catalog, and, when `outline` is given, those bookmarks in place of any the PDF had. The PDF must end
 * with a classic cross-reference table and a trailer naming /Root and /Info (Chromium's Skia writes them
 * so); else it comes back as it is.
 */
export function setPdfInfo(pdf: Uint8Array, info: PdfInfo, outline?: OutlineEntry[]): Uint8Array {
  const entries = Object.entries({ Author: info.author, Creator: info.creator }).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
  );
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1'); // 1 char = 1 byte
  const trailerAt = text.lastIndexOf('trailer');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (trailerAt < 0 || !startxref) return pdf;
  const trailer = text.slice(trailerAt, startxref.index);
  const infoRef = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  const rootRef = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  if (!infoRef || !rootRef || !size) return pdf;
  const infoObject = { n: Number(infoRef[1]), g: Number(infoRef[2]) };
  const rootObject = { n: Number(rootRef[1]), g: Number(rootRef[2]) };
  const catalog = objectBody(text, rootObject);
  if (!/\/Type\s*\/Catalog\b/.test(catalog)) return pdf;

  // The old Info dictionary: its entries are kept, but for the ones set here.
  let infoBody = objectBody(text, infoObject);
  for (const [key] of entries) infoBody = infoBody.replace(new RegExp(`/${key}\\s*${PDF_STRING}`, 'g'), '');
  infoBody = `${infoBody.trim()}\n${entries.map(([key, value]) => `/${key} ${pdfText(value)}`).join('\n')}`;

  const metadata = { n: Number(size[1]), g: 0 };
  const packet = Buffer.from(
    xmpPacket({
      title: entryText(infoBody, 'Title'),
      lang: entryText(catalog, 'Lang'),
      author: entryText(infoBody, 'Author'),
      creatorTool: entryText(infoBody, 'Creator'),
      producer: entryText(infoBody, 'Producer'),
    }),
    'utf8',
  );
  const bookmarks = outline ? outlineObjects(outline, metadata.n + 1, new Set(destinationPages(pdf).keys())) : [];
  let catalogBody = `${catalog.replace(/\/Metadata\s+\d+\s+\d+\s+R/g, '').trim()}\n/Metadata ${metadata.n} ${metadata.g} R`;
  if (bookmarks.length > 0)
    catalogBody = `${catalogBody.replace(/\/Outlines\s+\d+\s+\d+\s+R/g, '').trim()}\n/Outlines ${metadata.n + 1} 0 R`;
  const object = (ref: { n: number; g: number }, body: Buffer): UpdatedObject => ({
    ...ref,
    bytes: Buffer.concat([Buffer.from(`${ref.n} ${ref.g} obj\n`, 'latin1'), body, Buffer.from('\nendobj\n')]),
  });
  const objects = [
    object(infoObject, Buffer.from(`<<${infoBody}>>`, 'latin1')),
    object(rootObject, Buffer.from(`<<${catalogBody}>>`, 'latin1')),
    object(
      metadata,
      Buffer.concat([
        Buffer.from(`<</Type /Metadata\n/Subtype /XML\n/Length ${packet.byteLength}>> stream\n`, 'latin1'),
        packet,
        Buffer.from('\nendstream', 'latin1'),
      ]),
    ),
    ...bookmarks.map((b) => object({ n: b.n, g: 0 }, Buffer.from(b.body, 'latin1'))),
  ].sort((a, b) => a.n - b.n); // one subsection per object, in ascending order

  const parts: Buffer[] = [Buffer.from(text.endsWith('\n') ? '' : '\n', 'latin1')];
  let offset = pdf.byteLength + parts[0]!.byteLength;
  const xref: string[] = [];
  for (const updated of objects) {
    xref.push(`${updated.n} 1\n${String(offset).padStart(10, '0')} ${String(updated.g).padStart(5, '0')} n \n`);
    parts.push(updated.bytes);
    offset += updated.bytes.byteLength;
  }
  parts.push(
    Buffer.from(
      `xref\n${xref.join('')}` +
        `trailer\n<</Size ${metadata.n + 1 + bookmarks.length}\n/Root ${rootObject.n} ${rootObject.g} R\n/Info ${infoObject.n} ${infoObject.g} R\n/Prev ${startxref[1]}>>\n` +
        `startxref\n${offset}\n%%EOF\n`,
      'latin1',
    ),
  );
  return new Uint8Array(Buffer.concat([pdf, ...parts]));
}
