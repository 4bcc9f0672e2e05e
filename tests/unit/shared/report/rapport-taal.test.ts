/**
 * The stuurgroep report in the language of its reader (issue 21): the voorbeeldproject's report of Boswinkel-De
 * Braker in English has no Dutch sentence left (only the domain nouns the English UI keeps, and what the user wrote:
 * names, Cognos products, the scenario's own notes), with English dates, numbers and amounts, in the page, the
 * plates and the xlsx; the gaps' sentences are those of the hiaten model in English; and the Dutch report is the
 * one it was before the language option (tests/fixtures/rapport/voorbeeld-nl.json, taken before the change).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { buildDemo } from '../../../../scripts/build-demo.mts';
import { createProjectService } from '../../../../shared/service/project-service';
import { unwrap } from '../../../../shared/result';
import type { Rapport, RapportOpties } from '../../../../shared/report/model';
import { rapportHtml } from '../../../../shared/report/html';
import { berekenHiaten } from '../../../../shared/analysis/hiaten';
import { loadHiatenInput, loadHiatenInstellingen } from '../../../../shared/db/repos/hiaten';
import { FIXED_NOW, sha256, sql } from '../../../helpers/db';
import { tmpDir } from '../../../helpers/tmp';

const BOSWINKEL = 'BU01530201';
const OPTIES: RapportOpties = { gebieden: [BOSWINKEL], peildatum: '2024-05-01' };
let bytes: Uint8Array;

beforeAll(async () => {
  const t = tmpDir('wijkweb-rapport-taal-');
  await buildDemo(join(t.dir, 'demo.wijkweb'), { log: () => undefined });
  bytes = new Uint8Array(readFileSync(join(t.dir, 'demo.wijkweb')));
  return t.cleanup;
}, 60_000);

/** What the voorbeeldproject's pilot file says in the user's own words (goal names, notes, how a tally was entered). */
const PILOT = JSON.parse(
  readFileSync(new URL('../../../../data/demo/pilot-hulp-om-de-hoek.json', import.meta.url), 'utf8'),
) as { doelen: { naam: string; toelichting: string | null }[]; tellingen: { omschrijving?: string }[] };
const PILOT_EIGEN = [
  ...PILOT.doelen.flatMap((d) => [d.naam, d.toelichting ?? '']),
  ...PILOT.tellingen.map((t) => t.omschrijving ?? ''),
].filter(Boolean);

async function service() {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.openProject(bytes, 'voorbeeldproject.wijkweb'));
  return s;
}

/** Dutch words and phrases that do not occur in an English sentence (the domain nouns are allowed). */
const NEDERLANDS = [
  'het',
  'van de',
  'niet',
  'zijn',
  'wordt',
  'een',
  'en',
  'voor',
  'met',
  'geen',
  'naar',
  'bij',
  'op',
  'per jaar',
  'peildatum',
  'gemeente',
  'bron',
  'aantal',
  'aantallen',
  'gebied',
  'gebieden',
  'totaal',
  'inwoners',
  'voorziening',
  'voorzieningen',
  'organisatie',
  'organisaties',
  'verwijzing',
  'verwijzingen',
  'hiaten',
  'kaart',
  'stand',
  'tabel',
  'rapport',
  'kerncijfers',
  'leeswijzer',
  'bijlagen',
  'gemaakt',
  'ja',
  'nee',
  'sinds',
  'nieuw',
  'weg',
  'soort',
  'legenda',
  'vraag',
  'aanbod',
  'ernstig',
  'aandacht',
  'tarief',
  'opbouw',
  'regel',
  'besparing',
  'rendement',
  'januari',
  'mei',
  'maart',
];
const dutchIn = (text: string) =>
  NEDERLANDS.filter((w) => new RegExp(`(^|[^\\p{L}])${w}(?=$|[^\\p{L}])`, 'iu').test(text));

/** The text of the page without the table bodies and the plates (what the user's data fills in). */
function paginaTekst(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<tbody>[\s\S]*?<\/tbody>/g, ' ')
    .replace(/<ol class="zinnen">[\s\S]*?<\/ol>/g, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'");
}

/** A plate's own words: its title, its legend and its credit (not the names on it). */
function plaatWoorden(svg: string): string[] {
  const teksten = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
  const legenda = teksten.findIndex((t) => t === 'Legend' || t === 'Most serious gap per neighbourhood');
  expect(legenda, 'the legend is in English').toBeGreaterThan(0);
  return [teksten[0]!, ...teksten.slice(legenda)];
}

