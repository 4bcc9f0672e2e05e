/**
 * Mutations of SQLite files (a project, a GeoPackage): damage at the page level (bits, a zeroed, copied or swapped
 * page, a file cut short, fields of the 100-byte header, text inside records) and at the SQL level through sql.js
 * (odd values in cells, rows gone, another user_version or application_id, the schema changed, a GeoPackage's
 * geometry blobs and metadata bent, views and generated columns that cost a lot to read).
 */
import type { Database, SqlValue } from 'sql.js';
import { concat, ODD_VALUES, type MutateContext, type Mutator, type NamedMutator } from './mutate-bytes';

function pageSize(bytes: Uint8Array): number {
  if (bytes.length < 100) return 4096;
  const v = (bytes[16]! << 8) | bytes[17]!;
  return v === 1 ? 65536 : v >= 512 && (v & (v - 1)) === 0 ? v : 4096;
}

function pages(bytes: Uint8Array): number {
  return Math.max(1, Math.floor(bytes.length / pageSize(bytes)));
}

/** A page other than the first now and then (page 1 holds the header and sqlite_master's root). */
function pickPage(bytes: Uint8Array, ctx: MutateContext): number {
  const n = pages(bytes);
  return ctx.rng.chance(0.15) ? 0 : ctx.rng.int(n);
}

const pageBits: Mutator = (input, ctx) => {
  const size = pageSize(input);
  const out = input.slice();
  const start = pickPage(input, ctx) * size;
  for (let n = ctx.rng.range(1, 32); n > 0; n--) {
    const at = start + ctx.rng.int(size);
    if (at < out.length) out[at] = out[at]! ^ (1 << ctx.rng.int(8));
  }
  return out;
};

const pageZero: Mutator = (input, ctx) => {
  const size = pageSize(input);
  const out = input.slice();
  const start = pickPage(input, ctx) * size;
  out.fill(ctx.rng.pick([0, 0, 0xff]), start, Math.min(out.length, start + size));
  return out;
};

const pageJunk: Mutator = (input, ctx) => {
  const size = pageSize(input);
  const out = input.slice();
  const start = pickPage(input, ctx) * size + ctx.rng.int(size);
  const junk = ctx.rng.bytes(ctx.rng.size(16, size));
  out.set(junk.subarray(0, Math.max(0, out.length - start)), start);
  return out;
};

const pageCopy: Mutator = (input, ctx) => {
  const size = pageSize(input);
  const n = pages(input);
  if (n < 2) return null;
  const out = input.slice();
  const a = ctx.rng.int(n);
  const b = ctx.rng.int(n);
  if (ctx.rng.chance(0.5)) out.set(input.subarray(a * size, (a + 1) * size), b * size);
  else {
    out.set(input.subarray(a * size, (a + 1) * size), b * size);
    out.set(input.subarray(b * size, (b + 1) * size), a * size);
  }
  return out;
};

const cutShort: Mutator = (input, ctx) => {
  const size = pageSize(input);
  const n = pages(input);
  if (ctx.rng.chance(0.5)) return input.slice(0, ctx.rng.int(n) * size || size);
  if (ctx.rng.chance(0.5)) return input.slice(0, ctx.rng.int(input.length));
  // Longer than the header says: pages appended.
  return concat(input, ctx.rng.chance(0.5) ? new Uint8Array(size * ctx.rng.range(1, 4)) : ctx.rng.bytes(size));
};

