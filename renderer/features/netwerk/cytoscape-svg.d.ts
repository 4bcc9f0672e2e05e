/** cytoscape-svg ships no types: the extension adds `cy.svg(options)` (typed in graph.ts), which returns SVG text. */
declare module 'cytoscape-svg' {
  import type cytoscape from 'cytoscape';
  const extension: cytoscape.Ext;
  export default extension;
}
