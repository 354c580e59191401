import { QUARTIERE_ND, type ValidatedProject } from '../types.js';

// The citizens' voices as they may be published: the privacy decisions (consent, the place) are taken
// here; the report only formats them.

/** A voice that may be published, with only what may be shown of who gave it. */
export interface PublishedVoice {
  anno: number;
  cantiere: string;
  /** The text exactly as written. */
  testo: string;
  firma: string | null;
  ruolo: string | null;
  /** The quartiere's name, or null when it could point at the person (or is not known). */
  luogo: string | null;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** Residents per quartiere in one year (popolazione.residenti). */
function residents(project: Pick<ValidatedProject, 'dati'>, anno: number): Map<string, number> {
  const population = new Map<string, number>();
  for (const r of project.dati.get(anno)?.get('popolazione') ?? []) {
    const code = String(r.values.codice_quartiere);
    population.set(code, (population.get(code) ?? 0) + (typeof r.values.residenti === 'number' ? r.values.residenti : 0));
  }
  return population;
}

/**
 * The voices of every year that may be published: consent strictly true (a missing, "false" or "sì"
 * consent is no consent); the quartiere named only where its residents are at least `sogliaPopolazione`
 * (a small quartiere, ND or an unknown population could point at the person).
 */
export function publishableVoices(
  project: Pick<ValidatedProject, 'dati' | 'territorio' | 'anni'>,
  sogliaPopolazione: number,
): PublishedVoice[] {
  const names = new Map(project.territorio.quartieri.map((q) => [q.codice, q.nome]));
  return project.anni.flatMap((anno) => {
    const population = residents(project, anno);
    return (project.dati.get(anno)?.get('voci') ?? []).flatMap(({ values: v }): PublishedVoice[] => {
      if (v.consenso_pubblicazione !== true) return [];
      const code = text(v.codice_quartiere);
      const luogo = code && code !== QUARTIERE_ND && (population.get(code) ?? 0) >= sogliaPopolazione ? (names.get(code) ?? null) : null;
      return [{ anno, cantiere: String(v.cantiere), testo: String(v.testo), firma: text(v.firma), ruolo: text(v.ruolo), luogo }];
    });
  });
}
