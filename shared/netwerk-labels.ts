/**
 * Names on the map, placed in screen space like a cartographer would: every name at a fixed size on the screen
 * (whatever the zoom), the most important knopen first (the chosen one, its neighbours, then by the size measure),
 * each name below, above, right or left of its knoop where it overlaps no other name and no other knoop; a long name
 * wraps over two lines, and where the whole name does not fit, a shortened one is tried before the name is left
 * out. What is left out shows on hover, on selection and when you zoom in. Pure: the canvas gives the knopen on the
 * screen and a way to measure text; this gives back what to draw where.
 */

export type LabelPlek =
  'onder' | 'boven' | 'rechts' | 'links' | 'rechtsonder' | 'linksonder' | 'rechtsboven' | 'linksboven';

export interface LabelKandidaat {
  readonly id: string;
  /** The centre of the knoop on the screen (px). */
  readonly x: number;
  readonly y: number;
  /** Half the width and height of the knoop on the screen (px, with its border). */
  readonly rx: number;
  readonly ry: number;
  readonly naam: string;
  /** Higher first. */
  readonly gewicht: number;
  /** Always named (the chosen knoop, the focus): placed first, and drawn even where nothing is free. */
  readonly verplicht?: boolean;
  /** Named before the others (neighbours of the chosen knoop). */
  readonly voorrang?: boolean;
  /** Bold (measured as such). */
  readonly vet?: boolean;
}

export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface LabelPlaatsing {
  readonly id: string;
  /** The text to draw, with '\n' between its lines. */
  readonly tekst: string;
  readonly plek: LabelPlek;
  /** Where the name lands on the screen (px), as this module reckons it. */
  readonly box: Box;
  readonly ingekort: boolean;
  /** Its font size on the screen (px). */
  readonly fontPx: number;
  /** A name placed further out: a thin line from its knoop's outline (x1, y1) to the name (x2, y2). */
  readonly leider?: Box;
}

export interface LabelOpties {
  /** The visible canvas (px). */
  readonly breedte: number;
  readonly hoogte: number;
  /** Font size on the screen (px). */
  readonly fontPx: number;
  /** Width of a text at 1 px font size (so any font size is a multiplication). */
  readonly meet: (tekst: string, vet: boolean) => number;
  /** At most this many names (large networks). */
  readonly max?: number;
  /** A name may go down to this size (px) before it is left out. */
  readonly kleinPx?: number;
  /** The first `belangrijk` names in order also try places further from their knoop (those with a line: see
   * `leiders`), and their first word. */
  readonly belangrijk?: number;
  /** Space between a knoop and its name, and kept free around a name (px). */
  readonly marge?: number;
  /**
   * Those of the first this many names that find no place next to their knoop go further out, with a thin line to
   * it (a hub in a dense map: its name matters most and its neighbours leave it no room); they do not try the places
   * further out without a line. Only a few: more lines would read as relations.
   */
  readonly leiders?: number;
}

/** Line height of a name as Cytoscape draws it (a little more than the font size). */
export const REGELHOOGTE = 1.25;
/** A line of a name is at most this many times the font size wide. */
export const REGELBREEDTE = 10;
/** The light halo around a name (px on each side), part of its box. */
export const HALO = 3;
const KORT = 16;

/** A name over at most two lines of at most `max` px; null when it needs more (then it is shortened). */
export function ombreken(naam: string, max: number, breedteVan: (s: string) => number, maxRegels = 2): string[] | null {
  const woorden = naam.trim().split(/\s+/);
  const regels: string[] = [];
  let regel = '';
  for (const w of woorden) {
    const probeer = regel ? `${regel} ${w}` : w;
    if (breedteVan(probeer) <= max) {
      regel = probeer;
    } else {
      if (regel) regels.push(regel);
      regel = w;
      if (breedteVan(w) > max && maxRegels <= 2) return null;
    }
    if (regels.length >= maxRegels) return null;
  }
  if (regel) regels.push(regel);
  return regels.length <= maxRegels ? regels : null;
}

/** A short form of a name: its first words up to about 16 characters, with an ellipsis. */
export function inkorten(naam: string, max: number, breedteVan: (s: string) => number): string {
  const woorden = naam.trim().split(/\s+/);
  let out = '';
  for (const w of woorden) {
    const probeer = out ? `${out} ${w}` : w;
    if (probeer.length > KORT || breedteVan(`${probeer}…`) > max) break;
    out = probeer;
  }
  if (!out) {
    out = woorden[0] ?? '';
    while (out.length > 1 && breedteVan(`${out}…`) > max) out = out.slice(0, -1);
  }
  return `${out}…`;
}

