/**
 * Zoom and pan of the Kaart's SVG with d3-zoom (issue 20, item 5): the wheel and a pinch zoom around the pointer,
 * dragging pans (a click after a drag is not a click), the keyboard pans with the arrows and zooms with + and -, 0
 * shows the whole map. Scale 1 to 40. The transform is in the SVG's own units (its viewBox), as d3-zoom reckons it.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { select } from 'd3-selection';
import { zoom as d3Zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import { zoomRond } from './logic';

export type Transform = { x: number; y: number; k: number };
export const GEEN_ZOOM: Transform = { x: 0, y: 0, k: 1 };
const MAX_ZOOM = 40;

export function useZoom(svgRef: RefObject<SVGSVGElement | null>, breedte: number, hoogte: number) {
  const [zoom, setZoom] = useState<Transform>(GEEN_ZOOM);
  const gedrag = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  /** A gesture is going on, and whether it moved the map. */
  const gebaar = useRef<{ bewogen: boolean } | null>(null);
  const wasDrag = useRef(false);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const z = d3Zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, MAX_ZOOM])
      .extent([
        [0, 0],
        [breedte, hoogte],
      ])
      // A press that moves more than this is a drag: the click after it does not reach the buurt.
      .clickDistance(4)
      .on('start', () => {
        gebaar.current = { bewogen: false };
      })
      .on('zoom', (e: { transform: Transform; sourceEvent: Event | null }) => {
        if (gebaar.current && e.sourceEvent) gebaar.current.bewogen = true;
        setZoom({ x: e.transform.x, y: e.transform.y, k: e.transform.k });
      })
      .on('end', () => {
        wasDrag.current = !!gebaar.current?.bewogen;
        gebaar.current = null;
      });
    const sel = select(svg);
    // A double click chooses a buurt, it does not zoom.
    sel.call(z).on('dblclick.zoom', null);
    gedrag.current = z;
    return () => {
      sel.on('.zoom', null);
      gedrag.current = null;
    };
  }, [svgRef, breedte, hoogte]);

  /** To this transform (the buttons and the keyboard), through d3-zoom so it knows where the map is. */
  const naar = (t: Transform) => {
    const svg = svgRef.current;
    const z = gedrag.current;
    if (!svg || !z) return setZoom(t);
    z.transform(select(svg), zoomIdentity.translate(t.x, t.y).scale(Math.min(MAX_ZOOM, Math.max(1, t.k))));
  };

  /** Screen px per SVG unit (the SVG scales to its box). */
  const schaal = () => {
    const r = svgRef.current?.getBoundingClientRect();
    return r && r.width > 0 ? Math.min(r.width / breedte, r.height / hoogte) : 1;
  };
  const zoomMet = (factor: number) => {
    const k2 = Math.min(MAX_ZOOM, Math.max(1, zoom.k * factor));
    naar(k2 === 1 ? GEEN_ZOOM : zoomRond(zoom, breedte / 2, hoogte / 2, k2));
  };
  const schuif = (dx: number, dy: number) => naar({ ...zoom, x: zoom.x + dx, y: zoom.y + dy });
  const heleKaart = () => naar(GEEN_ZOOM);

  // d3-zoom listens to the mouse and touch itself; these keep the page's own pointer handling (the tooltip).
  const onPointerDown = (_e: PointerEvent<SVGSVGElement>) => {
    wasDrag.current = false;
  };
  /** True while a drag moves the map (no tooltip then). */
  const onPointerMove = (_e: PointerEvent<SVGSVGElement>): boolean => !!gebaar.current?.bewogen;
  const onPointerUp = (_e: PointerEvent<SVGSVGElement>) => undefined;
  /** A click that ends a drag is no click; asking forgets the drag. */
  const wasSlepen = () => {
    const was = wasDrag.current;
    wasDrag.current = false;
    return was;
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const stap = 40;
    const acties: Record<string, () => void> = {
      ArrowLeft: () => schuif(stap, 0),
      ArrowRight: () => schuif(-stap, 0),
      ArrowUp: () => schuif(0, stap),
      ArrowDown: () => schuif(0, -stap),
      '+': () => zoomMet(1.5),
      '=': () => zoomMet(1.5),
      '-': () => zoomMet(1 / 1.5),
      '0': heleKaart,
    };
    const actie = acties[e.key];
    if (actie && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      actie();
    }
  };

  return { zoom, schaal, zoomMet, heleKaart, wasSlepen, onPointerDown, onPointerMove, onPointerUp, onKeyDown };
}
