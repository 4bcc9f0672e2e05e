/**
 * The plates of the report and the presentation: the network and the map as standalone SVG documents (no scripts, no
 * external references), drawn from the same data as the views, with a legend built only from what is shown.
 * Colours follow the UI conventions: Paul Tol "bright" with a shape per category and a dark outline for the network;
 * a purple sequential scale for the gaps, grey with a hatch for "geen gegevens".
 */
import { UndirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { NetwerkKnoop, ZichtbaarNetwerk } from '../analysis/types';
import type { KaartGebied } from '../db/repos/kaart';
import type { Ernst } from '../analysis/hiaten';
import { ERNST_KLEUR } from './ernst-kleur';
import { escapeXml } from './xml';
import { woorden } from './tekst';
import {
  HALO,
  plaatsLabels as plaatsNamen,
  REGELHOOGTE,
  type LabelKandidaat as NaamKandidaat,
} from '../netwerk-labels';
import {
  breedteKlasse,
  categorieKleuren,
  GROOTTE_MAX,
  grootteVoor,
  KLEUR_LEIDER,
  KLEUR_OMLIJNING,
  KLEUR_ONBEKEND,
  KLEUR_OVERIG,
  knoopVorm,
  ONBEKEND,
  OVERIG,
  RELATIE_STIJLEN,
  relatieStijl,
  sectorKleur,
  streepjes,
  tekstBreedte,
  vormSvg,
  type Vorm as KnoopVorm,
} from '../netwerk-stijl';

const f1 = (n: number) => (Math.round(n * 10) / 10).toString();

/** A caption in lines that fit `breedte` at `px` (a plate's bottom line can be longer than the plate is wide). */
function regelsVan(tekst: string, px: number, breedte: number): string[] {
  const regels: string[] = [];
  let cur = '';
  for (const woord of tekst.split(' ')) {
    const proef = cur ? `${cur} ${woord}` : woord;
    if (cur && tekstBreedte(proef) * px > breedte) {
      regels.push(cur);
      cur = woord;
    } else cur = proef;
  }
  if (cur) regels.push(cur);
  return regels;
}

/** The caption's lines as one <text>, its last line's baseline at `y`. */
function onderschriftSvg(regels: readonly string[], x: number, y: number, px: number): string {
  const lh = px * 1.25;
  const y0 = y - (regels.length - 1) * lh;
  return `<text x="${f1(x)}" y="${f1(y0)}" font-size="${f1(px)}" fill="#333333">${regels
    .map((r, i) => `<tspan x="${f1(x)}" dy="${i === 0 ? 0 : f1(lh)}">${escapeXml(r)}</tspan>`)
    .join('')}</text>`;
}

/** Units of the view's saved positions per ForceAtlas2 unit: its edges come out about 10 long, the view's 60. */
const FA2_SCHAAL = 6;

/**
 * Positions for the knopen without a saved one: ForceAtlas2 (graphology-layout-forceatlas2, its inferred settings),
 * started from a golden-angle spiral and with no randomness, so the same network gives the same plate. Saved
 * positions stay where they are (fixed), centred on the origin where ForceAtlas2's gravity pulls; parallel
 * relations are one edge with their count as its weight.
 */
export function forceLayout(
  ids: readonly string[],
  edges: readonly (readonly [string, string])[],
  vast: ReadonlyMap<string, { x: number; y: number }>,
  iterations = 250,
): Map<string, { x: number; y: number }> {
  let cx = 0;
  let cy = 0;
  let saved = 0;
  for (const id of ids) {
    const p = vast.get(id);
    if (!p) continue;
    cx += p.x;
    cy += p.y;
    saved++;
  }
  if (saved > 0) {
    cx /= saved;
    cy /= saved;
  }
  const graph = new UndirectedGraph<{ x: number; y: number; fixed: boolean }, { weight: number }>();
  ids.forEach((id, i) => {
    if (graph.hasNode(id)) return;
    const p = vast.get(id);
    // A golden-angle spiral: spread out, and the same every time.
    const a = i * 2.399963;
    const r = 30 * Math.sqrt(i + 1);
    graph.addNode(id, {
      x: (p ? p.x - cx : Math.cos(a) * r) / FA2_SCHAAL,
      y: (p ? p.y - cy : Math.sin(a) * r) / FA2_SCHAAL,
      fixed: p !== undefined,
    });
  });
  for (const [a, b] of edges) {
    if (a === b || !graph.hasNode(a) || !graph.hasNode(b)) continue;
    if (graph.hasEdge(a, b)) graph.updateEdgeAttribute(a, b, 'weight', (w) => (w ?? 0) + 1);
    else graph.addEdge(a, b, { weight: 1 });
  }
  const pos = new Map<string, { x: number; y: number }>();
  if (graph.order === 0) return pos;
  const layout = forceAtlas2(graph, {
    iterations: graph.order > 1500 ? 60 : iterations,
    // Barnes–Hut from 500 knopen: 1,500 take about two seconds instead of six.
    settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 },
  });
  graph.forEachNode((id) => {
    const p = layout[id]!;
    // A saved position exactly as saved (the layout keeps it in single precision).
    pos.set(id, vast.get(id) ?? { x: p.x * FA2_SCHAAL + cx, y: p.y * FA2_SCHAAL + cy });
  });
  return pos;
}

/** The opening of a plate: the svg element with its accessible name, definitions, a white ground and the title. */
function plaatBegin(W: number, H: number, input: { titel: string; toonTitel?: boolean }, defs: string): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(input.titel)}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<title>${escapeXml(input.titel)}</title>`,
    `<defs>${defs}</defs>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    input.toonTitel === false
      ? ''
      : `<text x="40" y="50" font-size="30" font-weight="bold" fill="#1a1a1a">${escapeXml(input.titel)}</text>`,
  ];
}

