/**
 * A partner list names a wijk as people say it ("Boswinkel - Stadsveld"); CBS's kerncijfers call it "Wijk 02
 * Boswinkel - Stadsveld". Found on real data: the voorbeeld's partner list after the whole-country 2024 file warned
 * "Wijkweb kent de buurt ‘Boswinkel - Stadsveld’ niet" 30 times. Both spellings find the wijk.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProjectService } from '../../../../../shared/service/project-service';
import { unwrap } from '../../../../../shared/result';
import { FIXED_NOW, sha256, sql } from '../../../../helpers/db';

const file = (path: string) => ({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(path)) });

describe('a wijk by its name without CBS’s "Wijk 02"', () => {
  it('the voorbeeld’s partner list after CBS 2024: no unknown wijken, werkgebieden on the wijk', async () => {
    const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
    unwrap(await s.createProject('Enschede'));
    unwrap(await s.importCbs(file('tests/fixtures/cbs/statline-labelled-2024-enschede.csv'), {}));
    const lijst = file('data/demo/bronnen/partners-januari-2024.xlsx');
    const preview = unwrap(await s.previewPartnersImport(lijst, {}));
    const onbekend = preview.problemen.filter((p) => p.code === 'lijst.buurt-onbekend').map((p) => p.params?.waarde);
    expect(onbekend).not.toContain('Boswinkel - Stadsveld');
    expect(onbekend).not.toContain('Twekkelerveld - T.H.T.');
    unwrap(await s.importPartners(lijst, { foutenOverslaan: true }));
    const vz = unwrap(await s.exportTable('voorzieningen'));
    const kolom = vz.columns.indexOf('werkgebied');
    expect(kolom).toBeGreaterThanOrEqual(0);
    expect(vz.rows.some((r) => String(r[kolom]).includes('WK015302'))).toBe(true);
  });
});
