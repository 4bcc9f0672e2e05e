/**
 * CBS import: file → parsed table (any CBS shape) → preview → one transaction. The preview is what the user
 * confirms; the import refuses to write while any error is left.
 */
import type { ProjectDb } from '../../db/connection';
import { commitCbs, countExistingValues, findBronBySha, indelingChanges } from '../../db/repos/cbs-import';
import { AppException, toAppError } from '../../result';
import { fileKind, readCsv, readJson, readSpreadsheet } from '../sheet';
import type { ImportFile, ImportIssue } from '../types';
import { odataToTable, parseCbsTable, type CbsParseOptions, type CbsParsed } from './parse';

export interface CbsImportOptions extends CbsParseOptions {
  /** Replace values already in the project for the same gebied, indicator and year. */
  readonly vervangen?: boolean;
  /** Import a file again although the same file (sha256) was imported before. */
  readonly opnieuw?: boolean;
}

export interface CbsPreview {
  readonly bestand: string;
  readonly sha256: string;
  readonly formaat: CbsParsed['format'] | null;
  readonly werkblad: string | null;
  readonly jaar: number | null;
  readonly jaarBron: CbsParsed['jaarBron'];
  readonly aantallen: {
    readonly land: number;
    readonly gemeente: number;
    readonly wijk: number;
    readonly buurt: number;
  };
  readonly gemeenten: readonly { readonly code: string; readonly naam: string | null }[];
  readonly indicatoren: readonly {
    readonly sleutel: string;
    readonly label: string;
    readonly kolom: string;
    readonly canoniek: boolean;
    readonly eenheid: string | null;
  }[];
  readonly overgeslagenKolommen: readonly string[];
  readonly problemen: readonly ImportIssue[];
  readonly fouten: number;
  readonly waarschuwingen: number;
  /** The same file (sha256) was imported before, at this time. */
  readonly eerderGeimporteerd: string | null;
  /** Values of this year already in the project for these gebieden and indicators. */
  readonly bestaandeWaarden: number;
  readonly indelingswijziging: {
    readonly vergelekenMet: number;
    readonly nieuw: readonly string[];
    readonly vervallen: readonly string[];
  } | null;
  /** True when nothing stands in the way (given the options). */
  readonly kanImporteren: boolean;
  /** True when the whole country (or very many gemeenten) is in the file and no choice was made. */
  readonly grootBestand: boolean;
}

export interface CbsImportOutcome {
  readonly bronId: number;
  readonly jaar: number;
  readonly gebiedenNieuw: number;
  readonly gebiedenBijgewerkt: number;
  readonly waarden: number;
  readonly indicatorenNieuw: number;
}

function fromException(file: string, err: unknown): ImportIssue {
  const e = toAppError(err);
  return { level: 'fout', code: e.code, file, ...(e.params ? { params: e.params } : {}) };
}

/** Reads and parses a CBS file of any supported shape. */
export function parseCbsFile(file: ImportFile, options: CbsParseOptions = {}): CbsParsed | { issues: ImportIssue[] } {
  try {
    const kind = fileKind(file.bytes, file.name);
    if (kind === 'json') {
      const table = odataToTable(readJson(file.bytes, file.name), file.name);
      if (!table) return { issues: [{ level: 'fout', code: 'cbs.geen-cbs-tabel', file: file.name }] };
      return parseCbsTable(
        {
          fileName: file.name,
          sheet: table.sheet,
          format: 'odata',
          dataProperties: table.dataProperties,
          ...(table.tableId ? { tableId: table.tableId } : {}),
        },
        options,
      );
    }
    const sheets = kind === 'csv' ? [readCsv(file.bytes, file.name)] : readSpreadsheet(file.bytes, file.name);
    let firstFailure: { issues: ImportIssue[] } | null = null;
    for (const sheet of sheets) {
      const parsed = parseCbsTable({ fileName: file.name, sheet }, options);
      if ('format' in parsed) return parsed;
      firstFailure ??= parsed;
    }
    return firstFailure ?? { issues: [{ level: 'fout', code: 'cbs.geen-cbs-tabel', file: file.name }] };
  } catch (err) {
    return { issues: [fromException(file.name, err)] };
  }
}

