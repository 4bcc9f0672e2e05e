/**
 * The presentation follows the report's selection (issue 17): the title slide counts the organisaties, voorzieningen
 * and hiaten of the chosen gebieden, its subtitle names one peildatum; the map, gap and default network slides are of
 * the selection; without one, the whole project today. The order of the saved views is kept, one undo step.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProjectService } from '../../../../shared/service/project-service';
import { unwrap } from '../../../../shared/result';
import type { Dia } from '../../../../shared/report/model';
import { FIXED_NOW, sha256, sql } from '../../../helpers/db';

const enschede = () => ({
  name: 'kwb-2023-enschede-west-voorbeeld.csv',
  bytes: new Uint8Array(readFileSync('tests/fixtures/cbs/kwb-2023-enschede-west-voorbeeld.csv')),
});
const cognos = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(`tests/fixtures/cognos/${name}`)) });

/** Two buurten of Wijk 07 West: Boswinkel-De Braker with three items, Stadsveld-Zuid with one organisation. */
async function project() {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('Enschede West'));
  unwrap(await s.importCbs(enschede(), {}));
  unwrap(await s.importCognos(cognos('boswinkel-toewijzingen-2024-04-02.xlsx'), {}));
  unwrap(await s.saveOrganisatie(null, { naam: 'Wijkteam West', soort: 'gemeente', buurtCode: 'BU01530710' }));
  const alifa = unwrap(await s.saveOrganisatie(null, { naam: 'Alifa', buurtCode: 'BU01530710' })).result;
  unwrap(
    await s.saveVoorziening(null, {
      naam: 'Inloop De Braker',
      organisatieId: alifa.id,
      leefgebieden: ['welzijn'],
      werkgebied: ['BU01530710'],
      collectief: true,
      vrijToegankelijk: true,
    }),
  );
  unwrap(await s.saveOrganisatie(null, { naam: 'Buurthuis Stadsveld', buurtCode: 'BU01530711' }));
  return s;
}

const titel = (dias: readonly Dia[]) => dias.find((d) => d.soort === 'titel')!;
const kern = (d: Dia) => Object.fromEntries((d.kerngetallen ?? []).map((k) => [k.label, k.waarde]));

describe('the presentation follows the report’s selection', () => {
  it('without a selection: the whole project, with today as its one peildatum', async () => {
    const s = await project();
    const d = titel(unwrap(await s.getPresentatie()));
    expect(d.titel).toBe('Enschede West');
    expect(kern(d)).toMatchObject({ Organisaties: '3', Voorzieningen: '1' });
    // FIXED_NOW is 23 November 2026: one date, in Dutch, no list of moments.
    expect(d.notitie).toBe('Stand van de sociale basis, 23 november 2026');
    expect(d.gebieden).toBeUndefined();
    expect(unwrap(await s.getPresentatie(null))).toEqual(unwrap(await s.getPresentatie()));
  });

  it('with a selection: the title slide counts its gebieden and names its peildatum', async () => {
    const s = await project();
    const heel = titel(unwrap(await s.getPresentatie()));
    const dias = unwrap(await s.getPresentatie({ gebieden: ['BU01530711'], peildatum: '2024-05-01' }));
    const d = titel(dias);
    expect(d.titel).toBe('Enschede West');
    expect(d.gebieden).toBe('Stadsveld-Zuid');
    expect(d.notitie).toBe('Stand van de sociale basis, 1 mei 2024');
    expect(kern(d)).toMatchObject({ Organisaties: '1', Voorzieningen: '0' });

    const bw = titel(unwrap(await s.getPresentatie({ gebieden: ['BU01530710'], peildatum: '2024-05-01' })));
    expect(bw.gebieden).toBe('Boswinkel-De Braker');
    expect(kern(bw)).toMatchObject({ Organisaties: '2', Voorzieningen: '1' });

    // The hiaten of the selection are those of the report's gap section for the same choice.
    const rapport = unwrap(
      await s.getRapport({ gebieden: ['BU01530710'], peildatum: '2024-05-01', secties: ['hiaten'] }),
    );
    const hia = Object.fromEntries(rapport.secties[0]!.kerngetallen.map((k) => [k.label, Number(k.waarde)]));
    const ernstig = Object.values(hia)[0]! + Object.values(hia)[1]!;
    expect(kern(bw)['Hiaten']).toBe(String(ernstig));
    // Never more hiaten than the whole project has.
    expect(Number(kern(bw)['Hiaten'])).toBeLessThanOrEqual(Number(kern(heel)['Hiaten']));

    // The wijk covers both buurten.
    const wijk = titel(unwrap(await s.getPresentatie({ gebieden: ['WK015307'], peildatum: '2024-05-01' })));
    expect(kern(wijk)).toMatchObject({ Organisaties: '3', Voorzieningen: '1' });
    expect(wijk.gebieden).toBe('Wijk 07 West');
  });

  it('the map, gap and network slides are of the selection; a saved network view keeps its own filter', async () => {
    const s = await project();
    const dias = unwrap(await s.getPresentatie({ gebieden: ['BU01530711'], peildatum: '2024-05-01' }));
    expect(dias.map((d) => d.soort)).toEqual(['titel', 'kaart', 'hiaten', 'netwerk']);
    const hiaten = dias.find((d) => d.soort === 'hiaten')!;
    expect(hiaten.tabel!.rijen.map((r) => r[0])).toEqual(['Stadsveld-Zuid']);
    const netwerk = dias.find((d) => d.soort === 'netwerk')!;
    expect(netwerk.svg).toContain('Buurthuis Stadsveld');
    expect(netwerk.svg).not.toContain('Inloop De Braker');
    const heel = unwrap(await s.getPresentatie());
    expect(heel.find((d) => d.soort === 'hiaten')!.tabel!.rijen.length).toBeGreaterThan(1);
    expect(heel.find((d) => d.soort === 'netwerk')!.svg).toContain('Inloop De Braker');

    unwrap(
      await s.saveWeergave(null, {
        naam: 'Netwerk West',
        soort: 'netwerk',
        instellingen: { filter: { metVoorzieningen: true } },
        titel: 'Wie werkt met wie in West',
      }),
    );
    const met = unwrap(await s.getPresentatie({ gebieden: ['BU01530711'], peildatum: '2024-05-01' }));
    expect(met.find((d) => d.soort === 'netwerk')!.svg).toContain('Inloop De Braker');
  });

  it('with a selection in English: the slides are in the report’s language, the same figures', async () => {
    const s = await project();
    const keuze = { gebieden: ['BU01530710'], peildatum: '2024-05-01' };
    const nl = unwrap(await s.getPresentatie(keuze));
    const en = unwrap(await s.getPresentatie({ ...keuze, taal: 'en' }));
    expect(en.map((d) => d.soort)).toEqual(nl.map((d) => d.soort));
    const d = titel(en);
    expect(d.notitie).toBe('State of the sociale basis, 1 May 2024');
    expect(kern(d)).toEqual({
      Organisations: kern(titel(nl))['Organisaties'],
      Services: kern(titel(nl))['Voorzieningen'],
      Gaps: kern(titel(nl))['Hiaten'],
    });
    expect(en.map((x) => x.titel).slice(1)).toEqual([
      'Gaps per neighbourhood',
      'Gaps per neighbourhood and life domain',
      'The network of the sociale basis',
    ]);
    const matrix = en.find((x) => x.soort === 'hiaten')!.tabel!;
    expect(matrix.kolommen[0]!.titel).toBe('Neighbourhood');
    expect(matrix.bron).toBe('CBS, Cognos and the social map');
    // The cells name the severity in English; the renderer knows them (renderer/features/presentatie/logic.ts).
    const cellen = matrix.rijen.flatMap((r) => r.slice(1)).filter((c): c is string => typeof c === 'string');
    expect(cellen.length).toBeGreaterThan(0);
    expect(cellen.every((c) => ['Serious gap', 'Gap', 'Attention', 'No gap', 'No data'].includes(c))).toBe(true);
    const netwerk = en.find((x) => x.soort === 'netwerk')!;
    // The plate has no caption on a slide: what sizes mean goes in the slide's line above its source.
    expect(netwerk.bron).toBe('Social map');
    expect(netwerk.noot).toMatch(/^Size = /);
    expect(netwerk.svg).not.toContain('Bron:');
    // Without a selection: Dutch, as before.
    expect(titel(unwrap(await s.getPresentatie())).notitie).toMatch(/^Stand van de sociale basis/);
  });

  it('refuses a wrong peildatum or an unknown gebied with a Dutch message code', async () => {
    const s = await project();
    const fout = await s.getPresentatie({ gebieden: ['BU01530711'], peildatum: '1 mei' });
    expect(fout.ok).toBe(false);
    if (!fout.ok) expect(fout.error.code).toBe('invoer.ongeldig');
    const onbekend = await s.getPresentatie({ gebieden: ['BU99999999'], peildatum: '2024-05-01' });
    expect(onbekend.ok).toBe(false);
    if (!onbekend.ok) expect(onbekend.error.code).toBe('rapport.onbekend-gebied');
  });
});

