/**
 * The Cytoscape canvas of the Netwerk view, outside React: it takes a GraphModel (style.ts) and brings the canvas in
 * line with it in one batch (adds, removes, changes only what differs), keeps the positions of every knoop (also
 * those not on the map right now), pins, runs layouts (fcose in a worker) and exports PNG and SVG.
 */
import cytoscape from 'cytoscape';
import type { KnoopPositie } from '../../../shared/contract';
import { HALO, plaatsLabels, REGELBREEDTE, REGELHOOGTE, type LabelKandidaat, type LabelPlaatsing } from './labels';
import { concentrisch, GROEP_PREFIX, maakNaamRuimte, plaatsNieuw, type NaamKnoop, type Punt } from './layout';
import type { LayoutAntwoord, LayoutVraag } from './layout.worker';
import type { Viewport } from './settings';
import {
  LABEL_FONT,
  LABEL_MIN_PX,
  LABEL_PX,
  minSchermBreedte,
  minSchermGrootte,
  stylesheet,
  type EdgeData,
  type GraphModel,
  type NodeData,
} from './style';
import { cytoscapeSvg } from './svg';
import { snellerStijlCache } from './cytoscape-snel';
import { NamenLaag, uitlijning, type GetekendeNaam, type Naam, type Schets } from './namen-laag';

/**
 * Cytoscape adds a <style> element to the page unless one with this id exists. The app's CSP allows no inline
 * styles, so a placeholder takes its place and app.css holds the one rule it would add.
 */
function prepareCytoscape() {
  const id = '__________cytoscape_stylesheet';
  if (!document.getElementById(id)) {
    const marker = document.createElement('meta');
    marker.id = id;
    document.head.append(marker);
  }
}

/** fcose at full quality only up to this many knopen; above it the draft (spectral) layout. */
export const FCOSE_DEFAULT_MAX = 300;

export interface GraphEvents {
  onSelect(id: string | null): void;
  onContextMenu(id: string, x: number, y: number): void;
  /** Positions to keep in the project: after a drag (one knoop) or a layout (all, `vervangen`). */
  onSavePositions(posities: KnoopPositie[], vervangen: boolean): void;
  onLayoutBusy(busy: boolean): void;
  onLayoutError(): void;
  /** The text of a group label knoop ('groep:wijk:WK…'), or null when it no longer applies. */
  groepNaam(id: string): string | null;
  /** The map is drawn (after the first layout of a project without positions). */
  onGetekend?(): void;
}

export interface GroepLabel {
  readonly id: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
}

/** The label fields of a knoop without a name on the map. */
const GEEN_NAAM = { tekst: '', fs: 12, lv: 'bottom', lh: 'center', mx: 0, my: 0, ow: 0 } as const;

/** The most pixels of a PNG export in all and on one side (tekenKaart). */
const PRINT_PIXELS = 35_000_000;
const PRINT_ZIJDE = 9000;

/** The two internals of Cytoscape's canvas renderer that its own `cy.png()` draws with (tekenKaart). */
interface CanvasRenderer {
  getCachedZSortedEles(): unknown;
  drawElements(context: CanvasRenderingContext2D, elements: unknown): void;
}

/** The size in pixels of the map drawn for an export, and its scale to Cytoscape's model. */
export interface KaartMaat {
  readonly breedte: number;
  readonly hoogte: number;
  readonly scale: number;
}

/** The zoom buttons take this much of the canvas's right edge (px): no knoop or name under them. */
const ZOOMKNOPPEN = 52;

/** Room at the edges in a fit: for a name beside the outer knopen (names may also go inwards), and the zoom buttons. */
function fitMarges(W: number, H: number): { pad: number; rechts: number } {
  const pad = Math.min(W / 5, H / 5, 16 + LABEL_PX * 1.5);
  return { pad, rechts: Math.min(W / 5, pad + ZOOMKNOPPEN) };
}

/** The viewport that shows these knopen (centre and radius) whole, with room at the edges (fit and the sketch). */
function fitViewport(
  knopen: Iterable<{ x: number; y: number; r: number }>,
  W: number,
  H: number,
  minZoom: number,
): Viewport | null {
  let [x1, x2, y1, y2] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const k of knopen) {
    x1 = Math.min(x1, k.x - k.r);
    x2 = Math.max(x2, k.x + k.r);
    y1 = Math.min(y1, k.y - k.r);
    y2 = Math.max(y2, k.y + k.r);
  }
  if (!Number.isFinite(x1) || !(W > 0 && H > 0)) return null;
  const bb = { x1, y1, w: x2 - x1, h: y2 - y1 };
  const { pad, rechts } = fitMarges(W, H);
  const zoom = Math.min(
    2,
    Math.max(minZoom, Math.min((W - pad - rechts) / Math.max(bb.w, 1), (H - 2 * pad) / Math.max(bb.h, 1))),
  );
  return {
    zoom,
    pan: { x: pad + (W - pad - rechts) / 2 - (bb.x1 + bb.w / 2) * zoom, y: H / 2 - (bb.y1 + bb.h / 2) * zoom },
  };
}

/**
 * WebGL for large maps when the browser has WebGL 2 (not in a software-only browser, where it is slower than the
 * canvas). `localStorage['wijkweb.netwerk.webgl']` = '1' or '0' forces it on or off (for measuring).
 */
function webglGewenst(): boolean {
  let keuze: string | null = null;
  try {
    keuze = localStorage.getItem('wijkweb.netwerk.webgl');
  } catch {
    // no storage
  }
  if (keuze === '0') return false;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    if (keuze === '1') return true;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const naam = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    return !/swiftshader|llvmpipe|software/i.test(naam);
  } catch {
    return false;
  }
}

/** At most this many names at once (a map of thousands shows the largest, more as you zoom in). */
const MAX_NAMEN = 400;

/** Width of a text at 1 px in the names' font (measured once per text). */
const meetCache = new Map<string, number>();
let meetCtx: CanvasRenderingContext2D | null | undefined;
function meet(tekst: string, vet: boolean): number {
  const key = `${vet ? 'b' : 'n'}${tekst}`;
  let w = meetCache.get(key);
  if (w === undefined) {
    if (meetCtx === undefined) meetCtx = document.createElement('canvas').getContext('2d');
    if (meetCtx) {
      meetCtx.font = `${vet ? 'bold ' : ''}100px ${LABEL_FONT}`;
      w = meetCtx.measureText(tekst).width / 100;
    } else {
      w = tekst.length * 0.6;
    }
    if (meetCache.size > 50_000) meetCache.clear();
    meetCache.set(key, w);
  }
  return w;
}