/** A uniform grid over the screen for quick overlap tests. */
class Raster {
  private readonly cel = 48;
  private readonly vakken = new Map<number, Box[]>();
  private sleutels(b: Box): number[] {
    const out: number[] = [];
    const c1 = Math.floor(b.x1 / this.cel);
    const c2 = Math.floor(b.x2 / this.cel);
    const r1 = Math.floor(b.y1 / this.cel);
    const r2 = Math.floor(b.y2 / this.cel);
    for (let c = c1; c <= c2; c++) for (let r = r1; r <= r2; r++) out.push((c + 4096) * 8192 + (r + 4096));
    return out;
  }
  add(b: Box): void {
    for (const k of this.sleutels(b)) {
      const v = this.vakken.get(k);
      if (v) v.push(b);
      else this.vakken.set(k, [b]);
    }
  }
  botst(b: Box, behalve?: Box): boolean {
    for (const k of this.sleutels(b)) {
      for (const o of this.vakken.get(k) ?? []) {
        if (o !== behalve && o.x1 < b.x2 && o.x2 > b.x1 && o.y1 < b.y2 && o.y2 > b.y1) return true;
      }
    }
    return false;
  }
}

/** The box of a name of width w and height h at a place next to a knoop. */
export function labelBox(k: LabelKandidaat, plek: LabelPlek, w: number, h: number, marge: number): Box {
  switch (plek) {
    case 'onder':
      return { x1: k.x - w / 2, y1: k.y + k.ry + marge, x2: k.x + w / 2, y2: k.y + k.ry + marge + h };
    case 'boven':
      return { x1: k.x - w / 2, y1: k.y - k.ry - marge - h, x2: k.x + w / 2, y2: k.y - k.ry - marge };
    case 'rechts':
      return { x1: k.x + k.rx + marge, y1: k.y - h / 2, x2: k.x + k.rx + marge + w, y2: k.y + h / 2 };
    case 'links':
      return { x1: k.x - k.rx - marge - w, y1: k.y - h / 2, x2: k.x - k.rx - marge, y2: k.y + h / 2 };
  }
  // Diagonal: the name's corner at the knoop's outline (0.7 of the radius, as on a circle).
  const dx = k.rx * 0.7 + marge;
  const dy = k.ry * 0.7 + marge;
  const x1 = plek === 'rechtsonder' || plek === 'rechtsboven' ? k.x + dx : k.x - dx - w;
  const y1 = plek === 'rechtsonder' || plek === 'linksonder' ? k.y + dy : k.y - dy - h;
  return { x1, y1, x2: x1 + w, y2: y1 + h };
}

const PLEKKEN: readonly LabelPlek[] = [
  'onder',
  'boven',
  'rechts',
  'links',
  'rechtsonder',
  'linksonder',
  'rechtsboven',
  'linksboven',
];
/** Each place next to the knoop first, then a little further away (in font sizes). */
const POGINGEN: readonly (readonly [LabelPlek, number])[] = [0, 0.6, 1.4].flatMap((verder) =>
  PLEKKEN.map((p) => [p, verder] as const),
);
/** The most important names also look further away, still close enough to read as the knoop's. */
const POGINGEN_BELANGRIJK: readonly (readonly [LabelPlek, number])[] = [
  ...POGINGEN,
  ...[2.2, 3].flatMap((verder) => PLEKKEN.map((p) => [p, verder] as const)),
];

/** How far out a name with a line may go (in font sizes from the knoop's outline), and in how many directions. */
const LEIDER_AFSTANDEN = [2.2, 3, 4.5] as const;
const LEIDER_RICHTINGEN = 16;

/**
 * A box for a name of w × h further out from a knoop in direction `hoek`, its near side facing the knoop, and the
 * line from the knoop's outline to that side.
 */
