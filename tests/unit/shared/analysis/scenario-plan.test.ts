/**
 * The pilot plan's own medium scenario, row for row (issue 22): the Boswinkel plan's "Financiën" table reproduced
 * from the voorbeeldproject's scenario "Pilotplan medium scenario" (the model, and through the CLI); a scenario of
 * one line equals the simple case; build-ups and shares as edge cases.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemo } from '../../../../scripts/build-demo.mts';
import { tmpDir } from '../../../helpers/tmp';
import type { HiatenInput } from '../../../../shared/analysis/hiaten';
import {
  berekenScenario,
  regelsProbleem,
  scenarioRijen,
  STANDAARD_SCENARIO,
  type ScenarioParameters,
  type ScenarioRegel,
} from '../../../../shared/analysis/scenario';
import { scenarioSchema } from '../../../../shared/analysis/hiaten-schema';
import { createProjectService } from '../../../../shared/service/project-service';
import { unwrap } from '../../../../shared/result';
import { cli, cliDir } from '../../../helpers/cli';
import { FIXED_NOW, sha256, sql } from '../../../helpers/db';

/** The voorbeeldproject, built from its sources (the built file in renderer/public is not in git). */
let DEMO = '';
beforeAll(async () => {
  const t = tmpDir('wijkweb-scenario-plan-');
  DEMO = join(t.dir, 'voorbeeldproject.wijkweb');
  await buildDemo(DEMO, { log: () => undefined });
  return t.cleanup;
}, 60_000);
const NAAM = 'Pilotplan medium scenario';
const JAREN = [2024, 2025, 2026, 2027, 2028];

/** The plan's table (enschede-hulp-om-de-hoek-boswinkel-de-braker.txt, "Financiën", MEDIUM SCENARIO). */
const PLAN: Record<string, number[]> = {
  'Besparing 2e lijns WMO': [21596, 86385, 115180, 115180, 115180],
  'Besparing 2e lijns Jeugdhulp': [6885, 36337, 48449, 48449, 48449],
  'Subtotaal besparing': [28482, 122721, 163628, 163628, 163628],
  'Vervangende zorginzet': [11662, 46648, 62197, 62197, 62197],
  'Subtotaal rendement zorginzet': [16820, 76074, 101431, 101431, 101431],
  'Personele inzet intern WMO': [7974, 31896, 42528, 42528, 42528],
  'Personele inzet intern Jeugd': [2577, 34577, 46103, 46103, 46103],
  'Subtotaal investeringen': [10551, 66473, 88631, 88631, 88631],
  Rendement: [6269, 9600, 12800, 12800, 12800],
};

/** Every row of the plan within € 2 (the plan rounds to whole euros and its sums are off by a euro here and there). */
function expectPlan(rijen: Record<string, readonly number[]>) {
  expect(Object.keys(rijen)).toEqual(Object.keys(PLAN));
  for (const [label, plan] of Object.entries(PLAN)) {
    rijen[label]!.forEach((v, i) => {
      expect(Math.abs(Math.round(v) - plan[i]!), `${label} ${JAREN[i]}: ${v} vs ${plan[i]}`).toBeLessThanOrEqual(2);
    });
  }
}

async function demoService() {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.openProject(new Uint8Array(readFileSync(DEMO)), 'voorbeeldproject.wijkweb'));
  return s;
}

