import { describe, expect, it } from 'vitest';
import { labelVak, plaatsLabels, type LabelKandidaat } from '../../../../shared/report/plates';

const kader = { x: 0, y: 0, w: 1000, h: 800 };
const k = (code: string, x: number, y: number, extra: Partial<LabelKandidaat> = {}): LabelKandidaat => ({
  code,
  tekst: `Buurt ${code}`,
  x,
  y,
  breedteVlak: 200,
  oppervlak: 1000,
  gekozen: false,
  ...extra,
});

describe('labels on the map plate (issue 21)', () => {
  it('never overlap: the larger buurt keeps its label, the selection goes first', () => {
    const a = k('a', 500, 400, { oppervlak: 500 });
    const b = k('b', 510, 405, { oppervlak: 900 });
    const c = k('c', 520, 395, { oppervlak: 100, gekozen: true });
    expect(plaatsLabels([a, b, c], 15, kader).map((l) => l.code)).toEqual(['c']);
    expect(plaatsLabels([a, b], 15, kader).map((l) => l.code)).toEqual(['b']);
  });

  it('leave out a label much wider than its buurt, or off the map', () => {
    const smal = k('smal', 300, 300, { breedteVlak: 10 });
    const rand = k('rand', 995, 300);
    expect(plaatsLabels([smal, rand], 15, kader)).toEqual([]);
  });

  it('places many without any two boxes overlapping', () => {
    const veel = Array.from({ length: 200 }, (_, i) =>
      k(String(i), 50 + ((i * 37) % 900), 30 + ((i * 53) % 740), { oppervlak: i }),
    );
    const geplaatst = plaatsLabels(veel, 15, kader);
    expect(geplaatst.length).toBeGreaterThan(10);
    const vakken = geplaatst.map((l) => labelVak(l, 15));
    for (let i = 0; i < vakken.length; i++)
      for (let j = i + 1; j < vakken.length; j++) {
        const [p, q] = [vakken[i]!, vakken[j]!];
        expect(p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1).toBe(false);
      }
  });
});
