import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createProjectService } from '../../../../shared/service/project-service';
import { unwrap } from '../../../../shared/result';
import { FIXED_NOW, sha256, sql } from '../../../helpers/db';
import { beschermTabel, lijnVeilig, STANDAARD_PRIVACY, totaalVeilig } from '../../../../shared/report/privacy';
import type { RapportTabel } from '../../../../shared/report/model';
import { vergelijkSnapshots, maakSnapshotInhoud } from '../../../../shared/report/snapshot';
import { rapportHtml } from '../../../../shared/report/html';
import { datumNl, wanneerNl } from '../../../../shared/report/format';

const t = (rijen: (number | string | null)[][], extra: Partial<RapportTabel> = {}): RapportTabel => ({
  id: 'T',
  titel: 'T',
  kolommen: [
    { titel: 'Soort', soort: 'tekst' },
    { titel: 'Jan', soort: 'aantal' },
    { titel: 'Feb', soort: 'aantal' },
  ],
  rijen,
  bron: 'test',
  peildatum: null,
  ...extra,
});

describe('kleine aantallen', () => {
  it('shows 1–4 as <5, keeps 0 and 5, and leaves text and other figures alone', () => {
    const out = beschermTabel(
      t([
        ['a', 1, 0],
        ['b', 4, 5],
        ['c', 12, null],
      ]),
      STANDAARD_PRIVACY,
    );
    expect(out.rijen).toEqual([
      ['a', '<5', 0],
      ['b', '<5', 5],
      ['c', 12, null],
    ]);
  });

  it('hides a second count in a column with a total, so the small one cannot be recovered by subtraction', () => {
    const out = beschermTabel(
      t(
        [
          ['a', 3, 10],
          ['b', 20, 11],
          ['c', 7, 12],
          ['Totaal', 30, 33],
        ],
        { totaalRij: true },
      ),
      STANDAARD_PRIVACY,
    );
    // Jan: 3 is small; the smallest other count (7) is hidden as x; the total stays.
    expect(out.rijen.map((r) => r[1])).toEqual(['<5', 20, 'x', 30]);
    // Feb has nothing small: unchanged.
    expect(out.rijen.map((r) => r[2])).toEqual([10, 11, 12, 33]);
  });

  it('hides the total when there is no other count to hide, and works along a total column', () => {
    const rows = beschermTabel(
      t(
        [
          ['a', 2, null],
          ['Totaal', 2, null],
        ],
        { totaalRij: true },
      ),
      STANDAARD_PRIVACY,
    ).rijen;
    expect(rows[0]![1]).toBe('<5');
    expect(rows[1]![1]).toBe('<5'); // the total is itself small
    const kolom = beschermTabel(
      {
        ...t([['a', 3, 40, 60]]),
        kolommen: [
          { titel: 'Soort', soort: 'tekst' },
          { titel: 'A', soort: 'aantal' },
          { titel: 'B', soort: 'aantal' },
          { titel: 'Totaal', soort: 'aantal' },
        ],
        rijen: [
          ['a', 3, 40, 43],
          ['b', 0, 12, 12],
        ],
        totaalKolom: 3,
      },
      STANDAARD_PRIVACY,
    );
    expect(kolom.rijen[0]).toEqual(['a', '<5', 'x', 43]);
    expect(kolom.rijen[1]).toEqual(['b', 0, 12, 12]);
  });

  it('hides figures derived from a hidden count, follows the threshold, and can be switched off', () => {
    const tabel: RapportTabel = {
      ...t([]),
      kolommen: [
        { titel: 'Soort', soort: 'tekst' },
        { titel: 'Aantal', soort: 'aantal' },
        { titel: 'Per 1.000', soort: 'getal', afgeleidVan: 1 },
      ],
      rijen: [
        ['a', 3, 0.8],
        ['b', 8, 2.1],
      ],
    };
    expect(beschermTabel(tabel, STANDAARD_PRIVACY).rijen).toEqual([
      ['a', '<5', '<5'],
      ['b', 8, 2.1],
    ]);
    expect(beschermTabel(tabel, { aan: true, drempel: 10 }).rijen).toEqual([
      ['a', '<10', '<10'],
      ['b', '<10', '<10'],
    ]);
    expect(beschermTabel(tabel, { aan: false, drempel: 5 }).rijen).toEqual(tabel.rijen);
  });
});

