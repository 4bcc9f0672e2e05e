/** The Kaart's colouring (kaart/logic.ts): every buurt's fill, value and legend class, the legend, the markers. */
import { describe, expect, it } from 'vitest';
import type { GebiedProfiel, HiaatCel, Organisatie, Voorziening } from '../../../../../shared/contract';
import type { CapaciteitRij } from '../../../../../shared/analysis/pilot';
import { ERNST_STIJL, ERNST_VOLGORDE } from '../../../../../renderer/features/hiaten/logic';
import { INDEX_PALET, indexKlasse } from '../../../../../renderer/features/pilot/logic';
import {
  BLAUW_5,
  indicatorenVan,
  kleurKaart,
  leesKleuring,
  markerLegenda,
  plaatsMarkers,
  spreiding,
  standaardKleuring,
  type KleuringInvoer,
  type Vorm,
} from '../../../../../renderer/features/kaart/logic';

/** A translation that shows its key and parameters, so a test sees which text was asked for. */
const t = (key: string, params?: Record<string, unknown>) => (params ? `${key}${JSON.stringify(params)}` : key);
const getal = (n: number) => String(n).replace('.', ',');

const vorm = (code: string, wijkCode: string | null = 'WK01', centrum: [number, number] | null = [100, 100]): Vorm => ({
  g: { code, naam: `Buurt ${code}`, niveau: 'buurt', wijkCode, coordinates: [] },
  d: `M0,0Z${code}`,
  centrum,
});

const invoer = (over: Partial<KleuringInvoer>): KleuringInvoer => ({
  soort: null,
  sleutel: null,
  vormen: [],
  profielen: null,
  cellen: new Map(),
  eenheid: null,
  capaciteit: null,
  getal,
  t,
  ...over,
});

const rij = (sleutel: string, waarde: number | null, status: 'ok' | 'ontbreekt' | 'geheim' = 'ok') => ({
  sleutel,
  label: `Label ${sleutel}`,
  eenheid: sleutel.startsWith('aandeel') ? '%' : null,
  canoniek: true,
  waarde,
  status,
  gemeente: null,
  vorigJaar: null,
  bron: { bestandsnaam: null, geimporteerdOp: '2024-01-01' },
});
const profiel = (rijen: ReturnType<typeof rij>[], afgeleid: ReturnType<typeof rij>[] = []) =>
  ({ rijen, afgeleid }) as unknown as GebiedProfiel;

const cel = (gebiedCode: string, over: Partial<HiaatCel>): HiaatCel =>
  ({
    gebiedCode,
    gebiedNaam: gebiedCode,
    leefgebied: 'zorg',
    leefgebiedLabel: 'Zorg',
    ernst: 'geen',
    inVoorbereiding: false,
    index: null,
    basis: [],
    ...over,
  }) as HiaatCel;

