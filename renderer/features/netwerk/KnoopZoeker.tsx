/**
 * Type-ahead search for a knoop (WAI-ARIA combobox with a list box): type a few letters, arrow keys move through the
 * matches, Enter chooses, Esc closes the list (or empties the field).
 */
import { useId, useMemo, useState } from 'react';
import { zoekKnopen, type KnoopOptie } from './zoek';

export type { KnoopOptie } from './zoek';

export function KnoopZoeker({
  label,
  opties,
  onKies,
  gekozen,
  placeholder,
  geenTreffers,
  testId,
}: {
  label: string;
  opties: readonly KnoopOptie[];
  onKies: (id: string | null) => void;
  /** The chosen knoop shown in the field (a path's start or end); undefined for a search that empties itself. */
  gekozen?: string | null;
  placeholder?: string;
  geenTreffers: string;
  testId?: string;
}) {
  const id = useId();
  const listId = `${id}-lijst`;
  const gekozenNaam = gekozen ? (opties.find((o) => o.id === gekozen)?.naam ?? '') : '';
  const [tekst, setTekst] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [actief, setActief] = useState(0);
  const shown = tekst ?? gekozenNaam;
  const treffers = useMemo(() => (tekst === null ? [] : zoekKnopen(opties, tekst)), [opties, tekst]);
  const kies = (o: KnoopOptie | null) => {
    onKies(o?.id ?? null);
    setTekst(gekozen === undefined ? '' : null);
    setOpen(false);
  };
  const zichtbaar = open && tekst !== null && tekst.trim() !== '';
  return (
    <div className="wijkweb-combobox" data-testid={testId}>
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        className="utrecht-textbox utrecht-textbox--html-input"
        aria-expanded={zichtbaar}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={zichtbaar && treffers[actief] ? `${listId}-${actief}` : undefined}
        placeholder={placeholder}
        value={shown}
        onChange={(e) => {
          setTekst(e.target.value);
          setActief(0);
          setOpen(true);
          if (e.target.value === '' && gekozen) onKies(null);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            if (!open) setOpen(true);
            else setActief((a) => Math.min(a + 1, Math.max(0, treffers.length - 1)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActief((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter') {
            if (zichtbaar && treffers[actief]) {
              e.preventDefault();
              kies(treffers[actief]);
            }
          } else if (e.key === 'Escape') {
            if (zichtbaar) {
              e.preventDefault();
              e.stopPropagation();
              setOpen(false);
            } else if (shown) {
              e.preventDefault();
              setTekst('');
              if (gekozen) onKies(null);
            }
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label={label} className="wijkweb-combobox__lijst" hidden={!zichtbaar}>
        {treffers.map((o, i) => (
          <li
            key={o.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === actief}
            className="wijkweb-combobox__optie"
            onMouseDown={(e) => {
              e.preventDefault();
              kies(o);
            }}
          >
            <span>{o.naam}</span> <span className="wijkweb-hint">{o.detail}</span>
          </li>
        ))}
      </ul>
      {zichtbaar && treffers.length === 0 && (
        <div className="wijkweb-combobox__leeg wijkweb-hint" role="status">
          {geenTreffers}
        </div>
      )}
    </div>
  );
}
