/**
 * The fuzz harness (issue 15): a case is one seed of one target, mutated with a seeded PRNG, and fed through the real
 * project service on a real sql.js database, the way the app does it (sniff, preview, import; or open a project).
 * Every case must end as a clean import or a Dutch refusal:
 * - an error is an AppError whose code has a Dutch text in the catalogue (never `intern.onverwacht`, never the code
 *   itself), and so is every problem in a preview;
 * - nothing throws, nothing rejects unhandled;
 * - after a refusal the project is byte-identical (exportProject before and after);
 * - after a clean import the project can still be saved;
 * - memory (RSS) stays under 1 GB.
 */
import { writeFileSync } from 'node:fs';
import type { SqlJsStatic } from 'sql.js';
import { CATALOGS, formatMessage } from '../../shared/i18n/messages';
import type { AppError, Result } from '../../shared/result';
import type { ImportFile, ImportIssue } from '../../shared/importers/types';
import { createProjectService } from '../../shared/service/project-service';
import { FIXED_NOW, sha256 } from '../helpers/db';
import { Rng } from './prng';
import {
  BYTE_MUTATORS,
  ENCODING_MUTATORS,
  TABLE_MUTATORS,
  type MutateContext,
  type NamedMutator,
} from './mutate-bytes';
import { JSON_MUTATORS } from './mutate-json';
import { GPKG_MUTATORS, PAGE_MUTATORS, SQL_MUTATORS } from './mutate-sqlite';
import { ZIP_MUTATORS } from './mutate-zip';
import { headFeatures, fixture, loadSeeds, type SeedSet, type TargetName } from './seeds';

export const MAX_RSS = 1024 * 1024 * 1024;
/** The share of the long run's cases that start from a whole fixture instead of a small cut. */
const GROOT_AANDEEL = 0.1;

type Service = ReturnType<typeof createProjectService>;

export type Uitkomst = 'schoon' | 'geweigerd' | 'fout';

export interface CaseResult {
  readonly index: number;
  readonly target: TargetName;
  readonly seed: string;
  readonly name: string;
  readonly mutations: readonly string[];
  readonly options: unknown;
  readonly bytes: Uint8Array;
  readonly uitkomst: Uitkomst;
  /** For a refusal: the error code; for a failure: what went wrong (one line each). */
  readonly codes: readonly string[];
  readonly problems: readonly string[];
  readonly ms: number;
  readonly rss: number;
}

// ---------------------------------------------------------------- the messages

