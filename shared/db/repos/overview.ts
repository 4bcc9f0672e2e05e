import type { ProjectDb } from '../connection';
import type { BronInfo, ProjectCounts } from '../../contract';
import { COUNT_KEYS } from '../../contract';
import { bewaard, type Teller } from './versies';

/** How each kind of data is counted. Keys are the `counts` keys of `info --json` and the Overzicht page. */
const COUNT_SQL: Readonly<Record<(typeof COUNT_KEYS)[number], string>> = {
  gemeenten: "SELECT count(*) FROM gebied WHERE niveau = 'gemeente'",
  wijken: "SELECT count(*) FROM gebied WHERE niveau = 'wijk'",
  buurten: "SELECT count(*) FROM gebied WHERE niveau = 'buurt'",
  eigenGebieden: "SELECT count(*) FROM gebied WHERE niveau = 'eigen'",
  indicatoren: 'SELECT count(*) FROM indicator',
  indicatorwaarden: 'SELECT count(*) FROM indicator_waarde',
  metingen: 'SELECT count(*) FROM meting',
  organisaties: 'SELECT count(*) FROM organisatie',
  voorzieningen: 'SELECT count(*) FROM voorziening',
  relaties: 'SELECT count(*) FROM relatie',
  taxonomieItems: 'SELECT count(*) FROM taxonomie_item',
  bronnen: 'SELECT count(*) FROM bron',
  geometrieen: 'SELECT count(*) FROM geometrie',
  weergaven: 'SELECT count(*) FROM weergave',
  scenarios: 'SELECT count(*) FROM scenario',
  snapshots: 'SELECT count(*) FROM snapshot',
};

/**
 * Counted only when their change counter moved (repos/versies.ts): each is a scan of a big table (11 million figures
 * in a project with five years of the whole country: ~50 ms; the gebieden by niveau ~30 ms), and the overview comes
 * back after every edit.
 */
const KEPT: Partial<Record<(typeof COUNT_KEYS)[number], Teller>> = {
  gemeenten: 'gebied',
  wijken: 'gebied',
  buurten: 'gebied',
  eigenGebieden: 'gebied',
  indicatorwaarden: 'cijfers',
};

export function countAll(db: ProjectDb): ProjectCounts {
  const counts = {} as Record<(typeof COUNT_KEYS)[number], number>;
  for (const key of COUNT_KEYS) {
    const count = () => Number(db.value(COUNT_SQL[key]) ?? 0);
    const teller = KEPT[key];
    counts[key] = teller ? bewaard(db, teller, `telling|${key}`, count) : count();
  }
  return counts;
}

export function listBronnen(db: ProjectDb): BronInfo[] {
  return db
    .all<{
      id: number;
      soort: string;
      bestandsnaam: string | null;
      sha256: string | null;
      geimporteerd_op: string;
      rijen_gelezen: number;
      rijen_geimporteerd: number;
      rijen_overgeslagen: number;
    }>(
      `SELECT id, soort, bestandsnaam, sha256, geimporteerd_op, rijen_gelezen, rijen_geimporteerd, rijen_overgeslagen
       FROM bron ORDER BY geimporteerd_op DESC, id DESC`,
    )
    .map((r) => ({
      id: r.id,
      soort: r.soort,
      bestandsnaam: r.bestandsnaam,
      sha256: r.sha256,
      geimporteerdOp: r.geimporteerd_op,
      rijenGelezen: r.rijen_gelezen,
      rijenGeimporteerd: r.rijen_geimporteerd,
      rijenOvergeslagen: r.rijen_overgeslagen,
    }));
}
