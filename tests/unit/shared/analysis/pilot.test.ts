/**
 * The Pilotmonitor (issue 18): goal evaluation (direction, target value, baseline missing, data missing → "geen
 * gegevens", never a status guessed; since when; flows per year over comparable months without double counting),
 * the afhandeling shares per quarter and the evaluation questions' sentences, costs per year, capacity against
 * demand; and through the real service on a real sql.js project: the migration, the standard goals, hand tallies
 * with undo, and clear refusals.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  afhandelingPerPeriode,
  protectAfhandeling,
  capaciteitTegenVraag,
  evaluateDoel,
  evaluatieVragen,
  kostenPerJaar,
  maandenIn,
  periodeLabel,
  stroomOver,
  type AfhandelingRij,
  type Punt,
} from '../../../../shared/analysis/pilot';
import { standaardDoelen, type Doel } from '../../../../shared/model/pilot';
import { doelAfgeschermd } from '../../../../shared/report/pilot';
import { createProjectService } from '../../../../shared/service/project-service';
import { unwrap } from '../../../../shared/result';
import { FIXED_NOW, sha256, sql } from '../../../helpers/db';

const doel = (over: Partial<Doel>): Doel => ({
  id: 1,
  naam: 'Aanmeldingen niet hoger',
  criterium: 3,
  maat: 'aanmeldingen',
  gebied: 'BU01530201',
  wet: null,
  richting: 'niet_hoger',
  basisWaarde: null,
  basisVan: '2021-01-01',
  basisTot: '2023-12-31',
  doelWaarde: null,
  deadline: null,
  marge: 5,
  toelichting: null,
  volgorde: 1,
  ...over,
});
const periode = (van: string, tot: string, waarde: number, bron = 'cognos.xlsx'): Punt => ({
  van,
  tot,
  waarde,
  onvolledig: false,
  bronnen: [bron],
});
const moment = (tot: string, waarde: number): Punt => ({ van: null, tot, waarde, onvolledig: false, bronnen: ['s'] });
const maand = (j: number, m: number) => {
  const mm = String(m).padStart(2, '0');
  const dag = new Date(Date.UTC(j, m, 0)).getUTCDate();
  return [`${j}-${mm}-01`, `${j}-${mm}-${dag}`] as const;
};

/** Three baseline years of 360 a year, then months of the pilot year. */
const jaren = [
  periode('2021-01-01', '2021-12-31', 348),
  periode('2022-01-01', '2022-12-31', 360),
  periode('2023-01-01', '2023-12-31', 372),
];
const maanden = (per: number, aantal = 4) =>
  Array.from({ length: aantal }, (_, i) => periode(...maand(2024, i + 1), per));

describe('a flow: per year over the months counted', () => {
  it('months of a period and a window of whole periods', () => {
    expect(maandenIn('2024-01-01', '2024-03-31')).toBe(3);
    expect(maandenIn('2021-01-01', '2023-12-31')).toBe(36);
    expect(periodeLabel('2024-04-01', '2024-06-30')).toBe('Q2 2024');
    expect(periodeLabel('2021-01-01', '2023-12-31')).toBe('2021–2023');
    expect(periodeLabel('2024-01-01', '2024-04-30')).toBe('jan–apr 2024');
    expect(periodeLabel('2024-04-01', '2024-04-30')).toBe('april 2024');
  });

  it('a year total next to its months is counted once (the months)', () => {
    const punten = [
      periode('2023-01-01', '2023-12-31', 999),
      ...Array.from({ length: 12 }, (_, i) => periode(...maand(2023, i + 1), 30)),
    ];
    const w = stroomOver(punten, '2023-01-01', '2023-12-31')!;
    expect(w.waarde).toBe(360);
    expect(w.maanden).toBe(12);
    expect(w.omgerekend).toBe(false);
  });

  it('four months are scaled to a year and say so', () => {
    const w = stroomOver(maanden(25), '2024-01-01', '2024-12-31')!;
    expect(w.waarde).toBe(300);
    expect(w.omgerekend).toBe(true);
  });
});

