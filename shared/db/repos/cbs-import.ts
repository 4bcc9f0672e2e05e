import type { ProjectDb } from '../connection';
import type { CbsParsed, CbsRegion } from '../../importers/cbs/parse';
import { STATUS_GEHEIM, STATUS_OK } from '../../importers/cbs/values';

export interface CbsCommitMeta {
  readonly fileName: string;
  readonly sha256: string;
  readonly now: string;
  /** The year of regions that carry none (a file without a period column). */
  readonly jaar: number;
  /** Replace values of the same gebied, indicator and year that came from another source. */
  readonly replace: boolean;
  /** What the user chose, kept in the bron: the gemeenten, and whether rows with errors were left out. */
  readonly keuze?: { readonly gemeenten?: readonly string[]; readonly foutenOverslaan?: boolean };
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
/** Rows between progress reports and pauses (a pause lets the worker take a Stoppen). */
const CHUNK = 2000;
/** Figures per INSERT statement: two parameters each, well under SQLite's 32,766. */
const PER_STATEMENT = 400;

const yearOf = (r: CbsRegion, fallback: number) => r.jaar ?? fallback;

export function findBronBySha(db: ProjectDb, sha256: string): { id: number; geimporteerd_op: string } | undefined {
  return db.get<{ id: number; geimporteerd_op: string }>(
    'SELECT id, geimporteerd_op FROM bron WHERE sha256 = ? ORDER BY id DESC LIMIT 1',
    [sha256],
  );
}

/** How many values of these years for these codes and indicators are already in the project. */
export function countExistingValues(db: ProjectDb, parsed: CbsParsed, jaar: number): number {
  if (parsed.regions.length === 0 || parsed.indicators.length === 0) return 0;
  const jaren = [...new Set(parsed.regions.map((r) => yearOf(r, jaar)))];
  // Most imports are of a year the project has no figures of: one look at the primary key's years says so.
  const any = db.value(
    `SELECT 1 FROM gebied g JOIN indicator_waarde w ON w.gebied_id = g.id
     WHERE g.jaar IN (${jaren.map(() => '?').join(',')}) AND w.jaar = g.jaar LIMIT 1`,
    jaren,
  );
  if (any === undefined || any === null) return 0;
  db.run('CREATE TEMP TABLE IF NOT EXISTS _import_gebied (code TEXT NOT NULL, jaar INTEGER NOT NULL) STRICT');
  db.run('CREATE TEMP TABLE IF NOT EXISTS _import_ind (sleutel TEXT PRIMARY KEY) STRICT');
  db.run('DELETE FROM _import_gebied');
  db.run('DELETE FROM _import_ind');
  const c = db.raw.prepare('INSERT INTO _import_gebied VALUES (?, ?)');
  for (const r of parsed.regions) c.run([r.code, yearOf(r, jaar)]);
  c.free();
  const s = db.raw.prepare('INSERT OR IGNORE INTO _import_ind VALUES (?)');
  for (const i of parsed.indicators) s.run([i.sleutel]);
  s.free();
  return Number(
    db.value(
      `SELECT count(*) FROM indicator_waarde w JOIN gebied g ON g.id = w.gebied_id
       JOIN _import_gebied i ON i.code = g.code AND i.jaar = g.jaar AND w.jaar = i.jaar
       WHERE w.indicator_id IN (SELECT id FROM indicator WHERE sleutel IN (SELECT sleutel FROM _import_ind))`,
    ) ?? 0,
  );
}

export interface CbsIndelingswijziging {
  /** The year of the project this file's (newest) year was compared with. */
  readonly vergelekenMet: number;
  /** Wijken and buurten in the file that the other year lacks. */
  readonly nieuw: readonly { readonly code: string; readonly naam: string | null }[];
  /** Wijken and buurten of the other year that the file lacks (within the gemeenten and wijken it covers). */
  readonly vervallen: readonly { readonly code: string; readonly naam: string }[];
  /** The same code with another name. */
  readonly hernoemd: readonly { readonly code: string; readonly oud: string; readonly nieuw: string }[];
}

/**
 * The file's (newest) year against the nearest other year in the project: wijken and buurten that are new or gone,
 * and gebieden with the same code and another name. Only within what the file covers: a file of one wijk says
 * nothing about the others.
 */
export function indelingChanges(db: ProjectDb, parsed: CbsParsed, jaar: number): CbsIndelingswijziging | null {
  const fileYears = parsed.regions.map((r) => yearOf(r, jaar));
  const newest = fileYears.length ? fileYears.reduce((a, b) => (b > a ? b : a)) : jaar;
  const other = db.value(
    `SELECT jaar FROM gebied WHERE niveau IN ('wijk', 'buurt') AND jaar IS NOT NULL AND jaar <> ?
     ORDER BY abs(jaar - ?), jaar DESC LIMIT 1`,
    [newest, newest],
  );
  if (typeof other !== 'number') return null;
  const inFile = new Map<string, string | null>();
  parsed.regions.forEach((r, i) => {
    if (fileYears[i] === newest) inFile.set(r.code, r.naam);
  });
  const wijken = new Set<string>();
  const gemeenten = new Set<string>();
  for (const code of inFile.keys()) {
    if (code.startsWith('BU')) wijken.add(`WK${code.slice(2, 8)}`);
    if (code.startsWith('BU') || code.startsWith('WK')) gemeenten.add(`GM${code.slice(2, 6)}`);
  }
  if (gemeenten.size === 0) return null;
  const previous = db
    .all<{ code: string; naam: string }>(`SELECT code, naam FROM gebied WHERE jaar = ? AND niveau <> 'eigen'`, [other])
    .filter((g) => g.code.startsWith('NL') || gemeenten.has(`GM${g.code.slice(2, 6)}`));
  if (previous.length === 0) return null;
  const before = new Map(previous.map((g) => [g.code, g.naam]));
  const covered = (code: string) =>
    code.startsWith('BU') ? wijken.has(`WK${code.slice(2, 8)}`) : code.startsWith('WK') ? true : false;
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  const nieuw: { code: string; naam: string | null }[] = [];
  const hernoemd: { code: string; oud: string; nieuw: string }[] = [];
  for (const [code, naam] of inFile) {
    const oud = before.get(code);
    if (oud === undefined) {
      if (code.startsWith('BU') || code.startsWith('WK')) nieuw.push({ code, naam });
    } else if (naam && oud !== code && naam !== oud) hernoemd.push({ code, oud, nieuw: naam });
  }
  const vervallen = previous
    .filter((g) => (g.code.startsWith('BU') || g.code.startsWith('WK')) && covered(g.code) && !inFile.has(g.code))
    .map((g) => ({ code: g.code, naam: g.naam }));
  return {
    vergelekenMet: other,
    nieuw: nieuw.sort(byCode),
    vervallen: vervallen.sort(byCode),
    hernoemd: hernoemd.sort(byCode),
  };
}

/** Writes a parsed CBS table: one bron, the gebieden of its year(s), indicator definitions and values. */
export async function commitCbs(db: ProjectDb, parsed: CbsParsed, meta: CbsCommitMeta): Promise<CbsCommitResult> {
  // A large page cache while writing millions of figures: otherwise sql.js spills pages to its in-memory file.
  // Foreign keys are not checked row by row here: every id written is taken from its parent table inside the same
  // transaction (gebied ids just inserted or looked up, indicator ids selected by key, the new bron id), so the
  // check would only repeat 2.2 million b-tree lookups for the whole country. The pragma cannot change inside a
  // transaction, so it is switched around it and always switched back.
  // The CHECK on each figure (status 0–2, a value exactly when ok) is what the parser's typed arrays already hold,
  // so it is not evaluated 2.2 million times either; it is switched back on with the rest.
  const cacheBefore = Number(db.value('PRAGMA cache_size'));
  const fkBefore = db.pragmaNumber('foreign_keys');
  const checksBefore = Number(db.value('PRAGMA ignore_check_constraints'));
  db.run('PRAGMA cache_size = -131072');
  db.run('PRAGMA foreign_keys = OFF');
  db.run('PRAGMA ignore_check_constraints = ON');
  try {
    return await writeCbs(db, parsed, meta);
  } finally {
    db.run(`PRAGMA ignore_check_constraints = ${checksBefore ? 'ON' : 'OFF'}`);
    db.run(`PRAGMA foreign_keys = ${fkBefore ? 'ON' : 'OFF'}`);
    db.run(`PRAGMA cache_size = ${cacheBefore}`);
  }
}

function writeCbs(db: ProjectDb, parsed: CbsParsed, meta: CbsCommitMeta): Promise<CbsCommitResult> {
  return db.transactionAsync(async () => {
    const jaren = [...new Set(parsed.regions.map((r) => yearOf(r, meta.jaar)))].sort((a, b) => a - b);
    const skipped = parsed.overgeslagen;
    db.run(
      `INSERT INTO bron (soort, bestandsnaam, sha256, omschrijving, geimporteerd_op, rijen_gelezen, rijen_geimporteerd,
         rijen_overgeslagen, details)
       VALUES ('cbs', ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        meta.fileName,
        meta.sha256,
        `CBS ${parsed.format} ${jaren.join(', ')}`,
        meta.now,
        parsed.rowsRead,
        parsed.regions.length,
        skipped.andereGemeente + skipped.anderJaar + skipped.leeg + skipped.fout,
        JSON.stringify({
          formaat: parsed.format,
          jaar: jaren.length === 1 ? jaren[0] : null,
          jaren,
          werkblad: parsed.sheet,
          indicatoren: parsed.indicators.length,
          ...(meta.keuze?.gemeenten?.length ? { gemeenten: meta.keuze.gemeenten } : {}),
          overgeslagen: skipped,
          // Rows left out because of an error, by their row number in the file (the user chose to skip them).
          ...(parsed.foutRijen.length ? { foutRijen: parsed.foutRijen } : {}),
        }),
      ],
    );
    const bronId = Number(db.value('SELECT last_insert_rowid()'));

    // Gebieden per year, parents first, each with its parent. New ones get their ids here (after the highest in use)
    // and go in 500 per statement; a name in the file replaces a placeholder (the code), never the other way round.
    let nextId = Number(db.value('SELECT coalesce(max(id), 0) FROM gebied')) + 1;
    const pending: (string | number | null)[] = [];
    const BATCH = 500;
    const batchInsert = db.raw.prepare(
      `INSERT INTO gebied (id, code, naam, niveau, jaar, bron_id, ouder_id) VALUES ${Array.from(
        { length: BATCH },
        () => '(?, ?, ?, ?, ?, ?, ?)',
      ).join(',')}`,
    );
    const flush = () => {
      if (pending.length === 0) return;
      if (pending.length === BATCH * 7) batchInsert.run(pending);
      else {
        const rows = pending.length / 7;
        db.run(
          `INSERT INTO gebied (id, code, naam, niveau, jaar, bron_id, ouder_id) VALUES ${Array.from(
            { length: rows },
            () => '(?, ?, ?, ?, ?, ?, ?)',
          ).join(',')}`,
          pending,
        );
      }
      pending.length = 0;
    };
    const rename = db.raw.prepare('UPDATE gebied SET naam = ? WHERE id = ?');
    const parent = db.raw.prepare('UPDATE gebied SET ouder_id = ? WHERE id = ? AND ouder_id IS NOT ?');
    let gebiedenNieuw = 0;
    let gebiedenBijgewerkt = 0;
    const ids = new Int32Array(parsed.regions.length);
    try {
      for (const jaar of jaren) {
        const existing = new Map<string, { id: number; naam: string; ouder: number | null }>();
        for (const r of db.all<{ id: number; code: string; naam: string; ouder_id: number | null }>(
          'SELECT id, code, naam, ouder_id FROM gebied WHERE jaar = ?',
          [jaar],
        ))
          existing.set(r.code, { id: r.id, naam: r.naam, ouder: r.ouder_id });
        const ensure = (code: string, naam: string | null, niveau: string, ouder: number | null): number => {
          const found = existing.get(code);
          if (found) {
            if (naam && naam !== found.naam) {
              rename.run([naam, found.id]);
              found.naam = naam;
              gebiedenBijgewerkt++;
            }
            if (ouder !== null && found.ouder !== ouder) {
              parent.run([ouder, found.id, ouder]);
              found.ouder = ouder;
            }
            return found.id;
          }
          const id = nextId++;
          pending.push(id, code, naam ?? code, niveau, jaar, bronId, ouder);
          if (pending.length === BATCH * 7) flush();
          existing.set(code, { id, naam: naam ?? code, ouder });
          gebiedenNieuw++;
          return id;
        };
        /** The parent's id, made as a placeholder (named by its code) when neither file nor project has it. */
        const parentId = (code: string | null): number | null => {
          if (!code) return null;
          const found = existing.get(code);
          if (found) return found.id;
          const grand = code.startsWith('WK') ? parentId(`GM${code.slice(2, 6)}`) : null;
          return ensure(code, null, code.startsWith('WK') ? 'wijk' : 'gemeente', grand);
        };
        const order: number[] = [];
        parsed.regions.forEach((r, i) => {
          if (yearOf(r, meta.jaar) === jaar) order.push(i);
        });
        order.sort((a, b) => LEVEL_ORDER[parsed.regions[a]!.niveau] - LEVEL_ORDER[parsed.regions[b]!.niveau]);
        for (const i of order) {
          const r = parsed.regions[i]!;
          ids[i] = ensure(r.code, r.naam, r.niveau, parentId(r.ouderCode));
        }
        flush();
      }
    } finally {
      batchInsert.free();
      rename.free();
      parent.free();
    }

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
    const indicatorId = new Map(
      db.all<{ id: number; sleutel: string }>('SELECT id, sleutel FROM indicator').map((r) => [r.sleutel, r.id]),
    );

    // Values: one multi-row INSERT per gebied (per 400 figures), the indicator ids, the year and the bron written
    // into the statement, one number bound per figure (NULL when it has none, and then status 1 from `IS NULL`): no
    // JSON, no join, rows in primary-key order. A secret figure ("x", status 2) is set right after its row.
    const m = parsed.indicators.length;
    const columns = parsed.indicators
      .map((ind, j) => ({ j, id: indicatorId.get(ind.sleutel)! }))
      .sort((a, b) => a.id - b.id);
    const parts: { j: number; id: number }[][] = [];
    for (let k = 0; k < columns.length; k += PER_STATEMENT) parts.push(columns.slice(k, k + PER_STATEMENT));
    let waarden = 0;
    const total = parsed.regions.length;
    meta.onProgress?.(0, total);
    const { values, status } = parsed;
    // Gebieden in the order of their ids: the figures then go in at the end of the table's b-tree.
    const byId = Array.from({ length: total }, (_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
    for (const jaar of jaren) {
      const statements = parts.map((part) => {
        const rows = part.map((c, k) => `(?1, ${c.id}, ${jaar}, ?${k + 2}, ?${k + 2} IS NULL, ${bronId})`);
        return {
          part,
          stmt: db.raw.prepare(
            `INSERT INTO indicator_waarde (gebied_id, indicator_id, jaar, waarde, status, bron_id) VALUES ${rows.join(',')}` +
              (meta.replace
                ? ` ON CONFLICT (gebied_id, indicator_id, jaar) DO UPDATE SET waarde = excluded.waarde,
                    status = excluded.status, bron_id = excluded.bron_id`
                : ''),
          ),
          args: new Array<number | null>(part.length + 1),
        };
      });
      const secret = db.raw.prepare(
        `UPDATE indicator_waarde SET status = ${STATUS_GEHEIM} WHERE gebied_id = ? AND indicator_id = ? AND jaar = ${jaar}`,
      );
      try {
        let sincePause = 0;
        let done = 0;
        for (const r of byId) {
          if (yearOf(parsed.regions[r]!, meta.jaar) !== jaar) continue;
          const base = r * m;
          const gid = ids[r]!;
          for (const { part, stmt, args } of statements) {
            args[0] = gid;
            let secrets = 0;
            for (let k = 0; k < part.length; k++) {
              const cell = base + part[k]!.j;
              const st = status[cell]!;
              args[k + 1] = st === STATUS_OK ? values[cell]! : null;
              if (st === STATUS_GEHEIM) secrets++;
            }
            // bind() resets the statement first, so no reset after the step (half the resets of run()).
            stmt.bind(args);
            stmt.step();
            for (let k = 0; secrets > 0 && k < part.length; k++) {
              if (status[base + part[k]!.j] !== STATUS_GEHEIM) continue;
              secret.bind([gid, part[k]!.id]);
              secret.step();
              secrets--;
            }
          }
          waarden += m;
          done++;
          if (++sincePause === CHUNK) {
            sincePause = 0;
            meta.onProgress?.(done, total);
            if (meta.pause) await meta.pause();
          }
        }
      } finally {
        for (const s of statements) s.stmt.free();
        secret.free();
      }
    }
    meta.onProgress?.(total, total);
    return { bronId, gebiedenNieuw, gebiedenBijgewerkt, waarden, indicatorenNieuw };
  });
}
