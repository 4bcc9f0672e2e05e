/**
 * The small menu of a knoop (right-click, or Enter on the canvas): Bewerken, Focus, Vastzetten/Losmaken. A WAI-ARIA
 * menu: the first item takes the focus, arrow keys move, Esc closes and returns to the canvas.
 */
import { useEffect, useRef } from 'react';

export interface MenuItem {
  readonly label: string;
  readonly onKies: () => void;
}

export function ContextMenu({
  label,
  x,
  y,
  items,
  onSluit,
}: {
  label: string;
  x: number;
  y: number;
  items: readonly MenuItem[];
  onSluit: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onSluit();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onSluit]);
  const move = (delta: number) => {
    const all = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const i = all.indexOf(document.activeElement as HTMLButtonElement);
    all[(i + delta + all.length) % all.length]?.focus();
  };
  return (
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      className="wijkweb-contextmenu"
      data-testid="contextmenu"
      style={{ left: x, top: y }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') {
          e.preventDefault();
          move(1);
        } else if (e.key === 'ArrowUp') {
          e.preventDefault();
          move(-1);
        } else if (e.key === 'Escape' || e.key === 'Tab') {
          e.preventDefault();
          e.stopPropagation();
          onSluit();
        }
      }}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="wijkweb-menu__item"
          onClick={() => {
            item.onKies();
            onSluit();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
