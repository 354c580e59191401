import { CANTIERI, QUARTIERE_ND, type Cantiere } from '../types.js';
import type { ViewContext, TableView } from './view-context.js';
import { surveyTables } from './view-survey.js';

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

/** Voices published: consent only, name only with consent, quartiere only where it cannot identify. */
export function voicesView(ctx: ViewContext): CommunityView['voices'] {
  const { project, anno, config } = ctx;
  const population = new Map<string, number>();
  for (const r of project.dati.get(anno)?.get('popolazione') ?? []) {
    const code = String(r.values.codice_quartiere);
    population.set(code, (population.get(code) ?? 0) + (typeof r.values.residenti === 'number' ? r.values.residenti : 0));
  }
  const names = new Map(project.territorio.quartieri.map((q) => [q.codice, q.nome]));
  const byCantiere = new Map<string, VoiceView[]>();
  for (const { values: v } of project.dati.get(anno)?.get('voci') ?? []) {
    // Strictly true: a missing, "false" or "sì" consent is no consent.
    if (v.consenso_pubblicazione !== true) continue;
    const code = typeof v.codice_quartiere === 'string' && v.codice_quartiere !== '' ? v.codice_quartiere : null;
    // A small quartiere (or an unknown population) could point at the person: the place is dropped.
    const place = code && code !== QUARTIERE_ND && (population.get(code) ?? 0) >= config.sogliaPopolazioneVoci ? names.get(code) ?? null : null;
    const firma = typeof v.firma === 'string' && v.firma.trim() !== '' ? v.firma : null;
    const ruolo = typeof v.ruolo === 'string' && v.ruolo.trim() !== '' && !firma?.toLowerCase().includes(v.ruolo.toLowerCase()) ? v.ruolo : null;
    const chi = [firma, ruolo, place].filter((x): x is string => x !== null).join(', ');
    const cantiere = String(v.cantiere);
    byCantiere.set(cantiere, [...(byCantiere.get(cantiere) ?? []), { testo: String(v.testo), chi }]);
  }
  const order = [...CANTIERI, ...[...byCantiere.keys()].filter((k) => !CANTIERI.includes(k as Cantiere))];
  return order.filter((k) => byCantiere.has(k)).map((k) => ({
    cantiere: CANTIERI.includes(k as Cantiere) ? ctx.label(k as Cantiere) : k,
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
