/**
 * `pilot` from the command line (issue 18): a pilot file read in one go; a bad file refused with a Dutch message that
 * names the field, and the project unchanged; the monitor printed with its goals, shares and questions.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliDir } from '../../helpers/cli';

const CBS = [
  'gwb_code_10;regio;gm_naam;recs;a_inw',
  'GM0153;Enschede;Enschede;Gemeente;161000',
  'WK015302;Wijk 02 West;Enschede;Wijk;20000',
  'BU01530201;Boswinkel-De Braker;Enschede;Buurt;3715',
].join('\n');

async function project(dir: string) {
  writeFileSync(join(dir, 'kwb-2023.csv'), CBS);
  expect((await cli(['new', 'P.wijkweb', '--naam', 'Pilot'], dir)).code).toBe(0);
  expect((await cli(['import', 'P.wijkweb', 'cbs', 'kwb-2023.csv', '--jaar', '2023'], dir)).code).toBe(0);
}

const telling = (van: string, tot: string, v: number, m: number, w: number, o: number) => ({
  gebied: 'BU01530201',
  maat: 'afhandeling',
  peildatum: null,
  periodeStart: van,
  periodeEind: tot,
  waarden: [
    { categorie: 'voorliggend', waarde: v },
    { categorie: 'maatwerk', waarde: m },
    { categorie: 'wijkteam', waarde: w },
    { categorie: 'overig', waarde: o },
  ],
});

describe('pilot P --instellingen', () => {
  it('reads the pilot, the standard goals and tallies, and prints the monitor under the small-count rule', async () => {
    const dir = cliDir();
    await project(dir);
    writeFileSync(
      join(dir, 'pilot.json'),
      JSON.stringify({
        pilot: { naam: 'Hulp om de hoek', gebied: 'BU01530201', start: '2024-01-01', eind: null },
        standaardDoelen: true,
        tellingen: [
          telling('2023-10-01', '2023-12-31', 20, 30, 30, 10),
          telling('2024-01-01', '2024-03-31', 30, 20, 30, 3),
        ],
      }),
    );
    const r = await cli(['pilot', 'P.wijkweb', '--instellingen', 'pilot.json'], dir);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Hulp om de hoek — Boswinkel-De Braker (peildatum 2024-03-31)');
    expect(r.out).toContain('[Op koers] Aanmeldingen niet hoger dan de drie jaar ervoor');
    // Q1 2024 has a small count: it and the smallest other are hidden; the questions speak of Q4 2023.
    expect(r.out).toMatch(
      /Q1 2024 +Geholpen door het wijkteam 36%, Voorliggend opgelost 36%, Maatwerkindicatie x, Anders of nog bezig <5/,
    );
    expect(r.out).toContain('22% van de aanmeldingen voorliggend opgelost in Q4 2023 (90 aanmeldingen).');
    expect(r.out).toContain('Pilot bewaard.');
    const exact = await cli(['pilot', 'P.wijkweb', '--exacte-aantallen'], dir);
    expect(exact.out).toMatch(/Q1 2024 +.*Anders of nog bezig 4%/);
  });

  it('hides the numbers of a goal on a small count, keeping its status', async () => {
    const dir = cliDir();
    await project(dir);
    const meldingen = (van: string, tot: string, n: number) => ({
      gebied: 'BU01530201',
      maat: 'meldingen',
      peildatum: null,
      periodeStart: van,
      periodeEind: tot,
      waarden: [{ categorie: null, waarde: n }],
    });
    writeFileSync(
      join(dir, 'klein.json'),
      JSON.stringify({
        pilot: { naam: 'Klein', gebied: 'BU01530201', start: '2024-01-01', eind: null },
        standaardDoelen: true,
        tellingen: [meldingen('2023-01-01', '2023-12-31', 4), meldingen('2024-01-01', '2024-03-31', 1)],
      }),
    );
    const r = await cli(['pilot', 'P.wijkweb', '--instellingen', 'klein.json', '--json'], dir);
    expect(r.code, r.err).toBe(0);
    const doel = (JSON.parse(r.out) as { doelen: { maat: string; status: string; basis: unknown; zin: string }[] })
      .doelen[0]!;
    expect(doel).toMatchObject({ maat: 'aanmeldingen', status: 'op_koers', basis: '<5' });
    expect(doel.zin).toBe('Op koers sinds 31 maart 2024. De aantallen zijn kleiner dan 5 en staan hier niet.');
  });

  it('refuses a file it cannot use with a Dutch message naming the field, and changes nothing', async () => {
    const dir = cliDir();
    await project(dir);
    const voor = readFileSync(join(dir, 'P.wijkweb'));
    writeFileSync(join(dir, 'kapot.json'), '{ "pilot": ');
    const kapot = await cli(['pilot', 'P.wijkweb', '--instellingen', 'kapot.json'], dir);
    expect(kapot.code).toBe(1);
    expect(kapot.err).toContain('--instellingen');
    writeFileSync(
      join(dir, 'fout.json'),
      JSON.stringify({ pilot: { naam: 'P', gebied: 'BU01530201', start: '2024-13-01', eind: null } }),
    );
    const fout = await cli(['pilot', 'P.wijkweb', '--instellingen', 'fout.json'], dir);
    expect(fout.code).toBe(1);
    expect(fout.err).toContain('pilot.start');
    const onbekend = await cli(['pilot', 'P.wijkweb', '--instellingen', 'niet-er.json'], dir);
    expect(onbekend.code).toBe(1);
    expect(readFileSync(join(dir, 'P.wijkweb')).equals(voor)).toBe(true);
  });
});
