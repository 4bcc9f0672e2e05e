import type { SqlJsStatic } from 'sql.js';
import { ProjectDb } from './connection';
import { migrate, LATEST_SCHEMA_VERSION } from './migrations';
import { APPLICATION_ID, SQLITE_HEADER } from './schema-constants';
import { seedDefaultTaxonomies } from './repos/taxonomies';
import { insertProject } from './repos/project';
import { AppException } from '../result';
import { schemaDifferences } from './schema-check';

export interface OpenedDb {
  readonly db: ProjectDb;
  readonly migratedFrom: number | null;
}

function hasSqliteHeader(bytes: Uint8Array): boolean {
  if (bytes.byteLength < 512) return false;
  for (let i = 0; i < SQLITE_HEADER.length; i++) if (bytes[i] !== SQLITE_HEADER.charCodeAt(i)) return false;
  return true;
}

/**
 * The first table or index whose root page is of the other kind (a table page where an index belongs, or the other
 * way round), as "index ‘naam’"; null when all fit. PRAGMA integrity_check does not see this when the b-tree is empty
 * (found by the fuzzer: a page copied over an empty index's root passed the check, and the first count of that table
 * failed with "database disk image is malformed"). Rowid tables have table pages (5, 13), indexes and WITHOUT ROWID
 * tables index pages (2, 10).
 */
function rootPageMismatch(bytes: Uint8Array, db: ProjectDb): string | null {
  const pageSize = db.pragmaNumber('page_size');
  const roots = db.all<{ type: string; name: string; rootpage: number; sql: string | null }>(
    "SELECT type, name, rootpage, sql FROM main.sqlite_master WHERE type IN ('table', 'index') AND rootpage > 0",
  );
  for (const o of roots) {
    const at = (o.rootpage - 1) * pageSize + (o.rootpage === 1 ? 100 : 0);
    const kind = at < bytes.length ? bytes[at] : undefined;
    const index = o.type === 'index' || /\bWITHOUT\s+ROWID\b/i.test(o.sql ?? '');
    if (index ? kind !== 2 && kind !== 10 : kind !== 5 && kind !== 13)
      return `${o.type} ‘${o.name}’: page ${o.rootpage}`;
  }
  return null;
}

/**
 * Opens project bytes the safe way: SQLite header, our application_id, not from a newer app, a version that can be,
 * exactly Wijkweb's schema for that version (no foreign triggers, views, checks or indexes: nothing of someone else's
 * is evaluated, not even by the integrity check), integrity_check; then foreign keys on and pending migrations in one
 * transaction. The input bytes are never modified.
 * Throws an AppException with a `bestand.*` code on any problem; the caller's file stays untouched.
 */
