/**
 * `npm run cli -- report`: the stuurgroep pack of the voorbeeldproject as PDF (through Debian's Chromium, checked page
 * by page with poppler: size, not blank, plates filling their A3 page) and as xlsx (read back: figures, small counts,
 * no formulas). Every page is also written as PNG to test-results/rapport/ to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { buildDemo } from '../../../scripts/build-demo.mts';
import { cli } from '../../helpers/cli';
import { tmpDir } from '../../helpers/tmp';

const BOSWINKEL = 'BU01530201';
const PAGINAS = join(process.cwd(), 'test-results', 'rapport');
let dir = '';

beforeAll(async () => {
  const t = tmpDir('wijkweb-rapport-');
  dir = t.dir;
  await buildDemo(join(dir, 'demo.wijkweb'), { log: () => undefined });
  return t.cleanup;
}, 60_000);

/** A page as a grayscale image: width, height and its pixels (0 = black, 255 = white). */
function pagina(pdf: string, nr: number, dpi = 30) {
  const pgm = execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(nr), '-l', String(nr), pdf]);
  // P5\n<w> <h>\n255\n<pixels>
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    let s = '';
    while (pgm[pos] !== 0x0a && pgm[pos] !== 0x20) s += String.fromCharCode(pgm[pos++]!);
    pos++;
    if (s) fields.push(s);
  }
  const [, w, h] = fields.map(Number) as [number, number, number, number];
  return { w, h, px: pgm.subarray(pos) };
}

