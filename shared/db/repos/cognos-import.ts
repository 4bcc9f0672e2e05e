import type { ProjectDb } from '../connection';
import type { CognosRecord, ColumnOverride, ColumnOverrides } from '../../importers/cognos/parse';

export interface GebiedIndexEntry {
  readonly id: number;
  readonly code: string;
  readonly naam: string;
  readonly niveau: string;
  readonly jaar: number | null;
}

/** Every gebied the project knows (newest year first) and the aliases users confirmed before. */
export function gebiedIndex(db: ProjectDb): { gebieden: GebiedIndexEntry[]; aliassen: Map<string, string> } {
  const gebieden = db.all<GebiedIndexEntry>(
    `SELECT id, code, naam, niveau, jaar FROM gebied WHERE niveau IN ('buurt','wijk','gemeente','eigen')
     ORDER BY CASE niveau WHEN 'buurt' THEN 0 WHEN 'eigen' THEN 1 WHEN 'wijk' THEN 2 ELSE 3 END, coalesce(jaar, 9999) DESC`,
  );
  const aliassen = new Map(
    db
      .all<{ alias: string; gebied_code: string }>('SELECT alias, gebied_code FROM gebied_alias')
      .map((r) => [r.alias, r.gebied_code]),
  );
  return { gebieden, aliassen };
}

/**
 * The same count: gebied, measure, overlapping period and the same dimensions (product, level, form, type, and what
 * happened with the aanmeldingen: the afhandeling code).
 */
const SAME = `gebied_id = ? AND maat = ?
  AND coalesce(peildatum, periode_start) <= ? AND coalesce(peildatum, periode_eind, periode_start) >= ?
  AND wet IS ? AND product IS ? AND ondersteuningsbehoefte IS ? AND subniveau IS ? AND vorm IS ? AND meldingstype IS ?
  AND afhandeling IS ?`;

function dims(r: CognosRecord): (string | number | null)[] {
  return [r.wet, r.product, r.ondersteuningsbehoefte, r.subniveau, r.vorm, r.meldingstype, r.afhandeling];
}

/** Measurements already in the project for these gebieden and measures whose period overlaps. */
export function countOverlapping(db: ProjectDb, rows: readonly { gebiedId: number; r: CognosRecord }[]): number {
  return compareOverlapping(db, rows).aantal;
}

/** An overlapping count whose number differs from the file's: the first few, to show. */
export interface OverlapVerschil {
  readonly gebiedId: number;
  readonly record: CognosRecord;
  readonly inProject: number | null;
  readonly inBestand: number | null;
}

/**
 * Overlapping measurements and how their numbers compare with the file's: `gelijk` the ones with the same number
 * (or both shielded), `verschillend` the others, with up to five examples.
 */
