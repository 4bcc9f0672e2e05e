/**
 * The Cytoscape canvas of the Netwerk view, outside React: it takes a GraphModel (style.ts) and brings the canvas in
 * line with it in one batch (adds, removes, changes only what differs), keeps the positions of every knoop (also
 * those not on the map right now), pins, runs layouts (fcose in a worker) and exports PNG and SVG.
 */
import cytoscape from 'cytoscape';
import type { KnoopPositie } from '../../../shared/contract';
import { GROEP_PREFIX, plaatsNieuw, type Punt } from './layout';
import type { LayoutAntwoord, LayoutVraag } from './layout.worker';
import type { Viewport } from './settings';
import { stylesheet, type EdgeData, type GraphModel, type NodeData } from './style';
import { cytoscapeSvg } from './svg';

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
  /** The size of the legend on the canvas (bottom left), or null when it is folded: "fit" keeps the map clear of it. */
  legenda?(): { w: number; h: number } | null;
  /** The map is drawn (after the first layout of a project without positions). */
  onGetekend?(): void;
}

export interface GroepLabel {
  readonly id: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
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

  constructor(container: HTMLElement, events: GraphEvents) {
    // Start the layout worker now: its code loads while the data and the first figures are still on their way.
    this.layoutWorker();
    prepareCytoscape();
    this.container = container;
    this.events = events;
    this.cy = this.create(false);
    this.resizeObserver = new ResizeObserver(() => this.cy.resize());
    this.resizeObserver.observe(container);
  }