describe('terugrekenen uit een totaal', () => {
  it('hides more when the remainder pins hidden counts to one value, and knows what <5 and x mean', () => {
    // March: <5, <5, 20, total 22 → both would be 1; April: <5, x, 20, total 26 → <5 = 1, x = 5.
    for (const [a, b, c, totaal] of [
      [1, 1, 20, 22],
      [1, 5, 20, 26],
    ] as const) {
      const rows = beschermTabel(
        t(
          [
            ['a', a, 0],
            ['b', b, 0],
            ['c', c, 0],
            ['Totaal', totaal, 0],
          ],
          { totaalRij: true },
        ),
        STANDAARD_PRIVACY,
      ).rijen.map((r) => r[1] ?? null);
      expect(rows.filter((v) => v === 'x' || (typeof v === 'string' && v.startsWith('<'))).length).toBeGreaterThan(2);
      expect(lijnVeilig(totaal, rows.slice(0, 3), STANDAARD_PRIVACY) || rows[3] === 'x').toBe(true);
    }
    // Six hidden counts that add up to 9 leave every one of them open: nothing more to hide.
    expect(lijnVeilig(32, [13, 5, 5, '<5', '<5', '<5', '<5', '<5', '<5'], STANDAARD_PRIVACY)).toBe(true);
    expect(totaalVeilig(33, [30, 3], STANDAARD_PRIVACY)).toBe(false);
    expect(totaalVeilig(33, [20, 10, 3], STANDAARD_PRIVACY)).toBe(false);
    expect(totaalVeilig(40, [20, 10, 10], STANDAARD_PRIVACY)).toBe(true);
  });
});

describe('data en perioden in het Nederlands', () => {
  it('writes dates and months as people read them', () => {
    expect(datumNl('2024-04-02')).toBe('2 april 2024');
    expect(wanneerNl('2024-04-01/2024-04-30')).toBe('april 2024');
    expect(wanneerNl('2024-01-01/2024-03-31')).toBe('1 januari 2024 t/m 31 maart 2024');
  });
});

const enschede = () => ({
  name: 'kwb-2023-enschede-west-voorbeeld.csv',
  bytes: new Uint8Array(readFileSync('tests/fixtures/cbs/kwb-2023-enschede-west-voorbeeld.csv')),
});
const cognos = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(`tests/fixtures/cognos/${name}`)) });

async function project() {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('Enschede West'));
  unwrap(await s.importCbs(enschede(), {}));
  unwrap(await s.importCognos(cognos('boswinkel-toewijzingen-2024-04-02.xlsx'), {}));
  const wijkteam = unwrap(
    await s.saveOrganisatie(null, { naam: 'Wijkteam West', soort: 'gemeente', buurtCode: 'BU01530710' }),
  ).result;
  const alifa = unwrap(await s.saveOrganisatie(null, { naam: 'Alifa', buurtCode: 'BU01530710' })).result;
  const inloop = unwrap(
    await s.saveVoorziening(null, {
      naam: 'Inloop De Braker',
      organisatieId: alifa.id,
      leefgebieden: ['welzijn'],
      werkgebied: ['BU01530710'],
      collectief: true,
      vrijToegankelijk: true,
    }),
  ).result;
  const rel = unwrap(
    await s.saveRelatie(null, {
      soort: 'verwijzing',
      van: { soort: 'organisatie', id: wijkteam.id },
      naar: { soort: 'voorziening', id: inloop.id },
      volumes: [{ periodeStart: '2024-01-01', periodeEind: '2024-03-31', aantal: 14 }],
    }),
  ).result;
  return { s, wijkteam, alifa, inloop, rel };
}

