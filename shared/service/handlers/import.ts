/** Imports: CBS, Cognos, partner lists, relaties (verwijzingen), the postcode table and the map; each with its preview. */
import type {
  CbsImportOptions,
  CbsImportOutcome,
  CbsPreview,
  Changed,
  CognosImportOptions,
  CognosPreview,
  GeoImportOptions,
  GeoPreview,
  ImportFile,
  ImportSoort,
  PartnersImportOptions,
  PartnersImportOutcome,
  PartnersPreview,
  PostcodesImportOutcome,
  ProjectOverview,
  RelatiesImportOptions,
  RelatiesImportOutcome,
  RelatiesPreview,
} from '../../contract';
import { nameResolver } from '../../db/repos/gebieden';
import { writePostcodes } from '../../db/repos/postcodes-import';
import { importCbs as importCbsFile, parseCbsFile, previewCbs } from '../../importers/cbs';
import {
  columnOverrides,
  importCognos as importCognosFile,
  parseCognosFile,
  previewCognos,
} from '../../importers/cognos';
import { parseGeoFile, previewGeo, writeGeo } from '../../importers/geo';
import { importPartners as importPartnersFile, parsePartnersFile, previewPartners } from '../../importers/partners';
import { parsePostcodesFile } from '../../importers/partners/postcodes';
import {
  importRelaties as importRelatiesFile,
  parseRelatiesFile,
  previewRelaties,
} from '../../importers/partners/relaties';
import { sniffImport as sniff } from '../../importers/sniff';
import { normaliseName } from '../../model/names';
import type { Result } from '../../result';
import { guard, guardAsync, requireDb, runChange, runImport, type ServiceContext } from '../app';

/** The CBS file parsed once for its preview and its import (names matched against the open project). */
async function parseCached(ctx: ServiceContext, file: ImportFile, options: CbsImportOptions) {
  const sha = await ctx.deps.sha256(file.bytes);
  const key = `${sha}|${options.jaar ?? ''}|${(options.gemeenten ?? []).join(',')}`;
  if (ctx.parsedCache?.key !== key) {
    ctx.onProgress?.({ taak: 'importeren', gedaan: 0, totaal: 0 });
    const resolveName = ctx.db ? nameResolver(ctx.db, options.jaar, normaliseName) : undefined;
    ctx.parsedCache = {
      key,
      sha,
      parsed: parseCbsFile(file, { ...options, ...(resolveName ? { resolveName } : {}) }),
    };
  }
  return ctx.parsedCache;
}

/** The partner list read once for its preview and its import. */
function parsedPartners(ctx: ServiceContext, file: ImportFile, sha: string, options: PartnersImportOptions) {
  const key = JSON.stringify([sha, options.blad ?? null, options.kolommen ?? null]);
  if (ctx.partnersCache?.key !== key) ctx.partnersCache = { key, parsed: parsePartnersFile(file, options) };
  return ctx.partnersCache.parsed;
}

/** Reads a CBS file and says what an import would do; writes nothing. */
export async function previewCbsImport(
  ctx: ServiceContext,
  file: ImportFile,
  options: CbsImportOptions,
): Promise<Result<CbsPreview>> {
  return guardAsync(async () => {
    const d = requireDb(ctx);
    const { sha, parsed } = await parseCached(ctx, file, options);
    return previewCbs(d, file, sha, parsed, options);
  });
}

/** Imports a CBS file in one transaction (progress events; `cancelImport` rolls it back). */
export async function importCbs(
  ctx: ServiceContext,
  file: ImportFile,
  options: CbsImportOptions,
): Promise<Result<CbsImportOutcome & { overview: ProjectOverview }>> {
  return runImport(ctx, file.name, async (d, progress) => {
    const { sha, parsed } = await parseCached(ctx, file, options);
    // Millions of figures: undone from a snapshot taken before, not from a log.
    const outcome = await ctx.undo.recordHeavy(`CBS-bestand ‘${file.name}’ geïmporteerd`, () =>
      importCbsFile(d, file, sha, parsed, options, { now: ctx.now(), ...progress }),
    );
    ctx.checkPending = true; // written with CHECK constraints off: quick_check before this state is saved
    ctx.parsedCache = null;
    return outcome;
  });
}

export async function cancelImport(ctx: ServiceContext): Promise<void> {
  ctx.cancelRequested = true;
}

/** Reads a Cognos export, matches its gebieden, and says what an import would do; writes nothing. */
export async function previewCognosImport(
  ctx: ServiceContext,
  file: ImportFile,
  options: CognosImportOptions,
): Promise<Result<CognosPreview>> {
  return guardAsync(async () => {
    const d = requireDb(ctx);
    const sha = await ctx.deps.sha256(file.bytes);
    return previewCognos(d, file, sha, parseCognosFile(file, columnOverrides(d, options)), options);
  });
}

