/**
 * The Cognos fixtures (tests/fixtures/cognos, made from the Boswinkel tables of the pilot plan) end to end:
 * every record with its exact numbers, suppressed counts kept as such, totals and sub-levels checked, refusals.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createProjectService } from '../../../../../shared/service/project-service';
import { unwrap } from '../../../../../shared/result';
import { FIXED_NOW, sha256, sql } from '../../../../helpers/db';

const DIR = new URL('../../../../fixtures/cognos/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', DIR), 'utf8')) as {
  bestanden: {
    bestand: string;
    uitkomst: 'importeren' | 'weigeren';
    invoer: { gebied?: string };
    records: {
      gebied: string;
      maat: string;
      wet: string | null;
      ondersteuningsbehoefte: number | null;
      subniveau: string | null;
      vorm: string | null;
      meldingstype: string | null;
      peildatum: string | null;
      periode_start: string | null;
      periode_eind: string | null;
      waarde: number | null;
      onderdrukt: boolean;
      min: number | null;
      max: number | null;
    }[];
    weigering: { reden: string; plaatsen: { blad: string; rij: number | null; kop: string | null }[] } | null;
  }[];
};

const CODES: Record<string, string> = { 'Boswinkel-De Braker': 'BU01530710', 'Stadsveld-Zuid': 'BU01530711' };
const CBS = [
  'gwb_code_10;regio;gm_naam;recs;a_inw',
  'GM0153;Enschede;Enschede;Gemeente;161000',
  'WK015307;Wijk 07 West;Enschede;Wijk;20000',
  'BU01530710;Boswinkel-De Braker;Enschede;Buurt;3715',
  'BU01530711;Stadsveld-Zuid;Enschede;Buurt;4000',
].join('\n');

type Service = ReturnType<typeof createProjectService>;
let s: Service;

beforeEach(async () => {
  s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('Enschede West'));
  unwrap(await s.importCbs({ name: 'kwb-2023-enschede-west.csv', bytes: new TextEncoder().encode(CBS) }, {}));
});

const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, DIR))) });

describe('Cognos fixtures', () => {
  for (const f of expected.bestanden.filter((b) => b.uitkomst === 'importeren')) {
    it(`${f.bestand}: every record as in the file`, async () => {
      const options = f.invoer.gebied ? { gebied: CODES[f.invoer.gebied]! } : {};
      const preview = unwrap(await s.previewCognosImport(file(f.bestand), options));
      expect(preview.fouten, JSON.stringify(preview.problemen)).toBe(0);
      expect(preview.kanImporteren).toBe(true);
      const outcome = unwrap(await s.importCognos(file(f.bestand), options));
      expect(outcome.metingen).toBe(f.records.length);
      const rows = s.currentDb()!.all<Record<string, string | number | null>>(
        `SELECT g.naam AS gebied, m.maat, m.wet, m.ondersteuningsbehoefte, m.subniveau, m.vorm, m.meldingstype,
                m.peildatum, m.periode_start, m.periode_eind, m.waarde, m.onderdrukt, m.onderdrukt_min AS min,
                m.onderdrukt_max AS max
         FROM meting m JOIN gebied g ON g.id = m.gebied_id ORDER BY m.id`,
      );
      const want = f.records.map((r) => ({
        gebied: r.gebied,
        maat: r.maat,
        wet: r.wet,
        ondersteuningsbehoefte: r.ondersteuningsbehoefte,
        subniveau: r.subniveau,
        vorm: r.vorm,
        meldingstype: r.meldingstype,
        peildatum: r.peildatum,
        periode_start: r.periode_start,
        periode_eind: r.periode_eind,
        waarde: r.waarde,
        onderdrukt: r.onderdrukt,
        min: r.min,
        max: r.max,
      }));
      const actual = rows.map((r) => ({ ...r, onderdrukt: r.onderdrukt === 1 })) as unknown as typeof want;
      const key = (r: {
        maat: unknown;
        meldingstype: unknown;
        ondersteuningsbehoefte: unknown;
        subniveau: unknown;
        vorm: unknown;
        wet: unknown;
        gebied: unknown;
        periode_start: unknown;
        peildatum: unknown;
      }) =>
        JSON.stringify([
          r.gebied,
          r.maat,
          r.wet,
          r.ondersteuningsbehoefte,
          r.subniveau,
          r.vorm,
          r.meldingstype,
          r.peildatum,
          r.periode_start,
        ]);
      expect(actual.map(key).sort()).toEqual(want.map(key).sort());
      for (const w of want) expect(actual.find((a) => key(a) === key(w))).toEqual(w);
    });
  }

  it('the numbers of the pilot plan: meldingen 32; Wmo OB1 68 toewijzingen and 65 unieke cliënten; 1A Individueel 42', async () => {
    unwrap(await s.importCognos(file('boswinkel-meldingen-april-2024.xlsx'), {}));
    unwrap(await s.importCognos(file('boswinkel-toewijzingen-2024-04-02.xlsx'), {}));
    unwrap(await s.importCognos(file('boswinkel-wmo-subniveaus.xlsx'), { gebied: 'BU01530710' }));
    const db = s.currentDb()!;
    expect(db.value("SELECT sum(waarde) FROM meting WHERE maat = 'meldingen'")).toBe(32);
    expect(
      db.value(
        "SELECT waarde FROM meting WHERE maat = 'toewijzingen' AND wet = 'Wmo' AND ondersteuningsbehoefte = 1 AND subniveau IS NULL AND vorm IS NULL",
      ),
    ).toBe(68);
    expect(
      db.value(
        "SELECT waarde FROM meting WHERE maat = 'unieke_clienten' AND wet = 'Wmo' AND ondersteuningsbehoefte = 1",
      ),
    ).toBe(65);
    expect(
      db.value(
        "SELECT waarde FROM meting WHERE subniveau = 'A' AND vorm = 'individueel' AND ondersteuningsbehoefte = 1 AND wet = 'Wmo'",
      ),
    ).toBe(42);
    const jeugd = db.get<{ waarde: number | null; onderdrukt: number; onderdrukt_min: number; onderdrukt_max: number }>(
      "SELECT waarde, onderdrukt, onderdrukt_min, onderdrukt_max FROM meting WHERE wet = 'Jeugdwet' AND ondersteuningsbehoefte = 1 AND maat = 'toewijzingen' AND subniveau IS NULL",
    );
    expect(jeugd).toEqual({ waarde: null, onderdrukt: 1, onderdrukt_min: 1, onderdrukt_max: 4 });
    const overzicht = unwrap(await s.getMetingen({ gebiedCode: 'BU01530710', maat: 'toewijzingen' }));
    const ob1 = overzicht.rijen.find(
      (r) => r.wet === 'Wmo' && r.ondersteuningsbehoefte === 1 && r.subniveau === null && r.vorm === null,
    );
    expect(ob1?.per1000).toBeCloseTo((68 / 3715) * 1000, 6);
  });

  it('a sub-level that does not add up to its product is a warning naming both numbers', async () => {
    const { parseCognosSheet, consistencyIssues } = await import('../../../../../shared/importers/cognos/parse');
    const p = parseCognosSheet('x.xlsx', {
      name: 'x.xlsx',
      rows: [
        ['Boswinkel-De Braker, peildatum 2 april 2024'],
        ['Product Wmo', 'Aantal toewijzingen'],
        ['Ondersteuningsbehoefte 1 Wmo', 70],
        ['Ondersteuningsbehoefte 1A Individueel', 42],
        ['Ondersteuningsbehoefte 1A Groep', 7],
      ],
    });
    expect(consistencyIssues('x.xlsx', p.records)).toMatchObject([
      { level: 'waarschuwing', code: 'cognos.som-klopt-niet', row: 3, params: { totaal: 70, som: 49 } },
    ]);
  });

  it('asks which buurt a fuzzy name means, and remembers the confirmed answer', async () => {
    const csv = 'Buurt;Periode;Meldingstype;Aantal meldingen\nBoswinkel;2024-05;Aanmelding;4\n';
    const f = { name: 'mei.csv', bytes: new TextEncoder().encode(csv) };
    const first = unwrap(await s.previewCognosImport(f, {}));
    expect(first.kanImporteren).toBe(false);
    expect(first.gebieden[0]).toMatchObject({ naam: 'Boswinkel', code: null });
    expect(first.gebieden[0]!.kandidaten[0]).toMatchObject({ code: 'BU01530710' });
    unwrap(await s.importCognos(f, { aliassen: { Boswinkel: 'BU01530710' } }));
    const again = { name: 'mei-2.csv', bytes: new TextEncoder().encode(csv.replace('2024-05', '2024-06')) };
    expect(unwrap(await s.previewCognosImport(again, {})).gebieden[0]).toMatchObject({
      code: 'BU01530710',
      zeker: true,
    });
  });

  it('never doubles counts: the same period again asks to replace or keep both', async () => {
    unwrap(await s.importCognos(file('boswinkel-meldingen-april-2024.xlsx'), {}));
    const csv = file('boswinkel-meldingen.csv');
    expect(unwrap(await s.previewCognosImport(csv, {}))).toMatchObject({ overlappend: 9, kanImporteren: false });
    expect(await s.importCognos(csv, {})).toMatchObject({ ok: false, error: { code: 'cognos.al-metingen' } });
    unwrap(await s.importCognos(csv, { overlap: 'vervangen' }));
    expect(s.currentDb()!.value("SELECT sum(waarde) FROM meting WHERE maat = 'meldingen'")).toBe(32);
  });

  for (const f of expected.bestanden.filter((b) => b.uitkomst === 'weigeren')) {
    it(`${f.bestand} is refused with its place, and nothing is written`, async () => {
      const before = await sha256(unwrap(await s.exportProject()));
      const preview = unwrap(await s.previewCognosImport(file(f.bestand), {}));
      expect(preview.kanImporteren).toBe(false);
      for (const place of f.weigering!.plaatsen) {
        const hit = preview.problemen.find(
          (i) =>
            i.level === 'fout' &&
            (place.rij === null || i.row === place.rij) &&
            (place.kop === null || i.column === place.kop),
        );
        expect(hit, JSON.stringify({ place, problemen: preview.problemen })).toBeDefined();
        expect(hit?.sheet ?? place.blad).toBe(place.blad);
      }
      expect(JSON.stringify(preview)).not.toMatch(/123456782/);
      expect(await s.importCognos(file(f.bestand), {})).toMatchObject({ ok: false });
      expect(await sha256(unwrap(await s.exportProject()))).toBe(before);
    });
  }
});

describe('Cognos details', () => {
  it('reads a peildatum column of Excel date serials, and Dutch thousands in counts', async () => {
    const { parseCognosSheet } = await import('../../../../../shared/importers/cognos/parse');
    const p = parseCognosSheet('x.xlsx', {
      name: 'Blad1',
      rows: [
        ['Buurt', 'Peildatum', 'Product', 'Aantal toewijzingen'],
        ['Boswinkel-De Braker', 45384, 'Ondersteuningsbehoefte 1 Wmo', '1.234'],
      ],
    });
    expect(p.issues).toEqual([]);
    expect(p.records[0]).toMatchObject({ peildatum: '2024-04-02', waarde: 1234, gebiedTekst: 'Boswinkel-De Braker' });
  });

  it('periods as people write them', async () => {
    const { findPeriode } = await import('../../../../../shared/importers/cognos/periods');
    expect(findPeriode('peildatum 2 april 2024')).toEqual({ peildatum: '2024-04-02', start: null, eind: null });
    expect(findPeriode('periode héél April 2024')).toEqual({
      peildatum: null,
      start: '2024-04-01',
      eind: '2024-04-30',
    });
    expect(findPeriode('2024-Q1')).toEqual({ peildatum: null, start: '2024-01-01', eind: '2024-03-31' });
    expect(findPeriode('1-4-2024 t/m 30-4-2024')).toEqual({ peildatum: null, start: '2024-04-01', eind: '2024-04-30' });
    expect(findPeriode('feb 2024')).toEqual({ peildatum: null, start: '2024-02-01', eind: '2024-02-29' });
    expect(findPeriode('Aantal meldingen Boswinkel')).toBeNull();
  });
});

describe('Cognos mapping profiles', () => {
  it('a corrected column meaning is saved with the import and applied to next month’s export of the same report', async () => {
    const s2 = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
    unwrap(await s2.createProject('Profielen'));
    unwrap(await s2.importCbs({ name: 'kwb-2023-enschede-west.csv', bytes: new TextEncoder().encode(CBS) }, {}));
    const month = (m: string, n: number) => ({
      name: `rapport-${m}.csv`,
      bytes: new TextEncoder().encode(
        `Buurt;Peildatum;Product;Stuks\nBoswinkel-De Braker;1-${m}-2024;Ondersteuningsbehoefte 1 Wmo;${n}\n`,
      ),
    });
    const first = unwrap(await s2.previewCognosImport(month('4', 68), {}));
    const layout = first.tabelIndeling[0]!;
    expect(layout.kolommen.find((k) => k.kop === 'Stuks')).toMatchObject({ rol: 'maat', maat: null });
    const kolommen = { [layout.vingerafdruk]: { Stuks: { rol: 'maat' as const, maat: 'toewijzingen' } } };
    unwrap(await s2.importCognos(month('4', 68), { kolommen }));
    // Next month: no corrections given, the saved profile does it.
    const next = unwrap(await s2.previewCognosImport(month('5', 70), {}));
    expect(next.perMaat).toEqual({ toewijzingen: 1 });
    unwrap(await s2.importCognos(month('5', 70), {}));
    expect(
      s2.currentDb()!.all("SELECT peildatum, waarde FROM meting WHERE maat = 'toewijzingen' ORDER BY peildatum"),
    ).toEqual([
      { peildatum: '2024-04-01', waarde: 68 },
      { peildatum: '2024-05-01', waarde: 70 },
    ]);
  });
});

describe('Cognos: names the project does not know', () => {
  it('block the import with a clear list, or become an eigen gebied when the user says so', async () => {
    const csv = 'Buurt;Periode;Meldingstype;Aantal meldingen\nPilotgebied Noord;2024-04;Aanmelding;7\n';
    const f = { name: 'pilot.csv', bytes: new TextEncoder().encode(csv) };
    const blocked = unwrap(await s.previewCognosImport(f, {}));
    expect(blocked.kanImporteren).toBe(false);
    expect(blocked.problemen.map((p) => p.code)).toContain('cognos.gebied-onbekend');
    unwrap(await s.importCognos(f, { nieuweGebieden: ['Pilotgebied Noord'] }));
    const db = s.currentDb()!;
    expect(db.get('SELECT g.niveau, g.naam, m.waarde FROM meting m JOIN gebied g ON g.id = m.gebied_id')).toEqual({
      niveau: 'eigen',
      naam: 'Pilotgebied Noord',
      waarde: 7,
    });
    // Next time the name is known.
    const again = { name: 'pilot-mei.csv', bytes: new TextEncoder().encode(csv.replace('2024-04', '2024-05')) };
    expect(unwrap(await s.previewCognosImport(again, {})).kanImporteren).toBe(true);
  });
});

describe('Cognos: a large export', () => {
  it('can be stopped while it is written, and then nothing changed', async () => {
    let csv = 'Buurt;Periode;Meldingstype;Aantal meldingen\n';
    for (let i = 0; i < 6000; i++)
      csv += `Boswinkel-De Braker;${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')};Type ${i % 7};${i % 50}\n`;
    const f = { name: 'groot.csv', bytes: new TextEncoder().encode(csv) };
    const before = await sha256(unwrap(await s.exportProject()));
    const running = s.importCognos(f, {});
    await s.cancelImport();
    expect(await running).toMatchObject({ ok: false, error: { code: 'import.geannuleerd' } });
    expect(await sha256(unwrap(await s.exportProject()))).toBe(before);
    expect(unwrap(await s.importCognos(f, {})).metingen).toBe(6000);
  });
});

describe('during an import', () => {
  it('other writes are refused (they would be rolled back with it), and closing stops the import first', async () => {
    let csv = 'Buurt;Periode;Meldingstype;Aantal meldingen\n';
    for (let i = 0; i < 6000; i++)
      csv += `Boswinkel-De Braker;${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')};Type ${i % 7};${i % 50}\n`;
    const f = { name: 'groot.csv', bytes: new TextEncoder().encode(csv) };
    const running = s.importCognos(f, {});
    await new Promise((r) => setTimeout(r, 0));
    expect(await s.renameProject('Tussendoor')).toMatchObject({ ok: false, error: { code: 'import.al-bezig' } });
    expect(await s.importCbs({ name: 'kwb-2023.csv', bytes: new TextEncoder().encode(CBS) }, {})).toMatchObject({
      ok: false,
      error: { code: 'import.al-bezig' },
    });
    await s.closeProject();
    expect(await running).toMatchObject({ ok: false, error: { code: 'import.geannuleerd' } });
  });
});

describe('Cognos: cases found in review', () => {
  const MORE = [
    CBS,
    'WK015308;Oost;Enschede;Wijk;15000',
    'BU01530810;Centrum;Enschede;Buurt;3000',
    'BU01530811;Stroinkslanden;Enschede;Buurt;5000',
  ].join('\n');

  async function project() {
    const p = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
    unwrap(await p.createProject('Review'));
    unwrap(await p.importCbs({ name: 'kwb-2023-enschede.csv', bytes: new TextEncoder().encode(MORE) }, {}));
    return p;
  }
  const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

  it('two tables right under each other stay two tables, each with its own period', async () => {
    const p = await project();
    const f = csv(
      'twee.csv',
      'Meldingen Boswinkel-De Braker april 2024\nMeldingstype;Aantal\nAanmelding;7\nMeldingen Boswinkel-De Braker mei 2024\nMeldingstype;Aantal\nAanmelding;9\n',
    );
    const preview = unwrap(await p.previewCognosImport(f, {}));
    expect(preview.tabellen).toBe(2);
    expect(preview.perioden).toEqual(['2024-04-01/2024-04-30', '2024-05-01/2024-05-31']);
  });

  it('a single short name inside a longer title is asked, not taken; each table keeps its own gebied', async () => {
    const p = await project();
    const oost = unwrap(
      await p.previewCognosImport(
        csv('zo.csv', 'Meldingen stadsdeel Zuid-Oost april 2024\nMeldingstype;Aantal\nAanmelding;7\n'),
        {},
      ),
    );
    expect(oost.kanImporteren).toBe(false);
    expect(oost.problemen.map((i) => i.code)).toContain('cognos.gebied-bevestigen');
    const two = csv(
      'twee-buurten.csv',
      'Meldingen Boswinkel-De Braker april 2024\nMeldingstype;Aantal\nAanmelding;7\n\nMeldingen Stroinkslanden april 2024\nMeldingstype;Aantal\nAanmelding;9\n',
    );
    const preview = unwrap(await p.previewCognosImport(two, { aliassen: { Stroinkslanden: 'BU01530811' } }));
    expect(preview.fouten).toBe(0);
    unwrap(await p.importCognos(two, { aliassen: { Stroinkslanden: 'BU01530811' } }));
    expect(
      p.currentDb()!.all('SELECT g.naam, m.waarde FROM meting m JOIN gebied g ON g.id = m.gebied_id ORDER BY m.waarde'),
    ).toEqual([
      { naam: 'Boswinkel-De Braker', waarde: 7 },
      { naam: 'Stroinkslanden', waarde: 9 },
    ]);
  });

  it('the day a report was made does not replace its month', async () => {
    const { findPeriode } = await import('../../../../../shared/importers/cognos/periods');
    expect(findPeriode('Meldingen april 2024, aangemaakt op 2-5-2024')).toEqual({
      peildatum: null,
      start: '2024-04-01',
      eind: '2024-04-30',
    });
    // "tot" inside "Totaal" is no range marker.
    expect(findPeriode('Totaal 2-4-2024 en 3-4-2024')?.start ?? null).toBeNull();
  });

  it('saved column corrections add up over months instead of replacing each other', async () => {
    const p = await project();
    const month = (m: string, n: number) =>
      csv(
        `r-${m}.csv`,
        `Buurt;Peildatum;Volgnr;Product;Stuks\nBoswinkel-De Braker;1-${m}-2024;1;Ondersteuningsbehoefte 1 Wmo;${n}\n`,
      );
    const fp = unwrap(await p.previewCognosImport(month('4', 68), {})).tabelIndeling[0]!.vingerafdruk;
    unwrap(await p.importCognos(month('4', 68), { kolommen: { [fp]: { Volgnr: { rol: 'negeren' } } } }));
    unwrap(
      await p.importCognos(month('5', 69), { kolommen: { [fp]: { Stuks: { rol: 'maat', maat: 'toewijzingen' } } } }),
    );
    const june = unwrap(await p.previewCognosImport(month('6', 70), {}));
    expect(june.perMaat).toEqual({ toewijzingen: 1 });
  });

  it('the same count twice in one file is an error naming both rows', async () => {
    const p = await project();
    const f = csv(
      'dubbel.csv',
      'Buurt;Periode;Meldingstype;Aantal\nBoswinkel-De Braker;2024-04;SMI;3\nBoswinkel-De Braker;2024-04;SMI;4\n',
    );
    const preview = unwrap(await p.previewCognosImport(f, {}));
    expect(preview.problemen).toContainEqual(
      expect.objectContaining({ code: 'cognos.dubbel', row: 3, params: { eerder: 2 } }),
    );
  });
});

describe('Cognos: two-row headers', () => {
  it('a row of months above "Aantal | Aantal" gives each column its month', async () => {
    const { parseCognosSheet } = await import('../../../../../shared/importers/cognos/parse');
    const p = parseCognosSheet('x.xlsx', {
      name: 'Blad1',
      rows: [
        ['Meldingen per buurt'],
        [null, 'april 2024', 'mei 2024'],
        ['Buurt', 'Aantal meldingen', 'Aantal meldingen'],
        ['Boswinkel-De Braker', 32, 30],
      ],
    });
    expect(p.issues).toEqual([]);
    expect(p.records.map((r) => [r.periodeStart, r.waarde])).toEqual([
      ['2024-04-01', 32],
      ['2024-05-01', 30],
    ]);
  });

  it('"Wmo | Jeugdwet" above the counts gives each column its wet', async () => {
    const { parseCognosSheet } = await import('../../../../../shared/importers/cognos/parse');
    const p = parseCognosSheet('x.xlsx', {
      name: 'Blad1',
      rows: [
        ['Boswinkel-De Braker, peildatum 2 april 2024'],
        [null, 'Wmo', 'Jeugdwet'],
        ['Product', 'Aantal toewijzingen', 'Aantal toewijzingen'],
        ['Ondersteuningsbehoefte 1', 68, 3],
      ],
    });
    expect(p.issues).toEqual([]);
    expect(p.records.map((r) => [r.wet, r.waarde, r.peildatum])).toEqual([
      ['Wmo', 68, '2024-04-02'],
      ['Jeugdwet', 3, '2024-04-02'],
    ]);
  });
});
