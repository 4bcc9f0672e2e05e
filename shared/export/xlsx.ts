/**
 * The one xlsx writer for everything that leaves the app as a workbook (report, Gegevens views): typed cells with
 * Dutch-readable number formats, title lines above a frozen header row with an autofilter, column widths, and text
 * that can never run as a formula (requirement 14 of shared/design/safety-and-speed.md: text starting with
 * = + - @ TAB CR LF gets a ' in front and is a shared-string cell, `t="s"`).
 *
 * SheetJS CE writes the cells, number formats, autofilter and widths but not frozen panes or fonts, so the zip is
 * opened again with fflate: each sheet's `<sheetView>` gets a frozen pane and styles.xml a bold font (title lines and
 * header) and right alignment for the numeric formats (so "<5" lines up with the numbers in its column).
 * Workbook properties: the title only, never a user name.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import * as XLSX from 'xlsx';
import type { CelWaarde, KolomSoort } from '../report/model';
import { neutraliseFormula } from './formats';

export interface BladKolom {
  readonly titel: string;
  readonly soort: KolomSoort;
  /** Decimals shown: default 0 for aantal and geld, 1 for getal and procent. */
  readonly decimalen?: number;
}

export interface Blad {
  /** Sanitised to at most 31 characters, none of []:*?/\, unique within the book. */
  readonly naam: string;
  /** Lines above the header (title, bron, peildatum), in bold. */
  readonly titelRegels?: readonly string[];
  readonly kolommen: readonly BladKolom[];
  readonly rijen: readonly (readonly CelWaarde[])[];
  /** Notes below the table. */
  readonly voetRegels?: readonly string[];
}

export interface WerkboekOpties {
  /** The workbook's Title property (docProps/core.xml); nothing else is written there. */
  readonly titel?: string;
}

/** Excel's limits: a cell holds at most 32,767 characters; widths are kept between these (in characters). */
const MAX_TEKST = 32_767;
const MIN_BREEDTE = 8;
const MAX_BREEDTE = 60;
/** The number format that marks bold cells (title lines, header): text format '@', id 49 in every xlsx. */
const VET = '@';
const VET_ID = '49';
const ISO_DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The number format of a numeric column, or null for text. */
export function getalFormaat(soort: KolomSoort, decimalen?: number): string | null {
  const dec = (standaard: number) => Math.max(0, Math.min(10, Math.trunc(decimalen ?? standaard)));
  const fractie = (n: number) => (n > 0 ? '.' + '0'.repeat(n) : '');
  switch (soort) {
    case 'aantal':
      return `#,##0${fractie(dec(0))}`;
    case 'getal':
      return `#,##0${fractie(dec(1))}`;
    case 'procent':
      return `0${fractie(dec(1))}%`;
    case 'geld':
      return `€ #,##0${fractie(dec(0))}`;
    case 'datum':
      return 'd-m-yyyy';
    case 'tekst':
      return null;
  }
}