export interface NetwerkPlaatInput {
  readonly net: ZichtbaarNetwerk;
  readonly posities: ReadonlyMap<string, { x: number; y: number }>;
  readonly sectorLabels: Readonly<Record<string, string>>;
  readonly relatieLabels: Readonly<Record<string, string>>;
  readonly titel: string;
  readonly onderschrift: string;
  readonly breedte?: number;
  readonly hoogte?: number;
  /** False on a slide, which has its own title. */
  readonly toonTitel?: boolean;
  /**
   * The smallest font size on the plate, in its own units (a slide: big enough that, scaled down to the room under
   * the slide's title, every text is still 18 px at 1280×720); the legend grows with it. Default: the A3 sizes.
   */
  readonly tekstMin?: number;
  /** The language of the legend; default Dutch. */
  readonly taal?: 'nl' | 'en';
  /**
   * The measure that sizes the knopen, as in the view (its values per knoop and its name); without it the plate sizes
   * organisations by their number of connections.
   */
  readonly grootte?: { readonly waarden: ReadonlyMap<string, number>; readonly naam: string };
}

/** The largest knoop on a plate has this radius (in the plate's units); a measure scales the view's sizes to it. */
const PLAAT_STRAAL_MAX = 18;

/** The network as an SVG plate (A3 landscape proportions by default). */
export function netwerkPlaatSvg(input: NetwerkPlaatInput): string {
  return netwerkPlaat(input).svg;
}

/**
 * The network plate, and its note on line widths and sizes (under the plate on paper; a slide, without a caption,
 * puts it in its source line).
 */
