/**
 * Pilotmonitor: per goal its status, the afhandeling, costs, initiatives and capacity (`../pilot.ts`); it opens the
 * report, and is left out when the project has no pilot and no goals.
 */
import { pilotSectie as pilotInhoud } from '../pilot';
import type { Sectie } from './types';

export const pilotSectie: Sectie<'pilot'> = {
  id: 'pilot',
  title: (w) => w.t('sectie.pilot'),
  build: (c) => pilotInhoud(c.db, c.peildatum, c.p, c.w),
};