export function leiderBox(
  k: LabelKandidaat,
  hoek: number,
  afstand: number,
  w: number,
  h: number,
): { box: Box; leider: Box; plek: LabelPlek } {
  const c = Math.cos(hoek);
  const s = Math.sin(hoek);
  const x0 = k.x + c * k.rx;
  const y0 = k.y + s * k.ry;
  const ax = x0 + c * afstand;
  const ay = y0 + s * afstand;
  if (Math.abs(c) >= Math.abs(s)) {
    const x1 = c > 0 ? ax : ax - w;
    return {
      box: { x1, y1: ay - h / 2, x2: x1 + w, y2: ay + h / 2 },
      leider: { x1: x0, y1: y0, x2: ax, y2: ay },
      plek: c > 0 ? 'rechts' : 'links',
    };
  }
  const y1 = s > 0 ? ay : ay - h;
  return {
    box: { x1: ax - w / 2, y1, x2: ax + w / 2, y2: y1 + h },
    leider: { x1: x0, y1: y0, x2: ax, y2: ay },
    plek: s > 0 ? 'onder' : 'boven',
  };
}

/** The order in which names are placed: the chosen, their neighbours, then by weight, then by name. */
export function volgorde(kandidaten: readonly LabelKandidaat[]): LabelKandidaat[] {
  return [...kandidaten].sort(
    (a, b) =>
      Number(!!b.verplicht) - Number(!!a.verplicht) ||
      Number(!!b.voorrang) - Number(!!a.voorrang) ||
      b.gewicht - a.gewicht ||
      a.naam.localeCompare(b.naam, 'nl') ||
      a.id.localeCompare(b.id),
  );
}