export function netwerkPlaat(input: NetwerkPlaatInput): { svg: string; noot: string } {
  const w = woorden(input.taal);
  const W = input.breedte ?? 1600;
  const H = input.hoogte ?? 1100;
  // What the filter selects, plus its direct partners as faded context; the rest stays off the plate.
  const treffers = input.net.treffers;
  const alle = input.net.knopen.filter((k) => k.soort !== 'gebied');
  const binnen = new Set(alle.filter((k) => treffers.has(k.id)).map((k) => k.id));
  const context = new Set<string>();
  for (const r of input.net.relaties) {
    if (binnen.has(r.bron) && !binnen.has(r.doel)) context.add(r.doel);
    if (binnen.has(r.doel) && !binnen.has(r.bron)) context.add(r.bron);
  }
  const knopen = alle.filter((k) => binnen.has(k.id) || context.has(k.id));
  const ids = new Set(knopen.map((k) => k.id));
  const relaties = input.net.relaties.filter(
    (r) => ids.has(r.bron) && ids.has(r.doel) && (binnen.has(r.bron) || binnen.has(r.doel)),
  );
  const vaag = (id: string) => !binnen.has(id);
  const vast = new Map<string, { x: number; y: number }>();
  for (const k of knopen) {
    const p = input.posities.get(k.id);
    if (p) vast.set(k.id, p);
  }
  const pos =
    vast.size === knopen.length
      ? vast
      : forceLayout(
          knopen.map((k) => k.id),
          relaties.map((r) => [r.bron, r.doel] as const),
          vast.size >= knopen.length * 0.8 ? vast : new Map(),
        );
  // Colours, shapes and lines as in the view (shared/netwerk-stijl.ts): the sector colours are counted over the whole
  // project in the order of its list, so a sector has the same colour here as on the screen.
  const telling = new Map<string, number>();
  for (const k of input.net.knopen) {
    if (k.soort !== 'gebied' && k.sector !== null) telling.set(k.sector, (telling.get(k.sector) ?? 0) + 1);
  }
  const kleuren = categorieKleuren(telling, Object.keys(input.sectorLabels));
  const degree = new Map<string, number>();
  for (const r of relaties) {
    degree.set(r.bron, (degree.get(r.bron) ?? 0) + 1);
    degree.set(r.doel, (degree.get(r.doel) ?? 0) + 1);
  }
  let maxDeg = 1;
  for (const d of degree.values()) maxDeg = Math.max(maxDeg, d);
  // Names: on a slide tekstMin + 2 units (26: the slide shows its plate, 1280 × 480 or 600, at about 0.8–0.93 of that
  // at 1280×720, so 20 px or more on the beamer), 16 px on an A3 plate.
  const dia = input.toonTitel === false;
  // The smallest text is fontPx − 2 (small names, a slide's legend, the caption).
  const fontPx = Math.max(dia ? 20 : 16, (input.tekstMin ?? 0) + 2);
  const tekst = fontPx;

  // Fit the positions into the drawing area (left of the legend, below the title).
  const top = input.toonTitel === false ? 20 : 90;
  // The legend: only what is shown, the same entries as the view's (with counts on paper); in columns when it is long.
  const getoond = knopen.filter((k) => !vaag(k.id));
  type Regel =
    | { soort: 'kleur'; kleur: string; tekst: string }
    | { soort: 'vorm'; vorm: KnoopVorm; tekst: string }
    | { soort: 'lijn'; kleur: string; lijn: string; pijl: boolean; tekst: string }
    | { soort: 'ruimte' };
  // On a slide the legend is a narrow column beside the map: its entries without counts and at the smallest size.
  const metAantal = (label: string, n: number) => (dia ? label : `${label} (${n})`);
  const legTekst = dia ? tekst - 2 : tekst;
  const regels: Regel[] = [];
  const perKleur = new Map<string, number>();
  for (const k of getoond) {
    const key = k.sector === null ? ONBEKEND : kleuren.has(k.sector) ? k.sector : OVERIG;
    perKleur.set(key, (perKleur.get(key) ?? 0) + 1);
  }
  for (const key of [...kleuren.keys(), OVERIG, ONBEKEND].filter((x) => perKleur.has(x))) {
    const label =
      key === OVERIG
        ? w.t('plaat.overig')
        : key === ONBEKEND
          ? w.t('plaat.soortOnbekend')
          : (input.sectorLabels[key] ?? key);
    const kleur = key === OVERIG ? KLEUR_OVERIG : key === ONBEKEND ? KLEUR_ONBEKEND : kleuren.get(key)!;
    regels.push({ soort: 'kleur', kleur, tekst: metAantal(label, perKleur.get(key)!) });
  }
  regels.push({ soort: 'ruimte' });
  const soortTelling: [KnoopVorm, string, number][] = [
    ['ellipse', w.t('plaat.organisatie'), getoond.filter((k) => k.soort === 'organisatie').length],
    [
      'round-rectangle',
      w.t('plaat.voorzieningCollectief'),
      getoond.filter((k) => k.soort === 'voorziening' && k.collectief !== false).length,
    ],
    [
      'diamond',
      w.t('plaat.voorzieningIndividueel'),
      getoond.filter((k) => k.soort === 'voorziening' && k.collectief === false).length,
    ],
  ];
  for (const [vorm, label, n] of soortTelling) if (n) regels.push({ soort: 'vorm', vorm, tekst: metAantal(label, n) });
  regels.push({ soort: 'ruimte' });
  const perRelatie = new Map<string, { n: number; gericht: boolean }>();
  for (const r of relaties) {
    const e = perRelatie.get(r.soort) ?? { n: 0, gericht: false };
    perRelatie.set(r.soort, { n: e.n + 1, gericht: e.gericht || r.gericht });
  }
  const relVolgorde = [...Object.keys(input.relatieLabels), ...Object.keys(RELATIE_STIJLEN)];
  const rang = (x: string) => (relVolgorde.indexOf(x) < 0 ? relVolgorde.length : relVolgorde.indexOf(x));
  for (const [soort, { n, gericht }] of [...perRelatie].sort(([x], [y]) => rang(x) - rang(y) || x.localeCompare(y))) {
    const st = relatieStijl(soort, gericht);
    const label = input.relatieLabels[soort] ?? (soort === 'aanbod' ? w.t('plaat.biedtAan') : soort);
    regels.push({
      soort: 'lijn',
      kleur: st.kleur,
      lijn: st.lijn,
      pijl: st.pijl !== 'none',
      tekst: metAantal(label, n),
    });
  }
  // Width and size go with the source line under the map (the legend stays one column where it can).
  const schaalTekst = [
    relaties.some((r) => r.volume !== null && r.volume > 0) ? w.t('plaat.lijnDikte') : '',
    (input.grootte ? w.t('plaat.grootteMaat', { maat: input.grootte.naam }) : w.t('plaat.grootte')).replace(/\.$/, ''),
  ]
    .filter(Boolean)
    .join(' · ');
  const stap = legTekst + (dia ? 6 : 8);
  const legTop = top;
  // The height of a column's entries (a space between the kinds of entry is 0.4 of a line), under the title.
  const hoogteVan = (kol: readonly Regel[]) => kol.reduce((h, r) => h + (r.soort === 'ruimte' ? 0.4 : 1) * stap, 0);
  const kolommenVan = (hoogte: number): Regel[][] => {
    // Under the legend's title (its box: two lines more than its longest column).
    const ruimte = Math.max(stap, hoogte - stap * 2);
    // The kinds of entry (colours, shapes, lines) each whole in one column where they fit in one.
    const delen: Regel[][] = [[]];
    for (const r of regels) {
      if (r.soort === 'ruimte') delen.push([]);
      else delen[delen.length - 1]!.push(r);
    }
    const kolommen: Regel[][] = [];
    for (const deel of delen.filter((d) => d.length)) {
      const kol = kolommen[kolommen.length - 1];
      const erbij = 0.4 * stap + hoogteVan(deel);
      if (kol && hoogteVan(kol) + erbij > ruimte + 0.01 && hoogteVan(deel) <= ruimte + 0.01) kolommen.push([]);
      for (const r of deel) {
        const nu = kolommen[kolommen.length - 1];
        if (!nu || hoogteVan(nu) + (nu.length && r === deel[0] ? 1.4 : 1) * stap > ruimte + 0.01) kolommen.push([r]);
        else {
          if (nu.length && r === deel[0]) nu.push({ soort: 'ruimte' });
          nu.push(r);
        }
      }
    }
    return kolommen.filter((k) => k.length);
  };
  const breedtesVan = (kolommen: Regel[][]) =>
    kolommen.map((kol) => Math.max(120, ...kol.map((r) => ('tekst' in r ? tekstBreedte(r.tekst) * legTekst : 0) + 40)));
  const som = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const regelHoogte = (tekst - 2) * 1.25;
  let kolommen: Regel[][];
  let kolomBreedtes: number[];
  let legendaBreedte: number;
  let legHoogte: number;
  let onderschrift: string[];
  let area: { x: number; y: number; w: number; h: number };
  if (dia) {
    // A slide: no caption on the plate (the slide's source line says it: netwerkPlaat's noot); the map and the legend
    // take the whole height, the legend's box as high as its longest column.
    onderschrift = [];
    kolommen = kolommenVan(H - top - 12);
    kolomBreedtes = breedtesVan(kolommen);
    legendaBreedte = Math.min(W * 0.66, som(kolomBreedtes) + 30);
    legHoogte = stap * 2 + Math.max(0, ...kolommen.map(hoogteVan));
    area = { x: 12, y: top, w: W - legendaBreedte - 20, h: H - top - 12 };
  } else {
    // The caption under it all, in as many lines as it needs; the drawing and the legend stand above it.
    onderschrift = regelsVan(`${input.onderschrift} ${schaalTekst}.`, tekst - 2, W - 40);
    const extra = (onderschrift.length - 1) * regelHoogte;
    legHoogte = H - top - 50 - extra;
    kolommen = kolommenVan(legHoogte);
    kolomBreedtes = breedtesVan(kolommen);
    legendaBreedte = Math.min(W * 0.5, som(kolomBreedtes) + 30);
    area = { x: 20, y: top, w: W - legendaBreedte - 20, h: H - top - 50 - extra };
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const k of knopen) {
    const p = pos.get(k.id)!;
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const rand = dia ? 16 : 40;
  const sx = maxX > minX ? (area.w - 2 * rand) / (maxX - minX) : 1;
  const sy = maxY > minY ? (area.h - 2 * rand) / (maxY - minY) : 1;
  const s = Math.min(sx, sy);
  const ox = area.x + rand + (area.w - 2 * rand - (maxX - minX) * s) / 2;
  const oy = area.y + rand + (area.h - 2 * rand - (maxY - minY) * s) / 2;
  const at = (id: string) => {
    const p = pos.get(id)!;
    return {
      x: knopen.length === 1 ? area.x + area.w / 2 : ox + (p.x - minX) * s,
      y: knopen.length === 1 ? area.y + area.h / 2 : oy + (p.y - minY) * s,
    };
  };
  // The view's size (grootteVoor: the area grows with the value) scaled to the plate; or the number of connections.
  let maxMaat = 0;
  if (input.grootte) for (const k of knopen) maxMaat = Math.max(maxMaat, input.grootte.waarden.get(k.id) ?? 0);
  const radius = (k: NetwerkKnoop) =>
    input.grootte
      ? (grootteVoor(input.grootte.waarden.get(k.id) ?? 0, maxMaat) / GROOTTE_MAX) * PLAAT_STRAAL_MAX
      : k.soort === 'voorziening'
        ? 6
        : 8 + 10 * Math.sqrt((degree.get(k.id) ?? 0) / maxDeg);

  // One arrowhead per line colour.
  const pijlKleuren = new Set<string>();
  for (const r of relaties) {
    const st = relatieStijl(r.soort, r.gericht);
    if (st.pijl !== 'none') pijlKleuren.add(st.kleur);
  }
  const pijlId = (kleur: string) => `pijl-${kleur.replace('#', '')}`;
  const out = plaatBegin(
    W,
    H,
    input,
    [...pijlKleuren]
      .map(
        (k) =>
          `<marker id="${pijlId(k)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${k}"/></marker>`,
      )
      .join(''),
  );
  if (knopen.length === 0) {
    out.push(
      `<text x="${W / 2}" y="${H / 2}" font-size="24" text-anchor="middle" fill="#1a1a1a">${escapeXml(w.t('plaat.leeg'))}</text>`,
    );
  }
  // Two lines between the same two knopen (a referral both ways) curve apart, as in the view.
  const paren = new Map<string, number>();
  for (const r of relaties) {
    const key = [r.bron, r.doel].sort().join('|');
    paren.set(key, (paren.get(key) ?? 0) + 1);
  }
  const byId = new Map(knopen.map((k) => [k.id, k]));
  out.push('<g stroke-linecap="round" fill="none">');
  for (const r of relaties) {
    const a = at(r.bron);
    const b = at(r.doel);
    const target = byId.get(r.doel);
    const st = relatieStijl(r.soort, r.gericht);
    const aanbod = r.soort === 'aanbod';
    const width = aanbod ? 1.2 : breedteKlasse(r.volume) * 0.7;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const [ux, uy] = [(b.x - a.x) / len, (b.y - a.y) / len];
    // Stop the line at the edge of the target, so the arrow shows.
    const rr = target ? radius(target) + 3 : 0;
    const ex = b.x - ux * rr;
    const ey = b.y - uy * rr;
    const dubbel = (paren.get([r.bron, r.doel].sort().join('|')) ?? 0) > 1;
    const arrow = st.pijl !== 'none' ? ` marker-end="url(#${pijlId(st.kleur)})"` : '';
    const attrs = `stroke="${st.kleur}" stroke-width="${f1(width)}" stroke-opacity="${vaag(r.bron) || vaag(r.doel) ? 0.25 : 0.9}"${streepjes(st.lijn, width)}${arrow}`;
    if (dubbel) {
      const buig = Math.min(40, len * 0.18);
      const cx = (a.x + b.x) / 2 - uy * buig;
      const cy = (a.y + b.y) / 2 + ux * buig;
      out.push(`<path d="M${f1(a.x)},${f1(a.y)} Q${f1(cx)},${f1(cy)} ${f1(ex)},${f1(ey)}" ${attrs}/>`);
    } else {
      out.push(`<line x1="${f1(a.x)}" y1="${f1(a.y)}" x2="${f1(ex)}" y2="${f1(ey)}" ${attrs}/>`);
    }
  }
  out.push(`</g><g stroke="${KLEUR_OMLIJNING}">`);
  for (const k of knopen) {
    const p = at(k.id);
    const v = knoopVorm(k);
    const { open, tag } = vormSvg(v.vorm, p.x, p.y, radius(k));
    const fill = k.status === 'gestopt' ? '#ffffff' : sectorKleur(kleuren, k.sector);
    const bw = Math.min(3, v.randBreedte);
    out.push(
      `${open} fill="${fill}" fill-opacity="${vaag(k.id) ? 0.3 : 1}" stroke-width="${bw}"${streepjes(v.rand, bw)}><title>${escapeXml(k.naam)}</title></${tag}>`,
    );
  }
  out.push('</g>');
  // Names: placed as in the view (shared/netwerk-labels.ts), most relations first, none over another or over a knoop.
  const kandidaten: NaamKandidaat[] = knopen.map((k) => {
    const p = at(k.id);
    const r = radius(k) + 1;
    return {
      id: k.id,
      x: p.x - area.x,
      y: p.y - area.y,
      rx: r,
      ry: r,
      naam: vaag(k.id) ? '' : k.naam,
      // Organisations first (who is who), then as in the view: by the size measure, else by relations.
      gewicht:
        (k.soort === 'organisatie' ? 1e6 : 0) +
        (input.grootte ? ((input.grootte.waarden.get(k.id) ?? 0) / (maxMaat || 1)) * 1000 : 0) +
        (degree.get(k.id) ?? 0),
    };
  });
  const namen = plaatsNamen(kandidaten, {
    breedte: area.w,
    hoogte: area.h,
    fontPx,
    kleinPx: fontPx - 2,
    belangrijk: 10,
    leiders: 3,
    meet: tekstBreedte,
  });
  // A name further out: a thin line to its knoop (under the names).
  const leiders = namen.filter((n) => n.leider);
  if (leiders.length) {
    out.push(`<g stroke="${KLEUR_LEIDER}" stroke-width="1.5">`);
    for (const n of leiders) {
      const l = n.leider!;
      out.push(
        `<line x1="${f1(area.x + l.x1)}" y1="${f1(area.y + l.y1)}" x2="${f1(area.x + l.x2)}" y2="${f1(area.y + l.y2)}"/>`,
      );
    }
    out.push('</g>');
  }
  out.push(
    `<g fill="#1a1a1a" stroke="#ffffff" stroke-width="4" paint-order="stroke" stroke-linejoin="round" text-anchor="middle">`,
  );
  for (const n of namen) {
    const regels = n.tekst.split('\n');
    const cx = area.x + (n.box.x1 + n.box.x2) / 2;
    const y0 = area.y + n.box.y1 + HALO + n.fontPx * 0.95;
    out.push(
      `<text font-size="${n.fontPx}" x="${f1(cx)}" y="${f1(y0)}">${regels
        .map((t, i) => `<tspan x="${f1(cx)}" dy="${i === 0 ? 0 : f1(n.fontPx * REGELHOOGTE)}">${escapeXml(t)}</tspan>`)
        .join('')}</text>`,
    );
  }
  out.push('</g>');
  // The legend (right), when there is something to explain.
  const lx0 = W - legendaBreedte + 16;
  if (kolommen.length) {
    out.push(
      `<g font-size="${legTekst}" fill="#1a1a1a"><rect x="${lx0 - 12}" y="${legTop}" width="${legendaBreedte - 16}" height="${legHoogte}" fill="#ffffff" stroke="#cccccc"/>`,
      `<text x="${lx0}" y="${legTop + stap}" font-weight="bold" font-size="${legTekst + 2}">${w.t('plaat.legenda')}</text>`,
    );
    kolommen.forEach((kol, ki) => {
      const lx = lx0 + kolomBreedtes.slice(0, ki).reduce((a, b) => a + b, 0);
      let ly = legTop + stap * 2.2;
      for (const r of kol) {
        const my = ly - legTekst * 0.35;
        if (r.soort === 'kleur') {
          const { open, tag } = vormSvg('ellipse', lx + 9, my, 8);
          out.push(`${open} fill="${r.kleur}" stroke="${KLEUR_OMLIJNING}" stroke-width="2"></${tag}>`);
        } else if (r.soort === 'vorm') {
          const { open, tag } = vormSvg(r.vorm, lx + 9, my, 7);
          out.push(`${open} fill="#ffffff" stroke="${KLEUR_OMLIJNING}" stroke-width="2"></${tag}>`);
        } else if (r.soort === 'lijn') {
          out.push(
            `<line x1="${lx}" y1="${f1(my)}" x2="${lx + 20}" y2="${f1(my)}" stroke="${r.kleur}" stroke-width="3"${streepjes(r.lijn, 2)}${r.pijl ? ` marker-end="url(#${pijlId(r.kleur)})"` : ''}/>`,
          );
        }
        if (r.soort === 'ruimte') {
          ly += stap * 0.4;
          continue;
        }
        out.push(`<text x="${lx + 28}" y="${f1(ly)}">${escapeXml(r.tekst)}</text>`);
        ly += stap;
      }
    });
    out.push('</g>');
  }
  // The caption under it all (a slide has none: its source line says it).
  if (!dia) out.push(onderschriftSvg(onderschrift, 20, H - 18, tekst - 2));
  out.push('</svg>');
  return { svg: out.join('\n'), noot: schaalTekst };
}

export interface KaartPlaatInput {
  readonly gebieden: readonly KaartGebied[];
  /** Per buurt code: its worst gap. Buurten without one are "geen gegevens". */
  readonly ernst: ReadonlyMap<string, Ernst>;
  /** Buurt codes of the report's selection: drawn with a heavy outline. */
  readonly selectie: ReadonlySet<string>;
  readonly titel: string;
  readonly onderschrift: string;
  readonly breedte?: number;
  readonly hoogte?: number;
  /** False on a slide, which has its own title. */
  readonly toonTitel?: boolean;
  /**
   * The smallest font size on the plate, in its own units (a slide: big enough that, scaled down to the room under
   * the slide's title, every text is still 18 px at 1280×720); the legend grows with it. Default: the A3 sizes.
   */
  readonly tekstMin?: number;
  /** The language of the legend; default Dutch. */
  readonly taal?: 'nl' | 'en';
}

/** The buurten coloured by their worst gap, the selection outlined, with a legend (lower left). */
export function kaartPlaatSvg(input: KaartPlaatInput): string {
  const w = woorden(input.taal);
  const ernstLabel = (e: Ernst) => w.t(`legenda.${e}`);
  const W = input.breedte ?? 1600;
  const H = input.hoogte ?? 1100;
  const buurten = input.gebieden.filter((g) => g.niveau === 'buurt');
  const wijken = input.gebieden.filter((g) => g.niveau === 'wijk');
  const out = plaatBegin(
    W,
    H,
    input,
    '<pattern id="arcering" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#e6e6e6"/><line x1="0" y1="0" x2="0" y2="8" stroke="#8c8c8c" stroke-width="2"/></pattern>',
  );
  const shown = buurten.length ? buurten : wijken;
  if (shown.length === 0) {
    out.push(
      `<text x="${W / 2}" y="${H / 2}" font-size="24" text-anchor="middle" fill="#1a1a1a">${w.t('plaat.geenKaart')}</text>`,
      '</svg>',
    );
    return out.join('\n');
  }
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const g of shown)
    for (const poly of g.coordinates)
      for (const ring of poly)
        for (const [lon, lat] of ring) {
          minLon = Math.min(minLon, lon!);
          maxLon = Math.max(maxLon, lon!);
          minLat = Math.min(minLat, lat!);
          maxLat = Math.max(maxLat, lat!);
        }
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  // Text and legend grow together when the plate asks for larger text (14 px is its smallest).
  const f = Math.max(1, (input.tekstMin ?? 0) / 14);
  const onderschrift = regelsVan(input.onderschrift, 14 * f, W - 80);
  // The map left, the legend in its own column on the right (never over a buurt).
  const top = input.toonTitel === false ? 20 : 80;
  const area = {
    x: 40,
    y: top,
    w: W - 460 * f,
    h: H - top - 50 * f - (onderschrift.length - 1) * 14 * f * 1.25,
  };
  const s = Math.min(area.w / ((maxLon - minLon) * k || 1), area.h / (maxLat - minLat || 1));
  const ox = area.x + (area.w - (maxLon - minLon) * k * s) / 2;
  const oy = area.y + (area.h - (maxLat - minLat) * s) / 2;
  const px = (lon: number, lat: number) => `${f1(ox + (lon - minLon) * k * s)},${f1(oy + (maxLat - lat) * s)}`;
  const pad = (g: KaartGebied) =>
    g.coordinates
      .map((poly) => poly.map((ring) => `M${ring.map(([a, b]) => px(a!, b!)).join('L')}Z`).join(''))
      .join('');
  const telling = new Map<Ernst, number>();
  out.push('<g stroke="#4d4d4d" stroke-width="1" stroke-linejoin="round">');
  for (const g of shown) {
    const e = input.ernst.get(g.code) ?? 'geen-gegevens';
    telling.set(e, (telling.get(e) ?? 0) + 1);
    const fill = e === 'geen-gegevens' ? 'url(#arcering)' : ERNST_KLEUR[e].fill;
    out.push(
      `<path d="${pad(g)}" fill="${fill}" fill-rule="evenodd"><title>${escapeXml(g.naam)}: ${ernstLabel(e)}</title></path>`,
    );
  }
  out.push('</g>');
  if (buurten.length) {
    out.push('<g fill="none" stroke="#1a1a1a" stroke-width="2.5">');
    for (const w of wijken) out.push(`<path d="${pad(w)}"/>`);
    out.push('</g>');
  }
  // The selection: a heavy dark outline with a white inner line.
  const sel = shown.filter((g) => input.selectie.has(g.code));
  if (sel.length) {
    out.push('<g fill="none" stroke-linejoin="round">');
    for (const g of sel)
      out.push(
        `<path d="${pad(g)}" stroke="#1a1a1a" stroke-width="6"/><path d="${pad(g)}" stroke="#ffffff" stroke-width="2"/>`,
      );
    out.push('</g>');
  }
  // Labels: the selection first, then the larger buurten; one that would overlap a label already placed, or is
  // much wider than its buurt, is left out (the legend and the report's tables name every buurt).
  if (shown.length <= 400) {
    const kandidaten: LabelKandidaat[] = [];
    for (const g of shown) {
      let best: number[][] = [];
      let bestOpp = 0;
      for (const poly of g.coordinates) {
        const opp = Math.abs(ringOppervlak(poly[0] ?? []));
        if (opp > bestOpp) [best, bestOpp] = [poly[0] ?? [], opp];
      }
      if (!best.length) continue;
      const [cx, cy] = ringMidden(best);
      const xs = best.map((q) => ox + (q[0]! - minLon) * k * s);
      const [x, y] = px(cx, cy).split(',').map(Number) as [number, number];
      kandidaten.push({
        code: g.code,
        tekst: g.naam,
        x,
        y,
        breedteVlak: Math.max(...xs) - Math.min(...xs),
        oppervlak: bestOpp * k * s * s,
        gekozen: input.selectie.has(g.code),
      });
    }
    const geplaatst = plaatsLabels(kandidaten, 15 * f, area);
    out.push(
      `<g font-size="${f1(15 * f)}" fill="#1a1a1a" stroke="#ffffff" stroke-width="4" paint-order="stroke" stroke-linejoin="round" text-anchor="middle">`,
    );
    for (const l of geplaatst)
      out.push(
        `<text x="${f1(l.x)}" y="${f1(l.y + 5 * f)}" font-weight="${l.gekozen ? 'bold' : 'normal'}">${escapeXml(l.tekst)}</text>`,
      );
    out.push('</g>');
  }
  // Legend, lower left.
  const order: Ernst[] = ['ernstig', 'hiaat', 'aandacht', 'geen', 'geen-gegevens'];
  const rows = order.filter((e) => telling.has(e));
  const lh = (40 + rows.length * 28 + (sel.length ? 28 : 0)) * f;
  const lx = W - 400 * f;
  let ly = top + 20;
  out.push(
    `<g font-size="${f1(15 * f)}" fill="#1a1a1a" transform="translate(${f1(lx - 50 * f)} 0)"><rect x="${f1(50 * f)}" y="${ly}" width="${f1(360 * f)}" height="${f1(lh)}" fill="#ffffff" stroke="#4d4d4d"/>`,
    `<text x="${f1(66 * f)}" y="${f1(ly + 26 * f)}" font-weight="bold">${w.t('plaat.zwaarste')}</text>`,
  );
  ly += 40 * f;
  for (const e of rows) {
    out.push(
      `<rect x="${f1(66 * f)}" y="${f1(ly)}" width="${f1(26 * f)}" height="${f1(18 * f)}" fill="${e === 'geen-gegevens' ? 'url(#arcering)' : ERNST_KLEUR[e].fill}" stroke="#4d4d4d"/>`,
      `<text x="${f1(102 * f)}" y="${f1(ly + 15 * f)}">${ernstLabel(e)} (${telling.get(e)} ${w.t(telling.get(e) === 1 ? 'plaat.buurt_een' : 'plaat.buurt_meer')})</text>`,
    );
    ly += 28 * f;
  }
  if (sel.length) {
    out.push(
      `<rect x="${f1(66 * f)}" y="${f1(ly)}" width="${f1(26 * f)}" height="${f1(18 * f)}" fill="none" stroke="#1a1a1a" stroke-width="4"/>`,
      `<text x="${f1(102 * f)}" y="${f1(ly + 15 * f)}">${w.t('plaat.gekozen')}</text>`,
    );
  }
  out.push('</g>');
  out.push(onderschriftSvg(onderschrift, 40, H - 25 * f, 14 * f), '</svg>');
  return out.join('\n');
}

