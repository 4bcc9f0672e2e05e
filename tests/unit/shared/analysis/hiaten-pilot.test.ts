/**
 * The pilot's own case, on real files: the CBS kerncijfers 2024 of Enschede (the whole-country StatLine download,
 * Enschede's rows as they are), the pilot's Cognos tables for Boswinkel–de Braker (peildatum 2 april 2024: 68 + 41
 * Wmo OB1–2 toewijzingen) and a partner list without a collective Zorg/Hulpverlening offer in the buurt.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProjectService } from '../../../../shared/service/project-service';
import { unwrap } from '../../../../shared/result';
import { toCsv } from '../../../../shared/export/formats';
import { STANDAARD_INSTELLINGEN } from '../../../../shared/analysis/hiaten';
import type { HiaatCel } from '../../../../shared/contract';
import { FIXED_NOW, sha256, sql } from '../../../helpers/db';

const fixture = (path: string) => ({
  name: path.split('/').pop()!,
  bytes: new Uint8Array(readFileSync(`tests/fixtures/${path}`)),
});
const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

const BOSWINKEL = 'BU01530201';
const PATHMOS = 'BU01530202';
const OB12 = 'Wmo-maatwerk lichte ondersteuning (OB1–2)';

async function pilot() {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('Hulp om de hoek'));
  unwrap(await s.importCbs(fixture('cbs/statline-labelled-2024-enschede.csv'), {}));
  unwrap(await s.importCognos(fixture('cognos/boswinkel-toewijzingen-2024-04-02.xlsx'), {}));
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

const zoek = (cellen: readonly HiaatCel[], code: string, lg = 'zorg') =>
  cellen.find((c) => c.gebiedCode === code && c.leefgebied === lg)!;
const rang = (e: string) => ['geen-gegevens', 'geen', 'aandacht', 'hiaat', 'ernstig'].indexOf(e);
const datums = (zin: string) =>
  zin.match(
    /\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}|(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/g,
  ) ?? [];

describe('hiaten: the pilot buurt on real data', () => {
  it('finds the pilot gap in Zorg/Hulpverlening with 109 and one peildatum, and a collective offer closes it', async () => {
    const s = await pilot();
    const h = unwrap(await s.getHiaten());
    expect(h.jaar).toBe(2024);
    expect(h.momenten).toEqual(['2024-04-02']);
    const cel = zoek(h.cellen, BOSWINKEL);
    expect(rang(cel.ernst)).toBeGreaterThanOrEqual(rang('hiaat'));
    expect(cel.basis).toContain('cognos');
    const deel = cel.delen.find((d) => d.regel === OB12)!;
    expect(deel).toMatchObject({ aantal: 109, moment: { soort: 'peildatum', tot: '2024-04-02' }, referentie: null });
    // No gemeente total in the export and no reference entered: judged on its own, and it says so.
    expect(deel.niveau).toBe('hiaat');
    expect(cel.referentie).toBe('geen');
    expect(cel.toelichting).toContain(`109 toewijzingen ${OB12} (peildatum 2 april 2024): 29,6 per 1.000 inwoners`);
    expect(cel.toelichting).toContain(
      'geen vergelijking met de gemeente mogelijk, op of boven het vaste niveau voor een hiaat',
    );
    expect(new Set(datums(cel.toelichting))).toEqual(new Set(['2 april 2024']));
    // Each of its counts names the file it came from.
    expect(deel.metingen.map((m) => [m.product, m.waarde, m.bron])).toEqual([
      ['Ondersteuningsbehoefte 1 Wmo', 68, 'boswinkel-toewijzingen-2024-04-02.xlsx'],
      ['Ondersteuningsbehoefte 2 Wmo', 41, 'boswinkel-toewijzingen-2024-04-02.xlsx'],
    ]);

    // A neighbouring buurt without Cognos counts: no Cognos demand, so no gap in Cognos' name.
    const buur = zoek(h.cellen, PATHMOS);
    expect(buur.delen).toEqual([]);
    expect(buur.basis).not.toContain('cognos');
    expect(rang(buur.ernst)).toBeLessThan(rang('hiaat'));
    expect(zoek(h.cellen, PATHMOS, 'wonen').ernst).toBe('geen-gegevens');

    // A collective, freely accessible Zorg offer in the buurt removes the gap.
    const org = unwrap(await s.listOrganisaties()).find((o) => o.naam === 'Alifa')!;
    unwrap(
      await s.saveVoorziening(null, {
        naam: 'Samen eten Boswinkel',
        organisatieId: org.id,
        status: 'actief',
        collectief: true,
        vrijToegankelijk: true,
        leefgebieden: ['zorg'],
        werkgebied: [BOSWINKEL],
      }),
    );
    expect(zoek(unwrap(await s.getHiaten()).cellen, BOSWINKEL).ernst).toBe('geen');
  });

  it('never adds counts of two moments: each peildatum is analysed on its own', async () => {
    const s = await pilot();
    unwrap(
      await s.importCognos(
        csv(
          'toewijzingen-2024-07-01.csv',
          'Buurt;Peildatum;Product;Aantal toewijzingen\n' +
            'Boswinkel-De Braker;1-7-2024;Ondersteuningsbehoefte 1 Wmo;80\n' +
            'Boswinkel-De Braker;1-7-2024;Ondersteuningsbehoefte 2 Wmo;45\n',
        ),
        {},
      ),
    );
    const nieuwste = unwrap(await s.getHiaten());
    expect(nieuwste.momenten).toEqual(['2024-07-01', '2024-04-02']);
    const nu = zoek(nieuwste.cellen, BOSWINKEL).delen.find((d) => d.regel === OB12)!;
    expect(nu.aantal).toBe(125);
    const april = unwrap(await s.getHiaten({ peildatum: '2024-04-02' }));
    const toen = zoek(april.cellen, BOSWINKEL);
    expect(toen.delen.find((d) => d.regel === OB12)!.aantal).toBe(109);
    expect(new Set(datums(toen.toelichting))).toEqual(new Set(['2 april 2024']));
    expect(new Set(datums(zoek(nieuwste.cellen, BOSWINKEL).toelichting))).toEqual(new Set(['1 juli 2024']));
    // The Jeugd counts of April are not carried into July: at 1 July there is no Jeugdhulp count at all.
    expect(zoek(nieuwste.cellen, BOSWINKEL).delen.map((d) => d.regel)).toEqual([OB12]);
    // The export takes the same peildatum.
    const tabel = unwrap(await s.exportTable('hiaten', { peildatum: '2024-04-02' }));
    const rij = tabel.rows.find((r) => r[0] === BOSWINKEL && r[2] === 'zorg')!;
    expect(rij[tabel.columns.indexOf('peildatum')]).toBe('2024-04-02');
    expect(rij[tabel.columns.indexOf('vraag')]).toBe(151);
  });

  it('compares with the gemeente only through a reference of the whole gemeente, and names its source', async () => {
    const s = await pilot();
    // A reference entered by the user, with its bron and peildatum.
    const h = unwrap(await s.getHiaten());
    unwrap(
      await s.saveHiatenInstellingen({
        ...h.instellingen,
        referenties: [
          { regel: OB12, per1000: 6.1, bron: 'Cognos gemeenteoverzicht Enschede', peildatum: '2024-04-02' },
        ],
      }),
    );
    const metRef = zoek(unwrap(await s.getHiaten()).cellen, BOSWINKEL);
    const deel = metRef.delen.find((d) => d.regel === OB12)!;
    expect(deel.referentie).toMatchObject({ bron: 'instelling', per1000: 6.1 });
    expect(deel.verhouding).toBeCloseTo(29.58 / 6.1, 2);
    expect(metRef.ernst).toBe('ernstig');
    expect(metRef.toelichting).toContain('gemeente 6,1 (Cognos gemeenteoverzicht Enschede)');

    // The gemeente's own total in a Cognos export wins, at the same peildatum.
    unwrap(
      await s.importCognos(
        csv(
          'enschede-totaal-2024-04-02.csv',
          'Gebied;Peildatum;Product;Aantal toewijzingen\n' +
            'Enschede;2-4-2024;Ondersteuningsbehoefte 1 Wmo;1500\n' +
            'Enschede;2-4-2024;Ondersteuningsbehoefte 2 Wmo;1100\n',
        ),
        {},
      ),
    );
    const metTotaal = zoek(unwrap(await s.getHiaten()).cellen, BOSWINKEL);
    const d2 = metTotaal.delen.find((d) => d.regel === OB12)!;
    expect(d2.referentie).toMatchObject({
      bron: 'cognos-totaal',
      omschrijving: 'Cognos Enschede',
      peildatum: '2024-04-02',
    });
    expect(metTotaal.toelichting).toContain('(Cognos Enschede)');
  });

  it("a buurt's severity does not depend on which other buurten have Cognos counts once a reference is set", async () => {
    const s = await pilot();
    const h = unwrap(await s.getHiaten());
    unwrap(
      await s.saveHiatenInstellingen({
        ...h.instellingen,
        referenties: [{ regel: OB12, per1000: 12, bron: 'Eigen opgave', peildatum: '2024-04-02' }],
      }),
    );
    const voor = zoek(unwrap(await s.getHiaten()).cellen, BOSWINKEL);
    unwrap(
      await s.importCognos(
        csv(
          'toewijzingen-west-2024-04-02.csv',
          'Buurt;Peildatum;Product;Aantal toewijzingen\n' +
            'Stadsveld-Zuid;2-4-2024;Ondersteuningsbehoefte 1 Wmo;90\n' +
            'Pathmos;2-4-2024;Ondersteuningsbehoefte 1 Wmo;3\n',
        ),
        {},
      ),
    );
    const na = zoek(unwrap(await s.getHiaten()).cellen, BOSWINKEL);
    expect(na.ernst).toBe(voor.ernst);
    expect(na.index).toBe(voor.index);
  });

  it('flags an implausible count, lets the user leave it out (one undo step), and says so', async () => {
    const s = await pilot();
    unwrap(
      await s.importCognos(
        csv(
          'stadsveld-2024-04-02.csv',
          'Buurt;Peildatum;Product;Aantal toewijzingen\nStadsveld-Zuid;2-4-2024;Ondersteuningsbehoefte 1 Wmo;1204\n',
        ),
        {},
      ),
    );
    const code = 'BU01530204';
    const cel = zoek(unwrap(await s.getHiaten()).cellen, code);
    expect(cel.controleer).toBe(true);
    const m = cel.delen[0]!.metingen[0]!;
    expect(m).toMatchObject({ waarde: 1204, controleer: 'aandeel', uitgesloten: false });
    expect(cel.toelichting).toContain('controleer dit cijfer');
    unwrap(await s.setMetingUitgesloten(m.id!, true));
    const zonder = zoek(unwrap(await s.getHiaten()).cellen, code);
    expect(zonder.basis).not.toContain('cognos');
    expect(zonder.vraag).toBeNull();
    expect(zonder.delen[0]!.metingen[0]).toMatchObject({ id: m.id, uitgesloten: true });
    expect(zonder.toelichting).toContain('1 aantal door jou uitgesloten');
    unwrap(await s.undo());
    expect(zoek(unwrap(await s.getHiaten()).cellen, code).vraag).toBe(1204);
    expect((await s.setMetingUitgesloten(99999, true)).ok).toBe(false);
  });

  it('shows a count at or above the threshold in the export, and hides only what could give a small one away', async () => {
    const s = await pilot();
    const tabel = unwrap(await s.exportTable('hiaten'));
    const col = (r: readonly (string | number | null)[], k: string) => r[tabel.columns.indexOf(k)];
    const welzijn = tabel.rows.find((r) => r[0] === BOSWINKEL && r[2] === 'welzijn')!;
    expect(col(welzijn, 'vraag')).toBe(109);
    expect(col(welzijn, 'grondslag')).toBe('cognos+cbs-demografie');
    expect(col(welzijn, 'referentie')).toBe('geen');
    // Zorg adds the Jeugd counts, one of which is "<5" at the source: still shown, the source hid it already.
    const onderwijs = tabel.rows.find((r) => r[0] === BOSWINKEL && r[2] === 'onderwijs')!;
    expect(col(onderwijs, 'ernst')).toBe('aandacht');
    expect(String(col(onderwijs, 'toelichting'))).toContain('toewijzingen Jeugdhulp');
    expect(toCsv(tabel).split('\r\n')[0]).toContain(',grondslag,referentie,peildatum,controleer');
  });

  it('takes the CBS care figures as a comparison with the gemeente, and says what a cell rests on', async () => {
    const s = await pilot();
    unwrap(
      await s.importCbs(
        csv(
          'wmo-enschede-2024.csv',
          '"WijkenEnBuurten";"Gemeentenaam_1";"SoortRegio_2";"Codering_3";"WmoClientenRelatief_101"\n' +
            '"Enschede";"Enschede";"Gemeente";"GM0153";"88"\n' +
            '"Boswinkel-De Braker";"Enschede";"Buurt";"BU01530201";"132"\n' +
            '"Pathmos";"Enschede";"Buurt";"BU01530202";"95"\n',
        ),
        { jaar: 2024 },
      ),
    );
    const h = unwrap(await s.getHiaten());
    const cel = zoek(h.cellen, BOSWINKEL);
    expect(cel.basis).toEqual(['cognos', 'cbs-zorg', 'cbs-demografie']);
    const wmo = cel.signalen.find((x) => x.soort === 'zorg')!;
    expect(wmo).toMatchObject({ naam: 'Wmo-cliënten (CBS)', referentie: 'cbs-gemeente', schaal: 1000 });
    expect(wmo.aandeel).toBeCloseTo(0.132, 6);
    expect(wmo.gemeente).toBeCloseTo(0.088, 6);
    expect(cel.toelichting).toContain('wmo-cliënten (CBS) 132,0 per 1.000 inwoners (gemeente 88,0)');
    // Pathmos: care figures but no Cognos counts: a comparison that rests on CBS, not on Cognos.
    const buur = zoek(h.cellen, PATHMOS);
    expect(buur.basis).toEqual(['cbs-zorg', 'cbs-demografie']);
    expect(buur.delen).toEqual([]);
  });

  it('writes the sentences in English when asked', async () => {
    const s = await pilot();
    const cel = zoek(unwrap(await s.getHiaten({ taal: 'en' })).cellen, BOSWINKEL);
    expect(cel.toelichting).toContain('109 allocations');
    expect(cel.toelichting).toContain('reference date 2 April 2024');
    expect(cel.toelichting).toContain('no comparison with the municipality possible');
    expect(cel.toelichting).not.toMatch(/\b(geen|gemeente|peildatum|inwoners)\b/);
    // Issue 21: the default rules, signals and leefgebieden in English too; the period line as well.
    const h = unwrap(await s.getHiaten({ taal: 'en' }));
    for (const c of h.cellen)
      expect(c.toelichting).not.toMatch(
        /\b(aandeel|maatwerk|lichte|ondersteuning|jeugdhulp|meldingen|hulpverlening|scholing|welzijn|cliënten)\b/i,
      );
    expect(h.leefgebieden.map((l) => l.label)).toContain('Care/support');
    expect(h.periode ?? '').not.toMatch(/peildatum/);
  });

  it('keeps settings saved by an earlier version working, with the CBS care signals added', async () => {
    const s = await pilot();
    const oud = {
      vraag: STANDAARD_INSTELLINGEN.vraag,
      vraagGewicht: 2,
      signalen: [
        {
          naam: 'Aandeel 65-plussers',
          teller: 'leeftijd_65_plus',
          noemer: 'inwoners',
          leefgebieden: ['zorg'],
          gewicht: 1,
        },
      ],
      drempels: { aandacht: 1, hiaat: 1.25, ernstig: 1.75 },
    };
    unwrap(await s.saveHiatenInstellingen(oud));
    const i = unwrap(await s.getHiaten()).instellingen;
    expect(i.signalen.map((x) => [x.naam, x.soort])).toEqual([
      ['Wmo-cliënten (CBS)', 'zorg'],
      ['Jongeren met jeugdzorg (CBS)', 'zorg'],
      ['Personen met bijstand (CBS)', 'zorg'],
      ['Aandeel 65-plussers', 'demografie'],
    ]);
    expect(i.absoluut).toEqual(STANDAARD_INSTELLINGEN.absoluut);
  });
});

describe('hiaten: plausibility in the Cognos import preview', () => {
  it('warns "controleer dit cijfer" with file, row and column, and still lets the import go on', async () => {
    const s = await pilot();
    const file = csv(
      'stadsveld-2024-04-02.csv',
      'Buurt;Peildatum;Product;Aantal toewijzingen\nStadsveld-Zuid;2-4-2024;Ondersteuningsbehoefte 1 Wmo;1204\n',
    );
    const p = unwrap(await s.previewCognosImport(file, {}));
    expect(p.problemen).toEqual([
      expect.objectContaining({
        level: 'waarschuwing',
        code: 'cognos.controleer-aandeel',
        file: 'stadsveld-2024-04-02.csv',
        row: 2,
        column: 'Aantal toewijzingen',
        params: expect.objectContaining({ waarde: 1204, gebied: 'Stadsveld-Zuid' }),
      }),
    ]);
    expect(p.kanImporteren).toBe(true);
    // A jump of more than five times since the previous moment.
    const sprong = unwrap(
      await s.previewCognosImport(
        csv(
          'boswinkel-2024-07-01.csv',
          'Buurt;Peildatum;Product;Aantal toewijzingen\nBoswinkel-De Braker;1-7-2024;Ondersteuningsbehoefte 2 Wmo;250\n',
        ),
        {},
      ),
    );
    expect(sprong.problemen.map((x) => x.code)).toEqual(['cognos.controleer-sprong']);
  });
});
