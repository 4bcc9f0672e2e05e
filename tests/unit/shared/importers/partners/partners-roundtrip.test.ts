import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { createProjectService } from '../../../../../shared/service/project-service';
import { unwrap } from '../../../../../shared/result';
import { toCsv } from '../../../../../shared/export/formats';
import { formatIssue } from '../../../../../shared/i18n/messages';
import { FIXED_NOW, sha256, sql } from '../../../../helpers/db';

async function service() {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('Sociale kaart'));
  return s;
}

function xlsx(name: string, rows: unknown[][], merges: XLSX.Range[] = []) {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!merges'] = merges;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sociale kaart');
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([['Toelichting'], ['Bijgewerkt door het gebiedsteam']]),
    'Uitleg',
  );
  return { name, bytes: new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer) };
}

const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

/** A project with this partner list (CSV text) already imported. */
async function serviceWith(lijst: string) {
  const s = await service();
  unwrap(await s.importPartners(csv('lijst.csv', lijst), {}));
  return s;
}

const HUMANITAS = [
  'Humanitas',
  '3561 AB',
  '',
  'Thuisadministratie',
  'Werk & inkomen | zorg',
  'volwassenen',
  'individueel',
  'op indicatie',
];

const HEADER = [
  'Naam organisatie',
  'Postcode',
  'Website',
  'Naam aanbod',
  'Leefgebied(en)',
  'Doelgroep',
  'Collectief / individueel',
  'Toegang',
];

