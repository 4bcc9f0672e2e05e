/**
 * The Netwerk canvas by keyboard: arrows step through the neighbours of the chosen knoop (↓ starts again from it,
 * ↑ goes back to where the steps began), Enter / the menu key / Shift+F10 open its menu, + − 0 zoom, Escape lets go.
 */
import { useRef, type KeyboardEvent, type RefObject } from 'react';
import type { NetwerkGraph } from './graph';

export function useNetwerkToetsen({
  graphRef,
  selectie,
  kies,
  openMenu,
}: {
  graphRef: RefObject<NetwerkGraph | null>;
  selectie: string | null;
  kies: (id: string | null, centreer?: boolean) => void;
  openMenu: (menu: { id: string; x: number; y: number }) => void;
}) {
  const stap = useRef<{ anker: string; index: number } | null>(null);
  return (e: KeyboardEvent<HTMLDivElement>) => {
    const g = graphRef.current;
    if (!g || e.target !== e.currentTarget) return;
    const key = e.key;
    if (key === 'ArrowRight' || key === 'ArrowLeft' || key === 'ArrowDown') {
      e.preventDefault();
      if (!selectie) {
        const eerste = g.eersteKnoop();
        if (eerste) kies(eerste);
        return;
      }
      let s = stap.current;
      if (key === 'ArrowDown' || !s || (s.anker !== selectie && !g.buren(s.anker).includes(selectie))) {
        s = { anker: selectie, index: -1 };
      }
      const buren = g.buren(s.anker);
      if (buren.length === 0) return;
      const index =
        key === 'ArrowLeft' ? (s.index <= 0 ? buren.length - 1 : s.index - 1) : (s.index + 1) % buren.length;
      stap.current = { anker: s.anker, index };
      kies(buren[index]!);
    } else if (key === 'ArrowUp') {
      e.preventDefault();
      if (stap.current) {
        kies(stap.current.anker);
        stap.current = null;
      }
    } else if ((key === 'Enter' || key === 'ContextMenu' || (key === 'F10' && e.shiftKey)) && selectie) {
      e.preventDefault();
      const p = g.schermPositie(selectie);
      openMenu({ id: selectie, x: p?.x ?? 40, y: p?.y ?? 40 });
    } else if (key === '+' || key === '=') {
      g.zoom(1.25);
    } else if (key === '-') {
      g.zoom(0.8);
    } else if (key === '0') {
      g.fit();
    } else if (key === 'Escape') {
      kies(null, false);
    }
  };
}
