// The document information of a printed PDF (Author, Creator): Chromium writes the Title from <title>
// and its own name as Creator, and reads no <meta name="author">. An incremental update (PDF 1.7,
// 7.5.6) appended to Chromium's bytes gives the Info dictionary again, with Author and Creator: a new
// version of the same object, a cross-reference section for it and a trailer pointing to the previous one.
// Nothing before the update changes, so every byte offset of Chromium's file stays valid.

/** What the PDF says of who wrote and who published it; an empty text is left out. */
export interface PdfInfo {
  author?: string;
  creator?: string;
}

/** A PDF text string of any text: UTF-16BE with its byte order mark, in hex (no escaping needed). */
function pdfText(text: string): string {
  const bytes = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${bytes.toString('hex').toUpperCase()}>`;
}

/**
 * A copy of the PDF with Author and Creator set in its Info dictionary. The PDF must end with a classic
 * cross-reference table and a trailer naming /Info (Chromium's Skia writes them so); else it comes back as it is.
 */
export function setPdfInfo(pdf: Uint8Array, info: PdfInfo): Uint8Array {
  const entries = Object.entries({ Author: info.author, Creator: info.creator }).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
  );
  if (entries.length === 0) return pdf;
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1'); // 1 char = 1 byte
  const trailerAt = text.lastIndexOf('trailer');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (trailerAt < 0 || !startxref) return pdf;
  const trailer = text.slice(trailerAt, startxref.index);
  const infoRef = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  if (!infoRef || !root || !size) return pdf;
  const [objectNumber, generation] = [Number(infoRef[1]), Number(infoRef[2])];
  // The old Info dictionary: its entries are kept, but for the ones set here.
  const old = new RegExp(`(?:^|[\\r\\n])${objectNumber}\\s+${generation}\\s+obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(text);
  let body = old?.[1] ?? '';
  for (const [key] of entries) body = body.replace(new RegExp(`/${key}\\s*(?:\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f]*>)`, 'g'), '');
  body = `${body.trim()}\n${entries.map(([key, value]) => `/${key} ${pdfText(value)}`).join('\n')}`;
  const start = pdf.byteLength + (text.endsWith('\n') ? 0 : 1);
  const object = `${objectNumber} ${generation} obj\n<<${body}>>\nendobj\n`;
  const xrefAt = start + object.length;
  const update =
    (text.endsWith('\n') ? '' : '\n') +
    object +
    `xref\n${objectNumber} 1\n${String(start).padStart(10, '0')} ${String(generation).padStart(5, '0')} n \n` +
    `trailer\n<</Size ${size[1]}\n/Root ${root[1]}\n/Info ${objectNumber} ${generation} R\n/Prev ${startxref[1]}>>\n` +
    `startxref\n${xrefAt}\n%%EOF\n`;
  const out = new Uint8Array(pdf.byteLength + update.length);
  out.set(pdf, 0);
  out.set(Buffer.from(update, 'latin1'), pdf.byteLength);
  return out;
}