describe('evaluating a goal', () => {
  it('equal or lower: lower is op koers, within the margin aandacht, above it niet op koers', () => {
    const basis = evaluateDoel(doel({}), [...jaren, ...maanden(25)], '2024-04-30');
    expect(basis.basis?.waarde).toBe(360);
    expect(basis.huidig?.waarde).toBe(300);
    expect(basis.status).toBe('op_koers');
    expect(basis.zin).toBe(
      'Op koers sinds 31 januari 2024: 300 aanmeldingen per jaar (jan–apr 2024, omgerekend naar een jaar) tegen 360 aanmeldingen per jaar (2021–2023).',
    );
    expect(evaluateDoel(doel({}), [...jaren, ...maanden(31)], '2024-04-30').status).toBe('aandacht'); // 372 ≤ 378
    expect(evaluateDoel(doel({}), [...jaren, ...maanden(35)], '2024-04-30').status).toBe('niet_op_koers');
  });

  it('since when: the first moment of the last run of equal statuses', () => {
    const punten = [
      ...jaren,
      periode(...maand(2024, 1), 40),
      periode(...maand(2024, 2), 22),
      periode(...maand(2024, 3), 20),
    ];
    const e = evaluateDoel(doel({}), punten, '2024-03-31');
    expect(e.trend.map((t) => t.status)).toEqual(['niet_op_koers', 'aandacht', 'op_koers']);
    expect(e.status).toBe('op_koers');
    expect(e.sinds).toBe('2024-03-31');
  });

  it('up: equal is aandacht, up is op koers, down beyond the margin niet op koers', () => {
    const d = doel({ maat: 'tevredenheid', richting: 'hoger', basisVan: null, basisTot: '2023-12-31' });
    expect(evaluateDoel(d, [moment('2023-10-31', 7.1), moment('2024-04-30', 7.4)], '2024-06-30').status).toBe(
      'op_koers',
    );
    expect(evaluateDoel(d, [moment('2023-10-31', 7.1), moment('2024-04-30', 7.1)], '2024-06-30').status).toBe(
      'aandacht',
    );
    expect(evaluateDoel(d, [moment('2023-10-31', 7.1), moment('2024-04-30', 6.5)], '2024-06-30').status).toBe(
      'niet_op_koers',
    );
  });

  it('a target value with a deadline: on the straight line from the baseline is op koers, behind it aandacht', () => {
    const d = doel({
      maat: 'collectief_aanbod',
      richting: 'hoger',
      basisVan: null,
      basisTot: '2024-01-01',
      doelWaarde: 40,
      deadline: '2025-01-01',
    });
    // Halfway through the year the line expects 30 (from 20 to 40).
    const half = evaluateDoel(d, [moment('2024-01-01', 20), moment('2024-07-02', 31)], '2024-07-02');
    expect(half.verwacht).toBeCloseTo(30, 0);
    expect(half.status).toBe('op_koers');
    expect(evaluateDoel(d, [moment('2024-01-01', 20), moment('2024-07-02', 25)], '2024-07-02').status).toBe('aandacht');
    expect(evaluateDoel(d, [moment('2024-01-01', 20), moment('2024-07-02', 15)], '2024-07-02').status).toBe(
      'niet_op_koers',
    );
    // Reached is op koers; past the deadline and not reached is niet op koers.
    expect(evaluateDoel(d, [moment('2024-01-01', 20), moment('2024-07-02', 41)], '2024-07-02').status).toBe('op_koers');
    expect(evaluateDoel(d, [moment('2024-01-01', 20), moment('2025-03-01', 39)], '2025-03-01').status).toBe(
      'niet_op_koers',
    );
  });

  it('never guesses: no baseline, no value after it, no baseline moment → geen gegevens with the reason', () => {
    const zonderBasis = evaluateDoel(doel({}), maanden(25), '2024-04-30');
    expect(zonderBasis).toMatchObject({ status: 'geen_gegevens', reden: 'basis-ontbreekt', trend: [] });
    expect(zonderBasis.zin).toBe('Geen gegevens: er is geen waarde voor de periode van de nulmeting.');
    const zonderWaarde = evaluateDoel(doel({}), jaren, '2024-04-30');
    expect(zonderWaarde).toMatchObject({ status: 'geen_gegevens', reden: 'waarde-ontbreekt' });
    expect(zonderWaarde.zin).toContain('nulmeting 360 aanmeldingen per jaar (2021–2023)');
    expect(evaluateDoel(doel({ basisTot: null, basisVan: null }), jaren, '2024-04-30').reden).toBe('start-ontbreekt');
    // An entered baseline is used and named as entered.
    const ingevoerd = evaluateDoel(doel({ basisWaarde: 400 }), maanden(25), '2024-04-30');
    expect(ingevoerd.status).toBe('op_koers');
    expect(ingevoerd.zin).toContain('ingevoerd');
  });

  it('a share is over a quarter, weighted by its counts, not a mean of monthly percentages', () => {
    const deel = (m: number, pct: number, n: number): Punt => ({ ...periode(...maand(2024, m), pct), noemer: n });
    const d = doel({ maat: 'voorliggend_aandeel', richting: 'hoger', basisVan: null, basisTot: '2024-03-31' });
    // Baseline Q1: 10% of 10, 20% of 10, 40% of 30 → 15 of 50 = 30%. Now Q2: 50% of 10, 35% of 20, 30% of 10 → 15/40.
    const punten = [
      deel(1, 10, 10),
      deel(2, 20, 10),
      deel(3, 40, 30),
      deel(4, 50, 10),
      deel(5, 35, 20),
      deel(6, 30, 10),
    ];
    const e = evaluateDoel(d, punten, '2024-06-30');
    expect(e.basis?.waarde).toBeCloseTo(30);
    expect(e.huidig?.waarde).toBeCloseTo(37.5);
    expect(e.status).toBe('op_koers');
    expect(e.zin).toBe('Op koers sinds 30 april 2024: 38% (Q2 2024) tegen 30% (Q1 2024).');
    // The counts behind it travel with it, for the small-count rule of the report and the CLI.
    expect(e.huidig?.noemer).toBe(40);
    const weinig = evaluateDoel(d, [deel(1, 10, 10), deel(4, 50, 4)], '2024-06-30');
    expect(doelAfgeschermd(weinig, { aan: true, drempel: 5 })).toBe(true);
    expect(doelAfgeschermd(e, { aan: true, drempel: 5 })).toBe(false);
  });

  it('English sentences', () => {
    const e = evaluateDoel(doel({}), [...jaren, ...maanden(25)], '2024-04-30', 'en');
    expect(e.zin).toBe(
      'On course since 31 January 2024: 300 aanmeldingen a year (Jan–Apr 2024, scaled to a year) against 360 aanmeldingen a year (2021–2023).',
    );
  });

  it('the standard goals follow the plan: three years before the start, three years to go', () => {
    const d = standaardDoelen('BU01530201', '2024-09-01');
    expect(d.map((x) => [x.maat, x.richting, x.criterium])).toEqual([
      ['aanmeldingen', 'niet_hoger', 3],
      ['kosten', 'niet_hoger', 3],
      ['collectief_aanbod', 'hoger', 2],
      ['tevredenheid', 'hoger', 1],
    ]);
    expect(d[0]).toMatchObject({ basisVan: '2021-01-01', basisTot: '2024-08-31', deadline: '2027-09-01' });
  });
});