describe('stuurgroepmomenten', () => {
  it('lists exactly what changed after the snapshot, also after later edits, and undoes the snapshot', async () => {
    const { s, wijkteam, inloop, rel } = await project();
    const snap = unwrap(await s.createSnapshot('Stuurgroep januari 2024', '2024-01-15'));
    expect(snap.result).toMatchObject({ peildatum: '2024-01-15', organisaties: 2, voorzieningen: 1, relaties: 1 });
    expect(snap.undo.ongedaanMaken).toBe('Stuurgroepmoment ‘Stuurgroep januari 2024’ vastgelegd');

    // After the stuurgroep: a new organisation, the inloop stops, the relation goes.
    const buurtkamer = unwrap(
      await s.saveOrganisatie(null, { naam: 'Buurtkamer Boswinkel', buurtCode: 'BU01530710' }),
    ).result;
    unwrap(await s.saveVoorziening(inloop.id, { ...inloop, status: 'gestopt' }));
    unwrap(await s.deleteItems('relatie', [rel.id]));

    const rapport = unwrap(
      await s.getRapport({ gebieden: ['BU01530710'], peildatum: '2024-04-02', secties: ['veranderingen'] }),
    );
    expect(rapport.vergelijkMet).toBe('2024-01-15');
    const tabel = rapport.secties[0]!.tabellen[0]!;
    expect(tabel.rijen).toEqual([
      ['Nieuw', 'Organisatie', 'Buurtkamer Boswinkel', ''],
      ['Gewijzigd', 'Voorziening', 'Inloop De Braker', 'status: actief → gestopt'],
      ['Weg', 'Relatie', 'Wijkteam West → Inloop De Braker', 'verwijzing'],
      // The stopped inloop leaves welzijn in the buurt without a collective offer: a new signal.
      ['Nieuw', 'Hiaat', 'Boswinkel-De Braker: Welzijn/Recreatie/vrije tijd', 'hiaat'],
    ]);
    expect(rapport.secties[0]!.alineas[0]).toContain('Sinds Stuurgroep januari 2024 (15 januari 2024)');

    // The snapshot itself does not move with later edits.
    unwrap(
      await s.saveOrganisatie(wijkteam.id, {
        naam: 'Wijkteam Enschede West',
        soort: 'gemeente',
        buurtCode: 'BU01530710',
      }),
    );
    const again = unwrap(
      await s.getRapport({ gebieden: ['BU01530710'], peildatum: '2024-04-02', secties: ['veranderingen'] }),
    );
    expect(again.secties[0]!.tabellen[0]!.rijen).toContainEqual([
      'Gewijzigd',
      'Organisatie',
      'Wijkteam Enschede West',
      'naam',
    ]);
    expect(again.secties[0]!.tabellen[0]!.rijen).toHaveLength(5);
    expect(buurtkamer.id).toBeGreaterThan(0);

    // Without an earlier moment the section says how to get one; the snapshot is one undo step.
    const eerder = unwrap(
      await s.getRapport({ gebieden: ['BU01530710'], peildatum: '2024-01-01', secties: ['veranderingen'] }),
    );
    expect(eerder.vergelijkMet).toBeNull();
    expect(eerder.secties[0]!.alineas[0]).toContain('nog geen eerder stuurgroepmoment');
    expect(unwrap(await s.listSnapshots())).toHaveLength(1);
  });

  it('refuses a bad date and a missing comparison, and names an unknown gebied', async () => {
    const { s } = await project();
    expect(await s.createSnapshot('x', '2024-13-45')).toMatchObject({ ok: false, error: { code: 'invoer.ongeldig' } });
    expect(await s.createSnapshot('x', '2024-02-30')).toMatchObject({ ok: false, error: { code: 'invoer.ongeldig' } });
    expect(await s.getRapport({ gebieden: ['BU01530710'], peildatum: '2024-02-30' })).toMatchObject({ ok: false });
    expect(
      await s.getRapport({ gebieden: ['BU01530710'], peildatum: '2024-04-02', vergelijkMet: '2024-05-01' }),
    ).toMatchObject({ ok: false, error: { code: 'rapport.vergelijk-niet-eerder' } });
    expect(await s.getRapport({ gebieden: ['BU99999999'], peildatum: '2024-04-02' })).toMatchObject({
      ok: false,
      error: { code: 'rapport.onbekend-gebied', params: { code: 'BU99999999' } },
    });
    expect(
      await s.getRapport({ gebieden: ['BU01530710'], peildatum: '2024-04-02', vergelijkMet: '2023-01-01' }),
    ).toMatchObject({ ok: false, error: { code: 'rapport.geen-snapshot' } });
  });

  it('keeps relations of another buurt out, even when an organisation there has the same name', async () => {
    const { s } = await project();
    const elders = unwrap(await s.saveOrganisatie(null, { naam: 'Alifa', buurtCode: 'BU01530711' })).result;
    const buur = unwrap(await s.saveOrganisatie(null, { naam: 'Buurthuis Zuid', buurtCode: 'BU01530711' })).result;
    unwrap(await s.createSnapshot('Januari', '2024-01-15'));
    unwrap(
      await s.saveRelatie(null, {
        soort: 'samenwerking',
        van: { soort: 'organisatie', id: elders.id },
        naar: { soort: 'organisatie', id: buur.id },
      }),
    );
    const r = unwrap(
      await s.getRapport({ gebieden: ['BU01530710'], peildatum: '2024-04-02', secties: ['veranderingen'] }),
    );
    expect(r.secties[0]!.tabellen).toEqual([]);
  });

  it('compares snapshots by id: a renamed item is changed, not gone and new', () => {
    const base = maakSnapshotInhoud({
      organisaties: [],
      voorzieningen: [],
      relaties: [],
      kengetallen: null,
      hiaten: [],
    });
    const a = { ...base, organisaties: [{ id: 1, naam: 'A', soort: null, buurt: null }] };
    const b = { ...base, organisaties: [{ id: 1, naam: 'A2', soort: null, buurt: null }] };
    const v = vergelijkSnapshots(a, b);
    expect(v.organisaties.nieuw).toEqual([]);
    expect(v.organisaties.weg).toEqual([]);
    expect(v.organisaties.gewijzigd[0]!.velden).toEqual(['naam']);
  });
});

