// The live line of a long read (issue 8): rows read, rate, share of the file and time left,
// rewritten in place on a terminal and never printed elsewhere.
import type { StreamProgress } from '../ingest/stream/stream-table.js';
import type { Lang } from '../types.js';
import { t } from '../i18n.js';

/** The progress line's text: "residenti.csv: 1.234.567 righe, 1,8 milioni di righe/s, 45%, ancora 3 s". */
export function progressRowsText(progress: StreamProgress, lang: Lang): string {
  const { file, rows, bytes, totalBytes, elapsedMs } = progress;
  const locale = lang === 'it' ? 'it-IT' : 'en-GB';
  const perSecond = elapsedMs > 0 ? (rows / elapsedMs) * 1000 : 0;
  const rate =
    perSecond >= 1e6
      ? t(
          lang,
          { it: '{n} milioni di righe/s', en: '{n} million rows/s' },
          { n: (perSecond / 1e6).toLocaleString(locale, { maximumFractionDigits: 1 }) },
        )
      : t(lang, { it: '{n} righe/s', en: '{n} rows/s' }, { n: Math.round(perSecond).toLocaleString(locale) });
  const parts = [t(lang, { it: '{file}: {rows} righe', en: '{file}: {rows} rows' }, { file, rows: rows.toLocaleString(locale) }), rate];
  if (totalBytes > 0) parts.push(`${Math.min(100, Math.floor((bytes / totalBytes) * 100))}%`);
  if (!progress.done && bytes > 0 && bytes < totalBytes) {
    const left = Math.ceil((((totalBytes - bytes) / bytes) * elapsedMs) / 1000);
    parts.push(t(lang, { it: 'ancora {s} s', en: '{s} s left' }, { s: left }));
  }
  return parts.join(', ');
}

/** Writes the progress line on a terminal (carriage return, clear to the end, newline when done). */
export function writeProgressRows(progress: StreamProgress, lang: Lang, stream: NodeJS.WriteStream = process.stderr): void {
  if (!stream.isTTY) return;
  stream.write(`\r… ${progressRowsText(progress, lang)}\x1b[K${progress.done ? '\n' : ''}`);
}
