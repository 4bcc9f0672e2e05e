/**
 * The real CBS files of tests/fixtures/cbs end to end through the project service: every figure in the project is
 * compared with the file, read here independently of the importer (a plain split for the CSVs, SheetJS for the xlsx).
 */
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { CbsPreview } from '../../../../../shared/contract';
import { unwrap } from '../../../../../shared/result';
import { createProjectService } from '../../../../../shared/service/project-service';
import { FIXED_NOW, sha256, sql } from '../../../../helpers/db';

const FIXTURES = new URL('../../../../fixtures/cbs/', import.meta.url);
const UTRECHT_2019 = 'statline-untyped-2019-utrecht.csv';
const DEN_HAAG_2019 = 'statline-untyped-2019-den-haag.csv';
const KWB_2023 = 'kwb-2023-utrecht.xlsx';
const NABIJHEID_2023 = 'statline-labelled-nabijheid-2023-zuilen.csv';

type Service = ReturnType<typeof createProjectService>;
type Value = number | null;

function fixture(name: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new Uint8Array(readFileSync(new URL(name, FIXTURES))) };
}

async function service(): Promise<Service> {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('CBS-test'));
  return s;
}

// ------------------------------------------------------------------ reading the files independently

interface FileTable {
  readonly header: readonly string[];
  /** Data rows in file order, cells as text (quotes removed, not trimmed) or as SheetJS gives them. */
  readonly rows: readonly (readonly (string | number)[])[];
}

/** A StatLine CSV: BOM, `;`, every field quoted, no `;` or `"` inside fields (true for these files). */
function readQuotedCsv(name: string): FileTable {
  const text = readFileSync(new URL(name, FIXTURES), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  const split = (line: string) => line.slice(1, -1).split('";"');
  const header = split(lines[0]!);
  const rows = lines.slice(1).map(split);
  for (const r of rows) expect(r).toHaveLength(header.length);
  return { header, rows };
}

function readXlsx(name: string): FileTable {
  const wb = XLSX.read(readFileSync(new URL(name, FIXTURES)), { type: 'buffer' });
  const ws = wb.Sheets[wb.SheetNames[0]!]!;
  const all = XLSX.utils.sheet_to_json<(string | number)[]>(ws, { header: 1, raw: true, defval: '' });
  return { header: all[0]!.map(String), rows: all.slice(1) };
}

/** A CBS cell as a number: "." is missing (null), never 0; text numbers and padded numbers are numbers. */
function cellValue(cell: string | number | undefined): Value {
  if (typeof cell === 'number') return cell;
  const s = (cell ?? '').trim();
  if (s === '.') return null;
  expect(s, `cell "${cell}"`).toMatch(/^-?\d+(\.\d+)?$/);
  return Number(s);
}

function column(t: FileTable, header: string): number {
  const i = t.header.indexOf(header);
  expect(i, header).toBeGreaterThanOrEqual(0);
  return i;
}

function code(t: FileTable, row: readonly (string | number)[], header: string): string {
  return String(row[column(t, header)]).trim();
}

/** "code|sleutel" → value, from the file, for every indicator column the preview names. */
function expectedValues(t: FileTable, codeHeader: string, preview: CbsPreview): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const row of t.rows) {
    for (const ind of preview.indicatoren) {
      out.set(`${code(t, row, codeHeader)}|${ind.sleutel}`, cellValue(row[column(t, ind.kolom)]));
    }
  }
  return out;
}

async function exportedValues(s: Service, jaar?: number): Promise<Map<string, Value>> {
  const t = unwrap(await s.exportTable('indicatoren'));
  expect(t.columns).toEqual(['gebied_code', 'jaar', 'indicator', 'waarde']);
  const out = new Map<string, Value>();
  for (const [gebied, j, indicator, waarde] of t.rows) {
    if (jaar !== undefined && j !== jaar) continue;
    expect(typeof waarde === 'number' || waarde === null).toBe(true);
    out.set(`${gebied}|${indicator}`, waarde as Value);
  }
  return out;
}

