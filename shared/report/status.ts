/**
 * A pilot goal's status on paper and on a slide: a symbol that prints in black and white (● ▲ ■ ○) next to its word
 * and its colour. No database here: the report page (html.ts) and the renderer use it.
 */
import { STATUS_TEKST } from '../analysis/pilot';
import type { DoelStatus } from '../model/pilot';
import type { CelWaarde } from './model';

export const STATUS_SYMBOOL: Readonly<Record<DoelStatus, string>> = {
  op_koers: '●',
  aandacht: '▲',
  niet_op_koers: '■',
  geen_gegevens: '○',
};

/** The statuses, best first. */
export const STATUS_VOLGORDE: readonly DoelStatus[] = ['op_koers', 'aandacht', 'niet_op_koers', 'geen_gegevens'];

/** Text colours with a contrast of at least 4.5:1 on white. */
export const STATUS_KLEUR: Readonly<Record<DoelStatus, string>> = {
  op_koers: '#1a7f37',
  aandacht: '#8a5300',
  niet_op_koers: '#b42318',
  geen_gegevens: '#4d4d4d',
};

/** "● Op koers" / "● On course". */
export const statusCel = (s: DoelStatus, taal: 'nl' | 'en') => `${STATUS_SYMBOOL[s]} ${STATUS_TEKST[taal][s]}`;

/** The status a cell written by `statusCel` stands for (by its symbol); null for any other cell. */
export function statusVanCel(v: CelWaarde): DoelStatus | null {
  if (typeof v !== 'string') return null;
  return STATUS_VOLGORDE.find((s) => v.startsWith(`${STATUS_SYMBOOL[s]} `)) ?? null;
}