/** The texts of the report a user reads that Wijkweb wrote (not the user's own). */
function geschreven(r: Rapport, eigen: readonly string[]): string[] {
  const uit = (t: string) => eigen.reduce((s, e) => s.split(e).join(' '), t);
  const out = [r.titel, r.ondertitel, ...r.leeswijzer.flatMap((l) => [l.term, l.uitleg])];
  for (const s of r.secties) {
    out.push(s.titel, ...s.alineas, ...s.kerngetallen.flatMap((k) => [k.label, k.waarde, k.toelichting ?? '']));
    for (const t of s.tabellen) {
      out.push(t.titel, t.id, t.bron, t.peildatum ?? '', t.voetnoot ?? '', ...t.kolommen.map((k) => k.titel));
      // Columns Wijkweb fills in words: the gaps' sentences, yes/no, status, what changed.
      const woorden: Record<string, readonly string[]> = {
        Gaps: ['Severity', 'Explanation'],
        Changes: ['What', 'Type', 'Explanation'],
        'Appendix services': ['Collective', 'Open access', 'Status'],
        Connectors: ['Does the network fall apart without it?'],
      };
      t.kolommen.forEach((k, i) => {
        if (woorden[t.id]?.includes(k.titel))
          for (const rij of t.rijen) if (typeof rij[i] === 'string') out.push(String(rij[i]));
      });
    }
    if (s.plaat) out.push(s.plaat.titel, s.plaat.bron, ...plaatWoorden(s.plaat.svg));
  }
  return out.map(uit);
}

describe('the report in English', () => {
  it('has no Dutch sentence left: page, key figures, tables, plates', async () => {
    const s = await service();
    const r = unwrap(await s.getRapport({ ...OPTIES, taal: 'en' }));
    // What the user wrote stays as written: the scenario's notes (Dutch in the voorbeeldproject).
    const scenario = unwrap(await s.listScenarios())[0]!;
    const eigen = [
      ...(scenario.parameters.toelichting ? [scenario.parameters.toelichting] : []),
      ...(scenario.parameters.regels ?? []).flatMap((l) => [l.naam, l.toelichting ?? '']).filter(Boolean),
      'Stuurgroep januari 2024',
      ...PILOT_EIGEN,
    ].sort((a, b) => b.length - a.length);
    const teksten = geschreven(r, eigen);
    const fouten = teksten.flatMap((t) => (dutchIn(t).length ? [`${dutchIn(t).join(', ')}: ${t}`] : []));
    expect(fouten).toEqual([]);
    const html = rapportHtml(r);
    expect(html).toContain('<html lang="en">');
    const pagina = eigen.reduce((t, e) => t.split(e).join(' '), paginaTekst(html));
    expect(pagina.split('\n').filter((l) => dutchIn(l).length)).toEqual([]);
    expect(html).toContain('counter(page) " of " counter(pages)');

    // The headings, and English dates, numbers and amounts.
    expect(r.secties.map((x) => x.titel)).toEqual([
      'Pilot monitor',
      'Key figures',
      'Requests and allocations',
      'The network',
      'What has changed',
      'Gaps',
      'Scenario',
      'Appendices',
    ]);
    expect(r.titel).toBe('Steering group report Boswinkel-De Braker');
    expect(r.ondertitel).toBe('Reference date 1 May 2024 · compared with Stuurgroep januari 2024 (15 January 2024)');
    const kern = r.secties.flatMap((x) => x.kerngetallen);
    expect(kern).toContainEqual(
      expect.objectContaining({ label: 'Inhabitants of Boswinkel-De Braker', waarde: '3,715' }),
    );
    expect(kern.find((k) => k.label.startsWith('Return '))?.waarde).toMatch(/^€\d{1,3}(,\d{3})*$/);
    expect(pagina).toContain('Made on 23 November 2026 with Wijkweb.');
  });

  it('takes the gaps’ sentences from the hiaten model in English', async () => {
    const s = await service();
    const r = unwrap(await s.getRapport({ ...OPTIES, taal: 'en' }));
    // The model with the report's small-count rule (the Hiaten view, for the team itself, shows exact counts).
    const db = s.currentDb()!;
    const instellingen = loadHiatenInstellingen(db);
    const input = loadHiatenInput(db, instellingen, undefined, OPTIES.peildatum, 'en');
    const cellen = berekenHiaten(input, instellingen, { drempel: 5, taal: 'en' });
    const tabel = r.secties.find((x) => x.soort === 'hiaten')!.tabellen[0]!;
    const toelichting = tabel.kolommen.findIndex((k) => k.titel === 'Explanation');
    const zinnen = tabel.rijen.map((rij) => rij[toelichting]);
    expect(zinnen.length).toBeGreaterThan(0);
    const model = cellen.filter((c) => c.gebiedCode === BOSWINKEL).map((c) => c.toelichting);
    for (const zin of zinnen) expect(model).toContain(zin);
    expect(String(zinnen[0])).toMatch(/^Boswinkel-De Braker: \d+ allocations .*reference date 2 April 2024/);
  });

  it('writes the xlsx in English: sheet names, titles, headings', async () => {
    const s = await service();
    const book = XLSX.read(unwrap(await s.exportRapportXlsx({ ...OPTIES, taal: 'en' })));
    expect(book.SheetNames).toEqual([
      'Overview',
      'Headline figures',
      'Goals',
      'Handling',
      'Costs',
      'Initiatives',
      'Evaluation questions',
      'Capacity',
      'Key figures',
      'Requests',
      'Allocations',
      'Unique clients',
      'Connectors',
      'Referral balance',
      'Changes',
      'Gaps',
      'Scenario',
      'Appendix services',
    ]);
    const overzicht = XLSX.utils.sheet_to_json<string[]>(book.Sheets['Overview']!, { header: 1 });
    expect(overzicht.slice(0, 6).map((r) => r[0])).toEqual([
      'Steering group report Boswinkel-De Braker',
      'Reference date 1 May 2024 · compared with Stuurgroep januari 2024 (15 January 2024)',
      'Areas: Boswinkel-De Braker (BU01530201)',
      'Reference date: 1 May 2024',
      'Compared with: 15 January 2024',
      'Made on: 23 November 2026',
    ]);
    for (const naam of book.SheetNames.filter((n) => n !== 'Scenario')) {
      const rijen = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[naam]!, { header: 1 });
      // Titles (before the first empty row) and the heading row after it.
      const leeg = rijen.findIndex((r) => r.length === 0);
      const kop = rijen
        .slice(0, leeg + 2)
        .flat()
        .map(String)
        .join('\n');
      const zonderEigen = PILOT_EIGEN.reduce(
        (t, e) => t.split(e).join(' '),
        kop.replace(/Stuurgroep januari 2024/g, ''),
      );
      expect(dutchIn(zonderEigen), `${naam}: ${kop}`).toEqual([]);
    }
  });

  it('writes the standard scenario and the warning without small-count protection in English too', async () => {
    const s = await service();
    for (const sc of unwrap(await s.listScenarios())) unwrap(await s.deleteScenario(sc.id));
    unwrap(await s.savePrivacy({ aan: false, drempel: 5 }));
    const r = unwrap(await s.getRapport({ gebieden: ['WK015302'], peildatum: '2024-05-01', taal: 'en' }));
    const scenario = r.secties.find((x) => x.soort === 'scenario')!;
    expect(scenario.alineas[0]).toMatch(
      /^Scenario ‘Standard scenario \(pilot plan: 40% to the sociale basis\)’: 40% of/,
    );
    expect(scenario.tabellen[0]!.rijen.map((rij) => rij[0])).toEqual([
      'Saving on individual provision',
      'Subtotal savings',
      'Replacement provision',
      'Subtotal return on care',
      'RETURN',
    ]);
    expect(scenario.tabellen[0]!.voetnoot).toMatch(/^Tariff: €\d{1,3}(,\d{3})* per indication per year/);
    const fouten = geschreven(r, ['Stuurgroep januari 2024', ...PILOT_EIGEN]).filter((t) => dutchIn(t).length);
    expect(fouten).toEqual([]);
    const pagina = paginaTekst(rapportHtml(r));
    expect(pagina).toContain('Note: small counts are not hidden in this report.');
    const zonderEigen = (l: string) =>
      PILOT_EIGEN.reduce((t, e) => t.split(e).join(' '), l.replace('Stuurgroep januari 2024', ''));
    expect(pagina.split('\n').filter((l) => dutchIn(zonderEigen(l)).length)).toEqual([]);
  });
});

