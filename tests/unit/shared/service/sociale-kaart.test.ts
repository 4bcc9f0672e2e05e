import { describe, expect, it } from 'vitest';
import { createProjectService } from '../../../../shared/service/project-service';
import { unwrap } from '../../../../shared/result';
import { FIXED_NOW, sha256, sql } from '../../../helpers/db';
import { readFileSync } from 'node:fs';

async function service() {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('Sociale kaart'));
  return s;
}

const utrecht = () => ({
  name: 'kwb-2023-utrecht.xlsx',
  bytes: new Uint8Array(readFileSync('tests/fixtures/cbs/kwb-2023-utrecht.xlsx')),
});

describe('organisaties, voorzieningen en relaties bewerken', () => {
  it('adds, edits and deletes with undo and redo of every step, and logs what changed', async () => {
    const s = await service();
    const dock = unwrap(await s.saveOrganisatie(null, { naam: ' Dock ', postcode: '3555ab', website: 'www.dock.nl' }));
    expect(dock.result).toMatchObject({ naam: 'Dock', postcode: '3555 AB', website: 'https://www.dock.nl' });
    expect(dock.undo).toEqual({ ongedaanMaken: 'Organisatie ‘Dock’ toegevoegd', opnieuw: null });
    const vz = unwrap(
      await s.saveVoorziening(null, {
        naam: 'Taalcafé',
        organisatieId: dock.result.id,
        leefgebieden: ['welzijn', 'onderwijs'],
        doelgroepen: ['nieuwkomers'],
        collectief: true,
        vrijToegankelijk: true,
      }),
    );
    const humanitas = unwrap(await s.saveOrganisatie(null, { naam: 'Humanitas' }));
    const rel = unwrap(
      await s.saveRelatie(null, {
        soort: 'verwijzing',
        van: { soort: 'organisatie', id: humanitas.result.id },
        naar: { soort: 'voorziening', id: vz.result.id },
        volumes: [{ periodeStart: '2024-01-01', periodeEind: '2024-03-31', aantal: 12 }],
      }),
    );
    expect(rel.result).toMatchObject({ totaal: 12, van: { naam: 'Humanitas' }, naar: { naam: 'Taalcafé' } });
    expect(rel.overview.counts).toMatchObject({ organisaties: 2, voorzieningen: 1, relaties: 1 });

    unwrap(await s.saveOrganisatie(dock.result.id, { naam: 'Dock Utrecht', postcode: '3555 AB' }));
    const log = unwrap(await s.getWijzigingen('organisatie', dock.result.id));
    expect(log.map((w) => w.actie)).toEqual(['gewijzigd', 'toegevoegd']);
    expect(log[0]!.omschrijving).toContain('naam');

    // Deleting the organisation takes its relaties along, not its voorzieningen (they lose their provider).
    unwrap(await s.deleteItems('organisatie', [humanitas.result.id]));
    expect(unwrap(await s.listRelaties())).toHaveLength(0);

    // Undo everything, step by step, back to the empty project; then redo it all.
    const states: string[] = [];
    for (;;) {
      const u = unwrap(await s.undo());
      if (u.result === null) break;
      states.push(u.result);
    }
    expect(states).toHaveLength(6);
    expect(unwrap(await s.listOrganisaties())).toHaveLength(0);
    expect(unwrap(await s.listVoorzieningen())).toHaveLength(0);
    for (let i = 0; i < 6; i++) unwrap(await s.redo());
    const orgs = unwrap(await s.listOrganisaties());
    expect(orgs.map((o) => o.naam)).toEqual(['Dock Utrecht']);
    expect(unwrap(await s.listVoorzieningen())[0]).toMatchObject({
      naam: 'Taalcafé',
      organisatieNaam: 'Dock Utrecht',
      leefgebieden: ['onderwijs', 'welzijn'],
    });
    // Undo of the delete brings the relation back with its volume.
    unwrap(await s.undo());
    expect(unwrap(await s.listRelaties())[0]).toMatchObject({ totaal: 12 });
    expect((await s.getUndoState()).opnieuw).toContain('Humanitas');
  });

  it('refuses invalid input with the field named, changing nothing', async () => {
    const s = await service();
    const bad = await s.saveOrganisatie(null, { naam: 'X', postcode: '75111' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invoer.ongeldig', params: { veld: 'postcode' } } });
    const empty = await s.saveOrganisatie(null, { naam: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { params: { veld: 'naam', code: 'verplicht' } } });
    const mail = await s.saveOrganisatie(null, { naam: 'Y', email: 'info(at)dock.nl' });
    expect(mail).toMatchObject({ ok: false, error: { params: { veld: 'email' } } });
    const lg = await s.saveVoorziening(null, { naam: 'Z', leefgebieden: ['spiritualiteit'] });
    expect(lg).toMatchObject({ ok: false, error: { params: { veld: 'leefgebieden', code: 'taxonomie-onbekend' } } });
    expect(unwrap(await s.getOverview()).counts.organisaties).toBe(0);
    expect((await s.getUndoState()).ongedaanMaken).toBeNull();
  });

  it('merges organisations keeping every relation, and undoes the merge', async () => {
    const s = await service();
    const ids: number[] = [];
    for (const naam of ['Alifa', 'Stichting Alifa', 'ALIFA welzijn', 'Buurtteam Zuilen']) {
      ids.push(unwrap(await s.saveOrganisatie(null, { naam })).result.id);
    }
    const [a, b, c, team] = ids as [number, number, number, number];
    unwrap(await s.saveVoorziening(null, { naam: 'Inloop', organisatieId: b }));
    const rel = (van: number, naar: number, aantal: number) =>
      s.saveRelatie(null, {
        soort: 'verwijzing',
        van: { soort: 'organisatie', id: van },
        naar: { soort: 'organisatie', id: naar },
        volumes: [{ periodeStart: '2024-01-01', periodeEind: '2024-12-31', aantal }],
      });
    unwrap(await rel(team, a, 5));
    unwrap(await rel(team, b, 7));
    unwrap(await rel(c, team, 3));
    unwrap(await rel(a, b, 1)); // becomes a relation of Alifa with itself: kept, nothing is lost

    const groups = unwrap(await s.findDubbeleOrganisaties());
    const sure = groups.find((g) => g.zekerheid === 'zeker');
    expect(sure?.organisaties.map((o) => o.naam).sort()).toEqual(['Alifa', 'Stichting Alifa']);
    expect(
      groups.some((g) => g.zekerheid === 'mogelijk' && g.organisaties.some((o) => o.naam === 'ALIFA welzijn')),
    ).toBe(true);
    expect(groups.some((g) => g.organisaties.some((o) => o.naam === 'Buurtteam Zuilen'))).toBe(false);

    const merged = unwrap(await s.mergeOrganisaties(a, [b, c]));
    expect(merged.result).toMatchObject({ naam: 'Alifa', aantalVoorzieningen: 1 });
    const rels = unwrap(await s.listRelaties());
    // team→a and team→b became one relation with both volumes added; c→team stays; a→b stays (Alifa → Alifa).
    expect(rels.map((r) => [r.van.naam, r.naar.naam, r.totaal])).toEqual([
      ['Buurtteam Zuilen', 'Alifa', 12],
      ['Alifa', 'Buurtteam Zuilen', 3],
      ['Alifa', 'Alifa', 1],
    ]);
    expect(merged.overview.counts.organisaties).toBe(2);

    unwrap(await s.undo());
    expect(unwrap(await s.listOrganisaties())).toHaveLength(4);
    const back = unwrap(await s.listRelaties());
    expect(back.map((r) => r.totaal)).toEqual([5, 7, 3, 1]);
    expect(unwrap(await s.listVoorzieningen())[0]!.organisatieNaam).toBe('Stichting Alifa');
  });

  it('keeps undo working across a save (export) and undoes a CBS import from its snapshot', async () => {
    const s = await service();
    unwrap(await s.saveOrganisatie(null, { naam: 'Dock' }));
    unwrap(await s.exportProject());
    unwrap(await s.importCbs(utrecht(), {}));
    expect(unwrap(await s.getOverview()).counts.buurten).toBe(111);
    const buurt = unwrap(await s.getGebieden()).gebieden.find((g) => g.niveau === 'buurt')!;
    const team = unwrap(await s.saveOrganisatie(null, { naam: 'Buurtteam', buurtCode: buurt.code }));
    expect(team.result.buurtNaam).toBe(buurt.naam);
    unwrap(await s.exportProject());
    const undone: string[] = [];
    for (let u = unwrap(await s.undo()); u.result !== null; u = unwrap(await s.undo())) undone.push(u.result);
    expect(undone.some((t) => t.startsWith('CBS-bestand'))).toBe(true);
    expect(unwrap(await s.getOverview()).counts).toMatchObject({ buurten: 0, organisaties: 0 });
    for (let r = unwrap(await s.redo()); r.result !== null; r = unwrap(await s.redo()));
    expect(unwrap(await s.getOverview()).counts.buurten).toBe(111);
    expect(unwrap(await s.listOrganisaties()).length).toBeGreaterThanOrEqual(1);
  });
});
