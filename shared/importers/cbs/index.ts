/**
 * CBS import: file → parsed table (any CBS shape) → preview → one transaction. The preview is what the user
 * confirms; the import refuses to write while any error is left.
 */
import type { ProjectDb } from '../../db/connection';
import {
  commitCbs,
  countExistingValues,
  findBronBySha,
  indelingChanges,
  type CbsIndelingswijziging,
} from '../../db/repos/cbs-import';
import { AppException, toAppError } from '../../result';
import { fileKind, readCsv, readJson, readSpreadsheet } from '../sheet';
import type { ImportFile, ImportIssue } from '../types';
import { readStatLineCsv } from './grid';
import { odataToTable, parseCbsTable, type CbsOvergeslagen, type CbsParseOptions, type CbsParsed } from './parse';

export interface CbsImportOptions extends CbsParseOptions {
  /** Replace values already in the project for the same gebied, indicator and year. */
  readonly vervangen?: boolean;
  /** Import a file again although the same file (sha256) was imported before. */
  readonly opnieuw?: boolean;
  /** Import the rows without errors and leave out those with one (they are listed in the bron). */
  readonly foutenOverslaan?: boolean;
}

export interface CbsPreview {
  readonly bestand: string;
  readonly sha256: string;
  readonly formaat: CbsParsed['format'] | null;
  readonly werkblad: string | null;
  /** The year of the division when there is one; null when unknown or when the file has several. */
  readonly jaar: number | null;
  readonly jaarBron: CbsParsed['jaarBron'];
  /** The years that will be imported, each as its own division. */
  readonly jaren: readonly number[];
  /** The years of the file's period column (empty without one): to choose one. */
  readonly jarenInBestand: readonly number[];
  /** Gebieden that will be imported (rows with errors not counted). */
  readonly aantallen: {
    readonly land: number;
    readonly gemeente: number;
    readonly wijk: number;
    readonly buurt: number;
  };
  /** Rows that will be imported. */
  readonly teImporteren: number;
  /** Rows that will be left out, per reason (rows with an error: only when foutenOverslaan). */
  readonly overgeslagen: CbsOvergeslagen;
  /** Rows with an error. */
  readonly foutRijen: number;
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
  readonly indelingswijziging: CbsIndelingswijziging | null;
  /** True when nothing stands in the way (given the options). */
  readonly kanImporteren: boolean;
  /** True when the whole country (or very many gemeenten) is in the file and no choice was made. */
  readonly grootBestand: boolean;
}

export interface CbsImportOutcome {
  readonly bronId: number;
  /** The (newest) year imported. */
  readonly jaar: number;
  readonly jaren: readonly number[];
  readonly gebiedenNieuw: number;
  readonly gebiedenBijgewerkt: number;
  readonly waarden: number;
  readonly indicatorenNieuw: number;
  /** Rows left out because of an error. */
  readonly rijenOvergeslagen: number;
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
    if (kind === 'csv') {
      // A StatLine download is read straight from its text; anything else through sheet.ts.
      const grid = readStatLineCsv(file.bytes, file.name);
      if (grid) {
        const parsed = parseCbsTable({ fileName: file.name, grid }, options);
        if ('format' in parsed) return parsed;
      }
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

const GEEN_OVERGESLAGEN: CbsOvergeslagen = { andereGemeente: 0, anderJaar: 0, leeg: 0, fout: 0 };

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
  const jaren = ok ? parsed.jaren : [];
  const fallbackYear = jaar ?? jaren[jaren.length - 1] ?? null;
  const bestaandeWaarden = ok && fallbackYear !== null ? countExistingValues(db, parsed, fallbackYear) : 0;
  const fouten = ok ? parsed.fouten : issues.filter((i) => i.level === 'fout').length;
  const blokkerend = ok ? parsed.blokkerend : fouten;
  const gemeenten = ok ? parsed.gemeenten : [];
  const grootBestand = !options.gemeenten?.length && gemeenten.length > 25;
  const rowErrorsPassable = fouten === 0 || (!!options.foutenOverslaan && blokkerend === 0);
  return {
    bestand: file.name,
    sha256,
    formaat: ok ? parsed.format : null,
    werkblad: ok ? parsed.sheet : null,
    jaar,
    jaarBron: ok ? parsed.jaarBron : null,
    jaren,
    jarenInBestand: ok ? parsed.jarenInBestand : [],
    aantallen: counts,
    teImporteren: ok ? parsed.regions.length : 0,
    overgeslagen: ok ? parsed.overgeslagen : GEEN_OVERGESLAGEN,
    foutRijen: ok ? parsed.foutRijen.length : 0,
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
    waarschuwingen: issues.filter((i) => i.level === 'waarschuwing').length,
    eerderGeimporteerd: earlier?.geimporteerd_op ?? null,
    bestaandeWaarden,
    indelingswijziging: ok && fallbackYear !== null ? indelingChanges(db, parsed, fallbackYear) : null,
    kanImporteren:
      ok &&
      rowErrorsPassable &&
      parsed.regions.length > 0 &&
      jaren.length > 0 &&
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
  const passable = 'format' in parsed && parsed.blokkerend === 0 && !!options.foutenOverslaan;
  if (!('format' in parsed) || (preview.fouten > 0 && !passable) || parsed.regions.length === 0) {
    const first = parsed.issues.find((i) => i.level === 'fout');
    throw new AppException(
      'import.fouten-in-bestand',
      { bestand: file.name, aantal: preview.fouten },
      first ? JSON.stringify(first) : undefined,
    );
  }
  const jaar = preview.jaar ?? preview.jaren[preview.jaren.length - 1] ?? null;
  if (jaar === null) throw new AppException('cbs.jaar-onbekend', { bestand: file.name });
  if (preview.eerderGeimporteerd && !options.opnieuw) {
    throw new AppException('import.al-geimporteerd', { bestand: file.name, datum: preview.eerderGeimporteerd });
  }
  if (preview.bestaandeWaarden > 0 && !options.vervangen) {
    throw new AppException('cbs.al-waarden', {
      bestand: file.name,
      jaar: preview.jaren.length === 1 ? preview.jaren[0]! : preview.jaren.join(', '),
      aantal: preview.bestaandeWaarden,
    });
  }
  const result = await commitCbs(db, parsed, {
    fileName: file.name,
    sha256,
    now: meta.now,
    jaar,
    replace: !!options.vervangen,
    keuze: {
      ...(options.gemeenten?.length ? { gemeenten: options.gemeenten } : {}),
      foutenOverslaan: !!options.foutenOverslaan,
    },
    ...(meta.onProgress ? { onProgress: meta.onProgress } : {}),
    ...(meta.pause ? { pause: meta.pause } : {}),
  });
  return { ...result, jaar, jaren: preview.jaren, rijenOvergeslagen: parsed.foutRijen.length };
}
