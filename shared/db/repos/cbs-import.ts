import type { ProjectDb } from '../connection';
import type { CbsParsed } from '../../importers/cbs/parse';
import { STATUS_GEHEIM, STATUS_OK } from '../../importers/cbs/values';

export interface CbsCommitMeta {
  readonly fileName: string;
  readonly sha256: string;
  readonly now: string;
  readonly jaar: number;
  /** Replace values of the same gebied, indicator and year that came from another source. */
  readonly replace: boolean;
  /** Called every few thousand rows; may throw to cancel (the transaction then rolls back). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Awaited every few thousand rows, so a worker can take a cancel message. */
  readonly pause?: () => Promise<void>;
}

export interface CbsCommitResult {
  readonly bronId: number;
  readonly gebiedenNieuw: number;
  readonly gebiedenBijgewerkt: number;
  readonly waarden: number;
  readonly indicatorenNieuw: number;
}

const LEVEL_ORDER = { land: 0, gemeente: 1, wijk: 2, buurt: 3 } as const;

export function findBronBySha(db: ProjectDb, sha256: string): { id: number; geimporteerd_op: string } | undefined {
  return db.get<{ id: number; geimporteerd_op: string }>(
    'SELECT id, geimporteerd_op FROM bron WHERE sha256 = ? ORDER BY id DESC LIMIT 1',
    [sha256],
  );
}

/** How many values of this year for these codes and indicators are already in the project. */
export function countExistingValues(db: ProjectDb, parsed: CbsParsed, jaar: number): number {
  if (parsed.regions.length === 0 || parsed.indicators.length === 0) return 0;
  db.run('CREATE TEMP TABLE IF NOT EXISTS _import_code (code TEXT PRIMARY KEY) STRICT');
  db.run('CREATE TEMP TABLE IF NOT EXISTS _import_ind (sleutel TEXT PRIMARY KEY) STRICT');
  db.run('DELETE FROM _import_code');
  db.run('DELETE FROM _import_ind');
  const c = db.raw.prepare('INSERT OR IGNORE INTO _import_code VALUES (?)');
  for (const r of parsed.regions) c.run([r.code]);
  c.free();
  const s = db.raw.prepare('INSERT OR IGNORE INTO _import_ind VALUES (?)');
  for (const i of parsed.indicators) s.run([i.sleutel]);
  s.free();
  return Number(
    db.value(
      `SELECT count(*) FROM indicator_waarde w JOIN gebied g ON g.id = w.gebied_id
       WHERE w.jaar = ? AND g.code IN (SELECT code FROM _import_code)
         AND w.indicator_id IN (SELECT id FROM indicator WHERE sleutel IN (SELECT sleutel FROM _import_ind))`,
      [jaar],
    ) ?? 0,
  );
}

/** Codes of this level in another year of the project that this file lacks, and the reverse: the indeling changed. */
export function indelingChanges(
  db: ProjectDb,
  parsed: CbsParsed,
  jaar: number,
): { vergelekenMet: number; nieuw: string[]; vervallen: string[] } | null {
  const other = db.value(
    `SELECT jaar FROM gebied WHERE niveau = 'buurt' AND jaar IS NOT NULL AND jaar <> ?
     ORDER BY abs(jaar - ?) , jaar DESC LIMIT 1`,
    [jaar, jaar],
  );
  if (typeof other !== 'number') return null;
  // Compare only within the wijken this file covers (a file of one wijk says nothing about the others).
  const inFile = new Set(parsed.regions.filter((r) => r.niveau === 'buurt').map((r) => r.code));
  const wijken = new Set([...inFile].map((c) => `WK${c.slice(2, 8)}`));
  if (wijken.size === 0) return null;
  const previous = new Set(
    db
      .all<{ code: string }>(`SELECT code FROM gebied WHERE niveau = 'buurt' AND jaar = ?`, [other])
      .map((r) => r.code)
      .filter((c) => wijken.has(`WK${c.slice(2, 8)}`)),
  );
  if (previous.size === 0) return null;
  return {
    vergelekenMet: other,
    nieuw: [...inFile].filter((c) => !previous.has(c)).sort(),
    vervallen: [...previous].filter((c) => !inFile.has(c)).sort(),
  };
}