function statuses(s: Service, jaar: number): Map<string, string> {
  const rows = s.currentDb()!.all<{ code: string; sleutel: string; status: string; waarde: number | null }>(
    `SELECT g.code, i.sleutel, CASE w.status WHEN 0 THEN 'ok' WHEN 2 THEN 'geheim' ELSE 'ontbreekt' END AS status,
       w.waarde FROM indicator_waarde w JOIN gebied g ON g.id = w.gebied_id JOIN indicator i ON i.id = w.indicator_id
       WHERE w.jaar = ?`,
    [jaar],
  );
  return new Map(rows.map((r) => [`${r.code}|${r.sleutel}`, r.status]));
}

async function exportedGebieden(s: Service) {
  const t = unwrap(await s.exportTable('gebieden'));
  expect(t.columns).toEqual(['code', 'naam', 'niveau', 'ouder_code', 'jaar']);
  return t.rows.map(([c, naam, niveau, ouder, jaar]) => ({ code: c, naam, niveau, ouder, jaar }));
}

function expectedParent(c: string): string | null {
  if (c.startsWith('BU')) return `WK${c.slice(2, 8)}`;
  if (c.startsWith('WK')) return `GM${c.slice(2, 6)}`;
  return null;
}

function levelCounts(codes: readonly string[]) {
  const n = (p: string) => codes.filter((c) => c.startsWith(p)).length;
  return { land: n('NL'), gemeente: n('GM'), wijk: n('WK'), buurt: n('BU') };
}

async function projectHash(s: Service): Promise<string> {
  return sha256(unwrap(await s.exportProject()));
}

// ------------------------------------------------------------------ the tests

