/**
 * The force-directed layout (fcose) off the page's thread: a headless Cytoscape in this worker computes positions and
 * sends them back. Draft quality takes a few seconds for thousands of knopen; the page stays usable meanwhile.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

export interface LayoutVraag {
  readonly id: number;
  /** `breedte`/`hoogte`: the room the knoop and its name take (so names get room too); else `grootte` square. */
  readonly nodes: readonly { id: string; grootte: number; breedte?: number; hoogte?: number; x?: number; y?: number }[];
  readonly edges: readonly { source: string; target: string }[];
  readonly quality: 'draft' | 'default';
  /** false: start from the positions given (only with quality 'default'). */
  readonly randomize: boolean;
  /**
   * The canvas (px): the room for names is meant on the screen, so when the whole will be drawn smaller than 1:1,
   * a second pass gives the names room at that scale (up to 300 knopen).
   */
  readonly beeld?: { readonly breedte: number; readonly hoogte: number };
  /** Pinned knopen: they keep their place. */
  readonly vast: readonly { id: string; x: number; y: number }[];
}

export type LayoutAntwoord =
  | { readonly id: number; readonly posities: readonly (readonly [string, number, number])[] }
  | { readonly id: number; readonly fout: string };

/** fcose starts from random places: with a fixed seed the same network gets the same layout every time. */
function zaai(seed: number): void {
  let a = seed >>> 0 || 1;
  Math.random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

self.onmessage = (e: MessageEvent<LayoutVraag>) => {
  const vraag = e.data;
  zaai(vraag.nodes.length * 7919 + vraag.edges.length);
  try {
    const ids = new Set(vraag.nodes.map((n) => n.id));
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [
        ...vraag.nodes.map((n) => ({
          data: { id: n.id, w: n.breedte ?? n.grootte, h: n.hoogte ?? n.grootte },
          position: n.x !== undefined && n.y !== undefined ? { x: n.x, y: n.y } : undefined,
        })),
        ...vraag.edges
          .filter((r) => ids.has(r.source) && ids.has(r.target) && r.source !== r.target)
          .map((r, i) => ({ data: { id: `e${i}`, source: r.source, target: r.target } })),
      ],
      style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    });
    const vast = vraag.vast.filter((v) => ids.has(v.id));
    const run = (randomize: boolean) =>
      cy
        .layout({
          name: 'fcose',
          quality: vraag.quality,
          randomize,
          animate: false,
          fit: false,
          nodeSeparation: 110,
          idealEdgeLength: () => 110,
          nodeRepulsion: () => 25000,
          packComponents: false,
          fixedNodeConstraint: vast.length
            ? vast.map((v) => ({ nodeId: v.id, position: { x: v.x, y: v.y } }))
            : undefined,
        } as cytoscape.LayoutOptions)
        .run();
    run(vraag.randomize);
    const beeld = vraag.beeld;
    if (beeld && vraag.nodes.length <= 300 && vraag.nodes.some((n) => n.breedte !== undefined)) {
      const bb = cy.nodes().boundingBox({});
      const zoom = Math.min(beeld.breedte / Math.max(1, bb.w), beeld.hoogte / Math.max(1, bb.h));
      if (zoom < 0.9) {
        const f = Math.min(3, 1 / Math.max(zoom, 0.05));
        for (const n of vraag.nodes) {
          if (n.breedte === undefined || n.hoogte === undefined) continue;
          const ele = cy.getElementById(n.id);
          ele.data({ w: Math.max(n.grootte, n.breedte * f), h: n.grootte + (n.hoogte - n.grootte) * f });
        }
        run(false);
      }
    }
    const posities = cy.nodes().map((n) => {
      const p = n.position();
      return [n.id(), Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10] as const;
    });
    cy.destroy();
    (self as unknown as Worker).postMessage({ id: vraag.id, posities } satisfies LayoutAntwoord);
  } catch (err) {
    (self as unknown as Worker).postMessage({ id: vraag.id, fout: String(err) } satisfies LayoutAntwoord);
  }
};
