/**
 * The names of the Netwerk view, drawn on a canvas of their own over Cytoscape's (issue 17): a name has a fixed size
 * on the screen, so with Cytoscape's own labels every zoom changed the style of every named knoop and Cytoscape
 * restyled and re-measured them and their lines (hundreds of ms a zoom step at 500 knopen, a second full pass after
 * the first drawing). Here a pan or zoom only moves the names with their knopen and draws them again (a few ms);
 * their places are chosen again a moment later (labels.ts). The exports (PNG, SVG) still take the names from
 * Cytoscape: NetwerkGraph writes them into the knopen's data for the length of an export.
 */
import { HALO, REGELHOOGTE, type LabelPlaatsing } from './labels';
import { KLEUR_LEIDER, KLEUR_OMLIJNING, LABEL_FONT, VORM_HOEKEN } from './style';

/**
 * The map as a quick sketch, in screen px, until Cytoscape has drawn it the first time (issue 17: Cytoscape styles
 * and measures every knoop and line before its first picture: about a second at 500 knopen, several at 5,000, and
 * the view was blank meanwhile). The same colours, shapes, sizes and names; no interaction until Cytoscape is there.
 */
export interface Schets {
  readonly knopen: readonly {
    x: number;
    y: number;
    grootte: number;
    kleur: string;
    vorm: string;
    rand: number;
    vaag: boolean;
  }[];
  readonly lijnen: readonly { x1: number; y1: number; x2: number; y2: number; kleur: string; breedte: number }[];
}

export interface Naam {
  readonly id: string;
  readonly plaatsing: LabelPlaatsing;
  /** The knoop's centre on the screen when the place was chosen: the name moves with it. */
  readonly x: number;
  readonly y: number;
  readonly vet: boolean;
  /** A buurt or wijk: its name in italics and grey, as Cytoscape drew it. */
  readonly gebied: boolean;
}

/** A drawn name as the tests and the exports see it: its box on the screen now. */
export interface GetekendeNaam {
  readonly id: string;
  readonly tekst: string;
  readonly px: number;
  readonly box: { x1: number; y1: number; x2: number; y2: number };
  /** A name further out: the line to its knoop. */
  readonly leider?: { x1: number; y1: number; x2: number; y2: number };
}

/** Where a name stands beside its knoop, as Cytoscape's label alignment (the text of a name to the right is left-aligned). */
export function uitlijning(plek: string): { lh: 'left' | 'right' | 'center'; lv: 'top' | 'bottom' | 'center' } {
  return {
    lh: plek.startsWith('rechts') ? 'right' : plek.startsWith('links') ? 'left' : 'center',
    lv: plek.endsWith('onder') ? 'bottom' : plek.endsWith('boven') ? 'top' : 'center',
  };
}

export class NamenLaag {
  readonly canvas: HTMLCanvasElement;
  private namen: readonly Naam[] = [];
  private frame = 0;
  private zichtbaar = true;
  private schets: Schets | null = null;

  constructor(
    private readonly container: HTMLElement,
    /** Where a knoop is on the screen now (null when it is no longer on the map). */
    private readonly schermPositie: (id: string) => { x: number; y: number } | null,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'wijkweb-netwerk__namen';
    this.canvas.setAttribute('aria-hidden', 'true');
    container.append(this.canvas);
    // What is drawn, for the e2e tests (they check that no two names overlap): pixels alone cannot tell.
    Object.defineProperty(this.canvas, 'wijkwebNamen', { value: () => this.getekend() });
  }

  /** New places for the names (screen px, at the viewport of now). */
  zet(namen: readonly Naam[]): void {
    this.namen = namen;
    this.teken();
  }

  /** Hidden while a large map moves (like Cytoscape's hideLabelsOnViewport); shown with the next places. */
  verberg(): void {
    if (!this.zichtbaar) return;
    this.zichtbaar = false;
    this.teken();
  }

