import { describe, expect, it } from 'vitest';
import { CATALOGS, errorMessage } from '../../../../shared/i18n/messages';

type Node = string | { readonly [key: string]: Node };

function keys(node: Node, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(node: Node, path: string): string[] {
  let n: Node | undefined = node;
  for (const p of path.split('.')) n = typeof n === 'object' ? n[p] : undefined;
  return typeof n === 'string' ? [...n.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort() : [];
}

describe('the Dutch and English texts (all catalog files merged)', () => {
  const nl = keys(CATALOGS.nl as Node);
  const en = keys(CATALOGS.en as Node);

  it('have the same keys', () => {
    expect(nl.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !nl.includes(k))).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const differ = nl.filter(
      (k) =>
        JSON.stringify(placeholders(CATALOGS.nl as Node, k)) !== JSON.stringify(placeholders(CATALOGS.en as Node, k)),
    );
    expect(differ).toEqual([]);
  });
});

describe('errorMessage', () => {
  it('says why a field is refused when the forms have a reason for it, in Dutch and English', () => {
    const fout = { code: 'invoer.ongeldig', params: { veld: 'buurtCode', code: 'gebied-onbekend' } };
    expect(errorMessage(fout)).toBe(
      'Het veld ‘buurtCode’ is niet goed ingevuld: Wijkweb kent deze buurt niet in dit project. Kies een buurt uit de lijst. Er is niets veranderd.',
    );
    expect(errorMessage(fout, 'en')).toMatch(
      /^The field ‘buurtCode’ is not filled in correctly: .+ Nothing was changed\.$/,
    );
    expect(errorMessage({ code: 'invoer.ongeldig', params: { veld: 'naam' } })).toBe(
      'Het veld ‘naam’ is niet goed ingevuld. Er is niets veranderd.',
    );
  });
});