describe('partnerlijsten importeren', () => {
  it('reads a two-row merged header, splits multi-value cells, merges name variants and skips bad rows', async () => {
    const s = await service();
    const file = xlsx(
      'sociale-kaart.xlsx',
      [
        ['Sociale kaart Noordwest — versie maart 2024'],
        [],
        ['Organisatie', null, null, 'Aanbod'],
        HEADER,
        ['Stichting Dock', '3555 AB', 'www.dock.nl', 'Buurtkamer', 'Welzijn; W&I', 'ouderen', 'collectief', 'vrij'],
        ['Dock Utrecht', '3555ab', '', 'Taalcafé', 'welzijn/recreatie\nonderwijs', 'Nieuwkomers, 65+', 'groep', 'Vrij'],
        ['DOCK', '', '', 'Buurtkamer', 'Gezondheid', '', '', ''],
        HUMANITAS,
        ['Vereniging Humanitas', '', 'info(at)x', 'Maatjes', 'welzijn', '', '', ''],
        ['', '3555 AB', '', 'Zonder naam', '', '', '', ''],
        ['Alifa', '75111', '', 'Inloop', '', '', '', ''],
        ['Alifa Welzijn', '', '', 'Inloop', 'Spiritualiteit', '', '', ''],
        HUMANITAS, // the same row again
      ],
      [
        { s: { r: 2, c: 0 }, e: { r: 2, c: 2 } },
        { s: { r: 2, c: 3 }, e: { r: 2, c: 7 } },
      ],
    );
    expect(unwrap(await s.sniffImport(file))).toBe('partners');
    const p = unwrap(await s.previewPartnersImport(file, {}));
    expect(p.blad).toBe('Sociale kaart');
    expect(p.kolommen.map((k) => k.veld)).toEqual([
      'naam',
      'postcode',
      'website',
      'aanbod',
      'leefgebieden',
      'doelgroepen',
      'collectief',
      'toegang',
    ]);
    expect(p.kolommen[0]!.kop).toBe('Organisatie / Naam organisatie');
    const problems = p.problemen.map((i) => [i.code, i.row, i.column]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['lijst.url-ongeldig', 9, 'Organisatie / Website'],
        ['lijst.naam-leeg', 10, 'Organisatie / Naam organisatie'],
        ['lijst.postcode-ongeldig', 11, 'Organisatie / Postcode'],
        ['lijst.waarde-onbekend', 12, 'Aanbod / Leefgebied(en)'],
        ['lijst.dubbele-rij', 13, 'Aanbod / Naam aanbod'],
      ]),
    );
    for (const issue of p.problemen) {
      const text = formatIssue(issue, 'nl');
      expect(text).toContain('sociale-kaart.xlsx');
      expect(text).toContain('werkblad ‘Sociale kaart’');
      expect(text).not.toMatch(/\{\{|undefined|fout\./);
    }
    expect(p.onbekend).toEqual([
      { taxonomie: 'leefgebied', waarde: 'Spiritualiteit', aantal: 1, voorstel: null, zeker: false, keuze: null },
    ]);
    expect(p.kanImporteren).toBe(false);
    // Nothing was written by the preview, and an import with unresolved errors is refused without a change.
    expect((await s.importPartners(file, {})).ok).toBe(false);
    expect(unwrap(await s.getOverview()).counts.organisaties).toBe(0);

    const options = { foutenOverslaan: true, waarden: { 'leefgebied|spiritualiteit': 'toevoegen' as const } };
    const p2 = unwrap(await s.previewPartnersImport(file, options));
    expect(p2.kanImporteren).toBe(true);
    expect(p2.dubbelen.find((d) => d.zekerheid === 'zeker' && d.namen.includes('DOCK'))?.namen).toEqual([
      'Stichting Dock',
      'Dock Utrecht',
      'DOCK',
    ]);
    const alifa = p2.dubbelen.find((d) => d.zekerheid === 'mogelijk');
    expect(alifa).toBeUndefined(); // "Alifa" itself is a bad row (postcode), so there is no pair to propose
    const done = unwrap(await s.importPartners(file, options)).result;
    expect(done).toMatchObject({ organisaties: 3, voorzieningen: 4, overgeslagen: 4 });
    const orgs = unwrap(await s.listOrganisaties());
    expect(orgs.map((o) => [o.naam, o.postcode, o.aantalVoorzieningen])).toEqual([
      ['Alifa Welzijn', null, 1],
      ['Humanitas', '3561 AB', 1],
      ['Stichting Dock', '3555 AB', 2],
    ]);
    const vz = unwrap(await s.listVoorzieningen());
    const buurtkamer = vz.find((v) => v.naam === 'Buurtkamer')!;
    expect(buurtkamer.leefgebieden).toEqual(['gezondheid', 'welzijn', 'werk_inkomen']);
    expect(vz.find((v) => v.naam === 'Taalcafé')).toMatchObject({
      leefgebieden: ['onderwijs', 'welzijn'],
      doelgroepen: ['nieuwkomers', 'ouderen_65_plus'],
      collectief: true,
      vrijToegankelijk: true,
    });
    expect(vz.find((v) => v.naam === 'Thuisadministratie')).toMatchObject({
      collectief: false,
      vrijToegankelijk: false,
    });
    expect(vz.find((v) => v.naam === 'Inloop')!.leefgebieden).toEqual(['spiritualiteit']);

    // The whole import is one undo step; undone, the project is as before (also the new taxonomy item).
    unwrap(await s.undo());
    expect(unwrap(await s.getOverview()).counts).toMatchObject({ organisaties: 0, voorzieningen: 0 });
    expect(unwrap(await s.listTaxonomieen()).some((t) => t.code === 'spiritualiteit')).toBe(false);
    unwrap(await s.redo());
    expect(unwrap(await s.getOverview()).counts).toMatchObject({ organisaties: 3, voorzieningen: 4 });
  });

  it('refuses a list with person-level data, naming the columns, and writes nothing', async () => {
    const s = await service();
    const file = csv(
      'clienten.csv',
      'Naam organisatie;Naam cliënt;BSN;Geboortedatum;Aanbod\nDock;J. Jansen;111222333;01-02-1960;Buurtkamer\n',
    );
    const p = unwrap(await s.previewPartnersImport(file, {}));
    expect(p.kanImporteren).toBe(false);
    expect(p.problemen.map((i) => i.column)).toEqual(['Naam cliënt', 'BSN', 'Geboortedatum']);
    expect(p.problemen.every((i) => i.code === 'import.persoonsgegevens')).toBe(true);
    const r = await s.importPartners(file, { foutenOverslaan: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'import.persoonsgegevens-geweigerd' } });
    expect(unwrap(await s.getOverview()).counts.organisaties).toBe(0);
  });

  it('proposes fuzzy duplicates without merging them, and merges them when confirmed', async () => {
    const s = await service();
    const file = csv(
      'lijst.csv',
      'Naam organisatie;Postcode;Naam aanbod\nAlifa;7511 AB;Inloop\nAlifa Welzijn;;Maatjes\nBuurtteam Overvecht;;Spreekuur\nBuurtteam Zuilen;;Spreekuur\n',
    );
    const p = unwrap(await s.previewPartnersImport(file, {}));
    const mogelijk = p.dubbelen.filter((d) => d.zekerheid === 'mogelijk');
    expect(mogelijk.map((d) => d.namen)).toEqual([['Alifa', 'Alifa Welzijn']]);
    expect(p.nieuweOrganisaties).toBe(4);
    const merged = unwrap(await s.previewPartnersImport(file, { samenvoegen: [mogelijk[0]!.sleutel] }));
    expect(merged.nieuweOrganisaties).toBe(3);
    unwrap(await s.importPartners(file, { samenvoegen: [mogelijk[0]!.sleutel] }));
    const orgs = unwrap(await s.listOrganisaties());
    expect(orgs.map((o) => o.naam)).toEqual(['Alifa', 'Buurtteam Overvecht', 'Buurtteam Zuilen']);
    // The confirmed spelling is remembered: a later list with "Alifa Welzijn" matches without asking.
    const later = unwrap(
      await s.previewPartnersImport(csv('later.csv', 'Naam organisatie;Website\nALIFA WELZIJN;alifa.nl\n'), {}),
    );
    expect(later).toMatchObject({ nieuweOrganisaties: 0, bijgewerkteOrganisaties: 1 });
  });

  it('round-trips: export organisaties and voorzieningen, edit in "Excel", import back as an update without duplicates', async () => {
    const s = await serviceWith(
      'Naam organisatie;Postcode;Naam aanbod;Leefgebied;Collectief\nDock;3555 AB;Buurtkamer;welzijn;ja\nDock;;Taalcafé;onderwijs;ja\nHumanitas;;Maatjes;welzijn;nee\n',
    );
    const orgs = unwrap(await s.exportTable('organisaties'));
    const edited = {
      ...orgs,
      rows: orgs.rows.map((r) =>
        r[1] === 'Dock' ? r.map((v, i) => (i === 1 ? 'Dock Noordwest' : i === 3 ? '3555 AC' : v)) : r,
      ),
    };
    const back = unwrap(await s.previewPartnersImport(csv('organisaties.csv', toCsv(edited)), {}));
    expect(back).toMatchObject({ nieuweOrganisaties: 0, bijgewerkteOrganisaties: 2, fouten: 0 });
    unwrap(await s.importPartners(csv('organisaties.csv', toCsv(edited)), {}));
    expect(unwrap(await s.listOrganisaties()).map((o) => [o.naam, o.postcode])).toEqual([
      ['Dock Noordwest', '3555 AC'],
      ['Humanitas', null],
    ]);

    const vz = unwrap(await s.exportTable('voorzieningen'));
    const col = (name: string) => vz.columns.indexOf(name);
    const vzEdited = {
      ...vz,
      rows: vz.rows.map((r) =>
        r[col('naam')] === 'Taalcafé'
          ? r.map((v, i) => (i === col('leefgebieden') ? 'onderwijs; werk_inkomen' : i === col('collectief') ? 0 : v))
          : r,
      ),
    };
    const file = csv('voorzieningen.csv', toCsv(vzEdited));
    const p = unwrap(await s.previewPartnersImport(file, {}));
    expect(p).toMatchObject({ nieuweOrganisaties: 0, nieuweVoorzieningen: 0, bijgewerkteVoorzieningen: 3, fouten: 0 });
    unwrap(await s.importPartners(file, {}));
    const after = unwrap(await s.listVoorzieningen());
    expect(after).toHaveLength(3);
    expect(after.find((v) => v.naam === 'Taalcafé')).toMatchObject({
      leefgebieden: ['onderwijs', 'werk_inkomen'],
      collectief: false,
      organisatieNaam: 'Dock Noordwest',
    });
    expect(unwrap(await s.getOverview()).counts.organisaties).toBe(2);
  });

  it('imports verwijzingen by the same name matching, lists unknown names, and round-trips the relaties export', async () => {
    const s = await serviceWith(
      'Naam organisatie;Naam aanbod\nStichting Dock;Buurtkamer\nHumanitas;Maatjes\nBuurtteam Zuilen;\n',
    );
    const file = csv(
      'verwijzingen.csv',
      [
        'Van,Naar,Aantal,Periode,Soort',
        'Buurtteam Zuilen,Dock,12,2024-Q1,Doorverwijzing',
        'buurtteam zuilen,DOCK Utrecht,"8 ",Q2 2024,verwijzing',
        'Buurtteam Zuilen,Humanitas,3,jan 2024,',
        'Onbekende Stichting XYZ,Humanitas,1,2024,',
        'Buurtteam Zuilen,Humanitas,-3,2024,',
        'Humanitas,,2,2024,',
      ].join('\n'),
    );
    expect(unwrap(await s.sniffImport(file))).toBe('relaties');
    const p = unwrap(await s.previewRelatiesImport(file, {}));
    expect(p.namen.find((n) => n.naam === 'Onbekende Stichting XYZ')?.gevonden).toBeNull();
    expect(p.problemen.map((i) => [i.code, i.row, i.column])).toEqual([
      ['lijst.naam-onbekend', 5, 'Van'],
      ['lijst.aantal-ongeldig', 6, 'Aantal'],
      ['lijst.naar-leeg', 7, 'Naar'],
    ]);
    expect(p.kanImporteren).toBe(false);
    const r = unwrap(await s.importRelaties(file, { foutenOverslaan: true })).result;
    expect(r).toMatchObject({ relaties: 2, volumes: 3, overgeslagen: 3 });
    const rels = unwrap(await s.listRelaties());
    expect(rels.map((x) => [x.van.naam, x.naar.naam, x.soort, x.totaal])).toEqual([
      ['Buurtteam Zuilen', 'Stichting Dock', 'verwijzing', 20],
      ['Buurtteam Zuilen', 'Humanitas', 'verwijzing', 3],
    ]);
    expect(rels[0]!.volumes).toEqual([
      { periodeStart: '2024-01-01', periodeEind: '2024-03-31', aantal: 12 },
      { periodeStart: '2024-04-01', periodeEind: '2024-06-30', aantal: 8 },
    ]);
    // Export, change one count, import back: the same relations, one volume changed.
    // The working file keeps the exact counts (Humanitas' 3 would leave as "<5" otherwise).
    expect(unwrap(await s.exportTable('relaties')).rows.map((r) => r[6])).toContain('<5');
    const exp = unwrap(await s.exportTable('relaties', { exacteAantallen: true }));
    const edited = { ...exp, rows: exp.rows.map((row, i) => (i === 0 ? row.map((v, c) => (c === 6 ? 15 : v)) : row)) };
    const back = csv('relaties.csv', toCsv(edited));
    expect(unwrap(await s.previewRelatiesImport(back, {}))).toMatchObject({ nieuweRelaties: 0, fouten: 0 });
    unwrap(await s.importRelaties(back, {}));
    const after = unwrap(await s.listRelaties());
    expect(after).toHaveLength(2);
    expect(after[0]!.totaal).toBe(23);
  });
});
