/**
 * CBS Kerncijfers wijken en buurten (and related CBS area tables) in every shape CBS ships them:
 *  - StatLine CSV "untyped" (keys with number suffixes: AantalInwoners_5; padded codes; "." for missing)
 *  - StatLine CSV "labelled" (label paths with units; region names first; sometimes transposed)
 *  - cbs.nl kwb-YYYY.xlsx/.csv with short codes (gwb_code_10, a_inw, …)
 *  - OData JSON (TypedDataSet, optionally with DataProperties for labels and units)
 * Columns are mapped by name (stem), never by position. Pure: sheet rows in, records and issues out.
 */
import { columnLetter } from '../sheet';
import type { Cell, ImportIssue, SheetRows } from '../types';
import {
  CANONICAL,
  DIALECTS,
  KWB_TABLES,
  canonicalByKey,
  kwbLabel,
  optellenVoorEenheid,
  statlineTopic,
  type Dialect,
  type Optellen,
  type RegionRole,
} from './columns';
import {
  STATUS_FOUT,
  gemeenteOf,
  niveauOf,
  normaliseCode,
  parentCode,
  parseCbsValue,
  usesDecimalComma,
  type Niveau,
  type ValueStatus,
} from './values';

export type CbsFormat = 'statline-ongetypeerd' | 'statline-gelabeld' | 'kwb' | 'odata';

export interface CbsRegion {
  readonly code: string;
  readonly naam: string | null;
  readonly niveau: Niveau;
  readonly ouderCode: string | null;
  readonly gemeenteCode: string | null;
  /** 1-based row in the file. */
  readonly rij: number;
}

export interface CbsIndicator {
  readonly sleutel: string;
  readonly label: string;
  readonly eenheid: string | null;
  readonly canoniek: boolean;
  readonly optellen: Optellen;
  readonly gewichtSleutel: string | null;
  readonly decimalen: number | null;
  /** The column header as it stands in the file. */
  readonly kolom: string;
}

export interface CbsParsed {
  readonly format: CbsFormat;
  readonly sheet: string | null;
  readonly jaar: number | null;
  readonly jaarBron: 'optie' | 'titel' | 'tabel' | 'bestandsnaam' | 'werkblad' | null;
  readonly regions: readonly CbsRegion[];
  readonly indicators: readonly CbsIndicator[];
  /** regions × indicators, row-major; NaN where status is not ok. */
  readonly values: Float64Array;
  readonly status: Uint8Array;
  readonly skippedColumns: readonly string[];
  readonly skippedRows: number;
  readonly rowsRead: number;
  /** Gemeenten in the file before any filter: for the choice of what to keep. */
  readonly gemeenten: readonly { readonly code: string; readonly naam: string | null }[];
  readonly issues: readonly ImportIssue[];
}

/** Finds the CBS code of a region name (labelled files without a code column), from the gebieden in the project. */
export type NameResolver = (
  naam: string,
  niveau: Niveau | null,
) => { readonly code: string } | { readonly kandidaten: readonly string[] } | null;

export interface CbsParseOptions {
  readonly jaar?: number;
  readonly resolveName?: NameResolver;
  /** Keep only these gemeenten (GM codes) and their wijken and buurten. */
  readonly gemeenten?: readonly string[];
}

const MAX_ISSUES = 500;

type ColumnRole =
  { kind: 'region'; role: RegionRole } | { kind: 'skip' } | { kind: 'indicator'; indicator: CbsIndicator };

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

/** FNV-1a, 32 bits, base 36: a short stable fingerprint of a column name. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 80);
}

/** Which dialect a header row speaks, or null when it is not a CBS area table. */
function dialectOf(header: readonly Cell[]): Dialect | null {
  const cells = header.map(text);
  if (cells.some((c) => /^WijkenEnBuurten$/.test(c) || /^Codering_\d+$/.test(c))) return 'statline';
  const lower = cells.map((c) => c.toLowerCase());
  if (lower.includes('gwb_code_10') || (lower.includes('gwb_code') && lower.includes('recs'))) return 'kwb';
  if (lower.some((c) => c === 'wijken en buurten' || /(^|\/)codering \(code\)$/.test(c))) return 'labels';
  return null;
}

/** The "…Codering (code)" row of a transposed export: its label first, then area codes. Not a header. */
function isCodeRow(row: readonly Cell[]): boolean {
  return /codering/i.test(text(row[0])) && row.slice(1).some((c) => normaliseCode(c) !== null);
}

