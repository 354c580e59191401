import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer';
const html = readFileSync('/tmp/b3/report.html', 'utf8');
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.setJavaScriptEnabled(false);
await page.emulateMediaType('print');
let t = Date.now();
await page.setContent(html, { waitUntil: 'load' });
console.log('setContent', Date.now() - t); t = Date.now();
await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
console.log('pdf tagged', Date.now() - t); t = Date.now();
await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: false, outline: false });
console.log('pdf untagged', Date.now() - t); t = Date.now();
try {
  await page.evaluate(() => { document.querySelectorAll('.indice .pagina').forEach((e) => (e.textContent = '99')); });
  console.log('evaluate ok', Date.now() - t);
} catch (e) { console.log('evaluate failed', String(e).slice(0, 100)); }
t = Date.now();
await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
console.log('pdf tagged 2', Date.now() - t);
await browser.close();
