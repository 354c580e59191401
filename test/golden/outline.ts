// The outline of a report.html as a reader skims it: headings h1–h4 in order, and each table with its
// caption and rows (one line per row, cells joined by " | "). A small tokenizer, enough for bilancio's own
// markup (attributes escaped by handlebars, no <table> inside an SVG); SVG text (chart labels) is left out.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Turns HTML character references into text. */
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? all;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

const clean = (text: string) => decode(text).replace(/\s+/g, ' ').trim();

/** The outline of `html`: one line per heading ("h2 La città"), table ("table <id>: <caption>") and table row ("  a | b"). */
export function reportOutline(html: string): string {
  const lines: string[] = [];
  // What text is being collected for: a heading, a caption or a cell; null when the text is not wanted.
  let text: string | null = null;
  let heading = '';
  let row: string[] | null = null;
  let svgDepth = 0;
  let skip: string | null = null; // inside <style> or <script>: raw text up to the closing tag
  const tokens = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+|<)/g;
  for (const [, closing, rawName, attributes, chars] of html.matchAll(tokens)) {
    if (chars !== undefined) {
      if (text !== null && svgDepth === 0 && skip === null) text += chars;
      continue;
    }
    if (rawName === undefined) continue; // a comment
    const name = rawName.toLowerCase();
    if (skip !== null) {
      if (closing && name === skip) skip = null;
      continue;
    }
    if (!closing && (name === 'style' || name === 'script')) {
      skip = name;
      continue;
    }
    if (name === 'svg') {
      if (!closing) svgDepth++;
      else svgDepth--;
      continue;
    }
    if (svgDepth > 0) continue;
    if (/^h[1-4]$/.test(name)) {
      if (!closing) {
        heading = name;
        text = '';
      } else if (text !== null) {
        lines.push(`${heading} ${clean(text)}`);
        text = null;
      }
    } else if (name === 'table' && !closing) {
      const id = /\sid="([^"]*)"/.exec(attributes ?? '')?.[1];
      lines.push(`table${id ? ` ${id}` : ''}`);
    } else if (name === 'caption') {
      if (!closing) text = '';
      else if (text !== null) {
        lines.push(`${lines.pop() ?? 'table'}: ${clean(text)}`);
        text = null;
      }
    } else if (name === 'tr') {
      if (!closing) row = [];
      else if (row !== null) {
        lines.push(`  ${row.join(' | ')}`);
        row = null;
      }
    } else if (name === 'td' || name === 'th') {
      if (!closing) text = '';
      else if (text !== null) {
        row?.push(clean(text));
        text = null;
      }
    } else if (text !== null && (name === 'br' || name === 'p' || name === 'li' || name === 'div')) {
      text += ' '; // a line break or block inside a cell or heading separates words
    }
  }
  return `${lines.join('\n')}\n`;
}
