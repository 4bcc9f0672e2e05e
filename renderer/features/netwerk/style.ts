/**
 * From the network and the view settings to what Cytoscape draws and what the legend says, as pure functions: the
 * picture and its legend come from one place, so they cannot disagree.
 *
 * Colour: Paul Tol's "bright" scheme (colour-blind safe, at most 7 categories; more become "Overig"); every node has a
 * dark outline because several of these colours are light on white. Shape and border tell the kind of knoop, so colour
 * is never the only code (WCAG 1.4.1). Edges: colour, line style and arrow per relation type; width by volume.
 */
import type {
  NetwerkAnalyse,
  NetwerkData,
  NetwerkKnoop,
  NetwerkVergelijking,
  ZichtbaarNetwerk,
} from '../../../shared/contract';
import { STRUCTUUR } from '../../../shared/analysis/filter';
import { isKleurMetriek } from '../../../shared/analysis/metriek-descriptors';
import type { KleurOp, Metriek, NetwerkInstellingen } from './settings';
import {
  KLEUR_GEBIED,
  KLEUR_NIEUW,
  KLEUR_OMLIJNING,
  KLEUR_ONBEKEND,
  KLEUR_OVERIG,
  KLEUR_VERDWENEN,
  LABEL_FONT,
  ONBEKEND,
  OVERIG,
  RELATIE_STIJLEN,
  BREEDTE_MIN,
  GROOTTE_MAX,
  GROOTTE_MIN,
  breedteKlasse,
  grootteVoor,
  categorieKleuren,
  knoopVorm,
  relatieStijl,
  type Lijn,
  type Pijl,
  type Rand,
  type RelatieStijl,
  type Vorm,
} from '../../../shared/netwerk-stijl';

// One visual language: the view, its PNG/SVG export, the report's plates and the slides all take these from
// shared/netwerk-stijl.ts.
export * from '../../../shared/netwerk-stijl';

/** Above this many knopen the view switches to its fast settings (no labels zoomed out, simple edges). */
export const GROOT_NETWERK = 1000;

// ------------------------------------------------------------------ the kind of a knoop: shape and border

/** Legend keys of the kinds: shape + border. */
export type SoortSleutel =
  'organisatie' | 'collectief' | 'individueel' | 'vrijToegankelijk' | 'opIndicatie' | 'gepland' | 'buurt' | 'wijk';

/** The legend entries a knoop counts for (a voorziening: its form, its access, and planned or not). */
export function soortSleutels(k: NetwerkKnoop): SoortSleutel[] {
  if (k.soort === 'gebied') return [k.niveau === 'wijk' ? 'wijk' : 'buurt'];
  if (k.soort === 'organisatie') return ['organisatie'];
  const out: SoortSleutel[] = [k.collectief === false ? 'individueel' : 'collectief'];
  if (k.status === 'gepland') out.push('gepland');
  else out.push(k.vrijToegankelijk === false ? 'opIndicatie' : 'vrijToegankelijk');
  return out;
}

export const SOORT_VORM: Readonly<Record<SoortSleutel, { vorm: Vorm; rand: Rand }>> = {
  organisatie: { vorm: 'ellipse', rand: 'solid' },
  collectief: { vorm: 'round-rectangle', rand: 'solid' },
  individueel: { vorm: 'diamond', rand: 'solid' },
  vrijToegankelijk: { vorm: 'round-rectangle', rand: 'solid' },
  opIndicatie: { vorm: 'round-rectangle', rand: 'double' },
  gepland: { vorm: 'round-rectangle', rand: 'dashed' },
  buurt: { vorm: 'triangle', rand: 'solid' },
  wijk: { vorm: 'hexagon', rand: 'solid' },
};

// ------------------------------------------------------------------ colour by attribute

