/**
 * Builds the voorbeeldproject "Enschede West" (renderer/public/demo/voorbeeldproject.wijkweb) from the source files in
 * data/demo/bronnen/, only through the CLI (`runCli`, in process), so the file stays valid as the schema evolves.
 *   npx tsx scripts/build-demo.mts            (skips the work when the output is newer than its inputs)
 *   npx tsx scripts/build-demo.mts --force    (always rebuilds)
 *   npx tsx scripts/build-demo.mts --out P.wijkweb
 * The story: the January state (CBS, map, partner list, relaties, toewijzingen of 2 January) → a snapshot for the
 * stuurgroep of January → the April state (update of the partner list, new referrals, meldingen Jan–Apr,
 * toewijzingen of 2 April, the illustrative afhandeling and kosten exports) → saved views for the presentation. The import dates are those of the story (fixed
 * clock), so two builds give the same project. The project is built in a temporary folder and renamed into place
 * at the end: never a half file. One line per step; a failing step stops the build with the CLI's message.
 * The source files are made by data/demo/make-sources.mts; see data/demo/README.md.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCli } from '../cli/main';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BRONNEN = join(ROOT, 'data/demo/bronnen');
export const STANDAARD_UITVOER = join(ROOT, 'renderer/public/demo/voorbeeldproject.wijkweb');
/** What the output depends on: newer files here mean a rebuild. */
const INVOER = ['data/demo', 'data/cbs', 'data/taxonomieen.json', 'shared', 'cli', 'scripts/build-demo.mts'];
const PROJECT = 'voorbeeldproject.wijkweb';

interface Stap {
  readonly label: string;
  /** CLI arguments; `P` is the project file. */
  readonly args: readonly string[];
  /** The clock of the story at this step. */
  readonly op: string;
}

const bron = (naam: string) => join(BRONNEN, naam);
const JANUARI = '2024-01-15T09:00:00.000Z';
/** After the end of April: the Cognos export of the whole month April exists only then. */
const APRIL = '2024-05-06T09:00:00.000Z';

const TOESTAND_JANUARI: Stap[] = [
  { label: 'Nieuw project', args: ['new', 'P', '--naam', 'Enschede West (voorbeeld)'], op: JANUARI },
  {
    label: 'CBS-cijfers 2023',
    args: ['import', 'P', 'cbs', bron('cbs-kwb-2023-enschede-west.csv'), '--jaar', '2023'],
    op: JANUARI,
  },
  {
    label: 'Kaart (buurtgrenzen Enschede 2013)',
    args: ['import', 'P', 'geo', bron('buurten-enschede-2013.geojson'), '--jaar', '2023'],
    op: JANUARI,
  },
  {
    label: 'Partnerlijst januari 2024',
    args: ['import', 'P', 'partners', bron('partners-januari-2024.xlsx')],
    op: JANUARI,
  },
  {
    label: 'Relaties uit de bronnen',
    args: ['import', 'P', 'relaties', bron('relaties-uit-bronnen.xlsx')],
    op: JANUARI,
  },
  {
    label: 'Verwijzingen 2023 (illustratief)',
    args: ['import', 'P', 'relaties', bron('verwijzingen-illustratief-2023.xlsx')],
    op: JANUARI,
  },
  {
    label: 'Toewijzingen peildatum 2 januari 2024',
    args: ['import', 'P', 'cognos', bron('cognos-toewijzingen-2024-01-02.xlsx')],
    op: JANUARI,
  },
];

const TOESTAND_APRIL: Stap[] = [
  {
    label: 'Partnerlijst: wijzigingen april 2024',
    args: ['import', 'P', 'partners', bron('partners-update-april-2024.xlsx')],
    op: APRIL,
  },
  {
    label: 'Verwijzingen 2024-Q1 (illustratief)',
    args: ['import', 'P', 'relaties', bron('verwijzingen-illustratief-2024-q1.xlsx')],
    op: APRIL,
  },
  {
    label: 'Meldingen januari–april 2024',
    args: ['import', 'P', 'cognos', bron('cognos-meldingen-jan-apr-2024.xlsx')],
    op: APRIL,
  },
  {
    label: 'Toewijzingen peildatum 2 april 2024',
    args: ['import', 'P', 'cognos', bron('cognos-toewijzingen-2024-04-02.xlsx')],
    op: APRIL,
  },
  {
    label: 'Afhandeling aanmeldingen mei 2023 – april 2024 (illustratief)',
    args: ['import', 'P', 'cognos', bron('cognos-afhandeling-illustratief-2023-05-2024-04.xlsx')],
    op: APRIL,
  },
  {
    label: 'Kosten Wmo en Jeugd 2021 – april 2024 (illustratief)',
    args: ['import', 'P', 'cognos', bron('financien-kosten-wmo-jeugd-illustratief-2021-2024.xlsx')],
    op: APRIL,
  },
];