describe('het rapport', () => {
  it('carries bron and peildatum on every table, protects small counts, and holds no personal data', async () => {
    const { s } = await project();
    unwrap(await s.saveOrganisatie(null, { naam: '=HYPERLINK("http://x","klik")', buurtCode: 'BU01530710' }));
    const r = unwrap(await s.getRapport({ gebieden: ['BU01530710'], peildatum: '2024-04-02' }));
    expect(r.secties.map((x) => x.soort)).toEqual([
      'kerncijfers',
      'metingen',
      'netwerk',
      'veranderingen',
      'hiaten',
      'scenario',
      'bijlagen',
    ]);
    for (const sectie of r.secties) {
      for (const tabel of sectie.tabellen) {
        expect(tabel.bron, tabel.titel).toBeTruthy();
        // Every count column: a number of 0 or ≥ 5, or protected text.
        tabel.kolommen.forEach((k, i) => {
          if (k.soort !== 'aantal') return;
          for (const row of tabel.rijen) {
            const v = row[i];
            if (typeof v === 'number') expect(v === 0 || v >= 5, `${tabel.titel}: ${v}`).toBe(true);
          }
        });
      }
    }
    // The Jeugd OB1 count in the fixture is suppressed at the source: "<5", and the total row stays honest.
    const toewijzingen = r.secties[1]!.tabellen.find((x) => x.id === 'Toewijzingen')!;
    expect(toewijzingen.rijen.flat()).toContain('<5');
    expect(r.bronnen.every((b) => !/[\\/]/.test(b.naam))).toBe(true);
    const html = rapportHtml(r);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Peildatum 2 april 2024');
    expect(html).toContain('&lt;5');
    expect(html).not.toContain('HYPERLINK("'); // escaped as text
    expect(html).not.toMatch(/\/root\/|\/home\/|\/tmp\/|C:\\Users/);
  });

  it('builds presentation slides from the saved views, with a title slide first', async () => {
    const { s } = await project();
    const zonder = unwrap(await s.getPresentatie());
    expect(zonder.map((d) => d.soort)).toEqual(['titel', 'kaart', 'hiaten', 'netwerk']);
    unwrap(
      await s.saveWeergave(null, {
        naam: 'Netwerk West',
        soort: 'netwerk',
        instellingen: { filter: { metVoorzieningen: true } },
        titel: 'Wie werkt met wie',
        notitie: 'De inloop is de spil.',
      }),
    );
    const met = unwrap(await s.getPresentatie());
    expect(met.map((d) => [d.soort, d.titel, d.notitie])).toEqual([
      ['titel', 'Enschede West', expect.any(String)],
      ['netwerk', 'Wie werkt met wie', 'De inloop is de spil.'],
    ]);
    expect(met[1]!.svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(met[1]!.svg).toContain('Inloop De Braker');
    expect(met[1]!.svg).not.toMatch(/<script|href=/i);
  });

  it('writes small counts as <5 in the metingen and hiaten exports too', async () => {
    const { s } = await project();
    unwrap(await s.importCognos(cognos('boswinkel-meldingen.csv'), {}));
    const metingen = unwrap(await s.exportTable('metingen'));
    const w = metingen.columns.indexOf('waarde');
    const waarden = metingen.rows.map((r) => r[w]);
    expect(waarden).toContain('<5');
    expect(waarden.filter((v) => typeof v === 'number' && v > 0 && v < 5)).toEqual([]);
    const hiaten = unwrap(await s.exportTable('hiaten'));
    const v = hiaten.columns.indexOf('vraag');
    expect(hiaten.rows.filter((r) => typeof r[v] === 'number' && (r[v] as number) > 0 && (r[v] as number) < 5)).toEqual(
      [],
    );
    for (const r of hiaten.rows) expect(String(r[hiaten.columns.indexOf('toelichting')])).not.toMatch(/\b[1-4] [A-Z]/);
    // A hidden demand takes its per-1,000 figure, index and quartile along.
    for (const r of hiaten.rows) {
      if (r[v] !== 'x') continue;
      for (const c of ['vraag_per_1000', 'index', 'kwartiel']) expect(r[hiaten.columns.indexOf(c)]).toBe('x');
    }
  });

  it('hides a sub-level that its product row would give away in the metingen export', async () => {
    const { s } = await project();
    unwrap(await s.importCognos(cognos('boswinkel-wmo-subniveaus.xlsx'), { gebied: 'BU01530710' }));
    const m = unwrap(await s.exportTable('metingen'));
    const col = (c: string) => m.columns.indexOf(c);
    const ob1 = m.rows.filter(
      (r) => r[col('maat')] === 'toewijzingen' && r[col('wet')] === 'Wmo' && r[col('ondersteuningsbehoefte')] === 1,
    );
    // Wherever a product or sub-level is shown next to exactly one hidden part, one more part is hidden.
    const waarde = (r: (typeof ob1)[number]) => r[col('waarde')];
    const product = ob1.find((r) => r[col('subniveau')] === null && r[col('vorm')] === null);
    const subs = ob1.filter((r) => r[col('subniveau')] !== null && r[col('vorm')] === null);
    if (product && typeof waarde(product) === 'number' && subs.length) {
      expect(
        lijnVeilig(
          waarde(product) as number,
          subs.map((r) => waarde(r) ?? null),
          STANDAARD_PRIVACY,
        ),
      ).toBe(true);
    }
  });

  it('escapes the title in the page footer (CSS) and in the page', async () => {
    const { s } = await project();
    const r = unwrap(
      await s.getRapport({
        gebieden: ['BU01530710'],
        peildatum: '2024-04-02',
        secties: ['kerncijfers'],
        titel: `Rapport $' h1 { color: red } "\f</style><script>x</script>`,
      }),
    );
    const html = rapportHtml(r);
    expect(html).not.toContain('<script>');
    const css = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
    // The title stays inside its CSS string: no quote, brace, backslash-less line break or $-pattern gets out.
    const footer = /@bottom-left \{ content: "([^"]*)";/.exec(css);
    expect(footer?.[1]).toMatch(/^Rapport \\000024' h1 \\00007b color: red \\00007d/);
    expect(footer?.[1]).not.toMatch(/[{}\f<>]/);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('counts sub-levels (1A, 1B, individueel/groep) once: the product total is already there', async () => {
    const { s } = await project();
    const voor = unwrap(await s.getHiaten()).cellen.find(
      (c) => c.gebiedCode === 'BU01530710' && c.leefgebied === 'zorg',
    );
    unwrap(await s.importCognos(cognos('boswinkel-wmo-subniveaus.xlsx'), { gebied: 'BU01530710' }));
    const na = unwrap(await s.getHiaten()).cellen.find((c) => c.gebiedCode === 'BU01530710' && c.leefgebied === 'zorg');
    expect(na?.vraag).toBe(voor?.vraag);
    expect(na?.vraag).toBeGreaterThan(0);
  });

  it('keeps the privacy setting in the project, checked and undoable', async () => {
    const { s } = await project();
    expect(unwrap(await s.getPrivacy())).toEqual({ aan: true, drempel: 5 });
    expect(await s.savePrivacy({ aan: true, drempel: 11 })).toMatchObject({ ok: false });
    // At 2, "<2" would say "exactly 1".
    expect(await s.savePrivacy({ aan: true, drempel: 2 })).toMatchObject({ ok: false });
    unwrap(await s.savePrivacy({ aan: true, drempel: 10 }));
    const r = unwrap(await s.getRapport({ gebieden: ['BU01530710'], peildatum: '2024-04-02', secties: ['metingen'] }));
    expect(JSON.stringify(r.secties)).toContain('<10');
    unwrap(await s.undo());
    expect(unwrap(await s.getPrivacy()).drempel).toBe(5);
  });
});
