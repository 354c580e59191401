// npx tsx bench/page-fill.ts <report.pdf> [threshold]: how full each printed page is, and the pages
// under the threshold (default 60%) with their running header and the last line of text, to see why
// a page ends early (a figure that did not fit, a chapter break).
import { pageTexts } from '../test/report/build.js';
import { pageFills } from '../test/report/page-fill.js';

const [pdf, threshold = '0.6'] = process.argv.slice(2);
if (!pdf) {
  console.error('usage: npx tsx bench/page-fill.ts <report.pdf> [threshold]');
  process.exit(2);
}
const fills = await pageFills(pdf);
const texts = await pageTexts(pdf);
const lines = (page: string) => page.split('\n').filter((line) => line.trim() !== '');
const under = fills.map((fill, i) => ({ page: i + 1, fill })).filter(({ fill }) => fill < Number(threshold));
for (const { page, fill } of under) {
  const text = lines(texts[page - 1] ?? '');
  const header = (text[0] ?? '').trim().split(/\s{2,}/)[0];
  const next = lines(texts[page] ?? '')
    .slice(1, 3)
    .join(' / ')
    .replace(/\s+/g, ' ')
    .slice(0, 70);
  console.log(
    `${String(page).padStart(3)}  ${(fill * 100).toFixed(0).padStart(3)}%  ${header}  …${(text.at(-2) ?? '').trim().slice(0, 60)}  → ${next}`,
  );
}
console.log(`${fills.length} pages, ${under.length} under ${Number(threshold) * 100}%`);