export async function importCognos(
  ctx: ServiceContext,
  file: ImportFile,
  options: CognosImportOptions,
): Promise<Result<{ bronId: number; metingen: number; overview: ProjectOverview }>> {
  return runImport(ctx, file.name, async (d, progress) => {
    const sha = await ctx.deps.sha256(file.bytes);
    const parsed = parseCognosFile(file, columnOverrides(d, options));
    return ctx.undo.recordAsync(`Cognos-export ‘${file.name}’ geïmporteerd`, () =>
      importCognosFile(d, file, sha, parsed, options, ctx.now(), progress),
    );
  });
}

export async function previewPartnersImport(
  ctx: ServiceContext,
  file: ImportFile,
  options: PartnersImportOptions,
): Promise<Result<PartnersPreview>> {
  return guardAsync(async () => {
    const d = requireDb(ctx);
    const sha = await ctx.deps.sha256(file.bytes);
    return previewPartners(d, file, sha, parsedPartners(ctx, file, sha, options), options);
  });
}

export async function importPartners(
  ctx: ServiceContext,
  file: ImportFile,
  options: PartnersImportOptions,
): Promise<Result<Changed<PartnersImportOutcome>>> {
  return runChange(ctx, file.name, `Partnerlijst ‘${file.name}’ geïmporteerd`, false, async (d, progress) => {
    const sha = await ctx.deps.sha256(file.bytes);
    return importPartnersFile(d, file, parsedPartners(ctx, file, sha, options), options, {
      sha256: sha,
      now: ctx.now(),
      ...progress,
    });
  });
}

export async function previewRelatiesImport(
  ctx: ServiceContext,
  file: ImportFile,
  options: RelatiesImportOptions,
): Promise<Result<RelatiesPreview>> {
  return guardAsync(async () => {
    const d = requireDb(ctx);
    const sha = await ctx.deps.sha256(file.bytes);
    return previewRelaties(d, file, sha, parseRelatiesFile(file, options), options);
  });
}

export async function importRelaties(
  ctx: ServiceContext,
  file: ImportFile,
  options: RelatiesImportOptions,
): Promise<Result<Changed<RelatiesImportOutcome>>> {
  return runChange(ctx, file.name, `Verwijzingen ‘${file.name}’ geïmporteerd`, false, async (d, progress) => {
    const sha = await ctx.deps.sha256(file.bytes);
    return importRelatiesFile(d, file, parseRelatiesFile(file, options), options, {
      sha256: sha,
      now: ctx.now(),
      ...progress,
    });
  });
}

/** What kind of file an import is, from its first rows (the import page routes it to the right preview). */
export async function sniffImport(_ctx: ServiceContext, file: ImportFile): Promise<Result<ImportSoort>> {
  return guard(() => sniff(file));
}

/** The CBS table "buurt, wijk en gemeente per postcode" (PC6 → buurt), as a reference; links existing items. */
export async function importPostcodes(
  ctx: ServiceContext,
  file: ImportFile,
): Promise<Result<Changed<PostcodesImportOutcome>>> {
  return runChange(ctx, file.name, `Postcodetabel ‘${file.name}’ geïmporteerd`, true, async (d) => {
    const sha = await ctx.deps.sha256(file.bytes);
    const parsed = parsePostcodesFile(file);
    const written = writePostcodes(d, file, sha, parsed, ctx.now());
    return { ...written, overgeslagen: parsed.skipped, problemen: parsed.issues };
  });
}

/** Reads a wijk- en buurtkaart (GeoPackage, GeoJSON, TopoJSON) and says how its vlakken join the gebieden. */
export async function previewGeoImport(
  ctx: ServiceContext,
  file: ImportFile,
  options: GeoImportOptions,
): Promise<Result<GeoPreview>> {
  return guardAsync(async () => {
    const d = requireDb(ctx);
    const sha = await ctx.deps.sha256(file.bytes);
    return previewGeo(d, file, sha, parseGeoFile(ctx.deps.SQL, file), options);
  });
}

export async function importGeo(
  ctx: ServiceContext,
  file: ImportFile,
  options: GeoImportOptions,
): Promise<Result<Changed<{ bronId: number; vlakken: number; nieuw: number }>>> {
  return runChange(ctx, file.name, `Kaart ‘${file.name}’ geïmporteerd`, false, async (d) => {
    const sha = await ctx.deps.sha256(file.bytes);
    return writeGeo(d, file, sha, parseGeoFile(ctx.deps.SQL, file), options, ctx.now());
  });
}
