/**
 * Issue 21: suggestions for unknown values in a partner list. Only a suggestion that rests on the value's meaning
 * and fits one item is preselected; age ranges rank by overlap (and rule out items they do not overlap); no
 * internal key in a message; the preview's counts are the import's counts; the template reads back in.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { createProjectService } from '../../../../../shared/service/project-service';
import { unwrap } from '../../../../../shared/result';
import { formatIssue } from '../../../../../shared/i18n/messages';
import { leeftijden, waardeKey } from '../../../../../shared/importers/partners/taxonomie-waarden';
import { partnerSjabloon, SJABLOON_KOLOMMEN } from '../../../../../shared/importers/partners/sjabloon';
import { FIXED_NOW, sha256, sql } from '../../../../helpers/db';

async function service() {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('Voorstellen'));
  return s;
}
const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

/** Odd values as a gebiedsteam writes them, 14 organisations with 20 offers; 4 rows carry an unknown value. */
const LIJST = [
  'Organisatie;Soort organisatie;Aanbod;Doelgroepen;Leefgebieden',
  ...Array.from({ length: 14 }, (_, i) => [
    `Org ${i + 1};Welzijn;Aanbod ${i + 1}a;Ouderen;Welzijn`,
    ...(i < 6 ? [`Org ${i + 1};Welzijn;Aanbod ${i + 1}b;Volwassenen;Zorg`] : []),
  ]).flat(),
]
  .join('\n')
  .replace('Org 1;Welzijn;Aanbod 1a;Ouderen', 'Org 1;Welzijn;Aanbod 1a;jeugd 12-18')
  .replace('Org 2;Welzijn;Aanbod 2a;Ouderen', 'Org 2;Welzijn;Aanbod 2a;mensen met LVB')
  .replace('Org 3;Welzijn;Aanbod 3a;Ouderen', 'Org 3;Welzijn;Aanbod 3a;kinderen 10-14')
  .replace('Org 4;Welzijn;Aanbod 4a;Ouderen', 'Org 4;Buurtvereniging;Aanbod 4a;Ouderen')
  .replace('Org 5;Welzijn;Aanbod 5a;Ouderen;Welzijn', 'Org 5;Welzijn;Aanbod 5a;Ouderen;Welzjin')
  .concat('\n');

