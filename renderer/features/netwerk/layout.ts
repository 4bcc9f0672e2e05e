/**
 * Layouts that need no physics, as pure functions (fast for any size, the same every time): grouped by wijk, buurt or
 * sector, concentric by a metric, and a place for a knoop that has none yet. The force-directed layout (fcose) runs in
 * its own worker (layout.worker.ts) so it never blocks the page.
 */
import type { NetwerkData, NetwerkKnoop } from '../../../shared/contract';

export interface Punt {
  readonly x: number;
  readonly y: number;
}

export const AFSTAND = 80;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** The i-th point of a sunflower spiral (evenly filled disc; index 0 in the middle). */
export function spiraal(i: number, afstand = AFSTAND): Punt {
  if (i === 0) return { x: 0, y: 0 };
  const r = afstand * Math.sqrt(i + 0.5) * 0.7;
  const a = i * GOLDEN_ANGLE;
  return { x: round(r * Math.cos(a)), y: round(r * Math.sin(a)) };
}

const round = (n: number) => Math.round(n * 10) / 10 || 0;

/** The radius a spiral of n points takes. */
export const spiraalStraal = (n: number, afstand = AFSTAND) => (n <= 1 ? afstand / 2 : afstand * Math.sqrt(n) * 0.7);

export type Groepering = 'wijk' | 'buurt' | 'sector';
export const ZONDER_GROEP = '__zonder';

/** The group of a knoop for a grouped layout. */
export function groepVan(k: NetwerkKnoop, groepering: Groepering): string {
  if (groepering === 'sector') return k.soort === 'gebied' ? '__gebieden' : (k.sector ?? ZONDER_GROEP);
  if (groepering === 'wijk') return k.wijkCode ?? ZONDER_GROEP;
  return k.buurtCode ?? (k.soort === 'gebied' && k.niveau === 'wijk' ? (k.wijkCode ?? ZONDER_GROEP) : ZONDER_GROEP);
}

export interface GroepItem {
  readonly id: string;
  readonly groep: string;
  /** Higher weight: nearer the middle of its group (e.g. its number of relations). */
  readonly gewicht: number;
}

export interface GroepResultaat {
  readonly posities: Map<string, Punt>;
  /** Where each group's name goes (above its disc). */
  readonly labels: readonly { readonly groep: string; readonly x: number; readonly y: number }[];
}

/**
 * Each group a disc (a sunflower spiral, the heaviest knoop in the middle); the discs in rows, largest first, rows
 * about as wide as the whole is high. `volgorde` orders groups of equal size (e.g. by code).
 */
export function groepIndeling(items: readonly GroepItem[], afstand = AFSTAND): GroepResultaat {
  const groepen = new Map<string, GroepItem[]>();
  for (const it of items) groepen.set(it.groep, [...(groepen.get(it.groep) ?? []), it]);
  const lijst = [...groepen]
    .map(([groep, leden]) => ({
      groep,
      leden: [...leden].sort((a, b) => b.gewicht - a.gewicht || a.id.localeCompare(b.id)),
      straal: spiraalStraal(leden.length, afstand) + afstand * 0.6,
    }))
    .sort(
      (a, b) =>
        Number(a.groep === ZONDER_GROEP) - Number(b.groep === ZONDER_GROEP) ||
        b.leden.length - a.leden.length ||
        a.groep.localeCompare(b.groep),
    );
  const area = lijst.reduce((s, g) => s + (2 * g.straal) ** 2, 0);
  const breedte = lijst.reduce((m, g) => Math.max(m, 2 * g.straal), Math.sqrt(area) * 1.2);
  const posities = new Map<string, Punt>();
  const labels: { groep: string; x: number; y: number }[] = [];
  const labelRuimte = afstand * 1.2;
  let x = 0;
  let y = 0;
  let rijHoogte = 0;
  for (const g of lijst) {
    const d = 2 * g.straal;
    if (x > 0 && x + d > breedte) {
      x = 0;
      y += rijHoogte + labelRuimte;
      rijHoogte = 0;
    }
    const cx = x + g.straal;
    const cy = y + labelRuimte + g.straal;
    g.leden.forEach((it, i) => {
      const p = spiraal(i, afstand);
      posities.set(it.id, { x: round(cx + p.x), y: round(cy + p.y) });
    });
    labels.push({ groep: g.groep, x: round(cx), y: round(y + labelRuimte / 2) });
    x += d + afstand * 0.5;
    rijHoogte = Math.max(rijHoogte, d + labelRuimte);
  }
  return { posities, labels };
}

/**
 * Rings around the middle: the highest value in the middle, then ever wider rings. Knopen with the same value stay
 * on one ring where they fit.
 */
export function concentrisch(items: readonly { id: string; waarde: number }[], afstand = AFSTAND): Map<string, Punt> {
  const sorted = [...items].sort((a, b) => b.waarde - a.waarde || a.id.localeCompare(b.id));
  const out = new Map<string, Punt>();
  let i = 0;
  let ring = 0;
  while (i < sorted.length) {
    const straal = ring * afstand * 1.1;
    const capaciteit = ring === 0 ? 1 : Math.max(1, Math.floor((2 * Math.PI * straal) / afstand));
    const op = sorted.slice(i, i + capaciteit);
    op.forEach((it, j) => {
      const a = (2 * Math.PI * j) / op.length - Math.PI / 2 + ring * 0.35;
      out.set(it.id, { x: round(straal * Math.cos(a)), y: round(straal * Math.sin(a)) });
    });
    i += op.length;
    ring++;
  }
  return out;
}

