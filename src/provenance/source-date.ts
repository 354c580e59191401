import type { Lang } from '../types.js';
import { t } from '../i18n.js';

/** The PDF's creation date: SOURCE_DATE_EPOCH (seconds) when set, else the config's publication date, else none. */
export function pdfDateFor(
  sourceDateEpoch: string | undefined,
  dataPubblicazione: string | null | undefined,
  lang: Lang,
): { date: Date | undefined } | { error: string } {
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== '') {
    // reproducible-builds.org: a malformed value must stop the build, not be silently ignored.
    if (!/^\d{1,12}$/.test(sourceDateEpoch.trim())) {
      return {
        error: t(
          lang,
          {
            it: 'SOURCE_DATE_EPOCH vale "{value}": deve essere un numero intero di secondi dal 1° gennaio 1970 (per esempio 1751241600).',
            en: 'SOURCE_DATE_EPOCH is "{value}": it must be a whole number of seconds since 1 January 1970 (e.g. 1751241600).',
          },
          { value: sourceDateEpoch },
        ),
      };
    }
    return { date: new Date(Number(sourceDateEpoch.trim()) * 1000) };
  }
  return { date: dataPubblicazione ? new Date(`${dataPubblicazione}T00:00:00Z`) : undefined };
}
