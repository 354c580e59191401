import type { WithholdReason } from './privacy/protect.js';

/** Why a figure is withheld, in the words of the open data (`motivo`) and of explain. */
export const MOTIVI: Record<WithholdReason, string> = {
  primaria: 'conteggio inferiore alla soglia di riservatezza',
  secondaria: 'soppressione complementare: impedisce di ricavare un dato riservato per differenza',
};