/** A small, fixed offset per id (so two new knopen next to the same neighbour do not land on one spot). */
export function hashHoek(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 0) / 4294967296) * 2 * Math.PI;
}

/**
 * A place for a knoop that has no position yet: near its neighbours that have one; otherwise below what is
 * already on the map (the `index`-th such knoop), so it is visible and overlaps nothing.
 */
export function plaatsNieuw(
  id: string,
  buren: readonly Punt[],
  bbox: { x1: number; x2: number; y2: number } | null,
  index: number,
  afstand = AFSTAND,
): Punt {
  const a = hashHoek(id);
  if (buren.length > 0) {
    const cx = buren.reduce((s, p) => s + p.x, 0) / buren.length;
    const cy = buren.reduce((s, p) => s + p.y, 0) / buren.length;
    return { x: round(cx + Math.cos(a) * afstand * 0.8), y: round(cy + Math.sin(a) * afstand * 0.8) };
  }
  if (!bbox) return spiraal(index, afstand);
  const perRij = Math.max(1, Math.floor((bbox.x2 - bbox.x1) / afstand) + 1);
  return {
    x: round(bbox.x1 + (index % perRij) * afstand),
    y: round(bbox.y2 + afstand * (1.5 + Math.floor(index / perRij))),
  };
}

/** The group label knopen of a grouped layout: 'groep:wijk:WK034402'. */
export const GROEP_PREFIX = 'groep:';
export const groepLabelId = (groepering: Groepering, groep: string) => `${GROEP_PREFIX}${groepering}:${groep}`;

export function parseGroepLabelId(id: string): { groepering: Groepering; groep: string } | null {
  if (!id.startsWith(GROEP_PREFIX)) return null;
  const rest = id.slice(GROEP_PREFIX.length);
  const i = rest.indexOf(':');
  const groepering = rest.slice(0, i);
  if (groepering !== 'wijk' && groepering !== 'buurt' && groepering !== 'sector') return null;
  return { groepering, groep: rest.slice(i + 1) };
}

/** The name shown on a group label. */
export function groepNaam(
  groepering: Groepering,
  groep: string,
  data: Pick<NetwerkData, 'gebieden' | 'labels'>,
  teksten: { zonder: string; gebieden: string },
): string {
  if (groep === ZONDER_GROEP) return teksten.zonder;
  if (groep === '__gebieden') return teksten.gebieden;
  if (groepering === 'sector') return data.labels['soort_organisatie']?.[groep] ?? groep;
  return data.gebieden[groep]?.naam ?? groep;
}

export interface NaamKnoop {
  readonly id: string;
  /** Half the knoop's size (model units). */
  readonly r: number;
  /** The room its name takes on the screen (px), for the knopen whose names must be on the map; else null. */
  readonly naam: { readonly w: number; readonly h: number } | null;
}

/**
 * After a force layout: the knopen whose names matter most get a free place for their name right below them. Other
 * knopen in that place move just outside it (the shortest way: left, right or down). `zoom` is the scale the whole
 * will be drawn at (px per model unit), so the room is meant on the screen. A few rounds, as one move may land in
 * another name's place.
 */
export function maakNaamRuimte(
  posities: Map<string, Punt>,
  knopen: readonly NaamKnoop[],
  zoom: number,
  marge = 6,
): Map<string, Punt> {
  const out = new Map(posities);
  const z = Math.max(zoom, 1e-3);
  const metNaam = knopen.filter((k) => k.naam && out.has(k.id));
  for (let ronde = 0; ronde < 4; ronde++) {
    let bewogen = false;
    for (const k of metNaam) {
      const p = out.get(k.id)!;
      const w = (k.naam!.w + 2 * marge) / z;
      const h = (k.naam!.h + 2 * marge) / z;
      const box = { x1: p.x - w / 2, x2: p.x + w / 2, y1: p.y + k.r, y2: p.y + k.r + h };
      for (const o of knopen) {
        if (o.id === k.id) continue;
        const q = out.get(o.id);
        if (!q) continue;
        const rr = o.r + marge / z;
        if (q.x + rr <= box.x1 || q.x - rr >= box.x2 || q.y + rr <= box.y1 || q.y - rr >= box.y2) continue;
        const links = q.x + rr - box.x1;
        const rechts = box.x2 - (q.x - rr);
        const onder = box.y2 - (q.y - rr);
        const min = Math.min(links, rechts, onder);
        const nieuw =
          min === onder
            ? { x: q.x, y: q.y + onder }
            : min === links
              ? { x: q.x - links, y: q.y }
              : { x: q.x + rechts, y: q.y };
        out.set(o.id, { x: round(nieuw.x), y: round(nieuw.y) });
        bewogen = true;
      }
    }
    if (!bewogen) break;
  }
  return out;
}
