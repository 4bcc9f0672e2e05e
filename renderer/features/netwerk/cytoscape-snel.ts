/**
 * One speed mend to Cytoscape (3.34), written here because Cytoscape has no option for it. For every style property
 * it applies to an element, Cytoscape clears the style cache of the element and its lines through
 * `connectedEdges()`, which builds a new collection each time (checkTriggers → dirtyStyleCache): a map of 5,000
 * knopen and 20,000 lines built some 300,000 collections before its first drawing. This clears the same caches
 * without building them; maps with compound knopen (Wijkweb draws none) keep Cytoscape's own.
 */
import type cytoscape from 'cytoscape';

interface Intern {
  _private: { styleCache: unknown; group: string; edges?: Intern[] };
}

type Eles = cytoscape.Collection & { cy(): { hasCompoundNodes(): boolean } };
type Proto = { dirtyStyleCache: (this: Eles) => Eles; __wijkweb?: true };

export function snellerStijlCache(cy: cytoscape.Core): void {
  const proto = Object.getPrototypeOf(cy.collection()) as Proto;
  if (proto.__wijkweb || typeof proto.dirtyStyleCache !== 'function') return;
  const eigen = proto.dirtyStyleCache;
  proto.dirtyStyleCache = function (this: Eles) {
    if (this.cy().hasCompoundNodes()) return eigen.call(this);
    const eles = this as unknown as ArrayLike<Intern>;
    for (let i = 0; i < eles.length; i++) {
      const p = eles[i]!._private;
      p.styleCache = null;
      if (p.group === 'nodes' && p.edges) for (const e of p.edges) e._private.styleCache = null;
    }
    return this;
  };
  proto.__wijkweb = true;
}
