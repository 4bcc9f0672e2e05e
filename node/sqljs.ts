import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SqlJsStatic } from 'sql.js';

const require = createRequire(import.meta.url);
let cached: Promise<SqlJsStatic> | null = null;

/** sql.js (WASM) in Node, for the CLI, the tests and the benchmark. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!cached) {
    const init = require('sql.js') as (config?: { locateFile?: (f: string) => string }) => Promise<SqlJsStatic>;
    const dist = dirname(require.resolve('sql.js/dist/sql-wasm.wasm'));
    cached = init({ locateFile: (file) => join(dist, file) });
  }
  return cached;
}