export interface LabelKandidaat {
  readonly code: string;
  readonly tekst: string;
  /** Centre of the label on the plate. */
  readonly x: number;
  readonly y: number;
  /** Width of the buurt on the plate, and its area (px²). */
  readonly breedteVlak: number;
  readonly oppervlak: number;
  /** In the report's selection: placed first, always (if it fits the plate). */
  readonly gekozen: boolean;
}

/** The box of a label of `n` characters at font size `px` (DejaVu Sans: about 0.6 em per character). */
export function labelVak(l: Pick<LabelKandidaat, 'tekst' | 'x' | 'y'>, px: number) {
  const b = l.tekst.length * px * 0.6 + 6;
  const h = px + 4;
  return { x0: l.x - b / 2, x1: l.x + b / 2, y0: l.y - h / 2, y1: l.y + h / 2 };
}

/**
 * Which labels go on the plate: the selected buurten first, then by area, largest first; a label is left out when
 * its box overlaps one already placed, leaves the map, or is more than twice as wide as its buurt (unless selected).
 * No two placed labels overlap.
 */
export function plaatsLabels(
  kandidaten: readonly LabelKandidaat[],
  px: number,
  kader: { readonly x: number; readonly y: number; readonly w: number; readonly h: number },
): LabelKandidaat[] {
  const volgorde = [...kandidaten].sort(
    (a, b) => Number(b.gekozen) - Number(a.gekozen) || b.oppervlak - a.oppervlak || a.code.localeCompare(b.code),
  );
  const vakken: ReturnType<typeof labelVak>[] = [];
  const uit: LabelKandidaat[] = [];
  for (const l of volgorde) {
    const v = labelVak(l, px);
    if (!l.gekozen && v.x1 - v.x0 > 2 * l.breedteVlak) continue;
    if (v.x0 < kader.x || v.x1 > kader.x + kader.w || v.y0 < kader.y || v.y1 > kader.y + kader.h) continue;
    if (vakken.some((o) => v.x0 < o.x1 && o.x0 < v.x1 && v.y0 < o.y1 && o.y0 < v.y1)) continue;
    vakken.push(v);
    uit.push(l);
  }
  return uit;
}