/** Writes a parsed CBS table: one bron, the gebieden of that year, indicator definitions and values. */
export async function commitCbs(db: ProjectDb, parsed: CbsParsed, meta: CbsCommitMeta): Promise<CbsCommitResult> {
  // A large page cache while writing millions of figures: otherwise sql.js spills pages to its in-memory file.
  // Foreign keys are not checked row by row here: every id written is taken from its parent table inside the same
  // transaction (gebied ids just inserted or looked up, indicator ids selected by key, the new bron id), so the
  // check would only repeat 6.6 million b-tree lookups for the whole country. The pragma cannot change inside a
  // transaction, so it is switched around it and always switched back.
  const cacheBefore = Number(db.value('PRAGMA cache_size'));
  const fkBefore = db.pragmaNumber('foreign_keys');
  db.run('PRAGMA cache_size = -131072');
  db.run('PRAGMA foreign_keys = OFF');
  try {
    return await writeCbs(db, parsed, meta);
  } finally {
    db.run(`PRAGMA foreign_keys = ${fkBefore ? 'ON' : 'OFF'}`);
    db.run(`PRAGMA cache_size = ${cacheBefore}`);
  }
}

function writeCbs(db: ProjectDb, parsed: CbsParsed, meta: CbsCommitMeta): Promise<CbsCommitResult> {
  return db.transactionAsync(async () => {
    const rijenMetFout = new Set(parsed.issues.filter((i) => i.level === 'fout' && i.row).map((i) => i.row)).size;
    db.run(
      `INSERT INTO bron (soort, bestandsnaam, sha256, omschrijving, geimporteerd_op, rijen_gelezen, rijen_geimporteerd,
         rijen_overgeslagen, details)
       VALUES ('cbs', ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        meta.fileName,
        meta.sha256,
        `CBS ${parsed.format} ${meta.jaar}`,
        meta.now,
        parsed.rowsRead,
        parsed.regions.length,
        parsed.skippedRows + rijenMetFout,
        JSON.stringify({
          formaat: parsed.format,
          jaar: meta.jaar,
          werkblad: parsed.sheet,
          indicatoren: parsed.indicators.length,
        }),
      ],
    );
    const bronId = Number(db.value('SELECT last_insert_rowid()'));

    // Gebieden, parents first. A real name replaces a placeholder (the code) but never the other way round.
    const existing = new Map(
      db
        .all<{ id: number; code: string; naam: string }>('SELECT id, code, naam FROM gebied WHERE jaar = ?', [
          meta.jaar,
        ])
        .map((r) => [r.code, r]),
    );
    const insert = db.raw.prepare(
      'INSERT INTO gebied (code, naam, niveau, jaar, bron_id) VALUES (?, ?, ?, ?, ?) RETURNING id',
    );
    const rename = db.raw.prepare('UPDATE gebied SET naam = ? WHERE id = ?');
    let gebiedenNieuw = 0;
    let gebiedenBijgewerkt = 0;
    const ensure = (code: string, naam: string | null, niveau: string) => {
      const found = existing.get(code);
      if (found) {
        if (naam && naam !== found.naam) {
          rename.run([naam, found.id]);
          gebiedenBijgewerkt++;
        }
        return found.id;
      }
      insert.bind([code, naam ?? code, niveau, meta.jaar, bronId]);
      insert.step();
      const id = Number(insert.get()[0]);
      insert.reset();
      existing.set(code, { id, code, naam: naam ?? code });
      gebiedenNieuw++;
      return id;
    };
    const sorted = [...parsed.regions].sort((a, b) => LEVEL_ORDER[a.niveau] - LEVEL_ORDER[b.niveau]);
    const ids = new Map<string, number>();
    for (const r of sorted) {
      if (r.ouderCode && !existing.has(r.ouderCode))
        ensure(r.ouderCode, null, r.ouderCode.startsWith('WK') ? 'wijk' : 'gemeente');
      ids.set(r.code, ensure(r.code, r.naam, r.niveau));
    }
    const parent = db.raw.prepare('UPDATE gebied SET ouder_id = ? WHERE id = ? AND ouder_id IS NOT ?');
    for (const r of sorted) {
      if (!r.ouderCode) continue;
      const pid = existing.get(r.ouderCode)?.id;
      const id = ids.get(r.code);
      if (pid !== undefined && id !== undefined) parent.run([pid, id, pid]);
    }
    // Placeholder wijken get their gemeente as parent too.
    for (const [code, g] of existing) {
      if (!code.startsWith('WK')) continue;
      const pid = existing.get(`GM${code.slice(2, 6)}`)?.id;
      if (pid !== undefined) parent.run([pid, g.id, pid]);
    }
    insert.free();
    rename.free();
    parent.free();

    // Indicator definitions: new keys are added; existing ones keep their (possibly user-edited) label.
    const before = Number(db.value('SELECT count(*) FROM indicator'));
    const def = db.raw.prepare(
      `INSERT INTO indicator (sleutel, label, eenheid, bron_naam, canoniek, optellen, gewicht_sleutel, decimalen)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sleutel) DO NOTHING`,
    );
    for (const i of parsed.indicators) {
      def.run([i.sleutel, i.label, i.eenheid, i.kolom, i.canoniek ? 1 : 0, i.optellen, i.gewichtSleutel, i.decimalen]);
    }
    def.free();
    const indicatorenNieuw = Number(db.value('SELECT count(*) FROM indicator')) - before;

    // Values: one statement per gebied, its figures passed as one JSON array in the file's column order (a number,
    // null for missing, "x" for secret); the indicator ids come from a temp table by position.
    db.run('CREATE TEMP TABLE IF NOT EXISTS _import_pos (pos INTEGER PRIMARY KEY, id INTEGER NOT NULL) STRICT');
    db.run('DELETE FROM _import_pos');
    const pos = db.raw.prepare('INSERT INTO _import_pos (pos, id) SELECT ?, id FROM indicator WHERE sleutel = ?');
    parsed.indicators.forEach((ind, j) => pos.run([j, ind.sleutel]));
    pos.free();
    const select = `SELECT ?1, p.id, ?2,
        CASE WHEN v.type IN ('integer', 'real') THEN v.value END,
        CASE v.type WHEN 'integer' THEN 0 WHEN 'real' THEN 0 WHEN 'text' THEN 2 ELSE 1 END, ?3
      FROM json_each(?4) v JOIN _import_pos p ON p.pos = v.key WHERE true`;
    const put = db.raw.prepare(
      meta.replace
        ? `INSERT INTO indicator_waarde (gebied_id, indicator_id, jaar, waarde, status, bron_id) ${select}
           ON CONFLICT (gebied_id, indicator_id, jaar) DO UPDATE SET waarde = excluded.waarde, status = excluded.status,
           bron_id = excluded.bron_id`
        : `INSERT INTO indicator_waarde (gebied_id, indicator_id, jaar, waarde, status, bron_id) ${select}`,
    );
    const m = parsed.indicators.length;
    let waarden = 0;
    const total = parsed.regions.length;
    const cells: (number | string | null)[] = new Array(m);
    for (let r = 0; r < total; r++) {
      const gid = ids.get(parsed.regions[r]!.code)!;
      for (let j = 0; j < m; j++) {
        const st = parsed.status[r * m + j]!;
        cells[j] = st === STATUS_OK ? parsed.values[r * m + j]! : st === STATUS_GEHEIM ? 'x' : null;
      }
      put.run([gid, meta.jaar, bronId, JSON.stringify(cells)]);
      waarden += m;
      if (r % 2000 === 1999) {
        meta.onProgress?.(r + 1, total);
        if (meta.pause) {
          try {
            await meta.pause();
          } catch (err) {
            put.free();
            throw err;
          }
        }
      }
    }
    put.free();
    meta.onProgress?.(total, total);
    return { bronId, gebiedenNieuw, gebiedenBijgewerkt, waarden, indicatorenNieuw };
  });
}
