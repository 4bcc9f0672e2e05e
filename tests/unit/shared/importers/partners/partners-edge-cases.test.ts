import { describe, expect, it } from 'vitest';
import { createProjectService } from '../../../../../shared/service/project-service';
import { unwrap } from '../../../../../shared/result';
import { toCsv } from '../../../../../shared/export/formats';
import { isPersonHeader } from '../../../../../shared/importers/partners/table';
import { gebiedenIn } from '../../../../../shared/importers/partners';
import { FIXED_NOW, sha256, sql } from '../../../../helpers/db';

/** Cases found in review: each would have lost or mixed data. */

async function service() {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('Randgevallen'));
  return s;
}
const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

describe('person data', () => {
  it('knows a person column by its header, but not a count of persons', () => {
    for (const h of ['Cliënt', 'Naam deelnemer', 'Inwoner', 'Geboortejaar', 'E-mail cliënt', 'Adres cliënt', 'BSN']) {
      expect(isPersonHeader(h), h).toBe(true);
    }
    for (const h of [
      'Aantal cliënten',
      'Aantal deelnemers',
      'Naam organisatie',
      'E-mail (algemeen)',
      'Leeftijd doelgroep',
    ]) {
      expect(isPersonHeader(h), h).toBe(false);
    }
  });

  it('refuses client columns, a contact person, and BSNs without a header or with dots', async () => {
    const s = await service();
    const cases = [
      'Naam organisatie;Naam aanbod;E-mail cliënt\nDock;Buurtkamer;jan@hotmail.com\n',
      'Naam organisatie;Naam aanbod;Contactpersoon\nDock;Buurtkamer;Jan Jansen\n',
      'Naam organisatie;Naam aanbod\nDock;Buurtkamer;111222333\n',
      'Naam organisatie;Naam aanbod;Nummer\nDock;Buurtkamer;1112.22.333\n',
    ];
    for (const text of cases) {
      const p = unwrap(await s.previewPartnersImport(csv('lijst.csv', text), {}));
      expect(p.kanImporteren, text).toBe(false);
      expect(p.problemen[0]?.code, text).toBe('import.persoonsgegevens');
    }
  });
});

describe('numbers and merges', () => {
  it('never gives an id twice, so an old export cannot update a new organisation', async () => {
    const s = await service();
    unwrap(await s.saveOrganisatie(null, { naam: 'Alpha' }));
    const bravo = unwrap(await s.saveOrganisatie(null, { naam: 'Bravo', postcode: '3555 AB' })).result;
    const old = toCsv(unwrap(await s.exportTable('organisaties')));
    unwrap(await s.deleteItems('organisatie', [bravo.id]));
    const charlie = unwrap(await s.saveOrganisatie(null, { naam: 'Charlie' })).result;
    expect(charlie.id).toBeGreaterThan(bravo.id);
    // Even after undoing Charlie, the next one gets a new number.
    unwrap(await s.undo());
    expect(unwrap(await s.saveOrganisatie(null, { naam: 'Delta' })).result.id).toBeGreaterThan(charlie.id);
    const p = unwrap(await s.previewPartnersImport(csv('organisaties.csv', old), {}));
    expect(p.problemen.map((i) => i.code)).toContain('lijst.id-onbekend');
  });

  it('merging keeps relations between other organisations, and their own fields', async () => {
    const s = await service();
    const ids: number[] = [];
    for (const naam of ['Alpha', 'Bravo', 'Alifa', 'Stichting Alifa'])
      ids.push(unwrap(await s.saveOrganisatie(null, { naam })).result.id);
    const [a, b, c, d] = ids as [number, number, number, number];
    const rel = (van: number, naar: number, notities: string | null, gericht = true) =>
      s.saveRelatie(null, {
        soort: 'samenwerking',
        van: { soort: 'organisatie', id: van },
        naar: { soort: 'organisatie', id: naar },
        gericht,
        notities,
      });
    unwrap(await rel(a, b, 'oud convenant'));
    unwrap(await rel(a, b, 'nieuw, wederzijds', false));
    unwrap(await s.mergeOrganisaties(c, [d]));
    const rels = unwrap(await s.listRelaties());
    expect(rels.map((r) => r.notities)).toEqual(['oud convenant', 'nieuw, wederzijds']);
  });

  it('does not merge an equal name at another place automatically: it proposes it', async () => {
    const s = await service();
    unwrap(await s.saveOrganisatie(null, { naam: 'Voedselbank Hengelo', postcode: '7551 AA', plaats: 'Hengelo' }));
    const p = unwrap(
      await s.previewPartnersImport(
        csv('lijst.csv', 'Naam organisatie;Postcode;Plaats\nVoedselbank Almelo;7607AB;Almelo\n'),
        {},
      ),
    );
    expect(p).toMatchObject({ nieuweOrganisaties: 1, bijgewerkteOrganisaties: 0 });
    const voorstel = p.dubbelen.find((x) => x.zekerheid === 'mogelijk');
    expect(voorstel?.redenen).toContain('andere-plaats');
    const two = unwrap(
      await s.previewPartnersImport(
        csv('twee.csv', 'Naam organisatie;Postcode\nHumanitas;7511 AB\nHumanitas;3555 AB\nHumanitas;\n'),
        {},
      ),
    );
    expect(two.nieuweOrganisaties).toBe(2);
  });

  it('merges chains of confirmed proposals into one', async () => {
    const s = await service();
    const file = csv(
      'lijst.csv',
      'Naam organisatie;Website\nAlifa;alifa.nl\nAlifa Welzijn;alifa.nl\nAlifa Welzijn Thuis;\n',
    );
    const p = unwrap(await s.previewPartnersImport(file, {}));
    const keys = p.dubbelen.filter((d) => d.zekerheid === 'mogelijk').map((d) => d.sleutel);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    const merged = unwrap(await s.previewPartnersImport(file, { samenvoegen: keys }));
    expect(merged.nieuweOrganisaties).toBe(1);
  });
});

