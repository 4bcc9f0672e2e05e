/**
 * Cognos import: file → tables → measured counts → gebied matching against the project → preview → one transaction.
 * Names written differently ("BOSWINKEL DE BRAKER", "Boswinkel/De Braker") match after normalisation; anything
 * less certain is proposed with ranked candidates and must be confirmed once (then remembered as an alias).
 */
import type { ProjectDb } from '../../db/connection';
import {
  writeCognos,
  compareOverlapping,
  gebiedIndex,
  loadCognosProfiles,
  plausibiliteitsBasis,
  saveCognosProfiles,
  type GebiedIndexEntry,
} from '../../db/repos/cognos-import';
import { controleerCijfer } from '../../analysis/hiaten';
import { findBronBySha } from '../../db/repos/cbs-import';
import { bewaarTaxonomieAlias, taxonomieWaarden } from '../../db/repos/lijsten-import';
import { afhandelingUitTekst } from '../../model/pilot';
import { isAantalMaat } from '../../report/privacy';
import { normaliseWaarde } from '../partners/taxonomie-waarden';
import { createEigenGebied, eigenGebiedId, gebiedLabel } from '../../db/repos/gebieden';
import { normaliseName } from '../../model/names';
import { AppException, toAppError } from '../../result';
import { fileKind, readCsv, readSpreadsheet } from '../sheet';
import type { ImportFile, ImportIssue } from '../types';
import {
  consistencyIssues,
  duplicateIssues,
  parseCognosSheet,
  type CognosRecord,
  type ColumnOverride,
  type ColumnOverrides,
  type TableLayout,
} from './parse';

export type { ColumnOverride, ColumnOverrides, TableLayout } from './parse';

export interface CognosImportOptions {
  /** Confirmed matches: the name as written in the file → a gebied code. */
  readonly aliassen?: Readonly<Record<string, string>>;
  /** What to do with measurements of the same gebied, measure and period already in the project. */
  readonly overlap?: 'vervangen' | 'beide';
  readonly opnieuw?: boolean;
  /** The gebied (code) of tables that name none, as the user chose it. */
  readonly gebied?: string;
  /** Names in the file that are no buurt or wijk of the project: make each an eigen gebied (members chosen later). */
  readonly nieuweGebieden?: readonly string[];
  /** Corrections of what a column means, per table layout (header fingerprint); saved as a mapping profile. */
  readonly kolommen?: ColumnOverrides;
  /**
   * What the user chose for afhandeling categories: the category as written in the file → a code of the taxonomy
   * `afhandeling`. Saved with the import (taxonomie_alias), so the next export with the same words needs no choice.
   */
  readonly afhandelingen?: Readonly<Record<string, string>>;
}

/** An afhandeling category of the file and the code it gets (null: the user must choose). */
export interface AfhandelingMatch {
  /** As written in the file. */
  readonly tekst: string;
  readonly code: string | null;
  /**
   * How: chosen now, remembered from an earlier choice, equal to an item's label (or code), or read from its words
   * (`afhandelingUitTekst`); null when unknown.
   */
  readonly hoe: 'gekozen' | 'onthouden' | 'label' | 'woorden' | null;
  /** How many counts in the file have this category. */
  readonly aantal: number;
  readonly blad: string;
  readonly rij: number;
  /** Column letter. */
  readonly kolom: string;
}

export interface GebiedMatch {
  /** The name as written in the file. */
  readonly naam: string;
  readonly code: string | null;
  readonly gebiedNaam: string | null;
  readonly zeker: boolean;
  readonly kandidaten: readonly { readonly code: string; readonly naam: string; readonly score: number }[];
}

