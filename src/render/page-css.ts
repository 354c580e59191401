// The print pages of the report, as CSS our code writes: A4, a running header with the chapter name
// (one named page per chapter and per quartiere), the publisher and `pag. N di M` at the foot, and a
// cover with neither. Every text from the data goes through cssString, every id through cssIdent.

/** A part of the report that prints under its own running header. */
export interface RunningSection {
  /** The id of the element that starts on the page (a chapter section, a quartiere article). */
  id: string;
  /** What the header says on its pages, e.g. "La città" or "I quartieri · Mompiano". */
  header: string;
}

export interface PageCssInput {
  lang: 'it' | 'en';
  /** Left of the foot of every page but the cover: the publisher. */
  footer: string;
  /** Right of the header: the report's title. */
  title: string;
  /** The class of the cover element (printed without header and foot), if the document has one. */
  coverClass?: string;
  sections: RunningSection[];
}

/** A CSS string literal whose every character but letters and digits is a hex escape. */
export function cssString(text: string): string {
  let out = '"';
  for (const char of text) {
    out += /^[A-Za-z0-9]$/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16).toUpperCase()} `;
  }
  return `${out}"`;
}

/** A CSS identifier (for `#id` selectors) with every unusual character escaped. */
export function cssIdent(id: string): string {
  let out = '';
  for (const [i, char] of [...id].entries()) {
    const plain = /^[A-Za-z_-]$/.test(char) || (i > 0 && /^[0-9]$/.test(char));
    out += plain ? char : `\\${char.codePointAt(0)!.toString(16).toUpperCase()} `;
  }
  return out;
}

const BAND = "font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif; font-size: 7.5pt; color: #4a4a4a;";

/** The @page rules and the named-page assignments of the report, for its print stylesheet. */
export function pageCss(input: PageCssInput): string {
  const [page, of] = input.lang === 'it' ? ['pag. ', ' di '] : ['page ', ' of '];
  const rules = [
    '@page {',
    '  size: A4;',
    '  margin: 20mm 18mm 18mm;',
    `  @top-left { content: ""; ${BAND} color: #005a9c; font-weight: bold; vertical-align: bottom; padding-bottom: 3mm; }`,
    `  @top-right { content: ${cssString(input.title)}; ${BAND} vertical-align: bottom; padding-bottom: 3mm; }`,
    `  @bottom-left { content: ${cssString(input.footer)}; ${BAND} vertical-align: top; padding-top: 3mm; }`,
    `  @bottom-right { content: ${cssString(page)} counter(page) ${cssString(of)} counter(pages); ${BAND} vertical-align: top; padding-top: 3mm; }`,
    '}',
  ];
  if (input.coverClass) {
    rules.push(
      '@page copertina { @top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }',
      `.${cssIdent(input.coverClass)} { page: copertina; }`,
    );
  }
  input.sections.forEach((section, i) => {
    const name = `sezione-${i + 1}`;
    rules.push(`@page ${name} { @top-left { content: ${cssString(section.header)}; } }`);
    rules.push(`#${cssIdent(section.id)} { page: ${name}; }`);
  });
  return `@media print {\n${rules.join('\n')}\n}\n`;
}
