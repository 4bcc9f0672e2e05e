// Hand-written pan and zoom, not d3-zoom: d3-zoom is not a dependency of Wijkweb (issue 20 asked for it; adding it is a separate decision).
/**
 * Zoom and pan of the Kaart's SVG: the wheel zooms around the pointer, dragging pans (a click after a drag is not a
 * click), the keyboard pans with the arrows and zooms with + and -, 0 shows the whole map. Scale 1 to 40.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { zoomRond } from './logic';

export type Transform = { x: number; y: number; k: number };
export const GEEN_ZOOM: Transform = { x: 0, y: 0, k: 1 };
const MAX_ZOOM = 40;

const naarSchaal = (z: Transform, px: number, py: number, factor: number): Transform => {
  const k2 = Math.min(MAX_ZOOM, Math.max(1, z.k * factor));
  return k2 === 1 ? GEEN_ZOOM : zoomRond(z, px, py, k2);
};

export function useZoom(svgRef: RefObject<SVGSVGElement | null>, breedte: number, hoogte: number) {
  const [zoom, setZoom] = useState<Transform>(GEEN_ZOOM);
  const drag = useRef<{ x: number; y: number; t: Transform; moved: boolean; id: number } | null>(null);
  const wasDrag = useRef(false);

  /** Screen px per SVG unit (the SVG scales to its box). */
  const schaal = () => {
    const r = svgRef.current?.getBoundingClientRect();
    return r && r.width > 0 ? Math.min(r.width / breedte, r.height / hoogte) : 1;
  };
  const zoomMet = (factor: number, px = breedte / 2, py = hoogte / 2) => setZoom((z) => naarSchaal(z, px, py, factor));
  const schuif = (dx: number, dy: number) => setZoom((z) => ({ ...z, x: z.x + dx, y: z.y + dy }));
  const heleKaart = () => setZoom(GEEN_ZOOM);

  // The wheel zooms around the pointer (a native listener: React's wheel listener is passive).
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = svg.getBoundingClientRect();
      const s = Math.min(r.width / breedte, r.height / hoogte) || 1;
      const px = (e.clientX - r.left - (r.width - breedte * s) / 2) / s;
      const py = (e.clientY - r.top - (r.height - hoogte * s) / 2) / s;
      const factor = Math.exp(-e.deltaY * 0.0015);
      setZoom((z) => naarSchaal(z, px, py, factor));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [svgRef, breedte, hoogte]);

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    wasDrag.current = false;
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, y: e.clientY, t: zoom, moved: false, id: e.pointerId };
  };
  /** Pans while dragging; true when the move was part of a drag. */
  const onPointerMove = (e: PointerEvent<SVGSVGElement>): boolean => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return false;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) > 4) {
      d.moved = true;
      svgRef.current?.setPointerCapture(e.pointerId);
    }
    if (!d.moved) return false;
    const s = schaal();
    setZoom({ ...d.t, x: d.t.x + dx / s, y: d.t.y + dy / s });
    return true;
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    drag.current = null;
    wasDrag.current = !!d?.moved;
    if (d?.moved && svgRef.current?.hasPointerCapture(e.pointerId)) svgRef.current.releasePointerCapture(e.pointerId);
  };
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