export function previewCbs(
  db: ProjectDb,
  file: ImportFile,
  sha256: string,
  parsed: CbsParsed | { issues: ImportIssue[] },
  options: CbsImportOptions,
): CbsPreview {
  const ok = 'format' in parsed;
  const issues = parsed.issues;
  const counts = { land: 0, gemeente: 0, wijk: 0, buurt: 0 };
  if (ok) for (const r of parsed.regions) counts[r.niveau]++;
  const earlier = findBronBySha(db, sha256);
  const jaar = ok ? parsed.jaar : null;
  const bestaandeWaarden = ok && jaar ? countExistingValues(db, parsed, jaar) : 0;
  const fouten = issues.filter((i) => i.level === 'fout').length;
  const gemeenten = ok ? parsed.gemeenten : [];
  const grootBestand = !options.gemeenten?.length && gemeenten.length > 25;
  return {
    bestand: file.name,
    sha256,
    formaat: ok ? parsed.format : null,
    werkblad: ok ? parsed.sheet : null,
    jaar,
    jaarBron: ok ? parsed.jaarBron : null,
    aantallen: counts,
    gemeenten,
    indicatoren: ok
      ? parsed.indicators.map((i) => ({
          sleutel: i.sleutel,
          label: i.label,
          kolom: i.kolom,
          canoniek: i.canoniek,
          eenheid: i.eenheid,
        }))
      : [],
    overgeslagenKolommen: ok ? parsed.skippedColumns : [],
    problemen: issues.slice(0, 200),
    fouten,
    waarschuwingen: issues.length - fouten,
    eerderGeimporteerd: earlier?.geimporteerd_op ?? null,
    bestaandeWaarden,
    indelingswijziging: ok && jaar ? indelingChanges(db, parsed, jaar) : null,
    kanImporteren:
      ok &&
      fouten === 0 &&
      jaar !== null &&
      (!earlier || !!options.opnieuw) &&
      (bestaandeWaarden === 0 || !!options.vervangen),
    grootBestand,
  };
}

export async function importCbs(
  db: ProjectDb,
  file: ImportFile,
  sha256: string,
  parsed: CbsParsed | { issues: ImportIssue[] },
  options: CbsImportOptions,
  meta: { now: string; onProgress?: (done: number, total: number) => void; pause?: () => Promise<void> },
): Promise<CbsImportOutcome> {
  const preview = previewCbs(db, file, sha256, parsed, options);
  if (!('format' in parsed) || preview.fouten > 0) {
    const first = parsed.issues.find((i) => i.level === 'fout');
    throw new AppException(
      'import.fouten-in-bestand',
      { bestand: file.name, aantal: preview.fouten },
      first ? JSON.stringify(first) : undefined,
    );
  }
  if (preview.jaar === null) throw new AppException('cbs.jaar-onbekend', { bestand: file.name });
  if (preview.eerderGeimporteerd && !options.opnieuw) {
    throw new AppException('import.al-geimporteerd', { bestand: file.name, datum: preview.eerderGeimporteerd });
  }
  if (preview.bestaandeWaarden > 0 && !options.vervangen) {
    throw new AppException('cbs.al-waarden', {
      bestand: file.name,
      jaar: preview.jaar,
      aantal: preview.bestaandeWaarden,
    });
  }
  const result = await commitCbs(db, parsed, {
    fileName: file.name,
    sha256,
    now: meta.now,
    jaar: preview.jaar,
    replace: !!options.vervangen,
    ...(meta.onProgress ? { onProgress: meta.onProgress } : {}),
    ...(meta.pause ? { pause: meta.pause } : {}),
  });
  return { ...result, jaar: preview.jaar };
}
