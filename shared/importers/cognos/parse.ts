/**
 * Cognos exports, made by hand: title lines, a header row somewhere, group labels that cover the rows below
 * them (merged or left blank), subtotal and total rows, footers with "Bron: Cognos" and the peildatum or periode,
 * several tables in one sheet, periods as columns. Pure: sheet rows in, measured counts and issues out; the
 * gebied names are matched to codes afterwards, against the project.
 */
import { columnLetter } from '../sheet';
import type { Cell, ImportIssue, SheetRows } from '../types';
import { afhandelingUitTekst } from '../../model/pilot';
import {
  isTotalLabel,
  looksLikeProduct,
  maatIn,
  parseBedrag,
  parseCount,
  parseProductLabel,
  parseSuppressed,
  vormIn,
  wetIn,
  type Vorm,
  type Wet,
} from './labels';
import { excelSerialToIso, findSpan, findPeriode, type PeildatumOfPeriode } from './periods';

export interface CognosRecord {
  /** The gebied as written (a name or code), or null when the table names none. */
  readonly gebiedTekst: string | null;
  readonly maat: string;
  readonly peildatum: string | null;
  readonly periodeStart: string | null;
  readonly periodeEind: string | null;
  readonly wet: Wet | null;
  readonly product: string | null;
  readonly ondersteuningsbehoefte: number | null;
  readonly subniveau: string | null;
  readonly vorm: Vorm | null;
  readonly meldingstype: string | null;
  /** What happened with the aanmeldingen counted (maat `afhandeling`): the category as the file writes it. */
  readonly afhandelingTekst: string | null;
  /** Where that category is written (a header for categories as columns, else a cell of the row). */
  readonly afhandelingCel: { readonly row: number; readonly column: string; readonly kop: string } | null;
  /** Its code in the taxonomy `afhandeling`: null from the parser, set when matched against the project. */
  readonly afhandeling: string | null;
  readonly waarde: number | null;
  readonly onderdrukt: boolean;
  readonly min: number | null;
  readonly max: number | null;
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  /** The title lines above this record's table (where its gebied is looked for first). */
  readonly tabelTitel: string;
}

export interface CognosParsed {
  readonly layouts: readonly TableLayout[];
  readonly records: readonly CognosRecord[];
  readonly tables: number;
  readonly issues: readonly ImportIssue[];
  /** Text of title and footer lines, for finding a gebied named only there. */
  readonly contextLines: readonly string[];
}

type Role =
  'gebied' | 'periode' | 'wet' | 'vorm' | 'meldingstype' | 'product' | 'afhandeling' | 'label' | 'maat' | 'negeren';

/** Measures that are amounts or scores (decimals, a euro sign), not counts. */
const isBedragMaat = (maat: string | null | undefined) => maat === 'kosten' || maat === 'tevredenheid';

/** What a user (or a saved mapping profile) says a column means, by its header text. */
export interface ColumnOverride {
  readonly rol: Exclude<Role, 'label'>;
  readonly maat?: string;
}
export type ColumnOverrides = Readonly<Record<string, Readonly<Record<string, ColumnOverride>>>>;

export interface TableLayout {
  readonly sheet: string;
  readonly rij: number;
  /** The header cells, normalised: how the same report is recognised next month. */
  readonly vingerafdruk: string;
  readonly kolommen: readonly { readonly kop: string; readonly rol: Role; readonly maat: string | null }[];
}

export function fingerprint(headers: readonly string[]): string {
  return headers.map((h) => h.trim().toLowerCase().replace(/\s+/g, ' ')).join('|');
}

interface Column {
  readonly index: number;
  readonly header: string;
  /** The header cell's own text (without a group header above it). */
  readonly own: string;
  readonly role: Role;
  readonly maat?: string;
  readonly period?: PeildatumOfPeriode;
  /** From a header row above this one ("Wmo" over "Aantal"). */
  readonly wet?: Wet;
}

const text = (c: Cell | undefined) => (c === null || c === undefined ? '' : String(c).trim());

