/** Pure parts of presentation mode (keys, stepping, cells, what a slide shows) and of the tour and first start. */
import { describe, expect, it } from 'vitest';
import type { Dia, RapportTabel } from '../../../../../shared/report/model';
import {
  breekbaar,
  celTekst,
  diaInhoud,
  diaToets,
  ernstVanCel,
  heeftTekens,
  isKnopToets,
} from '../../../../../renderer/features/presentatie/logic';
import {
  AANGEBODEN_KEY,
  GEZIEN_KEY,
  STAPPEN,
  isVoorbeeld,
  laatsteMeldingId,
  lees,
  meldGeenVoorbeeld,
  moetVoorbeeldAanbieden,
  onthoud,
  volgendeStap,
  vorigeStap,
} from '../../../../../renderer/features/rondleiding/logic';
import { VOORBEELD_NAAM } from '../../../../../renderer/state/store';
import nl from '../../../../../shared/i18n/presentatie.nl.json';
import en from '../../../../../shared/i18n/presentatie.en.json';

const TABEL: RapportTabel = {
  id: 'hiaten',
  titel: 'Hiaten per buurt en leefgebied',
  kolommen: [
    { titel: 'Buurt', soort: 'tekst' },
    { titel: 'Meldingen', soort: 'aantal' },
    { titel: 'Per 1.000', soort: 'getal', afgeleidVan: 1 },
    { titel: '65+', soort: 'procent' },
  ],
  rijen: [
    ['Boswinkel-De Braker', 42, 11.3, 16],
    ['Stadsveld-Zuid', '<5', 'x', null],
  ],
  bron: 'Cognos april 2024',
  peildatum: '2024-04-02',
};

const DIAS: Dia[] = [
  {
    soort: 'titel',
    titel: 'Enschede West',
    notitie: 'Stuurgroep 1 mei 2025',
    kerngetallen: [{ label: 'Inwoners', waarde: '3.715' }],
    bron: 'CBS 2023',
  },
  {
    soort: 'netwerk',
    titel: 'Het netwerk',
    notitie: null,
    svg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    bron: 'x',
  },
  { soort: 'kaart', titel: 'De kaart', notitie: 'Hiaten per buurt', bron: 'PDOK' },
  { soort: 'hiaten', titel: 'Hiaten', notitie: null, tabel: TABEL, bron: 'Cognos' },
];

/** Steps through the slides with a list of keys, as the presentation does. */
function druk(keys: readonly (string | [string, 'shift'])[], aantal = DIAS.length): (number | 'sluiten')[] {
  let index = 0;
  const uit: (number | 'sluiten')[] = [];
  for (const k of keys) {
    const [key, shift] = Array.isArray(k) ? [k[0], true] : [k, false];
    const actie = diaToets(key, shift, index, aantal);
    if (!actie) continue;
    if (actie.soort === 'sluiten') uit.push('sluiten');
    else uit.push((index = actie.index));
  }
  return uit;
}

describe('presentatie: keys', () => {
  it('→ ↓ PageDown Space go forward, ← ↑ PageUp Shift+Space back, Home and End to the ends', () => {
    expect(druk(['ArrowRight', 'ArrowDown', 'PageDown', 'ArrowLeft', 'ArrowUp', 'PageUp'])).toEqual([1, 2, 3, 2, 1, 0]);
    expect(druk([' ', ' ', [' ', 'shift']])).toEqual([1, 2, 1]);
    expect(druk(['End', 'Home'])).toEqual([3, 0]);
  });

  it('stops at the first and the last slide', () => {
    expect(druk(['ArrowLeft', 'PageUp'])).toEqual([0, 0]);
    expect(druk(['End', 'ArrowRight', ' ', 'PageDown'])).toEqual([3, 3, 3, 3]);
  });

  it('Esc leaves; F5 is swallowed (no reload); other keys are not ours', () => {
    expect(druk(['ArrowRight', 'Escape'])).toEqual([1, 'sluiten']);
    expect(diaToets('F5', false, 2, 4)).toEqual({ soort: 'naar', index: 2 });
    expect(diaToets('a', false, 0, 4)).toBeNull();
    expect(diaToets('Tab', false, 0, 4)).toBeNull();
    expect(diaToets('Enter', false, 0, 4)).toBeNull();
  });

  it('without slides the arrows stay on 0 and Esc still leaves', () => {
    expect(druk(['ArrowRight', 'End', 'Escape'], 0)).toEqual([0, 0, 'sluiten']);
  });

  it('Space and Enter on a focused button belong to the button', () => {
    expect(isKnopToets(' ')).toBe(true);
    expect(isKnopToets('Enter')).toBe(true);
    expect(isKnopToets('ArrowRight')).toBe(false);
  });
});

