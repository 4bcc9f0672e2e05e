/**
 * A button that shows a small panel under it (disclosure pattern: aria-expanded, aria-controls). Esc or a click
 * outside closes it; Esc puts the focus back on the button.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from './ui';

export function Popover({
  label,
  children,
  testId,
}: {
  label: ReactNode;
  /** The panel's content; `close` hides it again (e.g. after a choice). */
  children: (close: () => void) => ReactNode;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);
  const close = () => {
    setOpen(false);
    document.getElementById(`${id}-button`)?.focus();
  };
  return (
    <div
      className="wijkweb-popover-wrap"
      ref={wrap}
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <Button id={`${id}-button`} aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((o) => !o)}>
        {label} <span aria-hidden="true">▾</span>
      </Button>
      <div id={`${id}-panel`} className="wijkweb-popover" hidden={!open}>
        {open && children(close)}
      </div>
    </div>
  );
}