export function plaatsLabels(kandidaten: readonly LabelKandidaat[], opties: LabelOpties): LabelPlaatsing[] {
  const { breedte, hoogte, fontPx, meet } = opties;
  const marge = opties.marge ?? 3;
  const max = opties.max ?? Infinity;
  const klein = Math.min(fontPx, opties.kleinPx ?? fontPx);
  const belangrijk = opties.belangrijk ?? 0;
  const halo = HALO;
  // Only what is on the screen counts: a knoop off the screen gets no name and is no obstacle.
  const opScherm = kandidaten.filter(
    (k) => k.x + k.rx >= 0 && k.x - k.rx <= breedte && k.y + k.ry >= 0 && k.y - k.ry <= hoogte,
  );
  const knopen = new Raster();
  const knoopBox = new Map<string, Box>();
  for (const k of opScherm) {
    const b = { x1: k.x - k.rx, y1: k.y - k.ry, x2: k.x + k.rx, y2: k.y + k.ry };
    knoopBox.set(k.id, b);
    knopen.add(b);
  }
  const namen = new Raster();
  const out: LabelPlaatsing[] = [];
  const binnen = (b: Box) => b.x1 >= 0 && b.y1 >= 0 && b.x2 <= breedte && b.y2 <= hoogte;
  let rang = 0;
  // With a cap on the names, only the heaviest few times that many are tried (a dense map of thousands leaves no
  // room for the light ones anyway, and trying them all took 190 ms per pan at 5,000 knopen).
  const maxPogingen = Number.isFinite(max) ? max * 5 : Infinity;
  let geprobeerd = 0;
  for (const k of volgorde(opScherm)) {
    if (!k.naam) continue;
    if (out.length >= max && !k.verplicht) break;
    if (!k.verplicht && !k.voorrang && geprobeerd++ >= maxPogingen) break;
    const eigen = knoopBox.get(k.id);
    // Any name may go a little smaller where its size finds no place; the most important also further away from
    // their knoop, and down to their first word.
    const isBelangrijk = rang++ < belangrijk;
    const groottes = klein < fontPx ? [fontPx, klein] : [fontPx];
    // With lines, a name that goes further out gets one (a name far from its knoop without one reads as another's).
    const metLeider = rang <= (opties.leiders ?? 0);
    const pogingen = isBelangrijk && !metLeider ? POGINGEN_BELANGRIJK : POGINGEN;
    let gekozen: LabelPlaatsing | null = null;
    let eerste: { regels: string[]; ingekort: boolean; px: number } | null = null;
    const alleVarianten: { regels: string[]; ingekort: boolean; px: number; w: number; h: number }[] = [];
    zoek: for (const px of groottes) {
      const breedteVan = (s: string) => meet(s, !!k.vet) * px;
      const maxRegel = px * REGELBREEDTE;
      const regelH = px * REGELHOOGTE;
      // The chosen knoop always shows its whole name (over up to four lines).
      const heel = ombreken(k.naam, maxRegel, breedteVan, k.verplicht ? 4 : 2);
      const varianten: { regels: string[]; ingekort: boolean }[] = [];
      if (heel) varianten.push({ regels: heel, ingekort: false });
      const kort = inkorten(k.naam, maxRegel, breedteVan);
      if (k.verplicht && heel) {
        eerste ??= { ...varianten[0]!, px };
      } else {
        if (!heel || heel.length > 1 || kort !== `${k.naam}…`) varianten.push({ regels: [kort], ingekort: true });
        const woord = `${k.naam.trim().split(/\s+/)[0] ?? ''}…`;
        if (isBelangrijk && px !== fontPx && woord !== kort && woord.length > 3)
          varianten.push({ regels: [woord], ingekort: true });
        eerste ??= { ...varianten[0]!, px };
      }
      for (const v of varianten) {
        const w = Math.max(...v.regels.map(breedteVan)) + 2 * halo;
        const h = v.regels.length * regelH + 2 * halo;
        alleVarianten.push({ ...v, px, w, h });
        for (const [plek, verder] of pogingen) {
          const box = labelBox(k, plek, w, h, marge + verder * px);
          const ruim = { x1: box.x1 - marge, y1: box.y1 - marge, x2: box.x2 + marge, y2: box.y2 + marge };
          const bijna = { x1: box.x1 - 2, y1: box.y1 - 2, x2: box.x2 + 2, y2: box.y2 + 2 };
          if (!binnen(box) || namen.botst(ruim) || knopen.botst(bijna, eigen)) continue;
          gekozen = { id: k.id, tekst: v.regels.join('\n'), plek, box, ingekort: v.ingekort, fontPx: px };
          break zoek;
        }
      }
    }
    if (!gekozen && metLeider) {
      // First a line that crosses no other knoop (a line over one reads as a relation), then any line.
      leider: for (const overKnopen of [false, true]) {
        for (const v of alleVarianten) {
          for (const afstand of LEIDER_AFSTANDEN) {
            for (let i = 0; i < LEIDER_RICHTINGEN; i++) {
              // Below first (as a name next to a knoop), then round both ways.
              const stap = Math.ceil(i / 2) * (i % 2 ? 1 : -1);
              const hoek = Math.PI / 2 + (stap * 2 * Math.PI) / LEIDER_RICHTINGEN;
              const { box, leider, plek } = leiderBox(k, hoek, afstand * v.px, v.w, v.h);
              const ruim = { x1: box.x1 - marge, y1: box.y1 - marge, x2: box.x2 + marge, y2: box.y2 + marge };
              if (!binnen(box) || namen.botst(ruim) || knopen.botst(ruim, eigen)) continue;
              if (lijnRaakt(namen, leider) || (!overKnopen && lijnRaakt(knopen, leider, eigen))) continue;
              gekozen = { id: k.id, tekst: v.regels.join('\n'), plek, box, ingekort: v.ingekort, fontPx: v.px, leider };
              break leider;
            }
          }
        }
      }
    }
    if (!gekozen && k.verplicht && eerste) {
      const breedteVan = (s: string) => meet(s, !!k.vet) * eerste!.px;
      const w = Math.max(...eerste.regels.map(breedteVan)) + 2 * halo;
      const h = eerste.regels.length * eerste.px * REGELHOOGTE + 2 * halo;
      gekozen = {
        id: k.id,
        tekst: eerste.regels.join('\n'),
        plek: 'onder',
        box: labelBox(k, 'onder', w, h, marge),
        ingekort: eerste.ingekort,
        fontPx: eerste.px,
      };
    }
    if (gekozen) {
      namen.add(gekozen.box);
      // A name's line is kept free as well: no later name over it.
      if (gekozen.leider) for (const b of lijnPunten(gekozen.leider)) namen.add(b);
      out.push(gekozen);
    }
  }
  return out;
}

/** Small boxes every 4 px along a name's line. */
function lijnPunten(l: Box): Box[] {
  const n = Math.max(1, Math.ceil(Math.hypot(l.x2 - l.x1, l.y2 - l.y1) / 4));
  const out: Box[] = [];
  for (let i = 0; i <= n; i++) {
    const x = l.x1 + ((l.x2 - l.x1) * i) / n;
    const y = l.y1 + ((l.y2 - l.y1) * i) / n;
    out.push({ x1: x - 0.5, y1: y - 0.5, x2: x + 0.5, y2: y + 0.5 });
  }
  return out;
}

/** Whether a name's line runs through what is in `raster` (a name or a knoop; not through `behalve`, its own). */
function lijnRaakt(raster: Raster, l: Box, behalve?: Box): boolean {
  return lijnPunten(l).some((b) => raster.botst(b, behalve));
}