/**
 * What the force layout gets per knoop: its size, and for the knopen whose names matter most (all of a small
 * network; of a larger one the largest, and those with most relations) the room of its name as well, so the layout
 * leaves a free place beside them where the name goes.
 */
function layoutKnopen(
  knopen: readonly { id: string; d: NodeData; x?: number; y?: number }[],
  edges: readonly { source: string; target: string }[],
): LayoutVraag['nodes'] {
  const graad = new Map<string, number>();
  for (const e of edges) {
    graad.set(e.source, (graad.get(e.source) ?? 0) + 1);
    graad.set(e.target, (graad.get(e.target) ?? 0) + 1);
  }
  const belang = (k: { id: string; d: NodeData }) => (Number(k.d.grootte) || 0) * 1000 + (graad.get(k.id) ?? 0);
  const aantal = knopen.length <= 60 ? knopen.length : Math.max(10, Math.ceil(knopen.length * 0.12));
  const top = new Set(
    [...knopen]
      .sort((a, b) => belang(b) - belang(a) || a.id.localeCompare(b.id))
      .slice(0, aantal)
      .map((k) => k.id),
  );
  return knopen.map((k) => {
    const grootte = Number(k.d.grootte) || 20;
    const pos = k.x !== undefined && k.y !== undefined ? { x: k.x, y: k.y } : {};
    return top.has(k.id) ? { id: k.id, grootte, ...naamRuimte(k.d), ...pos } : { id: k.id, grootte, ...pos };
  });
}

/** The room a knoop and its name take at the normal zoom. */
function naamRuimte(d: Pick<NodeData, 'label' | 'grootte'>): { breedte: number; hoogte: number } {
  const g = Number(d.grootte) || 20;
  const heel = meet(String(d.label ?? ''), false) * LABEL_PX;
  const max = LABEL_PX * REGELBREEDTE;
  const breedte = heel <= max ? heel : Math.min(max, heel / 2 + LABEL_PX * 2);
  const regels = heel <= max ? 1 : 2;
  return { breedte: Math.max(g, breedte), hoogte: g + 2 * (regels * LABEL_PX * REGELHOOGTE + 4) };
}

const sameData = (a: object, b: object) => {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k of Object.keys(y)) if (x[k] !== y[k]) return false;
  return true;
};

export class NetwerkGraph {
  private cy: cytoscape.Core;
  private readonly container: HTMLElement;
  private readonly events: GraphEvents;
  private groot = false;
  /** Drawn with WebGL (a large map, where the browser can). */
  webgl = false;
  /** Positions of every knoop we know (also off the map now) and of group labels. */
  private known = new Map<string, Punt>();
  private vast = new Set<string>();
  private nodeData = new Map<string, NodeData>();
  private edgeData = new Map<string, EdgeData>();
  private classes = new Map<string, string>();
  private model: GraphModel | null = null;
  /** A viewport to set again after the next model, if that comes soon (a view sets filters and viewport at once). */
  private pendingViewport: { v: Viewport; until: number } | null = null;
  private worker: Worker | null = null;
  private layoutRun = 0;
  private positionsLoaded = false;
  private wachtOpIndeling = false;
  private gesynct = false;
  private resizeObserver: ResizeObserver;
  /** Knopen that have a name on the map now, with what was drawn. */
  private benoemd = new Map<string, string>();
  private naamTimer: ReturnType<typeof setTimeout> | null = null;
  private hover: string | null = null;
  /** The names, on a canvas over Cytoscape's (namen-laag.ts). */
  private readonly laag: NamenLaag;
  /** The names as Cytoscape's data fields (for an export: PNG and SVG draw them from Cytoscape's style). */
  private naamData = new Map<string, Record<string, string | number>>();
  /** The zoom the least sizes on the screen were set for (schermMaten). */
  private matenZoom = 0;
  /** The map follows the canvas: after a fit, a resize fits again (until you pan or zoom yourself). */
  private volgFit: boolean | 'treffers' | { readonly centreer: string } = false;
  private eigenViewport = false;

  constructor(container: HTMLElement, events: GraphEvents) {
    // Start the layout worker now: its code loads while the data and the first figures are still on their way.
    this.layoutWorker();
    prepareCytoscape();
    this.container = container;
    this.events = events;
    this.cy = this.create(false);
    this.laag = new NamenLaag(container, (id) => {
      const ele = this.cy.getElementById(id);
      if (ele.empty()) return null;
      const p = (ele as cytoscape.NodeSingular).position();
      const z = this.cy.zoom();
      const pan = this.cy.pan();
      return { x: p.x * z + pan.x, y: p.y * z + pan.y };
    });
    this.resizeObserver = new ResizeObserver(() => {
      this.cy.resize();
      const volg = this.volgFit;
      if (typeof volg === 'object') this.centreer(volg.centreer);
      else if (volg) this.fit(volg === 'treffers');
      else this.planNamen(80);
    });
    this.resizeObserver.observe(container);
  }

