/** Pure parts of the Hiaten view: severity styles, the matrix and its sorting, the ranked list, input, scenario. */
import { describe, expect, it } from 'vitest';
import type { HiaatCel, ScenarioUitkomst, Voorziening } from '../../../../../shared/contract';
import { STANDAARD_INSTELLINGEN } from '../../../../../shared/analysis/hiaten';
import { STANDAARD_SCENARIO, berekenScenario } from '../../../../../shared/analysis/scenario';
import {
  ERNST_STIJL,
  ERNST_VOLGORDE,
  bouwMatrix,
  controleerInstellingen,
  controleerScenario,
  ernstRang,
  gerangschikt,
  naarWaarden,
  nietMeegeteld,
  parseGetal,
  scenarioNaarWaarden,
  scenarioPerBuurt,
  scenarioTabel,
  sorteerRijen,
  tellingPerErnst,
} from '../../../../../renderer/features/hiaten/logic';
import nl from '../../../../../shared/i18n/hiaten.nl.json';

const cel = (p: Partial<HiaatCel> & Pick<HiaatCel, 'gebiedCode' | 'leefgebied' | 'ernst'>): HiaatCel => ({
  gebiedNaam: p.gebiedCode === 'BU1' ? 'Boswinkel' : p.gebiedCode === 'BU2' ? 'Stadsveld' : 'Zuid',
  leefgebiedLabel: p.leefgebied,
  doelgroep: null,
  inVoorbereiding: false,
  index: null,
  vraag: null,
  vraagPer1000: null,
  gemeentePer1000: null,
  kwartiel: null,
  onderdrukt: false,
  afgeschermd: false,
  basis: ['cognos'],
  referentie: null,
  controleer: false,
  delen: [],
  signalen: [],
  aanbodCollectief: [],
  aanbodGepland: [],
  toelichting: '',
  ...p,
});

const CELLEN: HiaatCel[] = [
  cel({ gebiedCode: 'BU1', leefgebied: 'zorg', ernst: 'ernstig', index: 5.1, vraagPer1000: 40.6 }),
  cel({ gebiedCode: 'BU1', leefgebied: 'welzijn', ernst: 'geen', index: 4.8, vraagPer1000: 29.3 }),
  cel({ gebiedCode: 'BU2', leefgebied: 'zorg', ernst: 'geen', index: 0.6, vraagPer1000: 5 }),
  cel({ gebiedCode: 'BU2', leefgebied: 'welzijn', ernst: 'aandacht', index: 1.1, vraagPer1000: 6.5 }),
  cel({ gebiedCode: 'BU3', leefgebied: 'zorg', ernst: 'geen-gegevens' }),
  cel({ gebiedCode: 'BU3', leefgebied: 'welzijn', ernst: 'hiaat', index: 1.4, vraagPer1000: 9 }),
];