// ================================================================================================================
// STUURGROEP — the snapshot after the January state and the saved views for the presentation (CLI `snapshot` and
// `weergave`). The view settings of kaart and hiaten are read by nothing yet (the report uses title and note only).
// ================================================================================================================
const SNAPSHOT_JANUARI: Stap = {
  label: 'Momentopname stuurgroep januari 2024',
  args: ['snapshot', 'P', '--peildatum', '2024-01-15', '--naam', 'Stuurgroep januari 2024'],
  op: JANUARI,
};

const WEERGAVEN: Stap[] = [
  {
    // The pilot plan's own medium scenario, its inputs chosen from the plan (see the file's toelichting).
    label: 'Scenario: pilotplan medium scenario',
    args: [
      'scenario',
      'P',
      '--naam',
      'Pilotplan medium scenario',
      '--parameters',
      join(ROOT, 'data/demo/scenario-pilotplan-medium.json'),
    ],
    op: APRIL,
  },
  {
    // The pilot Hulp om de hoek: its gebied and start, the plan's success criteria as goals plus one illustrative
    // goal, the capacity per wijk and two (illustrative) satisfaction scores.
    label: 'Pilot Hulp om de hoek: doelen, capaciteit en tevredenheid',
    args: ['pilot', 'P', '--instellingen', join(ROOT, 'data/demo/pilot-hulp-om-de-hoek.json')],
    op: APRIL,
  },
  {
    label: 'Weergave kaart',
    args: [
      'weergave',
      'P',
      '--soort',
      'kaart',
      '--naam',
      'Kaart: hiaten zorg',
      '--titel',
      'Waar ontbreekt collectief aanbod voor zorg en hulpverlening?',
      '--notitie',
      'In Boswinkel-De Braker is de vraag naar lichte Wmo-ondersteuning het hoogst en is er nog geen collectief, ' +
        'vrij toegankelijk aanbod; de inloop van Hulp om de hoek is in voorbereiding.',
      '--instellingen',
      JSON.stringify({ kleuring: 'hiaat:zorg' }),
    ],
    op: APRIL,
  },
  {
    label: 'Weergave hiaten',
    args: [
      'weergave',
      'P',
      '--soort',
      'hiaten',
      '--naam',
      'Hiaten april 2024',
      '--titel',
      'Hiaten per buurt en leefgebied, april 2024',
      '--notitie',
      'Sinds januari is de Gamebus gestopt: Twekkelerveld heeft nu geen collectief, vrij toegankelijk aanbod voor ' +
        'onderwijs meer.',
      '--instellingen',
      JSON.stringify({ sorteer: 'ernst', doelgroep: null }),
    ],
    op: APRIL,
  },
  {
    label: 'Weergave netwerk',
    args: [
      'weergave',
      'P',
      '--soort',
      'netwerk',
      '--naam',
      'Netwerk Enschede West',
      '--titel',
      'Wie werkt met wie samen in Enschede West?',
      '--notitie',
      'In groen de verwijzingen die er sinds het laatste kwartaal van 2023 bij zijn gekomen; de wijkcoaches van ' +
        'Velve-Lindenhof staan erbij vanwege hun mandaten.',
      '--instellingen',
      JSON.stringify({
        versie: 1,
        filter: { metVoorzieningen: true, metGebieden: false },
        modus: 'vervagen',
        kleurOp: 'sector',
        grootteOp: 'betweenness',
        indeling: 'fcose',
        concentrischOp: 'betweenness',
        vergelijkMet: '2023-10-01/2023-12-31',
        viewport: null,
        posities: null,
      }),
    ],
    op: APRIL,
  },
];

// ================================================================================================================

export class DemoBuildError extends Error {}

export interface DemoResultaat {
  readonly uitvoer: string;
  readonly stappen: number;
  readonly ms: number;
}

export interface DemoOpties {
  /** One line per step (default: stdout). */
  readonly log?: (regel: string) => void;
}