/** 'YYYY-MM-DD' as an Excel date serial (days since 30-12-1899, no time zone involved), or null. */
export function datumSerieel(iso: string): number | null {
  const m = ISO_DATUM.exec(iso);
  if (!m) return null;
  const [j, mnd, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(j, mnd - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== j || check.getUTCMonth() !== mnd - 1 || check.getUTCDate() !== d) return null;
  const serieel = ms / 86_400_000 + 25_569;
  return serieel >= 61 ? serieel : null; // before 1-3-1900 Excel's leap-year bug shifts the days: leave those as text
}

/** Text as a cell that is never a formula: neutralised, at most 32,767 characters. */
function tekstCel(tekst: string, z?: string): XLSX.CellObject {
  let v = neutraliseFormula(tekst);
  if (v.length > MAX_TEKST) v = v.slice(0, MAX_TEKST - 1) + '…';
  return z === undefined ? { t: 's', v } : { t: 's', v, z };
}

function cel(waarde: CelWaarde, kolom: BladKolom | undefined, z: string | null): XLSX.CellObject | undefined {
  if (waarde === null) return undefined;
  if (typeof waarde === 'number') {
    if (!Number.isFinite(waarde)) return undefined;
    return z === null || kolom?.soort === 'datum' ? { t: 'n', v: waarde } : { t: 'n', v: waarde, z };
  }
  if (kolom?.soort === 'datum') {
    const serieel = datumSerieel(waarde);
    if (serieel !== null) return { t: 'n', v: serieel, z: z ?? 'd-m-yyyy' };
  }
  // A string in a numeric column ("<5", "x") stays text, with the column's format so it is right-aligned.
  return tekstCel(waarde, z ?? undefined);
}

/** The width (in characters) a value takes when shown. */
function breedte(waarde: CelWaarde, kolom: BladKolom): number {
  if (waarde === null) return 0;
  if (typeof waarde === 'string') {
    if (kolom.soort === 'datum' && ISO_DATUM.test(waarde)) return 10;
    let langste = 0;
    for (const regel of waarde.split('\n')) langste = Math.max(langste, regel.length);
    return langste + (/^[=+\-@\t\r\n]/.test(waarde) ? 1 : 0);
  }
  if (!Number.isFinite(waarde)) return 0;
  const soort = kolom.soort;
  if (soort === 'tekst' || soort === 'datum') return String(waarde).length;
  const dec = kolom.decimalen ?? (soort === 'getal' || soort === 'procent' ? 1 : 0);
  const cijfers = String(Math.trunc(Math.abs(soort === 'procent' ? waarde * 100 : waarde))).length;
  const scheidingen = soort === 'procent' ? 0 : Math.floor((cijfers - 1) / 3);
  const teken = (waarde < 0 ? 1 : 0) + (soort === 'procent' ? 1 : 0) + (soort === 'geld' ? 2 : 0);
  return cijfers + scheidingen + (dec > 0 ? dec + 1 : 0) + teken;
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, not starting or ending with ', not
 *  "History", unique in the book (compared without case, as Excel does). `gebruikt` holds the lower-cased names. */
export function bladNaam(naam: string, gebruikt: Set<string>): string {
  const kap = (s: string, n: number) => {
    let uit = s.slice(0, n);
    if (/[\uD800-\uDBFF]$/.test(uit)) uit = uit.slice(0, -1);
    return uit;
  };
  // eslint-disable-next-line no-control-regex
  let basis = naam.replace(/[[\]:*?/\\\u0000-\u001f\u007f]/g, ' ');
  basis = basis
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  basis = kap(basis, 31).trim();
  if (basis === '') basis = `Blad${gebruikt.size + 1}`;
  if (basis.toLowerCase() === 'history') basis = 'History (1)';
  let kandidaat = basis;
  for (let n = 2; gebruikt.has(kandidaat.toLowerCase()); n++) {
    const achter = ` (${n})`;
    kandidaat = kap(basis, 31 - achter.length).trimEnd() + achter;
  }
  gebruikt.add(kandidaat.toLowerCase());
  return kandidaat;
}

interface Opbouw {
  readonly blad: XLSX.WorkSheet;
  /** Rows above the first data row (title lines, a blank line, the header): these are frozen. */
  readonly vast: number;
}

function bouwBlad(b: Blad): Opbouw {
  const titels = b.titelRegels ?? [];
  const voet = b.voetRegels ?? [];
  const nKol = Math.max(1, b.kolommen.length);
  const data: XLSX.CellObject[][] = [];
  for (const regel of titels) data.push([tekstCel(regel, VET)]);
  if (titels.length > 0) data.push([]);
  const kopRij = data.length;
  data.push(b.kolommen.map((k) => tekstCel(k.titel, VET)));
  const formaten = b.kolommen.map((k) => getalFormaat(k.soort, k.decimalen));
  const breedtes = b.kolommen.map((k) => k.titel.length + 3); // + the filter button
  let breedsteRij = nKol;
  for (const rij of b.rijen) {
    const uit: XLSX.CellObject[] = [];
    const n = Math.max(rij.length, b.kolommen.length);
    breedsteRij = Math.max(breedsteRij, rij.length);
    for (let c = 0; c < n; c++) {
      const waarde = rij[c] ?? null;
      const kolom = b.kolommen[c];
      const z = formaten[c] ?? null;
      const x = cel(waarde, kolom, z);
      if (x) uit[c] = x;
      if (kolom) breedtes[c] = Math.max(breedtes[c] ?? 0, breedte(waarde, kolom));
    }
    data.push(uit);
  }
  const laatsteDataRij = data.length - 1;
  if (voet.length > 0) {
    data.push([]);
    for (const regel of voet) data.push([tekstCel(regel)]);
  }
  const blad: XLSX.WorkSheet = { '!data': data };
  blad['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: data.length - 1, c: breedsteRij - 1 } });
  // Header row to the last data row (with no data rows: the header and the blank line below it).
  blad['!autofilter'] = {
    ref: XLSX.utils.encode_range({
      s: { r: kopRij, c: 0 },
      e: { r: Math.max(laatsteDataRij, kopRij + 1), c: nKol - 1 },
    }),
  };
  blad['!cols'] = Array.from({ length: nKol }, (_, c) => ({
    wch: Math.min(MAX_BREEDTE, Math.max(MIN_BREEDTE, Math.ceil((breedtes[c] ?? 0) + 1))),
  }));
  return { blad, vast: kopRij + 1 };
}

/** `<sheetView>` with the top `vast` rows frozen. */
function bevrorenView(vast: number): string {
  const cel = `A${vast + 1}`;
  return (
    `<sheetView workbookViewId="0"><pane ySplit="${vast}" topLeftCell="${cel}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${cel}" sqref="${cel}"/></sheetView>`
  );
}

function concat(...delen: Uint8Array[]): Uint8Array {
  const uit = new Uint8Array(delen.reduce((n, d) => n + d.length, 0));
  let i = 0;
  for (const d of delen) {
    uit.set(d, i);
    i += d.length;
  }
  return uit;
}

/** Replaces the sheet's `<sheetView>`. It sits near the top (after `<dimension>`), so only the head is decoded
 *  (latin1: one character per byte, so the offsets are byte offsets) and the rest of a big sheet is copied as is. */
function bevries(xml: Uint8Array, vast: number): Uint8Array {
  const kop = strFromU8(xml.subarray(0, Math.min(xml.length, 16_384)), true);
  const m = /<sheetView\b[^>]*?(?:\/>|>[\s\S]*?<\/sheetView>)/.exec(kop);
  if (!m) throw new Error('xlsx: geen <sheetView> in het werkblad');
  return concat(xml.subarray(0, m.index), strToU8(bevrorenView(vast), true), xml.subarray(m.index + m[0].length));
}

/** styles.xml: a bold font for the title/header format ('@'), right alignment for the number formats. */
function stijlen(xml: string): string {
  let vetFont = -1;
  xml = xml.replace(/<fonts count="(\d+)">([\s\S]*?)<\/fonts>/, (heel, aantal: string, fonts: string) => {
    const eerste = /<font>([\s\S]*?)<\/font>/.exec(fonts);
    if (!eerste) return heel;
    vetFont = Number(aantal);
    return `<fonts count="${vetFont + 1}">${fonts}<font><b/>${eerste[1]}</font></fonts>`;
  });
  return xml.replace(/<cellXfs\b[^>]*>[\s\S]*?<\/cellXfs>/, (xfs) =>
    xfs.replace(/<xf ([^>]*?)\/>/g, (heel, attrs: string) => {
      const id = /numFmtId="(\d+)"/.exec(attrs)?.[1];
      if (id === VET_ID && vetFont >= 0)
        return `<xf ${attrs.replace(/fontId="\d+"/, `fontId="${vetFont}"`)} applyFont="1"/>`;
      if (id !== undefined && id !== '0' && id !== VET_ID)
        return `<xf ${attrs} applyAlignment="1"><alignment horizontal="right"/></xf>`;
      return heel;
    }),
  );
}

/**
 * A workbook (xlsx bytes) with one sheet per Blad, in order. Synchronous; runs in the worker, in Node and in the
 * browser. An empty list gives one empty sheet.
 */
export function schrijfWerkboek(bladen: readonly Blad[], opties: WerkboekOpties = {}): Uint8Array {
  const boek = XLSX.utils.book_new();
  const gebruikt = new Set<string>();
  const vast: number[] = [];
  const lijst: readonly Blad[] = bladen.length > 0 ? bladen : [{ naam: 'Blad1', kolommen: [], rijen: [] }];
  for (const b of lijst) {
    const opbouw = bouwBlad(b);
    XLSX.utils.book_append_sheet(boek, opbouw.blad, bladNaam(b.naam, gebruikt));
    vast.push(opbouw.vast);
  }
  // Only the title: SheetJS writes no author unless told, and a report carries no personal data.
  boek.Props = opties.titel ? { Title: opties.titel } : {};
  // 'buffer': a Uint8Array (a Buffer in Node). 'array' would go through a binary string first: 5 s more on 100k rows.
  const ruw = XLSX.write(boek, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: false }) as Uint8Array;
  const bestanden = unzipSync(ruw);
  const uit: Zippable = {};
  for (const [pad, inhoud] of Object.entries(bestanden)) {
    const blad = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(pad);
    const n = blad ? vast[Number(blad[1]) - 1] : undefined;
    if (n !== undefined) uit[pad] = bevries(inhoud, n);
    else if (pad === 'xl/styles.xml') uit[pad] = strToU8(stijlen(strFromU8(inhoud)));
    else uit[pad] = inhoud;
  }
  // Deflate; a big book (over 16 MB of XML) at the fastest level: 2.5× quicker, about 15% larger.
  const groot = Object.values(bestanden).reduce((n, b) => n + b.length, 0) > 16 * 1024 * 1024;
  return zipSync(uit, { level: groot ? 1 : 6 });
}
