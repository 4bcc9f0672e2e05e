import { readFileSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createProjectService } from '../../../../shared/service/project-service';
import { STANDAARD_SCENARIO } from '../../../../shared/analysis/scenario';
import { standaardDoelen } from '../../../../shared/model/pilot';
import { nodePlatform } from '../../../../node/team/client';
import { sha256, sql } from '../../../helpers/db';
import { dump, server } from '../../../helpers/team';

/**
 * Samenwerken as the app does it (issue 19): the project service with the team side on, two members on a real server
 * over loopback. Edits go through the ordinary calls (saveOrganisatie, deleteItems, undo), as the UI makes them.
 */

type Service = ReturnType<typeof createProjectService>;

async function lid(naam: string): Promise<Service> {
  let t = Date.parse('2026-12-06T10:00:00.000Z');
  const s = createProjectService({
    SQL: await sql(),
    now: () => new Date((t += 1000)).toISOString(),
    sha256,
    team: { platform: nodePlatform },
  });
  const r = await s.createProject(`Project ${naam}`);
  if (!r.ok) throw new Error(r.error.code);
  onTestFinished(() => s.closeProject());
  return s;
}

const waarde = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

/** Waits until `check` holds (remote changes arrive on the server's rhythm), at most 10 s. */
async function tot(check: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const eind = Date.now() + ms;
  while (Date.now() < eind) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('niet op tijd');
}

const namen = async (s: Service) =>
  waarde(await s.listOrganisaties())
    .map((o) => o.naam)
    .sort();
const kaart = (s: Service) => dump(s.currentDb()!);