describe('the voorbeeldproject’s "Pilotplan medium scenario"', () => {
  it('gives the plan’s table for 2024–2028, row for row, within € 2', async () => {
    const s = await demoService();
    const scenario = unwrap(await s.listScenarios()).find((x) => x.naam === NAAM);
    expect(scenario, 'the voorbeeldproject holds the pilot plan’s scenario').toBeDefined();
    expect(scenario!.parameters.toelichting).toMatch(/afgeleid/i);
    const u = unwrap(await s.berekenScenario(scenario!.parameters));
    expect(u.jaren).toEqual(JAREN);
    expectPlan(Object.fromEntries(scenarioRijen(u).map((r) => [r.label, r.bedragen])));
    // The indications it rests on: Boswinkel-De Braker on 2 april 2024, Wmo OB1–2 (68 + 41) and Jeugd OB1–2 (1 + 7).
    expect(u.regels.find((r) => r.id === 'wmo')!.indicaties).toBe(109);
    expect(u.regels.find((r) => r.id === 'jeugd')!.indicaties).toBe(8);
  });

  it('40% → 30%: every line from the counts and its share follow, the entered amounts stay; per buurt too', async () => {
    const s = await demoService();
    const p = unwrap(await s.listScenarios()).find((x) => x.naam === NAAM)!.parameters;
    const veertig = unwrap(await s.berekenScenario(p));
    const dertig = unwrap(await s.berekenScenario({ ...p, verschuiving: 0.3 }));
    const bedrag = (u: typeof veertig, id: string, i = 2) => u.regels.find((r) => r.id === id)!.bedragen[i]!;
    for (const id of ['wmo', 'jeugd', 'vervangend'])
      expect(bedrag(dertig, id)).toBeCloseTo(bedrag(veertig, id) * 0.75, 6);
    for (const id of ['personeel-wmo', 'personeel-jeugd']) expect(bedrag(dertig, id)).toBe(bedrag(veertig, id));
    expect(dertig.perJaar[2]!.rendement).toBeCloseTo(101431.8 * 0.75 - 88631, 0);
    // Per buurt: Boswinkel's lines from the counts, without the personnel (an amount of the whole pilot).
    expect(dertig.perGebied.map((g) => g.code)).toEqual(['BU01530201']);
    expect(dertig.perGebied[0]!.regels.map((r) => r.id)).toEqual(['wmo', 'jeugd', 'vervangend']);
    expect(dertig.alleenGeheel).toEqual(['personeel-wmo', 'personeel-jeugd']);
    expect(dertig.perGebied[0]!.perJaar[2]!.investeringen).toBe(0);
  });

  it('the report’s scenario section shows the same table (and so does its xlsx, which writes the report’s tables)', async () => {
    const s = await demoService();
    const scenario = unwrap(await s.listScenarios()).find((x) => x.naam === NAAM)!;
    const rapport = unwrap(
      await s.getRapport({
        gebieden: ['BU01530201'],
        peildatum: '2024-04-02',
        secties: ['scenario'],
        scenarioId: scenario.id,
      }),
    );
    const sectie = rapport.secties.find((x) => x.soort === 'scenario')!;
    const tabel = sectie.tabellen.find((x) => x.id === 'Scenario')!;
    expect(tabel.kolommen.map((k) => k.titel)).toEqual(['Regel', ...JAREN.map(String)]);
    expectPlan(
      Object.fromEntries(
        tabel.rijen.map((r) => [String(r[0]) === 'RENDEMENT' ? 'Rendement' : String(r[0]), r.slice(1).map(Number)]),
      ),
    );
    expect(sectie.alineas.join(' ')).toMatch(/afgeleid/i);
    expect(tabel.voetnoot).toContain('€ 2.641,74');
  });

  it('through the CLI: `scenario P --naam … --json` prints per year every line, the subtotals and the rendement', async () => {
    const dir = cliDir();
    copyFileSync(DEMO, join(dir, 'P.wijkweb'));
    const r = await cli(['scenario', 'P.wijkweb', '--naam', NAAM, '--json'], dir);
    expect(r.code, r.err).toBe(0);
    const uit = JSON.parse(r.out) as {
      scenario: string;
      jaren: {
        jaar: number;
        regels: Record<string, number>;
        subtotaalBesparing: number;
        vervangendeInzet: number;
        subtotaalRendementZorginzet: number;
        subtotaalInvesteringen: number;
        rendement: number;
      }[];
      regels: { id: string; indicaties?: number | string; producten?: { aantal: number | string }[] }[];
    };
    expect(uit.scenario).toBe(NAAM);
    expect(uit.jaren.map((j) => j.jaar)).toEqual(JAREN);
    const kolom = (f: (j: (typeof uit.jaren)[number]) => number) => uit.jaren.map(f);
    expectPlan({
      'Besparing 2e lijns WMO': kolom((j) => j.regels['Besparing 2e lijns WMO']!),
      'Besparing 2e lijns Jeugdhulp': kolom((j) => j.regels['Besparing 2e lijns Jeugdhulp']!),
      'Subtotaal besparing': kolom((j) => j.subtotaalBesparing),
      'Vervangende zorginzet': kolom((j) => j.regels['Vervangende zorginzet']!),
      'Subtotaal rendement zorginzet': kolom((j) => j.subtotaalRendementZorginzet),
      'Personele inzet intern WMO': kolom((j) => j.regels['Personele inzet intern WMO']!),
      'Personele inzet intern Jeugd': kolom((j) => j.regels['Personele inzet intern Jeugd']!),
      'Subtotaal investeringen': kolom((j) => j.subtotaalInvesteringen),
      Rendement: kolom((j) => j.rendement),
    });
    // Small counts stay hidden: Jeugd OB1 in Boswinkel is 1.
    const jeugd = uit.regels.find((x) => x.id === 'jeugd')!;
    expect(jeugd.indicaties).toBe(8);
    expect(jeugd.producten!.map((x) => x.aantal)).toContain('<5');

    // The text table, and 30% without saving it.
    const tekst = await cli(['scenario', 'P.wijkweb', '--naam', NAAM, '--verschuiving', '30%'], dir);
    expect(tekst.code, tekst.err).toBe(0);
    expect(tekst.out).toMatch(/Besparing 2e lijns WMO\s+€ 16\.197\s+€ 64\.789\s+€ 86\.385/);
    expect(tekst.out).toMatch(/RENDEMENT\s+€ 2\.063\s+−€ 9\.418/);
    const weer = await cli(['scenario', 'P.wijkweb', '--naam', NAAM, '--json'], dir);
    // --verschuiving did not save: the saved scenario still gives the plan's 12.800 (12.801 unrounded).
    expect(Math.round((JSON.parse(weer.out) as typeof uit).jaren[2]!.rendement)).toBe(12801);
    // Unknown name: a Dutch error naming the saved ones.
    const fout = await cli(['scenario', 'P.wijkweb', '--naam', 'Bestaat niet'], dir);
    expect(fout.code).toBe(1);
    expect(fout.err).toContain(NAAM);
  });
});