function findHeader(rows: readonly (readonly Cell[])[]): { index: number; dialect: Dialect } | null {
  const limit = Math.min(rows.length, 60);
  for (let i = 0; i < limit; i++) {
    const row = rows[i] ?? [];
    if (isCodeRow(row)) return null;
    const d = dialectOf(row);
    if (d) return { index: i, dialect: d };
  }
  return null;
}

/** A labelled export with regions as columns: the row that holds the codes names itself "…Codering (code)". */
function transposeIfNeeded(rows: readonly (readonly Cell[])[]): readonly (readonly Cell[])[] | null {
  const limit = Math.min(rows.length, 400);
  for (let i = 0; i < limit; i++) {
    if (!isCodeRow(rows[i] ?? [])) continue;
    const width = Math.max(...rows.map((r) => r.length));
    const out: Cell[][] = [];
    for (let c = 0; c < width; c++) out.push(rows.map((r) => r[c] ?? null));
    // The first transposed row holds the topic labels; its first cell names the region column.
    if (out[0]) out[0][0] = out[0][0] ?? 'Wijken en buurten';
    if (out[0] && text(out[0][0]) === '') out[0][0] = 'Wijken en buurten';
    return out;
  }
  return null;
}

/** A labelled StatLine header "Bevolking/Leeftijdsgroepen/0 tot 15 jaar (aantal)": its path and its unit. */
function labelledParts(raw: string): { path: string[]; eenheid: string | null } {
  const capped = raw.slice(0, 500);
  const m = /\(([^()]*)\)\s*$/.exec(capped);
  return {
    path: (m ? capped.slice(0, m.index).trimEnd() : capped).split('/').map((p) => p.trim()),
    eenheid: m ? m[1]!.trim() : null,
  };
}

function classifyColumns(
  header: readonly Cell[],
  dialect: Dialect,
  dataProperties: ReadonlyMap<string, { titel: string; eenheid: string | null; decimalen: number | null }> | null,
): ColumnRole[] {
  const dict = DIALECTS[dialect];
  const used = new Set<string>();
  const roles: ColumnRole[] = [];
  const seenRegion = new Set<RegionRole>();
  header.forEach((cell, i) => {
    const raw = text(cell);
    if (raw === '') {
      roles.push({ kind: 'skip' });
      return;
    }
    let lookup: string;
    let label: string;
    let eenheid: string | null;
    let decimalen: number | null = null;
    let keyBase: string;
    if (dialect === 'statline') {
      lookup = raw.replace(/_\d+$/, '');
      const meta = dataProperties?.get(raw) ?? statlineTopic(lookup);
      label = meta?.titel ?? lookup;
      eenheid = meta?.eenheid ?? null;
      decimalen = meta?.decimalen ?? null;
      keyBase = lookup;
    } else if (dialect === 'kwb') {
      lookup = raw.toLowerCase();
      const meta = kwbLabel(lookup);
      label = meta?.titel ?? raw;
      eenheid = meta?.eenheid ?? null;
      keyBase = lookup;
    } else {
      const parts = labelledParts(raw);
      const path = parts.path;
      eenheid = parts.eenheid;
      lookup = (path[path.length - 1] ?? raw).toLowerCase();
      label = path.length > 1 ? `${path[path.length - 1]} (${path[path.length - 2]})` : (path[0] ?? raw);
      keyBase = path.join(' ');
      if (i === 0 && !dict.region.has(lookup)) {
        // The first column of a labelled export is the region's display name, whatever its header says.
        roles.push({ kind: 'region', role: 'naam' });
        seenRegion.add('naam');
        return;
      }
    }
    const regionRole = dict.region.get(dialect === 'statline' ? lookup : lookup);
    if (regionRole && !seenRegion.has(regionRole)) {
      seenRegion.add(regionRole);
      roles.push({ kind: 'region', role: regionRole });
      return;
    }
    if (regionRole || dict.skip.has(lookup) || eenheid === 'code' || eenheid === 'naam' || eenheid === 'omschrijving') {
      roles.push({ kind: 'skip' });
      return;
    }
    // A canonical figure only when the whole label path says so (e.g. not "Nederland" under another group).
    const canonicalKey = dict.canonical.get(lookup);
    const canonical = canonicalKey && !used.has(canonicalKey) ? canonicalByKey(canonicalKey) : undefined;
    if (canonical) {
      used.add(canonical.sleutel);
      roles.push({
        kind: 'indicator',
        indicator: {
          sleutel: canonical.sleutel,
          label: canonical.label,
          eenheid: canonical.eenheid,
          canoniek: true,
          optellen: canonical.optellen,
          gewichtSleutel: canonical.gewicht ?? null,
          decimalen,
          kolom: raw,
        },
      });
      return;
    }
    // The key comes from the column's own name only (never its position), so the same figure gets the same key
    // in every download; a long name is shortened with a hash of the whole name.
    const full = slug(keyBase) || `kolom_${i + 1}`;
    let sleutel = `cbs_${full.length > 60 ? `${full.slice(0, 50)}_${hash(keyBase)}` : full}`;
    for (let n = 2; used.has(sleutel); n++) sleutel = `cbs_${full.slice(0, 50)}_${hash(keyBase)}_${n}`;
    used.add(sleutel);
    roles.push({
      kind: 'indicator',
      indicator: {
        sleutel,
        label,
        eenheid,
        canoniek: false,
        optellen: optellenVoorEenheid(eenheid),
        gewichtSleutel: null,
        decimalen,
        kolom: raw,
      },
    });
  });
  // Labels that collide ("Binnen 3 km (Aantal scholen)" under three groups) get more of their path.
  if (dialect === 'labels') {
    const byLabel = new Map<string, number[]>();
    roles.forEach((r, i) => {
      if (r.kind === 'indicator' && !r.indicator.canoniek)
        byLabel.set(r.indicator.label, [...(byLabel.get(r.indicator.label) ?? []), i]);
    });
    for (const indexes of byLabel.values()) {
      if (indexes.length < 2) continue;
      for (const i of indexes) {
        const r = roles[i];
        if (r?.kind !== 'indicator') continue;
        const { path } = labelledParts(text(header[i]));
        roles[i] = {
          kind: 'indicator',
          indicator: { ...r.indicator, label: path.slice(1).join(' – ') || r.indicator.label },
        };
      }
    }
  }
  return roles;
}

