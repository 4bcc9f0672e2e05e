/**
 * The whole country: the labelled StatLine download of Kerncijfers wijken en buurten 2024 (real regions and 13 real
 * columns) with the care columns added (synthetic values, see tests/fixtures/cbs/README.md), through the project
 * service, for all of it and for one gemeente (Enschede, Amsterdam with its letter codes). Every count and figure is
 * compared with the file as read here, independently of the importer (a plain split of each line).
 */
import { describe, expect, it } from 'vitest';
import type { CbsImportOptions, ImportFile } from '../../../../../shared/contract';
import { unwrap } from '../../../../../shared/result';
import { createProjectService } from '../../../../../shared/service/project-service';
import { nederland2024, nederland2024Zorg } from '../../../../helpers/cbs-fixtures';
import { FIXED_NOW, sha256, sql } from '../../../../helpers/db';

type Service = ReturnType<typeof createProjectService>;

interface FileRow {
  readonly line: number;
  readonly naam: string;
  readonly gemeente: string;
  readonly soort: string;
  readonly code: string;
  readonly cells: readonly string[];
}

/** The download as lines of fields: BOM, CRLF, `;`, text quoted (no quotes inside), numbers bare. */
function readFile(f: ImportFile): { header: string[]; rows: FileRow[] } {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(f.bytes);
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.slice(1).split('\r\n');
  expect(lines.pop()).toBe('');
  // A quoted field may hold a ';' ("Personen per soort uitkering; Bijstand"), never a quote.
  const split = (l: string) => {
    const out: string[] = [];
    for (let i = 0; i <= l.length;) {
      const quoted = l[i] === '"';
      const end = quoted ? l.indexOf('"', i + 1) + 1 : l.indexOf(';', i) < 0 ? l.length : l.indexOf(';', i);
      out.push(quoted ? l.slice(i + 1, end - 1) : l.slice(i, end));
      i = end + 1;
    }
    return out;
  };
  const header = split(lines[0]!);
  const rows = lines.slice(1).map((l, i) => {
    const cells = split(l);
    expect(cells).toHaveLength(header.length);
    return {
      line: i + 2,
      naam: cells[0]!,
      gemeente: cells[1]!.trim(),
      soort: cells[2]!.trim(),
      code: cells[3]!.trim(),
      cells,
    };
  });
  return { header, rows };
}

function levels(rows: readonly { code: string }[]) {
  const n = (p: string) => rows.filter((r) => r.code.startsWith(p)).length;
  return { land: n('NL'), gemeente: n('GM'), wijk: n('WK'), buurt: n('BU') };
}

async function service(): Promise<Service> {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('Heel Nederland'));
  return s;
}

async function gebieden(s: Service) {
  const t = unwrap(await s.exportTable('gebieden'));
  return t.rows.map(([code, naam, niveau, ouder, jaar]) => ({ code, naam, niveau, ouder, jaar }));
}

/** code → sleutel → { waarde, status } for one year. */
function figures(s: Service, jaar: number): Map<string, Map<string, { waarde: number | null; status: number }>> {
  const rows = s.currentDb()!.all<{ code: string; sleutel: string; waarde: number | null; status: number }>(
    `SELECT g.code, i.sleutel, w.waarde, w.status FROM indicator_waarde w JOIN gebied g ON g.id = w.gebied_id
     JOIN indicator i ON i.id = w.indicator_id WHERE w.jaar = ?`,
    [jaar],
  );
  const out = new Map<string, Map<string, { waarde: number | null; status: number }>>();
  for (const r of rows) {
    let m = out.get(r.code);
    if (!m) out.set(r.code, (m = new Map()));
    m.set(r.sleutel, { waarde: r.waarde, status: r.status });
  }
  return out;
}

/** A cell of the download as the figure it must become: number (decimal comma), or status 1 (".") / 2 ("x"). */
function expected(cell: string): { waarde: number | null; status: number } {
  if (cell === '.') return { waarde: null, status: 1 };
  if (cell === 'x') return { waarde: null, status: 2 };
  expect(cell).toMatch(/^\d+(,\d)?$/);
  return { waarde: Number(cell.replace(',', '.')), status: 0 };
}