/** A field of the 100-byte database header. */
const headerField: Mutator = (input, ctx) => {
  if (input.length < 100) return null;
  const { rng } = ctx;
  const out = input.slice();
  const view = new DataView(out.buffer);
  const field = rng.pick([
    [16, 2],
    [18, 1],
    [19, 1],
    [20, 1],
    [21, 1],
    [22, 1],
    [23, 1],
    [24, 4],
    [28, 4],
    [32, 4],
    [36, 4],
    [40, 4],
    [44, 4],
    [48, 4],
    [52, 4],
    [56, 4],
    [60, 4],
    [64, 4],
    [68, 4],
    [92, 4],
    [96, 4],
  ] as const);
  const [at, width] = field;
  if (width === 1) out[at] = rng.pick([0, 1, 2, 3, 0x40, 0x20, 0xff, rng.int(256)]);
  else if (width === 2) view.setUint16(at, rng.pick([0, 1, 256, 512, 1024, 3000, 32768, 65535]));
  else {
    const old = view.getUint32(at);
    view.setUint32(
      at,
      rng.pick([0, 1, 2, 3, 4, 5, 6, 7, old + 1, old - 1, 0x7fffffff, 0xffffffff, 0x574b5742, rng.u32()]) >>> 0,
    );
  }
  return out;
};

/** A character inside a stretch of text in the file (names, JSON, the schema's SQL): the b-tree stays sound. */
const textInRecord: Mutator = (input, ctx) => {
  const { rng } = ctx;
  const runs: number[] = [];
  for (let i = 0, start = -1; i < input.length; i++) {
    const c = input[i]!;
    const printable = c >= 0x20 && c < 0x7f;
    if (printable && start < 0) start = i;
    if (!printable && start >= 0) {
      if (i - start >= 8) runs.push(start, i);
      start = -1;
    }
    if (runs.length > 20_000) break;
  }
  if (runs.length === 0) return null;
  const out = input.slice();
  for (let n = rng.range(1, 4); n > 0; n--) {
    const r = rng.int(runs.length / 2) * 2;
    const at = runs[r]! + rng.int(runs[r + 1]! - runs[r]!);
    out[at] = rng.pick([
      0x22, 0x27, 0x28, 0x29, 0x2c, 0x3b, 0x7b, 0x7d, 0x5b, 0x5d, 0x30, 0x39, 0x2d, 0x41, 0x20, 0x00, 0xff,
    ]);
  }
  return out;
};

export const PAGE_MUTATORS: readonly NamedMutator[] = [
  { name: 'pagina-bits', weight: 4, fn: pageBits },
  { name: 'pagina-nul', weight: 2, fn: pageZero },
  { name: 'pagina-rommel', weight: 2, fn: pageJunk },
  { name: 'pagina-kopie', weight: 2, fn: pageCopy },
  { name: 'afgekapt', weight: 2, fn: cutShort },
  { name: 'kop-veld', weight: 3, fn: headerField },
  { name: 'tekst-in-record', weight: 4, fn: textInRecord },
];

// ---------------------------------------------------------------- SQL level (through sql.js)

