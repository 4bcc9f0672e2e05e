import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { LABEL_FONT, VORM_HOEKEN } from '../../../shared/netwerk-stijl';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (v: unknown, fallback = 0) => {
  const n = typeof v === 'number' ? v : parseFloat(String(v));
  return Number.isFinite(n) ? n : fallback;
};
const r1 = (n: number) => Math.round(n * 10) / 10;

/** The outline of a node shape around (0, 0) with half-sizes w, h. */
function shape(kind: string, w: number, h: number): string {
  switch (kind) {
    case 'diamond':
    case 'triangle':
    case 'hexagon':
      return `<polygon points="${VORM_HOEKEN[kind].map(([x, y]) => `${r1(x * w)},${r1(y * h)}`).join(' ')}"`;
    case 'round-rectangle':
    case 'roundrectangle':
      return `<rect x="${r1(-w)}" y="${r1(-h)}" width="${r1(2 * w)}" height="${r1(2 * h)}" rx="${r1(Math.min(w, h) * 0.35)}"`;
    case 'rectangle':
      return `<rect x="${r1(-w)}" y="${r1(-h)}" width="${r1(2 * w)}" height="${r1(2 * h)}"`;
    default:
      return `<ellipse cx="0" cy="0" rx="${r1(w)}" ry="${r1(h)}"`;
  }
}

const dash = (style: string, width: number) =>
  style === 'dashed'
    ? ` stroke-dasharray="${r1(width * 3)} ${r1(width * 2)}"`
    : style === 'dotted'
      ? ` stroke-dasharray="${r1(width)} ${r1(width * 1.5)}"`
      : '';

function edgeSvg(e: EdgeSingular): string {
  const a = e.source().position();
  const b = e.target().position();
  const width = num(e.style('width'), 1);
  const colour = String(e.style('line-color') || '#999');
  const opacity = num(e.style('opacity'), 1);
  let out = `<line x1="${r1(a.x)}" y1="${r1(a.y)}" x2="${r1(b.x)}" y2="${r1(b.y)}" stroke="${esc(colour)}" stroke-width="${r1(width)}" stroke-opacity="${opacity}"${dash(String(e.style('line-style')), width)}/>`;
  if (String(e.style('target-arrow-shape')) !== 'none') {
    // An arrowhead at the border of the target node.
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const [ux, uy] = [dx / len, dy / len];
    const back = num(e.target().style('width'), 20) / 2;
    const tip = { x: b.x - ux * back, y: b.y - uy * back };
    const size = 4 + width * 1.5;
    const base = { x: tip.x - ux * size, y: tip.y - uy * size };
    const pts = [
      tip,
      { x: base.x - uy * size * 0.6, y: base.y + ux * size * 0.6 },
      { x: base.x + uy * size * 0.6, y: base.y - ux * size * 0.6 },
    ];
    out += `<polygon points="${pts.map((p) => `${r1(p.x)},${r1(p.y)}`).join(' ')}" fill="${esc(String(e.style('target-arrow-color') || colour))}" fill-opacity="${opacity}"/>`;
  }
  return out;
}

function nodeSvg(n: NodeSingular): string {
  const { x, y } = n.position();
  const w = num(n.style('width'), 20) / 2;
  const h = num(n.style('height'), 20) / 2;
  const borderWidth = num(n.style('border-width'), 0);
  const attrs =
    ` fill="${esc(String(n.style('background-color') || '#ccc'))}" fill-opacity="${num(n.style('background-opacity'), 1)}"` +
    (borderWidth > 0
      ? ` stroke="${esc(String(n.style('border-color') || '#333'))}" stroke-width="${r1(borderWidth)}"${dash(String(n.style('border-style')), borderWidth)}`
      : '') +
    ` opacity="${num(n.style('opacity'), 1)}"`;
  let out = `<g transform="translate(${r1(x)} ${r1(y)})">${shape(String(n.style('shape')), w, h)}${attrs}/>`;
  const label = String(n.style('label') ?? '');
  if (label && n.style('text-opacity') !== '0') {
    const size = num(n.style('font-size'), 10);
    // A name over more lines (labels.ts) as lines of its own, with the light halo of the view.
    const regels = label.split('\n');
    out += `<text x="0" y="${r1(h + size + 2)}" text-anchor="middle" font-family="${LABEL_FONT}" font-size="${r1(size)}" fill="${esc(String(n.style('color') || '#222'))}" stroke="#ffffff" stroke-width="${r1(size / 5)}" paint-order="stroke">${regels
      .map((t, i) => `<tspan x="0" dy="${i === 0 ? 0 : r1(size * 1.15)}">${esc(t)}</tspan>`)
      .join('')}</text>`;
  }
  return `${out}</g>`;
}

/** The whole drawing as SVG text, as large as its bounding box, on white. */
export function cytoscapeSvg(cy: Core): string {
  const shown = cy.elements(':visible');
  const bb = shown.boundingBox({});
  const pad = 20;
  const [x0, y0] = [bb.x1 - pad, bb.y1 - pad];
  const [w, h] = [Math.max(1, bb.w + 2 * pad), Math.max(1, bb.h + 2 * pad)];
  const edges = shown.edges().map(edgeSvg).join('');
  const nodes = shown.nodes().map(nodeSvg).join('');
  // Origin at the top left (the export adds its legend to the right of this width).
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${r1(w)}" height="${r1(h)}">` +
    `<rect x="0" y="0" width="${r1(w)}" height="${r1(h)}" fill="#ffffff"/>` +
    `<g transform="translate(${r1(-x0)} ${r1(-y0)})">${edges}${nodes}</g></svg>`
  );
}