  private create(groot: boolean): cytoscape.Core {
    this.groot = groot;
    this.webgl = groot && webglGewenst();
    const cy = cytoscape({
      container: this.container,
      // Large maps: Cytoscape's WebGL renderer (3.31+) where the browser has WebGL 2; else the canvas renderer.
      ...(this.webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
      style: stylesheet(groot) as unknown as cytoscape.StylesheetJson,
      minZoom: 0.05,
      maxZoom: 4,
      wheelSensitivity: 0.4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      // Large maps: no edges and a cached picture while you pan or zoom, one pixel per pixel.
      pixelRatio: groot ? 1 : 'auto',
      hideEdgesOnViewport: groot,
      textureOnViewport: groot,
      hideLabelsOnViewport: groot,
    });
    snellerStijlCache(cy);
    cy.on('select unselect', 'node', () => {
      const selected = cy.nodes(':selected');
      cy.edges('.buur').removeClass('buur');
      // The lines of the chosen knoop and of the focus in front.
      selected.union(cy.nodes('.focus')).connectedEdges().addClass('buur');
      this.events.onSelect(selected.nonempty() ? selected.first().id() : null);
      this.planNamen(0);
    });
    cy.on('viewport', () => {
      if (!this.eigenViewport) this.volgFit = false;
      // The names move with their knopen at once (a large map: hidden while it moves); their places follow.
      if (groot) this.laag.verberg();
      else this.laag.planTekenen();
      this.planNamen(groot ? 160 : 60);
    });
    cy.on('position', 'node', () => this.laag.planTekenen());
    cy.on('mouseover', 'node', (e) => {
      const node = e.target as cytoscape.NodeSingular;
      if (node.hasClass('groeplabel')) return;
      this.hover = node.id();
      if (!this.benoemd.has(node.id())) this.planNamen(0);
    });
    cy.on('mouseout', 'node', (e) => {
      if (this.hover !== (e.target as cytoscape.NodeSingular).id()) return;
      const had = this.hover;
      this.hover = null;
      if (had && this.benoemd.get(had)?.startsWith('h')) this.planNamen(0);
    });
    cy.on('cxttap', 'node', (e) => {
      const node = e.target as cytoscape.NodeSingular;
      if (node.hasClass('groeplabel')) return;
      node.select();
      this.events.onContextMenu(node.id(), e.renderedPosition.x, e.renderedPosition.y);
    });
    cy.on('dragfree', 'node', (e) => {
      const node = e.target as cytoscape.NodeSingular;
      const p = node.position();
      const punt = { x: round(p.x), y: round(p.y) };
      this.known.set(node.id(), punt);
      this.events.onSavePositions([{ knoop: node.id(), ...punt, vast: this.vast.has(node.id()) }], false);
      // The names moved with it; now their places again (a name may lie on another knoop there).
      this.planNamen(0);
    });
    return cy;
  }

  destroy(): void {
    if (this.naamTimer) clearTimeout(this.naamTimer);
    if (this.wachtOpCijfers) clearTimeout(this.wachtOpCijfers);
    this.resizeObserver.disconnect();
    this.worker?.terminate();
    this.worker = null;
    this.laag.destroy();
    this.cy.destroy();
  }

  /** The positions saved in the project (on opening the view, and after the project changed). */
  setPosities(posities: readonly KnoopPositie[]): void {
    this.known = new Map(posities.map((p) => [p.knoop, { x: p.x, y: p.y }]));
    this.vast = new Set(posities.filter((p) => p.vast).map((p) => p.knoop));
    this.positionsLoaded = true;
    this.cy.batch(() => {
      for (const [id, p] of this.known) {
        const ele = this.cy.getElementById(id);
        if (ele.nonempty()) {
          const q = ele.position();
          if (q.x !== p.x || q.y !== p.y) ele.position(p);
        }
      }
      this.cy.nodes().forEach((n) => {
        if (n.hasClass('groeplabel')) return;
        n.toggleClass('vast', this.vast.has(n.id()));
      });
      this.syncGroepLabels();
    });
  }

  /** Brings the canvas in line with the model. */
  setModel(model: GraphModel): void {
    // The first model waits a frame for its sketch; meanwhile a newer one takes its place.
    if (this.wachtend) {
      this.wachtend = { ...this.wachtend, model };
      return;
    }
    // A project that was never laid out: draw at once in rings (most relations in the middle, no physics: instant
    // for any size), then the force-directed layout in the worker, and its result replaces the rings.
    const eerste = this.model === null && this.positionsLoaded && this.known.size === 0 && model.nodes.length > 0;
    if (eerste) {
      const graad = new Map<string, number>();
      for (const e of model.edges) {
        graad.set(e.data.source, (graad.get(e.data.source) ?? 0) + 1);
        graad.set(e.data.target, (graad.get(e.data.target) ?? 0) + 1);
      }
      const ringen = concentrisch(model.nodes.map((n) => ({ id: n.data.id, waarde: graad.get(n.data.id) ?? 0 })));
      for (const [id, p] of ringen) this.known.set(id, p);
    }
    // The very first picture: the sketch of knopen and lines from the model at once; Cytoscape gets the model after
    // that frame is on the screen (adding thousands of elements to Cytoscape takes a second).
    if (!this.gesynct && model.nodes.length > 0) {
      this.wachtend = { model, eerste };
      const cy = this.cy;
      const v = fitViewport(
        model.nodes.flatMap((n) => {
          const p = this.known.get(n.data.id);
          return p ? [{ ...p, r: (Number(n.data.grootte) || 1) / 2 }] : [];
        }),
        cy.width(),
        cy.height(),
        cy.minZoom(),
      );
      if (v) this.laag.zetSchets(this.schets(model, v));
      requestAnimationFrame(() => {
        performance.mark('wijkweb:netwerk-schets');
        setTimeout(() => {
          const w = this.wachtend;
          this.wachtend = null;
          if (w && !this.cy.destroyed()) this.pasToe(w.model, w.eerste);
        }, 0);
      });
      return;
    }
    this.pasToe(model, eerste);
  }

  /** A first model waiting for its sketch to be on the screen. */
  private wachtend: { model: GraphModel; eerste: boolean } | null = null;

  private pasToe(model: GraphModel, eerste: boolean): void {
    this.model = model;
    if (eerste) {
      this.wachtOpIndeling = true;
      // Busy from now on: the layout waits for the sizes before it starts.
      this.events.onLayoutBusy(true);
      this.sync(model, true);
      // The layout waits for the sizes (a moment; at most a few seconds), so the names of the largest get room.
      this.wachtOpCijfers = setTimeout(() => this.startEersteIndeling(), model.metCijfers ? 0 : 4000);
      return;
    }
    this.sync(model);
    if (model.metCijfers && this.wachtOpCijfers) this.startEersteIndeling();
  }

  private wachtOpCijfers: ReturnType<typeof setTimeout> | null = null;

  private startEersteIndeling(): void {
    if (!this.wachtOpCijfers) return;
    clearTimeout(this.wachtOpCijfers);
    this.wachtOpCijfers = null;
    void this.eersteIndeling();
  }

  /**
   * What a force layout gives, made ready to read: stretched to the canvas's shape, and with a free place below the
   * knopen whose names matter most (all of a small map; the largest of a big one).
   */
  private naWerk(posities: Map<string, Punt>): Map<string, Punt> {
    const gestrekt = this.naarBeeldverhouding(posities);
    const W = this.cy.width();
    const H = this.cy.height();
    if (!(W > 0 && H > 0) || this.vast.size > 0) return gestrekt;
    const data = new Map<string, NodeData>();
    this.cy.nodes().forEach((n) => {
      if (!n.hasClass('groeplabel')) data.set(n.id(), n.data() as NodeData);
    });
    let [x1, x2, y1, y2] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const [id, p] of gestrekt) {
      const r = (Number(data.get(id)?.grootte) || 20) / 2;
      x1 = Math.min(x1, p.x - r);
      x2 = Math.max(x2, p.x + r);
      y1 = Math.min(y1, p.y - r);
      y2 = Math.max(y2, p.y + r);
    }
    const { pad, rechts } = fitMarges(W, H);
    const zoom = Math.min(2, (W - pad - rechts) / Math.max(1, x2 - x1), (H - 2 * pad) / Math.max(1, y2 - y1));
    const ids = [...gestrekt.keys()].filter((id) => data.has(id));
    const aantal = ids.length <= 60 ? ids.length : Math.min(40, Math.max(10, Math.ceil(ids.length * 0.08)));
    const top = new Set(
      [...ids]
        .sort(
          (a, b) =>
            (Number(data.get(b)!.grootte) || 0) - (Number(data.get(a)!.grootte) || 0) ||
            String(data.get(a)!.label).localeCompare(String(data.get(b)!.label), 'nl'),
        )
        .slice(0, aantal),
    );
    const knopen: NaamKnoop[] = ids.map((id) => {
      const d = data.get(id)!;
      const g = Number(d.grootte) || 20;
      const r = Math.max(g, minSchermGrootte(g) / zoom) / 2 + (Number(d.randBreedte) || 0) / 2;
      if (!top.has(id)) return { id, r, naam: null };
      const heel = meet(String(d.label ?? ''), false) * LABEL_PX;
      const max = LABEL_PX * REGELBREEDTE;
      const regels = heel <= max ? 1 : 2;
      return {
        id,
        r,
        naam: { w: Math.min(heel, max) + 2 * HALO, h: regels * LABEL_PX * REGELHOOGTE + 2 * HALO },
      };
    });
    return maakNaamRuimte(gestrekt, knopen, zoom);
  }

