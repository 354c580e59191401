import type { Lang } from '../types.js';
import { areaWords, wholeWords, type AreaWords, type Genere, type WholeWords } from '../config/config.js';

// The project's words for its places, said in the report's language: what the areas of
// territorio/quartieri.csv are called (quartiere, frazione, rione…) and what the whole is (città,
// comune, paese), with the Italian articles, articulated prepositions and agreements a sentence needs.
// Every text of the report may use these placeholders (ViewContext fills them in):
//
//   {area} {aree} {Area} {Aree}                  the noun, singular and plural (capitalized)
//   {un_area} {l_area} {le_aree} {L_area} {Le_aree}   with its article: un quartiere, la frazione, i quartieri
//   {dell_area} {nell_area} {all_area} {sull_area} {dall_area}        di/in/a/su/da + article, singular
//   {delle_aree} {nelle_aree} {alle_aree} {sulle_aree} {dalle_aree}   the same, plural
//   {area_o} {aree_i}                            the ending of an adjective that agrees: o/a, i/e
//   {art_aree} {dei_aree} {suoi_aree}            i/le, dei/delle, suoi/sue: before a number or a possessive
//   {intero} {Intero} {l_intero} {L_intero} {dell_intero} {nell_intero} {all_intero} {sull_intero} {dall_intero}
//   {intero_o}                                   the whole's agreement: o/a (tutt{intero_o} {l_intero})
//   {codice_area}                                the name of the areas' codes (ISTAT ASC), or codice / code
//
// In English the articled forms are "the …"; English texts normally write `the {aree}` themselves.

export interface PlaceWords {
  area: AreaWords;
  intero: WholeWords;
}

/** The words of a project that names none: quartiere / quartieri and città. */
export const DEFAULT_PLACE_WORDS: PlaceWords = { area: areaWords(undefined), intero: wholeWords(undefined) };

/** The article of an Italian noun: il, lo, l', la, i, gli, le. */
function article(word: string, genere: Genere, plural: boolean): string {
  const w = word.toLocaleLowerCase('it');
  const vowel = /^[aeiouàèéìòùh]/.test(w);
  const lo = /^(s[^aeiouàèéìòù]|z|gn|ps|pn|x|y)/.test(w);
  if (genere === 'f') return plural ? 'le' : vowel ? "l'" : 'la';
  if (plural) return vowel || lo ? 'gli' : 'i';
  return vowel ? "l'" : lo ? 'lo' : 'il';
}

/** di, in, a, su, da joined with an article: del, nello, all', sulla, dai… */
const PREPOSITIONS = { de: 'de', ne: 'ne', a: 'a', su: 'su', da: 'da' } as const;
function articulated(prefix: string, art: string): string {
  const tail: Record<string, string> = { il: 'l', lo: 'llo', "l'": "ll'", la: 'lla', i: 'i', gli: 'gli', le: 'lle' };
  return `${prefix}${tail[art]}`;
}

const join = (art: string, word: string) => (art.endsWith("'") ? `${art}${word}` : `${art} ${word}`);
const capital = (text: string) => text.charAt(0).toLocaleUpperCase('it') + text.slice(1);

/** The indefinite article: un, uno, una, un'. */
function indefinite(word: string, genere: Genere): string {
  const art = article(word, genere, false);
  if (genere === 'f') return art === "l'" ? `un'${word}` : `una ${word}`;
  return art === 'lo' ? `uno ${word}` : `un ${word}`;
}

/** Every placeholder of the project's place words in one language (see the top of this file). */
export function placeParams(words: PlaceWords, lang: Lang): Record<string, string> {
  const { area, intero } = words;
  const params: Record<string, string> = {};
  const noun = (key: string, one: string, many: string | null, genere: Genere) => {
    const forms: [string, string, boolean][] = [[key, one, false]];
    if (many !== null) forms.push([key === 'area' ? 'aree' : `${key}_plurale`, many, true]);
    for (const [name, word, plural] of forms) {
      const art = article(word, genere, plural);
      const suffix = name === 'aree' ? 'le_aree' : `l_${name}`;
      params[name] = word;
      params[capital(name)] = capital(word);
      if (lang === 'en') {
        params[suffix] = `the ${word}`;
        params[capital(suffix)] = `The ${word}`;
        for (const p of ['dell', 'nell', 'all', 'sull', 'dall'])
          params[`${p}${name === 'aree' ? 'e' : ''}_${name}`] =
            `${{ dell: 'of', nell: 'in', all: 'to', sull: 'on', dall: 'from' }[p]} the ${word}`;
      } else {
        params[suffix] = join(art, word);
        params[capital(suffix)] = capital(join(art, word));
        const names = { dell: PREPOSITIONS.de, nell: PREPOSITIONS.ne, all: PREPOSITIONS.a, sull: PREPOSITIONS.su, dall: PREPOSITIONS.da };
        for (const [p, prefix] of Object.entries(names))
          params[`${p}${name === 'aree' ? 'e' : ''}_${name}`] = join(articulated(prefix, art), word);
      }
    }
  };
  if (lang === 'en') {
    noun('area', area.singolareEn, area.pluraleEn, area.genere);
    noun('intero', intero.nomeEn, null, intero.genere);
    params.un_area = `${/^[aeiou]/i.test(area.singolareEn) ? 'an' : 'a'} ${area.singolareEn}`;
    params.area_o = params.aree_i = params.intero_o = '';
    params.art_aree = params.suoi_aree = '';
    params.dei_aree = 'of the';
    params.codice_area = area.codice || 'code';
  } else {
    noun('area', area.singolare, area.plurale, area.genere);
    noun('intero', intero.nome, null, intero.genere);
    params.un_area = indefinite(area.singolare, area.genere);
    params.area_o = area.genere === 'f' ? 'a' : 'o';
    params.aree_i = area.genere === 'f' ? 'e' : 'i';
    params.intero_o = intero.genere === 'f' ? 'a' : 'o';
    params.art_aree = area.genere === 'f' ? 'le' : 'i';
    params.dei_aree = area.genere === 'f' ? 'delle' : 'dei';
    params.suoi_aree = area.genere === 'f' ? 'sue' : 'suoi';
    params.codice_area = area.codice || 'codice';
  }
  params.Un_area = capital(params.un_area);
  return params;
}
