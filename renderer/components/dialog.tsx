/**
 * Dialogs on the native <dialog> element (modal: the rest of the page is inert, Esc closes it). The focus goes into
 * the dialog when it opens and back to where it was when it closes.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button, ButtonGroup, cx } from './ui';

export function Dialog({
  title,
  onClose,
  children,
  variant = 'center',
  closeLabel,
  testId,
  returnFocus,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** 'drawer': a panel on the right side (forms); 'center': a small dialog (questions). */
  variant?: 'center' | 'drawer';
  closeLabel: string;
  testId?: string;
  /** Where the focus goes when the element that opened the dialog is gone (e.g. a deleted row). */
  returnFocus?: () => HTMLElement | null;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  const returnFocusRef = useRef(returnFocus);
  useEffect(() => {
    onCloseRef.current = onClose;
    returnFocusRef.current = returnFocus;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // The first field (or the button marked data-autofocus), not the close button in the corner.
    const initial =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector<HTMLElement>(
        '.wijkweb-dialog__body :is(input, select, textarea, button, a[href]):not([disabled])',
      );
    initial?.focus();
    const onCancel = (e: Event) => {
      // Esc: we close through React state, so the dialog is unmounted the same way as with the close button.
      e.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      const target = opener?.isConnected ? opener : (returnFocusRef.current?.() ?? null);
      // After React has finished this commit (the opener may be re-rendered).
      queueMicrotask(() => target?.focus());
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={cx(
        'wijkweb-dialog',
        variant === 'drawer' ? 'utrecht-drawer utrecht-drawer--inline-end wijkweb-dialog--drawer' : null,
      )}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <div className="wijkweb-dialog__header">
        <h2 className="utrecht-heading-2" id={titleId}>
          {title}
        </h2>
        <Button appearance="subtle" className="wijkweb-dialog__close" aria-label={closeLabel} onClick={onClose}>
          ×
        </Button>
      </div>
      <div className="wijkweb-dialog__body">{children}</div>
    </dialog>
  );
}

/** "Weet je het zeker?" with the consequences spelled out, and two buttons. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  closeLabel,
  onConfirm,
  onCancel,
  danger,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  closeLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
}) {
  return (
    <Dialog title={title} onClose={onCancel} closeLabel={closeLabel} testId="bevestigen">
      {children}
      <ButtonGroup>
        <Button appearance="primary" className={danger ? 'utrecht-button--danger' : undefined} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button onClick={onCancel} data-autofocus>
          {cancelLabel}
        </Button>
      </ButtonGroup>
    </Dialog>
  );
}