  /** The first layout of a project without positions: computed from what is drawn, then saved. */
  private async eersteIndeling(): Promise<void> {
    const model = this.model!;
    const cy = this.cy;
    const edges = model.edges.map((e) => ({ source: e.data.source, target: e.data.target }));
    const ok = await this.fcose(
      layoutKnopen(
        model.nodes.map((n) => ({ id: n.data.id, d: n.data })),
        edges,
      ),
      edges,
      true,
      (posities) => {
        if (this.cy === cy) this.applyLayout(this.naWerk(posities), []);
        else for (const [id, p] of posities) this.known.set(id, p);
      },
    );
    this.wachtOpIndeling = false;
    if (!ok) this.planNamen(0);
  }

  private sync(model: GraphModel, eersteKeer = false): void {
    if (model.groot !== this.groot) {
      const viewport = this.viewport();
      this.cy.destroy();
      this.cy = this.create(model.groot);
      // A new Cytoscape empties the container: the names' canvas goes back on top.
      this.container.append(this.laag.canvas);
      this.nodeData.clear();
      this.edgeData.clear();
      this.classes.clear();
      // The map you were looking at stays in view (not on the very first drawing: that one is fitted).
      if (this.gesynct) this.pendingViewport ??= { v: viewport, until: Infinity };
    }
    const cy = this.cy;
    const first = !this.gesynct || eersteKeer;
    this.gesynct = true;
    // The first picture: a sketch at once, Cytoscape's own drawing a frame later (schetsEerst).
    const schets = first && model.nodes.length > 0;
    if (schets) cy.startBatch();
    const wantNodes = new Set(model.nodes.map((n) => n.data.id));
    const wantEdges = new Map(model.edges.map((e) => [e.data.id, e]));
    const placed: KnoopPositie[] = [];
    cy.batch(() => {
      cy.edges().forEach((e) => {
        const want = wantEdges.get(e.id());
        if (!want || want.data.source !== e.data('source') || want.data.target !== e.data('target')) {
          e.remove();
          this.edgeData.delete(e.id());
          this.classes.delete(e.id());
        }
      });
      cy.nodes().forEach((n) => {
        if (n.hasClass('groeplabel') || wantNodes.has(n.id())) return;
        this.known.set(n.id(), { x: round(n.position('x')), y: round(n.position('y')) });
        n.remove();
        this.nodeData.delete(n.id());
        this.classes.delete(n.id());
        this.benoemd.delete(n.id());
      });

      // Knopen: change what differs; new ones at their saved place, or near their neighbours.
      const missing: string[] = [];
      const toAdd: cytoscape.ElementDefinition[] = [];
      for (const m of model.nodes) {
        const id = m.data.id;
        const classes = this.vast.has(id) ? `${m.classes} vast` : m.classes;
        const ele = cy.getElementById(id);
        if (ele.nonempty()) {
          const before = this.nodeData.get(id);
          if (!before || !sameData(before, m.data)) ele.data(m.data);
          if (this.classes.get(id) !== classes) ele.classes(classes);
        } else {
          const p = this.known.get(id);
          if (!p) missing.push(id);
          toAdd.push({
            group: 'nodes',
            data: { ...GEEN_NAAM, ...m.data, zg: m.data.grootte },
            classes,
            position: p ? { ...p } : undefined,
          });
        }
        this.nodeData.set(id, m.data);
        this.classes.set(id, classes);
      }
      if (missing.length) {
        const buren = new Map<string, string[]>();
        for (const e of model.edges) {
          buren.set(e.data.source, [...(buren.get(e.data.source) ?? []), e.data.target]);
          buren.set(e.data.target, [...(buren.get(e.data.target) ?? []), e.data.source]);
        }
        const withPos = [...this.known.entries()].filter(([id]) => wantNodes.has(id)).map(([, p]) => p);
        const bbox = withPos.length
          ? {
              x1: withPos.reduce((m, p) => Math.min(m, p.x), Infinity),
              x2: withPos.reduce((m, p) => Math.max(m, p.x), -Infinity),
              y2: withPos.reduce((m, p) => Math.max(m, p.y), -Infinity),
            }
          : null;
        let index = 0;
        const missingSet = new Set(missing);
        for (const def of toAdd) {
          const id = def.data.id!;
          if (!missingSet.has(id)) continue;
          const nb = (buren.get(id) ?? []).flatMap((b) => {
            const p = this.known.get(b);
            return p ? [p] : [];
          });
          const p = plaatsNieuw(id, nb, bbox, nb.length ? 0 : index++);
          this.known.set(id, p);
          def.position = { ...p };
          placed.push({ knoop: id, ...p, vast: false });
        }
      }
      if (toAdd.length) cy.add(toAdd);

      const edgesToAdd: cytoscape.ElementDefinition[] = [];
      for (const m of model.edges) {
        const id = m.data.id;
        const ele = cy.getElementById(id);
        if (ele.nonempty()) {
          const before = this.edgeData.get(id);
          if (!before || !sameData(before, m.data)) ele.data(m.data);
          if (this.classes.get(id) !== m.classes) ele.classes(m.classes);
        } else {
          edgesToAdd.push({ group: 'edges', data: { ...m.data, zb: m.data.breedte }, classes: m.classes });
        }
        this.edgeData.set(id, m.data);
        this.classes.set(id, m.classes);
      }
      if (edgesToAdd.length) cy.add(edgesToAdd);
      this.syncGroepLabels();
      const selected = cy.nodes(':selected');
      cy.edges('.buur').removeClass('buur');
      // The lines of the chosen knoop and of the focus in front.
      selected.union(cy.nodes('.focus')).connectedEdges().addClass('buur');
    });

    let gepast = false;
    if (this.pendingViewport && performance.now() <= this.pendingViewport.until) {
      cy.viewport({ zoom: this.pendingViewport.v.zoom, pan: { ...this.pendingViewport.v.pan } });
      this.pendingViewport = null;
    } else {
      this.pendingViewport = null;
      // fit() places the names as well.
      if (first) gepast = this.fit();
    }
    if (placed.length && this.positionsLoaded && !eersteKeer) this.events.onSavePositions(placed, false);
    if (!gepast) this.plaatsNamen();
    if (schets) this.schetsEerst(cy);
    if (first) this.events.onGetekend?.();
  }