function withDb(input: Uint8Array, ctx: MutateContext, fn: (db: Database) => boolean): Uint8Array | null {
  let db: Database;
  try {
    db = new ctx.SQL.Database(input);
  } catch {
    return null;
  }
  try {
    db.run('PRAGMA foreign_keys = OFF');
    if (!fn(db)) return null;
    return db.export();
  } catch {
    return null;
  } finally {
    db.close();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function tables(db: Database): string[] {
  return (
    db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")[0]?.values ?? []
  ).map((r) => String(r[0]));
}

function columns(db: Database, table: string): string[] {
  return (db.exec(`PRAGMA table_info(${quote(table)})`)[0]?.values ?? []).map((r) => String(r[1]));
}

function oddSqlValue(ctx: MutateContext, current: SqlValue): SqlValue {
  const { rng } = ctx;
  switch (rng.int(8)) {
    case 0:
      return null;
    case 1:
      return rng.pick([0, -1, 1e308, -1e308, 2 ** 53, -(2 ** 31), 0.5, 99999999]);
    case 2:
      return rng.bytes(rng.size(8, 256));
    case 3:
      return 'x'.repeat(rng.range(1_000, ctx.lang ? 2_000_000 : 100_000));
    case 4:
      return rng.pick(['{', '[', '{"a":', 'null', '[]', '{}', '"x"', '{"__proto__":{"x":1}}', '[1,2', 'NaN']);
    case 5:
      if (typeof current === 'string' && current.length > 0) {
        const at = rng.int(current.length);
        return current.slice(0, at) + rng.pick(['"', '{', ']', '', '\u0000', '😀']) + current.slice(at + 1);
      }
      return rng.pick(ODD_VALUES);
    case 6:
      return typeof current === 'number' ? rng.pick([-current, current * 1000, current + 1, -1]) : rng.pick(ODD_VALUES);
    default:
      return rng.pick(ODD_VALUES);
  }
}

/** One cell of a random row set to an odd value (types the STRICT table refuses are tried again). */
const sqlCell: Mutator = (input, ctx) =>
  withDb(input, ctx, (db) => {
    const names = tables(db);
    for (let attempt = 0; attempt < 10; attempt++) {
      const t = ctx.rng.pick(names);
      const cols = columns(db, t);
      const count = Number(db.exec(`SELECT count(*) FROM ${quote(t)}`)[0]?.values[0]?.[0] ?? 0);
      if (cols.length === 0 || count === 0) continue;
      const col = ctx.rng.pick(cols);
      const row = db.exec(`SELECT rowid, ${quote(col)} FROM ${quote(t)} LIMIT 1 OFFSET ${ctx.rng.int(count)}`)[0]
        ?.values[0];
      if (!row) continue;
      try {
        db.run(`UPDATE ${quote(t)} SET ${quote(col)} = ? WHERE rowid = ?`, [oddSqlValue(ctx, row[1]!), row[0]!]);
        return true;
      } catch {
        continue;
      }
    }
    return false;
  });

/** Rows deleted (foreign keys off: what a damaged or hand-edited file can hold). */
const sqlRows: Mutator = (input, ctx) =>
  withDb(input, ctx, (db) => {
    const names = tables(db);
    if (names.length === 0) return false;
    const t = ctx.rng.pick(names);
    db.run(`DELETE FROM ${quote(t)} WHERE ${ctx.rng.chance(0.3) ? '1' : `rowid % ${ctx.rng.range(2, 5)} = 0`}`);
    return true;
  });

/** Another user_version or application_id, a schema object added, dropped or rewritten. */
const sqlSchema: Mutator = (input, ctx) =>
  withDb(input, ctx, (db) => {
    const { rng } = ctx;
    const names = tables(db);
    switch (rng.int(8)) {
      case 7: {
        // A CHECK that costs memory and time for every row it is evaluated on (an integrity check evaluates it).
        const rows =
          db.exec("SELECT rowid, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%)%'")[0]?.values ?? [];
        if (rows.length === 0) return false;
        const [rowid, sql] = rng.pick(rows);
        const heavy = String(sql).replace(/\)([^)]*)$/, ", CHECK (length(printf('%.*c', 40000000, 'x')) > 0))$1");
        db.run('PRAGMA writable_schema = ON');
        db.run('UPDATE sqlite_master SET sql = ? WHERE rowid = ?', [heavy, rowid!]);
        db.run('PRAGMA writable_schema = OFF');
        return true;
      }
      case 0:
        db.run(`PRAGMA user_version = ${rng.pick([-1, 0, 1, 2, 3, 4, 5, 6, 7, 99, 2147483647])}`);
        return true;
      case 1:
        db.run(`PRAGMA application_id = ${rng.pick([0, 1, 0x574b5741, -1])}`);
        return true;
      case 2: {
        const indexes = (
          db.exec("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")[0]?.values ?? []
        ).map((r) => String(r[0]));
        if (indexes.length === 0) return false;
        db.run(`DROP INDEX ${quote(rng.pick(indexes))}`);
        return true;
      }
      case 3: {
        if (names.length === 0) return false;
        const t = rng.pick(names);
        db.run(
          rng.pick([
            `CREATE VIEW fuzz_v AS SELECT * FROM ${quote(t)}`,
            `CREATE TRIGGER fuzz_t AFTER INSERT ON ${quote(t)} BEGIN SELECT 1; END`,
            `CREATE INDEX fuzz_i ON ${quote(t)} (rowid)`,
            `ALTER TABLE ${quote(t)} ADD COLUMN fuzz TEXT`,
            'CREATE TABLE fuzz (x)',
          ]),
        );
        return true;
      }
      case 4: {
        if (names.length === 0) return false;
        db.run(`DROP TABLE ${quote(rng.pick(names))}`);
        return true;
      }
      case 5: {
        // The schema's own text rewritten (what a tool with writable_schema, or damage, can leave).
        const rows = db.exec('SELECT rowid, sql FROM sqlite_master WHERE sql IS NOT NULL')[0]?.values ?? [];
        if (rows.length === 0) return false;
        const [rowid, sql] = rng.pick(rows);
        const text = String(sql);
        const edited = rng.pick([
          text.replace(/STRICT/g, ''),
          text.replace(/NOT NULL/, ''),
          text.replace(/CHECK\s*\(/, 'CHECK (1 OR '),
          text.replace(/\)\s*$/, ', extra TEXT)'),
          text.slice(0, rng.int(text.length)),
        ]);
        db.run('PRAGMA writable_schema = ON');
        db.run('UPDATE sqlite_master SET sql = ? WHERE rowid = ?', [edited, rowid!]);
        db.run('PRAGMA writable_schema = OFF');
        return true;
      }
      default:
        // Another page size or auto-vacuum: a sound file, laid out otherwise.
        db.run(`PRAGMA page_size = ${rng.pick([512, 1024, 8192, 65536])}`);
        if (rng.chance(0.5)) db.run(`PRAGMA auto_vacuum = ${rng.pick([1, 2])}`);
        db.run('VACUUM');
        return true;
    }
  });

