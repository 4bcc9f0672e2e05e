/**
 * Form parts on the NL Design System classes: fields with a label, a description and an error message that are
 * wired with `aria-describedby` and `aria-invalid`, and the error summary at the top of a form.
 */
import {
  useId,
  useMemo,
  useState,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { cx } from './ui';

/** The ids and aria attributes a field's control needs. */
export function describedBy(id: string, description: unknown, error: unknown): string | undefined {
  return [description ? `${id}-desc` : null, error ? `${id}-err` : null].filter(Boolean).join(' ') || undefined;
}

function FieldFrame({
  id,
  label,
  description,
  error,
  children,
  className,
}: {
  id: string;
  label: string;
  description?: ReactNode;
  error?: string | null;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cx('utrecht-form-field', error && 'utrecht-form-field--invalid', className)}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-desc`}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-err`}>
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

export function TextAreaField({
  id,
  label,
  description,
  error,
  ...rest
}: { id: string; label: string; description?: string; error?: string | null } & Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id'
>) {
  return (
    <FieldFrame id={id} label={label} description={description} error={error}>
      <textarea
        id={id}
        className={cx('utrecht-textarea', 'utrecht-textarea--html-textarea', error && 'utrecht-textarea--invalid')}
        aria-describedby={describedBy(id, description, error)}
        aria-invalid={error ? true : undefined}
        rows={3}
        {...rest}
      />
    </FieldFrame>
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
  /** Options with a group are shown under an <optgroup>. */
  readonly group?: string;
}

export function SelectField({
  id,
  label,
  description,
  error,
  options,
  ...rest
}: {
  id: string;
  label: string;
  description?: string;
  error?: string | null;
  options: readonly Option[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  return (
    <FieldFrame id={id} label={label} description={description} error={error}>
      <select
        id={id}
        className={cx('utrecht-select', 'utrecht-select--html-select', error && 'utrecht-select--invalid')}
        aria-describedby={describedBy(id, description, error)}
        aria-invalid={error ? true : undefined}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Options that match a search text (accents and case ignored). */
export function matchOptions(options: readonly Option[], zoek: string): Option[] {
  const q = norm(zoek.trim());
  if (!q) return [...options];
  return options.filter((o) => norm(`${o.label} ${o.value}`).includes(q));
}

/** At most this many options are put in a list at once; the search narrows it down. */
const MAX_SHOWN = 300;

/**
 * Choose one from many (buurten, organisaties): a search box above a list box (a native <select size>), so it works
 * with the keyboard and screen readers as they know it.
 */
export function SearchSelectField({
  id,
  label,
  description,
  error,
  options,
  value,
  onChange,
  emptyLabel,
  searchLabel,
  moreLabel,
  disabled,
}: {
  id: string;
  label: string;
  description?: string;
  error?: string | null;
  options: readonly Option[];
  value: string;
  onChange: (value: string) => void;
  /** The "nothing chosen" option, e.g. "Geen buurt". */
  emptyLabel: string;
  searchLabel: string;
  /** "Nog 120 andere: zoek verder" */
  moreLabel: (aantal: number) => string;
  disabled?: boolean;
}) {
  const [zoek, setZoek] = useState('');
  const matched = useMemo(() => matchOptions(options, zoek), [options, zoek]);
  const shown = matched.slice(0, MAX_SHOWN);
  const current = options.find((o) => o.value === value);
  // The chosen option stays in the list, also when the search hides it.
  if (current && !shown.includes(current)) shown.unshift(current);
  const groups = [...new Set(shown.map((o) => o.group ?? ''))];
  const renderOptions = (list: Option[]) =>
    list.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
  return (
    <FieldFrame id={id} label={label} description={description} error={error} className="wijkweb-search-select">
      <input
        type="search"
        className="utrecht-textbox utrecht-textbox--html-input wijkweb-search-select__search"
        aria-label={searchLabel}
        placeholder={searchLabel}
        value={zoek}
        disabled={disabled}
        onChange={(e) => setZoek(e.target.value)}
      />
      <select
        id={id}
        size={6}
        className={cx('utrecht-select', 'utrecht-select--html-select', error && 'utrecht-select--invalid')}
        aria-describedby={describedBy(id, description, error)}
        aria-invalid={error ? true : undefined}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{emptyLabel}</option>
        {groups.length > 1 || groups[0]
          ? groups.map((g) => (
              <optgroup key={g} label={g}>
                {renderOptions(shown.filter((o) => (o.group ?? '') === g))}
              </optgroup>
            ))
          : renderOptions(shown)}
      </select>
      {matched.length > MAX_SHOWN && <div className="wijkweb-hint">{moreLabel(matched.length - MAX_SHOWN)}</div>}
    </FieldFrame>
  );
}

/** Choose several: a fieldset with checkboxes, and a search box when the list is long. */
export function CheckboxGroupField({
  id,
  legend,
  description,
  error,
  options,
  value,
  onChange,
  searchLabel,
  moreLabel,
  disabled,
}: {
  id: string;
  legend: string;
  description?: string;
  error?: string | null;
  options: readonly Option[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** Given: a search box above the list. */
  searchLabel?: string;
  moreLabel?: (aantal: number) => string;
  disabled?: boolean;
}) {
  const [zoek, setZoek] = useState('');
  const chosen = new Set(value);
  const matched = useMemo(() => matchOptions(options, zoek), [options, zoek]);
  // Chosen ones first, so you see what you picked without scrolling.
  const ordered = [...matched.filter((o) => chosen.has(o.value)), ...matched.filter((o) => !chosen.has(o.value))];
  const shown = ordered.slice(0, MAX_SHOWN);
  const toggle = (v: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(v);
    else next.delete(v);
    // Keep the order of the options.
    onChange(options.map((o) => o.value).filter((x) => next.has(x)));
  };
  return (
    <fieldset
      className={cx(
        'utrecht-form-fieldset',
        'utrecht-form-fieldset--html-fieldset',
        'wijkweb-fieldset',
        error && 'utrecht-form-fieldset--invalid',
      )}
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(id, description, error)}
      aria-invalid={error ? true : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {description && (
        <div className="utrecht-form-field-description" id={`${id}-desc`}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field-error-message" id={`${id}-err`}>
          {error}
        </div>
      )}
      {searchLabel && (
        <input
          type="search"
          className="utrecht-textbox utrecht-textbox--html-input wijkweb-search-select__search"
          aria-label={searchLabel}
          placeholder={searchLabel}
          value={zoek}
          disabled={disabled}
          onChange={(e) => setZoek(e.target.value)}
        />
      )}
      <ul className={cx('wijkweb-plain-list', searchLabel && 'wijkweb-checklist')}>
        {shown.map((o) => (
          <li key={o.value}>
            <label className="wijkweb-radio">
              <input
                type="checkbox"
                checked={chosen.has(o.value)}
                disabled={disabled}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              {o.label}
            </label>
          </li>
        ))}
      </ul>
      {moreLabel && ordered.length > MAX_SHOWN && (
        <div className="wijkweb-hint">{moreLabel(ordered.length - MAX_SHOWN)}</div>
      )}
    </fieldset>
  );
}

/** One choice of a few: radio buttons in a fieldset. */
export function RadioGroupField({
  id,
  legend,
  options,
  value,
  onChange,
  disabled,
}: {
  id: string;
  legend: string;
  options: readonly Option[];
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  const name = useId();
  return (
    <fieldset
      className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wijkweb-fieldset"
      id={id}
      tabIndex={-1}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      <div className="wijkweb-radio-row">
        {options.map((o) => (
          <label key={o.value} className="wijkweb-radio">
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              disabled={disabled}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export interface SummaryItem {
  /** The id of the field to jump to; null for a problem that is not about one field. */
  readonly target: string | null;
  readonly message: string;
}

/**
 * The error summary at the top of a form (NL Design System): a heading and a link per problem that moves the focus
 * to its field. It takes the focus itself when it appears, so screen readers read it first.
 */
export function ErrorSummary({ id, title, items }: { id: string; title: string; items: readonly SummaryItem[] }) {
  const headingId = useId();
  if (items.length === 0) return null;
  return (
    <div
      id={id}
      className="utrecht-alert utrecht-alert--error wijkweb-error-summary"
      tabIndex={-1}
      aria-labelledby={headingId}
      role="group"
      data-testid="foutoverzicht"
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 className="utrecht-heading-3" id={headingId}>
            {title}
          </h2>
          <ul className="wijkweb-error-summary__list">
            {items.map((item, i) => (
              <li key={`${item.target}-${i}`}>
                {item.target === null ? (
                  item.message
                ) : (
                  <a
                    className="utrecht-link utrecht-link--html-a"
                    href={`#${item.target}`}
                    onClick={(e) => {
                      e.preventDefault();
                      const el = document.getElementById(item.target!);
                      el?.focus();
                      el?.scrollIntoView({ block: 'center' });
                    }}
                  >
                    {item.message}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