describe('colouring by a CBS figure', () => {
  const codes = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7'];
  const waarden = [10, 20, 30, 40, 50];
  const profielen = new Map<string, GebiedProfiel>([
    ...waarden.map((w, i) => [codes[i]!, profiel([rij('aandeel_65_plus', w)])] as const),
    ['B6', profiel([rij('aandeel_65_plus', null, 'geheim')])],
    // B7 has no profile at all.
  ]);
  const k = kleurKaart(
    invoer({ soort: 'cbs', sleutel: 'aandeel_65_plus', vormen: codes.map((c) => vorm(c)), profielen, eenheid: '%' }),
  );

  it('puts every buurt with a figure in a class of the blue palette, the legend counting them', () => {
    const metGetal = k.vlakken.filter((v) => v.getal !== null);
    expect(metGetal.map((v) => v.getal)).toEqual(waarden);
    for (const v of metGetal) {
      const item = k.legenda.find((l) => l.id === v.klasse)!;
      expect(v.klasse).toMatch(/^k\d$/);
      expect(v.fill).toBe(item.fill);
      expect(BLAUW_5).toContain(v.fill);
      expect(v.arcering).toBe(false);
    }
    // Classes go up: a higher figure never has a lower class.
    const klassen = metGetal.map((v) => Number(v.klasse.slice(1)));
    expect([...klassen].sort((a, b) => a - b)).toEqual(klassen);
    const inKlassen = k.legenda.filter((l) => l.id.startsWith('k')).reduce((s, l) => s + l.aantal, 0);
    expect(inKlassen).toBe(waarden.length);
    expect(k.methode).toBe(`kaart.methode{"count":${k.legenda.length - 1}}`);
  });

  it('shows the value with its unit, and hatches a buurt without a figure (secret or missing)', () => {
    expect(k.vlakken[0]).toMatchObject({ code: 'B1', naam: 'Buurt B1', d: 'M0,0ZB1', waarde: '10 %' });
    expect(k.vlakken[5]).toMatchObject({
      waarde: 'kaart.geheim',
      klasse: 'leeg',
      arcering: true,
      fill: ERNST_STIJL['geen-gegevens'].fill,
    });
    expect(k.vlakken[6]).toMatchObject({ waarde: 'kaart.geenGegevens', klasse: 'leeg', arcering: true, getal: null });
    expect(k.legenda.at(-1)).toMatchObject({ id: 'leeg', aantal: 2, arcering: true });
  });
});

describe('colouring by gap severity', () => {
  const cellen = new Map<string, HiaatCel>([
    ['B1|zorg', cel('B1', { ernst: 'ernstig', index: 2.5, basis: ['cognos', 'cbs-zorg'] })],
    ['B2|zorg', cel('B2', { ernst: 'aandacht', basis: ['cbs-demografie'], inVoorbereiding: true })],
    ['B3|werk', cel('B3', { ernst: 'hiaat', leefgebied: 'werk' })],
  ]);
  const k = kleurKaart(
    invoer({ soort: 'hiaat', sleutel: 'zorg', vormen: ['B1', 'B2', 'B3'].map((c) => vorm(c)), cellen }),
  );

  it('fills each buurt with the style of its severity and says what it rests on', () => {
    expect(k.vlakken.map((v) => v.klasse)).toEqual(['ernstig', 'aandacht', 'geen-gegevens']);
    expect(k.vlakken.map((v) => v.fill)).toEqual([
      ERNST_STIJL.ernstig.fill,
      ERNST_STIJL.aandacht.fill,
      ERNST_STIJL['geen-gegevens'].fill,
    ]);
    expect(k.vlakken[0]!.waarde).toBe(
      'hiaten.ernst.ernstig, hiaten.indexWaarde{"index":"2,5"}, hiaten.basis.cognos + hiaten.basis.cbs-zorg',
    );
    expect(k.vlakken[1]).toMatchObject({
      voorbereiding: true,
      waarde: 'hiaten.ernst.aandacht, hiaten.inVoorbereiding, hiaten.basis.cbs-demografie',
    });
    expect(k.vlakken[2]).toMatchObject({ arcering: true, voorbereiding: false, getal: null });
  });

  it('lists the severities in order with their counts, those on CBS figures alone, and the prepared ones', () => {
    expect(k.legenda.map((l) => l.id)).toEqual([...ERNST_VOLGORDE, 'voorbereiding']);
    expect(k.legenda.map((l) => l.aantal)).toEqual([1, 0, 1, 0, 1, 1]);
    expect(k.legenda.find((l) => l.id === 'aandacht')!.label).toContain('kaart.alleenCbs{"count":1}');
    expect(k.legenda.find((l) => l.id === 'ernstig')!.label).not.toContain('alleenCbs');
    expect(k.methode).toBe('kaart.methodeHiaten');
  });
});

