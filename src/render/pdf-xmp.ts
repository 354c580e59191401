// The XMP metadata packet of a printed PDF (ISO 16684-1): what PDF/UA checkers read before anything
// else, the title (dc:title), the language (dc:language) and the author (dc:creator). It repeats what
// the Info dictionary and the Catalog's /Lang say, so the two never disagree. No pdfuaid:part: that
// would claim conformance to PDF/UA-1, which nobody has checked of Chromium's tagging.

/** What the packet says; an empty text is left out. */
export interface XmpFields {
  title: string;
  /** A BCP 47 language tag, e.g. `it` or `en`. */
  lang: string;
  author: string;
  /** The program that wrote the document before it became PDF (xmp:CreatorTool). */
  creatorTool: string;
  /** The program that wrote the PDF (pdf:Producer). */
  producer: string;
}

/** Text escaped for XML content and attribute values. */
function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** The XMP packet, as UTF-8 text, with its padding for in-place editing. */
export function xmpPacket(fields: Partial<XmpFields>): string {
  const lines: string[] = [];
  const lang = fields.lang || 'x-default';
  if (fields.title) {
    const alt = [`<rdf:li xml:lang="x-default">${xml(fields.title)}</rdf:li>`];
    if (fields.lang) alt.push(`<rdf:li xml:lang="${xml(lang)}">${xml(fields.title)}</rdf:li>`);
    lines.push(`<dc:title><rdf:Alt>${alt.join('')}</rdf:Alt></dc:title>`);
  }
  if (fields.lang) lines.push(`<dc:language><rdf:Bag><rdf:li>${xml(fields.lang)}</rdf:li></rdf:Bag></dc:language>`);
  if (fields.author) lines.push(`<dc:creator><rdf:Seq><rdf:li>${xml(fields.author)}</rdf:li></rdf:Seq></dc:creator>`);
  lines.push('<dc:format>application/pdf</dc:format>');
  if (fields.creatorTool) lines.push(`<xmp:CreatorTool>${xml(fields.creatorTool)}</xmp:CreatorTool>`);
  if (fields.producer) lines.push(`<pdf:Producer>${xml(fields.producer)}</pdf:Producer>`);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    ...lines,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    // Room for an editor to change the packet in place (ISO 16684-1, 7.3.4).
    ...Array.from({ length: 20 }, () => ' '.repeat(99)),
    '<?xpacket end="w"?>',
  ].join('\n');
}