describe('suggestions for unknown values', () => {
  it('reads age ranges', () => {
    expect(leeftijden('jeugd 12-18')).toEqual([12, 18]);
    expect(leeftijden('Kinderen 4–12 jaar')).toEqual([4, 12]);
    expect(leeftijden('4 t/m 12 jaar')).toEqual([4, 12]);
    expect(leeftijden('Ouderen 65+')).toEqual([65, 120]);
    expect(leeftijden('55 jaar en ouder')).toEqual([55, 120]);
    expect(leeftijden('Mantelzorgers')).toBeNull();
  });

  it('preselects only suggestions whose meaning fits one item; the rest are offered, not chosen', async () => {
    const s = await service();
    const p = unwrap(await s.previewPartnersImport(csv('lijst.csv', LIJST), { voorstellenOvernemen: true }));
    const by = new Map(p.onbekend.map((o) => [o.waarde, o]));
    // 12-18 lies within 12–27 and touches 4–12 only at 12: Jongeren, preselected; never "Kinderen 4–12 jaar".
    expect(by.get('jeugd 12-18')).toMatchObject({
      voorstel: 'jongeren_12_27',
      zeker: true,
      keuze: { code: 'jongeren_12_27' },
    });
    // A known word in it.
    expect(by.get('mensen met LVB')).toMatchObject({ voorstel: 'lvb', zeker: true, keuze: { code: 'lvb' } });
    // 10-14 overlaps two items as much: a suggestion, not chosen.
    expect(by.get('kinderen 10-14')).toMatchObject({ zeker: false, keuze: null });
    expect(['jeugd_4_12', 'jongeren_12_27']).toContain(by.get('kinderen 10-14')!.voorstel);
    // "Buurtvereniging" is no whole word of any soort, and "Welzjin" only looks like Welzijn: not chosen.
    expect(by.get('Buurtvereniging')).toMatchObject({ keuze: null });
    expect(by.get('Welzjin')).toMatchObject({ voorstel: 'welzijn', zeker: false, keuze: null });
    // Without voorstellenOvernemen (the CLI) nothing is chosen.
    const cli = unwrap(await s.previewPartnersImport(csv('lijst.csv', LIJST), {}));
    expect(cli.onbekend.every((o) => o.keuze === null)).toBe(true);
  });

  it('never shows an internal key in a message', async () => {
    const s = await service();
    const p = unwrap(await s.previewPartnersImport(csv('lijst.csv', LIJST), { voorstellenOvernemen: true }));
    const soort = p.problemen.find((i) => i.code === 'lijst.waarde-onbekend' && i.params?.waarde === 'Buurtvereniging');
    expect(soort).toBeDefined();
    for (const taal of ['nl', 'en'] as const) {
      const tekst = formatIssue(soort!, taal);
      expect(tekst).not.toContain('soort_organisatie');
      expect(tekst).toContain(taal === 'nl' ? 'soort organisatie' : 'kind of organisation');
    }
  });

  it("the preview's counts are the import's counts, also before every value is chosen", async () => {
    const s = await service();
    const file = csv('lijst.csv', LIJST);
    const p = unwrap(await s.previewPartnersImport(file, { voorstellenOvernemen: true }));
    expect(p.kanImporteren).toBe(false);
    expect([p.nieuweOrganisaties, p.nieuweVoorzieningen]).toEqual([14, 20]);
    const open = p.onbekend.filter((o) => o.keuze === null);
    const waarden = Object.fromEntries(
      open.map((o) => [waardeKey(o.taxonomie, o.waarde), o.voorstel ? { code: o.voorstel } : ('toevoegen' as const)]),
    );
    const options = { voorstellenOvernemen: true, waarden };
    const p2 = unwrap(await s.previewPartnersImport(file, options));
    expect(p2.problemen.filter((i) => i.level === 'fout')).toEqual([]);
    expect(p2.kanImporteren).toBe(true);
    const r = unwrap(await s.importPartners(file, options)).result;
    expect([r.organisaties, r.voorzieningen]).toEqual([p.nieuweOrganisaties, p.nieuweVoorzieningen]);
    expect([r.organisaties, r.voorzieningen]).toEqual([p2.nieuweOrganisaties, p2.nieuweVoorzieningen]);
  });

  it('the template has the columns Wijkweb recognises, and a filled-in copy imports', async () => {
    const s = await service();
    const tax = unwrap(await s.listTaxonomieen());
    const bytes = partnerSjabloon(tax, 'nl');
    const book = XLSX.read(bytes);
    expect(book.SheetNames).toEqual(['Partnerlijst', 'Toelichting']);
    const kop = XLSX.utils.sheet_to_json<string[]>(book.Sheets['Partnerlijst']!, { header: 1 })[0];
    expect(kop).toEqual(SJABLOON_KOLOMMEN.map((k) => k.kop));
    const uitleg = XLSX.utils.sheet_to_json<string[]>(book.Sheets['Toelichting']!, { header: 1 });
    expect(uitleg.flat().join(' ')).toContain('Jongeren 12–27 jaar');
    // Filled in: every column recognised, one row imported.
    XLSX.utils.sheet_add_aoa(
      book.Sheets['Partnerlijst']!,
      [
        [
          'Buurthuis De Linde',
          'Welzijn',
          'Lindestraat 1',
          '7523 AB',
          'Enschede',
          '',
          'https://example.org',
          '053 123 45 67',
          'info@example.org',
          'Inloop ouderen',
          'Welzijn',
          'Ouderen 65+',
          'collectief',
          'vrij toegankelijk',
          '2',
          'actief',
          '1-9-2024',
          '',
          '',
          'balie',
          '',
        ],
      ],
      { origin: 'A2' },
    );
    const gevuld = {
      name: 'partners.xlsx',
      bytes: new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' })),
    };
    const p = unwrap(await s.previewPartnersImport(gevuld, {}));
    expect(p.blad).toBe('Partnerlijst');
    expect(p.kolommen.filter((k) => k.veld === null).map((k) => k.kop)).toEqual([]);
    expect(p.fouten).toBe(0);
    expect([p.nieuweOrganisaties, p.nieuweVoorzieningen]).toEqual([1, 1]);
    const en = XLSX.read(partnerSjabloon(tax, 'en'));
    expect(en.SheetNames).toEqual(['Partnerlijst', 'Explanation']);
  });
});
