/** Pure parts of the Gegevens view: filters, sorting, the export of a view, form helpers, shortcuts, texts. */
import { describe, expect, it } from 'vitest';
import {
  compareValues,
  matchesFilter,
  rangeBetween,
  sortValue,
} from '../../../../../renderer/features/gegevens/table-logic';
import { exportFileName, toCsvNl, toXlsx } from '../../../../../renderer/features/gegevens/export';
import { parseCount, problemFromError } from '../../../../../renderer/features/gegevens/form-helpers';
import { isTextEntry, undoShortcut } from '../../../../../renderer/app/shortcuts';
import nl from '../../../../../shared/i18n/gegevens.nl.json';
import en from '../../../../../shared/i18n/gegevens.en.json';
import * as XLSX from 'xlsx';

describe('column filters', () => {
  it('match words anywhere, without case or accents', () => {
    expect(matchesFilter('Wijkcentrum ’t Nije Terphoes', 'nije wijk')).toBe(true);
    expect(matchesFilter('Café de Brink', 'cafe')).toBe(true);
    expect(matchesFilter('Alifa', 'tactus')).toBe(false);
    expect(matchesFilter(null, 'x')).toBe(false);
    expect(matchesFilter('x', '  ')).toBe(true);
  });
  it('compare numbers, and "-" finds empty cells', () => {
    expect(matchesFilter(12, '> 10', true)).toBe(true);
    expect(matchesFilter(10, '>10', true)).toBe(false);
    expect(matchesFilter(10, '<=10', true)).toBe(true);
    expect(matchesFilter(3, '=3', true)).toBe(true);
    expect(matchesFilter(null, '>1', true)).toBe(false);
    expect(matchesFilter(null, '-')).toBe(true);
    expect(matchesFilter('', '-')).toBe(true);
    expect(matchesFilter('a', '-')).toBe(false);
    expect(matchesFilter(123, '12', true)).toBe(true);
  });
});

describe('sorting', () => {
  it('in Dutch order, numbers by value, empty cells last', () => {
    const names = ['zorg', 'Alifa', 'ééntje', 'Buurthuis 10', 'Buurthuis 9'];
    expect([...names].sort(compareValues)).toEqual(['Alifa', 'Buurthuis 9', 'Buurthuis 10', 'ééntje', 'zorg']);
    expect([10, 9, 100].sort(compareValues)).toEqual([9, 10, 100]);
    expect(sortValue(null)).toBeUndefined();
    expect(sortValue('')).toBeUndefined();
    expect(sortValue(0)).toBe(0);
  });
  it('a shift-click range goes either way', () => {
    expect(rangeBetween(2, 5)).toEqual([2, 3, 4, 5]);
    expect(rangeBetween(5, 2)).toEqual([2, 3, 4, 5]);
    expect(rangeBetween(3, 3)).toEqual([3]);
  });
});

describe('export of a view', () => {
  const view = {
    columns: ['Naam', 'Aantal', 'Notities'],
    rows: [
      ['=HYPERLINK("http://x")', 2.5, 'a;b'],
      ['+31 53', 3, null],
      ['-min', null, 'zegt "hoi"'],
      ['@home', 0, '\tTab'],
      ['Gewoon', 1, 'regel 1\nregel 2'],
    ],
  } as const;
  it('CSV for Excel NL: BOM, semicolons, decimal comma, CRLF, no formulas', () => {
    const csv = toCsvNl(view);
    expect(csv.startsWith('\uFEFFNaam;Aantal;Notities\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"")";2,5;"a;b"`);
    expect(lines[2]).toBe("'+31 53;3;");
    expect(lines[3]).toBe(`'-min;;"zegt ""hoi"""`);
    expect(lines[4]).toBe("'@home;0;'\tTab");
    expect(csv).toContain('Gewoon;1;"regel 1\nregel 2"');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
  it('xlsx keeps numbers as numbers and text as text (never a formula)', async () => {
    const bytes = await toXlsx(view, 'Organisaties');
    const book = XLSX.read(bytes, { type: 'array' });
    expect(book.SheetNames).toEqual(['Organisaties']);
    const sheet = book.Sheets['Organisaties']!;
    expect(sheet['A2']).toMatchObject({ t: 's', v: `'=HYPERLINK("http://x")` });
    expect(sheet['A2'].f).toBeUndefined();
    expect(sheet['B2']).toMatchObject({ t: 'n', v: 2.5 });
    expect(XLSX.utils.sheet_to_json(sheet, { header: 1 })[0]).toEqual(['Naam', 'Aantal', 'Notities']);
  });
  it('file names carry the date', () => {
    expect(exportFileName('organisaties', 'csv', new Date(2026, 10, 3))).toBe('organisaties-2026-11-03.csv');
  });
});

describe('form helpers', () => {
  it('a worker error about one field lands on that field', () => {
    expect(
      problemFromError({ code: 'invoer.ongeldig', params: { veld: 'postcode', code: 'postcode', waarde: 'x' } }),
    ).toEqual({ veld: 'postcode', code: 'postcode', params: { waarde: 'x' } });
    expect(problemFromError({ code: 'opslaan.mislukt' })).toBeNull();
  });
  it('counts as typed', () => {
    expect(parseCount('')).toBeNull();
    expect(parseCount(' 12 ')).toBe(12);
    expect(parseCount('2,5')).toBe(2.5);
    expect(parseCount('twaalf')).toBeNaN();
  });
});

describe('Ctrl+Z and Ctrl+Y', () => {
  const key = (k: string, mods: { ctrl?: boolean; shift?: boolean; meta?: boolean; alt?: boolean } = {}) => ({
    key: k,
    ctrlKey: mods.ctrl ?? false,
    shiftKey: mods.shift ?? false,
    metaKey: mods.meta ?? false,
    altKey: mods.alt ?? false,
  });
  it('are undo and redo, also with Cmd and Ctrl+Shift+Z', () => {
    expect(undoShortcut(key('z', { ctrl: true }))).toBe('undo');
    expect(undoShortcut(key('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(undoShortcut(key('y', { ctrl: true }))).toBe('redo');
    expect(undoShortcut(key('z', { meta: true }))).toBe('undo');
    expect(undoShortcut(key('z'))).toBeNull();
    expect(undoShortcut(key('z', { ctrl: true, alt: true }))).toBeNull();
    expect(undoShortcut(key('s', { ctrl: true }))).toBeNull();
  });
  it('leave typing alone: text fields, text areas and editable text undo their own typing', () => {
    expect(isTextEntry({ tagName: 'INPUT', type: 'text' } as unknown as EventTarget)).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'search' } as unknown as EventTarget)).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'date' } as unknown as EventTarget)).toBe(true);
    expect(isTextEntry({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTextEntry({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'checkbox' } as unknown as EventTarget)).toBe(false);
    expect(isTextEntry({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});

describe('texts of the Gegevens view', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
    );
  it('every Dutch text has an English one and the other way round', () => {
    expect(keys(en).sort()).toEqual(keys(nl).sort());
  });
  it('the Dutch texts say "je", never "u"', () => {
    const values = keys(nl).map((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], nl));
    for (const v of values) expect(String(v)).not.toMatch(/\b(u|uw)\b/i);
  });
});
