/**
 * Every StatLine table about gebieden, not only the kerncijfers: the code column found by what it holds whatever its
 * label, a Perioden column that sets the year (or several years, each its own), decimal points and commas, CBS's
 * symbols, the care figures in every dialect, and a new year whose indeling changed. Through the project service.
 */
import { describe, expect, it } from 'vitest';
import type { CbsImportOptions, ImportFile } from '../../../../../shared/contract';
import { unwrap } from '../../../../../shared/result';
import { createProjectService } from '../../../../../shared/service/project-service';
import { FIXED_NOW, sha256, sql } from '../../../../helpers/db';

type Service = ReturnType<typeof createProjectService>;

/** A StatLine CSV as CBS writes it: BOM, `;`, every field quoted, CRLF. */
function statline(name: string, rows: readonly (readonly (string | number)[])[]): ImportFile {
  const text = rows.map((r) => r.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(';')).join('\r\n') + '\r\n';
  return { name, bytes: new TextEncoder().encode(`\uFEFF${text}`) };
}

const pad = (code: string) => code.padEnd(10);

async function service(): Promise<Service> {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('Tabellen'));
  return s;
}

async function importOk(s: Service, f: ImportFile, options: CbsImportOptions = {}) {
  const preview = unwrap(await s.previewCbsImport(f, options));
  expect(preview.fouten, JSON.stringify(preview.problemen)).toBe(0);
  const outcome = unwrap(await s.importCbs(f, options));
  return { preview, outcome };
}

/** "code|jaar|sleutel" → waarde (null when missing or secret), and the same → status. */
function figures(s: Service) {
  const rows = s
    .currentDb()!
    .all<{ code: string; jaar: number; sleutel: string; waarde: number | null; status: number }>(
      `SELECT g.code, w.jaar, i.sleutel, w.waarde, w.status FROM indicator_waarde w JOIN gebied g ON g.id = w.gebied_id
     JOIN indicator i ON i.id = w.indicator_id`,
    );
  return {
    waarde: Object.fromEntries(rows.map((r) => [`${r.code}|${r.jaar}|${r.sleutel}`, r.waarde])),
    status: Object.fromEntries(rows.map((r) => [`${r.code}|${r.jaar}|${r.sleutel}`, r.status])),
  };
}

async function names(s: Service, jaar: number): Promise<Record<string, string>> {
  const t = unwrap(await s.exportTable('gebieden'));
  return Object.fromEntries(t.rows.filter((r) => r[4] === jaar).map(([code, naam]) => [String(code), String(naam)]));
}

