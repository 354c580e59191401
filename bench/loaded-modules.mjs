// Loaded with `node --import` by the benchmark: at exit, lists the heavy packages the run loaded.
import { createRequire } from 'node:module';

const HEAVY = /node_modules\/(puppeteer[^/]*|chart\.js|chartjs-node-canvas|canvas|handlebars|exceljs)\//;
process.on('exit', () => {
  const cache = Object.keys(createRequire(import.meta.url).cache);
  const heavy = new Set(cache.map((file) => HEAVY.exec(file)?.[1]).filter(Boolean));
  process.stderr.write(`bilancio-bench heavy ${[...heavy].join(',') || '-'}\n`);
});
