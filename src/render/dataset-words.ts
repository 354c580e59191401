import type { Lang } from '../types.js';
import type { Bilingual } from '../i18n.js';

// What a partner sent, named for readers by its dataset, never by its file name: erogazioni_acli.csv is
// "dati sulle erogazioni dei servizi". A file belongs to the dataset its name begins with (contratto dei
// dati, sezione 3); a dataset with no words of its own is named by its code, still without the file's name.

const DATASET_WORDS: Record<string, Bilingual> = {
  erogazioni: { it: 'erogazioni dei servizi', en: 'service delivery' },
  popolazione: { it: 'popolazione residente', en: 'resident population' },
  residenti: { it: 'residenti', en: 'residents' },
  famiglie: { it: 'famiglie', en: 'households' },
  movimento: { it: 'movimento demografico', en: 'demographic movement' },
  questionario: { it: 'questionario partecipativo', en: 'participatory survey' },
  domande: { it: 'domande del questionario', en: 'survey questions' },
  voci: { it: 'voci dei cittadini', en: "citizens' voices" },
  impegni: { it: 'impegni', en: 'commitments' },
  risorse: { it: 'risorse per fonte di finanziamento', en: 'resources by funding source' },
  personale: { it: 'operatori e volontari', en: 'staff and volunteers' },
};

/** The datasets of a list of file names, in words, each once, in the order first sent. */
export function datasetsText(files: readonly string[], lang: Lang): string {
  const codes = [...new Set(files.map((f) => f.toLowerCase().split(/[._-]/)[0]!))];
  return codes.map((code) => DATASET_WORDS[code]?.[lang] ?? code.replace(/_/g, ' ')).join(', ');
}
