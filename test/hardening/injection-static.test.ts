import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';
import { indicatorsCsv, neutralizeFormula } from '../../src/compute/open-data.js';
import type { AreaValue } from '../../src/compute/indicators.js';
import { createChartRenderer } from '../../src/render/charts.js';
import { pageCss } from '../../src/render/page-css.js';

// Injection, checked without a build: no template may print data raw, no code may mark data as safe
// HTML, chart labels are escaped, and no CSV cell can start a spreadsheet formula.

async function filesUnder(dir: string, pattern: RegExp): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(full, pattern)));
    else if (pattern.test(entry.name)) found.push(full);
  }
  return found;
}

const HOSTILE = ['<img src="http://127.0.0.1:9/x">', '</style><script>alert(1)</script>', 'A & "B" \'C\'', '=HYPERLINK("http://x")'];

describe('templates and raw HTML', () => {
  it('no template uses the triple-stash {{{ }}} or {{& }} (both print unescaped)', async () => {
    const offenders: string[] = [];
    for (const file of await filesUnder(path.join(repoRoot, 'templates'), /\.(hbs|handlebars|html)$/)) {
      const text = await readFile(file, 'utf8');
      text.split('\n').forEach((line, i) => {
        if (/\{\{\{|\{\{~?&/.test(line)) offenders.push(`${path.relative(repoRoot, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('SafeString wraps only our chart SVG and our CSS, nowhere else in src/', async () => {
    // Each allowed use: the file and the exact expression passed to SafeString.
    const allowed = new Set([
      'src/render/html.ts: hiddenSvg(String(markup))', // the svg helper: SVG from our chart renderer, labels escaped
      "src/render/html.ts: templates.get('style') ?? ''", // the stylesheet shipped or overridden by the project
      'src/render/html.ts: pageStyle', // page CSS from pageCss, every text a hex-escaped CSS string
      'src/render/page.ts: pageStyle', // the same, for the pages a partner gets (the receipt)
      // The project texts (testi/*.md) as markdown-it writes them in render/texts.ts: raw HTML off, every character
      // of the text escaped, images only as data: URIs of project files (test/texts/texts.test.ts runs a <script>).
      'src/render/html.ts: String(markdownHtml)',
      "src/render/validation-page.ts: templates.get('style') ?? ''",
    ]);
    const uses: string[] = [];
    for (const file of await filesUnder(path.join(repoRoot, 'src'), /\.ts$/)) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/SafeString\(((?:[^()]|\([^()]*\))*)\)/g)) {
        uses.push(`${path.relative(repoRoot, file).split(path.sep).join('/')}: ${match[1]}`);
      }
      // A SafeString written any other way (aliased, imported) would escape the match above.
      const named = (text.match(/SafeString/g) ?? []).length;
      const called = [...text.matchAll(/new hb\.SafeString\(/g)].length;
      expect(named, `${file} names SafeString other than as new hb.SafeString(…)`).toBe(called);
    }
    for (const use of uses) expect(allowed, `unexpected SafeString: ${use}`).toContain(use);
  });

  it('the page CSS that passes raw escapes every text from the data', () => {
    const css = pageCss({
      lang: 'it',
      footer: HOSTILE[0]!,
      title: HOSTILE[1]!,
      coverClass: 'copertina',
      sections: [{ id: 'x', header: HOSTILE[2]! }],
    });
    expect(css).not.toMatch(/[<>]/);
    expect(css).not.toContain('"B"');
  });
});

describe('chart labels', () => {
  it('are escaped in the SVG: a hostile quartiere name stays text', () => {
    const chart = createChartRenderer().render(
      { kind: 'bar', title: HOSTILE[1]!, labels: HOSTILE, series: [{ label: HOSTILE[0]!, values: [1, 2, 3, 4] }] },
      'it',
    );
    expect(chart.svg).toMatch(/^<svg[\s>]/);
    expect(chart.svg).not.toMatch(/<(img|script|style|iframe)\b/i);
    expect(chart.svg).not.toContain('</style>');
    expect(chart.svg).toContain('&lt;img src=&quot;http://127.0.0.1:9/x&quot;&gt;');
    expect(chart.svg).toContain('A &amp; &quot;B&quot;');
    // The alt text is plain text: the template escapes it like any other.
    expect(chart.alt).toContain('<img src="http://127.0.0.1:9/x">');
  });
});

describe('CSV formula neutralisation (OWASP)', () => {
  it('prefixes an apostrophe to cells that start with = + - @ tab or CR, and leaves numbers alone', () => {
    for (const cell of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(1)', '\t=1', '\r=1']) {
      expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    }
    for (const cell of ['-3.5', '+2', '12', 'Borgo Trento', '']) expect(neutralizeFormula(cell)).toBe(cell);
  });

  it('indicatori.csv carries no cell that a spreadsheet would run', () => {
    const value: AreaValue = {
      anno: 2024,
      livello: 'quartiere',
      codice: 'Q1',
      nome: '=HYPERLINK("http://x")',
      indicatore: 'popolazione',
      valore: -1.5,
      numeratore: 10,
      denominatore: 1,
      unita: '@SUM(1)',
      soppresso: false,
      motivo: '+cmd',
      nota: '\tnota',
      variazione: -0.3,
    };
    const csv = indicatorsCsv([value]);
    const row = csv.split('\r\n')[1]!;
    expect(row).toBe(`2024,quartiere,Q1,"'=HYPERLINK(""http://x"")",popolazione,-1.5,10,1,'@SUM(1),false,'+cmd,'\tnota,-0.3`);
  });
});
