import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { berekenHiaten, ERNST, type HiatenInput } from '../../../../shared/analysis/hiaten';
import { berekenScenario, STANDAARD_SCENARIO } from '../../../../shared/analysis/scenario';
import { seededRandom } from '../../../../shared/analysis/analyse';
import { createProjectService } from '../../../../shared/service/project-service';
import { unwrap } from '../../../../shared/result';
import { toCsv } from '../../../../shared/export/formats';
import { FIXED_NOW, sha256, sql } from '../../../helpers/db';

const fixture = (path: string) => ({
  name: path.split('/').pop()!,
  bytes: new Uint8Array(readFileSync(`tests/fixtures/${path}`)),
});
const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

/** Enschede West as in the pilot plan: Boswinkel–de Braker (3,715 inhabitants) and Stadsveld-Zuid. */
async function boswinkel() {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('Hulp om de hoek'));
  unwrap(await s.importCbs(fixture('cbs/kwb-2023-enschede-west-voorbeeld.csv'), {}));
  unwrap(await s.importCognos(fixture('cognos/boswinkel-toewijzingen-2024-04-02.xlsx'), {}));
  // The same peildatum for Stadsveld-Zuid and for the whole gemeente (the reference).
  unwrap(
    await s.importCognos(
      csv(
        'toewijzingen-west-2024-04-02.csv',
        'Buurt;Peildatum;Product;Aantal toewijzingen\n' +
          'Stadsveld-Zuid;2-4-2024;Ondersteuningsbehoefte 1 Wmo;12\n' +
          'Stadsveld-Zuid;2-4-2024;Ondersteuningsbehoefte 2 Wmo;8\n' +
          'Enschede;2-4-2024;Ondersteuningsbehoefte 1 Wmo;600\n' +
          'Enschede;2-4-2024;Ondersteuningsbehoefte 2 Wmo;380\n' +
          'Enschede;2-4-2024;Ondersteuningsbehoefte 3 Wmo;300\n',
      ),
      {},
    ),
  );
  // The supply list: a buurthuis for welzijn, nothing collective for zorg.
  unwrap(
    await s.importPartners(
      csv(
        'aanbod.csv',
        'Naam organisatie;Naam aanbod;Leefgebied;Collectief;Toegang;Buurt\n' +
          "Alifa;Wijkcentrum 't Nije Terphoes;welzijn;collectief;vrij toegankelijk;Boswinkel-De Braker\n" +
          'Wijkteam;Maatwerk begeleiding;zorg;individueel;op indicatie;Boswinkel-De Braker\n',
      ),
      {},
    ),
  );
  return s;
}

