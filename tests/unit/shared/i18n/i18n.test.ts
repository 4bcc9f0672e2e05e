import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../../../shared/i18n/messages';

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
