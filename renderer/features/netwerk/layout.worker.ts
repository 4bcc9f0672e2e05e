/**
 * The force-directed layout (fcose) off the page's thread: a headless Cytoscape in this worker computes positions and
 * sends them back. Draft quality takes a few seconds for thousands of knopen; the page stays usable meanwhile.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

export interface LayoutVraag {
  readonly id: number;
  readonly nodes: readonly { id: string; grootte: number; x?: number; y?: number }[];
  readonly edges: readonly { source: string; target: string }[];
  readonly quality: 'draft' | 'default';
  /** false: start from the positions given (only with quality 'default'). */
  readonly randomize: boolean;
  /** Pinned knopen: they keep their place. */
  readonly vast: readonly { id: string; x: number; y: number }[];
}

export type LayoutAntwoord =
  | { readonly id: number; readonly posities: readonly (readonly [string, number, number])[] }
  | { readonly id: number; readonly fout: string };

self.onmessage = (e: MessageEvent<LayoutVraag>) => {
  const vraag = e.data;
  try {
    const ids = new Set(vraag.nodes.map((n) => n.id));
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [
        ...vraag.nodes.map((n) => ({
          data: { id: n.id, g: n.grootte },
          position: n.x !== undefined && n.y !== undefined ? { x: n.x, y: n.y } : undefined,
        })),
        ...vraag.edges
          .filter((r) => ids.has(r.source) && ids.has(r.target) && r.source !== r.target)
          .map((r, i) => ({ data: { id: `e${i}`, source: r.source, target: r.target } })),
      ],
      style: [{ selector: 'node', style: { width: 'data(g)', height: 'data(g)' } }],
    });
    const vast = vraag.vast.filter((v) => ids.has(v.id));
    cy.layout({
      name: 'fcose',
      quality: vraag.quality,
      randomize: vraag.randomize,
      animate: false,
      fit: false,
      nodeSeparation: 90,
      idealEdgeLength: () => 90,
      nodeRepulsion: () => 6500,
      packComponents: false,
      fixedNodeConstraint: vast.length ? vast.map((v) => ({ nodeId: v.id, position: { x: v.x, y: v.y } })) : undefined,
    } as cytoscape.LayoutOptions).run();
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
