import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, resolve } from 'node:path';
import { LIMITS, type ImportIssue } from '../shared/importers/types';
import type { PartnersImportOptions, WaardeKeuze } from '../shared/importers/partners/types';
import { waardeKey, normaliseWaarde } from '../shared/importers/partners/taxonomie-waarden';
import { acquireLock, processIsAlive, releaseLock, type LockDeps } from '../node/lock';
import { EXPORT_TABLE_NAMES, type ExportTableName } from '../shared/contract';
import { toCsv, toJsonRows } from '../shared/export/formats';
import { errorMessage, formatIssue, formatMessage, type Language } from '../shared/i18n/messages';
import { AppException, toAppError, unwrap } from '../shared/result';
import { createProjectService, projectNameSchema } from '../shared/service/project-service';
import { checkProjectBytes } from '../shared/db/open';
import { atomicWrite } from '../node/atomic-write';
import { nodeFs, type FileSystem } from '../node/fs';
import { createFileStore } from '../node/project-files';
import { backupRootIn, defaultDataDir } from '../node/paths';
import { loadSqlJs } from '../node/sqljs';
import { SECTIES, type RapportOpties, type SectieSoort } from '../shared/report/model';
import { rapportHtml } from '../shared/report/html';
import { scenarioCommand } from './scenario';
import { pilotCommand } from './pilot';
import { conflictenLijst, teamCommand, wijzigCommand, type TeamCliArgs } from './team';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly fs?: FileSystem;
  readonly now?: () => Date;
  /** Progress lines (with a carriage return): given only when stdout is a terminal. */
  readonly progress?: (text: string) => void;
}