describe('afhandeling, costs, capacity, questions', () => {
  const rij = (j: number, m: number, categorie: string, waarde: number | null): AfhandelingRij => {
    const [van, tot] = maand(j, m);
    return { van, tot, categorie, waarde, bron: 'afhandeling.xlsx' };
  };
  const kwartaal = (j: number, m0: number, voorliggend: number, maatwerk: number, wijkteam: number) =>
    [0, 1, 2].flatMap((i) => [
      rij(j, m0 + i, 'voorliggend', voorliggend),
      rij(j, m0 + i, 'maatwerk', maatwerk),
      rij(j, m0 + i, 'wijkteam', wijkteam),
    ]);

  it('months become quarters with shares; a shielded count is listed, not guessed', () => {
    const p = afhandelingPerPeriode([
      ...kwartaal(2024, 1, 2, 4, 3),
      ...kwartaal(2024, 4, 4, 2, 4),
      rij(2024, 7, 'overig', null),
    ]);
    expect(p.map((x) => [x.label, x.totaal, x.maanden])).toEqual([
      ['Q1 2024', 27, 3],
      ['Q2 2024', 30, 3],
      ['Q3 2024', 0, 1],
    ]);
    expect(p[2]!.afgeschermd).toEqual(['overig']);
    const vragen = evaluatieVragen({
      perioden: p.slice(0, 2),
      initiatieven: [],
      collectiefNu: 5,
      sinds: '2023-12-31',
      toewijzingen: null,
    });
    expect(vragen[0]!.antwoord).toBe(
      '40% van de aanmeldingen voorliggend opgelost in Q2 2024, was 22% in Q1 2024 (30 aanmeldingen).',
    );
    expect(vragen[3]!.antwoord).toContain(
      '20% van de aanmeldingen leidde tot een maatwerkindicatie in Q2 2024, was 44% in Q1 2024',
    );
    expect(
      evaluatieVragen({ perioden: [], initiatieven: [], collectiefNu: null, sinds: null, toewijzingen: null })[0]!
        .antwoord,
    ).toBe('Nog geen cijfers over de afhandeling.');
  });

  it('the small-count rule on a period: a small count as <5, the one that would give it away as x', () => {
    const [p] = afhandelingPerPeriode([
      rij(2024, 4, 'wijkteam', 10),
      rij(2024, 4, 'voorliggend', 12),
      rij(2024, 4, 'maatwerk', 7),
      rij(2024, 4, 'overig', 3),
    ]);
    const codes = ['wijkteam', 'voorliggend', 'maatwerk', 'overig'];
    const b = protectAfhandeling(p!, codes, { aan: true, drempel: 5 });
    expect(b.cellen).toEqual({ wijkteam: 10, voorliggend: 12, maatwerk: 'x', overig: '<5' });
    expect(b.totaal).toBe(32);
    expect(b.verborgen).toEqual(['maatwerk', 'overig']);
    expect(protectAfhandeling(p!, codes, { aan: false, drempel: 5 }).verborgen).toEqual([]);
    // The questions speak of the newest period without a small count.
    const q1 = afhandelingPerPeriode(kwartaal(2024, 1, 10, 10, 10));
    const vragen = evaluatieVragen({
      perioden: [...q1, p!],
      initiatieven: [],
      collectiefNu: null,
      sinds: null,
      toewijzingen: null,
      drempel: 5,
    });
    expect(vragen[0]!.antwoord).toBe('33% van de aanmeldingen voorliggend opgelost in Q1 2024 (90 aanmeldingen).');
  });

  it('costs per year: baseline years before the start, a part year marked by its months', () => {
    const k = kostenPerJaar(
      [
        { van: '2022-01-01', tot: '2022-12-31', wet: 'Wmo', waarde: 1_000_000, bron: 'f', afgeleid: false },
        { van: '2023-01-01', tot: '2023-12-31', wet: 'Wmo', waarde: 1_100_000, bron: 'f', afgeleid: false },
        { van: '2023-01-01', tot: '2023-12-31', wet: 'Jeugdwet', waarde: 600_000, bron: 'f', afgeleid: false },
        { van: '2024-01-01', tot: '2024-04-30', wet: 'Wmo', waarde: 350_000, bron: 'f', afgeleid: false },
      ],
      '2024-01-01',
    );
    expect(k.map((x) => [x.jaar, x.totaal, x.maanden, x.basisjaar])).toEqual([
      [2022, 1_000_000, 12, true],
      [2023, 1_700_000, 12, true],
      [2024, 350_000, 4, false],
    ]);
    expect(k[2]!.perJaar).toBe(1_050_000);
  });

  it('capacity: demand per fte against all gebieden together', () => {
    const { rijen, gemeente } = capaciteitTegenVraag([
      {
        code: 'A',
        naam: 'A',
        peildatum: '2024-01-01',
        fte: { wijkteam: 2 },
        fteTotaal: 2,
        aanmeldingen: 400,
        toewijzingen: 100,
      },
      {
        code: 'B',
        naam: 'B',
        peildatum: '2024-01-01',
        fte: { wijkteam: 4 },
        fteTotaal: 4,
        aanmeldingen: 400,
        toewijzingen: 100,
      },
      { code: 'C', naam: 'C', peildatum: '2024-01-01', fte: {}, fteTotaal: 0, aanmeldingen: null, toewijzingen: null },
    ]);
    expect(gemeente.aanmeldingenPerFte).toBeCloseTo(800 / 6);
    expect(rijen.map((r) => r.oordeel)).toEqual(['onderbezet', 'ruim', 'onbekend']);
  });
});

