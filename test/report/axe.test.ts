import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../../src/render/browser.js';
import { buildReport, hasBrowser, type Built } from './build.js';

// report.html in a real headless Chromium, checked by axe-core against WCAG 2.1 A and AA.
// The page here runs JavaScript (axe itself); the report has none and loads nothing.

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// The page's document, as axe.run takes it (this project has no DOM types).
declare const document: unknown;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

describe.skipIf(!hasBrowser)('accessibility of report.html (axe-core, WCAG 2.1 AA)', () => {
  let built: Built;
  let browser: LaunchedBrowser;
  let html: string;

  beforeAll(async () => {
    built = await buildReport({ noPdf: true });
    html = await readFile(path.join(built.out, 'report.html'), 'utf8');
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await built?.remove();
  });

  /** axe's violations of the page at a viewport width (desktop or phone). */
  async function violations(width: number): Promise<Violation[]> {
    const page = await browser.browser.newPage();
    try {
      await page.setViewport({ width, height: 900 });
      await page.setContent(html, { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      return await page.evaluate(async (tags: string[]) => {
        const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> } })
          .axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
        }));
      }, TAGS);
    } finally {
      await page.close();
    }
  }

  it('has no violation on a desktop screen', async () => {
    expect(await violations(1280)).toEqual([]);
  }, 180_000);

  it('has no violation on a phone', async () => {
    expect(await violations(390)).toEqual([]);
  }, 180_000);

  it('has no focusable element inside the charts and maps', async () => {
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBeGreaterThan(40);
    for (const svg of svgs) expect(svg).not.toMatch(/<a\b|tabindex|<foreignObject|<script|\son[a-z]+=/i);
  });
});