  /** Draws again in the next frame (after a pan, zoom or a knoop that moved), at most once a frame. */
  planTekenen(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.teken();
    });
  }

  /** The names where they are on the screen now. */
  getekend(): GetekendeNaam[] {
    const out: GetekendeNaam[] = [];
    if (!this.zichtbaar) return out;
    for (const n of this.namen) {
      const p = this.schermPositie(n.id);
      if (!p) continue;
      const dx = p.x - n.x;
      const dy = p.y - n.y;
      const b = n.plaatsing.box;
      const l = n.plaatsing.leider;
      out.push({
        id: n.id,
        tekst: n.plaatsing.tekst,
        px: n.plaatsing.fontPx,
        box: { x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy },
        ...(l ? { leider: { x1: l.x1 + dx, y1: l.y1 + dy, x2: l.x2 + dx, y2: l.y2 + dy } } : {}),
      });
    }
    return out;
  }

  /** A sketch of the map under the names (null: Cytoscape has drawn it). */
  zetSchets(schets: Schets | null): void {
    this.schets = schets;
    this.teken();
  }

  toon(): void {
    this.zichtbaar = true;
  }

  teken(): void {
    if (this.frame) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    const W = this.container.clientWidth;
    const H = this.container.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    const bw = Math.max(1, Math.round(W * dpr));
    const bh = Math.max(1, Math.round(H * dpr));
    if (this.canvas.width !== bw || this.canvas.height !== bh) {
      this.canvas.width = bw;
      this.canvas.height = bh;
    }
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, bw, bh);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (this.schets) tekenSchets(ctx, this.schets);
    if (!this.zichtbaar) return;
    ctx.lineJoin = 'round';
    ctx.textBaseline = 'middle';
    ctx.strokeStyle = '#ffffff';
    const byId = new Map(this.namen.map((n) => [n.id, n]));
    const getekend = this.getekend();
    // The lines of names further out, under the names.
    ctx.strokeStyle = KLEUR_LEIDER;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const g of getekend) {
      if (!g.leider) continue;
      ctx.moveTo(g.leider.x1, g.leider.y1);
      ctx.lineTo(g.leider.x2, g.leider.y2);
    }
    ctx.stroke();
    ctx.strokeStyle = '#ffffff';
    for (const g of getekend) {
      const n = byId.get(g.id)!;
      const px = g.px;
      ctx.font = `${n.gebied ? 'italic ' : ''}${n.vet ? 'bold ' : ''}${px}px ${LABEL_FONT}`;
      ctx.fillStyle = n.gebied ? '#4d4d4d' : '#1a1a1a';
      ctx.lineWidth = 5;
      const plek = n.plaatsing.plek;
      const kant = uitlijning(plek).lh;
      const align: CanvasTextAlign = kant === 'right' ? 'left' : kant === 'left' ? 'right' : 'center';
      ctx.textAlign = align;
      const x = align === 'left' ? g.box.x1 + HALO : align === 'right' ? g.box.x2 - HALO : (g.box.x1 + g.box.x2) / 2;
      const regels = g.tekst.split('\n');
      const lh = px * REGELHOOGTE;
      // The lines in the middle of the box (its halo on every side).
      const top = (g.box.y1 + g.box.y2) / 2 - (regels.length * lh) / 2;
      regels.forEach((r, i) => {
        const y = top + (i + 0.5) * lh;
        ctx.strokeText(r, x, y);
        ctx.fillText(r, x, y);
      });
    }
  }

  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.canvas.remove();
  }
}

function tekenSchets(ctx: CanvasRenderingContext2D, schets: Schets): void {
  // Lines per colour and width in one path each: thousands of lines in a few strokes.
  const groepen = new Map<string, Schets['lijnen'][number][]>();
  for (const l of schets.lijnen) {
    const k = `${l.kleur}|${Math.round(l.breedte * 2) / 2}`;
    const g = groepen.get(k);
    if (g) g.push(l);
    else groepen.set(k, [l]);
  }
  ctx.globalAlpha = 0.85;
  for (const [k, lijnen] of groepen) {
    const [kleur, breedte] = k.split('|');
    ctx.strokeStyle = kleur!;
    ctx.lineWidth = Math.max(0.5, Number(breedte));
    ctx.beginPath();
    for (const l of lijnen) {
      ctx.moveTo(l.x1, l.y1);
      ctx.lineTo(l.x2, l.y2);
    }
    ctx.stroke();
  }
  ctx.strokeStyle = KLEUR_OMLIJNING;
  for (const k of schets.knopen) {
    const r = Math.max(1, k.grootte / 2);
    ctx.globalAlpha = k.vaag ? 0.15 : 1;
    ctx.beginPath();
    if (k.vorm === 'diamond' || k.vorm === 'triangle' || k.vorm === 'hexagon') {
      VORM_HOEKEN[k.vorm].forEach(([hx, hy], i) =>
        i === 0 ? ctx.moveTo(k.x + hx * r, k.y + hy * r) : ctx.lineTo(k.x + hx * r, k.y + hy * r),
      );
      ctx.closePath();
    } else if (k.vorm === 'round-rectangle' || k.vorm === 'rectangle') {
      ctx.rect(k.x - r, k.y - r, 2 * r, 2 * r);
    } else {
      ctx.arc(k.x, k.y, r, 0, 2 * Math.PI);
    }
    ctx.fillStyle = k.kleur;
    ctx.fill();
    if (k.rand > 0) {
      ctx.lineWidth = k.rand;
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
  ctx.strokeStyle = '#ffffff';
}