function template(key: string): string | undefined {
  let node: unknown = CATALOGS.nl;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Why this error is not a proper Dutch message; null when it is one. */
export function dutchProblem(error: AppError | undefined, where: string): string | null {
  if (!error || typeof error.code !== 'string') return `${where}: geen AppError (${JSON.stringify(error)})`;
  if (error.code === 'intern.onverwacht') return `${where}: intern.onverwacht (${String(error.detail).slice(0, 200)})`;
  const key = `fout.${error.code}`;
  const text = template(key);
  if (text === undefined) return `${where}: geen Nederlandse tekst voor ${error.code}`;
  const message = formatMessage('nl', key, error.params ?? {});
  if (message.trim() === '' || message === error.code || message === key) {
    return `${where}: tekst van ${error.code} is leeg of de code zelf`;
  }
  return null;
}

function issueProblems(issues: readonly ImportIssue[] | undefined, where: string): string[] {
  const out: string[] = [];
  for (const issue of issues ?? []) {
    const p = dutchProblem(
      { code: issue.code, ...(issue.params ? { params: issue.params } : {}) },
      `${where} (probleem)`,
    );
    if (p) out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------- targets

interface Context {
  readonly s: Service;
  readonly rng: Rng;
  readonly problems: string[];
  readonly codes: string[];
  /** Marks the project as changed (a clean import, or another project opened). */
  changed(): void;
  /** The project as it was before the case. */
  readonly before: Uint8Array;
}

/** Runs a service call; a throw or a rejection is a failure, never an answer. */
async function call<T>(ctx: Context, where: string, fn: () => Promise<Result<T>>): Promise<Result<T> | null> {
  try {
    const r = await fn();
    if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean') {
      ctx.problems.push(`${where}: geen Result`);
      return null;
    }
    return r;
  } catch (err) {
    ctx.problems.push(
      `${where}: gooit ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`.slice(0, 300),
    );
    return null;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

async function expectUnchanged(ctx: Context, where: string) {
  const after = await call(ctx, `${where} exportProject`, () => ctx.s.exportProject());
  if (after?.ok && sameBytes(after.value, ctx.before)) return;
  // The next case starts from the base project again (a changed project would make every later case fail too).
  ctx.changed();
  if (!after) return;
  if (!after.ok) ctx.problems.push(`${where}: opslaan na weigering mislukt (${after.error.code})`);
  else ctx.problems.push(`${where}: project veranderd na weigering`);
}

async function expectSavable(ctx: Context, where: string) {
  const after = await call(ctx, `${where} exportProject`, () => ctx.s.exportProject());
  if (after && !after.ok)
    ctx.problems.push(`${where}: opslaan na import: ${dutchProblem(after.error, 'export') ?? after.error.code}`);
}

/** Preview then import: the preview's problems Dutch, the import clean or refused in Dutch with nothing changed. */
async function previewThenImport<P extends { problemen: readonly ImportIssue[] }, R>(
  ctx: Context,
  name: string,
  preview: () => Promise<Result<P>>,
  doImport: () => Promise<Result<R>>,
  outcomeIssues: (r: R) => readonly ImportIssue[] | undefined = () => undefined,
): Promise<void> {
  const p = await call(ctx, `preview${name}`, preview);
  if (p && !p.ok) {
    const problem = dutchProblem(p.error, `preview${name}`);
    if (problem) ctx.problems.push(problem);
  } else if (p?.ok) ctx.problems.push(...issueProblems(p.value.problemen, `preview${name}`));
  const r = await call(ctx, `import${name}`, doImport);
  if (!r) {
    await expectUnchanged(ctx, `import${name}`);
    return;
  }
  if (r.ok) {
    ctx.changed();
    ctx.problems.push(...issueProblems(outcomeIssues(r.value), `import${name}`));
    await expectSavable(ctx, `import${name}`);
    return;
  }
  ctx.codes.push(r.error.code);
  const problem = dutchProblem(r.error, `import${name}`);
  if (problem) ctx.problems.push(problem);
  await expectUnchanged(ctx, `import${name}`);
}

async function sniff(ctx: Context, file: ImportFile) {
  const r = await call(ctx, 'sniffImport', () => ctx.s.sniffImport(file));
  if (r && !r.ok) {
    const problem = dutchProblem(r.error, 'sniffImport');
    if (problem) ctx.problems.push(problem);
  }
}

type Runner = (ctx: Context, file: ImportFile) => Promise<unknown>;

const cbs: Runner = async (ctx, file) => {
  const { rng, s } = ctx;
  const options = {
    opnieuw: true,
    ...(rng.chance(0.5) ? { foutenOverslaan: true } : {}),
    ...(rng.chance(0.5) ? { vervangen: true } : {}),
    ...(rng.chance(0.15) ? { jaar: rng.pick([2019, 2023, 2024]) } : {}),
    ...(rng.chance(0.15) ? { gemeenten: [rng.pick(['GM0344', 'GM0153', 'GM0518'])] } : {}),
  };
  await sniff(ctx, file);
  await previewThenImport(
    ctx,
    'Cbs',
    () => s.previewCbsImport(file, options),
    () => s.importCbs(file, options),
  );
  return options;
};

const cognos: Runner = async (ctx, file) => {
  const { rng, s } = ctx;
  const options = {
    opnieuw: true,
    ...(rng.chance(0.6) ? { overlap: rng.pick(['vervangen', 'beide'] as const) } : {}),
    ...(rng.chance(0.2) ? { gebied: 'BU01530710' } : {}),
  };
  await sniff(ctx, file);
  await previewThenImport(
    ctx,
    'Cognos',
    () => s.previewCognosImport(file, options),
    () => s.importCognos(file, options),
  );
  return options;
};

const partners: Runner = async (ctx, file) => {
  const { rng, s } = ctx;
  const options = { opnieuw: true, ...(rng.chance(0.6) ? { foutenOverslaan: true } : {}) };
  await sniff(ctx, file);
  await previewThenImport(
    ctx,
    'Partners',
    () => s.previewPartnersImport(file, options),
    () => s.importPartners(file, options),
  );
  return options;
};

const relaties: Runner = async (ctx, file) => {
  const { rng, s } = ctx;
  const options = { opnieuw: true, ...(rng.chance(0.6) ? { foutenOverslaan: true } : {}) };
  await sniff(ctx, file);
  await previewThenImport(
    ctx,
    'Relaties',
    () => s.previewRelatiesImport(file, options),
    () => s.importRelaties(file, options),
  );
  return options;
};

const postcodes: Runner = async (ctx, file) => {
  const { s } = ctx;
  await sniff(ctx, file);
  // The postcode table has no preview: the sniff says what it is, the import reports its problems.
  await previewThenImport(
    ctx,
    'Postcodes',
    async () => ({ ok: true, value: { problemen: [] } }),
    () => s.importPostcodes(file),
    (r) => r.result.problemen,
  );
  return {};
};

const geo: Runner = async (ctx, file) => {
  const { rng, s } = ctx;
  const options = { opnieuw: true, ...(rng.chance(0.4) ? { jaar: rng.pick([2021, 2023]) } : {}) };
  await sniff(ctx, file);
  await previewThenImport(
    ctx,
    'Geo',
    () => s.previewGeoImport(file, options),
    () => s.importGeo(file, options),
  );
  return options;
};

/** Opening a project file; when it opens, the views read it and a small edit and a save must work or refuse in Dutch. */
const project: Runner = async (ctx, file) => {
  const { s } = ctx;
  const r = await call(ctx, 'openProject', () => s.openProject(file.bytes, file.name));
  if (!r) {
    await expectUnchanged(ctx, 'openProject');
    return {};
  }
  if (!r.ok) {
    ctx.codes.push(r.error.code);
    const problem = dutchProblem(r.error, 'openProject');
    if (problem) ctx.problems.push(problem);
    await expectUnchanged(ctx, 'openProject');
    return {};
  }
  ctx.changed();
  const reads: [string, () => Promise<Result<unknown>>][] = [
    ['getOverview', () => s.getOverview()],
    ['getGebieden', () => s.getGebieden()],
    ['listOrganisaties', () => s.listOrganisaties()],
    ['listVoorzieningen', () => s.listVoorzieningen()],
    ['listRelaties', () => s.listRelaties()],
    ['listTaxonomieen', () => s.listTaxonomieen()],
    ['getNetwerk', () => s.getNetwerk()],
    ['getKaart', () => s.getKaart()],
    ['getHiaten', () => s.getHiaten()],
    ['getMetingen', () => s.getMetingen({})],
    ['listWeergaven', () => s.listWeergaven('netwerk')],
    ['listSnapshots', () => s.listSnapshots()],
    ['getPrivacy', () => s.getPrivacy()],
    ['renameProject', () => s.renameProject('Fuzz hernoemd')],
    ['exportProject', () => s.exportProject()],
  ];
  for (const [name, fn] of reads) {
    const res = await call(ctx, `na openen: ${name}`, fn);
    if (res && !res.ok) {
      const problem = dutchProblem(res.error, `na openen: ${name}`);
      if (problem) ctx.problems.push(problem);
    }
  }
  return {};
};

interface TargetDef {
  readonly importer: string;
  readonly run: Runner;
  readonly mutators: readonly NamedMutator[];
}

const TEXT = [...BYTE_MUTATORS, ...TABLE_MUTATORS, ...TABLE_MUTATORS, ...ENCODING_MUTATORS];
const SHEET = [...ZIP_MUTATORS, ...ZIP_MUTATORS, ...BYTE_MUTATORS];
const JSON_DOC = [...JSON_MUTATORS, ...JSON_MUTATORS, ...BYTE_MUTATORS, ...ENCODING_MUTATORS];
const SQLITE = [...PAGE_MUTATORS, ...SQL_MUTATORS];

export const TARGETS: Record<TargetName, TargetDef> = {
  'cbs-csv': { importer: 'cbs', run: cbs, mutators: TEXT },
  'cbs-xlsx': { importer: 'cbs', run: cbs, mutators: SHEET },
  'cbs-json': { importer: 'cbs', run: cbs, mutators: JSON_DOC },
  'cognos-csv': { importer: 'cognos', run: cognos, mutators: TEXT },
  'cognos-xlsx': { importer: 'cognos', run: cognos, mutators: SHEET },
  'partners-csv': { importer: 'partners', run: partners, mutators: TEXT },
  'partners-xlsx': { importer: 'partners', run: partners, mutators: SHEET },
  'relaties-csv': { importer: 'relaties', run: relaties, mutators: TEXT },
  'relaties-xlsx': { importer: 'relaties', run: relaties, mutators: SHEET },
  postcodes: { importer: 'postcodes', run: postcodes, mutators: TEXT },
  'geo-gpkg': { importer: 'geo', run: geo, mutators: [...SQLITE, ...GPKG_MUTATORS, ...GPKG_MUTATORS] },
  'geo-geojson': { importer: 'geo', run: geo, mutators: JSON_DOC },
  'geo-topojson': { importer: 'geo', run: geo, mutators: JSON_DOC },
  project: { importer: 'project', run: project, mutators: SQLITE },
};

export const TARGET_NAMES = Object.keys(TARGETS) as TargetName[];

// ---------------------------------------------------------------- the harness

const ODD_NAMES = [
  'bestand',
  '',
  '.csv',
  '__proto__.csv',
  'constructor',
  'a/b\\c.csv',
  `${'lang'.repeat(80)}.csv`,
  'Zoë’s lijst 😀.csv',
  'kwb-1899.csv',
  'kwb-2023.xlsx',
  'kaart-2021.gpkg',
  'x.json',
  'x.geojson',
  'x.wijkweb',
  '<img src=x>.csv',
];

function mutateName(name: string, rng: Rng): string {
  if (!rng.chance(0.1)) return name;
  if (rng.chance(0.5)) return rng.pick(ODD_NAMES);
  const ext = rng.pick(['csv', 'xlsx', 'xls', 'ods', 'json', 'geojson', 'topojson', 'gpkg', 'txt', 'wijkweb', '']);
  return name.replace(/(\.[^.]*)?$/, ext ? `.${ext}` : '');
}

/** The import options of a case come from their own stream: a replay of the stored bytes gets the same options. */
const optionsRng = (seed: number, index: number) => new Rng(seed ^ 0x5bd1e995, index);

export interface HarnessOptions {
  /** The long run: whole fixtures now and then, and larger huge cells and tables. */
  readonly lang: boolean;
  /** The largest mutated file. */
  readonly maxBytes: number;
}

export interface RunCaseOptions {
  /** The targets to spread the cases over (all by default). */
  readonly only?: readonly TargetName[];
  /** Only make the case (its bytes), do not run it. */
  readonly dryRun?: boolean;
  /** Told the case before it runs (so that a case that hangs can still be written down). */
  readonly onCase?: (made: {
    target: TargetName;
    name: string;
    mutations: readonly string[];
    bytes: Uint8Array;
  }) => void;
}

export interface Harness {
  readonly seeds: SeedSet;
  /** Runs case `index` of the run with this seed. */
  runCase(seed: number, index: number, options?: RunCaseOptions): Promise<CaseResult>;
  /** Runs a target on given bytes (a replay). */
  replay(target: TargetName, file: ImportFile, options?: { seed: number; index: number }): Promise<CaseResult>;
  readonly peakRss: () => number;
}

/**
 * A project with data of every kind (CBS figures of two gemeenten, Cognos figures, partners, relaties, a map), so
 * that imports have something to match and to change, and project files have something to damage.
 */
async function buildBase(s: Service): Promise<Uint8Array> {
  const must = async <T>(label: string, r: Promise<Result<T>>) => {
    const res = await r;
    if (!res.ok) throw new Error(`fuzz base project: ${label}: ${res.error.code} ${res.error.detail ?? ''}`);
    return res.value;
  };
  await must('project', s.createProject('Fuzzproject'));
  await must('cbs', s.importCbs(fixture('cbs/kwb-2023-enschede-west-voorbeeld.csv'), {}));
  await must('cbs', s.importCbs(fixture('cbs/statline-untyped-2019-utrecht.csv'), {}));
  await must('cognos', s.importCognos(fixture('cognos/boswinkel-meldingen.csv'), {}));
  await must('partners', s.importPartners(fixture('partners/partners-organisaties.csv'), {}));
  await must('relaties', s.importRelaties(fixture('partners/verwijzingen.csv'), { foutenOverslaan: true }));
  await must('geo', s.importGeo(headFeatures(fixture('geo/hengelo-buurten-pdok.geojson'), 3), { jaar: 2023 }));
  return must('export', s.exportProject());
}

export async function createHarness(SQL: SqlJsStatic, options: HarnessOptions): Promise<Harness> {
  const s = createProjectService({ SQL, now: () => FIXED_NOW, sha256 });
  const base = await buildBase(s);
  const { klein, groot } = loadSeeds(SQL);
  const emptyService = createProjectService({ SQL, now: () => FIXED_NOW, sha256 });
  await emptyService.createProject('Leeg');
  const empty = await emptyService.exportProject();
  await emptyService.closeProject();
  const projects = [
    { name: 'fuzz.wijkweb', bytes: base },
    ...(empty.ok ? [{ name: 'leeg.wijkweb', bytes: empty.value }] : []),
    ...klein.project,
  ];
  const seeds: SeedSet = { ...klein, project: projects };
  const whole: SeedSet = { ...groot, project: projects };

  let before: Uint8Array = new Uint8Array(0);
  let dirty = true;
  let peak = 0;
  const reset = async () => {
    if (!dirty) return;
    const opened = await s.openProject(base, 'fuzz.wijkweb');
    const exported = await s.exportProject();
    if (!opened.ok || !exported.ok) throw new Error('fuzz: the base project no longer opens');
    before = exported.value;
    dirty = false;
  };

  const execute = async (
    index: number,
    target: TargetName,
    seedName: string,
    file: ImportFile,
    mutations: readonly string[],
    rng: Rng,
  ): Promise<CaseResult> => {
    await reset();
    const problems: string[] = [];
    const codes: string[] = [];
    const unhandled = (reason: unknown) =>
      problems.push(`onafgehandelde rejection: ${reason instanceof Error ? reason.message : String(reason)}`);
    process.on('unhandledRejection', unhandled);
    // SheetJS talks to the console about odd records ("Missing Info for XLS Record"); the outcome is what counts.
    const consoleWas = { log: console.log, warn: console.warn, error: console.error, info: console.info };
    const quiet = () => undefined;
    Object.assign(console, { log: quiet, warn: quiet, error: quiet, info: quiet });
    const ctx: Context = {
      s,
      rng,
      problems,
      codes,
      before,
      changed: () => {
        dirty = true;
      },
    };
    const t0 = performance.now();
    let used: unknown = {};
    try {
      used = await TARGETS[target].run(ctx, file);
      // A rejection nobody awaited shows up after a turn of the event loop.
      await new Promise((r) => setTimeout(r, 0));
    } catch (err) {
      problems.push(`harnas: ${String(err)}`);
      dirty = true;
    } finally {
      process.off('unhandledRejection', unhandled);
      Object.assign(console, consoleWas);
    }
    const ms = performance.now() - t0;
    // The memory of this thread's JavaScript engine: its heap and what lives outside it (buffers, the sql.js
    // WebAssembly memory). Not the process's RSS: in the long run the cases run in a worker, and memory a stopped
    // worker or an earlier case had is not always given back to the system, so RSS would judge the next cases by it.
    const mem = process.memoryUsage();
    const rss = mem.heapTotal + mem.external;
    peak = Math.max(peak, rss);
    if (rss > MAX_RSS) problems.push(`geheugen: ${Math.round(rss / 1048576)} MB (heap en buffers)`);
    const uitkomst: Uitkomst = problems.length > 0 ? 'fout' : codes.length > 0 ? 'geweigerd' : 'schoon';
    return {
      index,
      target,
      seed: seedName,
      name: file.name,
      mutations,
      options: used,
      bytes: file.bytes,
      uitkomst,
      codes,
      problems,
      ms,
      rss,
    };
  };

  return {
    seeds,
    peakRss: () => peak,
    async runCase(seed, index, { only = TARGET_NAMES, dryRun = false, onCase } = {}) {
      const rng = new Rng(seed, index);
      const target = only[index % only.length]!;
      const def = TARGETS[target];
      // The long run takes the whole fixtures in one case of GROOT_AANDEEL (slower: 60 ms a case against 20).
      const pool = options.lang && rng.chance(GROOT_AANDEEL) ? whole[target] : seeds[target];
      const seedFile = rng.pick(pool);
      const ctx: MutateContext = {
        rng,
        maxBytes: options.maxBytes,
        lang: options.lang,
        SQL,
        others: pool.filter((f) => f !== seedFile).map((f) => f.bytes),
      };
      let bytes = seedFile.bytes;
      const mutations: string[] = [];
      const count = rng.chance(0.03) ? 0 : 1 + (rng.chance(0.5) ? rng.int(4) : 0);
      for (let n = 0, tries = 0; n < count && tries < count * 5; tries++) {
        const m = rng.weighted(def.mutators.map((x) => [x, x.weight] as const));
        // FUZZ_SPOOR=map: every step's input is written there first (for a mutation that hangs on what came before).
        const spoor = process.env.FUZZ_SPOOR;
        if (spoor) writeFileSync(`${spoor}/stap-${tries}-${m.name}.bin`, bytes);
        let out: Uint8Array | null;
        try {
          out = m.fn(bytes, ctx);
        } catch {
          out = null; // a mutation that cannot handle what an earlier one made: another one is tried
        }
        if (spoor) {
          const mb = Math.round(process.memoryUsage().rss / 1048576);
          writeFileSync(`${spoor}/stap-${tries}-${m.name}-uit-${out ? out.length : 'geen'}-rss-${mb}.txt`, '');
        }
        if (!out || out.length > options.maxBytes) continue;
        bytes = out;
        mutations.push(m.name);
        n++;
      }
      const name = mutateName(seedFile.name, rng);
      if (dryRun) {
        const r = { index, target, seed: seedFile.name, name, mutations, options: {}, bytes, codes: [], problems: [] };
        return { ...r, uitkomst: 'schoon', ms: 0, rss: 0 };
      }
      onCase?.({ target, name, mutations, bytes });
      return execute(index, target, seedFile.name, { name, bytes }, mutations, optionsRng(seed, index));
    },
    async replay(target, file, opts = { seed: 0, index: 0 }) {
      return execute(opts.index, target, file.name, file, ['herhaling'], optionsRng(opts.seed, opts.index));
    },
  };
}