describe('presentatie: slides', () => {
  it('knows what each slide shows', () => {
    expect(DIAS.map(diaInhoud)).toEqual(['kerngetallen', 'plaat', 'alleen-notitie', 'tabel']);
    expect(diaInhoud({ soort: 'titel', titel: 'T', notitie: null, bron: '' })).toBe('alleen-notitie');
    expect(diaInhoud({ soort: 'hiaten', titel: 'H', notitie: null, bron: '' })).toBe('alleen-notitie');
    expect(diaInhoud({ ...DIAS[3]!, tabel: { ...TABEL, rijen: [] } })).toBe('alleen-notitie');
  });

  it('writes cells in Dutch with the column decimals, keeps protected text, and a dot for nothing', () => {
    const [buurt, aantal, per1000, procent] = TABEL.kolommen;
    expect(celTekst('Boswinkel', buurt, 'nl')).toBe('Boswinkel');
    expect(celTekst(1234, aantal, 'nl')).toBe('1.234');
    expect(celTekst(11.25, per1000, 'nl')).toBe('11,3');
    expect(celTekst(16, procent, 'nl')).toBe('16,0 %');
    expect(celTekst(16, procent, 'en')).toBe('16.0 %');
    expect(celTekst('<5', aantal, 'nl')).toBe('<5');
    expect(celTekst('x', per1000, 'nl')).toBe('x');
    expect(celTekst(null, aantal, 'nl')).toBe('.');
    expect(celTekst(1200, { titel: 'Kosten', soort: 'geld' }, 'nl')).toMatch(/^€\s?1\.200$/);
    expect(celTekst(3, undefined, 'nl')).toBe('3');
  });

  it('reads a gap cell as its severity, and lets long headers wrap after a slash', () => {
    expect(['Ernstig hiaat', 'Hiaat', 'Aandacht', 'Geen hiaat', 'Geen gegevens'].map(ernstVanCel)).toEqual([
      'ernstig',
      'hiaat',
      'aandacht',
      'geen',
      'geen-gegevens',
    ]);
    // A matrix in English (the report's language) says them in English.
    expect(['Serious gap', 'Gap', 'Attention', 'No gap', 'No data'].map(ernstVanCel)).toEqual([
      'ernstig',
      'hiaat',
      'aandacht',
      'geen',
      'geen-gegevens',
    ]);
    expect(ernstVanCel('Boswinkel')).toBeNull();
    expect(ernstVanCel(3)).toBeNull();
    expect(ernstVanCel(null)).toBeNull();
    expect(breekbaar('Welzijn/Recreatie/vrije tijd')).toBe('Welzijn/\u200BRecreatie/\u200Bvrije tijd');
  });

  it('explains the signs only when the table has them', () => {
    expect(heeftTekens(TABEL)).toBe(true);
    expect(heeftTekens({ ...TABEL, rijen: [TABEL.rijen[0]!] })).toBe(false);
  });
});

describe('rondleiding', () => {
  it('has four steps: kaart, hiaat, netwerk, rapport, each with its view and texts in both languages', () => {
    expect(STAPPEN.map((s) => s.view)).toEqual(['kaart', 'hiaten', 'netwerk', 'rapport']);
    for (const s of STAPPEN) {
      expect(nl.rondleiding.stap[s.id].titel).toBeTruthy();
      expect(en.rondleiding.stap[s.id].tekst).toBeTruthy();
    }
  });

  it('steps forward to the end and back to the start', () => {
    const gezien: number[] = [];
    for (let s: number | null = 0; s !== null; s = volgendeStap(s)) gezien.push(s);
    expect(gezien).toEqual([0, 1, 2, 3]);
    expect(vorigeStap(2)).toBe(1);
    expect(vorigeStap(0)).toBe(0);
  });

  it('remembers in storage, and survives storage that throws', () => {
    const map = new Map<string, string>();
    const opslag = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
    expect(lees(opslag, GEZIEN_KEY)).toBe(false);
    onthoud(opslag, GEZIEN_KEY);
    expect(lees(opslag, GEZIEN_KEY)).toBe(true);
    expect(map.get('wijkweb.rondleiding.gezien')).toBe('1');
    const kapot = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(lees(kapot, AANGEBODEN_KEY)).toBe(false);
    expect(() => onthoud(kapot, AANGEBODEN_KEY)).not.toThrow();
    expect(lees(null, AANGEBODEN_KEY)).toBe(false);
  });

  it('offers the voorbeeldproject only on a real first start', () => {
    expect(moetVoorbeeldAanbieden({ projectOpen: false, recent: 0, aangeboden: false })).toBe(true);
    expect(moetVoorbeeldAanbieden({ projectOpen: true, recent: 0, aangeboden: false })).toBe(false);
    expect(moetVoorbeeldAanbieden({ projectOpen: false, recent: 1, aangeboden: false })).toBe(false);
    expect(moetVoorbeeldAanbieden({ projectOpen: false, recent: 0, aangeboden: true })).toBe(false);
    expect(AANGEBODEN_KEY).toBe('wijkweb.voorbeeld.aangeboden');
  });

  it('says the voorbeeldproject is missing only when opening it did not show an error already', () => {
    const oud = [{ id: 4, kind: 'error' }];
    expect(laatsteMeldingId(oud)).toBe(4);
    expect(laatsteMeldingId([])).toBe(0);
    expect(meldGeenVoorbeeld(oud, 4)).toBe(true);
    expect(meldGeenVoorbeeld([...oud, { id: 5, kind: 'info' }], 4)).toBe(true);
    // A new error replaces the old one: still seen.
    expect(meldGeenVoorbeeld([{ id: 5, kind: 'error' }], 4)).toBe(false);
  });

  it('recognises the voorbeeldproject by its file name', () => {
    expect(isVoorbeeld(VOORBEELD_NAAM, VOORBEELD_NAAM)).toBe(true);
    expect(isVoorbeeld('Voorbeeldproject Enschede West (2).wijkweb', VOORBEELD_NAAM)).toBe(true);
    expect(isVoorbeeld('Enschede West.wijkweb', VOORBEELD_NAAM)).toBe(false);
  });
});