export function openProjectDb(SQL: SqlJsStatic, bytes: Uint8Array, fileName: string): OpenedDb {
  if (!hasSqliteHeader(bytes)) throw new AppException('bestand.geen-project', { bestand: fileName });
  // The file format's write and read versions (1 rollback journal, 2 WAL; Wijkweb always saves 1). Above 2, SQLite
  // opens the file read-only (write version) or not at all (read version): every later edit would fail unexplained.
  if (bytes[18]! > 2 || bytes[19]! > 2) {
    throw new AppException('bestand.beschadigd', { bestand: fileName }, `file format ${bytes[18]}/${bytes[19]}`);
  }
  let raw;
  try {
    raw = new SQL.Database(bytes);
  } catch (err) {
    throw new AppException('bestand.beschadigd', { bestand: fileName }, String(err));
  }
  const db = new ProjectDb(raw);
  try {
    let appId: number;
    let version: number;
    try {
      appId = db.pragmaNumber('application_id');
      version = db.pragmaNumber('user_version');
    } catch (err) {
      throw new AppException('bestand.beschadigd', { bestand: fileName }, String(err));
    }
    if (appId !== APPLICATION_ID) throw new AppException('bestand.ander-programma', { bestand: fileName });
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppException('bestand.nieuwere-versie', {
        bestand: fileName,
        versie: version,
        max: LATEST_SCHEMA_VERSION,
      });
    }
    if (!Number.isInteger(version) || version < 0) {
      throw new AppException('bestand.vreemd-schema', { bestand: fileName, wat: `bestandsversie ${version}` });
    }
    // Before anything runs on the file: a trigger or view of someone else's would run inside Wijkweb; a schema newer
    // than its version would make the migrations fail half-way ("table … already exists"); and a CHECK constraint,
    // an index on an expression or a generated column of someone else's would be evaluated for every row by the
    // integrity check below (a file can make that cost any amount of memory or time). Only sqlite_master is read here.
    let verschil: string[];
    try {
      verschil = schemaDifferences(SQL, db, version);
    } catch (err) {
      throw new AppException('bestand.beschadigd', { bestand: fileName }, String(err));
    }
    if (verschil.length > 0) {
      const wat = verschil.slice(0, 3).join(', ') + (verschil.length > 3 ? ` en nog ${verschil.length - 3}` : '');
      throw new AppException('bestand.vreemd-schema', { bestand: fileName, wat }, verschil.join('; '));
    }
    let check: string[];
    try {
      check = db.all<{ integrity_check: string }>('PRAGMA integrity_check').map((r) => r.integrity_check);
    } catch (err) {
      throw new AppException('bestand.beschadigd', { bestand: fileName }, String(err));
    }
    if (check.length !== 1 || check[0] !== 'ok') {
      throw new AppException('bestand.beschadigd', { bestand: fileName }, check.slice(0, 5).join('; '));
    }
    let wrongRoot: string | null;
    try {
      wrongRoot = rootPageMismatch(bytes, db);
    } catch (err) {
      throw new AppException('bestand.beschadigd', { bestand: fileName }, String(err));
    }
    if (wrongRoot) throw new AppException('bestand.beschadigd', { bestand: fileName }, wrongRoot);
    db.run('PRAGMA foreign_keys = ON');
    let outcome;
    try {
      outcome = migrate(db);
    } catch (err) {
      if (err instanceof AppException) throw err;
      // The schema was Wijkweb's, so a failing step means data that cannot be: a damaged file.
      throw new AppException('bestand.beschadigd', { bestand: fileName }, String(err));
    }
    // A migration that rebuilt tables leaves free pages behind; give them back (outside any transaction).
    if (outcome.from < outcome.to) db.run('VACUUM');
    return { db, migratedFrom: outcome.from < outcome.to ? outcome.from : null };
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * The page size of a new project (bytes; SQLite's default is 4 KiB). A save's snapshot (sql.js copies the file page
 * by page through SQLite's backup API) of 32 MB took 36 ms at 4 KiB pages, 15 ms at 8 and 12 ms at 16; every table
 * and index takes at least one page, so a new, empty project is 8 KiB × its ~70 tables and indexes (about 580 kB).
 */
export const PAGINA = 8192;

/** A new, empty project: latest schema, default taxonomies, its name. */
export function createProjectDb(SQL: SqlJsStatic, naam: string, now: string, appVersion: string): ProjectDb {
  const db = new ProjectDb(new SQL.Database());
  db.run(`PRAGMA page_size = ${PAGINA}`);
  db.run('PRAGMA foreign_keys = ON');
  migrate(db);
  db.transaction(() => {
    insertProject(db, naam, now, appVersion);
    seedDefaultTaxonomies(db);
  });
  db.run('VACUUM');
  return db;
}

/** Fast check of bytes about to be written: SQLite, ours, and `PRAGMA quick_check` ok. */
export function checkProjectBytes(SQL: SqlJsStatic, bytes: Uint8Array): boolean {
  if (!hasSqliteHeader(bytes)) return false;
  let raw;
  try {
    raw = new SQL.Database(bytes);
  } catch {
    return false;
  }
  const db = new ProjectDb(raw);
  try {
    if (db.pragmaNumber('application_id') !== APPLICATION_ID) return false;
    const rows = db.all<{ quick_check: string }>('PRAGMA quick_check');
    return rows.length === 1 && rows[0]?.quick_check === 'ok';
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/**
 * Bytes this app exported a moment ago from the open project (an undo of a heavy step): opened as they are, with
 * its foreign keys on; no checks and no migration (same schema; openProjectDb's integrity_check took 3.7 s on 330 MB).
 */
export function reopenOwnSnapshot(SQL: SqlJsStatic, bytes: Uint8Array): ProjectDb {
  const db = new ProjectDb(new SQL.Database(bytes));
  db.run('PRAGMA foreign_keys = ON');
  return db;
}
