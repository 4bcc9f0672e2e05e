/**
 * Thin React components on the NL Design System (Utrecht) CSS classes. The React bundle of Utrecht does not
 * install here, so these few wrappers keep the markup and class names of the official components.
 */
import type { ComponentProps, HTMLAttributes, InputHTMLAttributes, ReactNode } from 'react';
import { useId } from 'react';

const cx = (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(' ');

export function Button({
  appearance = 'secondary',
  className,
  type = 'button',
  ...rest
}: ComponentProps<'button'> & { appearance?: 'primary' | 'secondary' | 'subtle' }) {
  return (
    <button
      type={type}
      className={cx(
        'utrecht-button',
        `utrecht-button--${appearance === 'subtle' ? 'subtle' : `${appearance}-action`}`,
        className,
      )}
      {...rest}
    />
  );
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="utrecht-button-group">{children}</div>;
}

export function Heading({ level, children, ...rest }: { level: 1 | 2 | 3 } & HTMLAttributes<HTMLHeadingElement>) {
  const Tag = `h${level}` as const;
  return (
    <Tag className={`utrecht-heading-${level}`} {...rest}>
      {children}
    </Tag>
  );
}

export function Paragraph({ lead, children, className }: { lead?: boolean; children: ReactNode; className?: string }) {
  return <p className={cx('utrecht-paragraph', lead && 'utrecht-paragraph--lead', className)}>{children}</p>;
}

export function Alert({
  type,
  children,
  onClose,
  closeLabel,
  live = true,
}: {
  type: 'error' | 'warning' | 'info' | 'ok';
  children: ReactNode;
  onClose?: () => void;
  closeLabel?: string;
  /** false: inside a live region of its own (no role here). */
  live?: boolean;
}) {
  return (
    <div
      className={`utrecht-alert utrecht-alert--${type} wijkweb-alert`}
      role={live ? (type === 'error' || type === 'warning' ? 'alert' : 'status') : undefined}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
      {onClose && (
        <Button appearance="subtle" className="wijkweb-alert__close" onClick={onClose} aria-label={closeLabel}>
          ×
        </Button>
      )}
    </div>
  );
}

export function TextField({
  label,
  description,
  error,
  id: givenId,
  ...input
}: { label: ReactNode; description?: string; error?: string | null } & InputHTMLAttributes<HTMLInputElement>) {
  const generated = useId();
  const id = givenId ?? generated;
  const descId = `${id}-desc`;
  const errId = `${id}-err`;
  return (
    <div className={cx('utrecht-form-field', 'utrecht-form-field--text', error && 'utrecht-form-field--invalid')}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={descId}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={errId}>
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">
        <input
          id={id}
          className={cx('utrecht-textbox', 'utrecht-textbox--html-input', error && 'utrecht-textbox--invalid')}
          aria-describedby={[description && descId, error && errId].filter(Boolean).join(' ') || undefined}
          aria-invalid={error ? true : undefined}
          {...input}
        />
      </div>
    </div>
  );
}

export { cx };

export function Table({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="utrecht-table-container">
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="utrecht-table__caption">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export const th = 'utrecht-table__header-cell';
export const thNum = 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column';
export const td = 'utrecht-table__cell';
export const tdNum = 'utrecht-table__cell utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data';
export const tr = 'utrecht-table__row';

/** A table's header row: a column header per label. */
export function TableHead({ columns }: { columns: readonly ReactNode[] }) {
  return (
    <thead className="utrecht-table__header">
      <tr className={tr}>
        {columns.map((label, i) => (
          <th key={i} scope="col" className={th}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A checkbox with its label on the same line. */
export function CheckboxField({
  checked,
  onChange,
  children,
  disabled,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
  disabled?: boolean;
}) {
  return (
    <label className="wijkweb-radio">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      {children}
    </label>
  );
}