// ------------------------------------------------------------------ the model on its own

const meting = (gebied: string, wet: string, ob: number, waarde: number) => ({
  gebied,
  maat: 'toewijzingen',
  wet,
  ondersteuningsbehoefte: ob,
  vorm: null,
  product: `OB${ob} ${wet}`,
  waarde,
  onderdrukt: false,
});
const input: HiatenInput = {
  gebieden: [
    { code: 'BU1', naam: 'Boswinkel', wijkCode: null, cijfers: {} },
    { code: 'BU2', naam: 'Stadsveld', wijkCode: null, cijfers: {} },
  ],
  metingen: [
    meting('BU1', 'Wmo', 1, 68),
    meting('BU1', 'Wmo', 2, 41),
    meting('BU1', 'Jeugdwet', 2, 7),
    meting('BU2', 'Wmo', 1, 12),
    meting('BU2', 'Jeugdwet', 3, 9),
  ],
  voorzieningen: [],
  leefgebieden: [],
  periode: null,
} as unknown as HiatenInput;

const basis: ScenarioParameters = { ...STANDAARD_SCENARIO, startjaar: 2024, standaardTarief: 2500 };
const wmo: ScenarioRegel = {
  id: 'wmo',
  naam: 'Besparing Wmo',
  soort: 'besparing',
  bron: { type: 'indicaties', selectie: STANDAARD_SCENARIO.selectie },
};