describe('through the service, on a real project', () => {
  const CBS = [
    'gwb_code_10;regio;gm_naam;recs;a_inw',
    'GM0153;Enschede;Enschede;Gemeente;161000',
    'WK015302;Wijk 02 West;Enschede;Wijk;20000',
    'BU01530201;Boswinkel-De Braker;Enschede;Buurt;3715',
    'BU01530202;Stadsveld-Zuid;Enschede;Buurt;4000',
  ].join('\n');
  type Service = ReturnType<typeof createProjectService>;
  let s: Service;
  beforeEach(async () => {
    s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
    unwrap(await s.createProject('Enschede West'));
    unwrap(await s.importCbs({ name: 'kwb-2023-enschede-west.csv', bytes: new TextEncoder().encode(CBS) }, {}));
  });

  it('a new project has the afhandeling list; an old project gets it on opening', async () => {
    const items = unwrap(await s.listTaxonomieen()).filter((i) => i.taxonomie === 'afhandeling');
    expect(items.map((i) => i.code)).toEqual(['wijkteam', 'voorliggend', 'maatwerk', 'overig']);
    const oud = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
    const bytes = new Uint8Array(readFileSync(new URL('../../../fixtures/project-v1.wijkweb', import.meta.url)));
    unwrap(await oud.openProject(bytes, 'project-v1.wijkweb'));
    const oudItems = unwrap(await oud.listTaxonomieen()).filter((i) => i.taxonomie === 'afhandeling');
    expect(oudItems.map((i) => i.code)).toEqual(['wijkteam', 'voorliggend', 'maatwerk', 'overig']);
  });

  it('refuses clearly and changes nothing', async () => {
    const zonder = await s.addStandaardDoelen();
    expect(zonder.ok ? null : zonder.error.code).toBe('pilot.onvolledig');
    const onbekend = await s.savePilot({ naam: 'P', gebied: 'BU99999999', start: '2024-01-01', eind: null });
    expect(onbekend.ok ? null : onbekend.error).toMatchObject({ code: 'invoer.ongeldig', params: { veld: 'gebied' } });
    const datum = await s.savePilot({ naam: 'P', gebied: 'BU01530201', start: '2024-02-30', eind: null });
    expect(datum.ok ? null : datum.error).toMatchObject({ code: 'invoer.ongeldig', params: { veld: 'start' } });
    const categorie = await s.saveTelling({
      gebied: 'BU01530201',
      maat: 'afhandeling',
      peildatum: null,
      periodeStart: '2024-04-01',
      periodeEind: '2024-04-30',
      waarden: [{ categorie: 'wachtlijst', waarde: 3 }],
    });
    expect(categorie.ok ? null : categorie.error).toMatchObject({ params: { veld: 'categorie' } });
    expect(unwrap(await s.listDoelen())).toEqual([]);
    expect(unwrap(await s.getPilot()).gebied).toBeNull();
  });

  it('a hand tally, the standard goals and the monitor; undo takes the tally back', async () => {
    unwrap(await s.savePilot({ naam: 'Hulp om de hoek', gebied: 'BU01530201', start: '2024-01-01', eind: null }));
    expect(unwrap(await s.addStandaardDoelen()).result).toBe(4);
    const tel = (van: string, tot: string, v: number, m: number, w: number) =>
      s.saveTelling({
        gebied: 'BU01530201',
        maat: 'afhandeling',
        peildatum: null,
        periodeStart: van,
        periodeEind: tot,
        waarden: [
          { categorie: 'voorliggend', waarde: v },
          { categorie: 'maatwerk', waarde: m },
          { categorie: 'wijkteam', waarde: w },
        ],
      });
    unwrap(await tel('2023-01-01', '2023-12-31', 80, 120, 160)); // 360 aanmeldingen in the baseline year
    unwrap(await tel('2024-01-01', '2024-03-31', 30, 20, 30)); // 80 in a quarter: 320 a year
    unwrap(
      await s.saveTelling({
        gebied: 'BU01530201',
        maat: 'tevredenheid',
        peildatum: '2023-10-31',
        periodeStart: null,
        periodeEind: null,
        waarden: [{ categorie: null, waarde: 7.1 }],
      }),
    );
    const m = unwrap(await s.getPilotmonitor());
    expect(m.peildatum).toBe('2024-03-31');
    const [aanmeldingen, kosten, aanbod, tevredenheid] = m.doelen;
    expect(aanmeldingen).toMatchObject({ status: 'op_koers', basis: { waarde: 360 }, huidig: { waarde: 320 } });
    expect(kosten).toMatchObject({ status: 'geen_gegevens', reden: 'basis-ontbreekt' });
    expect(aanbod).toMatchObject({ status: 'aandacht', basis: { waarde: 0 }, huidig: { waarde: 0 } });
    expect(tevredenheid).toMatchObject({ status: 'geen_gegevens', reden: 'waarde-ontbreekt' });
    expect(m.afhandeling.map((a) => a.label)).toEqual(['2023', 'Q1 2024']);
    expect(m.vragen[0]!.antwoord).toBe(
      '38% van de aanmeldingen voorliggend opgelost in Q1 2024, was 22% in 2023 (80 aanmeldingen).',
    );
    // The gap analysis does not take the monitor's counts for demand.
    const hiaten = unwrap(await s.getHiaten({}));
    expect(hiaten.periode ?? '').not.toContain('2024');

    // A correction of the same period replaces the hand tally; undo brings the first back.
    unwrap(await tel('2024-01-01', '2024-03-31', 10, 40, 30));
    expect(unwrap(await s.getPilotmonitor()).afhandeling[1]!.perCategorie.voorliggend).toBe(10);
    unwrap(await s.undo());
    expect(unwrap(await s.getPilotmonitor()).afhandeling[1]!.perCategorie.voorliggend).toBe(30);
  });

  it('capacity per gebied against its demand', async () => {
    unwrap(
      await s.saveCapaciteit([
        { gebied: 'BU01530201', peildatum: '2024-01-01', functie: 'wijkteam', fte: 2 },
        { gebied: 'BU01530201', peildatum: '2024-01-01', functie: 'opbouwwerk', fte: 0.5 },
        { gebied: 'BU01530202', peildatum: '2024-01-01', functie: 'wijkteam', fte: 4 },
      ]),
    );
    for (const [code, n] of [
      ['BU01530201', 300],
      ['BU01530202', 240],
    ] as const)
      unwrap(
        await s.saveTelling({
          gebied: code,
          maat: 'meldingen',
          peildatum: null,
          periodeStart: '2023-02-01',
          periodeEind: '2024-01-31',
          waarden: [{ categorie: null, waarde: n }],
        }),
      );
    const c = unwrap(await s.getPilotmonitor({ peildatum: '2024-01-31' })).capaciteit;
    expect(c.rijen.map((r) => [r.code, r.fteTotaal, r.aanmeldingen, r.oordeel])).toEqual([
      ['BU01530201', 2.5, 300, 'onderbezet'],
      ['BU01530202', 4, 240, 'ruim'],
    ]);
    // The wijk around both buurten: the buurten are not counted twice in the reference (only the wijk is).
    unwrap(await s.saveCapaciteit([{ gebied: 'WK015302', peildatum: '2024-01-01', functie: 'wijkteam', fte: 6 }]));
    const c2 = unwrap(await s.getPilotmonitor({ peildatum: '2024-01-31' })).capaciteit;
    expect(c2.gemeente).toMatchObject({ fte: 6, aanmeldingen: 540, aanmeldingenPerFte: 90 });
    expect(c2.rijen.map((r) => [r.code, r.oordeel])).toEqual([
      ['BU01530201', 'onderbezet'],
      ['BU01530202', 'ruim'],
      ['WK015302', 'gemiddeld'],
    ]);
    const bad = await s.saveCapaciteit([
      { gebied: 'BU01530201', peildatum: '2024-01-01', functie: 'wijkteam', fte: -1 },
    ]);
    expect(bad.ok).toBe(false);
  });
});
