import { APPLICATION_ID, SQLITE_HEADER } from './schema-constants';

/**
 * Cheap byte-level check of a project file, without opening it: the SQLite header, our application_id
 * (big-endian at offset 68), a valid page size, and (when the header's page count is valid) the exact length.
 * Used where a full parse does not belong (Electron main) or would be too slow (every autosave).
 */
export function looksLikeProjectFile(bytes: Uint8Array): boolean {
  if (bytes.byteLength < 512) return false;
  for (let i = 0; i < SQLITE_HEADER.length; i++) if (bytes[i] !== SQLITE_HEADER.charCodeAt(i)) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(68) !== APPLICATION_ID) return false;
  const rawPageSize = view.getUint16(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return false;
  const changeCounter = view.getUint32(24);
  const pageCount = view.getUint32(28);
  const validFor = view.getUint32(92);
  if (pageCount > 0 && validFor === changeCounter) return bytes.byteLength === pageCount * pageSize;
  return bytes.byteLength % pageSize === 0;
}

/**
 * Stricter, for bytes about to replace a project file on disk in Electron main (which never parses them with
 * SQLite): everything looksLikeProjectFile checks, and also a rollback-journal file (bytes 18/19 = 1: a WAL file
 * would need a `-wal` file next to it, and sql.js always writes 1), the header fields SQLite always writes the same
 * (payload fractions 64/32/32, schema format 1–4, text encoding UTF-8), and a schema version this app knows
 * (1 … `latestVersion`, the `PRAGMA user_version` at offset 60).
 */
export function isSavableProjectFile(bytes: Uint8Array, latestVersion: number): boolean {
  if (!looksLikeProjectFile(bytes)) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[18] !== 1 || bytes[19] !== 1) return false;
  if (bytes[21] !== 64 || bytes[22] !== 32 || bytes[23] !== 32) return false;
  const schemaFormat = view.getUint32(44);
  if (schemaFormat < 1 || schemaFormat > 4) return false;
  if (view.getUint32(56) !== 1) return false;
  const userVersion = view.getInt32(60);
  return userVersion >= 1 && userVersion <= latestVersion;
}
