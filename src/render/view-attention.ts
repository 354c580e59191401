import type { ViewContext, RichText } from './view-context.js';
import type { AreaAttention, AttentionPoint, ZoneRank } from '../compute/findings/types.js';
import type { Lang } from '../types.js';
import { byCount } from '../i18n.js';
import { formatChange, formatNumber } from './format.js';
import { commitmentState } from './view-accountability.js';
import { voiceView, type VoiceView } from './view-community.js';

// An area's page opens with its profile and points of attention: the services that do not reach it, the
// indicators compute found below target or far from the city (with the area's rank in its zona), its
// largest change, then the commitments that concern it and the voices given there (where compute lets
// them name the place). Compute chose every point; this only says them.

export interface AttentionView {
  titolo: string;
  /** One sentence each: services not reaching, points, what was left out, largest change. */
  punti: RichText[];
  /** Said when compute found nothing to point at. */
  nessuno: string;
  impegniTitolo: string;
  impegni: RichText[];
  vociTitolo: string;
  voci: VoiceView[];
}

/** "7° su 7", "7th of 7". */
function rankText(ctx: ViewContext, rank: ZoneRank, zona: string): string {
  return ctx.text(
    { it: '{pos} su {su} nella zona {zona}', en: '{pos} of {su} in the {zona} zone' },
    { pos: ordinal(rank.posizione, ctx.lang), su: rank.su, zona },
  );
}