describe('CBS import of real files, end to end through the project service', () => {
  it(`${UTRECHT_2019}: 1 gemeente, 10 wijken, 111 buurten of 2019, every figure as in the file`, async () => {
    const file = readQuotedCsv(UTRECHT_2019);
    const codes = file.rows.map((r) => code(file, r, 'WijkenEnBuurten'));
    expect(levelCounts(codes)).toEqual({ land: 0, gemeente: 1, wijk: 10, buurt: 111 });

    const s = await service();
    const preview = unwrap(await s.previewCbsImport(fixture(UTRECHT_2019), {}));
    expect(preview).toMatchObject({
      bestand: UTRECHT_2019,
      formaat: 'statline-ongetypeerd',
      jaar: 2019,
      jaarBron: 'bestandsnaam',
      aantallen: { land: 0, gemeente: 1, wijk: 10, buurt: 111 },
      gemeenten: [{ code: 'GM0344' }],
      fouten: 0,
      eerderGeimporteerd: null,
      bestaandeWaarden: 0,
      kanImporteren: true,
      grootBestand: false,
    });
    // Every column but the region columns is a figure; keys lose their year-dependent number suffix.
    expect(preview.indicatoren.map((i) => i.kolom)).toEqual(
      file.header.filter((h) => !['ID', 'WijkenEnBuurten', 'SoortRegio_2', 'Codering_3'].includes(h)),
    );
    const sleutel = (kolom: string) => preview.indicatoren.find((i) => i.kolom === kolom)?.sleutel;
    expect(sleutel('AantalInwoners_5')).toBe('inwoners');
    expect(sleutel('k_65JaarOfOuder_12')).toBe('leeftijd_65_plus');
    expect(sleutel('GemiddeldeHuishoudensgrootte_32')).toBe('gemiddelde_huishoudensgrootte');

    const result = unwrap(await s.importCbs(fixture(UTRECHT_2019), {}));
    expect(result).toMatchObject({ jaar: 2019, gebiedenNieuw: 122, waarden: 122 * 18, indicatorenNieuw: 18 });

    const expected = expectedValues(file, 'WijkenEnBuurten', preview);
    expect(expected.size).toBe(122 * 18);
    const actual = await exportedValues(s);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    expect(actual.get('GM0344|inwoners')).toBe(352866);
    expect(actual.get('GM0344|gemiddelde_huishoudensgrootte')).toBe(1.9);

    // "." is missing: NULL with status 'ontbreekt', never 0; everything else is 'ok'.
    const missing = [...expected].filter(([, v]) => v === null).map(([k]) => k);
    expect(missing).toHaveLength(20);
    const status = statuses(s, 2019);
    expect(status.size).toBe(122 * 18);
    for (const [k, v] of expected) expect(status.get(k), k).toBe(v === null ? 'ontbreekt' : 'ok');
    for (const k of missing) expect(actual.get(k), k).toBeNull();

    // Parents: WK → GM, BU → WK, all of 2019.
    const gebieden = await exportedGebieden(s);
    expect(gebieden.map((g) => g.code).sort()).toEqual([...codes].sort());
    for (const g of gebieden) {
      expect(g.jaar).toBe(2019);
      expect(g.ouder, String(g.code)).toBe(expectedParent(String(g.code)));
      expect(g.niveau).toBe({ GM: 'gemeente', WK: 'wijk', BU: 'buurt' }[String(g.code).slice(0, 2)]);
    }

    // One buurt, figure by figure, through its profile.
    const row = file.rows.find((r) => code(file, r, 'WijkenEnBuurten') === 'BU03440111')!;
    const profiel = unwrap(await s.getGebiedProfiel('BU03440111', 2019))!;
    expect(profiel.gebied).toMatchObject({ code: 'BU03440111', niveau: 'buurt', ouderCode: 'WK034401', jaar: 2019 });
    expect(profiel.rijen).toHaveLength(18);
    for (const r of profiel.rijen) {
      const kolom = preview.indicatoren.find((i) => i.sleutel === r.sleutel)!.kolom;
      expect(r.waarde, kolom).toBe(cellValue(row[column(file, kolom)]));
      expect(r.bron.bestandsnaam).toBe(UTRECHT_2019);
    }
    expect(profiel.rijen.find((r) => r.sleutel === 'inwoners')).toMatchObject({ waarde: 1500, gemeente: 352866 });

    // A region with "." keeps them as missing in its profile too.
    const withDot = missing[0]!.split('|');
    const p2 = unwrap(await s.getGebiedProfiel(withDot[0]!, 2019))!;
    expect(p2.rijen.find((r) => r.sleutel === withDot[1])).toMatchObject({ waarde: null, status: 'ontbreekt' });

    // The Kaart asks for many at once: the same profiles in one call, a code without figures left out.
    const samen = unwrap(await s.getGebiedProfielen(['BU03440111', withDot[0]!, 'BU99999999'], 2019));
    expect(Object.keys(samen).sort()).toEqual(['BU03440111', withDot[0]!].sort());
    expect(samen.BU03440111).toEqual(profiel);
    expect(samen[withDot[0]!]).toEqual(p2);
  });

  it(`${DEN_HAAG_2019}: 1 / 44 / 114, and both 2019 files side by side in one project`, async () => {
    const utrecht = readQuotedCsv(UTRECHT_2019);
    const denHaag = readQuotedCsv(DEN_HAAG_2019);
    const dhCodes = denHaag.rows.map((r) => code(denHaag, r, 'WijkenEnBuurten'));
    expect(levelCounts(dhCodes)).toEqual({ land: 0, gemeente: 1, wijk: 44, buurt: 114 });

    const s = await service();
    const pU = unwrap(await s.previewCbsImport(fixture(UTRECHT_2019), {}));
    unwrap(await s.importCbs(fixture(UTRECHT_2019), {}));
    const pD = unwrap(await s.previewCbsImport(fixture(DEN_HAAG_2019), {}));
    expect(pD).toMatchObject({
      jaar: 2019,
      aantallen: { land: 0, gemeente: 1, wijk: 44, buurt: 114 },
      gemeenten: [{ code: 'GM0518' }],
      fouten: 0,
      bestaandeWaarden: 0,
      eerderGeimporteerd: null,
      kanImporteren: true,
    });
    const r = unwrap(await s.importCbs(fixture(DEN_HAAG_2019), {}));
    expect(r).toMatchObject({ jaar: 2019, gebiedenNieuw: 159, waarden: 159 * 18, indicatorenNieuw: 0 });

    const expected = new Map([
      ...expectedValues(utrecht, 'WijkenEnBuurten', pU),
      ...expectedValues(denHaag, 'WijkenEnBuurten', pD),
    ]);
    expect(expected.size).toBe((122 + 159) * 18);
    const actual = await exportedValues(s);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    expect(actual.get('GM0518|inwoners')).toBe(537833);
    expect(actual.get('GM0518|gemiddelde_huishoudensgrootte')).toBe(2);
    // WK051801 has 0 inwoners (a real 0, CBS's nihil) and "." for the household size (missing, not 0).
    expect(actual.get('WK051801|inwoners')).toBe(0);
    expect(actual.get('WK051801|gemiddelde_huishoudensgrootte')).toBeNull();
    const status = statuses(s, 2019);
    expect(status.get('WK051801|inwoners')).toBe('ok');
    expect(status.get('WK051801|gemiddelde_huishoudensgrootte')).toBe('ontbreekt');
    expect([...status.values()].filter((v) => v === 'ontbreekt')).toHaveLength(20 + 22);

    const lijst = unwrap(await s.getGebieden(2019));
    expect(lijst.jaren).toEqual([2019]);
    expect(lijst.gebieden).toHaveLength(122 + 159);
    const gebieden = await exportedGebieden(s);
    for (const g of gebieden) expect(g.ouder, String(g.code)).toBe(expectedParent(String(g.code)));
    expect(unwrap(await s.exportTable('bronnen')).rows.map((b) => b[2])).toEqual([UTRECHT_2019, DEN_HAAG_2019]);
  });

  it(`${KWB_2023}: 1 / 10 / 111 of 2023 with names, every cell as in the workbook`, async () => {
    const file = readXlsx(KWB_2023);
    const codes = file.rows.map((r) => code(file, r, 'gwb_code_10'));
    expect(levelCounts(codes)).toEqual({ land: 0, gemeente: 1, wijk: 10, buurt: 111 });

    const s = await service();
    const preview = unwrap(await s.previewCbsImport(fixture(KWB_2023), {}));
    expect(preview).toMatchObject({
      formaat: 'kwb',
      werkblad: 'kwb-2023',
      jaar: 2023,
      aantallen: { land: 0, gemeente: 1, wijk: 10, buurt: 111 },
      gemeenten: [{ code: 'GM0344', naam: 'Utrecht' }],
      fouten: 0,
      kanImporteren: true,
    });
    expect(preview.overgeslagenKolommen).toEqual(expect.arrayContaining(['gwb_code_8', 'gwb_code', 'ind_wbi']));
    const sleutel = (kolom: string) => preview.indicatoren.find((i) => i.kolom === kolom)?.sleutel;
    expect(sleutel('a_inw')).toBe('inwoners');
    expect(sleutel('a_65_oo')).toBe('leeftijd_65_plus');
    expect(sleutel('g_hhgro')).toBe('gemiddelde_huishoudensgrootte');

    const result = unwrap(await s.importCbs(fixture(KWB_2023), {}));
    const m = preview.indicatoren.length;
    expect(result).toMatchObject({ jaar: 2023, gebiedenNieuw: 122, waarden: 122 * m });

    const expected = expectedValues(file, 'gwb_code_10', preview);
    const actual = await exportedValues(s);
    expect(actual.size).toBe(122 * m);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    expect(actual.get('BU03440111|inwoners')).toBe(1810);
    expect(actual.get('GM0344|inwoners')).toBe(367947);
    // Float artefacts are the file's number, unrounded (the workbook stores 2.2000000000000002 and 2.2999999999999998).
    expect(actual.get('BU03440312|gemiddelde_huishoudensgrootte')).toBe(Number('2.2000000000000002'));
    expect(actual.get('BU03440132|gemiddelde_huishoudensgrootte')).toBe(Number('2.2999999999999998'));
    // Numbers stored as text cells ("222298") are numbers.
    expect(actual.get(`GM0344|${sleutel('a_nl_all')}`)).toBe(222298);

    // The Wmo and jeugd columns exist but are all "." → missing everywhere, never 0.
    const status = statuses(s, 2023);
    for (const kolom of ['a_wmo_t', 'p_wmo_t', 'a_jz_tn', 'p_jz_tn']) {
      const k = sleutel(kolom);
      expect(k, kolom).toBeDefined();
      for (const c of codes) {
        expect(status.get(`${c}|${k}`), `${c} ${kolom}`).toBe('ontbreekt');
        expect(actual.get(`${c}|${k}`)).toBeNull();
      }
    }

    // Names come from "regio"; parents from the codes.
    const gebieden = await exportedGebieden(s);
    const names = new Map(file.rows.map((r) => [code(file, r, 'gwb_code_10'), code(file, r, 'regio')]));
    expect(gebieden).toHaveLength(122);
    for (const g of gebieden) {
      expect(g.naam, String(g.code)).toBe(names.get(String(g.code)));
      expect(g.ouder, String(g.code)).toBe(expectedParent(String(g.code)));
      expect(g.jaar).toBe(2023);
    }
    expect(gebieden.find((g) => g.code === 'BU03440111')?.naam).toBe('Welgelegen, Den Hommel');
  });

  it(`${NABIJHEID_2023}: the Nederland row is kept as land; names from the first column, labels and units from the header`, async () => {
    const file = readQuotedCsv(NABIJHEID_2023);
    const codes = file.rows.map((r) => code(file, r, 'Regioaanduiding/Codering (code)'));
    expect(levelCounts(codes)).toEqual({ land: 1, gemeente: 1, wijk: 1, buurt: 7 });

    const s = await service();
    const preview = unwrap(await s.previewCbsImport(fixture(NABIJHEID_2023), {}));
    expect(preview).toMatchObject({
      formaat: 'statline-gelabeld',
      jaar: 2023,
      aantallen: { land: 1, gemeente: 1, wijk: 1, buurt: 7 },
      gemeenten: [{ code: 'GM0344', naam: 'Utrecht' }],
      fouten: 0,
      kanImporteren: true,
    });
    // Warned, not refused: this table has no inwoners.
    expect(preview.problemen).toEqual([{ level: 'waarschuwing', code: 'cbs.geen-inwoners', file: NABIJHEID_2023 }]);
    const figureColumns = file.header.filter((h) => !h.startsWith('Regioaanduiding/') && h !== 'Wijken en buurten');
    expect(preview.indicatoren.map((i) => i.kolom)).toEqual(figureColumns);
    for (const ind of preview.indicatoren) {
      const unit = /\(([^()]*)\)$/.exec(ind.kolom)?.[1];
      expect(ind.eenheid, ind.kolom).toBe(unit);
      const last = ind.kolom
        .replace(/\s*\([^()]*\)$/, '')
        .split('/')
        .pop()!;
      expect(ind.label, ind.kolom).toContain(last);
    }
    const huisarts = preview.indicatoren.find(
      (i) => i.kolom === 'Gezondheid en welzijn/Huisartsenpraktijk/Afstand tot huisartsenpraktijk (km)',
    );
    expect(huisarts).toMatchObject({ eenheid: 'km', canoniek: false });
    expect(huisarts?.label).toContain('Afstand tot huisartsenpraktijk');

    const result = unwrap(await s.importCbs(fixture(NABIJHEID_2023), {}));
    expect(result).toMatchObject({ jaar: 2023, gebiedenNieuw: 10, waarden: 10 * figureColumns.length });

    const expected = expectedValues(file, 'Regioaanduiding/Codering (code)', preview);
    const actual = await exportedValues(s);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    expect(actual.get(`BU03440231|${huisarts!.sleutel}`)).toBe(cellValue(file.rows[3]![column(file, huisarts!.kolom)]));

    const gebieden = await exportedGebieden(s);
    const names = new Map(
      file.rows.map((r) => [code(file, r, 'Regioaanduiding/Codering (code)'), code(file, r, 'Wijken en buurten')]),
    );
    expect(gebieden).toHaveLength(10);
    for (const g of gebieden) {
      expect(g.naam, String(g.code)).toBe(names.get(String(g.code)));
      expect(g.ouder, String(g.code)).toBe(expectedParent(String(g.code)));
    }
    expect(gebieden.find((g) => g.code === 'NL00')).toEqual({
      code: 'NL00',
      naam: 'Nederland',
      niveau: 'land',
      ouder: null,
      jaar: 2023,
    });
    expect(gebieden.find((g) => g.code === 'WK034402')?.naam).toBe('Wijk 02 Noordwest');
  });

  it(`${NABIJHEID_2023}: an indicator's key depends on its own column only, not on which other columns were downloaded`, async () => {
    // StatLine lets the user pick columns; the same figure must land under the same key (and so be compared across
    // files and years) whatever else is in the file.
    const file = readQuotedCsv(NABIJHEID_2023);
    const s = await service();
    const full = unwrap(await s.previewCbsImport(fixture(NABIJHEID_2023), {}));
    const region = file.header.filter((h) => h.startsWith('Regioaanduiding/') || h === 'Wijken en buurten');
    const q = (cells: readonly string[]) => cells.map((c) => `"${c}"`).join(';');
    const mismatches: string[] = [];
    for (const ind of full.indicatoren) {
      const cols = [...region, ind.kolom].map((h) => column(file, h));
      const text = [q(cols.map((i) => file.header[i]!)), ...file.rows.map((r) => q(cols.map((i) => String(r[i]))))];
      const one = unwrap(
        await s.previewCbsImport(
          { name: 'nabijheid-2023-een-kolom.csv', bytes: new TextEncoder().encode(text.join('\n')) },
          {},
        ),
      );
      expect(one.indicatoren).toHaveLength(1);
      if (one.indicatoren[0]!.sleutel !== ind.sleutel) {
        mismatches.push(`${ind.kolom}: ${ind.sleutel} (full file) vs ${one.indicatoren[0]!.sleutel} (alone)`);
      }
    }
    expect(mismatches).toEqual([]);
    // Different columns never share a key.
    expect(new Set(full.indicatoren.map((i) => i.sleutel)).size).toBe(full.indicatoren.length);
  });

  it(`${NABIJHEID_2023}: different columns get different labels (the profile shows labels, not keys)`, async () => {
    const s = await service();
    const preview = unwrap(await s.previewCbsImport(fixture(NABIJHEID_2023), {}));
    const byLabel = new Map<string, string[]>();
    for (const i of preview.indicatoren) byLabel.set(i.label, [...(byLabel.get(i.label) ?? []), i.kolom]);
    expect([...byLabel].filter(([, kolommen]) => kolommen.length > 1)).toEqual([]);
  });

  it('importing the same file twice is refused, with "opnieuw" refused over existing values unless "vervangen"', async () => {
    const s = await service();
    unwrap(await s.importCbs(fixture(UTRECHT_2019), {}));
    const after = await projectHash(s);

    const again = unwrap(await s.previewCbsImport(fixture(UTRECHT_2019), {}));
    expect(again).toMatchObject({ eerderGeimporteerd: FIXED_NOW, bestaandeWaarden: 122 * 18, kanImporteren: false });
    const r1 = await s.importCbs(fixture(UTRECHT_2019), {});
    expect(r1).toMatchObject({
      ok: false,
      error: { code: 'import.al-geimporteerd', params: { bestand: UTRECHT_2019, datum: FIXED_NOW } },
    });
    expect(await projectHash(s)).toBe(after);

    const opnieuw = unwrap(await s.previewCbsImport(fixture(UTRECHT_2019), { opnieuw: true }));
    expect(opnieuw).toMatchObject({ eerderGeimporteerd: FIXED_NOW, bestaandeWaarden: 122 * 18, kanImporteren: false });
    const r2 = await s.importCbs(fixture(UTRECHT_2019), { opnieuw: true });
    expect(r2).toMatchObject({
      ok: false,
      error: { code: 'cbs.al-waarden', params: { bestand: UTRECHT_2019, jaar: 2019, aantal: 122 * 18 } },
    });
    expect(await projectHash(s)).toBe(after);
    expect(unwrap(await s.exportTable('bronnen')).rows).toHaveLength(1);

    const vervangen = unwrap(await s.previewCbsImport(fixture(UTRECHT_2019), { opnieuw: true, vervangen: true }));
    expect(vervangen.kanImporteren).toBe(true);
    const r3 = unwrap(await s.importCbs(fixture(UTRECHT_2019), { opnieuw: true, vervangen: true }));
    expect(r3).toMatchObject({ jaar: 2019, gebiedenNieuw: 0, waarden: 122 * 18, indicatorenNieuw: 0 });
    expect(unwrap(await s.exportTable('bronnen')).rows.map((b) => b[0])).toEqual([1, 2]);
    const values = await exportedValues(s);
    expect(values.size).toBe(122 * 18);
    expect(values.get('GM0344|inwoners')).toBe(352866);
    // The replaced values now point at the second bron.
    const bronIds = s.currentDb()!.all<{ bron_id: number }>('SELECT DISTINCT bron_id FROM indicator_waarde');
    expect(bronIds).toEqual([{ bron_id: 2 }]);
  });

  it('a gemeente filter keeps only that gemeente of a file with several', async () => {
    const utrecht = readFileSync(new URL(UTRECHT_2019, FIXTURES), 'utf8');
    const denHaag = readFileSync(new URL(DEN_HAAG_2019, FIXTURES), 'utf8').replace(/^\uFEFF/, '');
    const combined = {
      name: 'statline-untyped-2019-utrecht-den-haag.csv',
      bytes: new TextEncoder().encode(utrecht + denHaag.slice(denHaag.indexOf('\n') + 1)),
    };
    const s = await service();
    const all = unwrap(await s.previewCbsImport(combined, {}));
    expect(all.aantallen).toEqual({ land: 0, gemeente: 2, wijk: 54, buurt: 225 });
    expect(all.gemeenten.map((g) => g.code)).toEqual(['GM0344', 'GM0518']);

    const one = unwrap(await s.previewCbsImport(combined, { gemeenten: ['GM0344'] }));
    expect(one.aantallen).toEqual({ land: 0, gemeente: 1, wijk: 10, buurt: 111 });
    // The choice offered stays the whole file's.
    expect(one.gemeenten.map((g) => g.code)).toEqual(['GM0344', 'GM0518']);
    unwrap(await s.importCbs(combined, { gemeenten: ['GM0344'] }));

    const gebieden = await exportedGebieden(s);
    expect(gebieden).toHaveLength(122);
    expect(gebieden.every((g) => String(g.code).slice(2, 6) === '0344')).toBe(true);
    const values = await exportedValues(s);
    expect(values.size).toBe(122 * 18);
    expect([...values.keys()].some((k) => k.includes('0518'))).toBe(false);
    expect(values.get('GM0344|inwoners')).toBe(352866);
  });

  it('a buurt profile: figures against the gemeente with their bron, shares computed from the counts', async () => {
    const file = readXlsx(KWB_2023);
    const row = (c: string) => file.rows.find((r) => code(file, r, 'gwb_code_10') === c)!;
    const num = (c: string, kolom: string) => cellValue(row(c)[column(file, kolom)])!;

    const s = await service();
    unwrap(await s.importCbs(fixture(KWB_2023), {}));
    const p = unwrap(await s.getGebiedProfiel('BU03440111', 2023));
    expect(p).not.toBeNull();
    expect(p!.gebied).toEqual({
      code: 'BU03440111',
      naam: 'Welgelegen, Den Hommel',
      niveau: 'buurt',
      ouderCode: 'WK034401',
      jaar: 2023,
    });
    expect(p!.gemeente).toEqual({ code: 'GM0344', naam: 'Utrecht' });
    expect(p!.vorigJaar).toBeNull();

    const inwoners = p!.rijen.find((r) => r.sleutel === 'inwoners');
    expect(inwoners).toMatchObject({
      label: 'Aantal inwoners',
      eenheid: 'aantal',
      canoniek: true,
      waarde: num('BU03440111', 'a_inw'),
      status: 'ok',
      gemeente: num('GM0344', 'a_inw'),
      vorigJaar: null,
      bron: { bestandsnaam: KWB_2023, geimporteerdOp: FIXED_NOW },
    });
    expect(inwoners?.waarde).toBe(1810);

    const share = (c: string) => (num(c, 'a_65_oo') / num(c, 'a_inw')) * 100;
    const aandeel = p!.afgeleid.find((r) => r.sleutel === 'aandeel_65_plus');
    expect(aandeel).toMatchObject({ eenheid: '%', status: 'ok', bron: { bestandsnaam: KWB_2023 } });
    expect(aandeel?.waarde).toBeCloseTo(share('BU03440111'), 10);
    expect(aandeel?.waarde).toBeCloseTo((360 / 1810) * 100, 10);
    expect(aandeel?.gemeente).toBeCloseTo(share('GM0344'), 10);

    const wmo = p!.rijen.find((r) => r.label === 'Wmo-cliënten');
    expect(wmo).toMatchObject({ waarde: null, status: 'ontbreekt', gemeente: null });
  });
});
