/**
 * Names further out with a line (shared/netwerk-labels.ts): a hub whose neighbours leave no room beside it still gets
 * its name, further out, over no knoop and no other name, with a line from its outline to the name.
 */
import { describe, expect, it } from 'vitest';
import { leiderBox, plaatsLabels, type Box, type LabelKandidaat } from '../../../shared/netwerk-labels';

const meet = (t: string) => t.length * 0.6;
const raakt = (a: Box, b: Box) => a.x1 < b.x2 && a.x2 > b.x1 && a.y1 < b.y2 && a.y2 > b.y1;

/** A hub in the middle of a tight ring of small knopen (no names), and two named knopen further off. */
function drukkeHub(): LabelKandidaat[] {
  const out: LabelKandidaat[] = [{ id: 'hub', x: 300, y: 200, rx: 14, ry: 14, naam: 'Wijkteam Centrum', gewicht: 100 }];
  for (let ring = 1; ring <= 5; ring++)
    for (let i = 0; i < 12 * ring; i++) {
      const a = (i / (12 * ring)) * 2 * Math.PI;
      out.push({
        id: `r${ring}-${i}`,
        x: 300 + Math.cos(a) * (14 + ring * 11),
        y: 200 + Math.sin(a) * (14 + ring * 11),
        rx: 4,
        ry: 4,
        naam: '',
        gewicht: 0,
      });
    }
  out.push({ id: 'a', x: 80, y: 60, rx: 6, ry: 6, naam: 'Bibliotheek', gewicht: 5 });
  out.push({ id: 'b', x: 520, y: 340, rx: 6, ry: 6, naam: 'Buurthuis', gewicht: 4 });
  return out;
}

describe('names further out, with a line', () => {
  const opties = { breedte: 600, hoogte: 400, fontPx: 14, kleinPx: 12, belangrijk: 10, meet };

  it('without lines the hub’s name lands further out with nothing to say whose it is', () => {
    const hub = plaatsLabels(drukkeHub(), opties).find((n) => n.id === 'hub')!;
    expect(hub.leider).toBeUndefined();
    const [cx, cy] = [(hub.box.x1 + hub.box.x2) / 2, (hub.box.y1 + hub.box.y2) / 2];
    expect(Math.hypot(cx - 300, cy - 200)).toBeGreaterThan(60);
  });

  it('with lines the hub is named further out, over no knoop and no name, its line from its outline', () => {
    const k = drukkeHub();
    const namen = plaatsLabels(k, { ...opties, leiders: 1 });
    const hub = namen.find((n) => n.id === 'hub')!;
    expect(hub.tekst).toBe('Wijkteam Centrum');
    expect(hub.leider).toBeDefined();
    const l = hub.leider!;
    expect(Math.hypot(l.x1 - 300, l.y1 - 200)).toBeCloseTo(14, 5);
    expect(Math.hypot(l.x2 - 300, l.y2 - 200)).toBeGreaterThan(14 + 3 * 12);
    for (const o of k.filter((x) => x.id !== 'hub'))
      expect(raakt(hub.box, { x1: o.x - o.rx, y1: o.y - o.ry, x2: o.x + o.rx, y2: o.y + o.ry })).toBe(false);
    for (const n of namen) if (n.id !== 'hub') expect(raakt(hub.box, n.box)).toBe(false);
    // The names beside their knoop have no line.
    expect(namen.filter((n) => n.id !== 'hub').every((n) => !n.leider)).toBe(true);
  });

  it('puts the name with its near side at the end of the line, in each direction', () => {
    const k: LabelKandidaat = { id: 'x', x: 0, y: 0, rx: 10, ry: 10, naam: 'x', gewicht: 0 };
    const rechts = leiderBox(k, 0, 30, 50, 16);
    expect(rechts.plek).toBe('rechts');
    expect(rechts.box.x1).toBeCloseTo(40);
    expect(rechts.leider).toEqual({ x1: 10, y1: 0, x2: 40, y2: 0 });
    const onder = leiderBox(k, Math.PI / 2, 30, 50, 16);
    expect(onder.plek).toBe('onder');
    expect(onder.box.y1).toBeCloseTo(40);
    expect((onder.box.x1 + onder.box.x2) / 2).toBeCloseTo(0);
    expect(leiderBox(k, Math.PI, 30, 50, 16).box.x2).toBeCloseTo(-40);
    expect(leiderBox(k, -Math.PI / 2, 30, 50, 16).box.y2).toBeCloseTo(-40);
  });
});
