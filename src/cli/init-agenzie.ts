// The strategic agencies a project of community welfare usually has, all led by the Comune until the project
// gives each its lead, with a task to be rewritten in the project's own words.
/** The five agencies of a new project's catalogo/agenzie.csv, before it names the lead of each. */
export const STARTER_AGENZIE = [
  {
    codice: 'governance',
    nome: 'Governance',
    nomeEn: 'Governance',
    compito: 'Guida la cabina di regia del progetto.',
    compitoEn: "Runs the project's steering group.",
  },
  {
    codice: 'conoscenza',
    nome: 'Conoscenza e informazione',
    nomeEn: 'Knowledge and information',
    compito: 'Raccoglie e analizza i dati e cura il bilancio sociale.',
    compitoEn: 'Collects and analyses the data and edits the social report.',
  },
  {
    codice: 'risorse_umane',
    nome: 'Sviluppo delle risorse umane',
    nomeEn: 'Human resources development',
    compito: 'Forma operatori e volontari.',
    compitoEn: 'Trains workers and volunteers.',
  },
  {
    codice: 'comunicazione',
    nome: 'Comunicazione e raccolta di fondi e persone',
    nomeEn: 'Communication and fund and people raising',
    compito: 'Racconta il progetto e cerca fondi e volontari.',
    compitoEn: 'Tells people about the project and raises funds and volunteers.',
  },
  {
    codice: 'finanza',
    nome: 'Finanza',
    nomeEn: 'Finance',
    compito: 'Gestisce il bilancio del progetto.',
    compitoEn: "Manages the project's budget.",
  },
];