describe('hiaten: the Boswinkel example end to end', () => {
  it('shows the gap with its numbers, closes it with a collective offer, and marks a planned one', async () => {
    const s = await boswinkel();
    const h = unwrap(await s.getHiaten());
    expect(h.jaar).toBe(2023);
    const cel = h.cellen.find((c) => c.gebiedCode === 'BU01530710' && c.leefgebied === 'zorg')!;
    // Two demand rules, each at its one peildatum: 68 + 41 Wmo OB1–2 toewijzingen on 3,715 inhabitants = 29,3 per
    // 1.000 against the gemeente's own Cognos total (600 + 380 on 161,000 = 6,1); 42 Jeugdhulp toewijzingen with no
    // gemeente total: judged on the fixed levels (11,3 per 1.000 ≥ 10: aandacht).
    expect(cel.vraag).toBe(151);
    expect(cel.delen.map((d) => [d.regel, d.aantal, d.referentie?.bron ?? null, d.niveau])).toEqual([
      ['Wmo-maatwerk lichte ondersteuning (OB1–2)', 109, 'cognos-totaal', null],
      ['Jeugdhulp', 42, null, 'aandacht'],
    ]);
    expect(cel.delen[0]!.per1000).toBeCloseTo(29.34, 2);
    expect(cel.delen[0]!.referentie!.per1000).toBeCloseTo(6.09, 2);
    expect(cel.index).toBeCloseTo(29.34 / 6.087, 2);
    expect(cel.ernst).toBe('ernstig');
    expect(cel.basis).toEqual(['cognos']);
    expect(cel.toelichting).toContain(
      'Boswinkel-De Braker: 109 toewijzingen Wmo-maatwerk lichte ondersteuning (OB1–2) (peildatum 2 april 2024): 29,3 per 1.000 inwoners, gemeente 6,1 (Cognos Enschede)',
    );
    expect(cel.toelichting).toContain(
      '42 toewijzingen Jeugdhulp (peildatum 2 april 2024): 11,3 per 1.000 inwoners, geen vergelijking met de gemeente mogelijk',
    );
    expect(cel.toelichting).toContain('geen collectief vrij toegankelijk aanbod voor Zorg/Hulpverlening in de buurt');
    // Welzijn has the wijkcentrum: no gap there.
    expect(h.cellen.find((c) => c.gebiedCode === 'BU01530710' && c.leefgebied === 'welzijn')?.ernst).toBe('geen');
    // A buurt without any count is "geen gegevens", not "geen hiaat".
    expect(h.cellen.find((c) => c.gebiedCode === 'BU01530710' && c.leefgebied === 'wonen')?.ernst).toBe(
      'geen-gegevens',
    );
    // The first cell of the ranked list is the most severe.
    expect(h.cellen[0]!.ernst).toBe('ernstig');

    // Plan an initiative: "in voorbereiding" at once; set it active: the gap closes.
    const org = unwrap(await s.listOrganisaties()).find((o) => o.naam === 'Alifa')!;
    const plan = unwrap(
      await s.saveVoorziening(null, {
        naam: 'Samen eten Boswinkel',
        organisatieId: org.id,
        status: 'gepland',
        collectief: true,
        vrijToegankelijk: true,
        leefgebieden: ['zorg'],
        werkgebied: ['BU01530710'],
      }),
    ).result;
    const planned = unwrap(await s.getHiaten()).cellen.find(
      (c) => c.gebiedCode === 'BU01530710' && c.leefgebied === 'zorg',
    )!;
    expect(planned).toMatchObject({ ernst: 'ernstig', inVoorbereiding: true, aanbodGepland: [plan.id] });
    expect(planned.toelichting).toContain('(1 in voorbereiding)');
    unwrap(await s.saveVoorziening(plan.id, { ...plan, status: 'actief' }));
    const closed = unwrap(await s.getHiaten()).cellen.find(
      (c) => c.gebiedCode === 'BU01530710' && c.leefgebied === 'zorg',
    )!;
    expect(closed).toMatchObject({ ernst: 'geen', aanbodCollectief: [plan.id] });

    // The CLI table has the documented columns.
    const table = unwrap(await s.exportTable('hiaten'));
    expect(toCsv(table).split('\r\n')[0]).toBe(
      'gebied_code,gebied_naam,leefgebied,doelgroep,ernst,vraag,vraag_per_1000,gemeente_per_1000,aanbod_collectief,aanbod_gepland,toelichting,index,kwartiel,onderdrukt,grondslag,referentie,peildatum,controleer',
    );
  });

  it('says so when the demand rests on suppressed counts, and lets the thresholds be edited (undoable)', async () => {
    const s = await boswinkel();
    const jeugd = unwrap(await s.getHiaten()).cellen.find(
      (c) => c.gebiedCode === 'BU01530710' && c.leefgebied === 'onderwijs',
    )!;
    expect(jeugd.onderdrukt).toBe(true);
    expect(jeugd.toelichting).toContain('afgeschermd (<5)');
    // Jeugdhulp has no gemeente reference: it rests on the fixed levels, which the thresholds do not change.
    const h = unwrap(await s.getHiaten());
    unwrap(await s.saveHiatenInstellingen({ ...h.instellingen, drempels: { aandacht: 10, hiaat: 20, ernstig: 30 } }));
    expect(unwrap(await s.getHiaten()).cellen.some((c) => c.ernst === 'ernstig')).toBe(false);
    unwrap(await s.undo());
    expect(unwrap(await s.getHiaten()).cellen.some((c) => c.ernst === 'ernstig')).toBe(true);
    const bad = await s.saveHiatenInstellingen({ ...h.instellingen, drempels: { aandacht: 2, hiaat: 1, ernstig: 3 } });
    expect(bad.ok).toBe(false);
  });

  it('computes the scenario of the pilot plan: 40% of the Wmo OB1–2 indications, built up over the years', async () => {
    const s = await boswinkel();
    const uit = unwrap(
      await s.berekenScenario({
        ...STANDAARD_SCENARIO,
        startjaar: 2024,
        gebieden: ['BU01530710'],
        standaardTarief: 2500,
      }),
    );
    expect(uit.indicaties).toBe(109);
    // Full effect: 109 × 40% × € 2,500 = € 109,000 a year; the first year a quarter of that (0.1875).
    expect(uit.perJaar.map((j) => Math.round(j.besparing))).toEqual([20438, 81750, 109000, 109000, 109000]);
    expect(uit.perJaar[2]!.netto).toBeCloseTo(109000 * 0.62, 6);
    expect(uit.perGebied.map((g) => g.code)).toEqual(['BU01530710']);
    const saved = unwrap(await s.saveScenario(null, 'Medium 40%', { ...STANDAARD_SCENARIO, startjaar: 2024 })).result;
    expect(unwrap(await s.listScenarios())).toEqual([expect.objectContaining({ id: saved.id, naam: 'Medium 40%' })]);
    expect((await s.berekenScenario({ ...STANDAARD_SCENARIO, verschuiving: 2 })).ok).toBe(false);
  });
});