export interface CognosPreview {
  readonly bestand: string;
  readonly sha256: string;
  readonly tabellen: number;
  readonly metingen: number;
  readonly perMaat: Readonly<Record<string, number>>;
  readonly perioden: readonly string[];
  readonly gebieden: readonly GebiedMatch[];
  readonly problemen: readonly ImportIssue[];
  readonly fouten: number;
  readonly waarschuwingen: number;
  readonly eerderGeimporteerd: string | null;
  readonly overlappend: number;
  /** Of the overlapping counts: how many have the same number here, how many differ (with up to five examples). */
  readonly overlapGelijk: number;
  readonly overlapVerschillend: number;
  readonly overlapVoorbeelden: readonly CognosVoorbeeldRij[];
  /** The first rows as they will be stored (at most 12): gebied, what is counted, when, and the number. */
  readonly voorbeeldRijen: readonly CognosVoorbeeldRij[];
  readonly kanImporteren: boolean;
  /** The tables found and what each column was taken to mean (correctable). */
  readonly tabelIndeling: readonly TableLayout[];
  /** Gebieden found in a title or footer line (per sheet), or chosen for the file. */
  readonly titelGebieden: readonly { readonly sheet: string; readonly code: string; readonly naam: string }[];
  /** When a table names no gebied: the buurten and wijken to choose from. */
  readonly kiesGebied: readonly { readonly code: string; readonly naam: string }[];
  /** The afhandeling categories in the file and their codes (an unknown one blocks the import until chosen). */
  readonly afhandelingen: readonly AfhandelingMatch[];
  /** The items of the taxonomy `afhandeling` to choose from (when the file has categories). */
  readonly afhandelingItems: readonly { readonly code: string; readonly label: string }[];
}

/** One measurement as it will be stored (or as it is: `inProject` for an overlapping one). */
export interface CognosVoorbeeldRij {
  readonly gebied: string;
  readonly maat: string;
  /** Peildatum, or "start/eind". */
  readonly moment: string;
  readonly wet: string | null;
  readonly ondersteuningsbehoefte: number | null;
  readonly subniveau: string | null;
  readonly vorm: string | null;
  readonly meldingstype: string | null;
  readonly product: string | null;
  /** The afhandeling category as written, and the code it gets (null while unknown). */
  readonly afhandeling: string | null;
  readonly afhandelingCode: string | null;
  /** The number (a count, an amount in euros, a score); null when shielded (`<5` and the like). */
  readonly waarde: number | null;
  readonly onderdrukt: boolean;
  readonly inProject?: number | null;
  readonly rij: number;
  readonly blad: string;
}

export interface CognosParsedFile {
  readonly layouts: readonly TableLayout[];
  readonly records: readonly CognosRecord[];
  readonly tables: number;
  readonly issues: readonly ImportIssue[];
  readonly contextLines: readonly string[];
  readonly rowsRead: number;
}

export function parseCognosFile(file: ImportFile, overrides: ColumnOverrides = {}): CognosParsedFile {
  try {
    const kind = fileKind(file.bytes, file.name);
    if (kind === 'json')
      return {
        layouts: [],
        records: [],
        tables: 0,
        issues: [{ level: 'fout', code: 'cognos.geen-tabel', file: file.name }],
        contextLines: [],
        rowsRead: 0,
      };
    const sheets = kind === 'csv' ? [readCsv(file.bytes, file.name)] : readSpreadsheet(file.bytes, file.name);
    const records: CognosRecord[] = [];
    const layouts: TableLayout[] = [];
    const issues: ImportIssue[] = [];
    const contextLines: string[] = [];
    let tables = 0;
    let rowsRead = 0;
    const nonEmpty = sheets.filter((s) => s.rows.some((r) => r.some((c) => c !== null && String(c).trim() !== '')));
    for (const sheet of nonEmpty.length > 0 ? nonEmpty : sheets.slice(0, 1)) {
      const p = parseCognosSheet(file.name, sheet, overrides);
      // Loops, not push(...list): a spread of a data-sized array overflows the call stack.
      for (const l of p.layouts) layouts.push(l);
      for (const r of p.records) records.push(r.gebiedTekst === null ? { ...r, gebiedTekst: null } : r);
      for (const i of p.issues) issues.push(i);
      for (const l of p.contextLines) contextLines.push(`${sheet.name}\u0000${l}`);
      tables += p.tables;
      rowsRead += sheet.rows.length;
    }
    for (const i of consistencyIssues(file.name, records)) issues.push(i);
    for (const i of duplicateIssues(file.name, records)) issues.push(i);
    return { layouts, records, tables, issues, contextLines, rowsRead };
  } catch (err) {
    const e = toAppError(err);
    return {
      layouts: [],
      records: [],
      tables: 0,
      issues: [{ level: 'fout', code: e.code, file: file.name, ...(e.params ? { params: e.params } : {}) }],
      contextLines: [],
      rowsRead: 0,
    };
  }
}