function niveauFromSoort(s: string): Niveau | null {
  const t = s.trim().toLowerCase();
  if (t.startsWith('land')) return 'land';
  if (t.startsWith('gemeente')) return 'gemeente';
  if (t.startsWith('wijk')) return 'wijk';
  if (t.startsWith('buurt')) return 'buurt';
  return null;
}

function lookupKey(raw: string, dialect: Dialect): string {
  if (dialect === 'statline') return raw.replace(/_\d+$/, '');
  if (dialect === 'kwb') return raw.toLowerCase();
  const { path } = labelledParts(raw);
  return (path[path.length - 1] ?? raw).toLowerCase();
}

function yearFrom(s: string): number | null {
  const m = /(?:^|[^\d])(20[1-3]\d)(?:[^\d]|$)/.exec(s);
  return m ? Number(m[1]) : null;
}

function tableYear(s: string): number | null {
  for (const [id, jaar] of Object.entries(KWB_TABLES)) if (s.toUpperCase().includes(id)) return jaar;
  return null;
}

interface TableInput {
  readonly fileName: string;
  readonly sheet: SheetRows;
  readonly format?: CbsFormat;
  readonly dataProperties?: ReadonlyMap<string, { titel: string; eenheid: string | null; decimalen: number | null }>;
  readonly tableId?: string;
}