function isValue(c: Cell | undefined): boolean {
  if (c === null || c === undefined) return false;
  if (typeof c === 'number') return true;
  const s = String(c).trim();
  return s !== '' && (parseCount(s) !== null || parseBedrag(s) !== null || parseSuppressed(s) !== null);
}

function labelRole(header: string): Role {
  const s = header.toLowerCase();
  if (/afhandeling|^\s*(uitkomst|resultaat)\b|wat is (er\s*)?mee gebeurd/.test(s)) return 'afhandeling';
  if (/\b(buurt|wijk|gebied|regio|stadsdeel)\b/.test(s)) return 'gebied';
  if (/\b(periode|maand|peildatum|datum|kwartaal)\b|^\s*(boek|kalender)?jaar\s*$/.test(s)) return 'periode';
  if (/^wet$|^wettelijk kader/.test(s)) return 'wet';
  if (/^vorm$|^individueel\s*\/?\s*groep$/.test(s)) return 'vorm';
  if (/meldingstype|soort melding|type melding/.test(s)) return 'meldingstype';
  if (/product|ondersteuningsbehoefte|voorziening/.test(s)) return 'product';
  return 'label';
}

/** A BSN passes the "11-proof" with weights 9…2 and −1 (safety-and-speed §5). */
export function isBsn(s: string): boolean {
  if (!/^\d{8,9}$/.test(s)) return false;
  const d = s.padStart(9, '0').split('').map(Number);
  const sum = d.slice(0, 8).reduce((acc, v, i) => acc + v * (9 - i), 0) - d[8]!;
  return sum % 11 === 0;
}

function personLevelColumns(sheet: SheetRows): { column: number; header: string; row: number }[] {
  const found: { column: number; header: string; row: number }[] = [];
  // The filled cells of each column, in one pass over the rows (no spread of a row count into Math.max, and no
  // columns × rows scan: a sheet may be 16,384 columns wide and a million rows long).
  const byColumn = new Map<number, { v: string; i: number }[]>();
  sheet.rows.forEach((r, i) => {
    for (let c = 0; c < r.length; c++) {
      const v = text(r[c]);
      if (v === '') continue;
      const list = byColumn.get(c);
      if (list) list.push({ v, i });
      else byColumn.set(c, [{ v, i }]);
    }
  });
  for (const [c, cells] of [...byColumn].sort((a, b) => a[0] - b[0])) {
    const headerCell = cells.find((x) =>
      /\bbsn\b|burgerservice|geboortedatum|geboren|naam\s*cli|cli[eë]ntnaam|voornaam|achternaam/i.test(x.v),
    );
    if (headerCell) {
      found.push({ column: c, header: headerCell.v, row: headerCell.i + 1 });
      continue;
    }
    const digits = cells.filter((x) => /^\d{8,9}$/.test(x.v));
    if (digits.length >= 8 && digits.length >= cells.length * 0.8) {
      const passing = digits.filter((x) => isBsn(x.v)).length;
      if (passing >= digits.length * 0.9)
        found.push({ column: c, header: cells[0]?.v ?? columnLetter(c), row: (digits[0]?.i ?? 0) + 1 });
    }
  }
  return found;
}