export function compareOverlapping(
  db: ProjectDb,
  rows: readonly { gebiedId: number; r: CognosRecord }[],
): { aantal: number; gelijk: number; verschillend: number; voorbeelden: OverlapVerschil[] } {
  let aantal = 0;
  let gelijk = 0;
  let verschillend = 0;
  const voorbeelden: OverlapVerschil[] = [];
  const seen = new Set<string>();
  for (const { gebiedId, r } of rows) {
    const start = r.peildatum ?? r.periodeStart!;
    const eind = r.peildatum ?? r.periodeEind ?? start;
    const key = `${gebiedId}|${r.maat}|${start}|${eind}|${dims(r).join('|')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const bestaand = db.all<{ waarde: number | null; onderdrukt: number }>(
      `SELECT waarde, onderdrukt FROM meting WHERE ${SAME}`,
      [gebiedId, r.maat, eind, start, ...dims(r)],
    );
    for (const m of bestaand) {
      aantal++;
      const zelfde = m.onderdrukt === 1 || r.onderdrukt ? m.onderdrukt === 1 && r.onderdrukt : m.waarde === r.waarde;
      if (zelfde) gelijk++;
      else {
        verschillend++;
        if (voorbeelden.length < 5)
          voorbeelden.push({
            gebiedId,
            record: r,
            inProject: m.onderdrukt ? null : m.waarde,
            inBestand: r.onderdrukt ? null : r.waarde,
          });
      }
    }
  }
  return { aantal, gelijk, verschillend, voorbeelden };
}

export interface CognosCommitMeta {
  readonly fileName: string;
  readonly sha256: string;
  readonly now: string;
  readonly rowsRead: number;
  /** 'vervangen': remove overlapping measurements of the same gebied and measure first; 'beide': keep both. */
  readonly overlap: 'vervangen' | 'beide' | 'geen';
  readonly aliassen: ReadonlyMap<string, string>;
  readonly onProgress?: (done: number, total: number) => void;
  readonly pause?: () => Promise<void>;
}

/**
 * Writes the measurements, the replaced ones and the confirmed aliases. Runs inside the caller's transaction
 * (an async one: it pauses every 2,000 rows so a cancel can roll everything back).
 */
export async function writeCognos(
  db: ProjectDb,
  rows: readonly { gebiedId: number; r: CognosRecord }[],
  meta: CognosCommitMeta,
): Promise<{ bronId: number; metingen: number }> {
  {
    db.run(
      `INSERT INTO bron (soort, bestandsnaam, sha256, omschrijving, geimporteerd_op, rijen_gelezen, rijen_geimporteerd, details)
       VALUES ('cognos', ?, ?, 'Cognos-export', ?, ?, ?, ?)`,
      [meta.fileName, meta.sha256, meta.now, meta.rowsRead, rows.length, JSON.stringify({ metingen: rows.length })],
    );
    const bronId = Number(db.value('SELECT last_insert_rowid()'));
    if (meta.overlap === 'vervangen') {
      const del = db.raw.prepare(`DELETE FROM meting WHERE bron_id <> ? AND ${SAME}`);
      for (const { gebiedId, r } of rows) {
        const start = r.peildatum ?? r.periodeStart!;
        del.run([bronId, gebiedId, r.maat, r.peildatum ?? r.periodeEind ?? start, start, ...dims(r)]);
      }
      del.free();
    }
    const put = db.raw.prepare(
      `INSERT INTO meting (gebied_id, maat, peildatum, periode_start, periode_eind, wet, product, ondersteuningsbehoefte,
         subniveau, vorm, meldingstype, afhandeling, waarde, onderdrukt, onderdrukt_min, onderdrukt_max, bron_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let n = 0;
    for (const { gebiedId, r } of rows) {
      if (++n % 2000 === 0) {
        meta.onProgress?.(n, rows.length);
        if (meta.pause) {
          try {
            await meta.pause();
          } catch (err) {
            put.free();
            throw err;
          }
        }
      }
      put.run([
        gebiedId,
        r.maat,
        r.peildatum,
        r.periodeStart,
        r.periodeEind,
        r.wet,
        r.product,
        r.ondersteuningsbehoefte,
        r.subniveau,
        r.vorm,
        r.meldingstype,
        r.afhandeling,
        r.waarde,
        r.onderdrukt ? 1 : 0,
        r.min,
        r.max,
        bronId,
      ]);
    }
    put.free();
    const alias = db.raw.prepare(
      'INSERT INTO gebied_alias (alias, gebied_code, bevestigd_op) VALUES (?, ?, ?) ON CONFLICT (alias) DO UPDATE SET gebied_code = excluded.gebied_code',
    );
    for (const [naam, code] of meta.aliassen) alias.run([naam, code, meta.now]);
    alias.free();
    return { bronId, metingen: rows.length };
  }
}

/** Saved layouts of Cognos reports (mapping profiles), keyed by their header fingerprint. */
export function loadCognosProfiles(db: ProjectDb): Record<string, Record<string, ColumnOverride>> {
  const out: Record<string, Record<string, ColumnOverride>> = {};
  for (const r of db.all<{ vingerafdruk: string; mapping: string }>(
    "SELECT vingerafdruk, mapping FROM mapping_profiel WHERE soort = 'cognos'",
  )) {
    try {
      out[r.vingerafdruk] = JSON.parse(r.mapping) as Record<string, ColumnOverride>;
    } catch {
      // a damaged profile is ignored; detection takes over
    }
  }
  return out;
}

export function saveCognosProfiles(db: ProjectDb, kolommen: ColumnOverrides, now: string): void {
  for (const [vingerafdruk, mapping] of Object.entries(kolommen)) {
    db.run(
      `INSERT INTO mapping_profiel (soort, naam, vingerafdruk, mapping, aangemaakt, laatst_gebruikt)
       VALUES ('cognos', ?, ?, ?, ?, ?)
       ON CONFLICT (soort, vingerafdruk) DO UPDATE SET mapping = excluded.mapping, laatst_gebruikt = excluded.laatst_gebruikt`,
      [vingerafdruk.split('|').slice(0, 3).join(' · '), vingerafdruk, JSON.stringify(mapping), now, now],
    );
  }
}

/**
 * For the plausibility check of new counts: the CBS inhabitants of each gebied (its newest year) and the newest
 * earlier count of the same gebied, measure and dimensions before a moment.
 */
export function plausibiliteitsBasis(db: ProjectDb): {
  inwoners: (gebiedId: number) => number | undefined;
  vorige: (gebiedId: number, r: CognosRecord) => number | null;
} {
  const inw = new Map<number, number>();
  for (const row of db.all<{ id: number; waarde: number }>(
    `SELECT g.id, w.waarde FROM gebied g JOIN gebied h ON h.code = g.code AND h.niveau = g.niveau
     JOIN indicator_waarde w ON w.gebied_id = h.id JOIN indicator i ON i.id = w.indicator_id
     WHERE i.sleutel = 'inwoners' AND w.status = 0 ORDER BY h.jaar`,
  ))
    inw.set(row.id, row.waarde);
  return {
    inwoners: (id) => inw.get(id),
    vorige: (id, r) => {
      const moment = r.peildatum ?? r.periodeEind ?? r.periodeStart;
      const v = db.value(
        `SELECT waarde FROM meting WHERE gebied_id = ? AND maat = ? AND onderdrukt = 0
           AND coalesce(peildatum, periode_eind) < ?
           AND wet IS ? AND product IS ? AND ondersteuningsbehoefte IS ? AND subniveau IS ? AND vorm IS ?
           AND meldingstype IS ? AND afhandeling IS ?
         ORDER BY coalesce(peildatum, periode_eind) DESC LIMIT 1`,
        [id, r.maat, moment, ...dims(r)],
      );
      return typeof v === 'number' ? v : null;
    },
  };
}
