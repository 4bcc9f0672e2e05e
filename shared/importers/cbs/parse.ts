/**
 * CBS Kerncijfers wijken en buurten, and every other CBS table about gebieden, in every shape CBS ships them:
 *  - StatLine CSV "untyped" (keys with number suffixes: AantalInwoners_5; padded codes; "." for missing)
 *  - StatLine CSV "labelled" (label paths with units; region names first; sometimes transposed)
 *  - cbs.nl kwb-YYYY.xlsx/.csv with short codes (gwb_code_10, a_inw, …)
 *  - OData JSON (TypedDataSet, optionally with DataProperties for labels and units)
 *  - other StatLine tables (SES-WOA, Nabijheid voorzieningen, …) with a Perioden column and a code column under any
 *    label ("Regiocode (gemeente, wijk, buurt) (code)", "RegioS", "Gemeentecode")
 * The code column is the column that holds CBS codes, whatever its label; the other columns are mapped by name (stem),
 * never by position. Rows of gemeenten that were not chosen are left out before anything is judged. Pure: cells in,
 * records and issues out.
 */
import { columnLetter } from '../sheet';
import type { Cell, ImportIssue, SheetRows } from '../types';
import { gemeenteOf, gemeenteVanRuweCode, niveauOf, normaliseCode, parentCode, type Niveau } from './codes';
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
import { FIGURE_DUIZENDTAL, FIGURE_GETALCEL, FIGURE_KOMMA, FIGURE_STATUS, gridOfRows, type Grid } from './grid';
import { STATUS_FOUT, STATUS_OK, type ValueStatus } from './values';

export type CbsFormat = 'statline-ongetypeerd' | 'statline-gelabeld' | 'kwb' | 'odata';