describe('scenario lines', () => {
  it('a scenario of one line equals today’s simple result, year for year and per buurt', () => {
    const eenvoudig = berekenScenario(input, basis);
    // What the simple case always computed: n × shift × tariff × build-up; 38% of it as vervangende inzet.
    expect(eenvoudig.indicaties).toBe(121);
    eenvoudig.perJaar.forEach((j, i) => {
      const besparing = 121 * 0.4 * 2500 * basis.opbouw[i]!;
      expect(j.besparing).toBeCloseTo(besparing, 6);
      expect(j.vervangendeInzet).toBeCloseTo(besparing * 0.38, 6);
      expect(j.netto).toBeCloseTo(besparing * 0.62, 6);
      expect(j.investeringen).toBe(0);
      expect(j.rendement).toBeCloseTo(j.netto, 6);
      expect(j.minderIndicaties).toBeCloseTo(121 * 0.4 * basis.opbouw[i]!, 6);
    });
    // The same two lines written out give the same figures.
    const uitgeschreven = berekenScenario(input, {
      ...basis,
      regels: [
        wmo,
        {
          id: 'v',
          naam: 'Vervangend',
          soort: 'vervangende-inzet',
          bron: { type: 'aandeel', van: ['wmo'], aandeel: 0.38 },
        },
      ],
    });
    expect(uitgeschreven.perJaar).toEqual(eenvoudig.perJaar);
    expect(uitgeschreven.perGebied.map((g) => g.perJaar)).toEqual(eenvoudig.perGebied.map((g) => g.perJaar));
  });

  it('build-ups of 0% and 100%, a line that starts later, and a list shorter than the years', () => {
    const u = berekenScenario(input, {
      ...basis,
      opbouw: [0, 1, 1],
      regels: [
        { ...wmo, opbouw: [1] },
        {
          id: 'later',
          naam: 'Personeel vanaf het derde jaar',
          soort: 'investering',
          bron: { type: 'fte', fte: 0.5, kostenPerFte: 80000 },
          opbouw: [0, 0, 0.5, 1, 1],
        },
      ],
    });
    // The years are the longest list: five; a shorter one goes on at its last value.
    expect(u.jaren).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(u.regels[0]!.opbouw).toEqual([1, 1, 1, 1, 1]);
    expect(u.regels[0]!.bedragen.map(Math.round)).toEqual(Array(5).fill(121000));
    expect(u.regels[1]!.bedragen).toEqual([0, 0, 20000, 40000, 40000]);
    expect(u.perJaar.map((j) => Math.round(j.rendement))).toEqual([121000, 121000, 101000, 81000, 81000]);
    // The scenario's own build-up (0, 1, 1) goes on at 1.
    expect(u.perJaar.map((j) => j.opbouw)).toEqual([0, 1, 1, 1, 1]);
  });

  it('a share of more lines, its own build-up; a line with its own shift and tariff', () => {
    const u = berekenScenario(input, {
      ...basis,
      regels: [
        wmo,
        {
          id: 'jeugd',
          naam: 'Besparing Jeugd',
          soort: 'besparing',
          bron: {
            type: 'indicaties',
            selectie: { maat: 'toewijzingen', wet: 'Jeugdwet', ondersteuningsbehoefte: [2, 3] },
            verschuiving: 0.2,
            standaardTarief: 15000,
          },
          opbouw: [0.5, 1],
        },
        {
          id: 'v',
          naam: 'Vervangend',
          soort: 'vervangende-inzet',
          bron: { type: 'aandeel', van: ['wmo', 'jeugd'], aandeel: 0.5 },
          opbouw: [1],
        },
      ],
    });
    const jeugd = 16 * 0.2 * 15000;
    expect(u.regels[1]!.volledigJaar).toBeCloseTo(jeugd, 6);
    expect(u.regels[1]!.bedragen).toEqual([jeugd * 0.5, jeugd, jeugd, jeugd, jeugd]);
    expect(u.regels[2]!.bedragen[0]).toBeCloseTo(0.5 * (121 * 0.4 * 2500 + jeugd), 6);
    // Per buurt: Boswinkel has 7 Jeugd OB2, Stadsveld 9 Jeugd OB3.
    expect(u.perGebied.map((g) => [g.code, g.regels[1]!.indicaties])).toEqual([
      ['BU1', 7],
      ['BU2', 9],
    ]);
    // The buurten add up to the whole for lines from counts and shares of them.
    const som = u.perGebied.reduce((t, g) => t + g.perJaar[2]!.rendement, 0);
    expect(som).toBeCloseTo(u.perJaar[2]!.rendement, 6);
  });

  it('refuses lines that cannot be computed, at the boundary', () => {
    const aandeel = (van: string[]): ScenarioRegel => ({
      id: 'a',
      naam: 'Aandeel',
      soort: 'vervangende-inzet',
      bron: { type: 'aandeel', van, aandeel: 0.4 },
    });
    expect(regelsProbleem([wmo, aandeel(['wmo'])])).toBeNull();
    expect(regelsProbleem([wmo, aandeel(['bestaat-niet'])])).toMatch(/bestaat niet/);
    expect(regelsProbleem([wmo, aandeel(['a'])])).toMatch(/ander aandeel/);
    expect(regelsProbleem([wmo, wmo])).toMatch(/twee keer/);
    expect(scenarioSchema.safeParse({ ...basis, regels: [wmo, aandeel(['x'])] }).success).toBe(false);
    expect(scenarioSchema.safeParse({ ...basis, regels: [{ ...wmo, opbouw: [1.5] }] }).success).toBe(false);
    expect(scenarioSchema.safeParse({ ...basis, regels: [wmo, aandeel(['wmo'])] }).success).toBe(true);
    // An old saved scenario (no lines) stays valid.
    expect(scenarioSchema.safeParse(STANDAARD_SCENARIO).success).toBe(true);
  });

  it('a count the user left out, or one suppressed by the source, is not in any line', () => {
    const u = berekenScenario(
      {
        ...input,
        metingen: [
          ...input.metingen,
          { ...meting('BU1', 'Wmo', 1, 500), uitgesloten: true },
          { ...meting('BU2', 'Wmo', 2, null as unknown as number), onderdrukt: true },
        ],
      } as HiatenInput,
      basis,
    );
    expect(u.indicaties).toBe(121);
    expect(u.onderdrukt).toBe(true);
  });
});

describe('the scenario in the service', () => {
  it('saves lines, opens them again, and refuses a share of a line that is not there in Dutch', async () => {
    const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
    unwrap(await s.createProject('Scenario'));
    const p: ScenarioParameters = { ...basis, regels: [wmo], toelichting: 'Uit het plan.' };
    const saved = unwrap(await s.saveScenario(null, 'Plan', p)).result;
    expect(unwrap(await s.listScenarios())[0]!.parameters).toEqual(p);
    expect(saved.naam).toBe('Plan');
    const r = await s.saveScenario(null, 'Fout', {
      ...basis,
      regels: [
        wmo,
        { id: 'x', naam: 'X', soort: 'vervangende-inzet', bron: { type: 'aandeel', van: ['y'], aandeel: 1 } },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invoer.ongeldig');
  });
});
