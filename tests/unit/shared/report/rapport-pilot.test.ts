/**
 * The Pilotmonitor in the stuurgroep pack (issue 18): the report's first section (statuses, sentences with their
 * numbers and sources, the afhandeling per quarter under the small-count rule, the costs in euros never hidden,
 * `--secties pilot`, English), the xlsx sheets, the two slides, and the CLI exports `doelen` and `afhandeling`. The
 * project is built here: the CBS figures of Enschede West, the pilot "Hulp om de hoek" in Boswinkel-De Braker with
 * goals, tallies and capacity entered through the service.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { unwrap } from '../../../../shared/result';
import { rapportHtml } from '../../../../shared/report/html';
import { rapportXlsx } from '../../../../shared/report/xlsx';
import type { Rapport, RapportTabel } from '../../../../shared/report/model';
import { BOSWINKEL, pilotProject as project } from '../../../helpers/pilot-project';
import { cli, cliDir } from '../../../helpers/cli';

const PEILDATUM = '2024-04-30';

const tabel = (r: Rapport, id: string): RapportTabel => {
  const t = r.secties.flatMap((s) => s.tabellen).find((x) => x.id === id);
  expect(t, id).toBeDefined();
  return t!;
};

describe('the Pilotmonitor section of the report', () => {
  it('opens the report: per goal the status, since when and the sentence with its numbers and sources', async () => {
    const s = await project();
    const r = unwrap(await s.getRapport({ gebieden: [BOSWINKEL], peildatum: PEILDATUM }));
    expect(r.secties.map((x) => x.soort)).toEqual([
      'pilot',
      'kerncijfers',
      'metingen',
      'netwerk',
      'veranderingen',
      'hiaten',
      'scenario',
      'bijlagen',
    ]);
    const pilot = r.secties[0]!;
    expect(pilot.titel).toBe('Pilotmonitor');
    expect(pilot.alineas[0]).toBe(
      'Hulp om de hoek in Boswinkel-De Braker, gestart op 1 januari 2024. Per doel hieronder de stand, sinds wanneer en op welke cijfers; de nulmeting is de periode vóór de start.',
    );
    expect(pilot.alineas[1]).toBe(
      'Stand op 30 april 2024: 2 van de 4 doelen op koers, 1 aandacht, 1 niet op koers, 0 zonder gegevens.',
    );
    expect(pilot.kerngetallen.map((k) => [k.label, k.waarde])).toEqual([
      ['● Op koers', '2'],
      ['▲ Aandacht', '1'],
      ['■ Niet op koers', '1'],
      ['○ Geen gegevens', '0'],
    ]);
    const doelen = tabel(r, 'Doelen');
    expect(doelen.groepKolom).toBe(0);
    expect(doelen.peildatum).toBe('30 april 2024');
    // Grouped by success criterion, in the plan's order.
    expect(doelen.rijen.map((x) => [x[0], x[1], x[2], x[3]])).toEqual([
      [
        'Succescriterium 1: de tevredenheid onder inwoners is toegenomen',
        'Tevredenheid omhoog',
        '● Op koers',
        '30 april 2024',
      ],
      ['Succescriterium 2: de sociale basis is versterkt', 'Meer collectief aanbod', '▲ Aandacht', '31 januari 2024'],
      [
        'Succescriterium 3: aanmeldingen en kosten gelijk gebleven of omlaag',
        'Kosten niet hoger dan de drie jaar ervoor',
        '■ Niet op koers',
        '30 april 2024',
      ],
      [
        'Succescriterium 3: aanmeldingen en kosten gelijk gebleven of omlaag',
        'Aanmeldingen niet hoger dan het jaar ervoor',
        '● Op koers',
        '30 april 2024',
      ],
    ]);
    const zin = doelen.rijen.map((x) => x[4]);
    expect(zin[0]).toBe(
      'Op koers sinds 30 april 2024: 7,5 (30 april 2024) tegen 7,1 (31 oktober 2023). Bron: ingevoerde telling (tevredenheid).',
    );
    // Euros are not counts: shown as they are.
    expect(zin[2]).toBe(
      'Niet op koers sinds 30 april 2024: € 1.440.000 per jaar (jan–apr 2024, omgerekend naar een jaar) tegen € 1.250.000 per jaar (2021–2023). Bron: ingevoerde telling (kosten).',
    );
    // Three and one aanmeldingen: the status stays, the numbers go.
    expect(zin[3]).toBe('Op koers sinds 30 april 2024. De aantallen zijn kleiner dan 5 en staan hier niet.');
    expect(JSON.stringify(doelen.werkblad!.rijen[3])).toContain('"<5"');
  });

  it('shows the afhandeling per quarter with <5 and x, the shares following their count, and costs in euros', async () => {
    const s = await project();
    const r = unwrap(await s.getRapport({ gebieden: [BOSWINKEL], peildatum: PEILDATUM, secties: ['pilot'] }));
    const afh = tabel(r, 'Afhandeling');
    expect(afh.kolommen.map((k) => k.titel)).toEqual([
      'Kwartaal',
      'Geholpen door het wijkteam',
      '%',
      'Voorliggend opgelost',
      '%',
      'Maatwerkindicatie',
      '%',
      'Anders of nog bezig',
      '%',
      'Totaal',
    ]);
    const afgerond = (rij: readonly unknown[]) =>
      rij.map((v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v));
    expect(afgerond(afh.rijen[0]!)).toEqual(['Q1 2024', 30, 0.37, 24, 0.296, 18, 0.222, 9, 0.111, 81]);
    expect(afgerond(afh.rijen[1]!)).toEqual(['Q2 2024 (1 mnd)', 12, 0.375, 9, 0.281, 'x', 'x', '<5', '<5', 32]);
    const kosten = tabel(r, 'Kosten');
    expect(kosten.rijen).toEqual([
      ['2021', 12, 1_200_000, 1_200_000, null, 'nulmeting'],
      ['2022', 12, 1_250_000, 1_250_000, null, 'nulmeting'],
      ['2023', 12, 1_300_000, 1_300_000, null, 'nulmeting'],
      ['2024', 4, 480_000, 1_440_000, 1_440_000 / 1_250_000 - 1, 'pilot'],
    ]);
    expect(kosten.voetnoot).toContain('€ 1.250.000 per jaar');
    // Question 4 rests on the hidden maatwerk count: no share; 1 and 3 on shown counts.
    const vragen = tabel(r, 'Evaluatievragen').rijen;
    expect(vragen.map((v) => v[0])).toEqual([1, 2, 3, 4]);
    // The newest quarter has a small count: the sentence speaks of the newest one without (the small-count rule).
    expect(vragen[0]![2]).toBe('30% van de aanmeldingen voorliggend opgelost in Q1 2024 (81 aanmeldingen).');
    expect(vragen[3]![2]).toBe(
      'Het aandeel staat hier niet: het rust op een aantal kleiner dan 5 (zie de tabel Afhandeling).',
    );
    expect(tabel(r, 'Capaciteit').rijen[0]!.slice(0, 3)).toEqual(['Boswinkel-De Braker', '2024-01-01', 2.5]);

    // On paper: the criteria head their groups, the statuses carry a class for their colour, <5 and x stay.
    const html = rapportHtml(r);
    expect(html).toContain(
      '<tr class="groep"><th scope="colgroup" colspan="4">Succescriterium 1: de tevredenheid onder inwoners is toegenomen</th></tr>',
    );
    expect(html).toContain('<span class="status status--niet_op_koers">■ Niet op koers</span>');
    expect(html).toContain('<td class="num">&lt;5</td>');
    expect(html).toContain('<td class="num">€ 1.440.000</td>');
    expect(html.indexOf('<h2>1. Pilotmonitor</h2>')).toBeGreaterThan(0);
  });

  it('is left out without a pilot or goals, and selectable alone with --secties pilot', async () => {
    const zonder = await project(false);
    const r = unwrap(await zonder.getRapport({ gebieden: [BOSWINKEL], peildatum: PEILDATUM }));
    expect(r.secties.map((x) => x.soort)).not.toContain('pilot');
    expect(r.secties[0]!.soort).toBe('kerncijfers');

    const s = await project();
    const dir = cliDir();
    writeFileSync(join(dir, 'p.wijkweb'), unwrap(await s.exportProject()));
    const out = await cli(
      ['report', 'p.wijkweb', '--gebied', BOSWINKEL, '--peildatum', PEILDATUM, '--secties', 'pilot', '--out', 'r.html'],
      dir,
    );
    expect(out.code, out.err).toBe(0);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect([...html.matchAll(/<h2>(\d+\. [^<]+)<\/h2>/g)].map((m) => m[1])).toEqual([
      '1. Pilotmonitor',
      '2. Leeswijzer en bronnen',
    ]);
    const fout = await cli(
      [
        'report',
        'p.wijkweb',
        '--gebied',
        BOSWINKEL,
        '--peildatum',
        PEILDATUM,
        '--secties',
        'piloot',
        '--out',
        'r.html',
      ],
      dir,
    );
    expect(fout.code).toBe(1);
    expect(fout.err).toContain('pilot, kerncijfers');
  });

  it('is written in English when the report is', async () => {
    const s = await project();
    const r = unwrap(
      await s.getRapport({ gebieden: [BOSWINKEL], peildatum: PEILDATUM, secties: ['pilot'], taal: 'en' }),
    );
    const pilot = r.secties[0]!;
    expect(pilot.titel).toBe('Pilot monitor');
    expect(pilot.alineas[1]).toBe(
      'Status on 30 April 2024: 2 of the 4 goals on course, 1 needing attention, 1 off course, 0 without data.',
    );
    const doelen = tabel(r, 'Goals');
    expect(doelen.kolommen.map((k) => k.titel)).toEqual([
      'Success criterion',
      'Goal',
      'Status',
      'Since',
      'On which numbers',
    ]);
    expect(doelen.rijen.map((x) => x[2])).toEqual(['● On course', '▲ Needs attention', '■ Off course', '● On course']);
    expect(doelen.rijen[0]![4]).toBe(
      'On course since 30 April 2024: 7.5 (30 April 2024) against 7.1 (31 October 2023). Source: entered tally (satisfaction).',
    );
    expect(doelen.rijen[2]![4]).toContain(
      '€ 1,440,000 a year (Jan–Apr 2024, scaled to a year) against € 1,250,000 a year',
    );
    expect(tabel(r, 'Handling').rijen[1]![0]).toBe('Q2 2024 (1 mo.)');
    expect(tabel(r, 'Costs').rijen[3]![5]).toBe('pilot');
    // Wijkweb's own words: no Dutch left (the goals' names are the user's).
    const eigen = doelen.rijen.map((x) => String(x[1]));
    const geschreven = [
      ...pilot.alineas,
      ...pilot.kerngetallen.flatMap((k) => [k.label, k.toelichting ?? '']),
      ...pilot.tabellen.flatMap((t) => [t.titel, t.bron, t.voetnoot ?? '', ...t.kolommen.map((k) => k.titel)]),
      ...doelen.rijen.flatMap((x) => [x[0], x[2], x[4]].map(String)),
    ].map((t) => eigen.reduce((acc, e) => acc.split(e).join(' '), t));
    const nederlands =
      /\b(het|van de|niet|zijn|een|en|voor|met|geen|op|sinds|stand|aandacht|doelen|kwartaal|nulmeting|ingevoerd)\b/i;
    expect(geschreven.filter((t) => nederlands.test(t))).toEqual([]);
  });
});

describe('the Pilotmonitor in the xlsx and the presentation', () => {
  it('writes a typed sheet per pilot table, small counts as <5', async () => {
    const s = await project();
    const r = unwrap(await s.getRapport({ gebieden: [BOSWINKEL], peildatum: PEILDATUM, secties: ['pilot'] }));
    const book = XLSX.read(rapportXlsx(r));
    expect(book.SheetNames).toEqual([
      'Overzicht',
      'Kerngetallen',
      'Doelen',
      'Afhandeling',
      'Kosten',
      'Evaluatievragen',
      'Capaciteit',
    ]);
    const rijen = (blad: string) =>
      XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets[blad]!, { header: 1, raw: true });
    const doelen = rijen('Doelen');
    const kop = doelen.findIndex((x) => x[0] === 'Succescriterium');
    expect(doelen[kop]).toEqual([
      'Succescriterium',
      'Doel',
      'Maat',
      'Gebied',
      'Stand',
      'Sinds',
      'Nulmeting',
      'Periode nulmeting',
      'Nu',
      'Periode',
      'Eenheid',
      'Doelwaarde',
      'Deadline',
      'Op welke cijfers',
    ]);
    const tevreden = doelen[kop + 1]!;
    expect(tevreden.slice(0, 5)).toEqual([1, 'Tevredenheid omhoog', 'tevredenheid', BOSWINKEL, 'Op koers']);
    expect([tevreden[6], tevreden[8]]).toEqual([7.1, 7.5]);
    const sinds = book.Sheets['Doelen']![XLSX.utils.encode_cell({ r: kop + 1, c: 5 })]!;
    expect(sinds.t).toBe('n'); // a date cell
    const kosten = doelen[kop + 3]!;
    expect([kosten[6], kosten[8], kosten[10]]).toEqual([1_250_000, 1_440_000, 'euro per jaar']);
    const aanmeldingen = doelen[kop + 4]!;
    expect([aanmeldingen[6], aanmeldingen[8]]).toEqual(['<5', '<5']);
    const afh = rijen('Afhandeling');
    expect(afh.find((x) => x[0] === 'Q2 2024 (1 mnd)')).toEqual([
      'Q2 2024 (1 mnd)',
      12,
      0.375,
      9,
      0.28125,
      'x',
      'x',
      '<5',
      '<5',
      32,
    ]);
    expect(
      rijen('Kosten')
        .find((x) => x[0] === '2024')
        ?.slice(0, 4),
    ).toEqual(['2024', 4, 480_000, 1_440_000]);
  });

  it('adds "Is de pilot op koers?" and the afhandeling per quarter after the title slide', async () => {
    const s = await project();
    const dias = unwrap(await s.getPresentatie());
    expect(dias.map((d) => d.soort).slice(0, 3)).toEqual(['titel', 'pilot', 'afhandeling']);
    const pilot = dias[1]!;
    expect(pilot.titel).toBe('Is de pilot op koers?');
    expect(pilot.notitie).toBe('Hulp om de hoek (Boswinkel-De Braker), stand op 30 april 2024.');
    expect(pilot.doelen!.map((d) => [d.statusTekst, d.naam, d.sinds])).toEqual([
      ['● Op koers', 'Tevredenheid omhoog', 'sinds 30 april 2024'],
      ['▲ Aandacht', 'Meer collectief aanbod', 'sinds 31 januari 2024'],
      ['■ Niet op koers', 'Kosten niet hoger dan de drie jaar ervoor', 'sinds 30 april 2024'],
      ['● Op koers', 'Aanmeldingen niet hoger dan het jaar ervoor', 'sinds 30 april 2024'],
    ]);
    const svg = dias[2]!.svg!;
    expect(svg).toMatch(/^<svg /);
    // Q1: shares in the bar; April: hatched, no shares (they would give the small count away).
    expect(svg).toContain('>37%</text>');
    expect(svg).toContain('Q2 2024 (1 mnd): kleine aantallen afgeschermd');
    expect(svg).not.toContain('>9%</text>');
    expect(svg).not.toMatch(/<script|href=/);
    // Without a pilot: no pilot slides.
    const zonder = unwrap(await (await project(false)).getPresentatie());
    expect(zonder.map((d) => d.soort)).not.toContain('pilot');
  });
});

describe('export doelen and afhandeling from the CLI', () => {
  it('writes the goals at a peildatum as CSV and JSON, small counts as <5', async () => {
    const s = await project();
    const dir = cliDir();
    writeFileSync(join(dir, 'p.wijkweb'), unwrap(await s.exportProject()));
    const csv = await cli(['export', 'p.wijkweb', 'doelen', '--peildatum', PEILDATUM], dir);
    expect(csv.code, csv.err).toBe(0);
    const regels = csv.out.trim().split(/\r?\n/);
    expect(regels[0]).toBe(
      'doel,criterium,gebied,maat,nulmeting,nulmeting_periode,doelwaarde,deadline,waarde,periode,peildatum,status,sinds,bron',
    );
    expect(regels).toContain(
      'Kosten niet hoger dan de drie jaar ervoor,3,BU01530710,kosten,1250000,2021-01-01/2023-12-31,,2027-01-01,1440000,2024-01-01/2024-04-30,2024-04-30,niet_op_koers,2024-04-30,Ingevoerd: kosten',
    );
    expect(regels).toContain(
      'Aanmeldingen niet hoger dan het jaar ervoor,3,BU01530710,aanmeldingen,<5,2023-01-01/2023-12-31,,2027-01-01,<5,2024-01-01/2024-04-30,2024-04-30,op_koers,2024-04-30,Ingevoerd: meldingen',
    );
    const json = await cli(['export', 'p.wijkweb', 'doelen', '--format', 'json', '--peildatum', '2024-03-31'], dir);
    expect(json.code, json.err).toBe(0);
    const lijst = JSON.parse(json.out) as Record<string, unknown>[];
    expect(lijst).toHaveLength(4);
    // Before the second satisfaction score: no value after the baseline yet.
    expect(lijst.find((x) => x['maat'] === 'tevredenheid')).toMatchObject({
      nulmeting: 7.1,
      waarde: null,
      peildatum: '2024-03-31',
      status: 'geen_gegevens',
      sinds: null,
    });
    // --exacte-aantallen is for the relaties working file only.
    const exact = await cli(['export', 'p.wijkweb', 'doelen', '--format', 'json', '--exacte-aantallen'], dir);
    expect(
      (JSON.parse(exact.out) as Record<string, unknown>[]).find((x) => x['maat'] === 'aanmeldingen'),
    ).toMatchObject({ nulmeting: '<5', waarde: '<5' });
  });

  it('writes the afhandeling counts as stored, small ones as <5', async () => {
    const s = await project();
    const dir = cliDir();
    writeFileSync(join(dir, 'p.wijkweb'), unwrap(await s.exportProject()));
    const csv = await cli(['export', 'p.wijkweb', 'afhandeling'], dir);
    expect(csv.code, csv.err).toBe(0);
    expect(csv.out.trim().split(/\r?\n/)).toEqual([
      'gebied,periode_start,periode_eind,categorie,aantal,bron',
      'BU01530710,2024-01-01,2024-03-31,maatwerk,18,Ingevoerd: afhandeling',
      'BU01530710,2024-01-01,2024-03-31,overig,9,Ingevoerd: afhandeling',
      'BU01530710,2024-01-01,2024-03-31,voorliggend,24,Ingevoerd: afhandeling',
      'BU01530710,2024-01-01,2024-03-31,wijkteam,30,Ingevoerd: afhandeling',
      'BU01530710,2024-04-01,2024-04-30,maatwerk,8,Ingevoerd: afhandeling',
      'BU01530710,2024-04-01,2024-04-30,overig,<5,Ingevoerd: afhandeling',
      'BU01530710,2024-04-01,2024-04-30,voorliggend,9,Ingevoerd: afhandeling',
      'BU01530710,2024-04-01,2024-04-30,wijkteam,12,Ingevoerd: afhandeling',
    ]);
    const json = await cli(['export', 'p.wijkweb', 'afhandeling', '--format', 'json'], dir);
    expect((JSON.parse(json.out) as Record<string, unknown>[])[5]).toEqual({
      gebied: BOSWINKEL,
      periode_start: '2024-04-01',
      periode_eind: '2024-04-30',
      categorie: 'overig',
      aantal: '<5',
      bron: 'Ingevoerd: afhandeling',
    });
  });
});
