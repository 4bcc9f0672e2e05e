import { describe, expect, it } from 'vitest';
import { forceLayout } from '../../../../shared/report/plates';

/** The network plate's layout for knopen without a saved position (ForceAtlas2, issue 20 item 6). */

function netwerk(n: number) {
  let seed = 11;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const ids = Array.from({ length: n }, (_, i) => `organisatie:${i}`);
  const edges: [string, string][] = [];
  for (let i = 1; i < n; i++) edges.push([ids[i]!, ids[Math.floor(rnd() * i)]!]);
  for (let e = 0; e < n / 2; e++) edges.push([ids[Math.floor(rnd() * n)]!, ids[Math.floor(rnd() * n)]!]);
  // A relation twice and a loop: one heavier edge, and nothing.
  edges.push([ids[1]!, ids[0]!], [ids[2]!, ids[2]!]);
  return { ids, edges };
}

const afstand = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('the network plate lays out knopen without a saved position', () => {
  it('the same network gives the same layout, every position finite and no two knopen on one spot', () => {
    const { ids, edges } = netwerk(80);
    const a = forceLayout(ids, edges, new Map());
    const b = forceLayout(
      [...ids],
      edges.map(([x, y]) => [x, y] as const),
      new Map(),
    );
    expect([...a]).toEqual([...b]);
    expect([...a.keys()]).toEqual(ids);
    const p = [...a.values()];
    for (const q of p) expect(Number.isFinite(q.x) && Number.isFinite(q.y)).toBe(true);
    for (let i = 0; i < p.length; i++)
      for (let j = i + 1; j < p.length; j++) expect(afstand(p[i]!, p[j]!)).toBeGreaterThan(1);
  });

  it('keeps saved positions exactly and places the others near their partners', () => {
    const { ids, edges } = netwerk(40);
    const vast = new Map(
      ids.slice(1).map((id, i) => [id, { x: 1000 + (i % 6) * 120.3, y: 500 + Math.floor(i / 6) * 97.7 }]),
    );
    const pos = forceLayout(ids, edges, vast);
    for (const [id, p] of vast) expect(pos.get(id)).toEqual(p);
    // ids[0] has saved partners only: it lands among them, not at the origin.
    const partners = edges
      .filter(([x, y]) => (x === ids[0]) !== (y === ids[0]))
      .map(([x, y]) => (x === ids[0] ? y : x));
    const eigen = pos.get(ids[0]!)!;
    const midden = {
      x: partners.reduce((s, id) => s + vast.get(id)!.x, 0) / partners.length,
      y: partners.reduce((s, id) => s + vast.get(id)!.y, 0) / partners.length,
    };
    expect(afstand(eigen, midden)).toBeLessThan(300);
    expect(forceLayout(ids, edges, vast)).toEqual(pos);
  });

  it('an empty network and one knoop', () => {
    expect(forceLayout([], [], new Map()).size).toBe(0);
    const een = forceLayout(['a'], [], new Map());
    expect(Number.isFinite(een.get('a')!.x)).toBe(true);
  });
});
