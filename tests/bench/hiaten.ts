/**
 * `npm run bench`, hiaten part (issue 7): the gap analysis for every buurt of the Netherlands (about 14,000) × 7
 * leefgebieden, with six counts per buurt and 20,000 voorzieningen. Target: under 1 s in the worker.
 */
import { berekenHiaten, type HiatenInput } from '../../shared/analysis/hiaten';
import { seededRandom } from '../../shared/analysis/analyse';

type Report = (what: string, value: string, note?: string) => void;

export function benchHiaten(report: Report): void {
  const rnd = seededRandom(5);
  const n = 14000;
  const lgs = ['wonen', 'werk_inkomen', 'onderwijs', 'gezondheid', 'welzijn', 'zorg', 'veiligheid'].map((code) => ({
    code,
    label: code,
  }));
  // 340 gemeenten of about 41 buurten, each gemeente with its own CBS row (care figures too) and, for half of them,
  // a Cognos total at the same peildatum; counts at one peildatum (toewijzingen) and one periode (meldingen).
  const code = (i: number) => `BU${String(Math.floor(i / 41)).padStart(4, '0')}${String(i % 41).padStart(4, '0')}`;
  const gm = (i: number) => `GM${String(i).padStart(4, '0')}`;
  const cijfers = () => ({
    inwoners: 200 + Math.floor(rnd() * 5000),
    leeftijd_65_plus: Math.floor(rnd() * 900),
    huishoudens: 1000,
    eenpersoonshuishoudens: Math.floor(rnd() * 600),
    leeftijd_0_14: Math.floor(rnd() * 700),
    wmo_clienten_per_1000: 40 + Math.floor(rnd() * 80),
    jeugdzorg_percentage: 5 + rnd() * 10,
  });
  const moment = (i: number) =>
    i % 3
      ? { soort: 'peildatum' as const, tot: '2024-04-02' }
      : { soort: 'periode' as const, van: '2024-04-01', tot: '2024-04-30' };
  const input: HiatenInput = {
    gebieden: Array.from({ length: n }, (_, i) => ({
      code: code(i),
      naam: `Buurt ${i}`,
      wijkCode: `WK${code(i).slice(2, 8)}`,
      cijfers: cijfers(),
    })),
    gemeenten: Array.from({ length: Math.ceil(n / 41) }, (_, g) => ({
      code: gm(g),
      naam: `Gemeente ${g}`,
      wijkCode: null,
      cijfers: { ...cijfers(), inwoners: 60000 },
    })),
    metingen: [
      ...Array.from({ length: n * 6 }, (_, i) => ({
        id: i,
        gebied: code(i % n),
        maat: i % 3 ? 'toewijzingen' : 'meldingen',
        wet: i % 2 ? 'Wmo' : 'Jeugdwet',
        ondersteuningsbehoefte: 1 + (i % 5),
        vorm: null,
        product: `Product ${i % 5}`,
        waarde: Math.floor(rnd() * 40),
        onderdrukt: rnd() < 0.05,
        moment: moment(i),
        bron: 'cognos.xlsx',
        vorige: Math.floor(rnd() * 40),
      })),
      ...Array.from({ length: Math.ceil(n / 82) * 6 }, (_, i) => ({
        gebied: gm(2 * Math.floor(i / 6)),
        maat: i % 3 ? 'toewijzingen' : 'meldingen',
        wet: i % 2 ? 'Wmo' : 'Jeugdwet',
        ondersteuningsbehoefte: 1 + (i % 5),
        vorm: null,
        product: `Product ${i % 5}`,
        waarde: 500 + Math.floor(rnd() * 900),
        onderdrukt: false,
        moment: moment(i),
      })),
    ],
    voorzieningen: Array.from({ length: 20000 }, (_, i) => ({
      id: i,
      naam: `V${i}`,
      organisatie: null,
      collectief: rnd() < 0.6,
      vrijToegankelijk: rnd() < 0.6,
      status: 'actief' as const,
      leefgebieden: [lgs[i % 7]!.code],
      doelgroepen: [],
      werkgebied: [`BU${String(Math.floor(rnd() * n)).padStart(8, '0')}`],
      locatie: null,
    })),
    leefgebieden: lgs,
    periode: 'peildatum 2024-04-02',
  };
  berekenHiaten(input); // warm up
  const tijden: number[] = [];
  let cellen = 0;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    cellen = berekenHiaten(input).length;
    tijden.push(performance.now() - t0);
  }
  tijden.sort((a, b) => a - b);
  report(
    'hiaten: 14,000 buurten × 7 leefgebieden (median of 3)',
    `${tijden[1]!.toFixed(0)} ms`,
    `${cellen} cellen; target < 1,000 ms (ratio ${(tijden[1]! / 1000).toFixed(2)})`,
  );
}