/** An organisation's leefgebieden are those of what it offers. */
export function leefgebiedenPerKnoop(data: NetwerkData): Map<string, string[]> {
  const order = Object.keys(data.labels['leefgebied'] ?? {});
  const rank = (c: string) => {
    const i = order.indexOf(c);
    return i < 0 ? order.length : i;
  };
  const byId = new Map(data.knopen.map((k) => [k.id, k]));
  const out = new Map<string, Set<string>>();
  for (const k of data.knopen) if (k.soort === 'voorziening') out.set(k.id, new Set(k.leefgebieden));
  for (const r of data.relaties) {
    if (r.soort !== 'aanbod') continue;
    const v = byId.get(r.doel);
    if (!v) continue;
    const set = out.get(r.bron) ?? new Set<string>();
    for (const l of v.leefgebieden) set.add(l);
    out.set(r.bron, set);
  }
  return new Map([...out].map(([id, set]) => [id, [...set].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))]));
}

export interface KleurSchaal {
  readonly kleurOp: KleurOp;
  /** The category of a knoop: a code, ONBEKEND, or OVERIG (more than 7 categories). */
  readonly sleutel: (k: NetwerkKnoop) => string;
  readonly kleur: (sleutel: string) => string;
  /** Categories in legend order (only those with a colour of their own). */
  readonly volgorde: readonly string[];
}

/**
 * Colours per category, fixed for the whole project (not only what the filter shows), so a sector keeps its colour
 * when you filter. Up to 7 categories get a colour each; with more, the 6 largest do and the rest is "Overig".
 */