describe('hiaten: properties', () => {
  /** A random gemeente of buurten with counts, figures and offers. */
  function random(seed: number): HiatenInput {
    const rnd = seededRandom(seed);
    const n = 8;
    return {
      gebieden: Array.from({ length: n }, (_, i) => ({
        code: `BU${i}`,
        naam: `Buurt ${i}`,
        wijkCode: `WK${i % 2}`,
        cijfers: {
          inwoners: 500 + Math.floor(rnd() * 4000),
          leeftijd_65_plus: Math.floor(rnd() * 800),
          huishoudens: 900,
          eenpersoonshuishoudens: Math.floor(rnd() * 500),
          leeftijd_0_14: 300,
        },
      })),
      metingen: Array.from({ length: n * 2 }, (_, i) => ({
        gebied: `BU${i % n}`,
        maat: 'toewijzingen',
        wet: 'Wmo',
        ondersteuningsbehoefte: 1 + (i % 2),
        vorm: null,
        product: null,
        waarde: Math.floor(rnd() * 50),
        onderdrukt: false,
      })),
      voorzieningen: Array.from({ length: 5 }, (_, i) => ({
        id: i + 1,
        naam: `Aanbod ${i}`,
        organisatie: null,
        collectief: rnd() < 0.7,
        vrijToegankelijk: rnd() < 0.7,
        status: 'actief' as const,
        leefgebieden: [['zorg', 'welzijn', 'wonen'][i % 3]!],
        doelgroepen: [],
        werkgebied: [`BU${Math.floor(rnd() * n)}`],
        locatie: null,
      })),
      leefgebieden: [
        { code: 'zorg', label: 'Zorg' },
        { code: 'welzijn', label: 'Welzijn' },
        { code: 'wonen', label: 'Wonen' },
      ],
      periode: null,
    };
  }
  const rank = (e: string) => ERNST.indexOf(e as (typeof ERNST)[number]);
  const severity = (input: HiatenInput) =>
    new Map(berekenHiaten(input).map((c) => [`${c.gebiedCode}|${c.leefgebied}`, rank(c.ernst)]));

  it('adding supply never increases a gap; adding demand never decreases it; the order of the data does not matter', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const input = random(seed);
      const before = severity(input);
      const more = severity({
        ...input,
        voorzieningen: [
          ...input.voorzieningen,
          {
            id: 99,
            naam: 'Nieuw',
            organisatie: null,
            collectief: true,
            vrijToegankelijk: true,
            status: 'actief',
            leefgebieden: ['zorg'],
            doelgroepen: [],
            werkgebied: ['BU3'],
            locatie: null,
          },
        ],
      });
      for (const [k, v] of more) expect(v, `seed ${seed} ${k}`).toBeLessThanOrEqual(before.get(k)!);
      const demand = severity({
        ...input,
        metingen: [
          ...input.metingen,
          {
            gebied: 'BU2',
            maat: 'toewijzingen',
            wet: 'Wmo',
            ondersteuningsbehoefte: 1,
            vorm: null,
            product: null,
            waarde: 25,
            onderdrukt: false,
          },
        ],
      });
      for (const lg of ['zorg', 'welzijn']) {
        expect(demand.get(`BU2|${lg}`)!, `seed ${seed} ${lg}`).toBeGreaterThanOrEqual(before.get(`BU2|${lg}`)!);
      }
      const shuffled = berekenHiaten({
        ...input,
        gebieden: [...input.gebieden].reverse(),
        metingen: [...input.metingen].reverse(),
        voorzieningen: [...input.voorzieningen].reverse(),
      });
      expect(shuffled).toEqual(berekenHiaten(input));
    }
  });

  it("with a gemeente reference, a buurt's severity never depends on which other buurten have Cognos counts", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const input = random(seed);
      // The gemeente with its own CBS row and its own Cognos total at the same (unstated) moment.
      const metTotaal: HiatenInput = {
        ...input,
        gebieden: input.gebieden.map((g) => ({ ...g, gemeenteCode: 'GM0001' })),
        gemeenten: [{ code: 'GM0001', naam: 'Gemeente', wijkCode: null, cijfers: { inwoners: 40000 } }],
        metingen: [
          ...input.metingen,
          ...[1, 2].map((ob) => ({
            gebied: 'GM0001',
            maat: 'toewijzingen',
            wet: 'Wmo',
            ondersteuningsbehoefte: ob,
            vorm: null,
            product: null,
            waarde: 150,
            onderdrukt: false,
          })),
        ],
      };
      const alle = severity(metTotaal);
      for (const g of metTotaal.gebieden) {
        const alleen = severity({
          ...metTotaal,
          metingen: metTotaal.metingen.filter((m) => m.gebied === g.code || m.gebied === 'GM0001'),
        });
        for (const lg of ['zorg', 'welzijn', 'wonen'])
          expect(alleen.get(`${g.code}|${lg}`), `seed ${seed} ${g.code} ${lg}`).toBe(alle.get(`${g.code}|${lg}`));
      }
    }
  });

  it('a comparison resting on age shares alone is at most aandacht, also next to a Cognos count without a reference', () => {
    const input: HiatenInput = {
      gebieden: [
        { code: 'BU00010001', naam: 'Jong', wijkCode: null, cijfers: { inwoners: 2000, leeftijd_0_14: 700 } },
        { code: 'BU00010002', naam: 'Oud', wijkCode: null, cijfers: { inwoners: 8000, leeftijd_0_14: 300 } },
      ],
      gemeenten: [
        { code: 'GM0001', naam: 'Gemeente', wijkCode: null, cijfers: { inwoners: 10000, leeftijd_0_14: 1000 } },
      ],
      metingen: [
        {
          gebied: 'BU00010001',
          maat: 'toewijzingen',
          wet: 'Jeugdwet',
          ondersteuningsbehoefte: 1,
          vorm: null,
          product: 'OB1 Jeugd',
          waarde: 12,
          onderdrukt: false,
        },
      ],
      voorzieningen: [],
      leefgebieden: [{ code: 'onderwijs', label: 'Onderwijs' }],
      periode: null,
    };
    const [cel] = berekenHiaten(input).filter((c) => c.gebiedCode === 'BU00010001');
    // Children 35% against 10%: a high index, but only from an age share; 12 Jeugdhulp counts (6 per 1.000) stay
    // under the fixed levels.
    expect(cel!.index).toBeGreaterThan(3);
    expect(cel!.basis).toEqual(['cognos', 'cbs-demografie']);
    expect(cel!.ernst).toBe('aandacht');
  });

  it('hides a demand that would give a small count away, but keeps its severity and says why', () => {
    const input: HiatenInput = {
      gebieden: [{ code: 'BU00010001', naam: 'Oost', wijkCode: null, cijfers: { inwoners: 1000 } }],
      gemeenten: [{ code: 'GM0001', naam: 'Gemeente', wijkCode: null, cijfers: { inwoners: 100000 } }],
      metingen: [
        {
          gebied: 'BU00010001',
          maat: 'toewijzingen',
          wet: 'Wmo',
          ondersteuningsbehoefte: 1,
          vorm: null,
          product: 'OB1',
          waarde: 40,
          onderdrukt: false,
        },
        {
          gebied: 'BU00010001',
          maat: 'toewijzingen',
          wet: 'Wmo',
          ondersteuningsbehoefte: 2,
          vorm: null,
          product: 'OB2',
          waarde: 3,
          onderdrukt: false,
        },
        {
          gebied: 'GM0001',
          maat: 'toewijzingen',
          wet: 'Wmo',
          ondersteuningsbehoefte: 1,
          vorm: null,
          product: 'OB1',
          waarde: 900,
          onderdrukt: false,
        },
        {
          gebied: 'GM0001',
          maat: 'toewijzingen',
          wet: 'Wmo',
          ondersteuningsbehoefte: 2,
          vorm: null,
          product: 'OB2',
          waarde: 300,
          onderdrukt: false,
        },
      ],
      voorzieningen: [],
      leefgebieden: [{ code: 'zorg', label: 'Zorg' }],
      periode: null,
    };
    const open = berekenHiaten(input)[0]!;
    expect(open).toMatchObject({ ernst: 'ernstig', afgeschermd: false, vraag: 43 });
    // 43 next to the OB1 count of 40 (shown in Metingen) gives the OB2 count of 3 away: hidden, severity kept.
    const [cel] = berekenHiaten(input, undefined, { drempel: 5 });
    expect(cel).toMatchObject({ ernst: 'ernstig', afgeschermd: true });
    expect(cel!.toelichting).toContain('vraag afgeschermd');
    expect(cel!.toelichting).toContain('hoog ten opzichte van de gemeente');
    expect(cel!.toelichting).not.toMatch(/\b43\b|43,0/);
    // A count at or above the threshold, with no small part in it, is shown.
    const groot = berekenHiaten(
      { ...input, metingen: input.metingen.map((m) => (m.waarde === 3 ? { ...m, waarde: 12 } : m)) },
      undefined,
      { drempel: 5 },
    )[0]!;
    expect(groot.afgeschermd).toBe(false);
    expect(groot.toelichting).toContain('52 toewijzingen');
  });

  it('the scenario scales with the share that moves', () => {
    const input = random(3);
    const a = berekenScenario(input, { ...STANDAARD_SCENARIO, verschuiving: 0.2 });
    const b = berekenScenario(input, { ...STANDAARD_SCENARIO, verschuiving: 0.4 });
    expect(b.perJaar[2]!.besparing).toBeCloseTo(2 * a.perJaar[2]!.besparing, 6);
  });
});

describe('hiaten in the network', () => {
  it('marks the buurt with a gap and the voorzieningen that could serve it', async () => {
    const s = await boswinkel();
    const org = unwrap(await s.listOrganisaties()).find((o) => o.naam === 'Alifa')!;
    // An individual zorg offer in the wijk: it could serve the gap; the buurthuis (welzijn) could not.
    const zorg = unwrap(
      await s.saveVoorziening(null, {
        naam: 'Thuisbegeleiding West',
        organisatieId: org.id,
        collectief: false,
        vrijToegankelijk: false,
        leefgebieden: ['zorg'],
        werkgebied: ['BU01530711'],
      }),
    ).result;
    const data = unwrap(await s.getNetwerk());
    const buurt = data.knopen.find((k) => k.id === 'g:BU01530710');
    expect(buurt?.hiaten).toContain('zorg');
    expect(data.knopen.find((k) => k.id === `v${zorg.id}`)?.hiaten).toEqual(['BU01530710']);
    expect(data.knopen.find((k) => k.naam === "Wijkcentrum 't Nije Terphoes")?.hiaten).toBeUndefined();
  });
});