/** Parses one sheet (or the rows made from an OData document). Throws nothing; problems are issues. */
export function parseCbsTable(input: TableInput, options: CbsParseOptions = {}): CbsParsed | { issues: ImportIssue[] } {
  const { fileName, sheet } = input;
  const issues: ImportIssue[] = [];
  const issue = (i: Omit<ImportIssue, 'file' | 'sheet'>) => {
    if (issues.length < MAX_ISSUES)
      issues.push({ file: fileName, ...(sheet.name !== fileName ? { sheet: sheet.name } : {}), ...i });
  };
  let rows = sheet.rows;
  let found = findHeader(rows);
  if (!found) {
    const transposed = transposeIfNeeded(rows);
    if (transposed) {
      rows = transposed;
      found = findHeader(rows);
    }
  }
  if (!found) {
    issue({ level: 'fout', code: 'cbs.geen-cbs-tabel' });
    return { issues };
  }
  const header = rows[found.index] ?? [];
  const roles = classifyColumns(header, found.dialect, input.dataProperties ?? null);
  const col = (role: RegionRole) => roles.findIndex((r) => r.kind === 'region' && r.role === role);
  // Some exports put names in "WijkenEnBuurten" and the codes in "Codering": take the code column whose cells
  // really are codes, and use the other as the name.
  const codeCandidates = header
    .map((h, i) => ({ i, role: DIALECTS[found.dialect].region.get(lookupKey(text(h), found.dialect)) }))
    .filter((c) => c.role === 'code')
    .map((c) => c.i);
  if (codeCandidates.length > 1) {
    const sample = rows.slice(found.index + 1, found.index + 41);
    const score = (i: number) => sample.filter((r) => normaliseCode(r[i] ?? null) !== null).length;
    const best = codeCandidates.reduce((a, b) => (score(b) > score(a) ? b : a));
    const current = col('code');
    if (best !== current && current >= 0) {
      roles[best] = { kind: 'region', role: 'code' };
      roles[current] = col('naam') < 0 ? { kind: 'region', role: 'naam' } : { kind: 'skip' };
    }
  }
  const codeCol = col('code');
  const nameCol = col('naam');
  const gmNameCol = col('gemeentenaam');
  const soortCol = col('soort');
  const indicatorCols: number[] = [];
  const indicators: CbsIndicator[] = [];
  const skippedColumns: string[] = [];
  roles.forEach((r, i) => {
    if (r.kind === 'indicator') {
      indicatorCols.push(i);
      indicators.push(r.indicator);
    } else if (r.kind === 'skip' && text(header[i]) !== '') skippedColumns.push(text(header[i]));
  });
  const byName = codeCol < 0 && nameCol >= 0 && found.dialect === 'labels' && options.resolveName !== undefined;
  if (codeCol < 0 && !byName) {
    issue({ level: 'fout', code: 'cbs.geen-codekolom', row: found.index + 1 });
    return { issues };
  }
  const format: CbsFormat =
    input.format ??
    (found.dialect === 'statline' ? 'statline-ongetypeerd' : found.dialect === 'kwb' ? 'kwb' : 'statline-gelabeld');

  // The year of the area division: given, or from a title line, the table id, the file name, the sheet name.
  const titleText = rows.slice(0, found.index).flat().map(text).join(' ');
  let jaar: number | null = options.jaar ?? null;
  let jaarBron: CbsParsed['jaarBron'] = jaar ? 'optie' : null;
  const candidates: [number | null, CbsParsed['jaarBron']][] = [
    [tableYear(`${input.tableId ?? ''} ${titleText} ${fileName}`), 'tabel'],
    [yearFrom(titleText), 'titel'],
    [yearFrom(fileName), 'bestandsnaam'],
    [yearFrom(sheet.name), 'werkblad'],
  ];
  for (const [y, src] of candidates) {
    if (jaar === null && y !== null) {
      jaar = y;
      jaarBron = src;
    }
  }

  const filter =
    options.gemeenten && options.gemeenten.length > 0 ? new Set(options.gemeenten.map((g) => g.toUpperCase())) : null;
  const regions: CbsRegion[] = [];
  const seen = new Map<string, number>();
  const gemeenten = new Map<string, string | null>();
  const dataRows: number[] = [];
  let skippedRows = 0;
  let footer = false;
  // Rows after the last one with a valid code may be footer text; an invalid code before it is an error.
  let lastCodeRow = -1;
  if (codeCol >= 0) {
    for (let r = rows.length - 1; r > found.index; r--) {
      if (normaliseCode(rows[r]?.[codeCol] ?? null)) {
        lastCodeRow = r;
        break;
      }
    }
  }
  const headerWidth = header.reduce<number>((w, c, i) => (text(c) !== '' ? i + 1 : w), 0);
  for (let r = found.index + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const nonEmpty = row.filter((c) => text(c) !== '');
    if (nonEmpty.length === 0) continue;
    const rawCode = codeCol >= 0 ? (row[codeCol] ?? null) : null;
    let code = normaliseCode(rawCode);
    if (byName) {
      const naam = text(row[nameCol]);
      const hint = niveauFromSoort(soortCol >= 0 ? text(row[soortCol]) : '');
      const found = naam
        ? hint === 'land' || /^nederland$/i.test(naam)
          ? { code: 'NL00' }
          : options.resolveName!(naam, hint)
        : null;
      if (found && 'code' in found) code = found.code;
      else if (naam) {
        issue({
          level: 'fout',
          code: found ? 'cbs.naam-dubbelzinnig' : 'cbs.naam-onbekend',
          row: r + 1,
          column: text(header[nameCol]),
          params: { naam, kandidaten: found ? found.kandidaten.join(', ') : '' },
        });
        continue;
      }
    }
    if (!code) {
      const first = text(nonEmpty[0]);
      // Footers ("Bron: CBS", "© CBS", notes) and trailing text rows are not data.
      const footerWords = /^(bron\b|source\b|©|\(c\)|cbs\b|toelichting\b|verklaring\b|noot\b|opmerking\b)/i.test(first);
      const looksLikeCode = /^(GM|WK|BU|NL)\s*\d/i.test(text(rawCode));
      if (footer || footerWords || (!byName && r > lastCodeRow && !looksLikeCode)) {
        footer = true;
        skippedRows++;
        continue;
      }
      issue({
        level: 'fout',
        code: text(rawCode) === '' ? 'cbs.code-ontbreekt' : 'cbs.code-ongeldig',
        row: r + 1,
        column: codeCol >= 0 ? text(header[codeCol]) || columnLetter(codeCol) : text(header[nameCol]),
        params: { waarde: text(rawCode).slice(0, 40) },
      });
      continue;
    }
    const gm = gemeenteOf(code);
    if (code.startsWith('GM'))
      gemeenten.set(code, gmNameCol >= 0 ? text(row[gmNameCol]) || null : text(row[nameCol]) || null);
    else if (gm && !gemeenten.has(gm)) gemeenten.set(gm, gmNameCol >= 0 ? text(row[gmNameCol]) || null : null);
    if (filter && (gm === null || !filter.has(gm))) {
      skippedRows++;
      continue;
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      issue({
        level: 'fout',
        code: 'cbs.code-dubbel',
        row: r + 1,
        column: codeCol >= 0 ? text(header[codeCol]) : text(header[nameCol]),
        params: { code, eerder: earlier },
      });
      continue;
    }
    if (sheet.brokenRows?.has(r) || (sheet.fixedWidth && row.length < headerWidth)) {
      issue({
        level: 'fout',
        code: 'cbs.rij-afgebroken',
        row: r + 1,
        params: { velden: row.length, kop: headerWidth },
      });
      continue;
    }
    seen.set(code, r + 1);
    const niveau = niveauOf(code);
    let naam = nameCol >= 0 ? text(row[nameCol]) || null : null;
    if (!naam && niveau === 'gemeente' && gmNameCol >= 0) naam = text(row[gmNameCol]) || null;
    regions.push({ code, naam, niveau, ouderCode: parentCode(code), gemeenteCode: gm, rij: r + 1 });
    dataRows.push(r);
  }

  const n = regions.length;
  const m = indicators.length;
  const decimalComma = usesDecimalComma(
    (function* () {
      for (const r of dataRows) for (const c of indicatorCols) yield rows[r]?.[c] ?? null;
    })(),
  );
  // A column whose every value looks like "161.000" writes thousands with a point (Dutch), whatever the rest of
  // the file does: read it so, and say so.
  const thousandsColumn = indicatorCols.map((c, j) => {
    let seen = 0;
    for (const r of dataRows) {
      const v = rows[r]?.[c];
      if (v === null || v === undefined || typeof v === 'number') continue;
      const t = String(v).trim();
      if (t === '' || t === '.' || t === 'x' || t === '-') continue;
      if (!/^[+-]?\d{1,3}(\.\d{3})+$/.test(t)) return false;
      seen++;
    }
    if (seen >= 2 && !decimalComma) {
      issue({ level: 'waarschuwing', code: 'cbs.duizendtallen', column: indicators[j]!.kolom });
      return true;
    }
    return false;
  });
  const values = new Float64Array(n * m);
  const status = new Uint8Array(n * m);
  for (let i = 0; i < n; i++) {
    const row = rows[dataRows[i]!] ?? [];
    for (let j = 0; j < m; j++) {
      const parsed = parseCbsValue(row[indicatorCols[j]!] ?? null, decimalComma || thousandsColumn[j] === true);
      values[i * m + j] = parsed.value;
      status[i * m + j] = parsed.status;
      if (parsed.status === STATUS_FOUT) {
        issue({
          level: 'fout',
          code: 'cbs.geen-getal',
          row: regions[i]!.rij,
          column: indicators[j]!.kolom,
          params: { waarde: text(row[indicatorCols[j]!]).slice(0, 40) },
        });
      }
    }
  }

  if (n === 0 && !issues.some((i) => i.level === 'fout')) issue({ level: 'fout', code: 'cbs.geen-gebieden' });
  else if (n > 0 && regions.every((r) => r.niveau === 'land')) issue({ level: 'fout', code: 'cbs.alleen-nederland' });
  if (jaar === null) issue({ level: 'fout', code: 'cbs.jaar-onbekend' });
  if (m === 0 && n > 0) issue({ level: 'waarschuwing', code: 'cbs.geen-indicatoren' });
  for (const c of CANONICAL) {
    if (c.sleutel === 'inwoners' && n > 0 && !indicators.some((i) => i.sleutel === 'inwoners')) {
      issue({ level: 'waarschuwing', code: 'cbs.geen-inwoners' });
    }
  }
  return {
    format,
    sheet: sheet.name === fileName ? null : sheet.name,
    jaar,
    jaarBron,
    regions,
    indicators,
    values,
    status: status as Uint8Array & { [i: number]: ValueStatus },
    skippedColumns,
    skippedRows,
    rowsRead: rows.length - found.index - 1,
    gemeenten: [...gemeenten].map(([code, naam]) => ({ code, naam })).sort((a, b) => a.code.localeCompare(b.code)),
    issues,
  };
}