describe('report from the CLI (voorbeeldproject Enschede West)', () => {
  it('writes a PDF: A4 pages and A3 landscape plates, none blank, the plates filling their page', async () => {
    const r = await cli(
      ['report', 'demo.wijkweb', '--gebied', BOSWINKEL, '--peildatum', '2024-05-01', '--out', 'rapport.pdf'],
      dir,
    );
    expect(r.code, r.err).toBe(0);
    const pdf = join(dir, 'rapport.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '100', pdf]).toString();
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(sizes.length).toBeGreaterThanOrEqual(10);
    const a3 = sizes.flatMap(([w, h], i) => (Math.abs(w! - 1190.5) < 2 && Math.abs(h! - 842) < 2 ? [i + 1] : []));
    const a4 = sizes.filter(([w, h]) => Math.abs(w! - 595) < 2 && Math.abs(h! - 842) < 2);
    expect(a3).toHaveLength(2); // network and map
    expect(a4.length + a3.length).toBe(sizes.length);

    rmSync(PAGINAS, { recursive: true, force: true });
    mkdirSync(PAGINAS, { recursive: true });
    execFileSync('pdftoppm', ['-r', '50', '-png', pdf, join(PAGINAS, 'pagina')]);
    expect(readdirSync(PAGINAS)).toHaveLength(sizes.length);
    for (let nr = 1; nr <= sizes.length; nr++) {
      const { w, h, px } = pagina(pdf, nr);
      // Not blank: ink above the footer line.
      let inkt = 0;
      for (let i = 0; i < w * Math.floor(h * 0.9); i++) if (px[i]! < 200) inkt++;
      expect(inkt, `pagina ${nr}`).toBeGreaterThan(50);
      if (!a3.includes(nr)) continue;
      // A plate reaches (almost) the right edge: nothing made Chromium shrink the whole document.
      let rechts = 0;
      for (let y = 0; y < h * 0.9; y++)
        for (let x = w - 1; x > rechts; x--)
          if (px[y * w + x]! < 200) {
            rechts = x;
            break;
          }
      expect(rechts / w, `plaat op pagina ${nr}`).toBeGreaterThan(0.85);
    }
    const tekst = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(tekst).toContain('Stuurgroeprapportage Boswinkel-De Braker');
    expect(tekst).toContain('Peildatum 1 mei 2024');
    expect(tekst).toContain('Stuurgroep januari 2024');
    expect(tekst).toContain('<5');
    expect(tekst).toContain('Bron:');
    expect(tekst).toContain('Leeswijzer');
    expect(tekst).not.toMatch(/\/tmp\/|wijkweb-rapport-/);
    // Issue 21: no page with a stray sentence (sections kept together, a table's source with its table), and the
    // map credits the imported map with its own year.
    for (let nr = 1; nr <= sizes.length; nr++) {
      const woorden = execFileSync('pdftotext', ['-f', String(nr), '-l', String(nr), pdf, '-'])
        .toString()
        .split('\n')
        .filter((l) => !/^Pagina \d+ van \d+$|^Stuurgroeprapportage /.test(l.trim()))
        .join(' ')
        .split(/\s+/)
        .filter(Boolean).length;
      expect(woorden, `pagina ${nr}`).toBeGreaterThanOrEqual(40);
    }
    expect(tekst).toContain('buurtgrenzen 2013 (‘buurten-enschede-2013.geojson’)');
    expect(tekst).not.toContain('CBS-kaart');
  }, 90_000);

  it('writes an xlsx with typed figures, small counts as <5 and no formula', async () => {
    const r = await cli(
      ['report', 'demo.wijkweb', '--gebied', BOSWINKEL, '--peildatum', '2024-05-01', '--out', 'rapport.xlsx'],
      dir,
    );
    expect(r.code, r.err).toBe(0);
    const book = XLSX.read(readFileSync(join(dir, 'rapport.xlsx')), { cellFormula: true });
    expect(book.SheetNames[0]).toBe('Overzicht');
    expect(book.SheetNames).toEqual(expect.arrayContaining(['Kerncijfers', 'Toewijzingen', 'Hiaten', 'Veranderingen']));
    let cellen = 0;
    for (const name of book.SheetNames) {
      const sheet = book.Sheets[name]!;
      for (const [ref, cell] of Object.entries(sheet)) {
        if (ref.startsWith('!')) continue;
        const c = cell as XLSX.CellObject;
        cellen++;
        expect(c.f, `${name}!${ref}`).toBeUndefined();
        if (c.t === 's') expect(String(c.v), `${name}!${ref}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    expect(cellen).toBeGreaterThan(100);
    // The real figure: 68 toewijzingen OB1 Wmo on 2 April 2024, as a number; the small Jeugd count as "<5".
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets['Toewijzingen']!, { header: 1 });
    const ob1 = rows.find((row) => row[0] === 'Ondersteuningsbehoefte 1 Wmo');
    expect(ob1?.at(-1)).toBe(68);
    expect(rows.flat()).toContain('<5');
    const meldingen = XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets['Meldingen']!, { header: 1 });
    for (const row of meldingen.slice(1)) {
      for (const v of row.slice(1)) if (typeof v === 'number') expect(v === 0 || v >= 5, String(v)).toBe(true);
    }
  });

  it('writes the report as HTML too, and explains what is wrong in Dutch', async () => {
    const html = await cli(
      ['report', 'demo.wijkweb', '--gebied', 'WK015302', '--peildatum', '2024-05-01', '--out', 'wijk.html'],
      dir,
    );
    expect(html.code, html.err).toBe(0);
    const text = readFileSync(join(dir, 'wijk.html'), 'utf8');
    expect(text).toContain('Boswinkel - Stadsveld');
    expect(text).not.toMatch(/<script/i);

    const onbekend = await cli(
      ['report', 'demo.wijkweb', '--gebied', 'BU99999999', '--peildatum', '2024-05-01', '--out', 'x.pdf'],
      dir,
    );
    expect(onbekend.code).toBe(1);
    expect(onbekend.err).toContain('‘BU99999999’ staat niet in dit project');
    const formaat = await cli(
      ['report', 'demo.wijkweb', '--gebied', BOSWINKEL, '--peildatum', '2024-05-01', '--out', 'x.docx'],
      dir,
    );
    expect(formaat.code).toBe(1);
    expect(formaat.err).toMatch(/--out/);
    const list = await cli(['snapshots', 'demo.wijkweb', '--json'], dir);
    expect(JSON.parse(list.out)).toEqual([expect.objectContaining({ naam: 'Stuurgroep januari 2024' })]);
  });

  it('writes the report in English with --taal en, and the xlsx too', async () => {
    const html = await cli(
      [
        'report',
        'demo.wijkweb',
        '--gebied',
        BOSWINKEL,
        '--peildatum',
        '2024-05-01',
        '--out',
        'en.html',
        '--taal',
        'en',
      ],
      dir,
    );
    expect(html.code, html.err).toBe(0);
    const text = readFileSync(join(dir, 'en.html'), 'utf8');
    expect(text).toContain('<html lang="en">');
    expect(text).toContain('<h1>Steering group report Boswinkel-De Braker</h1>');
    expect(text).toContain('Reference date 1 May 2024');
    for (const kop of ['Key figures', 'Requests and allocations', 'The network', 'What has changed', 'Gaps'])
      expect(text).toContain(`. ${kop}</h2>`);
    expect(text).not.toContain('Stuurgroeprapportage');
    const xlsx = await cli(
      [
        'report',
        'demo.wijkweb',
        '--gebied',
        BOSWINKEL,
        '--peildatum',
        '2024-05-01',
        '--out',
        'en.xlsx',
        '--taal',
        'en',
      ],
      dir,
    );
    expect(xlsx.code, xlsx.err).toBe(0);
    expect(XLSX.read(readFileSync(join(dir, 'en.xlsx'))).SheetNames.slice(0, 4)).toEqual([
      'Overview',
      'Headline figures',
      'Goals',
      'Handling',
    ]);
  });
});
