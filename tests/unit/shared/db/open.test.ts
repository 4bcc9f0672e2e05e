import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkProjectBytes, openProjectDb } from '../../../../shared/db/open';
import { looksLikeProjectFile } from '../../../../shared/db/file-header';
import { AppException } from '../../../../shared/result';
import { projectBytes, sql } from '../../../helpers/db';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function openError(bytes: Uint8Array): Promise<string> {
  const before = sha(bytes);
  try {
    const { db } = openProjectDb(await sql(), bytes, 'test.wijkweb');
    db.close();
    return 'geopend';
  } catch (err) {
    expect(sha(bytes)).toBe(before);
    if (err instanceof AppException) return err.appError.code;
    throw err;
  }
}

describe('opening a project file', () => {
  it('opens a good file', async () => {
    const bytes = await projectBytes();
    expect(await openError(bytes)).toBe('geopend');
    expect(checkProjectBytes(await sql(), bytes)).toBe(true);
    expect(looksLikeProjectFile(bytes)).toBe(true);
  });

  it('refuses what is not SQLite: empty, text, a spreadsheet-like zip', async () => {
    expect(await openError(new Uint8Array())).toBe('bestand.geen-project');
    expect(await openError(new TextEncoder().encode('code;naam\nBU1;Boswinkel\n'.repeat(100)))).toBe(
      'bestand.geen-project',
    );
    const zip = new Uint8Array(4096);
    zip.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await openError(zip)).toBe('bestand.geen-project');
  });

  it('refuses another program’s SQLite database', async () => {
    const SQL = await sql();
    const other = new SQL.Database();
    other.run('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    const bytes = other.export();
    other.close();
    expect(await openError(bytes)).toBe('bestand.ander-programma');
    expect(looksLikeProjectFile(bytes)).toBe(false);
  });

  it('refuses a truncated file', async () => {
    const bytes = await projectBytes();
    const cut = bytes.slice(0, Math.floor(bytes.length / 2));
    expect(await openError(cut)).toBe('bestand.beschadigd');
    expect(looksLikeProjectFile(cut)).toBe(false);
    expect(checkProjectBytes(await sql(), cut)).toBe(false);
  });

  it('refuses a file with a zeroed page', async () => {
    const bytes = await projectBytes();
    const pageSize = (bytes[16]! << 8) | bytes[17]!;
    const damaged = bytes.slice();
    damaged.fill(0, pageSize * 2, pageSize * 3);
    expect(await openError(damaged)).toBe('bestand.beschadigd');
    expect(checkProjectBytes(await sql(), damaged)).toBe(false);
  });

  it('refuses a file with flipped bits inside a b-tree page', async () => {
    const bytes = await projectBytes();
    const pageSize = (bytes[16]! << 8) | bytes[17]!;
    const damaged = bytes.slice();
    // Corrupt the page header of page 3 (b-tree type byte and cell count).
    const start = pageSize * 2;
    damaged[start] = 0xff;
    damaged[start + 3] = 0xff;
    damaged[start + 4] = 0xff;
    expect(await openError(damaged)).toBe('bestand.beschadigd');
  });
});
