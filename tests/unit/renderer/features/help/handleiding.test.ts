import { describe, expect, it } from 'vitest';
import { handleiding, platteTekst, zoek } from '../../../../../renderer/features/help/inhoud';

describe('handleiding', () => {
  it('has the same parts and terms in Dutch and English, and every term link goes to a term', () => {
    const nl = handleiding('nl');
    const en = handleiding('en');
    expect(en.secties.map((s) => s.id)).toEqual(nl.secties.map((s) => s.id));
    expect(en.begrippen.map((b) => b.id)).toEqual(nl.begrippen.map((b) => b.id));
    for (const h of [nl, en]) {
      const ids = new Set(h.begrippen.map((b) => b.id));
      const tekst = JSON.stringify(h.secties);
      for (const m of tekst.matchAll(/\[\[([^|\]]+)/g)) expect(ids.has(m[1]!), m[1]).toBe(true);
    }
    // A part for every view, and for the three kinds of data.
    for (const id of [
      'overzicht',
      'gegevens',
      'netwerk',
      'kaart',
      'hiaten',
      'rapport',
      'importeren',
      'gebieden',
      'metingen',
      'cbs',
      'cognos',
      'partnerlijst',
    ])
      expect(
        nl.secties.some((s) => s.id === id),
        id,
      ).toBe(true);
    for (const id of ['hiaat', 'voorliggend-veld', 'peildatum', 'betweenness']) expect(ids(nl).has(id), id).toBe(true);
  });

  it('finds every word, accents and case ignored', () => {
    const nl = handleiding('nl');
    expect(zoek(nl, 'StatLine').secties).toEqual(['cbs']);
    expect(zoek(nl, 'makelaar').begrippen).toEqual(['betweenness']);
    expect(zoek(nl, 'cliënten').secties).toContain('cognos');
    expect(zoek(nl, 'CLIENTEN unieke').secties).toContain('cognos');
    expect(zoek(nl, 'xyzzy')).toEqual({ secties: [], begrippen: [] });
    expect(platteTekst('Een [[hiaat]] en [[peildatum|peildata]].')).toBe('Een hiaat en peildata.');
  });
});

function ids(h: ReturnType<typeof handleiding>) {
  return new Set(h.begrippen.map((b) => b.id));
}
