import type { Migration } from './types';

/**
 * Version 6: a count the user excluded from the gap analysis ("controleer dit cijfer": implausible for its buurt, or a
 * jump since the previous moment). The count stays in the project and in the Metingen; the analysis leaves it out
 * and says so.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'meting-uitsluiten',
  up(db) {
    db.execScript(`
ALTER TABLE meting ADD COLUMN uitgesloten INTEGER NOT NULL DEFAULT 0 CHECK (uitgesloten IN (0,1));
`);
  },
};