function similarity(a: string, b: string): number {
  const ta = new Set(a.split(' ').filter(Boolean));
  const tb = new Set(b.split(' ').filter(Boolean));
  const inter = [...ta].filter((t) => tb.has(t)).length;
  return inter / Math.max(1, Math.max(ta.size, tb.size));
}

/** Matches a written name to a gebied: code, confirmed alias, equal after normalisation; else ranked candidates. */
function matchName(
  naam: string,
  index: ReturnType<typeof gebiedIndex>,
  confirmed: ReadonlyMap<string, string>,
): GebiedMatch {
  const norm = normaliseName(naam);
  const byCode = (code: string) => index.gebieden.find((g) => g.code === code.toUpperCase());
  const direct = byCode(naam.trim());
  const explicit = confirmed.get(naam) ?? confirmed.get(norm) ?? index.aliassen.get(norm);
  const chosen = direct ?? (explicit ? byCode(explicit) : undefined);
  if (chosen) return { naam, code: chosen.code, gebiedNaam: chosen.naam, zeker: true, kandidaten: [] };
  const equal = uniqueByCode(index.gebieden.filter((g) => normaliseName(g.naam) === norm));
  if (equal.length === 1)
    return { naam, code: equal[0]!.code, gebiedNaam: equal[0]!.naam, zeker: true, kandidaten: [] };
  const ranked = uniqueByCode(index.gebieden)
    .map((g) => ({ code: g.code, naam: g.naam, score: similarity(norm, normaliseName(g.naam)) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
  return {
    naam,
    code: null,
    gebiedNaam: null,
    zeker: false,
    kandidaten: equal.length > 1 ? equal.map((g) => ({ code: g.code, naam: g.naam, score: 1 })) : ranked,
  };
}

function uniqueByCode(list: readonly GebiedIndexEntry[]): GebiedIndexEntry[] {
  const seen = new Set<string>();
  return list.filter((g) => (seen.has(g.code) ? false : (seen.add(g.code), true)));
}

/** A gebied named in a title or footer ("Aantal meldingen Boswinkel — de Braker"): the longest name found in it. */
/**
 * A gebied named in a title or footer ("Aantal meldingen Boswinkel — de Braker"): the longest name found in it.
 * `zeker` when it was confirmed before (an alias) or is a name of two words or more; a single short word ("Oost",
 * "Centrum") may be part of something else and is asked.
 */
function gebiedInText(
  lines: readonly string[],
  index: ReturnType<typeof gebiedIndex>,
): { g: GebiedIndexEntry; zeker: boolean } | null {
  const text = ` ${normaliseName(lines.join(' '))} `;
  for (const [alias, code] of index.aliassen) {
    const g = index.gebieden.find((x) => x.code === code);
    if (g && text.includes(` ${alias} `)) return { g, zeker: true };
  }
  let best: GebiedIndexEntry | null = null;
  for (const g of index.gebieden) {
    if (g.niveau === 'gemeente') continue;
    const n = normaliseName(g.naam);
    if (n.length < 4 || n === normaliseName(g.code)) continue;
    if (text.includes(` ${n} `) && (!best || n.length > normaliseName(best.naam).length)) best = g;
  }
  if (!best) return null;
  const n = normaliseName(best.naam);
  return { g: best, zeker: n.split(' ').length >= 2 && n.length >= 8 };
}

/**
 * The codes of the file's afhandeling categories: the user's choice in this preview, then what the project
 * remembers (taxonomie_alias), then an item's label or code (normalised), then the words (`afhandelingUitTekst`,
 * only when the project has that item). A category without a code is an error naming its place.
 */
function resolveAfhandeling(
  db: ProjectDb,
  file: ImportFile,
  records: readonly CognosRecord[],
  options: CognosImportOptions,
): {
  code: (r: CognosRecord) => string | null;
  matches: AfhandelingMatch[];
  items: { code: string; label: string }[];
  issues: ImportIssue[];
  aliassen: Map<string, string>;
} {
  const found = new Map<string, { r: CognosRecord; aantal: number }>();
  for (const r of records) {
    if (r.afhandelingTekst === null) continue;
    const f = found.get(r.afhandelingTekst);
    if (f) f.aantal++;
    else found.set(r.afhandelingTekst, { r, aantal: 1 });
  }
  if (found.size === 0) return { code: () => null, matches: [], items: [], issues: [], aliassen: new Map() };
  const { items: alle, aliassen: alleAliassen } = taxonomieWaarden(db);
  const items = alle.filter((i) => i.taxonomie === 'afhandeling').map((i) => ({ code: i.code, label: i.label }));
  const bestaat = new Set(items.map((i) => i.code));
  const onthouden = new Map(
    alleAliassen
      .filter((a) => a.taxonomie === 'afhandeling' && bestaat.has(a.code))
      .map((a) => [normaliseWaarde(a.waarde), a.code]),
  );
  const perLabel = new Map<string, string>();
  for (const i of items) {
    perLabel.set(normaliseWaarde(i.label), i.code);
    if (!perLabel.has(normaliseWaarde(i.code))) perLabel.set(normaliseWaarde(i.code), i.code);
  }
  const gekozen = new Map(
    Object.entries(options.afhandelingen ?? {})
      .filter(([, code]) => bestaat.has(code))
      .map(([tekst, code]) => [normaliseWaarde(tekst), code]),
  );
  const matches: AfhandelingMatch[] = [];
  const issues: ImportIssue[] = [];
  const aliassen = new Map<string, string>();
  const codes = new Map<string, string | null>();
  for (const [tekst, { r, aantal }] of found) {
    const k = normaliseWaarde(tekst);
    const woorden = afhandelingUitTekst(tekst);
    let code: string | null = null;
    let hoe: AfhandelingMatch['hoe'] = null;
    if (gekozen.has(k)) [code, hoe] = [gekozen.get(k)!, 'gekozen'];
    else if (onthouden.has(k)) [code, hoe] = [onthouden.get(k)!, 'onthouden'];
    else if (perLabel.has(k)) [code, hoe] = [perLabel.get(k)!, 'label'];
    else if (woorden && bestaat.has(woorden)) [code, hoe] = [woorden, 'woorden'];
    codes.set(tekst, code);
    if (hoe === 'gekozen') aliassen.set(tekst, code!);
    const cel = r.afhandelingCel ?? { row: r.row, column: r.column, kop: r.column };
    matches.push({ tekst, code, hoe, aantal, blad: r.sheet, rij: cel.row, kolom: cel.column });
    if (!code) {
      issues.push({
        level: 'fout',
        code: 'cognos.afhandeling-onbekend',
        file: file.name,
        ...(r.sheet !== file.name ? { sheet: r.sheet } : {}),
        row: cel.row,
        column: cel.kop,
        params: { waarde: tekst.slice(0, 60), kolom: cel.column },
      });
    }
  }
  return {
    code: (r) => (r.afhandelingTekst === null ? null : (codes.get(r.afhandelingTekst) ?? null)),
    matches,
    items,
    issues,
    aliassen,
  };
}

interface Resolved {
  /** Records of names that become new eigen gebieden in the import's transaction. */
  readonly nieuw: { naam: string; r: CognosRecord }[];
  readonly titel: { sheet: string; code: string; naam: string }[];
  readonly rows: { gebiedId: number; r: CognosRecord }[];
  readonly matches: GebiedMatch[];
  readonly issues: ImportIssue[];
  readonly aliassen: Map<string, string>;
  readonly afhandeling: ReturnType<typeof resolveAfhandeling>;
}

function resolve(db: ProjectDb, file: ImportFile, parsed: CognosParsedFile, options: CognosImportOptions): Resolved {
  const index = gebiedIndex(db);
  const confirmed = new Map<string, string>(Object.entries(options.aliassen ?? {}));
  const idOf = (code: string) => index.gebieden.find((g) => g.code === code)?.id;
  const matches = new Map<string, GebiedMatch>();
  const issues: ImportIssue[] = [];
  const rows: { gebiedId: number; r: CognosRecord }[] = [];
  const aliassen = new Map<string, string>();
  const nieuw: { naam: string; r: CognosRecord }[] = [];
  // Per sheet, a gebied named only in a title or footer.
  const sheetGebied = new Map<string, GebiedIndexEntry | null>();
  // Tables whose title names a gebied Wijkweb is not sure of: asked, not guessed.
  const titelTwijfel = new Set<string>();
  const afhandeling = resolveAfhandeling(db, file, parsed.records, options);
  for (const parsedRecord of parsed.records) {
    const r =
      parsedRecord.afhandelingTekst === null
        ? parsedRecord
        : { ...parsedRecord, afhandeling: afhandeling.code(parsedRecord) };
    let code: string | null;
    if (r.gebiedTekst) {
      const m = matches.get(r.gebiedTekst) ?? matchName(r.gebiedTekst, index, confirmed);
      matches.set(r.gebiedTekst, m);
      code = m.code;
      if (m.code && (confirmed.has(r.gebiedTekst) || confirmed.has(normaliseName(r.gebiedTekst))))
        aliassen.set(normaliseName(r.gebiedTekst), m.code);
    } else {
      // The table's own title first, then the other lines of its sheet and the file name.
      const tableKey = `${r.sheet}\u0000${r.tabelTitel}`;
      if (!sheetGebied.has(tableKey)) {
        const lines = parsed.contextLines
          .filter((l) => l.startsWith(`${r.sheet}\u0000`))
          .map((l) => l.slice(r.sheet.length + 1));
        const found =
          (r.tabelTitel ? gebiedInText([r.tabelTitel], index) : null) ?? gebiedInText([file.name, ...lines], index);
        if (found && !found.zeker) {
          const chosen = confirmed.get(found.g.naam) ?? confirmed.get(normaliseName(found.g.naam));
          if (chosen) {
            aliassen.set(normaliseName(found.g.naam), chosen);
            sheetGebied.set(tableKey, index.gebieden.find((g) => g.code === chosen) ?? null);
          } else {
            matches.set(found.g.naam, {
              naam: found.g.naam,
              code: null,
              gebiedNaam: null,
              zeker: false,
              kandidaten: [{ code: found.g.code, naam: found.g.naam, score: 1 }],
            });
            sheetGebied.set(tableKey, null);
            titelTwijfel.add(tableKey);
          }
        } else sheetGebied.set(tableKey, found?.g ?? null);
      }
      code =
        sheetGebied.get(tableKey)?.code ??
        (titelTwijfel.has(tableKey) ? null : options.gebied ? options.gebied.toUpperCase() : null);
      if (!code && !titelTwijfel.has(tableKey)) {
        const key = `\u0000${r.sheet}`;
        if (!matches.has(key)) {
          matches.set(key, { naam: '', code: null, gebiedNaam: null, zeker: false, kandidaten: [] });
          issues.push({ level: 'fout', code: 'cognos.geen-gebied', file: file.name, sheet: r.sheet, row: r.row });
        }
      }
    }
    const id = code ? idOf(code) : undefined;
    if (id !== undefined) rows.push({ gebiedId: id, r });
    else if (r.gebiedTekst && options.nieuweGebieden?.includes(r.gebiedTekst)) nieuw.push({ naam: r.gebiedTekst, r });
  }
  for (const m of matches.values()) {
    if (m.naam && !m.code && !options.nieuweGebieden?.includes(m.naam)) {
      issues.push({
        level: 'fout',
        code: m.kandidaten.length > 0 ? 'cognos.gebied-bevestigen' : 'cognos.gebied-onbekend',
        file: file.name,
        params: { naam: m.naam, kandidaten: m.kandidaten.map((k) => `${k.naam} (${k.code})`).join(', ') },
      });
    }
  }
  const titel = [...sheetGebied].flatMap(([key, g]) => {
    const sheet = key.split('\u0000')[0] ?? key;
    if (titelTwijfel.has(key)) return [];
    if (g) return [{ sheet, code: g.code, naam: g.naam }];
    const chosen = options.gebied ? index.gebieden.find((x) => x.code === options.gebied!.toUpperCase()) : undefined;
    return chosen ? [{ sheet, code: chosen.code, naam: chosen.naam }] : [];
  });
  for (const i of afhandeling.issues) issues.push(i);
  return {
    rows,
    nieuw,
    matches: [...matches.values()].filter((m) => m.naam !== ''),
    issues,
    aliassen,
    titel,
    afhandeling,
  };
}

/**
 * Counts that are implausible for their buurt (more than 10% of its inhabitants, or five times the previous count
 * of the same line): a warning, "controleer dit cijfer". The import goes on; the gap analysis flags the count too
 * and lets the user leave it out.
 */
function controleerCijfers(
  db: ProjectDb,
  file: ImportFile,
  rows: readonly { gebiedId: number; r: CognosRecord }[],
): ImportIssue[] {
  const basis = plausibiliteitsBasis(db);
  const out: ImportIssue[] = [];
  for (const { gebiedId, r } of rows) {
    // Amounts (kosten) and scores (tevredenheid) are no counts of people: nothing to compare with the inhabitants.
    if (r.onderdrukt || r.waarde === null || !isAantalMaat(r.maat) || out.length >= 50) continue;
    const inwoners = basis.inwoners(gebiedId);
    const reden = controleerCijfer(r.waarde, inwoners, basis.vorige(gebiedId, r));
    if (!reden) continue;
    out.push({
      level: 'waarschuwing',
      code: reden === 'aandeel' ? 'cognos.controleer-aandeel' : 'cognos.controleer-sprong',
      file: file.name,
      sheet: r.sheet,
      row: r.row,
      column: r.column,
      params: { waarde: r.waarde, gebied: r.gebiedTekst ?? '', inwoners: inwoners ?? '' },
    });
  }
  return out;
}

/** Saved mapping profiles with this session's corrections on top. */
export function columnOverrides(db: ProjectDb, options: CognosImportOptions): ColumnOverrides {
  const merged: Record<string, Record<string, ColumnOverride>> = loadCognosProfiles(db);
  for (const [fp, cols] of Object.entries(options.kolommen ?? {})) merged[fp] = { ...(merged[fp] ?? {}), ...cols };
  return merged;
}

export function previewCognos(
  db: ProjectDb,
  file: ImportFile,
  sha256: string,
  parsed: CognosParsedFile,
  options: CognosImportOptions,
): CognosPreview {
  const resolved = resolve(db, file, parsed, options);
  const problemen = [...parsed.issues, ...resolved.issues, ...controleerCijfers(db, file, resolved.rows)];
  const fouten = problemen.filter((i) => i.level === 'fout').length;
  const earlier = findBronBySha(db, sha256);
  const overlap =
    fouten === 0 ? compareOverlapping(db, resolved.rows) : { aantal: 0, gelijk: 0, verschillend: 0, voorbeelden: [] };
  const overlappend = overlap.aantal;
  const gebiedNaam = new Map<number, string>();
  const naamVan = (id: number) => {
    if (!gebiedNaam.has(id)) gebiedNaam.set(id, gebiedLabel(db, id));
    return gebiedNaam.get(id)!;
  };
  const rij = (gebied: string, r: CognosRecord): CognosVoorbeeldRij => ({
    gebied,
    maat: r.maat,
    moment: r.peildatum ?? `${r.periodeStart}/${r.periodeEind ?? r.periodeStart}`,
    wet: r.wet,
    ondersteuningsbehoefte: r.ondersteuningsbehoefte,
    subniveau: r.subniveau,
    vorm: r.vorm,
    meldingstype: r.meldingstype,
    product: r.product,
    afhandeling: r.afhandelingTekst,
    afhandelingCode: r.afhandeling,
    waarde: r.onderdrukt ? null : r.waarde,
    onderdrukt: r.onderdrukt,
    rij: r.row,
    blad: r.sheet,
  });
  const voorbeeldRijen = [
    ...resolved.rows.map(({ gebiedId, r }) => ({ r, gebied: naamVan(gebiedId) })),
    ...resolved.nieuw.map(({ naam, r }) => ({ r, gebied: naam })),
  ]
    .sort((a, b) => a.r.sheet.localeCompare(b.r.sheet) || a.r.row - b.r.row)
    .slice(0, 12)
    .map(({ gebied, r }) => rij(gebied, r));
  const perMaat: Record<string, number> = {};
  for (const r of parsed.records) perMaat[r.maat] = (perMaat[r.maat] ?? 0) + 1;
  const perioden = [...new Set(parsed.records.map((r) => r.peildatum ?? `${r.periodeStart}/${r.periodeEind}`))].sort();
  return {
    bestand: file.name,
    sha256,
    tabellen: parsed.tables,
    metingen: parsed.records.length,
    perMaat,
    perioden,
    gebieden: resolved.matches,
    problemen: problemen.slice(0, 200),
    fouten,
    waarschuwingen: problemen.length - fouten,
    eerderGeimporteerd: earlier?.geimporteerd_op ?? null,
    overlappend,
    overlapGelijk: overlap.gelijk,
    overlapVerschillend: overlap.verschillend,
    overlapVoorbeelden: overlap.voorbeelden.map((v) => ({
      ...rij(naamVan(v.gebiedId), v.record),
      waarde: v.inBestand,
      inProject: v.inProject,
    })),
    voorbeeldRijen,
    titelGebieden: resolved.titel,
    tabelIndeling: parsed.layouts,
    kiesGebied: problemen.some((i) => i.code === 'cognos.geen-gebied')
      ? uniqueByCode(
          gebiedIndex(db).gebieden.filter((g) => g.niveau === 'buurt' || g.niveau === 'wijk' || g.niveau === 'eigen'),
        )
          .map((g) => ({ code: g.code, naam: g.naam }))
          .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))
      : [],
    afhandelingen: resolved.afhandeling.matches,
    afhandelingItems: resolved.afhandeling.items,
    kanImporteren:
      fouten === 0 &&
      parsed.records.length > 0 &&
      (!earlier || !!options.opnieuw) &&
      (overlappend === 0 || !!options.overlap),
  };
}

export async function importCognos(
  db: ProjectDb,
  file: ImportFile,
  sha256: string,
  parsed: CognosParsedFile,
  options: CognosImportOptions,
  now: string,
  run: { onProgress?: (done: number, total: number) => void; pause?: () => Promise<void> } = {},
) {
  const preview = previewCognos(db, file, sha256, parsed, options);
  if (preview.fouten > 0)
    throw new AppException('import.fouten-in-bestand', { bestand: file.name, aantal: preview.fouten });
  if (preview.metingen === 0) throw new AppException('cognos.geen-tabel', { bestand: file.name });
  if (preview.eerderGeimporteerd && !options.opnieuw) {
    throw new AppException('import.al-geimporteerd', { bestand: file.name, datum: preview.eerderGeimporteerd });
  }
  if (preview.overlappend > 0 && !options.overlap) {
    throw new AppException('cognos.al-metingen', { bestand: file.name, aantal: preview.overlappend });
  }
  const resolved = resolve(db, file, parsed, options);
  // One transaction: the measurements, the confirmed aliases and the corrected layout (mapping profile).
  return db.transactionAsync(async () => {
    if (options.kolommen && Object.keys(options.kolommen).length > 0) {
      // Save the whole layout of each corrected table (earlier corrections plus today's), not only today's.
      const merged = columnOverrides(db, options);
      saveCognosProfiles(
        db,
        Object.fromEntries(Object.keys(options.kolommen).map((fp) => [fp, merged[fp] ?? {}])),
        now,
      );
    }
    // The afhandeling categories the user chose: remembered for the next export with the same words.
    for (const [tekst, code] of resolved.afhandeling.aliassen) bewaarTaxonomieAlias(db, 'afhandeling', tekst, code);
    const rows = [...resolved.rows];
    const made = new Map<string, number>();
    for (const { naam, r } of resolved.nieuw) {
      if (!made.has(naam)) {
        const g = createEigenGebied(db, naam, [], 0, now);
        made.set(naam, eigenGebiedId(db, g.code));
        resolved.aliassen.set(normaliseName(naam), g.code);
      }
      rows.push({ gebiedId: made.get(naam)!, r });
    }
    return writeCognos(db, rows, {
      fileName: file.name,
      sha256,
      now,
      rowsRead: parsed.rowsRead,
      overlap: options.overlap ?? 'geen',
      aliassen: resolved.aliassen,
      ...run,
    });
  });
}