describe('the order of the slides', () => {
  it('keeps a new order over all kinds, follows it in the presentation, and undoes it in one step', async () => {
    const s = await project();
    const maak = async (soort: 'kaart' | 'hiaten' | 'netwerk', naam: string) =>
      unwrap(await s.saveWeergave(null, { naam, soort, instellingen: {}, titel: naam })).result.id;
    const kaart = await maak('kaart', 'Kaart');
    const hiaten = await maak('hiaten', 'Hiaten');
    const netwerk = await maak('netwerk', 'Netwerk');
    const volgorde = async () => unwrap(await s.getPresentatie()).map((d) => d.titel);
    // New views go to the end, whatever their kind.
    expect(await volgorde()).toEqual(['Enschede West', 'Kaart', 'Hiaten', 'Netwerk']);

    const r = unwrap(await s.reorderWeergaven([netwerk, kaart, hiaten]));
    expect(r.undo.ongedaanMaken).toBe('Volgorde van de dia’s gewijzigd');
    expect(await volgorde()).toEqual(['Enschede West', 'Netwerk', 'Kaart', 'Hiaten']);
    const vierde = await maak('kaart', 'Nog een kaart');
    expect(await volgorde()).toEqual(['Enschede West', 'Netwerk', 'Kaart', 'Hiaten', 'Nog een kaart']);

    unwrap(await s.undo());
    unwrap(await s.undo());
    expect(await volgorde()).toEqual(['Enschede West', 'Kaart', 'Hiaten', 'Netwerk']);
    unwrap(await s.redo());
    expect(await volgorde()).toEqual(['Enschede West', 'Netwerk', 'Kaart', 'Hiaten']);

    // A list that misses a view, names one twice or an unknown one is refused, and nothing changes.
    for (const ids of [
      [netwerk, kaart],
      [netwerk, kaart, kaart],
      [netwerk, kaart, hiaten, vierde],
    ]) {
      const fout = await s.reorderWeergaven(ids);
      expect(fout.ok).toBe(false);
      if (!fout.ok) expect(fout.error.code).toBe('rapport.dias-veranderd');
    }
    expect(await volgorde()).toEqual(['Enschede West', 'Netwerk', 'Kaart', 'Hiaten']);
  });
});
