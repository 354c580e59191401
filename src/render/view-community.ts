import type { TypedRow } from '../types.js';
import type { ViewContext, TableView } from './view-context.js';
import { formatNumber } from './format.js';

export interface VoiceView {
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

/** Mean of Likert answers with a 95% interval (normal approximation on the answers' variance). */
export function meanWithInterval(answers: number[]): { mean: number; low: number; high: number; n: number } | null {
  const n = answers.length;
  if (n === 0) return null;
  const mean = answers.reduce((s, v) => s + v, 0) / n;
  const variance = n > 1 ? answers.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : 0;
  const half = 1.96 * Math.sqrt(variance / n);
  return { mean, low: mean - half, high: mean + half, n };
}

/** The community's voice: survey results by dimension with intervals, and voices given with consent. */
export function communityView(ctx: ViewContext): CommunityView {
  const { project, anno, config } = ctx;
  const rows = project.dati.get(anno)?.get('questionario') ?? [];
  const domande = project.dati.get(anno)?.get('domande') ?? [];
  const dimensionOf = new Map(domande.map((d) => [String(d.values.codice_domanda), String(d.values.dimensione)]));
  const zonaOf = new Map(project.territorio.quartieri.map((q) => [q.codice, q.codiceZona]));
  const fmt = (v: number) => formatNumber(v, ctx.lang, 2);
  const survey: TableView[] = [];
  if (rows.length > 0) {
    const dimensions = [...new Set(domande.map((d) => String(d.values.dimensione)))];
    const areas = [
      { label: ctx.label('citta'), test: (_r: TypedRow) => true },
      ...project.territorio.zone.map((z) => ({ label: `${ctx.label('zona')} ${z.nome}`, test: (r: TypedRow) => zonaOf.get(String(r.values.codice_quartiere)) === z.codice })),
    ];
    const body = areas.map((area) => {
      const own = rows.filter(area.test);
      const respondents = new Set(own.map((r) => String(r.values.id_risposta))).size;
      const shown = respondents >= config.sogliaRisposte;
      return {
        cells: [
          { text: area.label, numeric: false, header: true },
          { text: String(respondents), numeric: true },
          ...dimensions.map((dim) => {
            if (!shown) return { text: ctx.label('nd'), numeric: true, soppresso: true };
            const answers = own.filter((r) => dimensionOf.get(String(r.values.codice_domanda)) === dim && typeof r.values.valore === 'number').map((r) => r.values.valore as number);
            const m = meanWithInterval(answers);
            return { text: m ? `${fmt(m.mean)} (${fmt(m.low)}–${fmt(m.high)})` : '—', numeric: true };
          }),
        ],
      };
    });
    survey.push(ctx.table('tab-questionario', ctx.text({
      it: 'Questionario ai cittadini {anno}: punteggio medio da 1 a 5 per dimensione, con intervallo di confidenza al 95%', en: 'Citizens\' survey {anno}: mean score from 1 to 5 by dimension, with 95% confidence interval',
    }, { anno }), [ctx.text({ it: 'Territorio', en: 'Area' }), ctx.text({ it: 'Rispondenti', en: 'Respondents' }), ...dimensions.map((d) => d.replace(/_/g, ' '))], body,
    ctx.text({ it: 'Le differenze tra zone vanno lette con i loro intervalli: due intervalli che si sovrappongono non indicano una differenza certa. Territori con meno di {s} rispondenti: n.d.', en: 'Differences between zones must be read with their intervals: overlapping intervals do not show a certain difference. Areas with fewer than {s} respondents: n.a.' }, { s: config.sogliaRisposte })));
  }
  const population = new Map<string, number>();
  for (const r of project.dati.get(anno)?.get('popolazione') ?? []) {
    const code = String(r.values.codice_quartiere);
    population.set(code, (population.get(code) ?? 0) + (r.values.residenti as number));
  }
  const names = new Map(project.territorio.quartieri.map((q) => [q.codice, q.nome]));
  const voices = new Map<string, VoiceView[]>();
  for (const v of project.dati.get(anno)?.get('voci') ?? []) {
    if (v.values.consenso_pubblicazione !== true) continue;
    const code = v.values.codice_quartiere ? String(v.values.codice_quartiere) : null;
    const place = code && code !== 'ND' && (population.get(code) ?? 0) >= config.sogliaPopolazioneVoci ? names.get(code) : null;
    const chi = [v.values.firma ? String(v.values.firma) : null, v.values.ruolo ? String(v.values.ruolo) : null, place].filter(Boolean).join(', ');
    const cantiere = ctx.label(v.values.cantiere as 'forza_comunita');
    voices.set(cantiere, [...(voices.get(cantiere) ?? []), { testo: String(v.values.testo), chi }]);
  }
  return {
    id: 'voce-comunita',
    title: ctx.label('voceComunita'),
    paragraphs: [ctx.text({
      it: 'I cittadini hanno risposto al questionario partecipativo e hanno raccontato la loro esperienza. Le voci sono riportate come sono state scritte, solo con il consenso di chi le ha date; il nome compare solo se la persona lo ha firmato.',
      en: 'Citizens answered the participatory survey and told their experience. Voices are printed as written, only with the consent of those who gave them; a name appears only where the person signed.',
    })],
    survey,
    voices: [...voices].map(([cantiere, voci]) => ({ cantiere, voci })),
  };
}