const HELP = `Wijkweb op de opdrachtregel

  npm run -s cli -- new P.wijkweb [--naam "Enschede West"] [--overschrijven]
      Maakt een nieuw, leeg project.
  npm run -s cli -- info P.wijkweb [--json]
      Toont de naam, de bestandsversie, de aantallen per soort gegevens en de bronnen.
  npm run -s cli -- import P.wijkweb cbs BESTAND [--gemeente GM0153,GM0363] [--jaar 2024] [--overslaan] [--vervangen]
      [--opnieuw]
      Importeert CBS-cijfers per gemeente, wijk en buurt: de Kerncijfers wijken en buurten en andere StatLine-tabellen
      (StatLine-CSV, cbs.nl-Excel/CSV of OData-JSON), ook van heel Nederland. Met --gemeente alleen die gemeenten: de
      rijen van andere gemeenten worden niet gecontroleerd. Een bestand met meer jaren (kolom Perioden) gaat per jaar
      in; met --jaar alleen dat jaar. Bij een fout wordt niets veranderd en zie je per bestand, werkblad, rij en kolom
      wat er mis is; met --overslaan gaan de andere rijen wel in (de rijnummers staan bij de bron).
  npm run -s cli -- import P.wijkweb cognos BESTAND [--alias "naam in bestand=BU01530710"] [--gebied BU01530710]
      [--afhandeling "woord in bestand=CODE;…"] [--vervangen | --beide] [--opnieuw]
      Importeert een Cognos-export (meldingen, toewijzingen, unieke cliënten per buurt en peildatum; ook
      afhandeling van aanmeldingen, kosten in euro's en tevredenheid). --afhandeling koppelt een afhandeling die
      Wijkweb niet kent aan een code van de taxonomie Afhandeling (wijkteam, voorliggend, maatwerk, overig).
  npm run -s cli -- import P.wijkweb partners BESTAND [--blad NAAM] [--overslaan] [--nieuwe-waarden toevoegen|negeren]
      [--waarde "leefgebied:W&I=werk_inkomen"] [--samenvoegen SLEUTEL,SLEUTEL] [--opnieuw]
      Importeert een partnerlijst (organisaties en hun aanbod). Namen die na normaliseren gelijk zijn, worden
      samengevoegd; namen die alleen op elkaar lijken, worden getoond met een sleutel voor --samenvoegen.
  npm run -s cli -- import P.wijkweb relaties BESTAND [--overslaan] [--naam "naam in bestand=organisatie:12"] [--opnieuw]
      Importeert verwijzingen (van, naar, aantal, periode, soort). Onbekende namen worden getoond, nooit verzonnen.
  npm run -s cli -- import P.wijkweb postcodes BESTAND
      Importeert de CBS-tabel ‘buurt, wijk en gemeente per postcode’ (PC6 → buurt) als naslag.
  npm run -s cli -- import P.wijkweb geo BESTAND [--jaar 2023] [--opnieuw]
      Importeert de wijk- en buurtkaart van CBS (GeoPackage, GeoJSON of TopoJSON) als vlakken voor de kaart.
  npm run -s cli -- dubbelen P.wijkweb [--json]
      Toont organisaties die waarschijnlijk dezelfde zijn.
  npm run -s cli -- samenvoegen P.wijkweb BEWAAR_ID ID [ID …]
      Voegt organisaties samen tot de eerste; aanbod, relaties en namen gaan mee.
  npm run -s cli -- export P.wijkweb <tabel> [--format csv|json] [--out BESTAND] [--peildatum JJJJ-MM-DD]
      [--exacte-aantallen]
      Schrijft een tabel als CSV (standaard) of JSON naar het scherm of naar een bestand. De hiaten gelden op één
      peildatum: per soort aantal de nieuwste telling op of vóór die datum (standaard de nieuwste).
      De doelen van de pilot ook op één peildatum: per doel de nulmeting, de waarde, de stand en sinds wanneer.
      --exacte-aantallen: verwijzingen in ‘relaties’ met hun exacte aantal, ook 1 tot 5: een werkbestand om aan
      te passen en terug te importeren, alleen voor het eigen team.
      Tabellen: ${EXPORT_TABLE_NAMES.join(', ')}. Kleine aantallen staan als <5 (in doelen en afhandeling altijd).
  npm run -s cli -- report P.wijkweb --gebied CODE[,CODE] --peildatum JJJJ-MM-DD --out rapport.pdf|rapport.xlsx|rapport.html
      [--vergelijk JJJJ-MM-DD | --zonder-vergelijking] [--secties ${SECTIES.join(',')}]
      [--scenario ID] [--titel TEKST]
      Maakt de stuurgroeprapportage van een buurt, wijk of eigen gebied. Heeft het project een pilot of doelen, dan
      opent het met de pilotmonitor (onderdeel pilot). Een PDF maakt Wijkweb met Edge, Chrome of
      Chromium op deze computer (of de browser in WIJKWEB_BROWSER_PATH).
  npm run -s cli -- snapshot P.wijkweb --peildatum JJJJ-MM-DD [--naam "Stuurgroep april 2024"]
      Legt de sociale kaart, het netwerk en de hiaten vast als stuurgroepmoment.
  npm run -s cli -- snapshots P.wijkweb [--json]
      Toont de vastgelegde stuurgroepmomenten.
  npm run -s cli -- scenario P.wijkweb [--naam NAAM] [--parameters BESTAND.json] [--verschuiving 0,3]
      [--peildatum JJJJ-MM-DD] [--json] [--exacte-aantallen]
      Toont de tabel van een scenario: per jaar elke regel, de subtotalen en het rendement, en per buurt de regels die
      uit de aantallen komen. Zonder --naam het standaardscenario. Met --parameters bewaar je eerst het scenario uit
      een JSON-bestand onder die naam. Met --verschuiving reken je het scenario door met een ander aandeel dat
      overgaat (niet bewaard). Aantallen onder de 5 staan als <5, tenzij --exacte-aantallen.
  npm run -s cli -- pilot P.wijkweb [--instellingen BESTAND.json] [--peildatum JJJJ-MM-DD] [--json] [--exacte-aantallen]
      De pilotmonitor: per doel de stand (op koers, aandacht, niet op koers, geen gegevens), sinds wanneer en op
      welke cijfers; de afhandeling van aanmeldingen per kwartaal, de kosten per jaar en de evaluatievragen. Met
      --instellingen lees je eerst de pilot, zijn doelen (of "standaardDoelen": true), capaciteit en tellingen uit
      een JSON-bestand.
  npm run -s cli -- weergave P.wijkweb --soort netwerk|kaart|hiaten --naam NAAM [--titel T] [--notitie N] [--instellingen JSON]
      Bewaart een weergave voor de presentatie.

  npm run -s cli -- team delen P.wijkweb --server wss://HOST[:POORT] [--lid NAAM]
      Deelt de sociale kaart van het project met een team via de teamserver van de gemeente. Toont de uitnodiging
      (server, document en token): geef die alleen aan je team.
  npm run -s cli -- team deelnemen P.wijkweb UITNODIGING [--lid NAAM]
      Maakt een nieuw project P dat meedoet met het team van de uitnodiging.
  npm run -s cli -- team sync P.wijkweb
      Wisselt wijzigingen uit met de teamserver tot beide kanten alles van elkaar hebben, en slaat het project op.
  npm run -s cli -- team status P.wijkweb [--json]
      Toont met wie het project gedeeld is, wanneer het laatst gesynchroniseerd is en hoeveel er na te kijken is.
  npm run -s cli -- team kies P.wijkweb organisatie:ID VELD NUMMER
      Kiest bij een conflict de waarde met dit nummer (0 is de getoonde; zie export P conflicten).
  npm run -s cli -- wijzig P.wijkweb organisatie:ID veld=waarde [veld=waarde …]   (ook voorziening:, relatie:, organisatie:nieuw)
  npm run -s cli -- verwijder P.wijkweb organisatie:ID
      Wijzigt of verwijdert een item van een gedeeld project (één stap ongedaan maken); het team ziet het na team sync.

  Algemene opties: --taal nl|en (taal van de meldingen en van het rapport), --help.
  Afsluitcode 0 bij succes, 1 bij een fout in de invoer of het bestand, 2 bij een onverwachte fout.
`;

interface Parsed {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set([
  'naam',
  'format',
  'out',
  'taal',
  'gemeente',
  'jaar',
  'alias',
  'afhandeling',
  'gebied',
  'blad',
  'nieuwe-waarden',
  'waarde',
  'samenvoegen',
  'peildatum',
  'vergelijk',
  'secties',
  'scenario',
  'titel',
  'soort',
  'notitie',
  'instellingen',
  'parameters',
  'verschuiving',
  'server',
  'lid',
]);
const BOOLEAN_FLAGS = new Set([
  'json',
  'overschrijven',
  'help',
  'vervangen',
  'opnieuw',
  'beide',
  'overslaan',
  'zonder-vergelijking',
  'exacte-aantallen',
]);

function parseArgs(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (VALUE_FLAGS.has(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new AppException('cli.argument-ontbreekt', { wat: `de waarde van --${name}` });
        flags.set(name, value);
      } else if (BOOLEAN_FLAGS.has(name)) {
        flags.set(name, true);
      } else {
        throw new AppException('cli.onbekende-optie', { optie: arg });
      }
    } else if (arg === '-h') {
      flags.set('help', true);
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags };
}

/** A PDF through a Chromium-family browser on this computer (loaded only when a PDF is asked for). */
async function pdfVanHtml(html: string, env: NodeJS.ProcessEnv): Promise<Uint8Array> {
  const pdf = await import('../node/pdf');
  return pdf.htmlToPdf(html, { browserPath: pdf.findBrowser(env, process.platform) });
}

function scenarioArg(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0)
    throw new AppException('cli.waarde-ongeldig', { optie: '--scenario', waarden: 'het nummer (id) van een scenario' });
  return n;
}

