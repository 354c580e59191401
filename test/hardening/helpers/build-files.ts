/** Every file a whole build writes into its output folder (PDF included), sorted as readdir().sort() gives them. */
export const BUILD_FILES: readonly string[] = [
  '.bilancio-output.json',
  'contributi.html',
  'contributi.json',
  'datapackage.json',
  'impegni.csv',
  'indicatori.csv',
  'indicatori.json',
  'manifest.json',
  'piramidi.csv',
  'questionario.csv',
  'questionario_differenze.csv',
  'report.html',
  'report.pdf',
  'risorse.csv',
  'sintesi.json',
  'validazione.json',
];