describe('colouring by the pilot’s aanmeldingen per fte', () => {
  const rijen = [
    { code: 'WK01', naam: 'Wijk 1', index: 1.3, aanmeldingenPerFte: 12.5 },
    { code: 'B3', naam: 'Buurt 3', index: 0.7, aanmeldingenPerFte: null },
  ] as unknown as CapaciteitRij[];
  const k = kleurKaart(
    invoer({
      soort: 'pilot',
      sleutel: 'apf',
      vormen: [vorm('B1'), vorm('B2', 'WK02'), vorm('B3', 'WK02')],
      capaciteit: { rijen, leden: new Map() },
    }),
  );

  it('gives a buurt the index of the gebied that covers it, in the index palette', () => {
    expect(k.vlakken.map((v) => v.getal)).toEqual([1.3, null, 0.7]);
    expect(k.vlakken[0]).toMatchObject({ fill: INDEX_PALET[indexKlasse(1.3)], klasse: `i${indexKlasse(1.3)}` });
    expect(k.vlakken[0]!.waarde).toBe('kaart.indexWaarde{"index":"1,3","perFte":"12,5","gebied":"Wijk 1"}');
    expect(k.vlakken[2]!.waarde).toContain('"perFte":"–"');
    expect(k.vlakken[1]).toMatchObject({ klasse: 'leeg', arcering: true, waarde: 'kaart.geenGegevens' });
    expect(k.legenda.map((l) => l.id)).toEqual(['i0', 'i1', 'i2', 'i3', 'i4', 'leeg']);
    expect(k.legenda.reduce((s, l) => s + l.aantal, 0)).toBe(3);
    expect(k.methode).toBe('kaart.methodePilot');
  });
});

describe('without a colouring', () => {
  it('draws the buurten grey, without legend (also the pilot without capacity)', () => {
    for (const soort of [null, 'pilot'] as const) {
      const k = kleurKaart(invoer({ soort, sleutel: 'apf', vormen: [vorm('B1')] }));
      expect(k.vlakken).toEqual([
        expect.objectContaining({ fill: '#f3f3f3', arcering: false, waarde: '', klasse: '', getal: null }),
      ]);
      expect(k.legenda).toEqual([]);
      expect(k.methode).toBeNull();
    }
  });
});

describe('choosing what colours the map', () => {
  it('reads hiaat:, cbs: and pilot: choices', () => {
    expect(leesKleuring('cbs:aandeel_65_plus')).toEqual({ soort: 'cbs', sleutel: 'aandeel_65_plus' });
    expect(leesKleuring('hiaat:a:b')).toEqual({ soort: 'hiaat', sleutel: 'a:b' });
    expect(leesKleuring(null)).toEqual({ soort: null, sleutel: null });
  });

  it('offers the CBS figures the buurten have, the usual ones first, each once', () => {
    const lijst = indicatorenVan([
      profiel([rij('woz', 1), rij('inwoners', 2)], [rij('aandeel_65_plus', 3)]),
      profiel([rij('woz', 1), rij('leeftijd_65_plus', 2)]),
    ]);
    expect(lijst.map((i) => i.sleutel)).toEqual(['inwoners', 'aandeel_65_plus', 'leeftijd_65_plus', 'woz']);
    expect(lijst[1]).toEqual({ sleutel: 'aandeel_65_plus', label: 'Label aandeel_65_plus', eenheid: '%' });
    expect(indicatorenVan(null)).toEqual([]);
  });

  it('starts with the leefgebied of the most severe gap, else a CBS figure, else the first leefgebied', () => {
    const indicatoren = [{ sleutel: 'inwoners', label: 'Inwoners', eenheid: null }];
    const leefgebieden = [{ code: 'wonen' }];
    const cellen = [
      cel('B1', { ernst: 'aandacht', leefgebied: 'zorg' }),
      cel('B2', { ernst: 'ernstig', leefgebied: 'werk' }),
    ];
    expect(standaardKleuring(cellen, indicatoren, leefgebieden)).toBe('hiaat:werk');
    const zonder = [cel('B1', { ernst: 'geen-gegevens' })];
    expect(standaardKleuring(zonder, indicatoren, leefgebieden)).toBe('cbs:inwoners');
    expect(standaardKleuring(zonder, [], leefgebieden)).toBe('hiaat:wonen');
    expect(standaardKleuring([], [], [])).toBeNull();
  });
});

