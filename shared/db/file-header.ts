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