export interface CbsRegion {
  readonly code: string;
  readonly naam: string | null;
  readonly niveau: Niveau;
  readonly ouderCode: string | null;
  readonly gemeenteCode: string | null;
  /** 1-based row in the file. */
  readonly rij: number;
  /** The year of the division this row belongs to (its period, or the file's year); null while unknown. */
  readonly jaar: number | null;
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

/** Rows left out, per reason. */
export interface CbsOvergeslagen {
  /** Rows of gemeenten that were not chosen. */
  readonly andereGemeente: number;
  /** Rows of another period than the chosen year. */
  readonly anderJaar: number;
  /** Empty rows, footers and notes. */
  readonly leeg: number;
  /** Rows with an error (imported only when the user chooses to skip them). */
  readonly fout: number;
}

export type JaarBron = 'optie' | 'kolom' | 'titel' | 'tabel' | 'bestandsnaam' | 'werkblad';

export interface CbsParsed {
  readonly format: CbsFormat;
  readonly sheet: string | null;
  /** The year of the area division when the file is about one year; null when it has several or none is known. */
  readonly jaar: number | null;
  readonly jaarBron: JaarBron | null;
  /** The years that would be imported (each its own division), ascending. */
  readonly jaren: readonly number[];
  /** Every year of the file's period column (empty without one): for the choice of one. */
  readonly jarenInBestand: readonly number[];
  /** The rows that would be imported (rows with errors left out). */
  readonly regions: readonly CbsRegion[];
  readonly indicators: readonly CbsIndicator[];
  /** regions × indicators, row-major; NaN where status is not ok. */
  readonly values: Float64Array;
  readonly status: Uint8Array;
  readonly skippedColumns: readonly string[];
  readonly overgeslagen: CbsOvergeslagen;
  /** 1-based rows with an error, ascending (all of them, also beyond the issues shown). */
  readonly foutRijen: readonly number[];
  readonly rowsRead: number;
  /** Gemeenten in the file before any filter: for the choice of what to keep. */
  readonly gemeenten: readonly { readonly code: string; readonly naam: string | null }[];
  readonly issues: readonly ImportIssue[];
  /** Errors in all (issues keeps the first 500). */
  readonly fouten: number;
  /** Errors that no choice can get past (no table, no year, …): not tied to a row. */
  readonly blokkerend: number;
}

/** Finds the CBS code of a region name (labelled files without a code column), from the gebieden in the project. */
export type NameResolver = (
  naam: string,
  niveau: Niveau | null,
) => { readonly code: string } | { readonly kandidaten: readonly string[] } | null;

export interface CbsParseOptions {
  /** The year of the division; in a file with a period column: the one period to import. */
  readonly jaar?: number;
  readonly resolveName?: NameResolver;
  /** Keep only these gemeenten (GM codes) and their wijken and buurten (and the Nederland row). */
  readonly gemeenten?: readonly string[];
}

const MAX_ISSUES = 500;
/** Rows looked at to find the code column, the name column and the text columns. */
const SCAN_ROWS = 400;

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

/** Which dialect a header row speaks by its known names, or null. */
function dialectOf(cells: readonly string[]): Dialect | null {
  if (cells.some((c) => /^WijkenEnBuurten$/.test(c) || /^Codering_\d+$/.test(c) || /^RegioS$/.test(c)))
    return 'statline';
  const lower = cells.map((c) => c.toLowerCase());
  if (lower.includes('gwb_code_10') || (lower.includes('gwb_code') && lower.includes('recs'))) return 'kwb';
  if (lower.some((c) => c === 'wijken en buurten' || /(^|\/)codering \(code\)$/.test(c))) return 'labels';
  // StatLine keys ("AantalInwoners_5") in most cells: an untyped export of another table.
  const keys = cells.filter((c) => /^[A-Z][A-Za-z0-9]*_\d+$/.test(c)).length;
  if (keys >= 2 && keys >= cells.filter(Boolean).length / 2) return 'statline';
  return null;
}

/** A StatLine period of one year: "2024", "2024JJ00", "2023*", "2022 (voorlopig)"; else null. */
export function jaarVanPeriode(s: string): number | null {
  const m = /^((?:19|20)\d\d)(?:JJ00)?\s*(?:\*|\(?(?:nader )?voorlopig\)?)?$/i.exec(s.trim());
  return m ? Number(m[1]) : null;
}

/**
 * A labelled StatLine header "Bevolking/Leeftijdsgroepen/0 tot 15 jaar (aantal)": its path and its unit; a part
 * that is a period (an export with the periods as columns: ".../Aantal inwoners (aantal)/2023") is taken out and
 * given as `jaar`.
 */
function labelledParts(raw: string): { path: string[]; eenheid: string | null; jaar: number | null } {
  let jaar: number | null = null;
  const parts = raw
    .slice(0, 500)
    .split('/')
    .filter((p) => {
      const y = jaarVanPeriode(p);
      if (y !== null) jaar = y;
      return y === null;
    });
  const capped = parts.join('/');
  const m = /\(([^()]*)\)\s*$/.exec(capped);
  return {
    path: (m ? capped.slice(0, m.index).trimEnd() : capped).split('/').map((p) => p.trim()),
    eenheid: m ? m[1]!.trim() : null,
    jaar,
  };
}

type Meta = ReadonlyMap<string, { titel: string; eenheid: string | null; decimalen: number | null }>;

function classifyColumns(header: readonly string[], dialect: Dialect, dataProperties: Meta | null): ColumnRole[] {
  const dict = DIALECTS[dialect];
  const used = new Set<string>();
  /** Per column name that occurs more than once: the next number to try. */
  const volgende = new Map<string, number>();
  const roles: ColumnRole[] = [];
  const seenRegion = new Set<RegionRole>();
  header.forEach((raw, i) => {
    if (raw === '') {
      roles.push({ kind: 'skip' });
      return;
    }
    let lookup: string;
    let lookupPath: string | null = null;
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
      // "Personen per soort uitkering/AO": a short label counts only under its own group.
      if (path.length > 1) lookupPath = `${path[path.length - 2]!.toLowerCase()}/${lookup}`;
      label = path.length > 1 ? `${path[path.length - 1]} (${path[path.length - 2]})` : (path[0] ?? raw);
      keyBase = path.join(' ');
    }
    const regionRole = dict.region.get(lookup);
    if (regionRole && !seenRegion.has(regionRole)) {
      seenRegion.add(regionRole);
      roles.push({ kind: 'region', role: regionRole });
      return;
    }
    if (regionRole || dict.skip.has(lookup) || eenheid === 'code' || eenheid === 'naam' || eenheid === 'omschrijving') {
      roles.push({ kind: 'skip' });
      return;
    }
    // A canonical figure only when the label says so (a short label such as "AO" only under its group).
    const canonicalKey =
      (lookupPath !== null ? dict.canonical.get(lookupPath) : undefined) ?? dict.canonical.get(lookup);
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
    if (used.has(sleutel)) {
      // Numbered on from where this name's numbering stopped (26,000 columns of one name took minutes otherwise).
      const basis = `cbs_${full.slice(0, 50)}_${hash(keyBase)}`;
      let n = volgende.get(basis) ?? 2;
      while (used.has(`${basis}_${n}`)) n++;
      sleutel = `${basis}_${n}`;
      volgende.set(basis, n + 1);
    }
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
      if (r.kind !== 'indicator' || r.indicator.canoniek) return;
      const list = byLabel.get(r.indicator.label);
      if (list) list.push(i);
      else byLabel.set(r.indicator.label, [i]);
    });
    for (const indexes of byLabel.values()) {
      if (indexes.length < 2) continue;
      for (const i of indexes) {
        const r = roles[i];
        if (r?.kind !== 'indicator') continue;
        const { path } = labelledParts(header[i] ?? '');
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

function yearFrom(s: string): number | null {
  const m = /(?:^|[^\d])(20[1-3]\d)(?:[^\d]|$)/.exec(s);
  return m ? Number(m[1]) : null;
}

function tableYear(s: string): number | null {
  for (const [id, jaar] of Object.entries(KWB_TABLES)) if (s.toUpperCase().includes(id)) return jaar;
  return null;
}

/** A quick first look before normaliseCode: codes start with G, W, B or N (after padding). */
function mayBeCode(first: number): boolean {
  const ch = first | 0x20;
  return ch === 0x67 || ch === 0x77 || ch === 0x62 || ch === 0x6e;
}

interface Located {
  readonly header: number;
  readonly codeCol: number;
  readonly firstData: number;
  /** Code cells per column in the rows looked at. */
  readonly hits: readonly number[];
}

/**
 * Where the table is: the code column is the column with the most CBS codes in the first rows, whatever its label;
 * its first code is the first data row, and the nearest row above with anything in it is the header. A table with
 * the codes in a row instead (a transposed export) says so with `transposed`.
 */
function locate(grid: Grid): Located | 'transposed' | null {
  const limit = Math.min(grid.rowCount, SCAN_ROWS);
  const hits: number[] = [];
  const first: number[] = [];
  let codeRow = -1;
  for (let r = 0; r < limit; r++) {
    const w = Math.min(grid.width(r), 5000);
    let inRow = 0;
    let filled = 0;
    for (let c = 0; c < w; c++) {
      const ch = grid.firstChar(r, c);
      if (ch < 0) continue;
      filled++;
      if (!mayBeCode(ch) || normaliseCode(grid.text(r, c)) === null) continue;
      inRow++;
      hits[c] = (hits[c] ?? 0) + 1;
      if (first[c] === undefined) first[c] = r;
    }
    // A row of codes: three or more of them and most of the row, or a row that names itself "…Codering (code)".
    const named = /codering|regiocode/i.test(grid.text(r, 0)) && normaliseCode(grid.text(r, 0)) === null;
    if (codeRow < 0 && inRow > 0 && ((inRow >= 3 && inRow * 2 >= filled) || (named && inRow * 2 >= filled - 1)))
      codeRow = r;
  }
  let codeCol = -1;
  for (let c = 0; c < hits.length; c++) if ((hits[c] ?? 0) > (codeCol < 0 ? 0 : hits[codeCol]!)) codeCol = c;
  const best = codeCol < 0 ? 0 : hits[codeCol]!;
  if (codeRow >= 0 && best < 3) return 'transposed';
  if (codeCol < 0) return null;
  const firstData = first[codeCol]!;
  let header = firstData - 1;
  while (header >= 0 && grid.emptyRow(header)) header--;
  if (header < 0) return null;
  return { header, codeCol, firstData, hits };
}

/** A labelled export with regions as columns, turned so that regions are rows. */
function transpose(grid: Grid): SheetRows {
  let width = 0;
  for (let r = 0; r < grid.rowCount; r++) width = Math.max(width, grid.width(r));
  const out: Cell[][] = [];
  for (let c = 0; c < width; c++) {
    const row: Cell[] = new Array<Cell>(grid.rowCount);
    for (let r = 0; r < grid.rowCount; r++) row[r] = grid.cell(r, c);
    out.push(row);
  }
  // The first transposed row holds the topic labels; its first cell names the region column.
  if (out[0] && text(out[0][0]) === '') out[0][0] = 'Wijken en buurten';
  return { name: grid.name, rows: out };
}

/** The header of a labelled file without codes (names only), found by its known labels. */
function headerByName(grid: Grid): number {
  const limit = Math.min(grid.rowCount, 60);
  for (let r = 0; r < limit; r++) {
    const cells: string[] = [];
    for (let c = 0; c < grid.width(r); c++) cells.push(grid.text(r, c));
    if (dialectOf(cells) === 'labels') return r;
  }
  return -1;
}

interface TableInput {
  readonly fileName: string;
  readonly sheet?: SheetRows;
  readonly grid?: Grid;
  readonly format?: CbsFormat;
  readonly dataProperties?: Meta;
  readonly tableId?: string;
}

/** Parses one sheet (or the rows made from an OData document). Throws nothing; problems are issues. */
export function parseCbsTable(input: TableInput, options: CbsParseOptions = {}): CbsParsed | { issues: ImportIssue[] } {
  const { fileName } = input;
  let grid = input.grid ?? gridOfRows(input.sheet ?? { name: fileName, rows: [] });
  const sheetName = grid.name;
  const issues: ImportIssue[] = [];
  let fouten = 0;
  let blokkerend = 0;
  const issue = (i: Omit<ImportIssue, 'file' | 'sheet'>) => {
    if (i.level === 'fout') {
      fouten++;
      if (i.row === undefined) blokkerend++;
    }
    if (issues.length < MAX_ISSUES || (i.level === 'fout' && i.row === undefined))
      issues.push({ file: fileName, ...(sheetName !== fileName ? { sheet: sheetName } : {}), ...i });
  };

  let located = locate(grid);
  if (located === 'transposed') {
    grid = gridOfRows(transpose(grid));
    located = locate(grid);
    if (located === 'transposed') located = null;
  }
  let headerRow: number;
  let codeColFound = -1;
  let firstData: number;
  if (located) {
    headerRow = located.header;
    codeColFound = located.codeCol;
    firstData = located.firstData;
  } else {
    headerRow = options.resolveName ? headerByName(grid) : -1;
    firstData = headerRow + 1;
    if (headerRow < 0) {
      issue({ level: 'fout', code: 'cbs.geen-cbs-tabel' });
      return { issues };
    }
  }
  const header: string[] = [];
  for (let c = 0; c < grid.width(headerRow); c++) header.push(grid.text(headerRow, c));
  const known = dialectOf(header);
  const dialect: Dialect = known ?? 'labels';
  const roles = classifyColumns(header, dialect, input.dataProperties ?? null);

  // What the first data rows hold per column: figures, or only text (a name, a description)?
  const sampleRows: number[] = [];
  for (let r = firstData; r < grid.rowCount && sampleRows.length < 200; r++) if (!grid.emptyRow(r)) sampleRows.push(r);
  const probeValues = new Float64Array(1);
  const probeStatus = new Uint8Array(1);
  const columnContent = (c: number) => {
    let numbers = 0;
    let words = 0;
    for (const r of sampleRows) {
      const st = grid.figure(r, c, false, probeValues, probeStatus, 0) & FIGURE_STATUS;
      if (st === STATUS_OK) numbers++;
      else if (st === STATUS_FOUT) words++;
    }
    return { numbers, words };
  };

  // The code column is the one with codes, whatever its label; a second code column ("Codering" beside
  // "WijkenEnBuurten") is skipped, and a column labelled as code but holding names is the name column.
  const roleIndex = (role: RegionRole) => roles.findIndex((r) => r?.kind === 'region' && r.role === role);
  if (codeColFound >= 0) {
    const labelled = roleIndex('code');
    if (labelled >= 0 && labelled !== codeColFound) roles[labelled] = { kind: 'skip' };
    for (let c = 0; c < header.length; c++) {
      if (c === codeColFound || roles[c]?.kind === 'skip') continue;
      if (located && (located.hits[c] ?? 0) > 0 && roles[c]?.kind !== 'region') roles[c] = { kind: 'skip' };
    }
    roles[codeColFound] = { kind: 'region', role: 'code' };
    if (labelled >= 0 && labelled !== codeColFound && roleIndex('naam') < 0 && !(located?.hits[labelled] ?? 0)) {
      roles[labelled] = { kind: 'region', role: 'naam' };
    }
  }
  // Columns that are not known figures and hold only text: the first is the region name (when no column is known
  // as such: a labelled export's first column, "Regio's", …), the others are left out.
  for (let c = 0; c < header.length; c++) {
    const r = roles[c];
    if (r?.kind !== 'indicator' || r.indicator.canoniek) continue;
    const content = columnContent(c);
    if (content.numbers > 0 || content.words === 0) continue;
    roles[c] = roleIndex('naam') < 0 ? { kind: 'region', role: 'naam' } : { kind: 'skip' };
  }
  // An export with the periods as columns: the figures of each year under their own header. One year is the file's
  // year; several are refused, because they would land on one year.
  const headerYears = new Set<number>();
  if (dialect === 'labels') {
    roles.forEach((r, c) => {
      const y = r.kind === 'indicator' ? labelledParts(header[c] ?? '').jaar : null;
      if (y !== null) headerYears.add(y);
    });
  }
  const codeCol = roleIndex('code');
  const nameCol = roleIndex('naam');
  const gmNameCol = roleIndex('gemeentenaam');
  const soortCol = roleIndex('soort');
  const periodeCol = roleIndex('periode');
  const indicatorCols: number[] = [];
  const indicators: CbsIndicator[] = [];
  const skippedColumns: string[] = [];
  roles.forEach((r, i) => {
    if (r.kind === 'indicator') {
      indicatorCols.push(i);
      indicators.push(r.indicator);
    } else if (r.kind === 'skip' && header[i] !== '') skippedColumns.push(header[i]!);
  });
  const byName = codeCol < 0 && nameCol >= 0 && dialect === 'labels' && options.resolveName !== undefined;
  if (codeCol < 0 && !byName) {
    issue({ level: 'fout', code: 'cbs.geen-codekolom', row: headerRow + 1 });
    blokkerend++;
    return { issues };
  }
  // A table without a known header must look like one: codes in most rows and at least one column of figures.
  if (!known && located) {
    const codeRows = sampleRows.filter((r) => normaliseCode(grid.text(r, codeCol)) !== null).length;
    const figures = indicatorCols.some((c) => columnContent(c).numbers > 0);
    if (codeRows * 5 < sampleRows.length * 4 || !figures) {
      issue({ level: 'fout', code: 'cbs.geen-cbs-tabel' });
      return { issues };
    }
  }
  const format: CbsFormat =
    input.format ?? (dialect === 'statline' ? 'statline-ongetypeerd' : dialect === 'kwb' ? 'kwb' : 'statline-gelabeld');

  // The year of the area division: a period column, given, or from a title line, the table id, the file name, the
  // sheet name.
  const titleParts: string[] = [];
  for (let r = 0; r < headerRow; r++) for (let c = 0; c < grid.width(r); c++) titleParts.push(grid.text(r, c));
  const titleText = titleParts.join(' ');
  let jaar: number | null = options.jaar ?? null;
  let jaarBron: JaarBron | null = jaar ? 'optie' : null;
  if (periodeCol < 0 && headerYears.size > 1) {
    issue({
      level: 'fout',
      code: 'cbs.jaren-als-kolommen',
      params: { jaren: [...headerYears].sort((a, b) => a - b).join(', ') },
    });
    return { issues };
  }
  if (periodeCol < 0 && headerYears.size === 1 && jaar === null) {
    jaar = [...headerYears][0]!;
    jaarBron = 'kolom';
  }
  if (periodeCol < 0) {
    const candidates: [number | null, JaarBron][] = [
      [tableYear(`${input.tableId ?? ''} ${titleText} ${fileName}`), 'tabel'],
      [yearFrom(titleText), 'titel'],
      [yearFrom(fileName), 'bestandsnaam'],
      [yearFrom(sheetName), 'werkblad'],
    ];
    for (const [y, src] of candidates) {
      if (jaar === null && y !== null) {
        jaar = y;
        jaarBron = src;
      }
    }
  }

  const filter =
    options.gemeenten && options.gemeenten.length > 0 ? new Set(options.gemeenten.map((g) => g.toUpperCase())) : null;
  const regions: CbsRegion[] = [];
  const seen = new Map<string, number>();
  const gemeenten = new Map<string, string | null>();
  const dataRows: number[] = [];
  const foutRijen = new Set<number>();
  const periodYears = new Set<number>();
  const overgeslagen = { andereGemeente: 0, anderJaar: 0, leeg: 0, fout: 0 };
  let footer = false;
  const codeHeader = codeCol >= 0 ? header[codeCol] || columnLetter(codeCol) : (header[nameCol] ?? '');
  const rowError = (i: Omit<ImportIssue, 'file' | 'sheet' | 'level' | 'row'>, r: number) => {
    issue({ level: 'fout', row: r + 1, ...i });
    foutRijen.add(r + 1);
  };
  // Rows after the last one with a valid code may be footer text; an invalid code before it is an error.
  let lastCodeRow = -1;
  if (codeCol >= 0) {
    for (let r = grid.rowCount - 1; r > headerRow; r--) {
      if (normaliseCode(grid.text(r, codeCol))) {
        lastCodeRow = r;
        break;
      }
    }
  }
  // Gemeente names → codes, for a row whose code says nothing of its gemeente (made when first needed).
  let gmByName: Map<string, string> | null = null;
  const gemeenteByName = (naam: string): string | null => {
    if (!gmByName) {
      gmByName = new Map();
      for (let r = headerRow + 1; r < grid.rowCount; r++) {
        const c = codeCol >= 0 ? normaliseCode(grid.text(r, codeCol)) : null;
        if (c?.startsWith('GM')) gmByName.set(grid.text(r, gmNameCol).toLowerCase(), c);
      }
    }
    return gmByName.get(naam.toLowerCase()) ?? null;
  };
  let headerWidth = 0;
  for (let c = 0; c < header.length; c++) if (header[c] !== '') headerWidth = c + 1;
  const chosen = (gm: string | null) => gm !== null && filter!.has(gm);

  for (let r = headerRow + 1; r < grid.rowCount; r++) {
    if (grid.emptyRow(r)) {
      overgeslagen.leeg++;
      continue;
    }
    const rawCode = codeCol >= 0 ? grid.text(r, codeCol) : '';
    let code = normaliseCode(rawCode);
    if (byName) {
      const naam = grid.text(r, nameCol);
      const hint = niveauFromSoort(soortCol >= 0 ? grid.text(r, soortCol) : '');
      const found = naam
        ? hint === 'land' || /^nederland$/i.test(naam)
          ? { code: 'NL00' }
          : options.resolveName!(naam, hint)
        : null;
      if (found && 'code' in found) code = found.code;
      else if (naam) {
        rowError(
          {
            code: found ? 'cbs.naam-dubbelzinnig' : 'cbs.naam-onbekend',
            column: header[nameCol] ?? '',
            params: { naam, kandidaten: found ? found.kandidaten.join(', ') : '' },
          },
          r,
        );
        continue;
      }
    }
    // The gemeente of the row, also when its code is wrong: from the code's digits, else its gemeentenaam.
    const gmNaam = gmNameCol >= 0 ? grid.text(r, gmNameCol) : '';
    const gm = code
      ? gemeenteOf(code)
      : (gemeenteVanRuweCode(rawCode) ?? (gmNaam && codeCol >= 0 ? gemeenteByName(gmNaam) : null));
    if (!code) {
      let first = '';
      for (let c = 0; c < grid.width(r) && first === ''; c++) first = grid.text(r, c);
      // Footers ("Bron: CBS", "© CBS", notes) and trailing text rows are not data.
      const footerWords = /^(bron\b|source\b|©|\(c\)|cbs\b|toelichting\b|verklaring\b|noot\b|opmerking\b)/i.test(first);
      const looksLikeCode = /^(GM|WK|BU|NL)\s*\d/i.test(rawCode);
      if (footer || footerWords || (!byName && r > lastCodeRow && !looksLikeCode)) {
        footer = true;
        overgeslagen.leeg++;
        continue;
      }
      if (filter && gm !== null && !chosen(gm)) {
        overgeslagen.andereGemeente++;
        continue;
      }
      if (gm && !gemeenten.has(gm)) gemeenten.set(gm, gmNaam || null);
      rowError(
        {
          code: rawCode === '' ? 'cbs.code-ontbreekt' : 'cbs.code-ongeldig',
          column: codeHeader,
          params: { waarde: rawCode.slice(0, 40) },
        },
        r,
      );
      continue;
    }
    let rowYear = jaar;
    let periodeTekst = '';
    if (periodeCol >= 0) {
      periodeTekst = grid.text(r, periodeCol);
      const y = jaarVanPeriode(periodeTekst);
      if (y !== null) periodYears.add(y);
      rowYear = y;
    }
    if (code.startsWith('GM')) gemeenten.set(code, gmNaam || grid.text(r, nameCol) || null);
    else if (gm && !gemeenten.has(gm)) gemeenten.set(gm, gmNaam || null);
    if (filter && !code.startsWith('NL') && !chosen(gm)) {
      overgeslagen.andereGemeente++;
      continue;
    }
    if (periodeCol >= 0) {
      if (rowYear === null) {
        rowError(
          {
            code: 'cbs.periode-ongeldig',
            column: header[periodeCol] ?? '',
            params: { waarde: periodeTekst.slice(0, 40) },
          },
          r,
        );
        continue;
      }
      if (options.jaar !== undefined && rowYear !== options.jaar) {
        overgeslagen.anderJaar++;
        continue;
      }
    }
    const key = `${rowYear ?? ''}|${code}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      rowError({ code: 'cbs.code-dubbel', column: codeHeader, params: { code, eerder: earlier } }, r);
      continue;
    }
    if (grid.brokenRows?.has(r) || (grid.fixedWidth && grid.width(r) < headerWidth)) {
      rowError({ code: 'cbs.rij-afgebroken', params: { velden: grid.width(r), kop: headerWidth } }, r);
      continue;
    }
    seen.set(key, r + 1);
    const niveau = niveauOf(code);
    let naam = nameCol >= 0 ? grid.text(r, nameCol) || null : null;
    if (!naam && niveau === 'gemeente' && gmNaam) naam = gmNaam;
    regions.push({ code, naam, niveau, ouderCode: parentCode(code), gemeenteCode: gm, rij: r + 1, jaar: rowYear });
    dataRows.push(r);
  }

  // Figures: one pass over every cell, reading the common shapes from the characters. Cells like "161.000" are
  // noted: in a file that writes decimal commas (or in a column of nothing else) they are thousands, read again.
  let n = regions.length;
  const m = indicators.length;
  let values = new Float64Array(n * m);
  let status = new Uint8Array(n * m);
  let decimalComma = false;
  const ambiguous: number[] = [];
  const thousandsOnly = new Uint8Array(m).fill(1);
  const thousandsSeen = new Int32Array(m);
  const badRegion = new Uint8Array(n);
  const cols = Int32Array.from(indicatorCols);
  const flags = new Uint8Array(m);
  let allPlainSeen = false;
  for (let i = 0; i < n; i++) {
    const r = dataRows[i]!;
    const base = i * m;
    if (grid.figures(r, cols, values, status, base, flags) === STATUS_OK) {
      // A row of plain figures only (most rows): no column of it is one of only "161.000"-like cells.
      if (!allPlainSeen) thousandsOnly.fill(0);
      allPlainSeen = true;
      continue;
    }
    for (let j = 0; j < m; j++) {
      const f = flags[j]!;
      if (f === STATUS_OK) {
        // The common case: a plain figure in text.
        thousandsOnly[j] = 0;
        continue;
      }
      const st = f & FIGURE_STATUS;
      if (f & FIGURE_KOMMA) decimalComma = true;
      if (f & FIGURE_DUIZENDTAL) {
        ambiguous.push(base + j);
        thousandsSeen[j]!++;
      } else if ((st === STATUS_OK && !(f & FIGURE_GETALCEL)) || st === STATUS_FOUT) thousandsOnly[j] = 0;
      if (st === STATUS_FOUT) {
        badRegion[i] = 1;
        rowError(
          {
            code: 'cbs.geen-getal',
            column: indicators[j]!.kolom,
            params: { waarde: grid.text(r, indicatorCols[j]!).slice(0, 40) },
          },
          r,
        );
      }
    }
  }
  const thousandsColumn = Array.from(thousandsOnly, (only, j) => only === 1 && thousandsSeen[j]! >= 2 && !decimalComma);
  thousandsColumn.forEach((yes, j) => {
    if (yes) issue({ level: 'waarschuwing', code: 'cbs.duizendtallen', column: indicators[j]!.kolom });
  });
  for (const k of ambiguous) {
    const j = k % m;
    if (decimalComma || thousandsColumn[j]) {
      grid.figure(dataRows[(k - j) / m]!, indicatorCols[j]!, true, values, status, k);
    }
  }
  // Rows with an error are never imported: left out here, and imported only without them when the user says so.
  if (badRegion.includes(1)) {
    const keep: number[] = [];
    for (let i = 0; i < n; i++) if (!badRegion[i]) keep.push(i);
    const v = new Float64Array(keep.length * m);
    const s = new Uint8Array(keep.length * m);
    keep.forEach((i, k) => {
      v.set(values.subarray(i * m, (i + 1) * m), k * m);
      s.set(status.subarray(i * m, (i + 1) * m), k * m);
    });
    const kept = keep.map((i) => regions[i]!);
    regions.length = 0;
    for (const r of kept) regions.push(r);
    values = v;
    status = s;
    n = kept.length;
  }
  overgeslagen.fout = foutRijen.size;

  // Years: a period column gives each row its own; else the file's one year.
  const jarenInBestand = [...periodYears].sort((a, b) => a - b);
  let jaren: number[];
  if (periodeCol >= 0) {
    const inRegions = new Set<number>();
    for (const r of regions) if (r.jaar !== null) inRegions.add(r.jaar);
    jaren = [...inRegions].sort((a, b) => a - b);
    if (options.jaar === undefined) {
      jaar = jaren.length === 1 ? jaren[0]! : null;
      jaarBron = jaren.length > 0 ? 'kolom' : null;
    }
  } else jaren = jaar !== null ? [jaar] : [];

  if (periodeCol >= 0 && options.jaar !== undefined && n === 0 && !periodYears.has(options.jaar)) {
    issue({
      level: 'fout',
      code: 'cbs.jaar-niet-in-bestand',
      params: { jaar: options.jaar, jaren: jarenInBestand.join(', ') || '—' },
    });
  } else if (n === 0 && fouten === 0) issue({ level: 'fout', code: 'cbs.geen-gebieden' });
  else if (n > 0 && regions.every((r) => r.niveau === 'land')) issue({ level: 'fout', code: 'cbs.alleen-nederland' });
  if (jaren.length === 0 && !(periodeCol >= 0 && n === 0)) issue({ level: 'fout', code: 'cbs.jaar-onbekend' });
  if (m === 0 && n > 0) issue({ level: 'waarschuwing', code: 'cbs.geen-indicatoren' });
  for (const c of CANONICAL) {
    if (c.sleutel === 'inwoners' && n > 0 && !indicators.some((i) => i.sleutel === 'inwoners')) {
      issue({ level: 'waarschuwing', code: 'cbs.geen-inwoners' });
    }
  }
  return {
    format,
    sheet: sheetName === fileName ? null : sheetName,
    jaar,
    jaarBron,
    jaren,
    jarenInBestand,
    regions,
    indicators,
    values,
    status: status as Uint8Array & { [i: number]: ValueStatus },
    skippedColumns,
    overgeslagen,
    foutRijen: [...foutRijen].sort((a, b) => a - b),
    rowsRead: grid.rowCount - headerRow - 1,
    gemeenten: [...gemeenten].map(([code, naam]) => ({ code, naam })).sort((a, b) => a.code.localeCompare(b.code)),
    issues,
    fouten,
    blokkerend,
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
  // A region table: one of its fields holds CBS codes ("WijkenEnBuurten", "RegioS", "Codering_3", …).
  if (!Object.values(first).some((v) => typeof v === 'string' && normaliseCode(v) !== null)) return null;
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
    const d = (p ?? {}) as { Key?: unknown; Title?: unknown; Unit?: unknown; Decimals?: unknown };
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
