/**
 * The pilot case through the CLI, as a projectleider's script would run it: the real CBS 2024 rows of Enschede, the
 * pilot's Cognos tables (peildatum 2 april 2024), a partner list without a collective Zorg offer, then the gaps at
 * one peildatum.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliDir } from '../../helpers/cli';

const fixture = (dir: string, path: string) => {
  const name = path.split('/').pop()!;
  copyFileSync(new URL(`../../fixtures/${path}`, import.meta.url), join(dir, name));
  return name;
};

describe('CLI: hiaten of the pilot buurt', () => {
  it('finds the Zorg gap of Boswinkel–de Braker at peildatum 2 april 2024, with 109 and its reference', async () => {
    const dir = cliDir();
    expect((await cli(['new', 'P.wijkweb'], dir)).code).toBe(0);
    const cbs = await cli(['import', 'P.wijkweb', 'cbs', fixture(dir, 'cbs/statline-labelled-2024-enschede.csv')], dir);
    expect(cbs.code, cbs.err).toBe(0);
    const cognos = await cli(
      ['import', 'P.wijkweb', 'cognos', fixture(dir, 'cognos/boswinkel-toewijzingen-2024-04-02.xlsx')],
      dir,
    );
    expect(cognos.code, cognos.err).toBe(0);
    writeFileSync(
      join(dir, 'aanbod.csv'),
      'Naam organisatie;Naam aanbod;Leefgebied;Collectief;Toegang;Buurt\n' +
        "Alifa;Wijkcentrum 't Nije Terphoes;welzijn;collectief;vrij toegankelijk;Boswinkel-De Braker\n" +
        'Wijkteam;Maatwerk begeleiding;zorg;individueel;op indicatie;Boswinkel-De Braker\n',
    );
    expect((await cli(['import', 'P.wijkweb', 'partners', 'aanbod.csv'], dir)).code).toBe(0);

    const uit = await cli(['export', 'P.wijkweb', 'hiaten', '--format', 'json', '--peildatum', '2024-04-02'], dir);
    expect(uit.code, uit.err).toBe(0);
    const rijen = JSON.parse(uit.out) as Record<string, unknown>[];
    const zorg = rijen.find((r) => r.gebied_code === 'BU01530201' && r.leefgebied === 'zorg')!;
    expect(['hiaat', 'ernstig']).toContain(zorg.ernst);
    expect(zorg).toMatchObject({ grondslag: 'cognos+cbs-demografie', referentie: 'geen', peildatum: '2024-04-02' });
    expect(String(zorg.toelichting)).toContain('109 toewijzingen Wmo-maatwerk lichte ondersteuning (OB1–2)');
    expect(String(zorg.toelichting)).toContain('(peildatum 2 april 2024)');
    // Before any count: no moment, so no Cognos demand and no gap in Cognos' name.
    const vroeger = await cli(['export', 'P.wijkweb', 'hiaten', '--format', 'json', '--peildatum', '2024-01-01'], dir);
    const toen = (JSON.parse(vroeger.out) as Record<string, unknown>[]).find(
      (r) => r.gebied_code === 'BU01530201' && r.leefgebied === 'zorg',
    )!;
    expect(toen.grondslag).toBe('cbs-demografie');
    expect(['geen', 'aandacht']).toContain(toen.ernst);
    // A bad date is a Dutch error, exit 1.
    const fout = await cli(['export', 'P.wijkweb', 'hiaten', '--peildatum', '2-4-2024'], dir);
    expect(fout.code).toBe(1);
    expect(fout.err).toMatch(/peildatum/);
  });
});