describe('the markers', () => {
  const vormen = [vorm('B1', 'WK01', [100, 200]), vorm('B2'), vorm('B3', 'WK01', null)];
  const organisaties = [
    { id: 1, naam: 'Wijkteam', buurtCode: 'B1' },
    { id: 2, naam: 'Zonder buurt', buurtCode: null },
    { id: 3, naam: 'Buurt zonder midden', buurtCode: 'B3' },
  ] as unknown as Organisatie[];
  const voorzieningen = [
    {
      id: 7,
      naam: 'Inloop',
      leefgebieden: ['welzijn'],
      status: 'actief',
      locatieBuurtCode: 'B1',
      werkgebied: [],
      collectief: true,
      vrijToegankelijk: true,
    },
    {
      id: 8,
      naam: 'Traject',
      leefgebieden: ['zorg'],
      status: 'actief',
      locatieBuurtCode: null,
      werkgebied: ['B2'],
      collectief: true,
      vrijToegankelijk: false,
    },
    {
      id: 9,
      naam: 'Gestopt',
      leefgebieden: ['zorg'],
      status: 'gestopt',
      locatieBuurtCode: 'B1',
      werkgebied: [],
      collectief: true,
      vrijToegankelijk: true,
    },
    {
      id: 10,
      naam: 'Overal',
      leefgebieden: ['zorg'],
      status: 'actief',
      locatieBuurtCode: null,
      werkgebied: ['B1', 'B2'],
      collectief: false,
      vrijToegankelijk: false,
    },
  ] as unknown as Voorziening[];

  it('puts organisaties and voorzieningen in their buurt, spread around its centre', () => {
    const m = plaatsMarkers(vormen, organisaties, voorzieningen);
    expect(m.map((x) => [x.id, x.soort, x.buurt])).toEqual([
      ['o1', 'organisatie', 'B1'],
      ['v7', 'collectief', 'B1'],
      ['v8', 'ander', 'B2'],
    ]);
    const [dx, dy] = spreiding(1);
    expect(m[1]).toMatchObject({ x: 100 + dx, y: 200 + dy, naam: 'Inloop' });
    expect(m[0]).toMatchObject({ x: 100 + spreiding(0)[0], y: 200 + spreiding(0)[1] });
  });

  it('lists in the legend only the kinds shown, with their counts', () => {
    const m = plaatsMarkers(vormen, organisaties, voorzieningen);
    expect(markerLegenda(m, true, true, t).map((l) => l.label)).toEqual([
      'kaart.marker.collectief{"count":1}',
      'kaart.marker.ander{"count":1}',
      'kaart.marker.organisatie{"count":1}',
    ]);
    expect(markerLegenda(m, false, true, t).map((l) => l.soort)).toEqual(['collectief', 'ander']);
    expect(markerLegenda(m, true, false, t).map((l) => l.soort)).toEqual(['organisatie']);
  });

  it("on the map of one leefgebied's gaps shows only the offer for that leefgebied, and says so in the legend", () => {
    // A gap is the absence of collective offer for the leefgebied: offer for others in the buurt would contradict it.
    const m = plaatsMarkers(vormen, organisaties, voorzieningen, 'zorg');
    expect(m.map((x) => [x.id, x.soort])).toEqual([
      ['o1', 'organisatie'],
      ['v8', 'ander'],
    ]);
    expect(markerLegenda(m, true, true, t, 'Zorg/Hulpverlening').map((l) => l.label)).toEqual([
      'kaart.marker.collectiefVoor{"count":0,"leefgebied":"Zorg/Hulpverlening"}',
      'kaart.marker.anderVoor{"count":1,"leefgebied":"Zorg/Hulpverlening"}',
      'kaart.marker.organisatie{"count":1}',
    ]);
    expect(plaatsMarkers(vormen, organisaties, voorzieningen, 'welzijn').map((x) => x.id)).toEqual(['o1', 'v7']);
  });
});
