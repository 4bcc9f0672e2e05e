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
  const input: HiatenInput = {
    gebieden: Array.from({ length: n }, (_, i) => ({
      code: `BU${String(i).padStart(8, '0')}`,
      naam: `Buurt ${i}`,
      wijkCode: `WK${Math.floor(i / 10)}`,
      cijfers: {
        inwoners: 200 + Math.floor(rnd() * 5000),
        leeftijd_65_plus: Math.floor(rnd() * 900),
        huishoudens: 1000,
        eenpersoonshuishoudens: Math.floor(rnd() * 600),
        leeftijd_0_14: Math.floor(rnd() * 700),
      },
    })),
    metingen: Array.from({ length: n * 6 }, (_, i) => ({
      gebied: `BU${String(i % n).padStart(8, '0')}`,
      maat: i % 3 ? 'toewijzingen' : 'meldingen',
      wet: i % 2 ? 'Wmo' : 'Jeugdwet',
      ondersteuningsbehoefte: 1 + (i % 5),
      vorm: null,
      product: null,
      waarde: Math.floor(rnd() * 40),
      onderdrukt: rnd() < 0.05,
    })),
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
  const t0 = performance.now();
  const cellen = berekenHiaten(input);
  report(
    'hiaten: 14,000 buurten × 7 leefgebieden',
    `${(performance.now() - t0).toFixed(0)} ms`,
    `${cellen.length} cellen`,
  );
}
