import { describe, expect, it } from 'vitest';
import { cli, cliDir } from '../../helpers/cli';
import { server } from '../../helpers/team';

describe('CLI: team delen, deelnemen, sync, status, wijzig, verwijder, export conflicten', () => {
  it('shares, joins, edits on both sides, lists and settles a conflict; refuses a wrong token; names an unreachable server', async () => {
    const s = await server();
    const dir = cliDir();
    try {
      expect((await cli(['new', 'A.wijkweb'], dir)).code).toBe(0);
      const delen = await cli(['team', 'delen', 'A.wijkweb', '--server', s.url, '--lid', 'Anna'], dir);
      expect(delen.err).toBe('');
      expect(delen.code).toBe(0);
      const uitnodiging = delen.out.trim().split('\n').pop()!;
      expect(uitnodiging).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/\?document=\w+&token=/);

      expect(
        (await cli(['wijzig', 'A.wijkweb', 'organisatie:nieuw', 'naam=Stichting Dock', '--lid', 'Anna'], dir)).code,
      ).toBe(0);
      expect((await cli(['team', 'sync', 'A.wijkweb'], dir)).code).toBe(0);
      const join = await cli(['team', 'deelnemen', 'B.wijkweb', uitnodiging, '--lid', 'Bram'], dir);
      expect(join.err).toBe('');
      expect(join.out).toContain('1 organisaties');

      expect((await cli(['wijzig', 'A.wijkweb', 'organisatie:1', 'telefoon=030-111'], dir)).code).toBe(0);
      expect((await cli(['wijzig', 'B.wijkweb', 'organisatie:1', 'telefoon=030-222'], dir)).code).toBe(0);
      for (const p of ['A', 'B', 'A']) expect((await cli(['team', 'sync', `${p}.wijkweb`], dir)).code).toBe(0);
      for (const p of ['A', 'B']) {
        const lijst = JSON.parse((await cli(['export', `${p}.wijkweb`, 'conflicten', '--format', 'json'], dir)).out);
        expect(lijst).toHaveLength(1);
        expect(lijst[0].veld).toBe('telefoon');
        expect(lijst[0].waarden.map((w: { door: string }) => w.door).sort()).toEqual(['Anna', 'Bram']);
      }
      const status = JSON.parse((await cli(['team', 'status', 'B.wijkweb', '--json'], dir)).out);
      expect(status).toMatchObject({ gedeeld: true, lid: 'Bram', omNaTeKijken: 1 });

      expect((await cli(['team', 'kies', 'B.wijkweb', 'organisatie:1', 'telefoon', '1'], dir)).code).toBe(0);
      for (const p of ['B', 'A']) expect((await cli(['team', 'sync', `${p}.wijkweb`], dir)).code).toBe(0);
      expect(JSON.parse((await cli(['export', 'A.wijkweb', 'conflicten', '--format', 'json'], dir)).out)).toEqual([]);

      expect((await cli(['verwijder', 'B.wijkweb', 'organisatie:1'], dir)).code).toBe(0);
      for (const p of ['B', 'A']) expect((await cli(['team', 'sync', `${p}.wijkweb`], dir)).code).toBe(0);
      expect(JSON.parse((await cli(['info', 'A.wijkweb', '--json'], dir)).out).counts.organisaties).toBe(0);

      const fout = await cli(
        ['team', 'deelnemen', 'C.wijkweb', uitnodiging.replace(/token=[^&]+/, 'token=verkeerd')],
        dir,
      );
      expect(fout.code).toBe(1);
      expect(fout.err).toContain('weigert de toegang');
      expect(s.log.some((r) => r.includes('geweigerd 403'))).toBe(true);
    } finally {
      await s.server.close();
    }
    const weg = await cli(['team', 'sync', 'A.wijkweb'], dir);
    expect(weg.code).toBe(1);
    expect(weg.err).toContain('kan de teamserver');
  });
});