export function parseCognosSheet(fileName: string, sheet: SheetRows, overrides: ColumnOverrides = {}): CognosParsed {
  const issues: ImportIssue[] = [];
  const where = sheet.name !== fileName ? { sheet: sheet.name } : {};
  const issue = (i: Omit<ImportIssue, 'file'>) => {
    if (issues.length < 500) issues.push({ file: fileName, ...where, ...i });
  };
  for (const p of personLevelColumns(sheet)) {
    issue({
      level: 'fout',
      code: 'import.persoonsgegevens',
      row: p.row,
      column: p.header,
      params: { kolom: p.header },
    });
  }
  if (issues.length > 0) return { layouts: [], records: [], tables: 0, issues, contextLines: [] };

  const rows = sheet.rows;
  const records: CognosRecord[] = [];
  const contextLines: { row: number; text: string }[] = [];
  const tables: { header: number; columns: Column[]; rows: number[]; title: string[] }[] = [];

  let r = 0;
  let sinceLastTable: string[] = [];
  while (r < rows.length) {
    const row = rows[r] ?? [];
    const filled = row.map((c, i) => ({ c, i })).filter((x) => text(x.c) !== '');
    if (filled.length === 0) {
      r++;
      continue;
    }
    // A header: two or more text cells, and a row with values below it (within three rows) under one of them.
    const textOnly = filled.every((x) => !isValue(x.c) || findSpan(text(x.c)) !== null);
    let isHeader = false;
    if (textOnly && filled.length >= 2) {
      for (let k = r + 1; k <= Math.min(rows.length - 1, r + 3) && !isHeader; k++) {
        const below = rows[k] ?? [];
        isHeader =
          filled.some((x) => x.i > 0 && isValue(below[x.i])) ||
          filled.some((x) => isValue(below[x.i]) && x.i === filled[filled.length - 1]!.i);
      }
    }
    if (isHeader) {
      // The lowest of two stacked header rows is the header; the one above it belongs to its columns.
      const next = rows[r + 1] ?? [];
      const nextFilled = next.map((c, i) => ({ c, i })).filter((x) => text(x.c) !== '');
      const below = rows[r + 2] ?? [];
      if (
        nextFilled.length >= 2 &&
        nextFilled.every((x) => !isValue(x.c)) &&
        nextFilled.some((x) => isValue(below[x.i]))
      ) {
        isHeader = false;
      }
    }
    if (!isHeader) {
      const line = filled.map((x) => text(x.c)).join(' ');
      contextLines.push({ row: r + 1, text: line });
      sinceLastTable.push(line);
      r++;
      continue;
    }
    // Columns: values below → a measure (or a period, when the header is a period); text → a label.
    const dataRows: number[] = [];
    let k = r + 1;
    for (; k < rows.length; k++) {
      const next = rows[k] ?? [];
      const nf = next.map((c, i) => ({ c, i })).filter((x) => text(x.c) !== '');
      if (nf.length === 0) break;
      const hasValue = filled.some((x) => isValue(next[x.i]));
      if (!hasValue) {
        // A row without values is a group label only when it stands in the first label column and a row with
        // values follows right under it; otherwise (a title or footer line, a second table) the table ends here.
        const after = rows[k + 1] ?? [];
        const groupLabel =
          nf.length <= 2 &&
          nf.every((x) => !isValue(x.c)) &&
          nf[0]!.i === filled[0]!.i &&
          filled.some((x) => isValue(after[x.i]));
        if (!groupLabel) break;
      }
      dataRows.push(k);
    }
    const columns: Column[] = filled.map((x) => {
      const header = text(x.c);
      // A column of dates or areas is a label, even when its cells are numbers (Excel date serials, codes).
      const fixedRole = labelRole(header);
      if (fixedRole === 'periode' || fixedRole === 'gebied')
        return { index: x.i, header, own: header, role: fixedRole };
      const valuesBelow = dataRows.filter((d) => isValue(rows[d]?.[x.i])).length;
      if (valuesBelow > 0 && valuesBelow >= dataRows.filter((d) => text(rows[d]?.[x.i]) !== '').length * 0.6) {
        const span = findSpan(header) ?? findPeriode(header);
        if (span && !maatIn(header)) {
          const period: PeildatumOfPeriode =
            'peildatum' in span ? span : { peildatum: null, start: span.start, eind: span.eind };
          return { index: x.i, header, own: header, role: 'maat' as const, period };
        }
        return {
          index: x.i,
          header,
          own: header,
          role: 'maat' as const,
          ...(maatIn(header) ? { maat: maatIn(header)! } : {}),
        };
      }
      return { index: x.i, header, own: header, role: labelRole(header) };
    });
    // A two-row header: a line right above with text only over the value columns ("april 2024 | mei 2024", or
    // "Wmo | Jeugdwet", possibly merged over several columns) belongs to those columns, not to the title.
    const upper = r > 0 ? (rows[r - 1] ?? []) : [];
    const upperCells = upper.map((c, i) => ({ c, i })).filter((x) => text(x.c) !== '');
    const measureIdx = columns.filter((c) => c.role === 'maat').map((c) => c.index);
    if (
      upperCells.length > 0 &&
      measureIdx.length > 1 &&
      upperCells.every((x) => x.i >= measureIdx.reduce((m, v) => Math.min(m, v)) && !isValue(x.c)) &&
      sinceLastTable[sinceLastTable.length - 1] === upperCells.map((x) => text(x.c)).join(' ')
    ) {
      sinceLastTable.pop();
      contextLines.pop();
      for (let ci = 0; ci < columns.length; ci++) {
        const col = columns[ci]!;
        if (col.role !== 'maat') continue;
        const above = [...upperCells].reverse().find((x) => x.i <= col.index);
        const top = above ? text(above.c) : '';
        if (!top) continue;
        const span = findSpan(top) ?? findPeriode(top);
        const period: PeildatumOfPeriode | undefined = span
          ? 'peildatum' in span
            ? span
            : { peildatum: null, start: span.start, eind: span.eind }
          : undefined;
        const wet = wetIn(top) ?? undefined;
        columns[ci] = {
          ...col,
          header: `${top} – ${col.header}`,
          ...(period ? { period } : {}),
          ...(wet ? { wet } : {}),
          ...(maatIn(top) && !col.maat ? { maat: maatIn(top)! } : {}),
        };
      }
    }
    // A saved or chosen layout for this header overrides what was detected.
    const own = overrides[fingerprint(columns.map((c) => c.header))] ?? {};
    const adjusted = columns.map((c): Column => {
      const o = Object.hasOwn(own, c.header) ? own[c.header] : undefined;
      if (!o) return c;
      return {
        index: c.index,
        header: c.header,
        own: c.own,
        role: o.rol,
        ...(o.rol === 'maat' && o.maat ? { maat: o.maat } : {}),
        ...(c.period && o.rol === 'maat' ? { period: c.period } : {}),
      };
    });
    tables.push({ header: r, columns: adjusted, rows: dataRows, title: sinceLastTable });
    sinceLastTable = [];
    r = k;
  }

  const sheetText = [fileName, sheet.name, ...contextLines.map((l) => l.text)].join(' | ');
  for (const t of tables) {
    const titleText = t.title.join(' | ');
    const labels = t.columns.filter((c) => c.role !== 'maat' && c.role !== 'negeren');
    const measures = t.columns.filter((c) => c.role === 'maat');
    const tablePeriod = findPeriode(titleText) ?? findPeriode(sheetText) ?? null;
    // A title about both wetten ("Kosten Wmo en Jeugd") gives no wet to its rows.
    const beideWetten = (x: string) => /\bwmo\b/i.test(x) && /\bjeugd/i.test(x);
    const tableWet = beideWetten(titleText) ? null : (wetIn(titleText) ?? wetIn(labels.map((l) => l.header).join(' ')));
    const tableVorm = vormIn(labels.map((l) => l.header).join(' ')) === null ? null : null;
    const tableMaat = maatIn(titleText) ?? maatIn(sheetText);
    const colMaat = (m: Column) => m.maat ?? tableMaat;
    // What happened with the aanmeldingen: a column of categories ("Afhandeling"), or categories as columns
    // ("Wijkteam zelf | Voorliggend opgelost | Maatwerkindicatie | Anders | Totaal") under a title that says so, or
    // whose headers say so themselves (two or more, one of them the wijkteam or the voorliggend veld).
    const afhandelingKolom = labels.some((l) => l.role === 'afhandeling');
    const zonderPeriode = measures.filter((m) => !m.period);
    const categorieKoppen = zonderPeriode.filter((m) => !isTotalLabel(m.own) && afhandelingUitTekst(m.own) !== null);
    const breed =
      !afhandelingKolom &&
      zonderPeriode.length === measures.length &&
      measures.length >= 2 &&
      (tableMaat === 'afhandeling' ||
        measures.some((m) => m.maat === 'afhandeling') ||
        (categorieKoppen.length >= 2 &&
          categorieKoppen.some((m) => ['wijkteam', 'voorliggend'].includes(afhandelingUitTekst(m.own) ?? ''))));
    /** In a table of categories as columns: the row total ("Totaal", "Aantal aanmeldingen"), never a record. */
    const totaalKolommen = breed ? measures.filter((m) => isTotalLabel(m.own) || maatIn(m.own) === 'meldingen') : [];
    const categorieKolommen = breed
      ? measures.filter((m) => !totaalKolommen.includes(m) && (!m.maat || !isBedragMaat(m.maat)))
      : [];
    // An afhandeling table with periods as columns: its one text column names the categories.
    const labelIsAfhandeling = !afhandelingKolom && !breed && tableMaat === 'afhandeling';
    const fill = new Map<number, string>();
    let reportedPeriod = false;
    let groepWet: Wet | null = null;
    const sums = new Map<number, { sum: number; suppressed: boolean }>();
    for (const d of t.rows) {
      const row = rows[d] ?? [];
      // Fill down group labels: a blank (or merged) label cell repeats the one above it.
      const labelValues = new Map<number, string>();
      const hasValue = measures.some((m) => isValue(row[m.index]));
      // A group row that names a wet ("Wmo", "Jeugd") holds for the rows under it, and is no gebied or label.
      const rowText = labels
        .map((l) => text(row[l.index]))
        .join(' ')
        .trim();
      if (!hasValue && /^(wet\s*:?\s*)?(wmo|jeugd(wet|hulp)?)(\s+\d{4})?$/i.test(rowText)) {
        groepWet = wetIn(rowText);
        continue;
      }
      for (const l of labels) {
        const v = text(row[l.index]);
        if (v) fill.set(l.index, v);
        labelValues.set(l.index, v || (hasValue ? (fill.get(l.index) ?? '') : ''));
      }
      if (!hasValue) continue; // a group label row
      const firstLabel = [...labelValues.values()].find((v) => v !== '') ?? '';
      if ([...labelValues.values()].some((v) => isTotalLabel(v))) {
        for (const m of measures) {
          const bedrag = isBedragMaat(colMaat(m));
          if (colMaat(m) === 'tevredenheid') continue; // a score's total row is a mean, not a sum
          const total = bedrag ? parseBedrag(row[m.index] ?? null) : parseCount(row[m.index] ?? null);
          const acc = sums.get(m.index);
          if (total !== null && acc && !acc.suppressed && Math.abs(acc.sum - total) > (bedrag ? 0.005 : 1e-9)) {
            issue({
              level: 'waarschuwing',
              code: 'cognos.totaal-klopt-niet',
              row: d + 1,
              column: m.header,
              params: { label: firstLabel, totaal: total, som: Math.round(acc.sum * 100) / 100 },
            });
          }
          sums.delete(m.index);
        }
        groepWet = null;
        continue;
      }
      let gebiedTekst: string | null = null;
      let wet: Wet | null = groepWet ?? tableWet;
      let vorm: Vorm | null = tableVorm;
      let product: string | null = null;
      let meldingstype: string | null = null;
      let afhandelingTekst: string | null = null;
      let afhandelingCel: { row: number; column: string; kop: string } | null = null;
      let rowPeriod: PeildatumOfPeriode | null = null;
      const productTexts: string[] = [];
      for (const l of labels) {
        const v = labelValues.get(l.index) ?? '';
        if (!v) continue;
        const role =
          l.role === 'label'
            ? looksLikeProduct(v)
              ? 'product'
              : labelIsAfhandeling && afhandelingTekst === null
                ? 'afhandeling'
                : 'meldingstype'
            : l.role;
        if (role === 'gebied') gebiedTekst = v;
        else if (role === 'periode') {
          const cell = rows[d]?.[l.index];
          const serial = typeof cell === 'number' ? excelSerialToIso(cell) : null;
          rowPeriod = serial
            ? { peildatum: serial, start: null, eind: null }
            : (findPeriode(v) ?? (findSpan(v) ? { peildatum: null, ...findSpan(v)! } : null));
        } else if (role === 'wet') wet = wetIn(v) ?? wet;
        else if (role === 'vorm') vorm = vormIn(v) ?? vorm;
        else if (role === 'product') productTexts.push(v);
        else if (role === 'afhandeling') {
          afhandelingTekst = v;
          afhandelingCel = { row: d + 1, column: columnLetter(l.index), kop: l.header };
        } else meldingstype = meldingstype ? `${meldingstype} – ${v}` : v;
      }
      let ob: number | null = null;
      let sub: string | null = null;
      if (productTexts.length > 0) {
        product = productTexts.join(' – ');
        // A group label ("Ondersteuningsbehoefte 1 Wmo") and a row label ("1A Groep") each add what they know.
        for (const part of productTexts.map(parseProductLabel)) {
          if (part.subniveau !== null || ob === null) ob = part.ondersteuningsbehoefte ?? ob;
          sub = part.subniveau ?? sub;
          vorm = part.vorm ?? vorm;
          wet = part.wet ?? wet;
        }
      }
      // Categories as columns: they add up to the row's total column, when there is one.
      if (breed && totaalKolommen.length > 0) {
        let som = 0;
        let lo = 0;
        let hi = 0;
        let compleet = true;
        for (const m of categorieKolommen) {
          const raw = text(row[m.index]);
          if (raw === '') continue;
          const n = parseCount(row[m.index] ?? null);
          const sup = n === null ? parseSuppressed(raw) : null;
          if (n !== null) som += n;
          else if (sup && sup.min !== null && sup.max !== null) {
            lo += sup.min;
            hi += sup.max;
          } else compleet = false;
        }
        for (const m of totaalKolommen) {
          const total = parseCount(row[m.index] ?? null);
          // A total over a "<5" is either the sum of the shown numbers (Excel's SUM) or within the possible range.
          if (total === null || !compleet || total === som || (total >= som + lo && total <= som + hi)) continue;
          issue({
            level: 'waarschuwing',
            code: 'cognos.totaalkolom-klopt-niet',
            row: d + 1,
            column: m.header,
            params: { kolom: m.header, totaal: total, som },
          });
        }
      }
      for (const m of measures) {
        if (totaalKolommen.includes(m)) continue;
        const cell = row[m.index];
        const raw = text(cell);
        if (raw === '') continue;
        const categorie = categorieKolommen.includes(m);
        const maat = categorie
          ? 'afhandeling'
          : afhandelingKolom || labelIsAfhandeling
            ? !m.maat || m.maat === 'meldingen' || m.maat === 'afhandeling'
              ? 'afhandeling'
              : m.maat
            : (colMaat(m) ?? (meldingstype ? 'meldingen' : 'aantal'));
        const bedrag = isBedragMaat(maat);
        const count = bedrag ? parseBedrag(cell ?? null) : parseCount(cell ?? null);
        const suppressed = count === null ? parseSuppressed(raw) : null;
        if (count === null && !suppressed) {
          issue({
            level: 'fout',
            code: bedrag ? 'cognos.geen-bedrag' : 'cognos.geen-getal',
            row: d + 1,
            column: m.header,
            params: { waarde: raw.slice(0, 40) },
          });
          continue;
        }
        const period = m.period ?? rowPeriod ?? tablePeriod;
        if (!period) {
          if (!reportedPeriod) issue({ level: 'fout', code: 'cognos.periode-onbekend', row: t.header + 1 });
          reportedPeriod = true;
          continue;
        }
        const afh =
          maat !== 'afhandeling'
            ? null
            : categorie
              ? { tekst: m.own, cel: { row: t.header + 1, column: columnLetter(m.index), kop: m.header } }
              : afhandelingTekst !== null
                ? { tekst: afhandelingTekst, cel: afhandelingCel }
                : null;
        const acc = sums.get(m.index) ?? { sum: 0, suppressed: false };
        if (count !== null) acc.sum += count;
        else acc.suppressed = true;
        sums.set(m.index, acc);
        records.push({
          gebiedTekst,
          maat,
          peildatum: period.peildatum,
          periodeStart: period.start,
          periodeEind: period.eind,
          wet: m.wet ?? wet,
          product,
          ondersteuningsbehoefte: ob,
          subniveau: sub,
          vorm,
          meldingstype,
          afhandelingTekst: afh?.tekst ?? null,
          afhandelingCel: afh?.cel ?? null,
          afhandeling: null,
          waarde: count,
          onderdrukt: count === null,
          min: suppressed?.min ?? null,
          max: suppressed?.max ?? null,
          sheet: sheet.name,
          row: d + 1,
          column: m.header,
          tabelTitel: titleText,
        });
      }
    }
  }
  if (tables.length === 0) {
    const first = rows.findIndex((r0) => r0.some((c) => text(c) !== ''));
    if (first < 0) issue({ level: 'fout', code: 'import.leeg-werkblad' });
    else {
      const col = rows[first]!.findIndex((c) => text(c) !== '');
      issue({ level: 'fout', code: 'cognos.geen-tabel', row: first + 1, column: text(rows[first]![col]).slice(0, 60) });
    }
  }
  const layouts: TableLayout[] = tables.map((t) => ({
    sheet: sheet.name,
    rij: t.header + 1,
    vingerafdruk: fingerprint(t.columns.map((c) => c.header)),
    kolommen: t.columns.map((c) => ({ kop: c.header, rol: c.role, maat: c.role === 'maat' ? (c.maat ?? null) : null })),
  }));
  return { layouts, records, tables: tables.length, issues, contextLines: contextLines.map((l) => l.text) };
}