function ordinal(n: number, lang: Lang): string {
  if (lang === 'it') return `${n}°`;
  const tail = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${tail}`;
}

function pointText(ctx: ViewContext, p: AttentionPoint, zona: string): RichText {
  const rank = p.rango ? `; ${rankText(ctx, p.rango, zona)}` : '';
  if (p.tipo === 'sotto_obiettivo') {
    const def = ctx.values.definition(p.indicatore);
    const label = def?.obiettivi[0]?.etichetta ?? p.etichetta;
    // Where lower is better the target is a ceiling: the area is above it.
    return ctx.rich(
      def?.polarita === 'basso_meglio'
        ? {
            it: "{nome}: {v}, sopra l'obiettivo di {o}{etichetta} ({intero} {c}){rank}.",
            en: '{nome}: {v}, above the target of {o}{etichetta} ({intero} {c}){rank}.',
          }
        : {
            it: "{nome}: {v}, sotto l'obiettivo di {o}{etichetta} ({intero} {c}){rank}.",
            en: '{nome}: {v}, below the target of {o}{etichetta} ({intero} {c}){rank}.',
          },
      {
        nome: ctx.indicatorName(p.indicatore),
        v: ctx.values.withUnit(p.indicatore, p.valore),
        o: ctx.values.withUnit(p.indicatore, p.obiettivo),
        etichetta: label ? `, ${label}` : '',
        c: p.citta === null ? '—' : ctx.values.withUnit(p.indicatore, p.citta),
        rank,
      },
    );
  }
  const def = ctx.values.definition(p.indicatore);
  return ctx.rich(
    def?.polarita === 'basso_meglio'
      ? { it: '{nome}: {v}, molto sopra {l_intero} ({c}){rank}.', en: '{nome}: {v}, well above the {intero} ({c}){rank}.' }
      : { it: '{nome}: {v}, molto sotto {l_intero} ({c}){rank}.', en: '{nome}: {v}, well below the {intero} ({c}){rank}.' },
    {
      nome: ctx.indicatorName(p.indicatore),
      v: ctx.values.withUnit(p.indicatore, p.valore),
      c: ctx.values.withUnit(p.indicatore, p.citta),
      rank,
    },
  );
}

/** The profile and points of attention of one quartiere's page. */
export function attentionView(
  ctx: ViewContext,
  attention: AreaAttention | undefined,
  area: { codice: string; nome: string; codiceZona: string; zona: string },
): AttentionView {
  const punti: RichText[] = [];
  if (attention && attention.nonRaggiunto.length > 0) {
    const names = attention.nonRaggiunto.map((s) => {
      const servizio = ctx.catalogue.servizi.find((x) => x.codice === s.servizio);
      return ctx.projectText(servizio?.nome ?? s.servizio, servizio?.nomeEn);
    });
    // The names, each marked with its language where the project gives it no English twin.
    const lista: RichText = names.flatMap((n, i) => [
      ...(i > 0 ? [{ text: ', ' }] : []),
      n.lang ? { text: n.text, lang: n.lang } : { text: n.text },
    ]);
    punti.push(
      ctx.rich(
        byCount(
          names.length,
          {
            it: 'Un servizio del progetto attivo altrove {nell_intero} non raggiunge nessuno in quest{area_o} {area}: {lista}.',
            en: 'One service of the project active elsewhere in the {intero} reaches no one in this {area}: {lista}.',
          },
          {
            it: '{n} servizi del progetto attivi altrove {nell_intero} non raggiungono nessuno in quest{area_o} {area}: {lista}.',
            en: '{n} services of the project active elsewhere in the {intero} reach no one in this {area}: {lista}.',
          },
        ),
        { n: names.length, lista },
      ),
    );
  }
  for (const p of attention?.punti ?? []) punti.push(pointText(ctx, p, area.zona));
  if (attention && attention.altri > 0) {
    punti.push(
      ctx.rich(
        byCount(
          attention.altri,
          {
            it: 'Un altro valore è lontano da quello {dell_intero}: è nelle tabelle qui sotto.',
            en: 'One more value is far from the {intero}: it is in the tables below.',
          },
          {
            it: 'Altri {n} valori sono lontani da quelli {dell_intero}: sono nelle tabelle qui sotto.',
            en: '{n} more values are far from the {intero}: they are in the tables below.',
          },
        ),
        { n: attention.altri },
      ),
    );
  }
  const change = attention?.variazione;
  if (change && ctx.annoPrecedente !== null) {
    punti.push(
      ctx.rich(
        {
          it: 'La variazione più grande sul {prima}: {nome}, da {a} a {b} ({diff}, {pct}).',
          en: 'The largest change from {prima}: {nome}, from {a} to {b} ({diff}, {pct}).',
        },
        {
          prima: ctx.annoPrecedente,
          nome: ctx.indicatorName(change.indicatore),
          a: ctx.values.withUnit(change.indicatore, change.precedente),
          b: ctx.values.withUnit(change.indicatore, change.valore),
          diff: formatChange(change.variazione, ctx.lang, ctx.values.definition(change.indicatore)?.decimali ?? 1),
          pct: `${formatChange(change.pct, ctx.lang, 0)}%`,
        },
      ),
    );
  }
  const own = ctx.result.commitments.impegni.filter((c) => c.quartiere === area.codice);
  const ofZone = ctx.result.commitments.impegni.filter((c) => c.quartiere === null && c.zona === area.codiceZona);
  const impegni: RichText[] = own.map((c) =>
    ctx.rich(
      { it: '{descrizione} ({stato}{avanzamento})', en: '{descrizione} ({stato}{avanzamento})' },
      {
        descrizione: ctx.projectText(c.descrizione, c.descrizioneEn),
        stato: commitmentState(ctx, c, 'sentence'),
        avanzamento: c.avanzamento === null ? '' : `, ${formatNumber(c.avanzamento, ctx.lang, 0)}%`,
      },
    ),
  );
  // The zona's own commitments are the same on each of its pages: counted here, listed in the commitments chapter.
  if (ofZone.length > 0) {
    impegni.push(
      ctx.rich(
        byCount(
          ofZone.length,
          {
            it: '1 impegno riguarda tutta la zona {zona}: è nel capitolo «{capitolo}».',
            en: 'One commitment concerns the whole {zona} zone: it is in the chapter «{capitolo}».',
          },
          {
            it: '{n} impegni riguardano tutta la zona {zona}: sono nel capitolo «{capitolo}».',
            en: '{n} commitments concern the whole {zona} zone: they are in the chapter «{capitolo}».',
          },
        ),
        { n: ofZone.length, zona: area.zona, capitolo: ctx.label('impegni') },
      ),
    );
  }
  const voci = ctx.result.voices.filter((v) => v.anno === ctx.anno && v.luogo === area.nome).map(voiceView);
  return {
    titolo: ctx.text({ it: 'Punti di attenzione', en: 'Points of attention' }),
    punti,
    nessuno:
      punti.length === 0
        ? ctx.text({
            it: "Nessun servizio manca {all_area}, nessun valore è sotto l'obiettivo o lontano da quello {dell_intero}.",
            en: 'No service misses the {area}, and no value is below target or far from the {intero}.',
          })
        : '',
    impegniTitolo: ctx.text({ it: 'Impegni per {l_area} e la sua zona', en: 'Commitments for the {area} and its zone' }),
    impegni,
    vociTitolo: ctx.text({ it: 'Voci {dall_area}', en: 'Voices from the {area}' }),
    voci,
  };
}