function parseSecties(text: string): SectieSoort[] {
  const list = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of list) {
    if (!(SECTIES as readonly string[]).includes(s))
      throw new AppException('cli.waarde-ongeldig', { optie: '--secties', waarden: SECTIES.join(', ') });
  }
  return list as SectieSoort[];
}

function projectPathArg(parsed: Parsed, cwd: string, index = 1): string {
  const p = parsed.positional[index];
  if (!p) throw new AppException('cli.argument-ontbreekt', { wat: 'het projectbestand (P.wijkweb)' });
  if (!p.toLowerCase().endsWith('.wijkweb')) throw new AppException('cli.geen-wijkweb-extensie');
  return resolve(cwd, p);
}

function cliLock(fs: FileSystem, now: () => Date): LockDeps {
  return { fs, pid: process.pid, host: hostname(), now, isPidAlive: processIsAlive, owner: 'cli' };
}

async function readImportFile(fs: FileSystem, path: string): Promise<Uint8Array> {
  const bestand = basename(path);
  let size: number;
  try {
    size = (await fs.stat(path)).size;
  } catch {
    throw new AppException('bestand.niet-gevonden', { bestand });
  }
  if (size > LIMITS.maxFileBytes)
    throw new AppException('import.te-groot', { bestand, mb: Math.round(size / 1048576) });
  return fs.readFile(path);
}

