import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { snellerStijlCache } from '../../../../../renderer/features/netwerk/cytoscape-snel';

type Intern = { _private: { styleCache: unknown } };
const cache = (ele: cytoscape.SingularElementArgument) => (ele as unknown as Intern)._private.styleCache;
/** Cytoscape's own (untyped) method, as its style code calls it. */
const dirty = (eles: cytoscape.Collection) => (eles as unknown as { dirtyStyleCache(): void }).dirtyStyleCache();
const vul = (cy: cytoscape.Core) =>
  cy.elements().forEach((e) => {
    (e as unknown as Intern)._private.styleCache = { gevuld: true };
  });

/** Fills every style cache, clears those of `eles` the way Cytoscape's style code does, and says which are empty. */
function geleegd(cy: cytoscape.Core, eles: cytoscape.Collection): string[] {
  vul(cy);
  dirty(eles);
  return cy
    .elements()
    .filter((e) => cache(e) === null)
    .map((e) => e.id())
    .sort();
}

function kaart(compound = false) {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...(compound ? [{ data: { id: 'g' } }] : []),
      { data: { id: 'a', ...(compound ? { parent: 'g' } : {}) } },
      { data: { id: 'b' } },
      { data: { id: 'c' } },
      { data: { id: 'd' } },
      { data: { id: 'ab', source: 'a', target: 'b' } },
      { data: { id: 'ca', source: 'c', target: 'a' } },
      { data: { id: 'cd', source: 'c', target: 'd' } },
    ],
  });
  snellerStijlCache(cy);
  return cy;
}

describe('the speed mend to Cytoscape: clearing style caches without building collections', () => {
  it('clears a knoop and its own lines, nothing else, as Cytoscape does', () => {
    const cy = kaart();
    expect(geleegd(cy, cy.getElementById('a'))).toEqual(['a', 'ab', 'ca']);
  });

  it('clears a line itself only, and a collection all of its members and their lines', () => {
    const cy = kaart();
    expect(geleegd(cy, cy.getElementById('cd'))).toEqual(['cd']);
    expect(geleegd(cy, cy.$('#b, #d'))).toEqual(['ab', 'b', 'cd', 'd']);
  });

  it("keeps Cytoscape's own way on a map with compound knopen (parents and children as well)", () => {
    const cy = kaart(true);
    expect(geleegd(cy, cy.getElementById('a'))).toEqual(['a', 'ab', 'ca', 'g']);
  });

  it('still styles a map: a change of a data field reaches the drawn style of the knoop', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [{ selector: 'node', style: { width: 'data(w)' } }],
      elements: [
        { data: { id: 'a', w: 10 } },
        { data: { id: 'b', w: 10 } },
        { data: { id: 'ab', source: 'a', target: 'b' } },
      ],
    });
    snellerStijlCache(cy);
    expect(cy.getElementById('a').width()).toBe(10);
    cy.getElementById('a').data('w', 30);
    expect(cy.getElementById('a').width()).toBe(30);
  });
});
