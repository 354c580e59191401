// Injected into the validation page's bundle as the global `Buffer` that ingest uses (decode.ts, xlsx.ts):
// the `buffer` package, the same that iconv-lite's safer-buffer loads in a browser.
export { Buffer } from 'buffer';
