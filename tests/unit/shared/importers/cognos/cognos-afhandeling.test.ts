/**
 * The Pilotmonitor's exports through the Cognos importer (issue 18): what happened with each aanmelding
 * (afhandeling: categories as columns or as a column), kosten per wet and year (euro amounts), tevredenheid (a score).
 * The workbooks are made here with SheetJS and read back as real xlsx bytes, through the real pipeline into a real
 * sql.js project.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { createProjectService } from '../../../../../shared/service/project-service';
import { unwrap } from '../../../../../shared/result';
import { parseBedrag, parseCount } from '../../../../../shared/importers/cognos/labels';
import { findPeriode } from '../../../../../shared/importers/cognos/periods';
import { formatIssue } from '../../../../../shared/i18n/messages';
import { FIXED_NOW, sha256, sql } from '../../../../helpers/db';

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

type Rij = (string | number | null)[];

/** A workbook of one sheet as Excel writes it (merged ranges like "A5:A7"), as file bytes. */
function xlsx(name: string, sheet: string, rows: Rij[], merges: string[] = []) {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  if (merges.length) ws['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheet);
  const bytes = XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
  return { name, bytes: new Uint8Array(bytes) };
}

const KOP = ['Buurt', 'Maand', 'Wijkteam zelf', 'Voorliggend opgelost', 'Maatwerkindicatie', 'Anders', 'Wachtlijst'];

/**
 * The messy export: two title lines, the buurt merged over its months, months as rows, categories as columns with a
 * row total, one "<5", an unknown category (Wachtlijst), a column total row and a "Bron: Cognos" footer.
 */
function rommelig(name = 'afhandeling-wijkteam-q1-2024.xlsx', maanden = ['jan 2024', 'feb 2024', 'mrt 2024']) {
  const bos: Rij[] = [
    [12, 6, 9, 2, 1],
    [11, 8, 8, 1, 0],
    [13, 10, 7, '<5', 2],
  ];
  const svz: Rij[] = [
    [7, 2, 5, 0, 0],
    [6, 3, 5, 1, 1],
    [8, 4, 4, 2, 0],
  ];
  const rij = (buurt: string | null, maand: string, v: Rij): Rij => {
    const getoond = v.reduce<number>((t, x) => t + (typeof x === 'number' ? x : 0), 0);
    // The Totaal column holds the real total (the "<5" was 2 here): within the range the shown numbers allow.
    const echt = getoond + v.filter((x) => typeof x === 'string').length * 2;
    return [buurt, maand, ...v, echt];
  };
  const kolomTotaal = (i: number) =>
    [...bos, ...svz].reduce<number>((t, r) => t + (typeof r[i] === 'number' ? (r[i] as number) : 0), 0);
  return xlsx(
    name,
    'Page1_1',
    [
      ['Afhandeling aanmeldingen wijkteam'],
      ['Wijkteam West, per buurt en maand'],
      [],
      [...KOP, 'Totaal'],
      ...bos.map((v, i) => rij(i === 0 ? 'Boswinkel-De Braker' : null, maanden[i]!, v)),
      ...svz.map((v, i) => rij(i === 0 ? 'Stadsveld-Zuid' : null, maanden[i]!, v)),
      ['Totaal', null, ...[0, 1, 2, 3, 4].map(kolomTotaal), null],
      [],
      ['Bron: Cognos, aangemaakt op 2-4-2024'],
    ],
    ['A5:A7', 'A8:A10'],
  );
}

/** The long export: buurt, maand, afhandeling, aantal; a total row per month. */
function lang(name = 'afhandeling-april-2024.xlsx', april: [number, number, number, number] = [12, 12, 7, 1]) {
  const labels = ['Geholpen door het wijkteam', 'Voorliggend opgelost', 'Maatwerkindicatie', 'Anders of nog bezig'];
  return xlsx(name, 'Afhandeling', [
    ['Wat is ermee gebeurd? Aanmeldingen per buurt'],
    [],
    ['Buurt', 'Maand', 'Afhandeling', 'Aantal'],
    ...labels.map((l, i) => ['Boswinkel-De Braker', '2024-04', l, april[i]!]),
    ['Boswinkel-De Braker', '2024-04', 'Totaal', april.reduce((a, b) => a + b, 0)],
  ]);
}

/** Kosten per buurt, years as columns (2024 January–April as one period), Wmo and Jeugd as group rows. */
function kosten(name = 'kosten-wmo-jeugd-2021-2024.xlsx') {
  return xlsx(name, 'Kosten', [
    ['Kosten Wmo en Jeugd per buurt'],
    ['Bron: financiële administratie (Cognos), bedragen in euro'],
    [],
    ['Gebied', '2021', '2022', '2023', 'jan t/m apr 2024'],
    ['Wmo'],
    ['Boswinkel-De Braker', '€ 1.050.123,45', '€ 1.081.000,00', '€ 1.120.450,10', '€ 352.300,55'],
    ['Stadsveld-Zuid', '€640000', '€ 655.250,5', 671000.25, '€ 4,00'],
    ['Totaal Wmo', '€ 1.690.123,45', '€ 1.736.250,50', '€ 1.791.450,35', '€ 352.304,55'],
    ['Jeugd'],
    ['Boswinkel-De Braker', '€ 560.000,00', '€ 575.500,00', '€ 590.000,00', '€ 190.000,00'],
    ['Stadsveld-Zuid', '€ 310.000,00', '€ 315.000,00', '€ 320.000,00', '-1.234,00'],
    ['Totaal Jeugd', '€ 870.000,00', '€ 890.500,00', '€ 910.000,00', '€ 188.766,00'],
  ]);
}

const metingen = () =>
  s.currentDb()!.all<{
    gebied: string;
    maat: string;
    start: string | null;
    eind: string | null;
    wet: string | null;
    afhandeling: string | null;
    waarde: number | null;
    onderdrukt: number;
  }>(
    `SELECT g.naam AS gebied, m.maat, m.periode_start AS start, m.periode_eind AS eind, m.wet, m.afhandeling,
              m.waarde, m.onderdrukt
       FROM meting m JOIN gebied g ON g.id = m.gebied_id ORDER BY m.id`,
  );

describe('Cognos: afhandeling', () => {
  it('the messy export: categories as columns, the unknown ‘Wachtlijst’ blocks with its place until it is mapped', async () => {
    const f = rommelig();
    const preview = unwrap(await s.previewCognosImport(f, {}));
    expect(preview.kanImporteren).toBe(false);
    const onbekend = preview.problemen.filter((p) => p.code === 'cognos.afhandeling-onbekend');
    expect(onbekend).toEqual([
      {
        level: 'fout',
        code: 'cognos.afhandeling-onbekend',
        file: f.name,
        sheet: 'Page1_1',
        row: 4,
        column: 'Wachtlijst',
        params: { waarde: 'Wachtlijst', kolom: 'G' },
      },
    ]);
    expect(formatIssue(onbekend[0]!)).toContain('‘Wachtlijst’ in kolom G: kies bij welke afhandeling dit hoort');
    // No other problem: the row totals (one over a "<5") and the column totals add up.
    expect(preview.problemen.filter((p) => p.code !== 'cognos.afhandeling-onbekend')).toEqual([]);
    expect(preview.afhandelingen.map((a) => [a.tekst, a.code, a.hoe])).toEqual([
      ['Wijkteam zelf', 'wijkteam', 'woorden'],
      ['Voorliggend opgelost', 'voorliggend', 'label'],
      ['Maatwerkindicatie', 'maatwerk', 'label'],
      ['Anders', 'overig', 'woorden'],
      ['Wachtlijst', null, null],
    ]);
    expect(preview.afhandelingItems.map((i) => i.code)).toEqual(['wijkteam', 'voorliggend', 'maatwerk', 'overig']);
    expect(preview.perMaat).toEqual({ afhandeling: 30 });
    expect(preview.voorbeeldRijen[0]).toMatchObject({
      gebied: 'Boswinkel-De Braker (BU01530710)',
      maat: 'afhandeling',
      afhandeling: 'Wijkteam zelf',
      afhandelingCode: 'wijkteam',
      moment: '2024-01-01/2024-01-31',
      waarde: 12,
    });
    expect(await s.importCognos(f, {})).toMatchObject({ ok: false, error: { code: 'import.fouten-in-bestand' } });

    const gekozen = unwrap(await s.previewCognosImport(f, { afhandelingen: { Wachtlijst: 'overig' } }));
    expect(gekozen.fouten).toBe(0);
    expect(gekozen.kanImporteren).toBe(true);
    expect(unwrap(await s.importCognos(f, { afhandelingen: { Wachtlijst: 'overig' } })).metingen).toBe(30);
    const rows = metingen();
    expect(rows.every((r) => r.maat === 'afhandeling' && r.afhandeling !== null)).toBe(true);
    expect(rows.filter((r) => r.gebied === 'Boswinkel-De Braker' && r.start === '2024-01-01')).toEqual(
      [
        ['wijkteam', 12],
        ['voorliggend', 6],
        ['maatwerk', 9],
        ['overig', 2],
        ['overig', 1],
      ].map(([afhandeling, waarde]) => ({
        gebied: 'Boswinkel-De Braker',
        maat: 'afhandeling',
        start: '2024-01-01',
        eind: '2024-01-31',
        wet: null,
        afhandeling,
        waarde,
        onderdrukt: 0,
      })),
    );
    // The "<5" of March (Anders) is kept as suppressed; the merged buurt cell holds for its three months.
    expect(rows.find((r) => r.onderdrukt === 1)).toMatchObject({
      gebied: 'Boswinkel-De Braker',
      start: '2024-03-01',
      afhandeling: 'overig',
      waarde: null,
    });
    expect(rows.filter((r) => r.gebied === 'Stadsveld-Zuid')).toHaveLength(15);
    expect(s.currentDb()!.all("SELECT waarde, code FROM taxonomie_alias WHERE taxonomie = 'afhandeling'")).toEqual([
      { waarde: 'Wachtlijst', code: 'overig' },
    ]);

    // Next quarter's export: the choice is remembered, nothing to ask.
    const volgende = rommelig('afhandeling-wijkteam-q2-2024.xlsx', ['apr 2024', 'mei 2024', 'jun 2024']);
    const tweede = unwrap(await s.previewCognosImport(volgende, {}));
    expect(tweede.fouten).toBe(0);
    expect(tweede.afhandelingen.find((a) => a.tekst === 'Wachtlijst')).toMatchObject({
      code: 'overig',
      hoe: 'onthouden',
    });
    expect(tweede.overlappend).toBe(0);
  });

  it('the long export: an afhandeling column, labels of the taxonomy, a total row checked; re-import overlaps per category', async () => {
    const f = lang();
    const preview = unwrap(await s.previewCognosImport(f, {}));
    expect(preview.problemen).toEqual([]);
    expect(preview.afhandelingen.map((a) => [a.tekst, a.code, a.hoe])).toEqual([
      ['Geholpen door het wijkteam', 'wijkteam', 'label'],
      ['Voorliggend opgelost', 'voorliggend', 'label'],
      ['Maatwerkindicatie', 'maatwerk', 'label'],
      ['Anders of nog bezig', 'overig', 'label'],
    ]);
    unwrap(await s.importCognos(f, {}));
    expect(metingen().map((r) => [r.afhandeling, r.waarde, r.start, r.eind])).toEqual([
      ['wijkteam', 12, '2024-04-01', '2024-04-30'],
      ['voorliggend', 12, '2024-04-01', '2024-04-30'],
      ['maatwerk', 7, '2024-04-01', '2024-04-30'],
      ['overig', 1, '2024-04-01', '2024-04-30'],
    ]);
    expect(s.currentDb()!.value("SELECT sum(waarde) FROM meting WHERE maat = 'afhandeling'")).toBe(32);

    // The same month again with one number changed: each category overlaps only itself (4, not 16).
    const opnieuw = lang('afhandeling-april-2024-v2.xlsx', [11, 13, 7, 1]);
    const p2 = unwrap(await s.previewCognosImport(opnieuw, {}));
    expect(p2).toMatchObject({ overlappend: 4, overlapGelijk: 2, overlapVerschillend: 2, kanImporteren: false });
    unwrap(await s.importCognos(opnieuw, { overlap: 'vervangen' }));
    expect(metingen().map((r) => [r.afhandeling, r.waarde])).toEqual([
      ['wijkteam', 11],
      ['voorliggend', 13],
      ['maatwerk', 7],
      ['overig', 1],
    ]);
  });

  it('a total row that does not match its categories is a warning; a category the user renamed in the taxonomy still matches by its label', async () => {
    const db = s.currentDb()!;
    db.run(
      "UPDATE taxonomie_item SET label = 'Doorverwezen naar de sociale basis' WHERE taxonomie = 'afhandeling' AND code = 'voorliggend'",
    );
    const f = xlsx('fout-totaal.xlsx', 'Blad1', [
      ['Afhandeling aanmeldingen april 2024'],
      ['Buurt', 'Afhandeling', 'Aantal'],
      ['Boswinkel-De Braker', 'Doorverwezen naar de sociale basis', 10],
      ['Boswinkel-De Braker', 'Maatwerkindicatie', 8],
      ['Boswinkel-De Braker', 'Totaal', 20],
    ]);
    const preview = unwrap(await s.previewCognosImport(f, {}));
    expect(preview.afhandelingen[0]).toMatchObject({ code: 'voorliggend', hoe: 'label' });
    expect(preview.problemen).toEqual([
      expect.objectContaining({
        code: 'cognos.totaal-klopt-niet',
        row: 5,
        params: { label: 'Boswinkel-De Braker', totaal: 20, som: 18 },
      }),
    ]);
  });
});

describe('Cognos: afhandeling, other layouts', () => {
  it('a ‘Resultaat’ column under a plain title, and categories as columns recognised by their headers alone', async () => {
    const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
    const resultaat = unwrap(
      await s.previewCognosImport(
        csv(
          'uitkomst.csv',
          'Aanmeldingen wijkteam 2024-Q1\nBuurt;Resultaat;Aantal aanmeldingen\nBoswinkel-De Braker;Doorverwezen naar welzijn;21\nBoswinkel-De Braker;Maatwerk;19\n',
        ),
        {},
      ),
    );
    expect(resultaat.problemen).toEqual([]);
    expect(resultaat.voorbeeldRijen.map((r) => [r.maat, r.afhandelingCode, r.waarde, r.moment])).toEqual([
      ['afhandeling', 'voorliggend', 21, '2024-01-01/2024-03-31'],
      ['afhandeling', 'maatwerk', 19, '2024-01-01/2024-03-31'],
    ]);
    const koppen = unwrap(
      await s.previewCognosImport(
        csv(
          'q1.csv',
          'Buurt;Kwartaal;Wijkteam zelf;Voorliggend opgelost;Maatwerkindicatie;Aantal aanmeldingen\nBoswinkel-De Braker;2024-Q1;30;33;20;84\n',
        ),
        {},
      ),
    );
    expect(koppen.perMaat).toEqual({ afhandeling: 3 });
    // "Aantal aanmeldingen" is the row total: checked (30 + 33 + 20 = 83), not stored.
    expect(koppen.problemen).toEqual([
      expect.objectContaining({
        code: 'cognos.totaalkolom-klopt-niet',
        row: 2,
        params: { kolom: 'Aantal aanmeldingen', totaal: 84, som: 83 },
      }),
    ]);
  });

  it('kosten as a long list: wet and product as columns, "Lasten" with euros', async () => {
    const f = {
      name: 'lasten.csv',
      bytes: new TextEncoder().encode(
        'Wijk;Jaar;Wet;Product;Lasten\nBoswinkel-De Braker;2023;Wmo;Ondersteuningsbehoefte 1 Wmo;€ 612.400,10\n' +
          'Boswinkel-De Braker;2023;Jeugd;Ondersteuningsbehoefte 2 Jeugd;"€ 98.750,00"\n',
      ),
    };
    const p = unwrap(await s.previewCognosImport(f, {}));
    expect(p.problemen).toEqual([]);
    unwrap(await s.importCognos(f, {}));
    expect(
      s
        .currentDb()!
        .all(
          'SELECT maat, wet, ondersteuningsbehoefte AS ob, periode_start, periode_eind, waarde FROM meting ORDER BY id',
        ),
    ).toEqual([
      { maat: 'kosten', wet: 'Wmo', ob: 1, periode_start: '2023-01-01', periode_eind: '2023-12-31', waarde: 612400.1 },
      {
        maat: 'kosten',
        wet: 'Jeugdwet',
        ob: 2,
        periode_start: '2023-01-01',
        periode_eind: '2023-12-31',
        waarde: 98750,
      },
    ]);
  });
});

describe('Cognos: kosten and tevredenheid', () => {
  it('amounts as people write them; counts stay strict', () => {
    expect(parseBedrag('€ 1.234,56')).toBe(1234.56);
    expect(parseBedrag('1.234.567')).toBe(1234567);
    expect(parseBedrag('€1234')).toBe(1234);
    expect(parseBedrag('-1.234,00')).toBe(-1234);
    expect(parseBedrag('€ -1.234,00')).toBe(-1234);
    expect(parseBedrag('- € 250')).toBe(-250);
    expect(parseBedrag('7,4')).toBe(7.4);
    expect(parseBedrag('1234.5')).toBe(1234.5);
    expect(parseBedrag('€ 1.234,-')).toBe(1234);
    expect(parseBedrag('€ 12,-')).toBe(12);
    expect(parseBedrag('veel')).toBeNull();
    expect(parseCount('€ 1.234')).toBeNull();
    expect(parseCount('€1234')).toBeNull();
  });

  it('a year, a range of months and a quarter as periods', () => {
    expect(findPeriode('2021')).toEqual({ peildatum: null, start: '2021-01-01', eind: '2021-12-31' });
    expect(findPeriode('jan t/m apr 2024')).toEqual({ peildatum: null, start: '2024-01-01', eind: '2024-04-30' });
    expect(findPeriode('januari–april 2024')).toEqual({ peildatum: null, start: '2024-01-01', eind: '2024-04-30' });
    expect(findPeriode('2024 (jan-apr)')).toEqual({ peildatum: null, start: '2024-01-01', eind: '2024-04-30' });
    expect(findPeriode('Meldingen 2024 Boswinkel')).toBeNull();
  });

  it('the kosten export: years as columns, wet from the group rows, euros with decimals, a negative correction', async () => {
    const f = kosten();
    const preview = unwrap(await s.previewCognosImport(f, {}));
    expect(preview.problemen).toEqual([]);
    expect(preview.perMaat).toEqual({ kosten: 16 });
    expect(preview.perioden).toEqual([
      '2021-01-01/2021-12-31',
      '2022-01-01/2022-12-31',
      '2023-01-01/2023-12-31',
      '2024-01-01/2024-04-30',
    ]);
    unwrap(await s.importCognos(f, {}));
    const rows = metingen();
    expect(rows).toHaveLength(16);
    expect(rows.every((r) => r.maat === 'kosten' && r.afhandeling === null && r.onderdrukt === 0)).toBe(true);
    const bos = rows.filter((r) => r.gebied === 'Boswinkel-De Braker');
    expect(bos.map((r) => [r.wet, r.start, r.waarde])).toEqual([
      ['Wmo', '2021-01-01', 1050123.45],
      ['Wmo', '2022-01-01', 1081000],
      ['Wmo', '2023-01-01', 1120450.1],
      ['Wmo', '2024-01-01', 352300.55],
      ['Jeugdwet', '2021-01-01', 560000],
      ['Jeugdwet', '2022-01-01', 575500],
      ['Jeugdwet', '2023-01-01', 590000],
      ['Jeugdwet', '2024-01-01', 190000],
    ]);
    expect(
      rows.find((r) => r.gebied === 'Stadsveld-Zuid' && r.wet === 'Jeugdwet' && r.start === '2024-01-01')?.waarde,
    ).toBe(-1234);
    expect(rows.find((r) => r.gebied === 'Stadsveld-Zuid' && r.wet === 'Wmo' && r.start === '2022-01-01')?.waarde).toBe(
      655250.5,
    );
  });

  it('an amount that is no amount is an error naming its cell; amounts are never checked against the inhabitants', async () => {
    const f = xlsx('kosten-fout.xlsx', 'Blad1', [
      ['Uitgaven Wmo per buurt'],
      ['Buurt', '2022', '2023'],
      ['Boswinkel-De Braker', 'onbekend', '€ 1.100.000,00'],
      ['Stadsveld-Zuid', '€ 9.999.999,00', '€ 99.999.999,00'],
      ['Wijk 07 West', '€ 20.000.000,00', '€ 120.000.000,00'],
    ]);
    const preview = unwrap(await s.previewCognosImport(f, {}));
    expect(preview.problemen).toEqual([
      expect.objectContaining({ code: 'cognos.geen-bedrag', row: 3, column: '2022', params: { waarde: 'onbekend' } }),
    ]);
    expect(preview.perMaat).toEqual({ kosten: 5 });
  });

  it('kosten and tevredenheid leave the machine as they are; afhandeling counts below 5 as "<5"', async () => {
    unwrap(await s.importCognos(kosten(), {}));
    unwrap(await s.importCognos(lang(), {}));
    const score = {
      name: 'tevredenheid-2023.csv',
      bytes: new TextEncoder().encode(
        'Buurt;Periode;Rapportcijfer\nBoswinkel-De Braker;2023;7,4\nStadsveld-Zuid;2023;3,5\n',
      ),
    };
    const p = unwrap(await s.previewCognosImport(score, {}));
    expect(p.problemen).toEqual([]);
    expect(p.perMaat).toEqual({ tevredenheid: 2 });
    unwrap(await s.importCognos(score, {}));
    const t = unwrap(await s.exportTable('metingen'));
    const c = (k: string) => t.columns.indexOf(k);
    const rij = (
      maat: string,
      gebied: string,
      pred: (r: readonly (string | number | null)[]) => boolean = () => true,
    ) => t.rows.find((r) => r[c('maat')] === maat && r[c('gebied_naam')] === gebied && pred(r))!;
    // € 4,00 of Stadsveld-Zuid (Wmo, Jan–Apr 2024) and the score 3,5: below 5, and shown as they are.
    expect(
      rij('kosten', 'Stadsveld-Zuid', (r) => r[c('wet')] === 'Wmo' && r[c('periode_start')] === '2024-01-01')[
        c('waarde')
      ],
    ).toBe(4);
    expect(
      rij('kosten', 'Stadsveld-Zuid', (r) => r[c('wet')] === 'Jeugdwet' && r[c('periode_start')] === '2024-01-01')[
        c('waarde')
      ],
    ).toBe(-1234);
    expect(rij('tevredenheid', 'Stadsveld-Zuid')[c('waarde')]).toBe(3.5);
    expect(rij('tevredenheid', 'Boswinkel-De Braker')[c('waarde')]).toBe(7.4);
    // An afhandeling count is a count of people: 1 leaves as "<5".
    expect(rij('afhandeling', 'Boswinkel-De Braker', (r) => r[c('afhandeling')] === 'overig')[c('waarde')]).toBe('<5');
    expect(rij('afhandeling', 'Boswinkel-De Braker', (r) => r[c('afhandeling')] === 'wijkteam')[c('waarde')]).toBe(12);
  });
});
