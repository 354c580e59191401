// Turning cairo's SVG into one that can sit inline in the report, next to other charts.

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export interface SvgLabels {
  /** Prefix of every id in the SVG, unique per chart (inline SVGs share the page's id space). */
  id: string;
  title: string;
  desc: string;
  width: number;
  height: number;
}

const UNSAFE = /<script|<foreignObject|<iframe|\son[a-z]+\s*=|javascript:/i;

/**
 * Makes cairo's output embeddable: drops the XML prolog, renumbers ids under `labels.id` (cairo
 * numbers surfaces with a process-wide counter, which would break byte-identical output and clash
 * between charts on one page), sizes it in px (cairo writes pt), adds role, title, desc and `text`
 * (SVG elements our code wrote, with every string XML-escaped) on top of the drawing.
 */
export function finishSvg(raw: string, labels: SvgLabels, text = ''): string {
  // Only our own drawing reaches cairo, and no text (see chart-text.ts); this guards against a regression.
  if (UNSAFE.test(raw)) throw new Error('bilancio: the chart SVG contains active content (bug)');
  const ids = new Map<string, string>();
  for (const match of raw.matchAll(/\bid="([^"]+)"/g)) {
    const id = match[1];
    if (id && !ids.has(id)) ids.set(id, `${labels.id}-${ids.size + 1}`);
  }
  const body = raw
    .replace(/^<\?xml[^>]*\?>\s*/, '')
    // Cairo writes six decimals; a hundredth of a pixel is invisible and the file shrinks by a third.
    .replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/(\bid="|url\(#|href="#)([^")]+)/g, (whole, lead: string, id: string) => {
      const renamed = ids.get(id);
      return renamed ? `${lead}${renamed}` : whole;
    });
  const titleId = `${labels.id}-title`;
  const descId = `${labels.id}-desc`;
  const withText = text ? body.replace(/<\/svg>\s*$/, `${text}\n</svg>\n`) : body;
  return withText.replace(/^<svg\b([^>]*)>/, (_whole, attributes: string) => {
    const kept = attributes.replace(/\s(width|height)="[^"]*"/g, '');
    return (
      `<svg${kept} width="${labels.width}" height="${labels.height}" role="img" aria-labelledby="${titleId} ${descId}">` +
      `\n<title id="${titleId}">${escapeXml(labels.title)}</title>\n<desc id="${descId}">${escapeXml(labels.desc)}</desc>`
    );
  });
}
