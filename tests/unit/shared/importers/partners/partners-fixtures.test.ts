import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProjectService } from '../../../../../shared/service/project-service';
import { unwrap } from '../../../../../shared/result';
import { formatIssue } from '../../../../../shared/i18n/messages';
import { FIXED_NOW, sha256, sql } from '../../../../helpers/db';

/** Fixture files made by scripts/make-partner-fixtures.mts; expected.json is their ground truth (see its README). */
const file = (name: string, dir = 'partners') => ({
  name,
  bytes: new Uint8Array(readFileSync(`tests/fixtures/${dir}/${name}`)),
});
interface Fout {
  row: number;
  column: string;
  code: string;
}
interface Groep {
  naam: string;
  spellings: string[];
  autoMerge: boolean;
  groepen: string[][];
}
const expected = JSON.parse(readFileSync('tests/fixtures/partners/expected.json', 'utf8')) as Record<
  string,
  {
    rows: number;
    rijenZonderFouten?: number;
    organisatiesNaAutomatischSamenvoegen?: number;
    voorzieningen?: number;
    voorstellen?: string[][];
    nietVoorstellen?: string[][];
    fouten?: Fout[];
    organisaties?: Groep[];
    nieuw?: string[];
    bekendUitSocialeKaart?: string[];
    relaties?: number;
    volumes?: number;
    persoonsgegevensKolommen?: string[];
    postcodesUitLijsten?: Record<string, string>;
    aanbieders?: number;
  }
>;
const KAART = 'sociale-kaart-utrecht.xlsx';

async function utrecht() {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('Utrecht Noordwest'));
  unwrap(await s.importCbs(file('kwb-2023-utrecht.xlsx', 'cbs'), {}));
  return s;
}