/** Runs one CLI command; returns the exit code. Never throws: every error becomes a Dutch message on stderr. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let language: Language = 'nl';
  try {
    const parsed = parseArgs(argv);
    const taal = parsed.flags.get('taal');
    if (taal === 'en' || taal === 'nl') language = taal;
    const command = parsed.positional[0];
    if (!command || command === 'help' || parsed.flags.has('help')) {
      io.stdout(HELP);
      return command || parsed.flags.has('help') ? 0 : 1;
    }
    const fs = io.fs ?? nodeFs;
    const now = io.now ?? (() => new Date());
    const SQL = await loadSqlJs();
    const store = createFileStore({
      fs,
      backupRoot: backupRootIn(defaultDataDir(io.env ?? process.env)),
      now,
      verify: (bytes) => checkProjectBytes(SQL, bytes),
    });
    // On a terminal, a CBS import shows how far it is (one line, rewritten).
    let voortgang: string | null = null;
    const service = createProjectService({
      SQL,
      now: () => now().toISOString(),
      sha256: async (b) => createHash('sha256').update(b).digest('hex'),
      ...(io.progress
        ? {
            onProgress: (e: { taak: string; gedaan: number; totaal: number }) => {
              if (voortgang === null || e.taak !== 'importeren' || e.totaal <= 0) return;
              voortgang = `Importeren… ${Math.round((100 * e.gedaan) / e.totaal)}% (${e.gedaan.toLocaleString('nl-NL')} van ${e.totaal.toLocaleString('nl-NL')} gebieden)`;
              io.progress?.(`\r${voortgang}`);
            },
          }
        : {}),
    });

    /** Locks the project, opens it, runs `fn`, saves when `fn` says it changed something, and releases the lock. */
    const withProject = async (path: string, fn: () => Promise<boolean>): Promise<void> => {
      const lock = await acquireLock(cliLock(fs, now), path);
      if (!lock.acquired) throw new AppException('bestand.in-gebruik', { bestand: basename(path) });
      try {
        const opened = unwrap(await service.openProject(await store.read(path), basename(path)));
        if (await fn()) {
          await store.save(
            path,
            unwrap(await service.exportProject()),
            opened.migratedFrom !== null ? 'voor-migratie' : undefined,
          );
        }
      } finally {
        await releaseLock(cliLock(fs, now), path);
      }
    };
    const importFileArg = async () => {
      const bestand = parsed.positional[3];
      if (!bestand) throw new AppException('cli.argument-ontbreekt', { wat: 'het bestand om te importeren' });
      const filePath = resolve(io.cwd, bestand);
      return { name: basename(filePath), bytes: await readImportFile(fs, filePath) };
    };
    const printIssues = (problemen: readonly ImportIssue[]) => {
      for (const issue of problemen.slice(0, 25)) {
        io.stderr(`${issue.level === 'fout' ? 'Fout' : 'Let op'}: ${formatIssue(issue, language)}\n`);
      }
      if (problemen.length > 25) io.stderr(`… en nog ${problemen.length - 25} meldingen.\n`);
    };

    /** `import P partners FILE …` */
    const importPartnersCli = async (): Promise<number> => {
      const path = projectPathArg(parsed, io.cwd);
      const file = await importFileArg();
      const nieuw = parsed.flags.get('nieuwe-waarden');
      if (nieuw !== undefined && nieuw !== 'toevoegen' && nieuw !== 'negeren') {
        throw new AppException('cli.waarde-ongeldig', { optie: '--nieuwe-waarden', waarden: 'toevoegen, negeren' });
      }
      const waarden: Record<string, WaardeKeuze> = {};
      const waardeFlag = parsed.flags.get('waarde');
      if (typeof waardeFlag === 'string') {
        for (const part of waardeFlag.split(';').filter((p) => p.trim())) {
          const m = /^\s*([a-z_]+)\s*:\s*(.+?)\s*=\s*(\S+)\s*$/.exec(part);
          if (!m) throw new AppException('cli.waarde-keuze-ongeldig', { waarde: part });
          waarden[`${m[1]}|${normaliseWaarde(m[2]!)}`] = { code: m[3]! };
        }
      }
      const samenvoegen = parsed.flags.get('samenvoegen');
      const options: PartnersImportOptions = {
        ...(typeof parsed.flags.get('blad') === 'string' ? { blad: String(parsed.flags.get('blad')) } : {}),
        waarden,
        samenvoegen: typeof samenvoegen === 'string' ? samenvoegen.split(',').map((x) => x.trim()) : [],
        foutenOverslaan: parsed.flags.has('overslaan'),
        opnieuw: parsed.flags.has('opnieuw'),
      };
      await withProject(path, async () => {
        let preview = unwrap(await service.previewPartnersImport(file, options));
        if (nieuw && preview.onbekend.some((o) => o.keuze === null)) {
          for (const o of preview.onbekend.filter((x) => x.keuze === null))
            waarden[waardeKey(o.taxonomie, o.waarde)] = nieuw;
          preview = unwrap(await service.previewPartnersImport(file, options));
        }
        printIssues(preview.problemen);
        for (const o of preview.onbekend.filter((x) => x.keuze === null)) {
          io.stderr(
            `Onbekende waarde: ${o.taxonomie} ‘${o.waarde}’ (${o.aantal}×)${o.voorstel ? `, bedoel je ${o.voorstel}? --waarde "${o.taxonomie}:${o.waarde}=${o.voorstel}"` : ''}\n`,
          );
        }
        for (const d of preview.dubbelen.filter((x) => x.zekerheid === 'mogelijk')) {
          io.stdout(
            `Mogelijk dezelfde organisatie: ${d.namen.join(' ↔ ')} (${d.redenen.join(', ')}). Samenvoegen: --samenvoegen "${d.sleutel}"\n`,
          );
        }
        const outcome = unwrap(await service.importPartners(file, options)).result;
        io.stdout(
          `Partnerlijst ${file.name} geïmporteerd: ${outcome.organisaties} nieuwe organisaties, ` +
            `${outcome.voorzieningen} nieuwe voorzieningen, ${outcome.bijgewerkt} bijgewerkt, ` +
            `${outcome.samengevoegd} namen samengevoegd, ${outcome.overgeslagen} rijen overgeslagen.\n`,
        );
        return true;
      });
      return 0;
    };

    /** `import P relaties FILE …` */
    const importRelatiesCli = async (): Promise<number> => {
      const path = projectPathArg(parsed, io.cwd);
      const file = await importFileArg();
      const namen: Record<string, string> = {};
      const naamFlag = parsed.flags.get('naam');
      if (typeof naamFlag === 'string') {
        for (const part of naamFlag.split(';').filter((p) => p.trim())) {
          const m = /^(.+?)=\s*(organisatie|voorziening):(\d+)\s*$/.exec(part);
          if (!m) throw new AppException('cli.naam-keuze-ongeldig', { waarde: part });
          namen[m[1]!.trim()] = `${m[2]}:${m[3]}`;
        }
      }
      const options = { namen, foutenOverslaan: parsed.flags.has('overslaan'), opnieuw: parsed.flags.has('opnieuw') };
      await withProject(path, async () => {
        const preview = unwrap(await service.previewRelatiesImport(file, options));
        printIssues(preview.problemen);
        for (const n of preview.namen.filter((x) => !x.gevonden)) {
          const opties = n.kandidaten.map((k) => `${k.naam} (${k.soort}:${k.id})`).join(', ');
          io.stderr(`Onbekende naam: ‘${n.naam}’ (${n.aantal}×)${opties ? `; lijkt op ${opties}` : ''}\n`);
        }
        const outcome = unwrap(await service.importRelaties(file, options)).result;
        io.stdout(
          `Verwijzingen ${file.name} geïmporteerd: ${outcome.relaties} nieuwe relaties, ${outcome.bijgewerkt} bijgewerkt, ` +
            `${outcome.volumes} aantallen per periode, ${outcome.overgeslagen} rijen overgeslagen.\n`,
        );
        return true;
      });
      return 0;
    };

    /** `import P cognos FILE [--alias "naam=CODE;…"] [--afhandeling "woord=CODE;…"] [--vervangen | --beide] [--opnieuw]` */
    const importCognosCli = async (): Promise<number> => {
      const path = projectPathArg(parsed, io.cwd);
      const aliasFlag = parsed.flags.get('alias');
      const aliassen: Record<string, string> = {};
      if (typeof aliasFlag === 'string') {
        for (const part of aliasFlag.split(';').filter((p) => p.trim())) {
          const [naam, code] = part.split('=').map((x) => x.trim());
          if (!naam || !code) throw new AppException('cli.alias-ongeldig', { alias: part });
          aliassen[naam] = code.toUpperCase();
        }
      }
      // `--afhandeling "Wachtlijst=overig;Nog bezig=overig"`: categories of the file → codes of the taxonomy.
      const afhandelingFlag = parsed.flags.get('afhandeling');
      const afhandelingen: Record<string, string> = {};
      if (typeof afhandelingFlag === 'string') {
        for (const part of afhandelingFlag.split(';').filter((p) => p.trim())) {
          const i = part.lastIndexOf('=');
          const [tekst, code] = [part.slice(0, i).trim(), part.slice(i + 1).trim()];
          if (i < 0 || !tekst || !code) throw new AppException('cli.alias-ongeldig', { alias: part });
          afhandelingen[tekst] = code;
        }
      }
      const options = {
        aliassen,
        ...(Object.keys(afhandelingen).length > 0 ? { afhandelingen } : {}),
        ...(parsed.flags.has('vervangen')
          ? { overlap: 'vervangen' as const }
          : parsed.flags.has('beide')
            ? { overlap: 'beide' as const }
            : {}),
        opnieuw: parsed.flags.has('opnieuw'),
        ...(typeof parsed.flags.get('gebied') === 'string' ? { gebied: String(parsed.flags.get('gebied')) } : {}),
      };
      const file = await importFileArg();
      await withProject(path, async () => {
        const preview = unwrap(await service.previewCognosImport(file, options));
        printIssues(preview.problemen);
        const outcome = unwrap(await service.importCognos(file, options));
        const gebieden = preview.gebieden.map((g) => `${g.naam} → ${g.gebiedNaam} (${g.code})`).join(', ');
        io.stdout(
          `Cognos-export ${file.name} geïmporteerd: ${outcome.metingen} metingen uit ${preview.tabellen} tabellen` +
            `${gebieden ? `; ${gebieden}` : ''}.\n`,
        );
        return true;
      });
      return 0;
    };

    switch (command) {
      case 'new': {
        const path = projectPathArg(parsed, io.cwd);
        const naamFlag = parsed.flags.get('naam');
        const naam = typeof naamFlag === 'string' ? naamFlag : basename(path).replace(/\.wijkweb$/i, '');
        if (!projectNameSchema.safeParse(naam).success) throw new AppException('project.naam-ongeldig');
        unwrap(await service.createProject(naam));
        const bytes = unwrap(await service.exportProject());
        // Never over a project that a running Wijkweb (a window or another command) has open: take its lock first.
        const lock = await acquireLock(cliLock(fs, now), path);
        if (!lock.acquired) throw new AppException('bestand.in-gebruik-overschrijven', { bestand: basename(path) });
        try {
          await store.create(path, bytes, parsed.flags.has('overschrijven'));
        } finally {
          await releaseLock(cliLock(fs, now), path);
        }
        io.stdout(`Project ‘${naam}’ gemaakt: ${path}\n`);
        return 0;
      }
      case 'info': {
        const path = projectPathArg(parsed, io.cwd);
        const opened = unwrap(await service.openProject(await store.read(path), basename(path)));
        const o = opened.overview;
        if (parsed.flags.has('json')) {
          io.stdout(
            JSON.stringify(
              {
                app: 'wijkweb',
                naam: o.naam,
                schemaVersion: o.schemaVersion,
                migratedFrom: opened.migratedFrom,
                aangemaakt: o.aangemaakt,
                gewijzigd: o.gewijzigd,
                counts: o.counts,
                bronnen: o.bronnen,
              },
              null,
              2,
            ) + '\n',
          );
        } else {
          const lines = [
            `Project: ${o.naam}`,
            `Bestandsversie: ${o.schemaVersion}${opened.migratedFrom !== null ? ` (in het bestand: ${opened.migratedFrom}; wordt bijgewerkt bij opslaan in de app)` : ''}`,
            `Gemaakt: ${o.aangemaakt}   Gewijzigd: ${o.gewijzigd}`,
            '',
            'Aantallen:',
            ...Object.entries(o.counts).map(([k, v]) => `  ${formatMessage(language, `telling.${k}`).padEnd(40)} ${v}`),
            '',
            o.bronnen.length === 0 ? 'Bronnen: nog geen.' : 'Bronnen:',
            ...o.bronnen.map(
              (b) =>
                `  ${b.geimporteerdOp}  ${b.soort.padEnd(10)} ${b.bestandsnaam ?? '-'}  (${b.rijenGeimporteerd} rijen)`,
            ),
          ];
          io.stdout(lines.join('\n') + '\n');
        }
        return 0;
      }
      case 'import': {
        const path = projectPathArg(parsed, io.cwd);
        const soort = parsed.positional[2];
        const bestand = parsed.positional[3];
        if (soort === 'cognos') return await importCognosCli();
        if (soort === 'partners') return await importPartnersCli();
        if (soort === 'relaties') return await importRelatiesCli();
        if (soort === 'geo') {
          const file = await importFileArg();
          const jaarFlag = parsed.flags.get('jaar');
          const jaar = typeof jaarFlag === 'string' ? Number(jaarFlag) : undefined;
          if (jaar !== undefined && !(Number.isInteger(jaar) && jaar >= 1990 && jaar <= 2100)) {
            throw new AppException('cli.jaar-ongeldig', { jaar: String(jaarFlag) });
          }
          const options = { ...(jaar !== undefined ? { jaar } : {}), opnieuw: parsed.flags.has('opnieuw') };
          await withProject(path, async () => {
            const preview = unwrap(await service.previewGeoImport(file, options));
            printIssues(preview.problemen);
            const outcome = unwrap(await service.importGeo(file, options)).result;
            io.stdout(
              `Kaart ${file.name} (${preview.formaat}, ${preview.crs}) geïmporteerd: ${outcome.vlakken} vlakken` +
                `${outcome.nieuw ? `, ${outcome.nieuw} gebieden toegevoegd (${preview.jaar})` : ''}.\n`,
            );
            return true;
          });
          return 0;
        }
        if (soort === 'postcodes') {
          const file = await importFileArg();
          await withProject(path, async () => {
            const outcome = unwrap(await service.importPostcodes(file)).result;
            printIssues(outcome.problemen);
            if (outcome.overgeslagen > outcome.problemen.length) {
              io.stderr(`In totaal ${outcome.overgeslagen} rijen overgeslagen.\n`);
            }
            io.stdout(
              `Postcodetabel ${file.name} geïmporteerd: ${outcome.postcodes} postcodes; ${outcome.gekoppeld} organisaties en ` +
                `voorzieningen kregen een buurt.${outcome.onbekendeBuurten ? ` ${outcome.onbekendeBuurten} buurtcodes uit de tabel zijn (nog) niet in het project.` : ''}\n`,
            );
            return true;
          });
          return 0;
        }
        if (soort !== 'cbs') {
          throw new AppException('cli.onbekende-importsoort', {
            soort: soort ?? '',
            soorten: 'cbs, cognos, partners, relaties, postcodes, geo',
          });
        }
        if (!bestand) throw new AppException('cli.argument-ontbreekt', { wat: 'het bestand om te importeren' });
        const jaarFlag = parsed.flags.get('jaar');
        const jaar = typeof jaarFlag === 'string' ? Number(jaarFlag) : undefined;
        if (jaar !== undefined && !(Number.isInteger(jaar) && jaar >= 1990 && jaar <= 2100)) {
          throw new AppException('cli.jaar-ongeldig', { jaar: String(jaarFlag) });
        }
        const gemeenteFlag = parsed.flags.get('gemeente');
        const gemeenten = typeof gemeenteFlag === 'string' ? gemeenteFlag.split(/[,;\s]+/).filter(Boolean) : undefined;
        for (const g of gemeenten ?? []) {
          if (!/^GM\d{4}$/i.test(g)) throw new AppException('cli.gemeente-ongeldig', { gemeente: g });
        }
        const options = {
          ...(jaar !== undefined ? { jaar } : {}),
          ...(gemeenten ? { gemeenten: gemeenten.map((g) => g.toUpperCase()) } : {}),
          vervangen: parsed.flags.has('vervangen'),
          opnieuw: parsed.flags.has('opnieuw'),
          foutenOverslaan: parsed.flags.has('overslaan'),
        };
        const file = await importFileArg();
        await withProject(path, async () => {
          const preview = unwrap(await service.previewCbsImport(file, options));
          printIssues(preview.problemen);
          if (preview.grootBestand) {
            io.stderr(
              `Let op: dit bestand heeft ${preview.gemeenten.length} gemeenten. Alles wordt geïmporteerd; kies er enkele met --gemeente GM0153,GM0363 voor een kleiner project.\n`,
            );
          }
          if (preview.foutRijen > 0 && !options.foutenOverslaan) {
            io.stderr(`${preview.foutRijen} rijen hebben een fout. Met --overslaan importeer je de andere rijen.\n`);
          }
          voortgang = '';
          let outcome;
          try {
            outcome = unwrap(await service.importCbs(file, options));
          } finally {
            if (voortgang) io.progress?.('\n');
            voortgang = null;
          }
          const a = preview.aantallen;
          io.stdout(
            `CBS ${outcome.jaren.join(', ')} (${preview.formaat}) geïmporteerd uit ${file.name}: ${a.gemeente} gemeenten, ${a.wijk} wijken, ` +
              `${a.buurt} buurten, ${preview.indicatoren.length} indicatoren, ${outcome.waarden} cijfers.\n`,
          );
          const o = preview.overgeslagen;
          const redenen = [
            o.andereGemeente ? `${o.andereGemeente} van andere gemeenten` : '',
            o.anderJaar ? `${o.anderJaar} van andere jaren` : '',
            o.leeg ? `${o.leeg} lege rijen, voetregels of opmerkingen` : '',
            outcome.rijenOvergeslagen ? `${outcome.rijenOvergeslagen} met een fout` : '',
          ].filter(Boolean);
          if (redenen.length) io.stdout(`Overgeslagen rijen: ${redenen.join(', ')}.\n`);
          const w = preview.indelingswijziging;
          if (w && (w.nieuw.length || w.vervallen.length || w.hernoemd.length)) {
            io.stdout(
              `Indeling gewijzigd t.o.v. ${w.vergelekenMet}: ${w.nieuw.length} nieuwe, ${w.hernoemd.length} hernoemde en ` +
                `${w.vervallen.length} vervallen wijken en buurten.\n`,
            );
          }
          return true;
        });
        return 0;
      }
      case 'dubbelen': {
        const path = projectPathArg(parsed, io.cwd);
        unwrap(await service.openProject(await store.read(path), basename(path)));
        const groups = unwrap(await service.findDubbeleOrganisaties());
        if (parsed.flags.has('json')) io.stdout(JSON.stringify(groups, null, 2) + '\n');
        else if (groups.length === 0) io.stdout('Geen dubbele organisaties gevonden.\n');
        else {
          for (const g of groups) {
            const namen = g.organisaties.map((o) => `${o.naam} (${o.id})`).join(' ↔ ');
            io.stdout(`${g.zekerheid === 'zeker' ? 'Zeker' : 'Mogelijk'}: ${namen} [${g.redenen.join(', ')}]\n`);
          }
          io.stdout('Samenvoegen: npm run -s cli -- samenvoegen P.wijkweb BEWAAR_ID ID …\n');
        }
        return 0;
      }
      case 'samenvoegen': {
        const path = projectPathArg(parsed, io.cwd);
        const ids = parsed.positional.slice(2).map(Number);
        if (ids.length < 2 || ids.some((n) => !Number.isInteger(n) || n <= 0)) {
          throw new AppException('cli.argument-ontbreekt', { wat: 'twee of meer organisatienummers (id)' });
        }
        await withProject(path, async () => {
          const merged = unwrap(await service.mergeOrganisaties(ids[0]!, ids.slice(1))).result;
          io.stdout(
            `Samengevoegd tot ‘${merged.naam}’ (${merged.id}): ${merged.aantalVoorzieningen} voorzieningen, ${merged.aantalRelaties} relaties.\n`,
          );
          return true;
        });
        return 0;
      }
      case 'export': {
        const path = projectPathArg(parsed, io.cwd);
        const table = parsed.positional[2];
        if (!table)
          throw new AppException('cli.argument-ontbreekt', { wat: `de tabel (${EXPORT_TABLE_NAMES.join(', ')})` });
        if (table === 'conflicten') {
          // The team's review list ("Wijzigingen om na te kijken"): JSON only.
          unwrap(await service.openProject(await store.read(path), basename(path)));
          const lijst = conflictenLijst(service.currentDb()!);
          const text = JSON.stringify(lijst, null, 2) + '\n';
          const out = parsed.flags.get('out');
          if (typeof out === 'string') await atomicWrite(fs, resolve(io.cwd, out), new TextEncoder().encode(text));
          else io.stdout(text);
          return 0;
        }
        if (!(EXPORT_TABLE_NAMES as readonly string[]).includes(table)) {
          throw new AppException('export.onbekende-tabel', { tabel: table, tabellen: EXPORT_TABLE_NAMES.join(', ') });
        }
        const format = parsed.flags.get('format') ?? 'csv';
        if (format !== 'csv' && format !== 'json')
          throw new AppException('export.onbekend-formaat', { formaat: String(format) });
        unwrap(await service.openProject(await store.read(path), basename(path)));
        const peildatum = parsed.flags.get('peildatum');
        const exact = parsed.flags.has('exacte-aantallen');
        const data = unwrap(
          await service.exportTable(table as ExportTableName, {
            ...(typeof peildatum === 'string' ? { peildatum } : {}),
            ...(exact ? { exacteAantallen: true } : {}),
          }),
        );
        if (exact && table === 'relaties') io.stderr(`${formatMessage(language, 'fout.cli.exacte-aantallen')}\n`);
        const text = format === 'csv' ? toCsv(data) : JSON.stringify(toJsonRows(data), null, 2) + '\n';
        const out = parsed.flags.get('out');
        if (typeof out === 'string') {
          await atomicWrite(fs, resolve(io.cwd, out), new TextEncoder().encode(text));
          io.stderr(`${data.rows.length} rijen geschreven naar ${resolve(io.cwd, out)}\n`);
        } else {
          io.stdout(text);
        }
        return 0;
      }
      case 'snapshot': {
        const path = projectPathArg(parsed, io.cwd);
        const peildatum = parsed.flags.get('peildatum');
        if (typeof peildatum !== 'string')
          throw new AppException('cli.argument-ontbreekt', { wat: '--peildatum JJJJ-MM-DD' });
        const naam = parsed.flags.get('naam');
        await withProject(path, async () => {
          const info = unwrap(
            await service.createSnapshot(typeof naam === 'string' ? naam : `Stuurgroep ${peildatum}`, peildatum),
          ).result;
          io.stdout(
            `Stuurgroepmoment ‘${info.naam}’ (${info.peildatum}) vastgelegd: ${info.organisaties} organisaties, ` +
              `${info.voorzieningen} voorzieningen, ${info.relaties} relaties.\n`,
          );
          return true;
        });
        return 0;
      }
      case 'snapshots': {
        const path = projectPathArg(parsed, io.cwd);
        unwrap(await service.openProject(await store.read(path), basename(path)));
        const list = unwrap(await service.listSnapshots());
        if (parsed.flags.has('json')) io.stdout(JSON.stringify(list, null, 2) + '\n');
        else if (!list.length) io.stdout('Er zijn nog geen stuurgroepmomenten vastgelegd.\n');
        else for (const s of list) io.stdout(`${s.peildatum}  ${s.naam} (${s.organisaties} organisaties)\n`);
        return 0;
      }
      case 'weergave': {
        const path = projectPathArg(parsed, io.cwd);
        const soort = parsed.flags.get('soort');
        if (soort !== 'netwerk' && soort !== 'kaart' && soort !== 'hiaten')
          throw new AppException('cli.waarde-ongeldig', { optie: '--soort', waarden: 'netwerk, kaart, hiaten' });
        const naam = parsed.flags.get('naam');
        if (typeof naam !== 'string') throw new AppException('cli.argument-ontbreekt', { wat: '--naam' });
        const raw = parsed.flags.get('instellingen');
        let instellingen: Record<string, unknown> = {};
        if (typeof raw === 'string') {
          try {
            const value: unknown = JSON.parse(raw);
            if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('geen object');
            instellingen = value as Record<string, unknown>;
          } catch {
            throw new AppException('cli.waarde-ongeldig', { optie: '--instellingen', waarden: 'een JSON-object' });
          }
        }
        const titel = parsed.flags.get('titel');
        const notitie = parsed.flags.get('notitie');
        await withProject(path, async () => {
          const w = unwrap(
            await service.saveWeergave(null, {
              naam,
              soort,
              instellingen,
              titel: typeof titel === 'string' ? titel : null,
              notitie: typeof notitie === 'string' ? notitie : null,
            }),
          ).result;
          io.stdout(`Weergave ‘${w.naam}’ (${w.soort}) bewaard.\n`);
          return true;
        });
        return 0;
      }
      case 'scenario': {
        const path = projectPathArg(parsed, io.cwd);
        return await scenarioCommand({
          service,
          flags: parsed.flags,
          cwd: io.cwd,
          stdout: io.stdout,
          withProject: (fn) => withProject(path, fn),
          language,
        });
      }
      case 'pilot': {
        const path = projectPathArg(parsed, io.cwd);
        return await pilotCommand({
          service,
          flags: parsed.flags,
          cwd: io.cwd,
          stdout: io.stdout,
          withProject: (fn) => withProject(path, fn),
          language,
        });
      }
      case 'report': {
        const path = projectPathArg(parsed, io.cwd);
        const gebied = parsed.flags.get('gebied');
        const peildatum = parsed.flags.get('peildatum');
        const out = parsed.flags.get('out');
        if (typeof gebied !== 'string') throw new AppException('cli.argument-ontbreekt', { wat: '--gebied CODE' });
        if (typeof peildatum !== 'string')
          throw new AppException('cli.argument-ontbreekt', { wat: '--peildatum JJJJ-MM-DD' });
        if (typeof out !== 'string')
          throw new AppException('cli.argument-ontbreekt', { wat: '--out rapport.pdf of rapport.xlsx' });
        const ext = out.toLowerCase().split('.').pop();
        if (ext !== 'pdf' && ext !== 'xlsx' && ext !== 'html')
          throw new AppException('cli.waarde-ongeldig', { optie: '--out', waarden: '.pdf, .xlsx, .html' });
        const secties = parsed.flags.get('secties');
        const vergelijk = parsed.flags.get('vergelijk');
        const scenario = parsed.flags.get('scenario');
        const titel = parsed.flags.get('titel');
        const opties: RapportOpties = {
          gebieden: gebied
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean),
          peildatum,
          vergelijkMet: parsed.flags.has('zonder-vergelijking')
            ? null
            : typeof vergelijk === 'string'
              ? vergelijk
              : undefined,
          ...(typeof secties === 'string' ? { secties: parseSecties(secties) } : {}),
          ...(typeof scenario === 'string' ? { scenarioId: scenarioArg(scenario) } : {}),
          ...(typeof titel === 'string' ? { titel } : {}),
          // --taal en: the report in English (its text, dates and numbers), as the messages.
          taal: language,
        };
        unwrap(await service.openProject(await store.read(path), basename(path)));
        const target = resolve(io.cwd, out);
        let bytes: Uint8Array;
        if (ext === 'xlsx') bytes = unwrap(await service.exportRapportXlsx(opties));
        else {
          const html = rapportHtml(unwrap(await service.getRapport(opties)));
          bytes = ext === 'html' ? new TextEncoder().encode(html) : await pdfVanHtml(html, io.env ?? process.env);
        }
        await atomicWrite(fs, target, bytes);
        io.stderr(`Rapport geschreven naar ${target}\n`);
        return 0;
      }
      case 'team':
      case 'wijzig':
      case 'verwijder': {
        const path = projectPathArg(parsed, io.cwd, command === 'team' ? 2 : 1);
        const db = () => {
          const d = service.currentDb();
          if (!d) throw new AppException('project.geen-project-open');
          return d;
        };
        const args: TeamCliArgs = {
          positional: parsed.positional,
          flags: parsed.flags,
          db,
          now: () => now().toISOString(),
          stdout: io.stdout,
          withProject: (fn) => withProject(path, fn),
          readProject: async () => {
            unwrap(await service.openProject(await store.read(path), basename(path)));
          },
          newProject: async (fn) => {
            const naamFlag = parsed.flags.get('naam');
            const naam = typeof naamFlag === 'string' ? naamFlag : basename(path).replace(/\.wijkweb$/i, '');
            if (!projectNameSchema.safeParse(naam).success) throw new AppException('project.naam-ongeldig');
            const lock = await acquireLock(cliLock(fs, now), path);
            if (!lock.acquired) throw new AppException('bestand.in-gebruik-overschrijven', { bestand: basename(path) });
            try {
              unwrap(await service.createProject(naam));
              await fn();
              await store.create(path, unwrap(await service.exportProject()), parsed.flags.has('overschrijven'));
            } finally {
              await releaseLock(cliLock(fs, now), path);
            }
          },
        };
        return command === 'team' ? await teamCommand(args) : await wijzigCommand(args, command === 'verwijder');
      }
      default:
        throw new AppException('cli.gebruik');
    }
  } catch (err) {
    const error = toAppError(err);
    io.stderr(`Fout: ${errorMessage(error, language)}\n`);
    if (error.code === 'intern.onverwacht' && error.detail) io.stderr(`Details: ${error.detail}\n`);
    return error.code === 'intern.onverwacht' ? 2 : 1;
  }
}
