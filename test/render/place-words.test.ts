import { describe, expect, it } from 'vitest';
import { areaWords, wholeWords } from '../../src/config/config.js';
import { t } from '../../src/i18n.js';
import { DEFAULT_PLACE_WORDS, placeParams } from '../../src/render/place-words.js';

// The project's place words said in Italian sentences: articles, articulated prepositions and agreements
// follow the noun and its gender, so that "la frazione" and "i quartieri" come out of the same text.

const TEXT = {
  it: '{Le_aree} ({art_aree} {n}) {dei_aree} {suoi_aree}; {un_area}, non indicat{area_o}; tutt{aree_i} {le_aree}; {dell_area}, {nelle_aree}, {sulle_aree}; tutt{intero_o} {l_intero}, {dell_intero}',
  en: '{Le_aree} of the {intero}: {un_area}',
};

function say(area: Parameters<typeof areaWords>[0], intero: Parameters<typeof wholeWords>[0], lang: 'it' | 'en' = 'it'): string {
  return t(lang, TEXT, { ...placeParams({ area: areaWords(area), intero: wholeWords(intero) }, lang), n: 5 });
}

describe('place words', () => {
  it("say today's words when the project names none", () => {
    expect(say(undefined, undefined)).toBe(
      'I quartieri (i 5) dei suoi; un quartiere, non indicato; tutti i quartieri; del quartiere, nei quartieri, sui quartieri; tutta la città, della città',
    );
    expect(say(undefined, undefined, 'en')).toBe('The quartieri of the city: a quartiere');
    expect(placeParams(DEFAULT_PLACE_WORDS, 'it').codice_area).toBe('codice');
  });

  it('follow a feminine noun and a masculine whole', () => {
    expect(say({ singolare: 'frazione', plurale: 'frazioni' }, { nome: 'comune' })).toBe(
      'Le frazioni (le 5) delle sue; una frazione, non indicata; tutte le frazioni; della frazione, nelle frazioni, sulle frazioni; tutto il comune, del comune',
    );
    expect(
      say({ singolare: 'frazione', plurale: 'frazioni', singolare_en: 'hamlet', plurale_en: 'hamlets' }, { nome: 'comune' }, 'en'),
    ).toBe('The hamlets of the municipality: a hamlet');
  });

  it('elide before a vowel and take lo/gli where Italian wants them', () => {
    const area = placeParams({ area: areaWords({ singolare: 'area', plurale: 'aree' }), intero: wholeWords({ nome: 'paese' }) }, 'it');
    expect([area.l_area, area.dell_area, area.un_area, area.le_aree, area.l_intero]).toEqual([
      "l'area",
      "dell'area",
      "un'area",
      'le aree',
      'il paese',
    ]);
    const rione = placeParams({ area: areaWords({ singolare: 'rione', plurale: 'rioni' }), intero: wholeWords(undefined) }, 'it');
    expect([rione.l_area, rione.delle_aree, rione.area_o]).toEqual(['il rione', 'dei rioni', 'o']);
    const stato = placeParams(
      { area: areaWords({ singolare: 'stato', plurale: 'stati', genere: 'm' }), intero: wholeWords(undefined) },
      'it',
    );
    expect([stato.l_area, stato.le_aree, stato.nelle_aree, stato.un_area]).toEqual(['lo stato', 'gli stati', 'negli stati', 'uno stato']);
  });

  it('take the gender from the config when the ending would mislead', () => {
    const circoscrizione = areaWords({ singolare: 'circoscrizione', plurale: 'circoscrizioni' });
    expect(circoscrizione.genere).toBe('f');
    expect(areaWords({ singolare: 'municipio', plurale: 'municipi' }).genere).toBe('m');
    expect(wholeWords({ nome: 'città' }).genere).toBe('f');
    expect(wholeWords({ nome: 'unione', genere: 'f' }).genere).toBe('f');
    expect(wholeWords({ nome: 'comune' }).nomeEn).toBe('municipality');
  });
});
