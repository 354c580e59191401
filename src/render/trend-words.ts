import type { Trend } from '../compute/findings/types.js';
import type { Bilingual } from '../i18n.js';
import type { ViewContext } from './view-context.js';

// How an indicator moved over the years, in words, for the chapters' "what changed" and the Sintesi.

interface TrendWords {
  words: Bilingual;
  /** Said after the words where the reader needs the first and last value to know where it went. */
  tail?: Bilingual;
}

const TREND: Record<Trend, TrendWords> = {
  in_crescita: { words: { it: 'in crescita in ogni anno dal {da}', en: 'rising every year since {da}' } },
  in_calo: { words: { it: 'in calo in ogni anno dal {da}', en: 'falling every year since {da}' } },
  altalenante: {
    words: { it: 'con alti e bassi dal {da}', en: 'with ups and downs since {da}' },
    tail: { it: ' (da {primo} a {ultimo})', en: ' (from {primo} to {ultimo})' },
  },
};

/**
 * The trend since `da`; given the first and last value (already formatted), a trend that the words alone
 * leave open (ups and downs) also says them.
 */
export function trendText(ctx: ViewContext, tendenza: Trend, da: number, range?: { primo: string; ultimo: string }): string {
  const { words, tail } = TREND[tendenza];
  return ctx.text(words, { da }) + (tail && range ? ctx.text(tail, range) : '');
}