describe('severity styles', () => {
  it('are ordered, light to dark, with a symbol each, and "geen gegevens" is hatched, not a step of the scale', () => {
    expect(ERNST_VOLGORDE).toEqual(['ernstig', 'hiaat', 'aandacht', 'geen', 'geen-gegevens']);
    const lum = (hex: string) => {
      const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
      const lin = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
    };
    const scale = (['geen', 'aandacht', 'hiaat', 'ernstig'] as const).map((e) => lum(ERNST_STIJL[e].fill));
    for (let i = 1; i < scale.length; i++) expect(scale[i]!).toBeLessThan(scale[i - 1]!);
    // Text on every fill has a contrast of at least 4.5:1.
    for (const e of ERNST_VOLGORDE) {
      const [a, b] = [lum(ERNST_STIJL[e].fill), lum(ERNST_STIJL[e].tekst)].sort((x, y) => y - x);
      expect((a! + 0.05) / (b! + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
    expect(new Set(ERNST_VOLGORDE.map((e) => ERNST_STIJL[e].symbool)).size).toBe(5);
    expect(ERNST_STIJL['geen-gegevens'].arcering).toBe(true);
    expect(ERNST_VOLGORDE.filter((e) => ERNST_STIJL[e].arcering)).toEqual(['geen-gegevens']);
    expect(ernstRang('geen-gegevens')).toBeLessThan(ernstRang('geen'));
    // Every severity has its words in the texts.
    for (const e of ERNST_VOLGORDE) {
      expect(nl.hiaten.ernst[e]).toBeTruthy();
      expect(nl.hiaten.ernstKop[e]).toBeTruthy();
    }
  });
});

describe('the matrix', () => {
  it('has a row per buurt with its worst cell', () => {
    const rijen = bouwMatrix(CELLEN);
    expect(rijen.map((r) => r.code)).toEqual(['BU1', 'BU2', 'BU3']);
    expect(rijen.map((r) => r.ergste?.ernst)).toEqual(['ernstig', 'aandacht', 'hiaat']);
    expect(rijen[0]!.cellen.get('welzijn')?.index).toBe(4.8);
  });
  it('sorts by severity, by a figure (unknown last) or by name, for the row or for one column', () => {
    const rijen = bouwMatrix(CELLEN);
    expect(sorteerRijen(rijen, 'ernst', null).map((r) => r.code)).toEqual(['BU1', 'BU3', 'BU2']);
    expect(sorteerRijen(rijen, 'ernst', 'welzijn').map((r) => r.code)).toEqual(['BU3', 'BU2', 'BU1']);
    expect(sorteerRijen(rijen, 'index', 'zorg').map((r) => r.code)).toEqual(['BU1', 'BU2', 'BU3']);
    expect(sorteerRijen(rijen, 'per1000', null).map((r) => r.code)).toEqual(['BU1', 'BU3', 'BU2']);
    expect(sorteerRijen(rijen, 'naam', null).map((r) => r.naam)).toEqual(['Boswinkel', 'Stadsveld', 'Zuid']);
    // Sorting never changes the input.
    expect(rijen.map((r) => r.code)).toEqual(['BU1', 'BU2', 'BU3']);
  });
  it('ranks the signals, most severe first, and counts per severity', () => {
    expect(gerangschikt(CELLEN).map((c) => `${c.gebiedCode}-${c.leefgebied}`)).toEqual([
      'BU1-zorg',
      'BU3-welzijn',
      'BU2-welzijn',
    ]);
    // The order of the input does not matter.
    expect(gerangschikt([...CELLEN].reverse())).toEqual(gerangschikt(CELLEN));
    expect(tellingPerErnst(CELLEN)).toEqual({ ernstig: 1, hiaat: 1, aandacht: 1, geen: 2, 'geen-gegevens': 1 });
  });
});

describe('what was looked at', () => {
  const vz = (p: Partial<Voorziening> & Pick<Voorziening, 'id' | 'naam'>): Voorziening => ({
    organisatieId: null,
    organisatieNaam: null,
    collectief: true,
    vrijToegankelijk: true,
    preventieniveau: null,
    status: 'actief',
    startdatum: null,
    einddatum: null,
    leefgebieden: ['zorg'],
    doelgroepen: [],
    werkgebied: [],
    locatieBuurtCode: null,
    adres: null,
    postcode: null,
    capaciteit: null,
    kosten: null,
    contact: null,
    notities: null,
    gewijzigd: '2026-01-01T00:00:00Z',
    ...p,
  });
  it('lists the offers in the buurt that did not count, with the reasons', () => {
    const c = cel({ gebiedCode: 'BU1', leefgebied: 'zorg', ernst: 'ernstig', aanbodGepland: [4] });
    const lijst = nietMeegeteld(
      [
        vz({ id: 1, naam: 'Maatwerk', collectief: false, vrijToegankelijk: false, werkgebied: ['BU1'] }),
        vz({ id: 2, naam: 'Buurthuis', leefgebieden: ['welzijn'], locatieBuurtCode: 'BU1' }),
        vz({ id: 3, naam: 'Elders', collectief: false, locatieBuurtCode: 'BU9' }),
        vz({ id: 4, naam: 'Gepland', status: 'gepland', werkgebied: ['BU1'] }),
        vz({ id: 5, naam: 'Wijkbreed', collectief: false, werkgebied: ['WK1'] }),
      ],
      c,
      'WK1',
    );
    expect(lijst.map((x) => [x.voorziening.naam, x.redenen])).toEqual([
      ['Buurthuis', ['ander-leefgebied']],
      ['Maatwerk', ['niet-collectief', 'op-indicatie']],
      ['Wijkbreed', ['niet-collectief']],
    ]);
  });
});

describe('numbers as people type them', () => {
  it('reads Dutch and English decimals, thousands, euros and percentages', () => {
    expect(parseGetal('1,25')).toBe(1.25);
    expect(parseGetal('1.25')).toBe(1.25);
    expect(parseGetal('5.000')).toBe(5000);
    expect(parseGetal('€ 5.000,50')).toBe(5000.5);
    expect(parseGetal(' 40 % ')).toBe(40);
    expect(parseGetal('')).toBeNull();
    expect(parseGetal('veel')).toBeNaN();
  });
});

describe('the settings form', () => {
  it('round-trips the settings and checks order and ranges', () => {
    const w = naarWaarden(STANDAARD_INSTELLINGEN);
    expect(w.hiaat).toBe('1,25');
    const ok = controleerInstellingen(STANDAARD_INSTELLINGEN, w);
    expect(ok).toEqual({ ok: true, instellingen: STANDAARD_INSTELLINGEN });
    const order = controleerInstellingen(STANDAARD_INSTELLINGEN, { ...w, hiaat: '2', ernstig: '1,5' });
    expect(order).toEqual({ ok: false, problemen: [{ veld: 'hiaat', sleutel: 'hiaten.instellingen.fout.volgorde' }] });
    const bad = controleerInstellingen(STANDAARD_INSTELLINGEN, { ...w, aandacht: 'x', signalen: ['-1', '200', ''] });
    expect(bad.ok ? [] : bad.problemen.map((p) => p.veld)).toEqual(['aandacht', 'signaal-0', 'signaal-1', 'signaal-2']);
    const changed = controleerInstellingen(STANDAARD_INSTELLINGEN, { ...w, signalen: ['0', '2', '1', '1', '1', '3'] });
    expect(changed.ok && changed.instellingen.signalen.map((s) => s.gewicht)).toEqual([0, 2, 1, 1, 1, 3]);
  });
});

describe('the scenario', () => {
  const input = {
    gebieden: [
      { code: 'BU1', naam: 'Boswinkel', wijkCode: null, cijfers: { inwoners: 3715 } },
      { code: 'BU2', naam: 'Stadsveld', wijkCode: null, cijfers: { inwoners: 4000 } },
    ],
    metingen: [
      {
        gebied: 'BU1',
        maat: 'toewijzingen',
        wet: 'Wmo',
        ondersteuningsbehoefte: 1,
        vorm: null,
        product: 'OB1',
        waarde: 68,
        onderdrukt: false,
      },
      {
        gebied: 'BU1',
        maat: 'toewijzingen',
        wet: 'Wmo',
        ondersteuningsbehoefte: 2,
        vorm: null,
        product: 'OB2',
        waarde: 41,
        onderdrukt: false,
      },
      {
        gebied: 'BU2',
        maat: 'toewijzingen',
        wet: 'Wmo',
        ondersteuningsbehoefte: 1,
        vorm: null,
        product: 'OB1',
        waarde: 12,
        onderdrukt: false,
      },
    ],
    voorzieningen: [],
    leefgebieden: [],
    periode: null,
  };

  it('reads the form: percentages, tariffs per product, the selection', () => {
    const w = scenarioNaarWaarden({ ...STANDAARD_SCENARIO, startjaar: 2024 });
    expect(w.verschuiving).toBe('40');
    expect(w.opbouw).toEqual(['18,75', '75', '100', '100', '100']);
    expect(w.niveaus).toEqual(['1', '2']);
    const r = controleerScenario({ ...w, tarieven: { OB1: '€ 6.000', OB2: '' }, gebieden: ['BU1'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parameters).toEqual({
      ...STANDAARD_SCENARIO,
      startjaar: 2024,
      selectie: { ...STANDAARD_SCENARIO.selectie, vorm: null },
      tarieven: { OB1: 6000 },
      gebieden: ['BU1'],
    });
    const bad = controleerScenario({ ...w, verschuiving: '140', startjaar: '24', opbouw: ['50', 'x'] });
    expect(bad.ok ? [] : bad.problemen).toEqual([
      { veld: 'verschuiving', sleutel: 'scenario.fout.procent' },
      { veld: 'startjaar', sleutel: 'scenario.fout.bereik' },
      { veld: 'opbouw-1', sleutel: 'scenario.fout.geenGetal' },
    ]);
  });

  it('builds the yearly table of the medium scenario and the table per buurt', () => {
    const uit: ScenarioUitkomst = berekenScenario(input, {
      ...STANDAARD_SCENARIO,
      startjaar: 2024,
      standaardTarief: 2500,
    });
    const tabel = scenarioTabel(uit.perJaar);
    expect(tabel.jaren).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(tabel.rijen.map((r) => r.sleutel)).toEqual([
      'opbouw',
      'minderIndicaties',
      'besparing',
      'vervangendeInzet',
      'netto',
    ]);
    const besparing = tabel.rijen.find((r) => r.sleutel === 'besparing')!;
    // 121 indications × 40% × € 2,500 = € 121,000 at the full effect.
    expect(besparing.waarden.map(Math.round)).toEqual([22688, 90750, 121000, 121000, 121000]);
    expect(besparing.totaal).toBeCloseTo(
      besparing.waarden.reduce((a, b) => a + b, 0),
      6,
    );
    expect(tabel.rijen[0]!.totaal).toBeNull();
    const netto = tabel.rijen.find((r) => r.sleutel === 'netto')!;
    expect(netto.waarden[2]).toBeCloseTo(121000 * 0.62, 6);

    const perBuurt = scenarioPerBuurt(uit);
    expect(perBuurt.map((b) => [b.code, b.indicaties])).toEqual([
      ['BU1', 109],
      ['BU2', 12],
    ]);
    expect(perBuurt[0]!.minderVolledig).toBeCloseTo(109 * 0.4, 6);
    expect(perBuurt[0]!.netto).toHaveLength(5);
    expect(perBuurt[0]!.nettoTotaal + perBuurt[1]!.nettoTotaal).toBeCloseTo(netto.totaal!, 6);
  });
});
