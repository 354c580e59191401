import type { ViewContext, TableView } from './view-context.js';
import { surveyTables } from './view-survey.js';
import type { PublishedVoice } from '../compute/voices.js';

export interface VoiceView {
  /** The text exactly as written: the template escapes it, never interprets it. */
  testo: string;
  chi: string;
}

export interface CommunityView {
  id: string;
  title: string;
  paragraphs: string[];
  survey: TableView[];
  voices: { cantiere: string; voci: VoiceView[] }[];
}

/** The stem of an Italian role noun, the same for its genders and numbers: volontari(o|a|e), operat(ore|rice). */
function roleStem(word: string): string {
  const w = word.toLocaleLowerCase('it');
  const tore = /(.+)t(ore|ori|rice|rici)$/.exec(w);
  if (tore) return `${tore[1]}t`;
  return w.length > 3 ? w.replace(/i?[aeio]$/, '') : w;
}

/** Whether a voice's signature already names its role, in whatever gender or number it is written. */
export function signatureSaysRole(firma: string, ruolo: string): boolean {
  const words = firma
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .map(roleStem);
  const role = ruolo
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .map(roleStem);
  if (role.length === 0) return true;
  return words.some((_, i) => role.every((r, j) => words[i + j] === r));
}

/** A published voice as printed: its text as written, then signature, role and place as given. */
export function voiceView(voice: PublishedVoice): VoiceView {
  const { firma, luogo } = voice;
  // The role is left out where the signature already says it, in any gender or number ("Franca, volontaria").
  const ruolo = voice.ruolo && !(firma && signatureSaysRole(firma, voice.ruolo)) ? voice.ruolo : null;
  return { testo: voice.testo, chi: [firma, ruolo, luogo].filter((x): x is string => x !== null).join(', ') };
}

/** The voices compute lets publish for the report year, by cantiere: signature, role and place as given. */
export function voicesView(ctx: ViewContext): CommunityView['voices'] {
  const byCantiere = new Map<string, VoiceView[]>();
  for (const voice of ctx.result.voices.filter((v) => v.anno === ctx.anno)) {
    byCantiere.set(voice.cantiere, [...(byCantiere.get(voice.cantiere) ?? []), voiceView(voice)]);
  }
  // In the declared order (validation keeps no voice of an undeclared cantiere).
  const declared = ctx.catalogue.cantieri.map((c) => c.codice);
  const order = [...declared, ...[...byCantiere.keys()].filter((k) => !declared.includes(k))];
  return order
    .filter((k) => byCantiere.has(k))
    .map((k) => ({
      cantiere: ctx.cantiereTitle(k),
      voci: byCantiere.get(k)!,
    }));
}

/** The community's voice: survey results by dimension, question and area with intervals, and voices given with consent. */
export function communityView(ctx: ViewContext): CommunityView {
  const survey = surveyTables(ctx);
  return {
    id: 'voce-comunita',
    title: ctx.label('voceComunita'),
    paragraphs: [
      ctx.text({
        it: 'I cittadini hanno risposto al questionario partecipativo e hanno raccontato la loro esperienza. Le voci sono riportate come sono state scritte, solo con il consenso di chi le ha date; il nome compare solo se la persona lo ha firmato.',
        en: 'Citizens answered the participatory survey and told their experience. Voices are printed as written, only with the consent of those who gave them; a name appears only where the person signed.',
      }),
      ...(survey.method ? [survey.method] : []),
    ],
    survey: survey.tables,
    voices: voicesView(ctx),
  };
}