describe('a gebiedsteam’s partner spreadsheet (tests/fixtures/partners)', () => {
  it('recognises each kind of file from its first rows', async () => {
    const s = await utrecht();
    const kinds = await Promise.all(
      [KAART, 'partners-organisaties.csv', 'verwijzingen-2024.xlsx', 'verwijzingen.csv', 'pc6-gwb-utrecht.csv'].map(
        async (n) => unwrap(await s.sniffImport(file(n))),
      ),
    );
    expect(kinds).toEqual(['partners', 'partners', 'relaties', 'relaties', 'postcodes']);
    expect(unwrap(await s.sniffImport(file('kwb-2023-utrecht.xlsx', 'cbs')))).toBe('cijfers');
  });

  it('becomes a clean, deduplicated set of organisaties and voorzieningen, with buurten from the postcodes', async () => {
    const s = await utrecht();
    const exp = expected[KAART]!;
    const pc = unwrap(await s.importPostcodes(file('pc6-gwb-utrecht.csv'))).result;
    expect(pc).toMatchObject({ postcodes: expected['pc6-gwb-utrecht.csv']!.rows, onbekendeBuurten: 0 });

    const p = unwrap(await s.previewPartnersImport(file(KAART), {}));
    expect(p.rijen).toBe(exp.rows);
    expect(p.blad).toBe('Sociale kaart');
    expect(p.problemen.map((i) => ({ row: i.row, code: i.code, column: i.column!.split(' / ').pop() }))).toEqual(
      exp.fouten!.map((f) => ({ row: f.row, code: f.code, column: f.column })),
    );
    for (const issue of p.problemen)
      expect(formatIssue(issue, 'nl')).toMatch(/^‘sociale-kaart-utrecht.xlsx’, werkblad/);
    expect(p.foutRijen).toBe(exp.rows - exp.rijenZonderFouten!);
    expect(p.kanImporteren).toBe(false);
    const mogelijk = p.dubbelen.filter((d) => d.zekerheid === 'mogelijk').map((d) => [...d.namen].sort());
    expect(mogelijk).toEqual(exp.voorstellen!.map((v) => [...v].sort()));
    for (const pair of exp.nietVoorstellen!) {
      expect(p.dubbelen.some((d) => pair.every((n) => d.namen.includes(n)))).toBe(false);
    }
    // Every group of spellings that must merge automatically is one 'zeker' proposal.
    for (const g of exp.organisaties!.filter((o) => o.autoMerge && o.spellings.length > 1)) {
      const zeker = p.dubbelen.find((d) => d.zekerheid === 'zeker' && d.namen.includes(g.spellings[0]!));
      expect(zeker?.namen.slice().sort(), g.naam).toEqual(g.spellings.slice().sort());
    }

    const r = unwrap(await s.importPartners(file(KAART), { foutenOverslaan: true })).result;
    expect(r).toMatchObject({
      organisaties: exp.organisatiesNaAutomatischSamenvoegen,
      voorzieningen: exp.voorzieningen,
      overgeslagen: exp.rows - exp.rijenZonderFouten!,
    });
    const orgs = unwrap(await s.listOrganisaties());
    expect(orgs).toHaveLength(exp.organisatiesNaAutomatischSamenvoegen!);
    const names = new Set(orgs.map((o) => o.naam));
    for (const g of exp.organisaties!) for (const group of g.groepen) expect(names.has(group[0]!), group[0]).toBe(true);
    // Postcodes resolve through the CBS table to the buurt the list means.
    const pcs = expected['pc6-gwb-utrecht.csv']!.postcodesUitLijsten!;
    const withPostcode = orgs.filter((o) => o.postcode);
    expect(withPostcode.length).toBeGreaterThan(10);
    for (const o of withPostcode) expect(o.buurtCode, o.naam).toBe(pcs[o.postcode!.replace(' ', '')]);

    // The second list, one row per organisation, Windows-1252: known organisations are updated, not doubled.
    const csv = expected['partners-organisaties.csv']!;
    const p2 = unwrap(await s.previewPartnersImport(file('partners-organisaties.csv'), {}));
    expect(p2).toMatchObject({
      fouten: 0,
      nieuweOrganisaties: csv.nieuw!.length,
      bijgewerkteOrganisaties: csv.bekendUitSocialeKaart!.length,
    });
    unwrap(await s.importPartners(file('partners-organisaties.csv'), {}));
    const after = unwrap(await s.listOrganisaties());
    expect(after).toHaveLength(orgs.length + csv.nieuw!.length);
    expect(after.some((o) => /[éë’]/.test(o.naam + (o.adres ?? '')))).toBe(true);
    expect(after.some((o) => o.naam.includes('\u0092') || (o.adres ?? '').includes('\u0092'))).toBe(false);

    // Undo both imports: the project is as before; redo: back again.
    unwrap(await s.undo());
    unwrap(await s.undo());
    expect(unwrap(await s.getOverview()).counts).toMatchObject({ organisaties: 0, voorzieningen: 0 });
    unwrap(await s.redo());
    expect(unwrap(await s.listOrganisaties())).toHaveLength(orgs.length);
  });

  it('keeps relations through a merge, and undoes the merge', async () => {
    const s = await utrecht();
    unwrap(await s.importPartners(file(KAART), { foutenOverslaan: true }));
    unwrap(await s.importRelaties(file('verwijzingen-2024.xlsx'), { foutenOverslaan: true }));
    const before = unwrap(await s.listRelaties());
    const orgs = unwrap(await s.listOrganisaties());
    const alifa = orgs.find((o) => o.naam === 'Alifa')!;
    const welzijn = orgs.find((o) => o.naam === 'Alifa Welzijn')!;
    const touching = (id: number) =>
      before.filter(
        (r) =>
          (r.van.soort === 'organisatie' && r.van.id === id) || (r.naar.soort === 'organisatie' && r.naar.id === id),
      );
    const total = (rels: typeof before) => rels.reduce((sum, r) => sum + (r.totaal ?? 0), 0);
    const moved = total(touching(alifa.id)) + total(touching(welzijn.id));
    unwrap(await s.mergeOrganisaties(alifa.id, [welzijn.id]));
    const rels = unwrap(await s.listRelaties());
    expect(total(rels)).toBe(total(before));
    const nowTouching = rels.filter((r) => r.van.id === alifa.id || r.naar.id === alifa.id);
    expect(total(nowTouching.filter((r) => r.van.soort === 'organisatie' || r.naar.soort === 'organisatie'))).toBe(
      moved,
    );
    unwrap(await s.undo());
    expect(unwrap(await s.listRelaties())).toEqual(before);
  });

  it('imports verwijzingen, naming every bad row and never inventing a name', async () => {
    for (const name of ['verwijzingen-2024.xlsx', 'verwijzingen.csv']) {
      const s = await utrecht();
      unwrap(await s.importPartners(file(KAART), { foutenOverslaan: true }));
      const exp = expected[name]!;
      const p = unwrap(await s.previewRelatiesImport(file(name), {}));
      expect(p.problemen.map((i) => ({ row: i.row, code: i.code, column: i.column }))).toEqual(
        exp.fouten!.map((f) => ({ row: f.row, code: f.code, column: f.column })),
      );
      expect(p.namen.filter((n) => !n.gevonden).length).toBeGreaterThan(0);
      const orgsBefore = unwrap(await s.getOverview()).counts.organisaties;
      const r = unwrap(await s.importRelaties(file(name), { foutenOverslaan: true })).result;
      expect(r, name).toMatchObject({ relaties: exp.relaties, volumes: exp.volumes });
      expect(unwrap(await s.getOverview()).counts.organisaties).toBe(orgsBefore);
    }
  });

  it('refuses the list with person-level data', async () => {
    const s = await utrecht();
    const p = unwrap(await s.previewPartnersImport(file('persoonsgegevens.xlsx'), {}));
    expect(p.kanImporteren).toBe(false);
    expect(p.problemen.map((i) => i.column)).toEqual(expected['persoonsgegevens.xlsx']!.persoonsgegevensKolommen);
  });

  it('reads the real Twente list of jeugdhulp providers', async () => {
    const s = await utrecht();
    const p = unwrap(await s.previewPartnersImport(file('twente-jeugdhulp.csv'), {}));
    // "Jeugd" is not one of the doelgroepen: the user decides what it means (once, remembered).
    expect(p.onbekend.map((o) => o.waarde)).toEqual(['Jeugd']);
    const waarden = { 'doelgroep|jeugd': { code: 'jeugd_4_12' } };
    const resolved = unwrap(await s.previewPartnersImport(file('twente-jeugdhulp.csv'), { waarden }));
    expect(resolved).toMatchObject({ fouten: 0, kanImporteren: true, nieuweVoorzieningen: 105 });
    expect(resolved.nieuweOrganisaties).toBe(expected['twente-jeugdhulp.csv']!.aanbieders);
    unwrap(await s.importPartners(file('twente-jeugdhulp.csv'), { waarden }));
    const again = unwrap(await s.previewPartnersImport(file('twente-jeugdhulp.csv'), { opnieuw: true }));
    expect(again.onbekend).toEqual([]);
    expect(again.eerderGeimporteerd).not.toBeNull();
    expect(again.nieuweOrganisaties).toBe(0);
  });
});