  private create(groot: boolean): cytoscape.Core {
    this.groot = groot;
    const cy = cytoscape({
      container: this.container,
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
    cy.on('select unselect', 'node', () => {
      const selected = cy.nodes(':selected');
      cy.edges('.buur').removeClass('buur');
      selected.connectedEdges().addClass('buur');
      this.events.onSelect(selected.nonempty() ? selected.first().id() : null);
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
    });
    return cy;
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    this.worker?.terminate();
    this.worker = null;
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
    // A project that was never laid out: first the force-directed layout (in the worker), then one drawing of the
    // result, instead of drawing a provisional picture that is thrown away a moment later.
    if (this.model === null && this.positionsLoaded && this.known.size === 0 && model.nodes.length > 0) {
      this.model = model;
      this.wachtOpIndeling = true;
      void this.eersteIndeling();
      return;
    }
    this.model = model;
    if (!this.wachtOpIndeling) this.sync(model);
  }

  /** The first layout of a project without positions: computed from the model, drawn once, saved. */
  private async eersteIndeling(): Promise<void> {
    const model = this.model!;
    const ok = await this.fcose(
      model.nodes.map((n) => ({ id: n.data.id, grootte: n.data.grootte })),
      model.edges.map((e) => ({ source: e.data.source, target: e.data.target })),
      true,
      (posities) => {
        for (const [id, p] of posities) this.known.set(id, p);
      },
    );
    this.wachtOpIndeling = false;
    this.sync(this.model!, !ok);
    this.fit();
    if (ok) this.saveAll();
  }

  private sync(model: GraphModel, eersteKeer = false): void {
    if (model.groot !== this.groot) {
      const viewport = this.viewport();
      this.cy.destroy();
      this.cy = this.create(model.groot);
      this.nodeData.clear();
      this.edgeData.clear();
      this.classes.clear();
      this.pendingViewport ??= { v: viewport, until: Infinity };
    }
    const cy = this.cy;
    const first = !this.gesynct || eersteKeer;
    this.gesynct = true;
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
          toAdd.push({ group: 'nodes', data: { ...m.data }, classes, position: p ? { ...p } : undefined });
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
          edgesToAdd.push({ group: 'edges', data: { ...m.data }, classes: m.classes });
        }
        this.edgeData.set(id, m.data);
        this.classes.set(id, m.classes);
      }
      if (edgesToAdd.length) cy.add(edgesToAdd);
      this.syncGroepLabels();
      const selected = cy.nodes(':selected');
      cy.edges('.buur').removeClass('buur');
      selected.connectedEdges().addClass('buur');
    });

    if (this.pendingViewport && performance.now() <= this.pendingViewport.until) {
      cy.viewport({ zoom: this.pendingViewport.v.zoom, pan: { ...this.pendingViewport.v.pan } });
      this.pendingViewport = null;
    } else {
      this.pendingViewport = null;
      if (first) this.fit();
    }
    if (placed.length && this.positionsLoaded && !eersteKeer) this.events.onSavePositions(placed, false);
    if (first) this.events.onGetekend?.();
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
        ele.data({ label, tekst, breedte });
        ele.position(p);
      } else {
        cy.add({
          group: 'nodes',
          data: { id, label, tekst, breedte },
          classes: 'groeplabel',
          position: { ...p },
          selectable: false,
          grabbable: false,
        });
      }
    }
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
    await this.fcose(
      nodes.map((node) => {
        const p = node.position();
        return { id: node.id(), grootte: Number(node.data('grootte')) || 20, x: p.x, y: p.y };
      }),
      cy.edges().map((e) => ({ source: e.data('source') as string, target: e.data('target') as string })),
      opnieuw,
      (posities) => {
        if (this.cy === cy) this.applyLayout(posities, []);
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
    if (id && center) {
      const ele = cy.getElementById(id);
      if (ele.nonempty()) {
        if (cy.zoom() < 0.8) cy.zoom(1);
        cy.center(ele);
      }
    }
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
   * Shows the whole map, next to the legend rather than under it when that costs little: of "right of the legend"
   * and "above the legend" the one that allows the larger zoom; a plain fit when the legend is folded, or when
   * avoiding it would make the map much smaller.
   */
  fit(alleenTreffers = false): void {
    const cy = this.cy;
    const eles = alleenTreffers ? cy.elements().not('.vervaagd').not('.groeplabel') : cy.elements();
    if (eles.empty()) return;
    const pad = 30;
    const W = cy.width();
    const H = cy.height();
    const bb = eles.boundingBox();
    const legenda = this.events.legenda?.() ?? null;
    // Never closer than twice the normal size: a path of three knopen should not fill the screen.
    const zoomIn = (w: number, h: number) =>
      Math.min(2, Math.max(cy.minZoom(), Math.min(w / Math.max(bb.w, 1), h / Math.max(bb.h, 1))));
    const gewoon = zoomIn(W - 2 * pad, H - 2 * pad);
    const plain = () => {
      cy.fit(eles, pad);
      if (cy.zoom() > 2) cy.zoom({ level: 2, renderedPosition: { x: W / 2, y: H / 2 } });
    };
    if (!legenda || W <= 0 || H <= 0) return plain();
    const rechts = zoomIn(W - legenda.w - 2 * pad, H - 2 * pad);
    const boven = zoomIn(W - 2 * pad, H - legenda.h - 2 * pad);
    const zoom = Math.max(rechts, boven);
    // Only when the map stays large enough; otherwise the legend may cover a corner (fold it to see all).
    if (zoom < gewoon * 0.65) return plain();
    if (rechts >= boven) {
      const vrij = W - legenda.w - 2 * pad;
      cy.viewport({
        zoom,
        pan: {
          x: legenda.w + pad + (vrij - bb.w * zoom) / 2 - bb.x1 * zoom,
          y: pad + (H - 2 * pad - bb.h * zoom) / 2 - bb.y1 * zoom,
        },
      });
    } else {
      const vrij = H - legenda.h - 2 * pad;
      cy.viewport({
        zoom,
        pan: {
          x: pad + (W - 2 * pad - bb.w * zoom) / 2 - bb.x1 * zoom,
          y: pad + (vrij - bb.h * zoom) / 2 - bb.y1 * zoom,
        },
      });
    }
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

  /** The whole map at print resolution (3× the screen; less when that would be a huge image). */
  async png(): Promise<{ blob: Blob; scale: number }> {
    const bb = this.cy.elements().boundingBox();
    const scale = Math.min(3, 9000 / Math.max(1, bb.w), 9000 / Math.max(1, bb.h));
    const blob = await this.cy.png({ full: true, scale, bg: '#ffffff', output: 'blob-promise' });
    return { blob, scale };
  }

  /** The whole map as SVG: drawn from the rendered styles (our own serializer; no GPL extension in an EUPL app). */
  svg(): string {
    return cytoscapeSvg(this.cy);
  }
}

const round = (n: number) => Math.round(n * 10) / 10;
