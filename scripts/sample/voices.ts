// dati/<anno>/voci.json: voices from the community, written by hand (fiction, no real person).
// Free text, to be shown exactly as written: one of them types markup, ampersands and quotes.

import type { Cantiere } from './catalogue.js';
import { quartiere } from './territory.js';
import { toJson } from './writers.js';

type Voce = [Cantiere, string, string | null, string, boolean, string?];

// cantiere, ruolo, quartiere (official name or null), testo, consenso, firma
const VOCI: Record<number, Voce[]> = {
  2023: [
    ['forza_comunita', 'volontario', "Sant'Eufemia", 'Al Punto comunità il martedì mattina ci troviamo in sei o sette: chi porta il caffè, chi aiuta a compilare una domanda online. All\'inizio venivano solo i soliti, adesso arrivano anche famiglie nuove del quartiere.', true, 'Giuseppe, volontario'],
    ['forza_comunita', 'cittadino', 'Lamarmora', 'Non sapevo che esistesse uno spazio così a due passi da casa. Ci sono andata per chiedere del bonus affitti e sono uscita con il numero di una signora che cerca compagnia per la spesa.', true],
    ['prima_infanzia', 'familiare', 'Sanpolino', 'Per il nido abbiamo fatto domanda a febbraio e il posto è arrivato solo a novembre, nel frattempo ho dovuto chiedere il part-time. Lo spazio gioco del sabato è stato la nostra salvezza.', true, 'Elisa M.'],
    ['prima_infanzia', 'operatore', 'Don Bosco', 'Molte mamme arrivano allo spazio gioco senza conoscere nessuno in città. Dopo qualche settimana si scambiano i numeri e si organizzano da sole per accompagnare i bambini.', true],
    ['prima_infanzia', 'familiare', 'Villaggio Violino', 'Il nido più vicino per noi è a venti minuti di autobus. Con due bambini piccoli e senza macchina è quasi impossibile.', false],
    ['giovani', 'utente', 'Porta Cremona-Volta', "All'Officina ho imparato a montare un video e adesso faccio i filmati per la squadra di calcio del quartiere. Prima il pomeriggio lo passavo al parchetto senza fare niente.", true, 'Amir, 17 anni'],
    ['giovani', 'operatore', 'Chiusure', 'I ragazzi ci chiedono soprattutto un posto dove stare la sera, al caldo, senza dover spendere. Il centro di aggregazione chiude alle 19: è presto.', true],
    ['giovani', 'utente', 'Fiumicello', 'Il CAG per me è stato il primo posto dove qualcuno mi ha aiutato con i compiti di italiano. Ora aiuto io quelli di prima media.', true],
    ['cento_leve', 'cittadino', 'San Polo Cimabue', "Con il progetto delle leve abbiamo sistemato l'orto dietro la scuola. Ci lavorano insieme i pensionati e i ragazzi del doposcuola: chi l'avrebbe detto.", true, 'Comitato orti Cimabue'],
    ['cento_leve', 'volontario', 'Primo Maggio', 'Il bando era semplice, ma la rendicontazione no: tre moduli diversi per 800 euro di spesa. Per una piccola associazione è tanto.', true],
    ['cento_leve', 'operatore', null, 'Le leve funzionano quando nascono da un gruppo che già esiste. Dove abbiamo provato a partire da zero, dopo l\'estate il gruppo si è sciolto.', true],
    ['poverta_lavoro', 'utente', 'Porta Cremona-Volta', "All'emporio non ti senti guardata. Scegli tu cosa prendere, come in un negozio, e questo per me fa la differenza.", true],
    ['poverta_lavoro', 'utente', 'Lamarmora', 'Ho perso il lavoro in magazzino a marzo. Allo sportello mi hanno aiutato a rifare il curriculum e a iscrivermi a un corso per il patentino del muletto.', false],
    ['poverta_lavoro', 'volontario', 'Centro Storico Sud', "Le persone che arrivano all'emporio sono cambiate: non più solo chi è senza lavoro, ma famiglie dove si lavora in due e non si arriva a fine mese.", true, 'Franca, volontaria ACLI'],
    ['poverta_lavoro', 'operatore', 'Chiesanuova', "Molti non sanno di avere diritto all'assegno unico o alle agevolazioni sulle bollette. Un'ora allo sportello a volte vale più di un pacco alimentare.", true],
    ['anziani_disabili', 'utente', 'Villaggio Prealpino-Stocchetta', 'Scrivo <b>GRAZIE</b> in grassetto come mi ha insegnato mio nipote: il passaggio del martedì per la visita è la mia libertà. Orari 9 & 30 "più o meno", ma arrivano sempre!', true, 'Rosa, 84 anni'],
    ['anziani_disabili', 'familiare', 'Casazza', "Mia madre ha 91 anni e vive sola. L'assistenza domiciliare viene tre volte alla settimana; il resto lo facciamo noi figli, ma siamo stanchi.", false],
    ['anziani_disabili', 'volontario', 'Mompiano', "Accompagno gli anziani a fare la spesa da sei anni. Quello che chiedono di più non è il passaggio, è qualcuno con cui parlare per mezz'ora.", true],
    ['anziani_disabili', 'familiare', 'Sanpolino', 'Nostro figlio frequenta il centro diurno da quando ha finito la scuola. Lì ha degli amici. Il problema è cosa succederà quando noi non ci saremo più.', true],
    ['anziani_disabili', 'operatore', 'Urago Mella', 'Le richieste di assistenza domiciliare sono aumentate, soprattutto da persone sole sopra gli 85 anni. Le ore a disposizione per ciascuno restano poche.', true],
    ['forza_comunita', 'cittadino', 'Borgo Trento', 'Nel mio condominio ci sono dodici appartamenti e in otto vivono persone sole. Il questionario mi ha fatto pensare che non conosco quasi nessuno.', true],
    ['forza_comunita', 'volontario', 'Folzano', 'In un quartiere piccolo come il nostro ci si conosce tutti, ma i servizi sono lontani: per qualsiasi cosa bisogna andare in città.', true, 'Pietro'],
    ['giovani', 'cittadino', 'Villaggio Sereno', 'Il campetto è stato risistemato ma la sera è buio. Se mettessero due lampioni i ragazzi ci andrebbero anche d\'inverno.', true],
    ['prima_infanzia', 'operatore', 'Porta Venezia', 'Al nido abbiamo bambini di undici nazionalità diverse. Le educatrici imparano le parole di benvenuto in tutte le lingue: è il primo pezzo di città che incontrano.', true],
    ['poverta_lavoro', 'utente', null, 'Dormo in macchina da due mesi. Mi hanno dato l\'indirizzo del dormitorio e il numero dello sportello, ma di giorno lavoro e gli orari non coincidono.', false, 'M.'],
  ],
  2024: [
    ['forza_comunita', 'volontario', "Sant'Eufemia", "Quest'anno al Punto comunità abbiamo iniziato un corso di smartphone per gli over 70. Si sono iscritti in ventidue: abbiamo dovuto fare due turni.", true, 'Giuseppe, volontario'],
    ['forza_comunita', 'cittadino', 'Chiusure', 'Sono arrivata a Brescia da un anno. La prima persona che mi ha salutato per nome è stata la volontaria del Punto comunità.', true],
    ['forza_comunita', 'operatore', 'San Polo Case', "Il rischio è che il Punto comunità diventi l'ennesimo sportello. Funziona quando le persone ci vengono anche senza un problema da risolvere.", true],
    ['prima_infanzia', 'familiare', 'Sanpolino', 'Il nuovo nido di Sanpolino ha aperto a settembre e mia figlia ha avuto il posto. Per noi è cambiato tutto: ho ripreso il lavoro a tempo pieno.', true, 'Elisa M.'],
    ['prima_infanzia', 'familiare', 'Villaggio Violino', 'Finalmente anche da noi ci sono posti al nido, ma le rette per chi ha un ISEE appena sopra la soglia restano alte.', true],
    ['prima_infanzia', 'operatore', 'Fiumicello', 'Allo spazio gioco vengono anche molti papà, cosa che due anni fa era rarissima. Abbiamo spostato un incontro al sabato apposta per loro.', true],
    ['giovani', 'utente', 'Porta Cremona-Volta', "Grazie all'Officina ho fatto uno stage in una tipografia e a settembre mi hanno preso in apprendistato.", true, 'Amir, 18 anni'],
    ['giovani', 'operatore', 'Lamarmora', 'Abbiamo prolungato l\'apertura del centro fino alle 21 due sere a settimana. Le presenze serali sono raddoppiate in tre mesi.', true],
    ['giovani', 'utente', 'Don Bosco', 'Al CAG ci sono pochi posti per fare musica, la sala prove è sempre prenotata. Servirebbe una seconda sala.', false],
    ['giovani', 'cittadino', 'Urago Mella', 'I ragazzi del quartiere hanno dipinto il sottopasso insieme ai volontari. Adesso non ci sono più scritte e lo attraversano anche le signore anziane.', true],
    ['cento_leve', 'volontario', 'Primo Maggio', "Rispetto all'anno scorso la rendicontazione è più semplice: un modulo unico e una persona di riferimento da chiamare. Così ce la facciamo.", true],
    ['cento_leve', 'cittadino', 'Caionvico', 'Con la leva del nostro quartiere abbiamo comprato le panche per la festa d\'estate. Piccola cosa, ma è venuto tutto il paese.', true, 'Gruppo festa di Caionvico'],
    ['cento_leve', 'operatore', null, 'Delle leve finanziate, quelle che continuano dopo il primo anno sono quasi sempre quelle con almeno un giovane nel gruppo promotore.', true],
    ['poverta_lavoro', 'utente', 'Centro Storico Nord', "All'emporio ho trovato anche un corso di cucina. Ho imparato a fare la spesa con 30 euro a settimana per tre persone.", true],
    ['poverta_lavoro', 'volontario', 'Porta Cremona-Volta', "Le tessere dell'emporio sono aumentate ancora. Mancano volontari il sabato mattina: chi ha due ore libere si faccia avanti!", true, 'Franca, volontaria ACLI'],
    ['poverta_lavoro', 'utente', 'San Polo Cimabue', 'Dopo sei mesi di sportello ho firmato un contratto a tempo indeterminato come addetta alle pulizie in ospedale. Non pensavo di farcela a cinquantadue anni.', true],
    ['poverta_lavoro', 'operatore', 'Villaggio Badia', 'Allo sportello lavoro arrivano sempre più persone che un impiego ce l\'hanno, ma con contratti da poche ore. Il problema non è solo trovare lavoro, è trovarne uno che basti.', true],
    ['anziani_disabili', 'utente', 'Villaggio Prealpino-Stocchetta', 'Il volontario che mi accompagna dal medico ormai è di famiglia. Mi porta anche il giornale.', true, 'Rosa, 85 anni'],
    ['anziani_disabili', 'familiare', 'Borgo Trento', "L'assistenza domiciliare ha aggiunto un'ora il venerdì. Sembra poco, ma per noi vuol dire poter uscire una sera.", true],
    ['anziani_disabili', 'familiare', 'Sanpolino', 'Il centro diurno ha organizzato una settimana al lago per i ragazzi. Nostro figlio non era mai stato via senza di noi. Grazie a tutti gli operatori <3', true, 'Mamma di Luca'],
    ['anziani_disabili', 'operatore', 'Mompiano', "Gli anziani soli che seguiamo sono quasi tutte donne sopra gli 80. Molte d'inverno non escono di casa: il telefono è il nostro primo strumento.", true],
    ['anziani_disabili', 'utente', 'Casazza', 'Vorrei che qualcuno venisse anche la domenica. La domenica è il giorno più lungo.', false],
    ['forza_comunita', 'cittadino', 'Crocifissa di Rosa', 'Ho compilato il questionario perché ci tengo al quartiere. Però vorrei sapere cosa ne fate delle risposte: è la prima volta che le vedo scritte in un bilancio.', true],
    ['forza_comunita', 'volontario', 'Folzano', "Quest'anno una volta al mese il Punto comunità viene anche a Folzano, nella sala della parrocchia. Per noi è una piccola rivoluzione.", true, 'Pietro'],
    ['poverta_lavoro', 'utente', null, "Ho chiesto aiuto per l'affitto a tre uffici diversi e ognuno mi ha mandato da un altro. Alla fine mi ha aiutato una vicina.", false],
  ],
};

/** dati/<anno>/voci.json */
export function vociJson(anno: number): string {
  const voci = VOCI[anno] ?? [];
  return toJson(
    voci.map(([cantiere, ruolo, nome, testo, consenso, firma], i) => ({
      id: `V${anno}-${String(i + 1).padStart(2, '0')}`,
      anno,
      ...(nome ? { codice_quartiere: quartiere(nome).codice } : {}),
      cantiere,
      ruolo,
      testo,
      consenso_pubblicazione: consenso,
      ...(firma ? { firma } : {}),
    })),
  );
}