export function kleurSchaal(kleurOp: KleurOp, data: NetwerkData, analyse: NetwerkAnalyse | null): KleurSchaal {
  let raw: (k: NetwerkKnoop) => string | null;
  let taxOrder: string[] = [];
  if (kleurOp === 'sector') {
    raw = (k) => k.sector;
    taxOrder = Object.keys(data.labels['soort_organisatie'] ?? {});
  } else if (kleurOp === 'leefgebied') {
    const per = leefgebiedenPerKnoop(data);
    raw = (k) => per.get(k.id)?.[0] ?? null;
    taxOrder = Object.keys(data.labels['leefgebied'] ?? {});
  } else if (isKleurMetriek(kleurOp)) {
    const groep = new Map(analyse?.knopen.map((m) => [m.id, String(m[kleurOp])]) ?? []);
    raw = (k) => groep.get(k.id) ?? null;
  } else {
    raw = (k) => k.soort;
    taxOrder = ['organisatie', 'voorziening'];
  }
  const counts = new Map<string, number>();
  for (const k of data.knopen) {
    if (k.soort === 'gebied') continue;
    const v = raw(k);
    if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const kleuren = categorieKleuren(counts, taxOrder, isKleurMetriek(kleurOp));
  const eigen = [...kleuren.keys()];
  return {
    kleurOp,
    sleutel: (k) => {
      const v = raw(k);
      if (v === null) return ONBEKEND;
      return kleuren.has(v) ? v : OVERIG;
    },
    kleur: (s) => (s === ONBEKEND ? KLEUR_ONBEKEND : (kleuren.get(s) ?? KLEUR_OVERIG)),
    volgorde: eigen,
  };
}

// ------------------------------------------------------------------ size by metric

const VASTE_GROOTTE: Readonly<Record<NetwerkKnoop['soort'], number>> = {
  organisatie: 32,
  voorziening: 22,
  gebied: 18,
};

/** A knoop is never drawn smaller than this on the screen (px): 9 px for the smallest, 20 px for the largest. */
export function minSchermGrootte(grootte: number): number {
  return 9 + 11 * Math.max(0, Math.min(1, (grootte - GROOTTE_MIN) / (GROOTTE_MAX - GROOTTE_MIN)));
}

/** A line is never drawn thinner than this on the screen (px): the width classes stay apart when you zoom out. */
export function minSchermBreedte(breedte: number): number {
  return breedte >= 9 ? 6 : breedte >= 5.5 ? 3.8 : breedte >= 3 ? 2.2 : breedte >= 1.5 ? 1.4 : 1;
}

/** Edge width in three classes of referral count (shared/netwerk-stijl.ts); `max` 0: no volumes at all. */
export function breedteVoor(volume: number | null, max: number): number {
  return max > 0 ? breedteKlasse(volume) : BREEDTE_MIN;
}

// ------------------------------------------------------------------ the model: elements and legend

export interface NodeData {
  readonly id: string;
  readonly label: string;
  readonly kleur: string;
  readonly grootte: number;
  readonly vorm: Vorm;
  readonly rand: Rand;
  readonly randBreedte: number;
}

export interface EdgeData {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kleur: string;
  readonly breedte: number;
  readonly lijn: Lijn;
  readonly pijl: Pijl;
}

export interface ModelNode {
  readonly data: NodeData;
  readonly classes: string;
}
export interface ModelEdge {
  readonly data: EdgeData;
  readonly classes: string;
}

/** A legend entry you clicked: the rest is faded until you click it again. */
export interface Markering {
  readonly groep: 'kleur' | 'soort' | 'relatie';
  readonly sleutel: string;
}

export interface LegendaKleur {
  readonly sleutel: string;
  readonly kleur: string;
  readonly aantal: number;
}
export interface LegendaSoort {
  readonly sleutel: SoortSleutel;
  readonly vorm: Vorm;
  readonly rand: Rand;
  readonly aantal: number;
}
export interface LegendaRelatie {
  readonly sleutel: string;
  readonly stijl: RelatieStijl;
  readonly aantal: number;
}

export interface Legenda {
  readonly kleurOp: KleurOp;
  readonly kleuren: readonly LegendaKleur[];
  readonly soorten: readonly LegendaSoort[];
  readonly relaties: readonly LegendaRelatie[];
  /** Edge width: the smallest and largest volume drawn (null without volumes). */
  readonly dikte: { readonly min: number; readonly max: number } | null;
  /** Node size: the metric and its range (null: no size by metric). */
  readonly grootte: { readonly metriek: Metriek; readonly min: number; readonly max: number } | null;
  readonly vergelijking: {
    readonly nieuweKnopen: number;
    readonly verdwenenKnopen: number;
    readonly nieuweRelaties: number;
    readonly verdwenenRelaties: number;
  } | null;
}

export interface Telling {
  /** Organisaties and voorzieningen that match, and all of them on the map. */
  readonly knopen: number;
  readonly knopenTotaal: number;
  /** Relations between partners (not the structural ones) that match, and all of them. */
  readonly relaties: number;
  readonly relatiesTotaal: number;
}

export interface GraphModel {
  readonly nodes: readonly ModelNode[];
  readonly edges: readonly ModelEdge[];
  readonly legenda: Legenda;
  readonly telling: Telling;
  /** True above GROOT_NETWERK knopen: the view uses its fast settings. */
  readonly groot: boolean;
  /** The figures (and so the sizes) are in. */
  readonly metCijfers: boolean;
}

export interface ModelInput {
  readonly data: NetwerkData;
  /** applyFilter(data, filter): the picture. */
  readonly net: ZichtbaarNetwerk;
  readonly instellingen: NetwerkInstellingen;
  readonly analyse: NetwerkAnalyse | null;
  readonly vergelijking: NetwerkVergelijking | null;
  readonly markering: Markering | null;
}

const metricValue = (m: NetwerkAnalyse['knopen'][number], metriek: Metriek): number => m[metriek];

export function buildModel(input: ModelInput): GraphModel {
  const { data, net, instellingen, analyse, vergelijking, markering } = input;
  const verbergen = instellingen.modus === 'verbergen';
  const schaal = kleurSchaal(instellingen.kleurOp, data, analyse);
  const nieuw = new Set([...(vergelijking?.nieuweKnopen ?? []), ...(vergelijking?.nieuweRelaties ?? [])]);
  const verdwenen = new Set([...(vergelijking?.verdwenenKnopen ?? []), ...(vergelijking?.verdwenenRelaties ?? [])]);
  const focus = new Set(
    [instellingen.filter.focus?.knoop, instellingen.filter.pad?.van, instellingen.filter.pad?.naar].filter(
      (x): x is string => !!x,
    ),
  );

  // Size by metric.
  const metriek = instellingen.grootteOp;
  const metrics = new Map(analyse?.knopen.map((m) => [m.id, m]) ?? []);
  let maxMetric = 0;
  let minMetric = Infinity;
  if (metriek && analyse) {
    for (const m of analyse.knopen) {
      const v = metricValue(m, metriek);
      if (v > maxMetric) maxMetric = v;
      if (v < minMetric) minMetric = v;
    }
  }
  const sized = metriek !== null && analyse !== null && analyse.knopen.length > 0;

  const drawn = (id: string) => !verbergen || net.treffers.has(id) || verdwenen.has(id);

  const nodes: ModelNode[] = [];
  const kleurTelling = new Map<string, number>();
  const soortTelling = new Map<SoortSleutel, number>();
  const drawnNodes = new Set<string>();
  const groot = net.knopen.length > GROOT_NETWERK;
  let knopen = 0;
  let knopenTotaal = 0;
  for (const k of net.knopen) {
    if (k.soort !== 'gebied') knopenTotaal++;
    if (!drawn(k.id)) continue;
    drawnNodes.add(k.id);
    const treffer = net.treffers.has(k.id);
    const kleurSleutel = k.soort === 'gebied' ? null : schaal.sleutel(k);
    const soorten = soortSleutels(k);
    if (treffer) {
      if (k.soort !== 'gebied') knopen++;
      if (kleurSleutel !== null) kleurTelling.set(kleurSleutel, (kleurTelling.get(kleurSleutel) ?? 0) + 1);
      for (const s of soorten) soortTelling.set(s, (soortTelling.get(s) ?? 0) + 1);
    }
    const { vorm, rand, randBreedte } = knoopVorm(k);
    const m = metrics.get(k.id);
    const grootte =
      k.soort === 'gebied'
        ? k.niveau === 'wijk'
          ? 24
          : VASTE_GROOTTE.gebied
        : sized
          ? m
            ? grootteVoor(metricValue(m, metriek), maxMetric)
            : GROOTTE_MIN
          : VASTE_GROOTTE[k.soort];
    const gemarkeerd =
      !markering ||
      (markering.groep === 'kleur' && kleurSleutel === markering.sleutel) ||
      (markering.groep === 'soort' && (soorten as string[]).includes(markering.sleutel));
    const classes = [
      k.soort,
      !treffer && !verdwenen.has(k.id) ? 'vervaagd' : null,
      treffer && !gemarkeerd ? 'vervaagd' : null,
      nieuw.has(k.id) ? 'nieuw' : null,
      verdwenen.has(k.id) ? 'verdwenen' : null,
      focus.has(k.id) ? 'focus' : null,
    ]
      .filter(Boolean)
      .join(' ');
    nodes.push({
      data: {
        id: k.id,
        label: k.naam,
        kleur: kleurSleutel === null ? KLEUR_GEBIED : schaal.kleur(kleurSleutel),
        grootte,
        vorm,
        rand,
        randBreedte,
      },
      classes,
    });
  }

  let maxVolume = 0;
  let minVolume = Infinity;
  for (const r of net.relaties) {
    if (r.volume !== null && r.volume > 0 && drawn(r.id)) {
      maxVolume = Math.max(maxVolume, r.volume);
      minVolume = Math.min(minVolume, r.volume);
    }
  }
  const edges: ModelEdge[] = [];
  const relatieTelling = new Map<string, number>();
  let relaties = 0;
  let relatiesTotaal = 0;
  for (const r of net.relaties) {
    const structuur = STRUCTUUR.has(r.soort);
    if (!structuur) relatiesTotaal++;
    if (!drawn(r.id) || !drawnNodes.has(r.bron) || !drawnNodes.has(r.doel)) continue;
    const treffer = net.treffers.has(r.id);
    if (treffer) {
      if (!structuur) relaties++;
      relatieTelling.set(r.soort, (relatieTelling.get(r.soort) ?? 0) + 1);
    }
    const stijl = relatieStijl(r.soort, r.gericht);
    const gemarkeerd = !markering || (markering.groep === 'relatie' && markering.sleutel === r.soort);
    const classes = [
      structuur ? 'structuur' : 'partnerrelatie',
      !treffer && !verdwenen.has(r.id) ? 'vervaagd' : null,
      treffer && !gemarkeerd ? 'vervaagd' : null,
      nieuw.has(r.id) ? 'nieuw' : null,
      verdwenen.has(r.id) ? 'verdwenen' : null,
      stijl.pijl !== 'none' ? 'gericht' : null,
    ]
      .filter(Boolean)
      .join(' ');
    edges.push({
      data: {
        id: r.id,
        source: r.bron,
        target: r.doel,
        kleur: stijl.kleur,
        breedte: structuur ? 1 : breedteVoor(r.volume, maxVolume),
        lijn: stijl.lijn,
        pijl: stijl.pijl,
      },
      classes,
    });
  }

  const kleurVolgorde = [...schaal.volgorde, OVERIG, ONBEKEND];
  const soortVolgorde = Object.keys(SOORT_VORM) as SoortSleutel[];
  const relatieVolgorde = [...Object.keys(data.labels['relatietype'] ?? {}), ...Object.keys(RELATIE_STIJLEN)];
  const rankOf = (list: readonly string[], s: string) => {
    const i = list.indexOf(s);
    return i < 0 ? list.length : i;
  };
  const legenda: Legenda = {
    kleurOp: instellingen.kleurOp,
    kleuren: [...kleurTelling]
      .sort(([a], [b]) => rankOf(kleurVolgorde, a) - rankOf(kleurVolgorde, b) || a.localeCompare(b))
      .map(([sleutel, aantal]) => ({ sleutel, kleur: schaal.kleur(sleutel), aantal })),
    soorten: soortVolgorde
      .filter((s) => soortTelling.has(s))
      .map((s) => ({ sleutel: s, ...SOORT_VORM[s], aantal: soortTelling.get(s)! })),
    relaties: [...relatieTelling]
      .sort(([a], [b]) => rankOf(relatieVolgorde, a) - rankOf(relatieVolgorde, b) || a.localeCompare(b))
      .map(([sleutel, aantal]) => ({ sleutel, stijl: relatieStijl(sleutel, false), aantal })),
    dikte: maxVolume > 0 ? { min: minVolume, max: maxVolume } : null,
    grootte: sized && metriek ? { metriek, min: minMetric, max: maxMetric } : null,
    vergelijking: vergelijking
      ? {
          nieuweKnopen: vergelijking.nieuweKnopen.length,
          verdwenenKnopen: vergelijking.verdwenenKnopen.length,
          nieuweRelaties: vergelijking.nieuweRelaties.length,
          verdwenenRelaties: vergelijking.verdwenenRelaties.length,
        }
      : null,
  };
  // The legend shows arrows for types that are directed in the data.
  const gerichtSoorten = new Set(net.relaties.filter((r) => r.gericht).map((r) => r.soort));
  const legendaRelaties = legenda.relaties.map((e) => ({
    ...e,
    stijl: relatieStijl(e.sleutel, gerichtSoorten.has(e.sleutel)),
  }));
  return {
    nodes,
    edges,
    legenda: { ...legenda, relaties: legendaRelaties },
    telling: { knopen, knopenTotaal, relaties, relatiesTotaal },
    groot,
    metCijfers: analyse !== null,
  };
}

// ------------------------------------------------------------------ the Cytoscape stylesheet

export interface StyleRule {
  readonly selector: string;
  readonly style: Readonly<Record<string, string | number>>;
}

/** How Cytoscape draws a name (only in an export, and group labels): the view draws names itself (namen-laag.ts). */
const NAAM_STIJL = {
  'font-family': LABEL_FONT,
  'text-wrap': 'wrap',
  'text-justification': 'center',
  'line-height': 1.1,
  'min-zoomed-font-size': 0,
  'text-outline-color': '#ffffff',
  'text-outline-opacity': 1,
} as const;

/** Data mappers only (no style functions), per the Cytoscape performance advice. */
export function stylesheet(groot: boolean): StyleRule[] {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(kleur)',
        // zg: the size drawn (grootte, or more when zoomed out, so a knoop stays visible: minSchermGrootte).
        width: 'data(zg)',
        height: 'data(zg)',
        shape: 'data(vorm)',
        'border-color': KLEUR_OMLIJNING,
        'border-width': 'data(randBreedte)',
        'border-style': 'data(rand)',
        'text-events': 'no',
        'z-index': 10,
      },
    },
    // The names are placed by labels.ts at a fixed size on the screen and drawn by the view itself; an export gives
    // the named knopen this class and these data fields for its length (graph.ts, metNamenInCytoscape). Not on
    // every knoop: each style property costs Cytoscape time per element (5,000 knopen: ~0.3 s for these).
    {
      selector: 'node.naam',
      style: {
        ...NAAM_STIJL,
        label: 'data(tekst)',
        'font-size': 'data(fs)',
        color: '#1a1a1a',
        'text-valign': 'data(lv)',
        'text-halign': 'data(lh)',
        'text-margin-x': 'data(mx)',
        'text-margin-y': 'data(my)',
        'text-max-width': '4000px',
        'text-outline-width': 'data(ow)',
      },
    },
    {
      selector: 'node.gebied',
      style: { 'border-color': '#6b6b6b', color: '#4d4d4d', 'font-style': 'italic', 'z-index': 5 },
    },
    {
      selector: 'edge',
      style: {
        // zb: the width drawn (breedte, or more when zoomed out: minSchermBreedte).
        width: 'data(zb)',
        'line-color': 'data(kleur)',
        'line-style': 'data(lijn)',
        'curve-style': groot ? 'haystack' : 'bezier',
        'haystack-radius': 0,
        opacity: 0.85,
        'z-index': 8,
      },
    },
    // A large map draws its lines as haystacks (no arrowheads: the cheapest line Cytoscape has, and at thousands of
    // lines an arrowhead is a dot); the lines of the chosen partner and the focus get their arrowheads.
    {
      selector: groot ? 'edge.gericht.buur' : 'edge.gericht',
      style: {
        'curve-style': groot ? 'straight' : 'bezier',
        'target-arrow-shape': 'data(pijl)',
        'target-arrow-color': 'data(kleur)',
        'arrow-scale': 1.1,
      },
    },
    { selector: 'edge.structuur', style: { opacity: 0.7, 'z-index': 1 } },
    { selector: '.vervaagd', style: { opacity: 0.15, 'z-index': 0, 'text-opacity': 0.4 } },
    { selector: 'edge.vervaagd', style: { opacity: 0.08 } },
    {
      selector: 'node.nieuw',
      style: { 'border-color': KLEUR_NIEUW, 'border-width': 5, 'border-style': 'solid' },
    },
    {
      selector: 'node.verdwenen',
      style: {
        'border-color': KLEUR_VERDWENEN,
        'border-width': 4,
        'border-style': 'dashed',
        'background-opacity': 0.35,
        opacity: 1,
      },
    },
    {
      selector: 'edge.nieuw',
      style: { 'line-color': KLEUR_NIEUW, 'target-arrow-color': KLEUR_NIEUW, 'line-style': 'solid', opacity: 1 },
    },
    {
      selector: 'edge.verdwenen',
      style: {
        'line-color': KLEUR_VERDWENEN,
        'target-arrow-color': KLEUR_VERDWENEN,
        'line-style': 'dashed',
        opacity: 1,
      },
    },
    {
      selector: 'node.vast',
      style: { 'outline-width': 3, 'outline-color': '#245a94', 'outline-offset': 2, 'outline-style': 'solid' },
    },
    { selector: 'node.focus', style: { 'border-width': 5, 'font-weight': 'bold' } },
    {
      selector: 'node:selected',
      style: {
        'border-color': '#245a94',
        'border-width': 6,
        'border-style': 'solid',
        'font-weight': 'bold',
        'z-index': 20,
        opacity: 1,
        'text-opacity': 1,
      },
    },
    { selector: 'edge.buur', style: { opacity: 1, 'z-index': 15 } },
    {
      selector: 'node.groeplabel',
      style: {
        shape: 'round-rectangle',
        'background-opacity': 0,
        'border-width': 0,
        width: 1,
        height: 1,
        ...NAAM_STIJL,
        label: 'data(label)',
        'font-size': 'data(gt)',
        'font-weight': 'bold',
        color: '#1f3a5a',
        'text-valign': 'center',
        'text-halign': 'center',
        'text-margin-x': 0,
        'text-margin-y': 0,
        'text-max-width': 'data(breedte)',
        'text-outline-width': 3,
        events: 'no',
        'z-index': 1,
      },
    },
  ];
}