describe('Samenwerken in the app (project service)', () => {
  it('shares, joins, carries edits both ways, keeps both values of a concurrent edit, and undoes as a new change', async () => {
    const { url } = await server();
    const a = await lid('Anna');
    const b = await lid('Bram');
    const dock = waarde(await a.saveOrganisatie(null, { naam: 'Stichting Dock', soort: 'welzijn' })).result;

    const gedeeld = waarde(await a.shareTeam(url, 'Anna'));
    expect(gedeeld).toMatchObject({ gedeeld: true, lid: 'Anna', verbinding: 'verbonden' });
    expect(gedeeld.uitnodiging).toContain('token=');

    // A member with a sociale kaart of her own cannot join (she would mix two maps).
    const c = await lid('Cem');
    await c.saveOrganisatie(null, { naam: 'Eigen organisatie' });
    const geweigerd = await c.joinTeam(gedeeld.uitnodiging!, 'Cem');
    expect(geweigerd.ok || geweigerd.error.code).toBe('team.deelnemen-niet-leeg');

    waarde(await b.joinTeam(gedeeld.uitnodiging!, 'Bram'));
    await tot(async () => (await namen(b)).includes('Stichting Dock'));

    // An ordinary edit in A arrives at B; a new organisation in B arrives at A.
    waarde(await a.saveOrganisatie(dock.id, { naam: 'Stichting Dock', soort: 'welzijn', telefoon: '053-1234567' }));
    waarde(await b.saveOrganisatie(null, { naam: 'Alifa', soort: 'welzijn' }));
    await tot(async () => (await namen(a)).includes('Alifa'));
    await tot(async () => waarde(await b.listOrganisaties()).some((o) => o.telefoon === '053-1234567'));
    expect(kaart(a)).toEqual(kaart(b));
    expect(waarde(await a.getTeamStatus())).toMatchObject({ revisie: expect.any(Number), naTeKijken: 0 });
    // Who else is online: each member sees the other.
    await tot(async () => waarde(await a.getTeamStatus()).online.includes('Bram'));
    await tot(async () => waarde(await b.getTeamStatus()).online.includes('Anna'));

    // Undo in B (Alifa made) is a new change: Alifa gets a tombstone at A too. Redo brings her back.
    waarde(await b.undo());
    await tot(async () => !(await namen(a)).includes('Alifa'));
    waarde(await b.redo());
    await tot(async () => (await namen(a)).includes('Alifa'));

    // An undo never takes a teammate's later edit of another field with it: B changes the website, A undoes her
    // phone number; the website stays.
    const dockB = waarde(await b.listOrganisaties()).find((o) => o.naam === 'Stichting Dock')!;
    waarde(await b.saveOrganisatie(dockB.id, { ...dockB, website: 'https://dock.nl' }));
    await tot(async () => waarde(await a.listOrganisaties()).some((o) => o.website === 'https://dock.nl'));
    waarde(await a.undo()); // the phone number
    await tot(async () => waarde(await b.listOrganisaties()).some((o) => o.naam === 'Stichting Dock' && !o.telefoon));
    const naUndo = waarde(await b.listOrganisaties()).find((o) => o.naam === 'Stichting Dock')!;
    expect(naUndo.website).toBe('https://dock.nl');
    await tot(async () => JSON.stringify(kaart(a)) === JSON.stringify(kaart(b)));

    // A delete in A: gone at B as well; undo brings the same item back (no duplicate).
    const alifaA = waarde(await a.listOrganisaties()).find((o) => o.naam === 'Alifa')!;
    waarde(await a.deleteItems('organisatie', [alifaA.id]));
    await tot(async () => !(await namen(b)).includes('Alifa'));
    waarde(await a.undo());
    await tot(async () => (await namen(b)).includes('Alifa'));
    expect((await namen(a)).filter((n) => n === 'Alifa')).toHaveLength(1);
    await tot(async () => JSON.stringify(kaart(a)) === JSON.stringify(kaart(b)));

    // The saved file of B holds the team: reopened, it is still shared and has the whole map.
    const bytes = waarde(await b.exportProject());
    const b2 = await lid('Bram2');
    waarde(await b2.openProject(bytes, 'bram.wijkweb'));
    await tot(async () => waarde(await b2.getTeamStatus()).verbinding === 'verbonden');
    expect(await namen(b2)).toEqual(await namen(b));
  }, 60_000);

  it('shares the lists: a new leefgebied and the voorziening that uses it arrive together; a rename and a delete too', async () => {
    const { url } = await server();
    const a = await lid('Anna');
    const b = await lid('Bram');
    const uitnodiging = waarde(await a.shareTeam(url, 'Anna')).uitnodiging!;
    waarde(await b.joinTeam(uitnodiging, 'Bram'));

    // A value Bram's lists do not have, and a voorziening with it: without the list it could not be shown.
    const code = waarde(await a.saveTaxonomieItem('leefgebied', null, { label: 'Taal en digitale vaardigheden' }))
      .result.code;
    waarde(await a.saveVoorziening(null, { naam: 'Taalcafé', leefgebieden: [code] }));
    await tot(async () => waarde(await b.listVoorzieningen()).some((v) => v.naam === 'Taalcafé'));
    expect(waarde(await b.listVoorzieningen()).find((v) => v.naam === 'Taalcafé')!.leefgebieden).toEqual([code]);
    const lijstB = async () => waarde(await b.listTaxonomieen()).filter((t) => t.taxonomie === 'leefgebied');
    expect((await lijstB()).find((i) => i.code === code)?.label).toBe('Taal en digitale vaardigheden');
    expect(waarde(await b.listTeamMeldingen())).toEqual([]);

    // Bram renames it; Anna sees the new name. Anna's voorziening goes, then the value: gone at Bram too.
    waarde(await b.saveTaxonomieItem('leefgebied', code, { label: 'Taal en digitaal' }));
    const lijstA = async () => waarde(await a.listTaxonomieen()).filter((t) => t.taxonomie === 'leefgebied');
    await tot(async () => (await lijstA()).some((i) => i.code === code && i.label === 'Taal en digitaal'));
    const taalcafe = waarde(await a.listVoorzieningen()).find((v) => v.naam === 'Taalcafé')!;
    waarde(await a.deleteItems('voorziening', [taalcafe.id]));
    waarde(await a.deleteTaxonomieItem('leefgebied', code));
    await tot(async () => !(await lijstB()).some((i) => i.code === code));
    expect(waarde(await b.listVoorzieningen()).some((v) => v.naam === 'Taalcafé')).toBe(false);
    // Undo in Anna brings the value back everywhere.
    waarde(await a.undo());
    await tot(async () => (await lijstB()).some((i) => i.code === code));
  }, 60_000);

  it('shares the Pilotmonitor goals and the saved scenarios; a goal deleted in one is gone in the other', async () => {
    const { url } = await server();
    const a = await lid('Anna');
    const b = await lid('Bram');
    waarde(await a.saveDoel(null, { ...standaardDoelen('GM0153', '2024-01-01')[0]!, gebied: null }));
    const uitnodiging = waarde(await a.shareTeam(url, 'Anna')).uitnodiging!;
    waarde(await b.joinTeam(uitnodiging, 'Bram'));
    const doelenB = async () => waarde(await b.listDoelen()).map((d) => d.naam);
    await tot(async () => (await doelenB()).length === 1);

    // A scenario and a second goal made after sharing; Bram renames the scenario.
    waarde(await a.saveScenario(null, 'Verschuiving 10%', { ...STANDAARD_SCENARIO, verschuiving: 0.1 }));
    waarde(await a.saveDoel(null, { ...standaardDoelen('GM0153', '2024-01-01')[1]!, gebied: null }));
    await tot(async () => waarde(await b.listScenarios()).length === 1 && (await doelenB()).length === 2);
    const sc = waarde(await b.listScenarios())[0]!;
    expect(sc.parameters.verschuiving).toBe(0.1);
    waarde(await b.saveScenario(sc.id, 'Verschuiving tien procent', sc.parameters));
    await tot(async () => waarde(await a.listScenarios())[0]?.naam === 'Verschuiving tien procent');

    // A goal deleted by Anna is gone at Bram.
    const eerste = waarde(await a.listDoelen())[0]!;
    waarde(await a.deleteDoel(eerste.id));
    await tot(async () => (await doelenB()).length === 1);
    expect(await doelenB()).toEqual(waarde(await a.listDoelen()).map((d) => d.naam));
    expect(waarde(await b.listTeamMeldingen())).toEqual([]);

    // The figures are not shared, only who has which file: Anna imports the CBS file, Bram sees it and imports it too.
    const cbs = {
      name: 'kwb-2023-enschede-west-voorbeeld.csv',
      bytes: new Uint8Array(readFileSync('tests/fixtures/cbs/kwb-2023-enschede-west-voorbeeld.csv')),
    };
    waarde(await a.importCbs(cbs, {}));
    await tot(async () => waarde(await b.listTeamBronnen()).length === 1);
    expect(waarde(await b.listTeamBronnen())[0]).toMatchObject({ bestand: cbs.name, leden: ['Anna'], bijMij: false });
    expect(waarde(await b.getOverview()).counts).toMatchObject({ bronnen: 0 });
    waarde(await b.importCbs(cbs, {}));
    await tot(async () => waarde(await a.listTeamBronnen())[0]?.leden.length === 2);
    expect(waarde(await b.listTeamBronnen())[0]).toMatchObject({ leden: ['Anna', 'Bram'], bijMij: true });
  }, 60_000);

  it('lists two values of one field edited while one member was offline, and a choice settles it everywhere', async () => {
    const srv = await server();
    const a = await lid('Anna');
    const b = await lid('Bram');
    const o = waarde(await a.saveOrganisatie(null, { naam: 'Buurthuis De Brug' })).result;
    const uitnodiging = waarde(await a.shareTeam(srv.url, 'Anna')).uitnodiging!;
    waarde(await b.joinTeam(uitnodiging, 'Bram'));
    await tot(async () => (await namen(b)).includes('Buurthuis De Brug'));

    // B goes offline (the server stops), both change the phone number, the server comes back.
    await srv.server.close();
    waarde(await a.saveOrganisatie(o.id, { naam: 'Buurthuis De Brug', telefoon: '053-1111111' }));
    const oB = waarde(await b.listOrganisaties())[0]!;
    waarde(await b.saveOrganisatie(oB.id, { naam: 'Buurthuis De Brug', telefoon: '053-2222222' }));
    await tot(async () => waarde(await b.getTeamStatus()).verbinding === 'offline');
    expect(waarde(await b.getTeamStatus()).wachtend).toBeGreaterThan(0);
    const terug = await server(srv.opslag, Number(new URL(srv.url).port));
    onTestFinished(() => terug.server.close());

    await tot(async () => waarde(await a.getTeamStatus()).naTeKijken === 1, 20_000);
    await tot(async () => waarde(await b.getTeamStatus()).naTeKijken === 1, 20_000);
    const [m] = waarde(await b.listTeamMeldingen());
    expect(m).toMatchObject({ soort: 'organisatie', veld: 'telefoon', melding: 'conflict', naam: 'Buurthuis De Brug' });
    expect(m!.waarden!.map((w) => w.door).sort()).toEqual(['Anna', 'Bram']);
    const kiesIndex = m!.waarden!.findIndex((w) => w.w === '053-1111111');
    waarde(await b.chooseTeamWaarde('organisatie', m!.sleutel, 'telefoon', kiesIndex));
    await tot(async () => waarde(await a.getTeamStatus()).naTeKijken === 0);
    await tot(async () => waarde(await a.listOrganisaties())[0]!.telefoon === '053-1111111');
    expect(waarde(await b.listOrganisaties())[0]!.telefoon).toBe('053-1111111');
  }, 60_000);
});