/** Signed area of a ring (in its own units). */
function ringOppervlak(ring: readonly (readonly number[])[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return a / 2;
}

/** The area centroid of a ring (falls back to the mean of its points for a degenerate one). */
function ringMidden(ring: readonly (readonly number[])[]): [number, number] {
  const a = ringOppervlak(ring);
  if (Math.abs(a) < 1e-12) {
    return [ring.reduce((t, p) => t + p[0]!, 0) / ring.length, ring.reduce((t, p) => t + p[1]!, 0) / ring.length];
  }
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
    cx += (ring[j]![0]! + ring[i]![0]!) * f;
    cy += (ring[j]![1]! + ring[i]![1]!) * f;
  }
  return [cx / (6 * a), cy / (6 * a)];
}

export interface AfhandelingPlaatInput {
  /** The protected afhandeling table (report's pilot section): label, per category count and share, total. */
  readonly tabel: {
    readonly rijen: readonly (readonly (number | string | null)[])[];
  };
  readonly categorieen: readonly { readonly code: string; readonly label: string }[];
  readonly titel: string;
  readonly onderschrift: string;
  readonly breedte?: number;
  readonly hoogte?: number;
  readonly toonTitel?: boolean;
  /**
   * The smallest font size on the plate, in its own units (a slide: big enough that, scaled down to the room under
   * the slide's title, every text is still 18 px at 1280×720); the legend grows with it. Default: the A3 sizes.
   */
  readonly tekstMin?: number;
  readonly taal?: 'nl' | 'en';
}