/** Builds the voorbeeldproject into `uitvoer` (temporary folder first, then one rename). */
export async function buildDemo(uitvoer: string, opties: DemoOpties = {}): Promise<DemoResultaat> {
  const log = opties.log ?? ((regel: string) => console.log(regel));
  const start = performance.now();
  const tmp = mkdtempSync(join(tmpdir(), 'wijkweb-demo-'));
  const project = join(tmp, PROJECT);
  const alle = [...TOESTAND_JANUARI, SNAPSHOT_JANUARI, ...TOESTAND_APRIL, ...WEERGAVEN];
  let nr = 0;
  let klok = 0;
  const cli = async (args: readonly string[], op: string) => {
    let out = '';
    let err = '';
    // Each command a minute later in the story, so the bronnen keep their order.
    const now = new Date(Date.parse(op) + klok++ * 60_000);
    const code = await runCli(
      args.map((a) => (a === 'P' ? project : a)),
      {
        stdout: (t) => void (out += t),
        stderr: (t) => void (err += t),
        cwd: tmp,
        env: { WIJKWEB_DATA_DIR: join(tmp, 'gegevens') },
        now: () => now,
      },
    );
    return { code, out, err };
  };
  const stap = async (s: Stap) => {
    nr++;
    const t0 = performance.now();
    const r = await cli(s.args, s.op);
    const tijd = `${((performance.now() - t0) / 1000).toFixed(1).replace('.', ',')} s`;
    const kop = `[${String(nr).padStart(2)}/${alle.length + 1}] ${s.label}`;
    if (r.code !== 0) {
      throw new DemoBuildError(`${kop} mislukt (afsluitcode ${r.code}):\n${r.err.trim() || r.out.trim()}`);
    }
    // The CLI's summary line, without the temporary folder and without the list of matched buurten.
    const samenvatting = (r.out.trim().split('\n').at(-1) ?? '')
      .replaceAll(project, PROJECT)
      .replace(/; [^;]+→.*$/, '.');
    const waarschuwingen = r.err.split('\n').filter((l) => l.trim()).length;
    log(
      `${kop} — ${tijd}: ${samenvatting}${waarschuwingen ? ` (${waarschuwingen} meldingen; zie de CLI voor details)` : ''}`,
    );
  };

  try {
    for (const s of TOESTAND_JANUARI) await stap(s);
    await stap(SNAPSHOT_JANUARI);
    for (const s of TOESTAND_APRIL) await stap(s);
    await controleerGestopt(cli, log, ++nr, alle.length + 1);
    for (const s of WEERGAVEN) await stap(s);

    mkdirSync(dirname(uitvoer), { recursive: true });
    const half = `${uitvoer}.${process.pid}.tmp`;
    try {
      copyFileSync(project, half);
      renameSync(half, uitvoer);
    } catch (err) {
      rmSync(half, { force: true });
      throw err;
    }
    return { uitvoer, stappen: nr, ms: performance.now() - start };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The update of April stops the Gamebus by its voorziening id (as an edited export would). The id is fixed by the
 * order of the January list; if the importer ever numbers differently, the update would change another voorziening:
 * check that exactly the Gamebus is stopped.
 */
async function controleerGestopt(
  cli: (args: readonly string[], op: string) => Promise<{ code: number; out: string; err: string }>,
  log: (regel: string) => void,
  nr: number,
  totaal: number,
): Promise<void> {
  const r = await cli(['export', 'P', 'voorzieningen', '--format', 'json'], APRIL);
  if (r.code !== 0) throw new DemoBuildError(`Controle: de voorzieningen konden niet worden gelezen:\n${r.err.trim()}`);
  const vz = JSON.parse(r.out) as { id: number; naam: string; status: string }[];
  const gamebus = vz.filter((v) => v.naam === 'Gamebus Jeugdwerk Online');
  const gestopt = vz.filter((v) => v.status === 'gestopt');
  if (gamebus.length !== 1 || gestopt.length !== 1 || gestopt[0]!.id !== gamebus[0]!.id) {
    throw new DemoBuildError(
      'Controle mislukt: de wijzigingen van april horen precies de Gamebus te stoppen (via de kolom Voorziening id ' +
        'in partners-update-april-2024.xlsx). Het nummer klopt niet meer met de volgorde waarin de import ' +
        'voorzieningen nummert: pas data/demo/make-sources.mts aan en draai het opnieuw.',
    );
  }
  log(`[${String(nr).padStart(2)}/${totaal}] Controle: alleen de Gamebus (voorziening ${gamebus[0]!.id}) is gestopt`);
}

/** Newest modification time (ms) of the files under the given paths (relative to the repo). */
function nieuwsteInvoer(): { ms: number; pad: string } {
  let beste = { ms: 0, pad: '' };
  const bekijk = (pad: string) => {
    const st = statSync(pad);
    if (st.isDirectory()) {
      for (const naam of readdirSync(pad)) bekijk(join(pad, naam));
    } else if (st.mtimeMs > beste.ms) {
      beste = { ms: st.mtimeMs, pad };
    }
  };
  for (const p of INVOER) if (existsSync(join(ROOT, p))) bekijk(join(ROOT, p));
  return beste;
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log('npx tsx scripts/build-demo.mts [--force] [--out BESTAND.wijkweb]');
    return 0;
  }
  const i = argv.indexOf('--out');
  const uitvoer = i >= 0 && argv[i + 1] ? resolve(argv[i + 1]!) : STANDAARD_UITVOER;
  const rel = relative(ROOT, uitvoer);
  const naam = rel && !rel.startsWith('..') ? rel : uitvoer;
  if (!argv.includes('--force') && existsSync(uitvoer)) {
    const invoer = nieuwsteInvoer();
    if (statSync(uitvoer).mtimeMs > invoer.ms) {
      console.log(`Voorbeeldproject is actueel: ${naam} (opnieuw bouwen: --force).`);
      return 0;
    }
  }
  try {
    const r = await buildDemo(uitvoer);
    const sec = (r.ms / 1000).toFixed(1).replace('.', ',');
    console.log(`Voorbeeldproject gebouwd: ${naam} (${r.stappen} stappen, ${sec} s).`);
    return 0;
  } catch (err) {
    console.error(err instanceof DemoBuildError ? err.message : err);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