/**
 * OData JSON: a `value` array of records (TypedDataSet), alone or together with `DataProperties` (labels and
 * units); also a bare array. The table id, when present in `odata.metadata`, gives the year.
 */
export function odataToTable(
  doc: unknown,
  fileName: string,
): {
  sheet: SheetRows;
  dataProperties: Map<string, { titel: string; eenheid: string | null; decimalen: number | null }>;
  tableId?: string;
} | null {
  const obj = (typeof doc === 'object' && doc !== null ? doc : {}) as Record<string, unknown>;
  const records = Array.isArray(doc)
    ? doc
    : Array.isArray(obj.value)
      ? obj.value
      : Array.isArray(obj.TypedDataSet)
        ? obj.TypedDataSet
        : typeof obj.TypedDataSet === 'object' &&
            obj.TypedDataSet !== null &&
            Array.isArray((obj.TypedDataSet as { value?: unknown }).value)
          ? (obj.TypedDataSet as { value: unknown[] }).value
          : null;
  if (!records || records.length === 0 || typeof records[0] !== 'object' || records[0] === null) return null;
  const first = records[0] as Record<string, unknown>;
  if (!Object.keys(first).some((k) => k === 'WijkenEnBuurten' || /^Codering_\d+$/.test(k))) return null;
  const keys = Object.keys(first);
  const rows: Cell[][] = [keys];
  for (const rec of records) {
    const r = (typeof rec === 'object' && rec !== null ? rec : {}) as Record<string, unknown>;
    rows.push(
      keys.map((k) => {
        const v = Object.hasOwn(r, k) ? r[k] : null;
        return typeof v === 'number' || typeof v === 'string' ? v : null;
      }),
    );
  }
  const dataProperties = new Map<string, { titel: string; eenheid: string | null; decimalen: number | null }>();
  const props = Array.isArray(obj.DataProperties)
    ? obj.DataProperties
    : typeof obj.DataProperties === 'object' &&
        obj.DataProperties !== null &&
        Array.isArray((obj.DataProperties as { value?: unknown }).value)
      ? (obj.DataProperties as { value: unknown[] }).value
      : [];
  for (const p of props) {
    const d = p as { Key?: unknown; Title?: unknown; Unit?: unknown; Decimals?: unknown };
    if (typeof d.Key === 'string' && d.Key && typeof d.Title === 'string') {
      dataProperties.set(d.Key, {
        titel: d.Title.trim(),
        eenheid: typeof d.Unit === 'string' ? d.Unit : null,
        decimalen: typeof d.Decimals === 'number' ? d.Decimals : null,
      });
    }
  }
  const meta =
    typeof obj['odata.metadata'] === 'string'
      ? obj['odata.metadata']
      : typeof obj['@odata.context'] === 'string'
        ? obj['@odata.context']
        : '';
  const tableId = /(\d{5}NED)/i.exec(`${meta} ${fileName}`)?.[1];
  return { sheet: { name: fileName, rows }, dataProperties, ...(tableId ? { tableId } : {}) };
}