/** The same count twice in one file (same gebied, measure, period and dimensions) cannot both be right. */
export function duplicateIssues(fileName: string, records: readonly CognosRecord[]): ImportIssue[] {
  const seen = new Map<string, CognosRecord>();
  const out: ImportIssue[] = [];
  for (const r of records) {
    const key = JSON.stringify([
      r.gebiedTekst,
      r.tabelTitel,
      r.maat,
      r.peildatum,
      r.periodeStart,
      r.periodeEind,
      r.wet,
      r.product,
      r.ondersteuningsbehoefte,
      r.subniveau,
      r.vorm,
      r.meldingstype,
      r.afhandelingTekst,
    ]);
    const first = seen.get(key);
    if (first) {
      out.push({
        level: 'fout',
        code: 'cognos.dubbel',
        file: fileName,
        sheet: r.sheet,
        row: r.row,
        column: r.column,
        params: { eerder: first.row },
      });
    } else seen.set(key, r);
  }
  return out;
}

/** Sub-levels must add up to their product (1A+1B, individueel+groep = OB1): a warning names both numbers. */
export function consistencyIssues(fileName: string, records: readonly CognosRecord[]): ImportIssue[] {
  const key = (r: CognosRecord) =>
    [r.gebiedTekst, r.maat, r.peildatum, r.periodeStart, r.wet, r.ondersteuningsbehoefte].join('|');
  const whole = new Map<string, CognosRecord>();
  const parts = new Map<string, CognosRecord[]>();
  for (const r of records) {
    if (r.ondersteuningsbehoefte === null) continue;
    if (r.subniveau === null && r.vorm === null) whole.set(key(r), r);
    else parts.set(key(r), [...(parts.get(key(r)) ?? []), r]);
  }
  const out: ImportIssue[] = [];
  for (const [k, total] of whole) {
    const list = parts.get(k);
    if (!list || total.waarde === null || list.some((p) => p.onderdrukt)) continue;
    const sum = list.reduce((s, p) => s + (p.waarde ?? 0), 0);
    if (sum !== total.waarde) {
      out.push({
        level: 'waarschuwing',
        code: 'cognos.som-klopt-niet',
        file: fileName,
        sheet: total.sheet,
        row: total.row,
        column: total.column,
        params: {
          wat: `${total.product ?? `OB${total.ondersteuningsbehoefte}`}`,
          totaal: total.waarde,
          som: sum,
          rijen: list.map((p) => p.row).join(', '),
        },
      });
    }
  }
  return out;
}