  /**
   * Draws the map as a sketch on the names' canvas and lets Cytoscape draw (ends its batch) only after that frame is
   * on the screen: a large map then shows at once instead of after seconds of blank canvas. The performance marks
   * 'wijkweb:netwerk-schets' and 'wijkweb:netwerk-getekend' are what `npm run bench -- netwerk-view` measures.
   */
  private schetsEerst(cy: cytoscape.Core): void {
    if (this.model) this.laag.zetSchets(this.schets(this.model, { zoom: cy.zoom(), pan: cy.pan() }));
    requestAnimationFrame(() => {
      performance.mark('wijkweb:netwerk-namen');
      setTimeout(() => {
        if (this.cy !== cy || cy.destroyed()) return;
        let weg = false;
        const getekend = () => {
          if (weg) return;
          weg = true;
          performance.mark('wijkweb:netwerk-getekend');
          this.laag.zetSchets(null);
        };
        cy.one('render', getekend);
        cy.endBatch();
        // Cytoscape's WebGL renderer draws without a 'render' event: its drawing is in the frame after the batch.
        requestAnimationFrame(() => requestAnimationFrame(getekend));
      }, 0);
    });
  }

  /**
   * Zoomed out, knopen and lines keep a least size on the screen (a map of 150 on a laptop is not a cloud of dots);
   * a large map draws them at their own size (one update of thousands of elements per zoom would cost too much).
   */
  private schermMaten(zoom: number): void {
    const cy = this.cy;
    const groot = this.groot;
    const r1 = (n: number) => Math.round(n * 10) / 10;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        if (n.hasClass('groeplabel')) return;
        const g = Number(n.data('grootte')) || 20;
        const zg = groot ? g : r1(Math.max(g, minSchermGrootte(g) / zoom));
        if (n.data('zg') !== zg) n.data('zg', zg);
      });
      cy.edges().forEach((e) => {
        const b = Number(e.data('breedte')) || 1;
        const zb = groot ? b : r1(Math.max(b, minSchermBreedte(b) / zoom));
        if (e.data('zb') !== zb) e.data('zb', zb);
      });
    });
  }

  /** The model as a sketch on the screen at viewport v: the sizes and colours Cytoscape will draw. */
  private schets(model: GraphModel, v: Viewport): Schets {
    const z = v.zoom;
    const scherm = (p: Punt) => ({ x: p.x * z + v.pan.x, y: p.y * z + v.pan.y });
    const groot = model.groot;
    const knopen: Schets['knopen'][number][] = [];
    for (const n of model.nodes) {
      const p = this.known.get(n.data.id);
      if (!p) continue;
      const g = Number(n.data.grootte) || 20;
      knopen.push({
        ...scherm(p),
        grootte: (groot ? g : Math.max(g, minSchermGrootte(g) / z)) * z,
        kleur: n.data.kleur,
        vorm: n.data.vorm,
        rand: Math.min(3, (Number(n.data.randBreedte) || 0) * z),
        vaag: /\bvervaagd\b/.test(n.classes),
      });
    }
    const lijnen: Schets['lijnen'][number][] = [];
    for (const e of model.edges) {
      const a = this.known.get(e.data.source);
      const b = this.known.get(e.data.target);
      if (!a || !b || /\bvervaagd\b/.test(e.classes)) continue;
      const w = Number(e.data.breedte) || 1;
      const p = scherm(a);
      const q = scherm(b);
      lijnen.push({
        x1: p.x,
        y1: p.y,
        x2: q.x,
        y2: q.y,
        kleur: e.data.kleur,
        breedte: (groot ? w : Math.max(w, minSchermBreedte(w) / z)) * z,
      });
    }
    return { knopen, lijnen };
  }

  /** Places the names again in a moment (after the viewport, the selection or the hover changed). */
  planNamen(wacht: number): void {
    if (this.naamTimer) clearTimeout(this.naamTimer);
    this.naamTimer = setTimeout(() => {
      this.naamTimer = null;
      this.plaatsNamen();
    }, wacht);
  }

  /**
   * The names on the map for the viewport now (labels.ts): a fixed size on the screen, no two overlapping, none on a
   * knoop; the chosen knoop, the focus and the one under the mouse always, their neighbours first, then by size.
   */
  plaatsNamen(): LabelPlaatsing[] {
    if (this.naamTimer) {
      clearTimeout(this.naamTimer);
      this.naamTimer = null;
    }
    const cy = this.cy;
    const W = cy.width();
    const H = cy.height();
    if (!(W > 0 && H > 0)) return [];
    const zoom = cy.zoom();
    const pan = cy.pan();
    // The least sizes follow the zoom in steps of √2 (each step restyles every knoop and line: not on every wheel tick).
    if (!this.groot && (this.matenZoom === 0 || Math.abs(Math.log2(zoom / this.matenZoom)) >= 0.5)) {
      this.schermMaten(zoom);
      this.matenZoom = zoom;
    }
    const gekozen = cy.nodes(':selected').union(cy.nodes('.focus'));
    const hover = this.hover ? cy.getElementById(this.hover) : cy.collection();
    const verplicht = new Set(gekozen.union(hover).map((n) => n.id()));
    const buren = new Set(
      gekozen
        .connectedEdges()
        .connectedNodes()
        .map((n) => n.id()),
    );
    const kandidaten: LabelKandidaat[] = [];
    cy.nodes().forEach((n) => {
      if (n.hasClass('groeplabel')) return;
      const id = n.id();
      const p = n.position();
      const d = n.data() as NodeData;
      const r = ((Number(n.data('zg')) || Number(d.grootte) || 20) + (Number(d.randBreedte) || 0)) / 2;
      const uit = n.hasClass('vervaagd') && !verplicht.has(id) && !buren.has(id);
      kandidaten.push({
        id,
        x: p.x * zoom + pan.x,
        y: p.y * zoom + pan.y,
        rx: r * zoom,
        ry: r * zoom,
        // A faded knoop is an obstacle, not named (unless chosen or next to the chosen).
        naam: uit ? '' : String(d.label ?? ''),
        gewicht: Number(d.grootte) || 0,
        verplicht: verplicht.has(id),
        voorrang: buren.has(id),
        vet: gekozen.has(n),
      });
    });
    // The zoom buttons (bottom right) are an obstacle like a knoop.
    kandidaten.push({ id: '', x: W - ZOOMKNOPPEN / 2, y: H - 85, rx: ZOOMKNOPPEN / 2, ry: 85, naam: '', gewicht: 0 });
    const plaatsingen = plaatsLabels(kandidaten, {
      breedte: W,
      hoogte: H,
      fontPx: LABEL_PX,
      kleinPx: LABEL_MIN_PX,
      belangrijk: 10,
      leiders: 3,
      meet,
      max: MAX_NAMEN,
    });
    const kandidaat = new Map(kandidaten.map((k) => [k.id, k]));
    const nieuw = new Map<string, string>();
    const gekozenIds = new Set(gekozen.map((n) => n.id()));
    const namen: Naam[] = [];
    const naamData = new Map<string, Record<string, string | number>>();
    for (const p of plaatsingen) {
      const ele = cy.getElementById(p.id);
      if (ele.empty()) continue;
      const k = kandidaat.get(p.id)!;
      nieuw.set(p.id, p.id === this.hover && !gekozenIds.has(p.id) ? 'h' : 'n');
      namen.push({ id: p.id, plaatsing: p, x: k.x, y: k.y, vet: !!k.vet, gebied: ele.hasClass('gebied') });
      // The same name as Cytoscape's label fields, for an export. A name with a line goes right below its knoop
      // there (an export draws no lines: a name further out would read as another's).
      if (p.leider) {
        const [lv, lh] = ['bottom', 'center'] as const;
        naamData.set(p.id, { tekst: p.tekst, fs: p.fontPx / zoom, ow: 2.5 / zoom, lv, lh, mx: 0, my: HALO / zoom });
        continue;
      }
      const half = ((Number(ele.data('zg')) || 20) / 2) * zoom;
      const { lh, lv } = uitlijning(p.plek);
      const mx =
        lh === 'center'
          ? (p.box.x1 + p.box.x2) / 2 - k.x
          : lh === 'right'
            ? p.box.x1 + HALO - (k.x + half)
            : p.box.x2 - HALO - (k.x - half);
      const my =
        lv === 'center'
          ? (p.box.y1 + p.box.y2) / 2 - k.y
          : lv === 'bottom'
            ? p.box.y1 + HALO - (k.y + half)
            : p.box.y2 - HALO - (k.y - half);
      naamData.set(p.id, { tekst: p.tekst, fs: p.fontPx / zoom, ow: 2.5 / zoom, lv, lh, mx: mx / zoom, my: my / zoom });
    }
    this.naamData = naamData;
    this.laag.toon();
    this.laag.zet(namen);
    this.benoemd = nieuw;
    return plaatsingen;
  }

  /** Group labels from the known positions (a grouped layout leaves them; any other layout removes them). */
  private syncGroepLabels(): void {
    const cy = this.cy;
    const want = new Map<string, { label: string; p: Punt }>();
    for (const [id, p] of this.known) {
      if (!id.startsWith(GROEP_PREFIX)) continue;
      const label = this.events.groepNaam(id);
      if (label !== null) want.set(id, { label, p });
    }
    // Each group name as wide as the space to the next name on its row, its size in proportion, wrapped if long.
    const ruimte = new Map<string, number>();
    for (const [id, { p }] of want) {
      let vrij = 900;
      for (const [ander, q] of want) {
        if (ander !== id && Math.abs(q.p.y - p.y) < 1) vrij = Math.min(vrij, Math.abs(q.p.x - p.x));
      }
      ruimte.set(id, vrij);
    }
    cy.nodes('.groeplabel').forEach((n) => {
      if (!want.has(n.id())) n.remove();
    });
    for (const [id, { label, p }] of want) {
      const breedte = Math.round(ruimte.get(id)! * 0.92);
      const tekst = Math.round(Math.max(14, Math.min(44, breedte / 9)));
      const ele = cy.getElementById(id);
      if (ele.nonempty()) {
        ele.data({ label, gt: tekst, breedte });
        ele.position(p);
      } else {
        cy.add({
          group: 'nodes',
          data: { id, label, gt: tekst, breedte },
          classes: 'groeplabel',
          position: { ...p },
          selectable: false,
          grabbable: false,
        });
      }
    }
  }

  /**
   * A force layout comes out about round; the canvas is wider than high (or the reverse). Stretch the shorter side
   * (up to 1.8×) so the knopen, and their names, use the whole canvas.
   */
  private naarBeeldverhouding(posities: Map<string, Punt>): Map<string, Punt> {
    const W = this.cy.width();
    const H = this.cy.height();
    if (!(W > 0 && H > 0) || posities.size < 3 || this.vast.size > 0) return posities;
    let [x1, x2, y1, y2] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const p of posities.values()) {
      x1 = Math.min(x1, p.x);
      x2 = Math.max(x2, p.x);
      y1 = Math.min(y1, p.y);
      y2 = Math.max(y2, p.y);
    }
    const bw = Math.max(1, x2 - x1);
    const bh = Math.max(1, y2 - y1);
    const doel = W / H;
    const nu = bw / bh;
    const sx = nu < doel ? Math.min(1.8, doel / nu) : 1;
    const sy = nu > doel ? Math.min(1.8, nu / doel) : 1;
    if (sx === 1 && sy === 1) return posities;
    const cx = (x1 + x2) / 2;
    const cy = (y1 + y2) / 2;
    return new Map(
      [...posities].map(([id, p]) => [id, { x: round(cx + (p.x - cx) * sx), y: round(cy + (p.y - cy) * sy) }]),
    );
  }

  /** Positions from a layout (pinned knopen stay where they are); saved as the whole set. */
  applyLayout(posities: ReadonlyMap<string, Punt>, groepLabels: readonly GroepLabel[]): void {
    for (const id of [...this.known.keys()]) if (id.startsWith(GROEP_PREFIX)) this.known.delete(id);
    for (const [id, p] of posities) if (!this.vast.has(id)) this.known.set(id, p);
    for (const g of groepLabels) this.known.set(g.id, { x: g.x, y: g.y });
    this.cy.batch(() => {
      for (const [id, p] of posities) {
        if (this.vast.has(id)) continue;
        const ele = this.cy.getElementById(id);
        if (ele.nonempty()) ele.position({ ...p });
      }
      this.syncGroepLabels();
    });
    this.fit();
    this.saveAll();
  }

  private saveAll(): void {
    this.events.onSavePositions(
      [...this.known].map(([knoop, p]) => ({ knoop, x: p.x, y: p.y, vast: this.vast.has(knoop) })),
      true,
    );
  }

  private layoutWorker(): Worker {
    this.worker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), {
      type: 'module',
      name: 'wijkweb-indeling',
    });
    return this.worker;
  }

  /**
   * The force-directed layout of what is on the map, in the worker; the page stays usable meanwhile. Up to
   * FCOSE_DEFAULT_MAX knopen it refines the current picture (randomize false), so the map you know changes as
   * little as possible; `opnieuw` starts from scratch.
   */
  async runFcose(opnieuw = false): Promise<void> {
    if (this.wachtOpIndeling) return;
    const cy = this.cy;
    const nodes = cy.nodes().not('.groeplabel') as cytoscape.NodeCollection;
    if (nodes.empty()) return;
    const edges = cy.edges().map((e) => ({ source: e.data('source') as string, target: e.data('target') as string }));
    await this.fcose(
      layoutKnopen(
        nodes.map((node) => ({ id: node.id(), d: node.data() as NodeData, ...node.position() })),
        edges,
      ),
      edges,
      opnieuw,
      (posities) => {
        if (this.cy === cy) this.applyLayout(this.naWerk(posities), []);
      },
    );
  }

  /** Runs fcose in the worker; `apply` gets the positions unless a newer layout started meanwhile. */
  private async fcose(
    nodes: LayoutVraag['nodes'],
    edges: LayoutVraag['edges'],
    opnieuw: boolean,
    apply: (posities: Map<string, Punt>) => void,
  ): Promise<boolean> {
    const run = ++this.layoutRun;
    const quality = nodes.length <= FCOSE_DEFAULT_MAX ? 'default' : 'draft';
    const vraag: LayoutVraag = {
      id: run,
      nodes,
      edges,
      quality,
      randomize: opnieuw || quality === 'draft' || nodes.some((n) => n.x === undefined),
      beeld: { breedte: Math.max(200, this.cy.width() - 100), hoogte: Math.max(150, this.cy.height() - 40) },
      vast: nodes
        .filter((n) => this.vast.has(n.id) && this.known.has(n.id))
        .map((n) => ({ id: n.id, ...this.known.get(n.id)! })),
    };
    this.events.onLayoutBusy(true);
    try {
      const antwoord = await new Promise<LayoutAntwoord>((resolve) => {
        const worker = this.layoutWorker();
        const klaar = (a: LayoutAntwoord) => {
          worker.removeEventListener('message', onMessage);
          worker.removeEventListener('error', onError);
          resolve(a);
        };
        const onMessage = (e: MessageEvent<LayoutAntwoord>) => {
          if (e.data.id === run) klaar(e.data);
        };
        // The worker could not start or crashed: say so instead of waiting forever (a new worker next time).
        const onError = () => {
          this.worker?.terminate();
          this.worker = null;
          klaar({ id: run, fout: 'worker' });
        };
        worker.addEventListener('message', onMessage);
        worker.addEventListener('error', onError);
        worker.postMessage(vraag);
      });
      if (run !== this.layoutRun) return false;
      if ('fout' in antwoord) {
        this.events.onLayoutError();
        return false;
      }
      const result = new Map(antwoord.posities.map(([id, x, y]) => [id, { x, y }]));
      // The draft layout does not hold pinned knopen exactly: move the whole so they are where they were.
      const pinned = vraag.vast.filter((v) => result.has(v.id));
      if (pinned.length) {
        const dx = pinned.reduce((sum, v) => sum + v.x - result.get(v.id)!.x, 0) / pinned.length;
        const dy = pinned.reduce((sum, v) => sum + v.y - result.get(v.id)!.y, 0) / pinned.length;
        for (const [id, p] of result) result.set(id, { x: round(p.x + dx), y: round(p.y + dy) });
      }
      apply(result);
      return true;
    } finally {
      if (run === this.layoutRun) this.events.onLayoutBusy(false);
    }
  }

  /** Pins or releases a knoop (kept in the project with its position). */
  setVast(id: string, vast: boolean): void {
    const ele = this.cy.getElementById(id);
    if (ele.empty()) return;
    if (vast) this.vast.add(id);
    else this.vast.delete(id);
    ele.toggleClass('vast', vast);
    const cls = this.classes.get(id);
    if (cls !== undefined) {
      const base = cls.replace(/\s*\bvast\b/, '');
      this.classes.set(id, vast ? `${base} vast` : base);
    }
    const p = ele.position();
    const punt = { x: round(p.x), y: round(p.y) };
    this.known.set(id, punt);
    this.events.onSavePositions([{ knoop: id, ...punt, vast }], false);
  }

  /** Every known position (for a saved view). */
  posities(): KnoopPositie[] {
    return [...this.known].map(([knoop, p]) => ({ knoop, x: p.x, y: p.y, vast: this.vast.has(knoop) }));
  }

  /** Positions of a saved view: they become the project's positions again. */
  herstelPosities(posities: readonly KnoopPositie[]): void {
    this.setPosities(posities);
    this.saveAll();
  }

  select(id: string | null, center = false): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.nodes(':selected').unselect();
      if (id) cy.getElementById(id).select();
    });
    if (id && center) this.centreer(id, true);
  }

  /**
   * The knoop in the middle of the canvas, zoomed so that its neighbours are on the screen too (never further out
   * than needed, never closer than twice the normal size); kept there when the canvas changes size.
   */
  private centreer(id: string, inzoomen = false): void {
    const cy = this.cy;
    const ele = cy.getElementById(id) as cytoscape.NodeSingular;
    if (ele.empty()) return;
    cy.resize();
    const W = cy.width();
    const H = cy.height();
    const p = ele.position();
    let zoom = cy.zoom();
    if (inzoomen && W > 0 && H > 0) {
      let dx = 1;
      let dy = 1;
      ele.closedNeighborhood('node').forEach((n) => {
        const q = (n as cytoscape.NodeSingular).position();
        const r = (Number(n.data('grootte')) || 20) / 2;
        dx = Math.max(dx, Math.abs(q.x - p.x) + r);
        dy = Math.max(dy, Math.abs(q.y - p.y) + r);
      });
      const { pad, rechts } = fitMarges(W, H);
      // Room for the names of the outer neighbours as well.
      const vrijX = W / 2 - Math.max(pad, rechts) - LABEL_PX * 4;
      const vrijY = H / 2 - pad - LABEL_PX * 2;
      zoom = Math.min(2, Math.max(cy.minZoom(), Math.min(vrijX / dx, vrijY / dy)));
    }
    this.eigenViewport = true;
    try {
      cy.viewport({ zoom, pan: { x: W / 2 - p.x * zoom, y: H / 2 - p.y * zoom } });
    } finally {
      this.eigenViewport = false;
    }
    this.volgFit = { centreer: id };
    this.plaatsNamen();
  }

  /** Neighbours of a knoop on the map (not faded), by name: the arrow keys step through them. */
  buren(id: string): string[] {
    const ele = this.cy.getElementById(id);
    if (ele.empty()) return [];
    return ele
      .connectedEdges(':visible')
      .connectedNodes()
      .filter((n) => n.id() !== id && !n.hasClass('vervaagd') && !n.hasClass('groeplabel'))
      .sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label')), 'nl'))
      .map((n) => n.id());
  }

  /** Where a knoop is on the screen (for the context menu opened with the keyboard). */
  schermPositie(id: string): Punt | null {
    const ele = this.cy.getElementById(id);
    if (ele.empty()) return null;
    const p = (ele as cytoscape.NodeSingular).renderedPosition();
    return { x: p.x, y: p.y };
  }

  eersteKnoop(): string | null {
    const nodes = this.cy
      .nodes()
      .filter((n) => !n.hasClass('groeplabel') && !n.hasClass('vervaagd'))
      .sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label')), 'nl'));
    return nodes.nonempty() ? nodes.first().id() : null;
  }

  zoom(factor: number): void {
    const cy = this.cy;
    cy.zoom({
      level: Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor)),
      renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
    });
  }

  /**
   * Shows the whole map (or what the filter and focus show), with room at the edges for the names; never closer than
   * twice the normal size (a path of three knopen should not fill the screen). Until you pan or zoom yourself, the
   * map fits again when the canvas changes size (a panel opens or closes, the window resizes). Places the names too;
   * false when there was nothing to fit (then it placed none).
   */
  fit(alleenTreffers = false): boolean {
    const cy = this.cy;
    const eles = alleenTreffers ? cy.elements().not('.vervaagd').not('.groeplabel') : cy.elements();
    if (eles.empty()) return false;
    const W = cy.width();
    const H = cy.height();
    if (!(W > 0 && H > 0)) return false;
    // The knopen's centres and their own size (what is drawn at this zoom may be larger: schermMaten).
    const v = fitViewport(
      eles.nodes().map((n) => ({ ...n.position(), r: (Number(n.data('grootte')) || 1) / 2 })),
      W,
      H,
      cy.minZoom(),
    );
    if (!v) return false;
    this.eigenViewport = true;
    try {
      cy.viewport(v);
    } finally {
      this.eigenViewport = false;
    }
    this.volgFit = alleenTreffers ? 'treffers' : true;
    this.plaatsNamen();
    return true;
  }

  resize(): void {
    this.cy.resize();
  }

  viewport(): Viewport {
    const p = this.cy.pan();
    return { zoom: this.cy.zoom(), pan: { x: p.x, y: p.y } };
  }

  /** Sets the viewport now and once more after the next model (a view applies filters and viewport together). */
  setViewport(v: Viewport): void {
    this.cy.viewport({ zoom: v.zoom, pan: { ...v.pan } });
    this.pendingViewport = { v, until: performance.now() + 1500 };
  }

  /**
   * The whole map at print resolution, drawn into the context `maak` returns for its size (the export's canvas, with
   * room beside it for the legend), at its top left corner. Print resolution: 3× the screen, at most 35 million
   * pixels (A2 at 300 dpi, 7016 × 4961) and 9000 on a side. The voorbeeldproject's map is 4623 × 4080 on the
   * screen: it was 9000 × 7944 px (72 million), which took 1.6 s to make; now 6297 × 5557.
   * Drawn as Cytoscape draws `cy.png()`, but into the export's canvas: `cy.png()` encodes its own canvas to a PNG,
   * which the export then decoded, copied into its own and encoded again.
   */
  async tekenKaart(maak: (maat: KaartMaat) => CanvasRenderingContext2D): Promise<KaartMaat> {
    return this.metNamenInCytoscape(async () => {
      // One frame: Cytoscape measures the names it was just given before it draws them.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const bb = this.cy.elements().boundingBox();
      // An empty map: only the legend (its box is infinite then).
      if (this.cy.elements().empty() || !Number.isFinite(bb.w)) {
        const leeg = { breedte: 0, hoogte: 0, scale: 1 };
        maak(leeg);
        return leeg;
      }
      const w = Math.max(1, bb.w);
      const h = Math.max(1, bb.h);
      const scale = Math.min(3, Math.sqrt(PRINT_PIXELS / (w * h)), PRINT_ZIJDE / w, PRINT_ZIJDE / h);
      const maat = { breedte: Math.ceil(bb.w * scale), hoogte: Math.ceil(bb.h * scale), scale };
      const ctx = maak(maat);
      const renderer = (this.cy as unknown as { renderer(): CanvasRenderer }).renderer();
      ctx.save();
      ctx.translate(-bb.x1 * scale, -bb.y1 * scale);
      ctx.scale(scale, scale);
      renderer.drawElements(ctx, renderer.getCachedZSortedEles());
      ctx.restore();
      return maat;
    });
  }

  /** The names on the map now (screen px), as drawn. */
  namen(): GetekendeNaam[] {
    return this.laag.getekend();
  }

  /** The names as Cytoscape's own labels while `werk` runs (the exports draw from Cytoscape's style), then off. */
  private async metNamenInCytoscape<T>(werk: () => Promise<T> | T): Promise<T> {
    const cy = this.cy;
    const namen = this.naamData;
    cy.batch(() => {
      for (const [id, d] of namen) cy.getElementById(id).data(d).addClass('naam');
    });
    try {
      return await werk();
    } finally {
      if (this.cy === cy)
        cy.batch(() => {
          for (const id of namen.keys()) cy.getElementById(id).data(GEEN_NAAM).removeClass('naam');
        });
    }
  }

  /** The whole map as SVG: drawn from the rendered styles (our own serializer; no GPL extension in an EUPL app). */
  async svg(): Promise<string> {
    return this.metNamenInCytoscape(() => cytoscapeSvg(this.cy));
  }
}

const round = (n: number) => Math.round(n * 10) / 10;
