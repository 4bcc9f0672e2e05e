import { describe, expect, it } from 'vitest';
import { isSavableProjectFile, looksLikeProjectFile } from '../../../../shared/db/file-header';
import { LATEST_SCHEMA_VERSION } from '../../../../shared/db/migrations';
import { projectBytes } from '../../../helpers/db';

/** Issue 15.13: save-project-file checked only header, application_id and length. */

describe('isSavableProjectFile (Electron main, before a save)', () => {
  it('accepts a real project at this version', async () => {
    const bytes = await projectBytes();
    expect(isSavableProjectFile(bytes, LATEST_SCHEMA_VERSION)).toBe(true);
  });

  it('refuses bytes that pass the old check but are no file Wijkweb writes', async () => {
    const good = await projectBytes();
    const changed = (at: number, values: number[]) => {
      const b = good.slice();
      b.set(values, at);
      return b;
    };
    const int32 = (v: number) => {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setInt32(0, v);
      return [...b];
    };
    const cases: [string, Uint8Array][] = [
      ['WAL mode (needs a -wal file)', changed(18, [2, 2])],
      ['other payload fractions', changed(21, [65, 32, 32])],
      ['schema format 5', changed(44, int32(5))],
      ['UTF-16 text', changed(56, int32(2))],
      ['user_version 0', changed(60, int32(0))],
      ['a newer user_version', changed(60, int32(LATEST_SCHEMA_VERSION + 1))],
      ['a negative user_version', changed(60, int32(-1))],
    ];
    for (const [what, bytes] of cases) {
      expect(looksLikeProjectFile(bytes), what).toBe(true);
      expect(isSavableProjectFile(bytes, LATEST_SCHEMA_VERSION), what).toBe(false);
    }
    expect(isSavableProjectFile(good.subarray(0, good.length - 512), LATEST_SCHEMA_VERSION)).toBe(false);
  });
});