describe('imports that round-trip and say where the problem is', () => {
  it('re-imports a relaties export by the ids of its ends, even with names that are ambiguous', async () => {
    const s = await service();
    const hum = unwrap(await s.saveOrganisatie(null, { naam: 'Humanitas' })).result;
    const dock = unwrap(await s.saveOrganisatie(null, { naam: 'Dock' })).result;
    const sp1 = unwrap(await s.saveVoorziening(null, { naam: 'Spreekuur', organisatieId: dock.id })).result;
    unwrap(await s.saveVoorziening(null, { naam: 'Spreekuur', organisatieId: hum.id }));
    unwrap(await s.saveOrganisatie(null, { naam: 'Stichting Spreekuur Utrecht' }));
    unwrap(
      await s.saveRelatie(null, {
        soort: 'verwijzing',
        van: { soort: 'organisatie', id: hum.id },
        naar: { soort: 'voorziening', id: sp1.id },
        volumes: [{ periodeStart: '2024-01-01', periodeEind: '2024-12-31', aantal: 4 }],
      }),
    );
    const file = csv('relaties.csv', toCsv(unwrap(await s.exportTable('relaties', { exacteAantallen: true }))));
    const p = unwrap(await s.previewRelatiesImport(file, {}));
    expect(p).toMatchObject({ fouten: 0, nieuweRelaties: 0, bijgewerkteRelaties: 1 });
    unwrap(await s.importRelaties(file, {}));
    expect(unwrap(await s.listRelaties())[0]!.naar).toMatchObject({ soort: 'voorziening', id: sp1.id });
  });

  it('names an ambiguous organisation instead of picking one', async () => {
    const s = await service();
    unwrap(await s.saveOrganisatie(null, { naam: 'Humanitas Enschede' }));
    unwrap(await s.saveOrganisatie(null, { naam: 'Humanitas Hengelo' }));
    unwrap(await s.saveOrganisatie(null, { naam: 'Dock' }));
    const p = unwrap(
      await s.previewRelatiesImport(csv('v.csv', 'Van;Naar;Aantal;Periode\nHumanitas;Dock;3;2024\n'), {}),
    );
    expect(p.problemen[0]).toMatchObject({ code: 'lijst.naam-dubbelzinnig', row: 2, column: 'Van' });
  });

  it('finds in the preview what the write would refuse (dates, lengths, numbers), per row and column', async () => {
    const s = await service();
    const long = 'x'.repeat(201);
    const file = csv(
      'lijst.csv',
      `Naam organisatie;Naam aanbod;Startdatum;Einddatum;Capaciteit\nDock;Buurtkamer;2024-05-01;2024-01-01;\nDock;${long};;;\nDock;Taal;;;2000000\nDock;Inloop;;;\n`,
    );
    const p = unwrap(await s.previewPartnersImport(file, {}));
    expect(p.problemen.map((i) => [i.code, i.row, i.column])).toEqual([
      ['lijst.veld-eind-voor-start', 2, 'Einddatum'],
      ['lijst.veld-te-lang', 3, 'Naam aanbod'],
      ['lijst.veld-geheel-getal', 4, 'Capaciteit'],
    ]);
    unwrap(await s.importPartners(file, { foutenOverslaan: true }));
    expect(unwrap(await s.listVoorzieningen()).map((v) => v.naam)).toEqual(['Inloop']);
  });

  it('warns when one organisation has two different values in the list', async () => {
    const s = await service();
    const p = unwrap(
      await s.previewPartnersImport(
        csv('lijst.csv', 'Naam organisatie;Postcode;Telefoon\nDock;3555 AB;030 1234567\nDock;3555 AB;030 7654321\n'),
        {},
      ),
    );
    expect(p.problemen).toEqual([
      expect.objectContaining({ level: 'waarschuwing', code: 'lijst.andere-waarde', row: 3, column: 'Telefoon' }),
    ]);
  });

  it('re-imports a voorzieningen export with a voorziening that has no provider', async () => {
    const s = await service();
    unwrap(await s.saveVoorziening(null, { naam: 'Losse inloop' }));
    const file = csv('voorzieningen.csv', toCsv(unwrap(await s.exportTable('voorzieningen'))));
    const p = unwrap(await s.previewPartnersImport(file, {}));
    expect(p).toMatchObject({ fouten: 0, nieuweOrganisaties: 0, bijgewerkteVoorzieningen: 1 });
    unwrap(await s.importPartners(file, {}));
    expect(unwrap(await s.listVoorzieningen())).toEqual([
      expect.objectContaining({ naam: 'Losse inloop', organisatieId: null }),
    ]);
  });

  it('reads buurt names with a comma in a werkgebied cell, and a title line above the header', () => {
    const known: Record<string, string> = { 'Welgelegen, Den Hommel': 'BU1', Zuilen: 'BU2' };
    expect(gebiedenIn('Welgelegen, Den Hommel; Zuilen, Nergens', (n) => known[n] ?? null)).toEqual([
      { tekst: 'Welgelegen, Den Hommel', code: 'BU1' },
      { tekst: 'Zuilen', code: 'BU2' },
      { tekst: 'Nergens', code: null },
    ]);
  });

  it('takes a single title cell above the header as a title, not as a group of columns', async () => {
    const s = await service();
    const p = unwrap(
      await s.previewPartnersImport(
        csv('lijst.csv', 'Overzicht aanbod wijk Noord\nNaam;Adres;Postcode\nDock;Kerkstraat 1;3555 AB\n'),
        {},
      ),
    );
    expect(p.kolommen.map((k) => k.veld)).toEqual(['naam', 'adres', 'postcode']);
  });

  it('checks the soort of an organisation against the list', async () => {
    const s = await service();
    const r = await s.saveOrganisatie(null, { naam: 'X', soort: 'bestaat-niet' });
    expect(r).toMatchObject({ ok: false, error: { params: { veld: 'soort', code: 'taxonomie-onbekend' } } });
  });

  it('an eigen gebied is an undo step, so redo never collides with it', async () => {
    const s = await service();
    unwrap(
      await s.importCbs(
        {
          name: 'kwb-2023.csv',
          bytes: new TextEncoder().encode(
            'gwb_code_10;regio;gm_naam;recs;a_inw\nGM0153;Enschede;Enschede;Gemeente;161000\nBU01530710;Boswinkel;Enschede;Buurt;3715\n',
          ),
        },
        {},
      ),
    );
    unwrap(await s.importPartners(csv('lijst.csv', 'Naam organisatie\nDock\n'), {}));
    unwrap(await s.undo());
    unwrap(await s.createEigenGebied('Werkgebied', ['BU01530710'], 2023));
    expect((await s.getUndoState()).ongedaanMaken).toContain('Werkgebied');
    expect((await s.getUndoState()).opnieuw).toBeNull();
    unwrap(await s.undo());
    expect(unwrap(await s.getGebieden(2023)).eigen).toHaveLength(0);
  });
});