/** Colours of the afhandeling categories (Paul Tol bright): wijkteam, voorliggend, maatwerk, overig, then the rest. */
const AFHANDELING_KLEUREN = ['#4477AA', '#228833', '#EE6677', '#BBBBBB', '#CCBB44', '#66CCEE', '#AA3377'];

/**
 * The afhandeling per quarter as 100% stacked bars, one per period, each segment labelled with its share, the legend
 * in the order of the stack. A period with a hidden count ("<5", "x") is drawn hatched without shares: its shares
 * would give the small count away.
 */
export function afhandelingPlaatSvg(input: AfhandelingPlaatInput): string {
  const w = woorden(input.taal);
  const W = input.breedte ?? 1600;
  const H = input.hoogte ?? 1100;
  const out = plaatBegin(
    W,
    H,
    input,
    '<pattern id="arcering" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#e6e6e6"/><line x1="0" y1="0" x2="0" y2="8" stroke="#8c8c8c" stroke-width="2"/></pattern>',
  );
  const top = input.toonTitel === false ? 20 : 80;
  // Larger text (a slide): every text at least tekstMin, the legend under the bars in two columns (the bars keep the
  // whole width), a period's label in two lines. Otherwise the A3 layout, the legend on the right.
  const min = input.tekstMin ?? 0;
  const groot = min > 15;
  const fs = (n: number) => Math.max(n, min);
  const lh = fs(20) * 1.2;
  const kolommenLegenda = 2;
  const legendaRijen = Math.ceil(input.categorieen.length / kolommenLegenda);
  const legendaB = groot ? 0 : 360;
  const onderschrift = regelsVan(input.onderschrift, fs(15), W - 80);
  const onderschriftH = onderschrift.length * fs(15) * 1.25 + 10;
  const onder = groot ? 3 * lh + 16 + legendaRijen * fs(18) * 1.5 + onderschriftH : 110;
  const links = groot ? tekstBreedte('100%') * fs(16) + 24 : 60;
  const area = { x: links, y: top + 10, w: W - links - legendaB - 40, h: H - top - 10 - onder };
  const rijen = input.tabel.rijen;
  const n = Math.max(1, rijen.length);
  const slot = area.w / n;
  const balk = Math.min(160, slot * (groot ? 0.7 : 0.6));
  const kleur = (i: number) => AFHANDELING_KLEUREN[i % AFHANDELING_KLEUREN.length]!;
  // The axis: 0% at the bottom, 100% at the top, lines every 25%.
  out.push(`<g font-size="${fs(16)}" fill="#333333">`);
  for (const pct of [0, 25, 50, 75, 100]) {
    const y = area.y + area.h - (area.h * pct) / 100;
    out.push(
      `<line x1="${f1(area.x)}" y1="${f1(y)}" x2="${f1(area.x + area.w)}" y2="${f1(y)}" stroke="#cccccc"/>`,
      `<text x="${f1(area.x - 8)}" y="${f1(y + (groot ? fs(16) * 0.3 : 5))}" text-anchor="end">${pct}%</text>`,
    );
  }
  out.push('</g>');
  /** A label under a bar: on a slide "Q2 2023" above "(2 mnd)". */
  const onderBalk = (tekst: string, cx: number, y: number, px: number, kleurTekst: string) => {
    const delen = groot ? tekst.replace(/ \(/, '\n(').split('\n') : [tekst];
    return `<text x="${f1(cx)}" y="${f1(y)}" font-size="${px}" text-anchor="middle" fill="${kleurTekst}">${delen
      .map((d, i) => `<tspan x="${f1(cx)}" dy="${i === 0 ? 0 : f1(px * 1.2)}">${escapeXml(d)}</tspan>`)
      .join('')}</text>`;
  };
  rijen.forEach((r, i) => {
    const x = area.x + slot * i + (slot - balk) / 2;
    const totaal = r[r.length - 1];
    const tellingen = input.categorieen.map((_, c) => r[1 + c * 2] ?? null);
    const label = String(r[0] ?? '');
    const cx = x + balk / 2;
    out.push(onderBalk(label, cx, area.y + area.h + (groot ? fs(20) * 1.4 : 30), fs(20), '#1a1a1a'));
    const verborgen = typeof totaal === 'string' || tellingen.some((t) => typeof t === 'string');
    if (verborgen || typeof totaal !== 'number' || totaal <= 0) {
      const kort = w.t('plaat.afgeschermdKort');
      const delen = groot ? kort.split(' ') : [kort];
      out.push(
        `<rect x="${f1(x)}" y="${area.y}" width="${f1(balk)}" height="${f1(area.h)}" fill="url(#arcering)" stroke="#4d4d4d"><title>${escapeXml(label)}: ${escapeXml(w.t('plaat.afgeschermd'))}</title></rect>`,
        `<text x="${f1(cx)}" y="${f1(area.y + area.h / 2)}" font-size="${fs(18)}" text-anchor="middle" fill="#1a1a1a" stroke="#ffffff" stroke-width="4" paint-order="stroke">${delen
          .map((d, j) => `<tspan x="${f1(cx)}" dy="${j === 0 ? 0 : f1(fs(18) * 1.2)}">${escapeXml(d)}</tspan>`)
          .join('')}</text>`,
      );
      return;
    }
    out.push(
      `<text x="${f1(cx)}" y="${f1(area.y + area.h + (groot ? fs(20) * 1.4 + 2 * lh : 56))}" font-size="${fs(16)}" text-anchor="middle" fill="#333333">${escapeXml(w.t('plaat.aantalAanmeldingen', { n: w.getal(totaal) }))}</text>`,
    );
    let y = area.y;
    input.categorieen.forEach((c, k) => {
      const v = tellingen[k];
      if (typeof v !== 'number' || v <= 0) return;
      const h = (area.h * v) / totaal;
      const pct = `${w.getal((v / totaal) * 100, 0)}%`;
      out.push(
        `<rect x="${f1(x)}" y="${f1(y)}" width="${f1(balk)}" height="${f1(h)}" fill="${kleur(k)}" stroke="#ffffff" stroke-width="2"><title>${escapeXml(`${label}, ${c.label}: ${pct}`)}</title></rect>`,
      );
      if (h >= fs(22) + 4)
        out.push(
          `<text x="${f1(cx)}" y="${f1(y + h / 2 + (groot ? fs(22) * 0.35 : 8))}" font-size="${fs(22)}" font-weight="bold" text-anchor="middle" fill="#1a1a1a" stroke="#ffffff" stroke-width="5" paint-order="stroke">${pct}</text>`,
        );
      y += h;
    });
  });
  // Legend: on the right (A3), or under the bars in two columns (a slide); in the order of the stack.
  if (groot) {
    const rij = fs(18) * 1.5;
    const ly0 = area.y + area.h + 3 * lh + 16;
    const kolB = (W - 80) / kolommenLegenda;
    out.push(`<g font-size="${fs(18)}" fill="#1a1a1a">`);
    input.categorieen.forEach((c, k) => {
      const lx = 40 + (k % kolommenLegenda) * kolB;
      const ly = ly0 + Math.floor(k / kolommenLegenda) * rij;
      out.push(
        `<rect x="${f1(lx)}" y="${f1(ly)}" width="${f1(fs(18) * 1.2)}" height="${f1(fs(18))}" fill="${kleur(k)}" stroke="#4d4d4d"/>`,
        `<text x="${f1(lx + fs(18) * 1.7)}" y="${f1(ly + fs(18) * 0.85)}">${escapeXml(c.label)}</text>`,
      );
    });
    out.push('</g>');
  } else {
    const lx = W - legendaB - 20;
    let ly = top + 10;
    out.push(
      `<g font-size="18" fill="#1a1a1a"><rect x="${lx}" y="${ly}" width="${legendaB}" height="${50 + input.categorieen.length * 34}" fill="#ffffff" stroke="#4d4d4d"/>`,
      `<text x="${lx + 16}" y="${ly + 30}" font-weight="bold">${escapeXml(w.t('plaat.afhandeling'))}</text>`,
    );
    ly += 48;
    input.categorieen.forEach((c, k) => {
      out.push(
        `<rect x="${lx + 16}" y="${ly}" width="28" height="22" fill="${kleur(k)}" stroke="#4d4d4d"/>`,
        `<text x="${lx + 56}" y="${ly + 17}">${escapeXml(c.label)}</text>`,
      );
      ly += 34;
    });
    out.push('</g>');
  }
  out.push(onderschriftSvg(onderschrift, 40, H - 20, fs(15)), '</svg>');
  return out.join('\n');
}