const ZORG: Readonly<Record<string, string>> = {
  'Sociale zekerheid/Personen per soort uitkering; Bijstand (aantal)': 'uitkering_bijstand',
  'Sociale zekerheid/Personen per soort uitkering; AO (aantal)': 'uitkering_ao',
  'Sociale zekerheid/Personen per soort uitkering; WW (aantal)': 'uitkering_ww',
  'Sociale zekerheid/Personen per soort uitkering; AOW (aantal)': 'uitkering_aow',
  'Zorg/Jongeren met jeugdzorg in natura (aantal)': 'jeugdzorg_in_natura',
  'Zorg/Percentage jongeren met jeugdzorg (%)': 'jeugdzorg_percentage',
  'Zorg/Wmo-cliënten (aantal)': 'wmo_clienten',
  'Zorg/Wmo-cliënten relatief (per 1 000 inwoners)': 'wmo_clienten_per_1000',
};

describe('CBS: the whole country, labelled StatLine download of 2024 with the care figures', () => {
  const file = nederland2024Zorg();
  const { header, rows } = readFile(file);

  it('the file: 18,310 regions (1 / 342 / 3,393 / 14,574) with Amsterdam’s letter codes', () => {
    expect(rows).toHaveLength(18_310);
    expect(levels(rows)).toEqual({ land: 1, gemeente: 342, wijk: 3393, buurt: 14_574 });
    expect(rows.filter((r) => /^(WK|BU)0363[0-9]{0,2}[A-Z]/.test(r.code)).length).toBeGreaterThan(400);
    expect(header.slice(-8)).toEqual(Object.keys(ZORG));
  });

  it('all of it: every gebied and every care figure as in the file, the care columns as canonical indicators', async () => {
    const s = await service();
    const preview = unwrap(await s.previewCbsImport(file, {}));
    expect(preview).toMatchObject({
      formaat: 'statline-gelabeld',
      jaar: 2024,
      jaren: [2024],
      aantallen: { land: 1, gemeente: 342, wijk: 3393, buurt: 14_574 },
      teImporteren: 18_310,
      overgeslagen: { andereGemeente: 0, anderJaar: 0, leeg: 0, fout: 0 },
      fouten: 0,
      grootBestand: true,
      kanImporteren: true,
    });
    expect(preview.gemeenten).toHaveLength(342);
    expect(preview.gemeenten.find((g) => g.code === 'GM0363')).toEqual({ code: 'GM0363', naam: 'Amsterdam' });
    for (const [kolom, sleutel] of Object.entries(ZORG)) {
      expect(
        preview.indicatoren.find((i) => i.kolom === kolom),
        kolom,
      ).toMatchObject({ sleutel, canoniek: true });
    }
    expect(preview.indicatoren.find((i) => i.kolom === 'Bevolking/Aantal inwoners (aantal)')?.sleutel).toBe('inwoners');

    const outcome = unwrap(await s.importCbs(file, {}));
    expect(outcome).toMatchObject({ jaar: 2024, gebiedenNieuw: 18_310, waarden: 18_310 * 16 });

    const g = await gebieden(s);
    expect(levels(g.map((x) => ({ code: String(x.code) })))).toEqual({
      land: 1,
      gemeente: 342,
      wijk: 3393,
      buurt: 14_574,
    });
    const byCode = new Map(g.map((x) => [x.code, x]));
    for (const r of rows) {
      const x = byCode.get(r.code);
      expect(x, r.code).toBeDefined();
      expect(x!.naam, r.code).toBe(r.naam.trim());
      expect(x!.ouder, r.code).toBe(
        r.code.startsWith('BU')
          ? `WK${r.code.slice(2, 8)}`
          : r.code.startsWith('WK')
            ? `GM${r.code.slice(2, 6)}`
            : null,
      );
    }
    expect(byCode.get('BU0363AA01')).toMatchObject({ naam: 'Planciusbuurt-Noord', ouder: 'WK0363AA', niveau: 'buurt' });

    // The table's CHECK holds for every figure, although it is not evaluated during the bulk insert.
    expect(
      s
        .currentDb()!
        .value(
          'SELECT count(*) FROM indicator_waarde WHERE NOT (status >= 0 AND status <= 2 AND (status = 0) = (waarde IS NOT NULL))',
        ),
    ).toBe(0);
    const f = figures(s, 2024);
    const cols = Object.keys(ZORG).map((k) => header.indexOf(k));
    let secret = 0;
    let missing = 0;
    for (const r of rows) {
      cols.forEach((c, k) => {
        const want = expected(r.cells[c]!);
        if (want.status === 2) secret++;
        if (want.status === 1) missing++;
        expect(f.get(r.code)?.get(Object.values(ZORG)[k]!), `${r.code} ${header[c]}`).toEqual(want);
      });
    }
    expect(secret).toBeGreaterThan(100);
    expect(missing).toBeGreaterThan(100);
    // The values the gap analysis tests use.
    expect(f.get('BU01530201')?.get('wmo_clienten_per_1000')).toEqual({ waarde: 132, status: 0 });
    expect(f.get('BU01530201')?.get('inwoners')).toEqual({ waarde: 3685, status: 0 });
    expect(f.get('GM0153')?.get('wmo_clienten_per_1000')).toEqual({ waarde: 88, status: 0 });
    expect(f.get('BU01530201')?.get('jeugdzorg_percentage')).toEqual({ waarde: 11.5, status: 0 });
    // A gemeente's count is the sum of its buurten's (hidden ones included in the file's sums).
    const enschedeBuurten = rows.filter((r) => r.code.startsWith('BU0153'));
    const wmo = header.indexOf('Zorg/Wmo-cliënten (aantal)');
    const visible = enschedeBuurten.reduce((n, r) => n + (/^\d+$/.test(r.cells[wmo]!) ? Number(r.cells[wmo]) : 0), 0);
    expect(f.get('GM0153')?.get('wmo_clienten')?.waarde).toBeGreaterThanOrEqual(visible);
    // The profile shows the care figures against the gemeente.
    const profiel = unwrap(await s.getGebiedProfiel('BU01530201', 2024))!;
    expect(profiel.rijen.find((x) => x.sleutel === 'wmo_clienten_per_1000')).toMatchObject({
      label: 'Wmo-cliënten relatief',
      eenheid: 'per 1 000 inwoners',
      waarde: 132,
      gemeente: 88,
    });
  });

  for (const [gm, naam] of [
    ['GM0153', 'Enschede'],
    ['GM0363', 'Amsterdam'],
  ] as const) {
    it(`one gemeente (${naam}): its gebieden and the Nederland row, the rest left out unjudged`, async () => {
      const own = rows.filter((r) => r.code.startsWith('NL') || r.code.slice(2, 6) === gm.slice(2));
      const s = await service();
      const options: CbsImportOptions = { gemeenten: [gm] };
      const preview = unwrap(await s.previewCbsImport(file, options));
      expect(preview).toMatchObject({
        aantallen: levels(own),
        teImporteren: own.length,
        overgeslagen: { andereGemeente: rows.length - own.length, anderJaar: 0, leeg: 0, fout: 0 },
        fouten: 0,
        grootBestand: false,
        kanImporteren: true,
      });
      expect(preview.aantallen.gemeente).toBe(1);
      // The choice offered stays the whole file's.
      expect(preview.gemeenten).toHaveLength(342);
      unwrap(await s.importCbs(file, options));
      const g = await gebieden(s);
      expect(g.map((x) => x.code).sort()).toEqual(own.map((r) => r.code).sort());
      const f = figures(s, 2024);
      expect(f.size).toBe(own.length);
      const inwoners = header.indexOf('Bevolking/Aantal inwoners (aantal)');
      for (const r of own) expect(f.get(r.code)?.get('inwoners')?.waarde, r.code).toBe(Number(r.cells[inwoners]));
      const bron = unwrap(await s.exportTable('bronnen')).rows[0]!;
      expect(bron.slice(5)).toEqual([rows.length, own.length, rows.length - own.length]);
    });
  }

  it('a broken row of another gemeente never blocks; one of the chosen gemeente does, until it is skipped', async () => {
    // Three rows broken as downloads get broken: Amsterdam's code cut short, a word for a number in Amsterdam, and
    // an empty code in an Utrecht row (its gemeente then known from the Gemeentenaam column only).
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
    const lines = text.split('\r\n');
    const at = (code: string) => lines.findIndex((l) => l.includes(`"${code.padEnd(10)}"`));
    const amsterdamCode = at('BU0363AA02');
    const amsterdamValue = at('BU0363AA03');
    const utrecht = at('BU03440111');
    lines[amsterdamCode] = lines[amsterdamCode]!.replace('"BU0363AA02"', '"BU0363AA0 "');
    lines[amsterdamValue] = lines[amsterdamValue]!.replace(/;(\d+);/, ';veel;');
    lines[utrecht] = lines[utrecht]!.replace('"BU03440111"', '"          "');
    const broken: ImportFile = {
      name: 'kwb-2024-nederland-kapot.csv',
      bytes: new TextEncoder().encode(lines.join('\r\n')),
    };

    const s = await service();
    const enschede = unwrap(await s.previewCbsImport(broken, { gemeenten: ['GM0153'] }));
    expect(enschede).toMatchObject({ fouten: 0, problemen: [], kanImporteren: true });

    const amsterdam = unwrap(await s.previewCbsImport(broken, { gemeenten: ['GM0363'] }));
    expect(amsterdam.problemen.map((p) => [p.code, p.row, p.column])).toEqual([
      ['cbs.code-ongeldig', amsterdamCode + 1, 'Regioaanduiding/Codering (code)'],
      ['cbs.geen-getal', amsterdamValue + 1, 'Bevolking/Aantal inwoners (aantal)'],
    ]);
    expect(amsterdam).toMatchObject({ fouten: 2, foutRijen: 2, kanImporteren: false });
    expect((await s.importCbs(broken, { gemeenten: ['GM0363'] })).ok).toBe(false);

    const utrechtPreview = unwrap(await s.previewCbsImport(broken, { gemeenten: ['GM0344'] }));
    expect(utrechtPreview.problemen.map((p) => [p.code, p.row])).toEqual([['cbs.code-ontbreekt', utrecht + 1]]);

    const skip: CbsImportOptions = { gemeenten: ['GM0363'], foutenOverslaan: true };
    const skipping = unwrap(await s.previewCbsImport(broken, skip));
    const own = rows.filter((r) => r.code.startsWith('NL') || r.code.slice(2, 6) === '0363');
    expect(skipping).toMatchObject({ kanImporteren: true, teImporteren: own.length - 2 });
    expect(skipping.overgeslagen).toMatchObject({ fout: 2, andereGemeente: rows.length - own.length });
    const outcome = unwrap(await s.importCbs(broken, skip));
    expect(outcome.rijenOvergeslagen).toBe(2);
    const codes = (await gebieden(s)).map((g) => g.code);
    expect(codes).not.toContain('BU0363AA03');
    expect(codes).toContain('BU0363AA01');
    const details = JSON.parse(
      String(s.currentDb()!.value('SELECT details FROM bron WHERE id = ?', [outcome.bronId])),
    ) as Record<string, unknown>;
    expect(details).toMatchObject({
      foutRijen: [amsterdamCode + 1, amsterdamValue + 1],
      gemeenten: ['GM0363'],
      overgeslagen: { fout: 2, andereGemeente: rows.length - own.length },
    });
  });

  it('the real download (13 columns, no care figures) imports whole, and for Amsterdam', async () => {
    const real = nederland2024();
    const realRows = readFile(real).rows;
    const s = await service();
    const all = unwrap(await s.previewCbsImport(real, {}));
    expect(all).toMatchObject({
      aantallen: { land: 1, gemeente: 342, wijk: 3393, buurt: 14_574 },
      fouten: 0,
      kanImporteren: true,
    });
    expect(all.indicatoren).toHaveLength(8);
    const ams = unwrap(await s.previewCbsImport(real, { gemeenten: ['GM0363'] }));
    expect(ams.aantallen).toEqual(levels(realRows.filter((r) => r.code === 'NL00' || r.code.slice(2, 6) === '0363')));
    unwrap(await s.importCbs(real, {}));
    expect((await gebieden(s)).length).toBe(18_310);
  });
});