export const SQL_MUTATORS: readonly NamedMutator[] = [
  { name: 'sql-cel', weight: 5, fn: sqlCell },
  { name: 'sql-rijen', weight: 2, fn: sqlRows },
  { name: 'sql-schema', weight: 2, fn: sqlSchema },
];

// ---------------------------------------------------------------- GeoPackage specifics

function featureTable(db: Database): { table: string; column: string } | null {
  const row = db.exec('SELECT table_name, column_name FROM gpkg_geometry_columns LIMIT 1')[0]?.values[0];
  return row ? { table: String(row[0]), column: String(row[1]) } : null;
}

/** One geometry blob bent: its WKB type, counts, byte order, envelope flags, or bytes flipped or cut. */
const gpkgBlob: Mutator = (input, ctx) =>
  withDb(input, ctx, (db) => {
    const { rng } = ctx;
    const ft = featureTable(db);
    if (!ft) return false;
    const rows = db.exec(`SELECT rowid, ${quote(ft.column)} FROM ${quote(ft.table)}`)[0]?.values ?? [];
    if (rows.length === 0) return false;
    const [rowid, blob] = rng.pick(rows);
    if (!(blob instanceof Uint8Array) || blob.length < 16) return false;
    const out = blob.slice();
    const view = new DataView(out.buffer);
    const flags = out[3]!;
    const wkb = 8 + ([0, 32, 48, 48, 64][(flags >> 1) & 7] ?? 0);
    const little = out[wkb] === 1;
    let value: Uint8Array = out;
    switch (rng.int(7)) {
      case 0:
        view.setUint32(
          wkb + 1,
          rng.pick([1, 2, 3, 6, 7, 1003, 2006, 3006, 0x80000003, 0x20000006, 17, 0xffffffff]),
          little,
        );
        break;
      case 1: {
        // A count (polygons, rings or points) made huge or zero.
        const at = wkb + 5 + 4 * rng.int(3);
        if (at + 4 <= out.length) view.setUint32(at, rng.pick([0, 1, 0x7fffffff, 0xffffffff, 1_000_000]), little);
        break;
      }
      case 2:
        out[wkb] = rng.pick([0, 1, 2, 0xff]);
        break;
      case 3:
        out[3] = rng.int(256);
        break;
      case 4:
        value = out.subarray(0, rng.int(out.length));
        break;
      case 5:
        for (let n = rng.range(1, 16); n > 0; n--) {
          const at = rng.int(out.length);
          out[at] = out[at]! ^ (1 << rng.int(8));
        }
        break;
      default: {
        // A coordinate not finite, or far out of range.
        const at = wkb + 13 + 8 * rng.int(Math.max(1, (out.length - wkb - 21) / 8));
        if (at + 8 <= out.length)
          view.setFloat64(at, rng.pick([NaN, Infinity, -Infinity, 1e308, -1e308, 0, 5e6]), little);
      }
    }
    db.run(`UPDATE ${quote(ft.table)} SET ${quote(ft.column)} = ? WHERE rowid = ?`, [value, rowid!]);
    return true;
  });