describe('the report in Dutch', () => {
  it('is the report it was before the language option, word for word', async () => {
    const s = await service();
    const voor = JSON.parse(
      readFileSync(new URL('../../../fixtures/rapport/voorbeeld-nl.json', import.meta.url), 'utf8'),
    ) as unknown;
    for (const opties of [OPTIES, { ...OPTIES, taal: 'nl' as const }]) {
      const r = unwrap(await s.getRapport(opties));
      // The voorbeeldproject gained a pilot after the fixture was taken (issue 18): its section comes first, the rest
      // is the report it was.
      expect(r.secties[0]?.soort).toBe('pilot');
      expect({
        titel: r.titel,
        ondertitel: r.ondertitel,
        leeswijzer: r.leeswijzer,
        secties: r.secties
          .filter((x) => x.soort !== 'pilot')
          .map((x) => ({
            titel: x.titel,
            alineas: x.alineas,
            kerngetallen: x.kerngetallen,
            tabellen: x.tabellen.map((t) => ({
              id: t.id,
              titel: t.titel,
              bron: t.bron,
              peildatum: t.peildatum,
              voetnoot: t.voetnoot ?? null,
              kolommen: t.kolommen.map((k) => k.titel),
            })),
            plaat: x.plaat ? { titel: x.plaat.titel, bron: x.plaat.bron } : null,
          })),
      }).toEqual(voor);
      const html = rapportHtml(r);
      expect(html).toContain('<html lang="nl">');
      expect(html).toContain('counter(page) " van " counter(pages)');
      expect(html).toContain('<h2 class="inhoud-kop">Inhoud</h2>');
    }
  });
});
