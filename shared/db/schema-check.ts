import type { SqlJsStatic } from 'sql.js';
import { ProjectDb } from './connection';
import { MIGRATIONS, migrate, type Migration } from './migrations';

/**
 * A project file must hold exactly Wijkweb's schema for its `user_version`: the same tables, indexes, triggers and
 * views, by name and SQL. A file from someone else can carry its own objects (a trigger that deletes every relatie on
 * each write, a view that hides rows); those would run silently inside Wijkweb and stay in every save. So the schema
 * is compared before anything else runs on the file.
 *
 * The expected schema is not a list kept by hand: it is what the migrations up to that version make on a fresh
 * in-memory database, so it stays right when a migration is added.
 */
export interface SchemaObject {
  readonly type: string;
  readonly name: string;
  readonly tbl_name: string;
  readonly sql: string | null;
}

/** Statistics tables that ANALYZE may add: SQLite's own, harmless, and not part of Wijkweb's schema. */
const IGNORED = (o: SchemaObject) => o.type === 'table' && /^sqlite_stat\d$/.test(o.name);

/** The objects of the main database (not TEMP: those are Wijkweb's own undo triggers, never in a file). */
export function schemaOf(db: ProjectDb): SchemaObject[] {
  return db
    .all<SchemaObject>('SELECT type, name, tbl_name, sql FROM main.sqlite_master')
    .filter((o) => !IGNORED(o))
    .sort((a, b) => (a.type + a.name < b.type + b.name ? -1 : a.type + a.name > b.type + b.name ? 1 : 0));
}

const cache = new WeakMap<SqlJsStatic, Map<number, readonly SchemaObject[]>>();

/** Wijkweb's schema at `version`: migrations 1 … version run on a fresh in-memory database (cached per version). */
export function expectedSchema(
  SQL: SqlJsStatic,
  version: number,
  migrations: readonly Migration[] = MIGRATIONS,
): readonly SchemaObject[] {
  const own = migrations === MIGRATIONS;
  let perVersion = own ? cache.get(SQL) : undefined;
  const known = perVersion?.get(version);
  if (known) return known;
  const db = new ProjectDb(new SQL.Database());
  try {
    db.run('PRAGMA foreign_keys = ON');
    migrate(
      db,
      migrations.filter((m) => m.version <= version),
    );
    const schema = schemaOf(db);
    if (own) {
      if (!perVersion) cache.set(SQL, (perVersion = new Map()));
      perVersion.set(version, schema);
    }
    return schema;
  } finally {
    db.close();
  }
}

const describe = (o: SchemaObject) => `${o.type} ‘${o.name}’`;

/**
 * What differs from Wijkweb's schema at `version`: objects that should not be there, are missing, or have other SQL
 * (each as "trigger ‘naam’"). Empty when the schema is exactly Wijkweb's.
 */
export function schemaDifferences(
  SQL: SqlJsStatic,
  db: ProjectDb,
  version: number,
  migrations: readonly Migration[] = MIGRATIONS,
): string[] {
  const expected = new Map(expectedSchema(SQL, version, migrations).map((o) => [`${o.type}\u0000${o.name}`, o]));
  const out: string[] = [];
  for (const o of schemaOf(db)) {
    const key = `${o.type}\u0000${o.name}`;
    const want = expected.get(key);
    if (!want || want.sql !== o.sql || want.tbl_name !== o.tbl_name) out.push(describe(o));
    expected.delete(key);
  }
  for (const o of expected.values()) out.push(describe(o));
  return out;
}