/** The GeoPackage's metadata bent: another srs, a missing layer, no features, other names. */
const gpkgMeta: Mutator = (input, ctx) =>
  withDb(input, ctx, (db) => {
    const { rng } = ctx;
    const ft = featureTable(db);
    if (!ft) return false;
    db.run(
      rng.pick([
        `UPDATE gpkg_geometry_columns SET srs_id = ${rng.pick([0, -1, 4326, 3857, 28992, 99999])}`,
        `UPDATE gpkg_geometry_columns SET column_name = 'bestaat_niet'`,
        `UPDATE gpkg_geometry_columns SET table_name = 'bestaat_niet'`,
        `UPDATE gpkg_contents SET data_type = '${rng.pick(['tiles', 'attributes', '', 'FEATURES'])}'`,
        'DELETE FROM gpkg_contents',
        'DELETE FROM gpkg_geometry_columns',
        `DELETE FROM ${quote(ft.table)}`,
        `UPDATE ${quote(ft.table)} SET ${quote(ft.column)} = ${rng.pick(["'tekst'", '42', 'NULL', "x''", 'zeroblob(10)'])}`,
        `ALTER TABLE ${quote(ft.table)} RENAME TO "wijken ""${rng.int(100)}"`,
        `INSERT INTO ${quote(ft.table)} (${quote(ft.column)}) SELECT ${quote(ft.column)} FROM ${quote(ft.table)}`,
        'DROP TABLE gpkg_contents',
      ]),
    );
    return true;
  });

/**
 * A GeoPackage made hostile: its layer (or its metadata) a view or a table with a generated column that costs
 * memory or time to read (a recursive query without end, a blob of hundreds of megabytes).
 */
const gpkgHostile: Mutator = (input, ctx) =>
  withDb(input, ctx, (db) => {
    const { rng } = ctx;
    const ft = featureTable(db);
    if (!ft) return false;
    const t = quote(ft.table);
    const heavy = rng.pick(['zeroblob(400000000)', 'randomblob(300000000)', "printf('%.*c', 300000000, 'x')"]);
    switch (rng.int(3)) {
      case 0:
        // The layer becomes a view of itself with a huge geometry.
        db.run(`ALTER TABLE ${t} RENAME TO fuzz_echt`);
        db.run(`CREATE VIEW ${t} AS SELECT *, ${heavy} AS extra FROM fuzz_echt`);
        return true;
      case 1:
        // The metadata becomes a view that never ends.
        db.run('ALTER TABLE gpkg_contents RENAME TO fuzz_contents');
        db.run(
          'CREATE VIEW gpkg_contents AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) ' +
            'SELECT c.table_name, c.data_type FROM n, fuzz_contents c',
        );
        return true;
      default:
        // A generated column computed on every read.
        db.run(`ALTER TABLE ${t} ADD COLUMN fuzz_extra BLOB GENERATED ALWAYS AS (${heavy}) VIRTUAL`);
        return true;
    }
  });

export const GPKG_MUTATORS: readonly NamedMutator[] = [
  { name: 'gpkg-geometrie', weight: 6, fn: gpkgBlob },
  { name: 'gpkg-metadata', weight: 2, fn: gpkgMeta },
  { name: 'gpkg-vijandig', weight: 0.5, fn: gpkgHostile },
];
