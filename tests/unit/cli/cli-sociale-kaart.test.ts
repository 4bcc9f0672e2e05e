import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliDir } from '../../helpers/cli';

const LIJST = [
  'Naam organisatie;Postcode;Naam aanbod;Leefgebied',
  'Stichting Dock;3555 AB;Buurtkamer;welzijn',
  'Dock Utrecht;3555ab;Taalcafé;onderwijs',
  'Alifa;;Inloop;W&I',
  'Alifa Welzijn;;Maatjes;Spiritualiteit',
  'Buurtteam Zuilen;;Spreekuur;zorg',
].join('\n');

describe('CLI: partners, relaties, dubbelen, samenvoegen', () => {
  it('imports a partner list (auto-merging equal names, listing candidates), then relaties, and exports them', async () => {
    const dir = cliDir();
    expect((await cli(['new', 'P.wijkweb'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'lijst.csv'), LIJST);

    // An unknown leefgebied: nothing is written, the value and the way out are named.
    const refused = await cli(['import', 'P.wijkweb', 'partners', 'lijst.csv'], dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Onbekende waarde: leefgebied ‘Spiritualiteit’');
    expect(refused.err).toContain('rij 5, kolom ‘Leefgebied’');
    expect(refused.err).toContain('niet geïmporteerd');
    expect(JSON.parse((await cli(['info', 'P.wijkweb', '--json'], dir)).out).counts.organisaties).toBe(0);

    const ok = await cli(['import', 'P.wijkweb', 'partners', 'lijst.csv', '--nieuwe-waarden', 'toevoegen'], dir);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('Mogelijk dezelfde organisatie: Alifa ↔ Alifa Welzijn');
    expect(ok.out).toContain('4 nieuwe organisaties');
    expect(ok.out).toContain('5 nieuwe voorzieningen');

    const dubbelen = await cli(['dubbelen', 'P.wijkweb', '--json'], dir);
    const groups = JSON.parse(dubbelen.out) as { organisaties: { id: number; naam: string }[]; zekerheid: string }[];
    const alifa = groups.find((g) => g.organisaties.some((o) => o.naam === 'Alifa'))!;
    expect(alifa.zekerheid).toBe('mogelijk');
    const ids = alifa.organisaties.map((o) => String(o.id));
    const merged = await cli(['samenvoegen', 'P.wijkweb', ...ids], dir);
    expect(merged.code).toBe(0);
    expect(merged.out).toContain('Samengevoegd tot ‘Alifa’');

    writeFileSync(
      join(dir, 'verwijzingen.csv'),
      'Van;Naar;Aantal;Periode\nBuurtteam Zuilen;Dock;12;2024-Q1\nBuurtteam Zuilen;Alifa Welzijn;4;2024\nXYZ;Dock;1;2024\n',
    );
    const rel = await cli(['import', 'P.wijkweb', 'relaties', 'verwijzingen.csv', '--overslaan'], dir);
    expect(rel.code).toBe(0);
    expect(rel.err).toContain('Onbekende naam: ‘XYZ’');
    expect(rel.out).toContain('2 nieuwe relaties');
    const out = await cli(['export', 'P.wijkweb', 'relaties'], dir);
    expect(out.out.split('\r\n')[0]).toBe(
      'id,van_id,van_naam,naar_id,naar_naam,soort,aantal,periode,van_soort,naar_soort',
    );
    expect(out.out).toContain('Buurtteam Zuilen');
    expect(out.out).toContain(',Alifa,'); // the merged name is matched to the kept organisation
    // Small referral counts leave as "<5"; the team's working file keeps them exact, and says what it is.
    expect(out.out).toContain(',<5,');
    expect(out.out).not.toMatch(/,4,2024-01-01/);
    const werk = await cli(['export', 'P.wijkweb', 'relaties', '--exacte-aantallen'], dir);
    expect(werk.out).toMatch(/,4,2024-01-01/);
    expect(werk.err).toContain('exacte aantallen');
    const terug = join(dir, 'terug.csv');
    writeFileSync(terug, out.out);
    const geweigerd = await cli(['import', 'P.wijkweb', 'relaties', 'terug.csv'], dir);
    expect(geweigerd.code).toBe(1);
    expect(geweigerd.err).toContain('afgeschermd aantal');
    const orgs = await cli(['export', 'P.wijkweb', 'organisaties', '--format', 'json'], dir);
    expect((JSON.parse(orgs.out) as unknown[]).length).toBe(3);
  });

  it('imports the CBS postcode table and resolves postcodes to buurten', async () => {
    const dir = cliDir();
    expect((await cli(['new', 'P.wijkweb'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'kwb-2023.csv'), readFileSync('tests/fixtures/cbs/kwb-2023-enschede-west-voorbeeld.csv'));
    expect((await cli(['import', 'P.wijkweb', 'cbs', 'kwb-2023.csv'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'lijst.csv'), 'Organisatie;Postcode;Website\nWijkcentrum;7512 AB;wijk.nl\n');
    expect((await cli(['import', 'P.wijkweb', 'partners', 'lijst.csv'], dir)).code).toBe(0);
    writeFileSync(
      join(dir, 'pc6-gwb2023.csv'),
      'PC6;Buurt2023;Wijk2023;Gemeente2023\n7512AB;1530710;15307;153\n7512AC;1530711;15307;153\n',
    );
    const pc = await cli(['import', 'P.wijkweb', 'postcodes', 'pc6-gwb2023.csv'], dir);
    expect(pc.err).toBe('');
    expect(pc.out).toContain('2 postcodes; 1 organisaties en voorzieningen kregen een buurt');
    const orgs = await cli(['export', 'P.wijkweb', 'organisaties', '--format', 'json'], dir);
    expect(JSON.parse(orgs.out)).toEqual([expect.objectContaining({ naam: 'Wijkcentrum', buurt_code: 'BU01530710' })]);
  });
});