describe('CBS: other StatLine tables about gebieden', () => {
  it('a labelled export with Perioden first and the code under "Regiocode (gemeente, wijk, buurt) (code)"', async () => {
    // As the issue found it: SES-WOA scores per gemeente, wijk and buurt (decimal commas, negative scores).
    const f = statline('ses-woa-scores.csv', [
      [
        'Perioden',
        "Regio's",
        'Regiocode (gemeente, wijk, buurt) (code)',
        'SES-WOA/Gemiddelde score (Getal)',
        'SES-WOA/Financiële welvaart/Gemiddelde score (Getal)',
        'Particuliere huishoudens (aantal)',
      ],
      ['2022', 'Enschede', pad('GM0153'), '-0,123', '-0,2', '74155'],
      ['2022', 'Wijk 02 West', pad('WK015302'), '-0,311', '-0,35', '11210'],
      ['2022', 'Boswinkel-De Braker', pad('BU01530201'), '-0,402', '-0,41', '1725'],
      ['2022', 'Amsterdam', pad('GM0363'), '0,051', '0,03', '498330'],
      ['2022', 'Haarlemmerbuurt', pad('WK0363AA'), '0,2', '0,18', '6105'],
      ['2022', 'Planciusbuurt-Noord', pad('BU0363AA01'), '0,27', '.', '235'],
    ]);
    const s = await service();
    const { preview, outcome } = await importOk(s, f);
    expect(preview).toMatchObject({
      formaat: 'statline-gelabeld',
      jaar: 2022,
      jaarBron: 'kolom',
      jaren: [2022],
      aantallen: { land: 0, gemeente: 2, wijk: 2, buurt: 2 },
    });
    expect(preview.indicatoren.map((i) => [i.kolom, i.eenheid, i.canoniek])).toEqual([
      ['SES-WOA/Gemiddelde score (Getal)', 'Getal', false],
      ['SES-WOA/Financiële welvaart/Gemiddelde score (Getal)', 'Getal', false],
      ['Particuliere huishoudens (aantal)', 'aantal', true],
    ]);
    expect(outcome.jaar).toBe(2022);
    expect(await names(s, 2022)).toEqual({
      GM0153: 'Enschede',
      WK015302: 'Wijk 02 West',
      BU01530201: 'Boswinkel-De Braker',
      GM0363: 'Amsterdam',
      WK0363AA: 'Haarlemmerbuurt',
      BU0363AA01: 'Planciusbuurt-Noord',
    });
    const score = preview.indicatoren[0]!.sleutel;
    const welvaart = preview.indicatoren[1]!.sleutel;
    const { waarde, status } = figures(s);
    expect(waarde[`GM0153|2022|${score}`]).toBe(-0.123);
    expect(waarde[`WK0363AA|2022|${score}`]).toBe(0.2);
    expect(waarde['GM0363|2022|huishoudens']).toBe(498330);
    expect(status[`BU0363AA01|2022|${welvaart}`]).toBe(1);
    // The figures keep the column's own label and unit, and show in a buurt's profile (and so on the map).
    const profiel = unwrap(await s.getGebiedProfiel('BU0363AA01', 2022))!;
    expect(profiel.rijen.find((r) => r.sleutel === score)).toMatchObject({
      label: 'Gemiddelde score (SES-WOA)',
      eenheid: 'Getal',
      waarde: 0.27,
    });
  });

  it('an untyped export of another table: Perioden "2022JJ00", codes under RegioS, decimal points', async () => {
    const f = statline('85900NED_UntypedDataSet.csv', [
      ['ID', 'Perioden', 'RegioS', 'GemiddeldeScore_1', 'AantalHuishoudens_2'],
      [0, '2022JJ00', pad('GM0153'), '  -0.123', '   74155'],
      [1, '2022JJ00', pad('WK015302'), '  -0.311', '   11210'],
      [2, '2022JJ00', pad('BU01530201'), '       .', '    1725'],
    ]);
    const s = await service();
    const { preview } = await importOk(s, f);
    expect(preview).toMatchObject({ formaat: 'statline-ongetypeerd', jaar: 2022, jaarBron: 'kolom' });
    expect(preview.overgeslagenKolommen).toEqual(['ID']);
    const { waarde } = figures(s);
    expect(waarde['GM0153|2022|cbs_gemiddeldescore']).toBe(-0.123);
    expect(waarde['BU01530201|2022|cbs_gemiddeldescore']).toBeNull();
    expect(waarde['BU01530201|2022|cbs_aantalhuishoudens']).toBe(1725);
  });

  it('a table per gemeente with its codes under "Gemeentecode"', async () => {
    const f = statline('gemeenten-2024.csv', [
      ['Gemeentecode', 'Gemeentenaam', 'Bevolking/Aantal inwoners (aantal)'],
      ['GM0153', 'Enschede', '161738'],
      ['GM0363', 'Amsterdam', '931298'],
    ]);
    const s = await service();
    const { preview } = await importOk(s, f);
    expect(preview).toMatchObject({ jaar: 2024, aantallen: { gemeente: 2, wijk: 0, buurt: 0 } });
    expect(await names(s, 2024)).toEqual({ GM0153: 'Enschede', GM0363: 'Amsterdam' });
  });

  it('several years in one file go in each as its own year, never on one; one can be chosen', async () => {
    const header = [
      'Perioden',
      'Wijken en buurten',
      'Regioaanduiding/Codering (code)',
      'Bevolking/Aantal inwoners (aantal)',
    ];
    const f = statline('kerncijfers-reeks.csv', [
      header,
      ['2021', 'Enschede', pad('GM0153'), '159732'],
      ['2021', 'Boswinkel', pad('BU01530201'), '3715'],
      ['2022', 'Enschede', pad('GM0153'), '160812'],
      ['2022', 'Boswinkel', pad('BU01530201'), '3700'],
      ['2023*', 'Enschede', pad('GM0153'), '161738'],
      ['2023*', 'Boswinkel-De Braker', pad('BU01530201'), '3685'],
    ]);
    const s = await service();
    const { preview, outcome } = await importOk(s, f);
    expect(preview).toMatchObject({ jaar: null, jaren: [2021, 2022, 2023], jarenInBestand: [2021, 2022, 2023] });
    // Per year: the gemeente, the buurt and a placeholder for its wijk.
    expect(outcome).toMatchObject({ jaar: 2023, jaren: [2021, 2022, 2023], gebiedenNieuw: 9 });
    const { waarde } = figures(s);
    expect(waarde).toMatchObject({
      'GM0153|2021|inwoners': 159732,
      'GM0153|2022|inwoners': 160812,
      'GM0153|2023|inwoners': 161738,
      'BU01530201|2021|inwoners': 3715,
      'BU01530201|2023|inwoners': 3685,
    });
    expect(Object.keys(waarde)).toHaveLength(6);
    expect((await names(s, 2023)).BU01530201).toBe('Boswinkel-De Braker');
    // A placeholder wijk per year for the buurt's parent.
    expect((await names(s, 2021)).WK015302).toBe('WK015302');

    const one = await service();
    const chosen = await importOk(one, f, { jaar: 2022 });
    expect(chosen.preview).toMatchObject({
      jaar: 2022,
      jaren: [2022],
      jarenInBestand: [2021, 2022, 2023],
      teImporteren: 2,
      overgeslagen: { anderJaar: 4 },
    });
    expect(Object.keys(figures(one).waarde).sort()).toEqual(['BU01530201|2022|inwoners', 'GM0153|2022|inwoners']);

    const absent = unwrap(await one.previewCbsImport(f, { jaar: 2019 }));
    expect(absent.problemen).toEqual([
      {
        level: 'fout',
        code: 'cbs.jaar-niet-in-bestand',
        file: f.name,
        params: { jaar: 2019, jaren: '2021, 2022, 2023' },
      },
    ]);

    // The same code twice in one period is still an error; a period that is no year is one too.
    const bad = statline('kerncijfers-reeks-fout.csv', [
      header,
      ['2022', 'Enschede', pad('GM0153'), '160812'],
      ['2022', 'Enschede', pad('GM0153'), '160812'],
      ['2022KW01', 'Enschede', pad('GM0153'), '160812'],
    ]);
    const p = unwrap(await one.previewCbsImport(bad, {}));
    expect(p.problemen.map((i) => [i.code, i.row])).toEqual([
      ['cbs.code-dubbel', 3],
      ['cbs.periode-ongeldig', 4],
    ]);
  });

  it("an export with the periods as columns: one year is the file's year, several are refused (never on one year)", async () => {
    const one = statline('kerncijfers-kolommen-2023.csv', [
      ['Wijken en buurten', 'Regioaanduiding/Codering (code)', 'Bevolking/Aantal inwoners (aantal)/2023*'],
      ['Enschede', pad('GM0153'), '161738'],
    ]);
    const s = await service();
    const { preview } = await importOk(s, one);
    expect(preview).toMatchObject({ jaar: 2023, jaarBron: 'kolom' });
    expect(preview.indicatoren.map((i) => i.sleutel)).toEqual(['inwoners']);
    const two = statline('kerncijfers-kolommen.csv', [
      [
        'Wijken en buurten',
        'Regioaanduiding/Codering (code)',
        'Bevolking/Aantal inwoners (aantal)/2022',
        'Bevolking/Aantal inwoners (aantal)/2023',
      ],
      ['Enschede', pad('GM0153'), '160812', '161738'],
    ]);
    const p = unwrap(await s.previewCbsImport(two, {}));
    expect(p.problemen).toEqual([
      { level: 'fout', code: 'cbs.jaren-als-kolommen', file: two.name, params: { jaren: '2022, 2023' } },
    ]);
    expect(p.kanImporteren).toBe(false);
  });

  it('a labelled export without codes: names matched to the gebieden of the project, never guessed', async () => {
    const s = await service();
    await importOk(
      s,
      statline('kwb-2024-codes.csv', [
        ['Wijken en buurten', 'Regioaanduiding/Codering (code)', 'Bevolking/Aantal inwoners (aantal)'],
        ['Enschede', pad('GM0153'), '161738'],
        ['Boswinkel-De Braker', pad('BU01530201'), '3685'],
        ['Centrum', pad('BU01530000'), '4000'],
        ['Centrum', pad('BU03630000'), '5000'],
      ]),
    );
    const names = statline('nabijheid-2024-namen.csv', [
      [
        'Wijken en buurten',
        'Regioaanduiding/Soort regio (omschrijving)',
        'Nabijheid/Afstand tot huisartsenpraktijk (km)',
      ],
      ['Nederland', 'Land', '1,0'],
      ['Boswinkel-De Braker', 'Buurt', '0,6'],
      ['Centrum', 'Buurt', '0,2'],
      ['Nergenshuizen', 'Buurt', '1,4'],
    ]);
    const p = unwrap(await s.previewCbsImport(names, {}));
    expect(p.problemen.filter((i) => i.level === 'fout').map((i) => [i.code, i.row, i.params?.naam])).toEqual([
      ['cbs.naam-dubbelzinnig', 4, 'Centrum'],
      ['cbs.naam-onbekend', 5, 'Nergenshuizen'],
    ]);
    expect(p).toMatchObject({ aantallen: { land: 1, buurt: 1 }, foutRijen: 2, kanImporteren: false });
    const outcome = unwrap(await s.importCbs(names, { foutenOverslaan: true }));
    expect(outcome.rijenOvergeslagen).toBe(2);
    const key = p.indicatoren[0]!.sleutel;
    expect(figures(s).waarde[`BU01530201|2024|${key}`]).toBe(0.6);
  });

  it('decimal points (untyped) and decimal commas (labelled) read the same; ".", "x", "-", "?" and empty are no value', async () => {
    const untyped = statline('kwb-2024-punt.csv', [
      ['ID', 'WijkenEnBuurten', 'GemiddeldeHuishoudensgrootte_33', 'AantalInwoners_5', 'Mannen_6'],
      [0, pad('GM0153'), '     2.1', '  161738', '       -'],
      [1, pad('WK015302'), '     1.9', '       ?', '        '],
      [2, pad('BU01530201'), '     1.5', '       x', '       .'],
    ]);
    const labelled = statline('kwb-2024-komma.csv', [
      [
        'Wijken en buurten',
        'Regioaanduiding/Codering (code)',
        'Huishoudens/Gemiddelde huishoudensgrootte (aantal)',
        'Bevolking/Aantal inwoners (aantal)',
        'Bevolking/Geslacht/Mannen (aantal)',
      ],
      ['Enschede', pad('GM0153'), '2,1', '161738', '-'],
      ['Wijk 02 West', pad('WK015302'), '1,9', '?', ''],
      ['Boswinkel-De Braker', pad('BU01530201'), '1,5', 'x', '.'],
    ]);
    const a = await service();
    await importOk(a, untyped);
    const b = await service();
    await importOk(b, labelled);
    const fa = figures(a);
    const fb = figures(b);
    for (const code of ['GM0153', 'WK015302', 'BU01530201']) {
      expect(fa.waarde[`${code}|2024|gemiddelde_huishoudensgrootte`]).toBe(
        fb.waarde[`${code}|2024|gemiddelde_huishoudensgrootte`],
      );
    }
    expect(fb.waarde['BU01530201|2024|gemiddelde_huishoudensgrootte']).toBe(1.5);
    for (const f of [fa, fb]) {
      expect(f.waarde['GM0153|2024|inwoners']).toBe(161738);
      // "?" and empty are missing (1), "x" is secret (2), "-" and "." are missing: none of them is 0.
      expect(f.status['WK015302|2024|inwoners']).toBe(1);
      expect(f.status['BU01530201|2024|inwoners']).toBe(2);
      for (const k of Object.keys(f.waarde).filter((x) => x.endsWith('|cbs_mannen') || x.endsWith('geslacht_mannen'))) {
        expect(f.waarde[k], k).toBeNull();
        expect(f.status[k], k).toBe(1);
      }
    }
  });

  it('the care figures are canonical in every dialect; a short label ("AO") only under its own group', async () => {
    const keys = [
      'uitkering_bijstand',
      'uitkering_ao',
      'uitkering_ww',
      'uitkering_aow',
      'jeugdzorg_in_natura',
      'jeugdzorg_percentage',
      'wmo_clienten',
      'wmo_clienten_per_1000',
    ];
    const values = ['120', '60', '45', '570', '95', '11.5', '485', '132'];
    const untyped = statline('kwb-2024-zorg-sleutels.csv', [
      [
        'ID',
        'WijkenEnBuurten',
        'PersonenPerSoortUitkeringBijstand_94',
        'PersonenPerSoortUitkeringAO_95',
        'PersonenPerSoortUitkeringWW_96',
        'PersonenPerSoortUitkeringAOW_97',
        'JongerenMetJeugdzorgInNatura_98',
        'PercentageJongerenMetJeugdzorg_99',
        'WmoClienten_100',
        'WmoClientenRelatief_101',
      ],
      [0, pad('BU01530201'), ...values],
    ]);
    const kwb = {
      name: 'kwb-2024-zorg.csv',
      bytes: new TextEncoder().encode(
        'gwb_code_10;regio;a_soz_wb;a_soz_ao;a_soz_ww;a_soz_ow;a_jz_tn;p_jz_tn;a_wmo_t;p_wmo_t\r\n' +
          `BU01530201;Boswinkel-De Braker;${values.join(';')}\r\n`,
      ),
    };
    const labelled = statline('kwb-2024-zorg-labels.csv', [
      [
        'Wijken en buurten',
        'Regioaanduiding/Codering (code)',
        'Sociale zekerheid/Personen per soort uitkering/Bijstand (aantal)',
        'Sociale zekerheid/Personen per soort uitkering/AO (aantal)',
        'Sociale zekerheid/Personen per soort uitkering/WW (aantal)',
        'Sociale zekerheid/Personen per soort uitkering/AOW (aantal)',
        'Zorg/Jongeren met jeugdzorg in natura (aantal)',
        'Zorg/Percentage jongeren met jeugdzorg (%)',
        'Zorg/Wmo-cliënten (aantal)',
        'Zorg/Wmo-cliënten relatief (per 1 000 inwoners)',
        'Verkeer/Ongevallen/AO (aantal)',
      ],
      ['Boswinkel-De Braker', pad('BU01530201'), ...values.map((v) => v.replace('.', ',')), '7'],
    ]);
    for (const f of [untyped, kwb, labelled]) {
      const s = await service();
      const { preview } = await importOk(s, f, { jaar: 2024 });
      expect(
        preview.indicatoren.filter((i) => i.canoniek).map((i) => i.sleutel),
        f.name,
      ).toEqual(keys);
      const { waarde } = figures(s);
      expect(
        keys.map((k) => waarde[`BU01530201|2024|${k}`]),
        f.name,
      ).toEqual(values.map(Number));
    }
    const s = await service();
    const { preview } = await importOk(s, labelled, { jaar: 2024 });
    expect(preview.indicatoren.at(-1)).toMatchObject({ canoniek: false, label: 'AO (Ongevallen)' });
  });

  it('a new year with a changed indeling goes in beside the old one; the preview names new, renamed and removed gebieden', async () => {
    const header = ['Wijken en buurten', 'Regioaanduiding/Codering (code)', 'Bevolking/Aantal inwoners (aantal)'];
    const y2023 = statline('kwb-2023-amsterdam.csv', [
      header,
      ['Amsterdam', pad('GM0363'), '918117'],
      ['Haarlemmerbuurt', pad('WK0363AA'), '9100'],
      ['Planciusbuurt-Noord', pad('BU0363AA01'), '340'],
      ['Westelijke eilanden', pad('BU0363AA02'), '2880'],
      ['Oude buurt', pad('BU0363AA09'), '100'],
    ]);
    const y2024 = statline('kwb-2024-amsterdam.csv', [
      header,
      ['Amsterdam', pad('GM0363'), '931298'],
      ['Haarlemmerbuurt', pad('WK0363AA'), '9180'],
      ['Planciusbuurt Noord', pad('BU0363AA01'), '345'],
      ['Westelijke eilanden', pad('BU0363AA02'), '2895'],
      ['Westerdokseiland', pad('BU0363AA03'), '1850'],
    ]);
    const s = await service();
    await importOk(s, y2023);
    const { preview } = await importOk(s, y2024);
    expect(preview.indelingswijziging).toEqual({
      vergelekenMet: 2023,
      nieuw: [{ code: 'BU0363AA03', naam: 'Westerdokseiland' }],
      hernoemd: [{ code: 'BU0363AA01', oud: 'Planciusbuurt-Noord', nieuw: 'Planciusbuurt Noord' }],
      vervallen: [{ code: 'BU0363AA09', naam: 'Oude buurt' }],
    });
    expect(unwrap(await s.getGebieden()).jaren).toEqual([2024, 2023]);
    expect((await names(s, 2023)).BU0363AA01).toBe('Planciusbuurt-Noord');
    expect((await names(s, 2024)).BU0363AA01).toBe('Planciusbuurt Noord');
    const { waarde } = figures(s);
    expect(waarde['GM0363|2023|inwoners']).toBe(918117);
    expect(waarde['GM0363|2024|inwoners']).toBe(931298);
  });
});
