/**
 * The slides of presentation mode: the saved views (netwerk views come from the Netwerk page; a map or gap-matrix
 * slide is added here), each with a title and a note for the stuurgroep. Presentation mode shows them in this order,
 * which you change by dragging a slide by its handle, with its Omhoog/Omlaag buttons, or with Alt+↑/↓ inside it (one
 * undo step each; announced for screen readers).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Weergave, WeergaveSoort } from '../../../shared/contract';
import { Button, ButtonGroup, Paragraph, TextField } from '../../components/ui';
import { TextAreaField } from '../../components/form';
import { useActions } from '../../state/context';
import { useWorkerQuery } from '../../state/useWorkerQuery';
import { verplaats } from './volgorde';

const SOORTEN: readonly WeergaveSoort[] = ['kaart', 'hiaten', 'netwerk'];
/** The drag's own type: a slide dragged here, not a file (the window imports dropped files). */
const SLEEP_TYPE = 'application/x-wijkweb-dia';

/**
 * After a move by keyboard the focus stays where it was (the button that moved the slide, or the field in which Alt+↑/↓
 * was pressed); a button that is now disabled (the slide is first or last) passes it to its twin.
 */
type Knop = 'omhoog' | 'omlaag' | 'greep';
type Focus = { readonly id: number; readonly knop: Knop; readonly element: HTMLElement | null };

export function Dias({ readOnly, selectie }: { readOnly: boolean; selectie: string | null }) {
  const { t } = useTranslation();
  const actions = useActions();
  const alle = useWorkerQuery(
    async () => ({
      ok: true as const,
      value: (await Promise.all(SOORTEN.map((s) => actions.listWeergaven(s)))).flatMap((r) => (r.ok ? r.value : [])),
    }),
    [actions],
  ).data;
  const opgeslagen: Weergave[] = [...(alle ?? [])].sort((a, b) => a.volgorde - b.volgorde || a.id - b.id);
  // A new order is shown at once, until the project's answer (after the save) is there.
  const [orde, setOrde] = useState<{ readonly ids: readonly number[]; readonly van: typeof alle } | null>(null);
  const lijst =
    orde && orde.van === alle ? orde.ids.flatMap((id) => opgeslagen.filter((w) => w.id === id)) : opgeslagen;
  // Kept here: a saved slide is drawn anew (its data changed), and the message must stay.
  const [melding, setMelding] = useState<{ id: number; tekst: string } | null>(null);
  const [aankondiging, setAankondiging] = useState('');
  const focus = useRef<Focus | null>(null);
  const [gesleept, setGesleept] = useState<number | null>(null);
  const [boven, setBoven] = useState<number | null>(null);
  const lijstRef = useRef<HTMLOListElement>(null);

  // After a move by keyboard: the focus back on the moved slide's button (the list may have moved it in the page).
  useEffect(() => {
    const f = focus.current;
    if (!f) return;
    focus.current = null;
    const el = f.element;
    if (el?.isConnected && !el.matches(':disabled')) {
      if (document.activeElement !== el) el.focus();
      return;
    }
    const li = lijstRef.current?.querySelector<HTMLElement>(`[data-dia-id="${f.id}"]`);
    const knop = (k: string) => li?.querySelector<HTMLElement>(`[data-knop="${k}"]:not(:disabled)`);
    (knop(f.knop) ?? knop(f.knop === 'omhoog' ? 'omlaag' : 'omhoog'))?.focus();
  });

  const naam = (w: Weergave) => w.titel ?? w.naam;
  const verplaatsNaar = async (id: number, naar: number, knop: Knop, element: HTMLElement | null = null) => {
    const ids = lijst.map((w) => w.id);
    const nieuw = verplaats(ids, id, naar);
    if (nieuw === ids) return;
    const w = lijst.find((x) => x.id === id)!;
    setOrde({ ids: nieuw, van: alle });
    if (knop !== 'greep') focus.current = { id, knop, element };
    const r = await actions.reorderWeergaven(nieuw);
    if (r.ok) {
      setAankondiging(
        t('rapport.dias.verplaatst', { naam: naam(w), plaats: nieuw.indexOf(id) + 1, aantal: nieuw.length }),
      );
    } else {
      setOrde(null);
      setAankondiging(t(`fout.${r.error.code}`, r.error.params ?? {}));
    }
  };

  const toevoegen = (soort: 'kaart' | 'hiaten') =>
    void actions.saveWeergave(null, {
      naam: t(`rapport.dias.nieuw.${soort}`),
      soort,
      instellingen: {},
      titel: t(`rapport.dias.nieuw.${soort}`),
      notitie: null,
    });

  return (
    <div data-testid="dias">
      <Paragraph>{t('rapport.dias.uitleg')}</Paragraph>
      <p className="utrecht-paragraph" data-testid="dias-selectie">
        {selectie ? t('rapport.dias.selectie', { selectie }) : t('rapport.dias.geenSelectie')}
      </p>
      <Paragraph>{t('rapport.dias.pilot')}</Paragraph>
      {!readOnly && (
        <ButtonGroup>
          <Button onClick={() => toevoegen('kaart')}>{t('rapport.dias.kaartToevoegen')}</Button>
          <Button onClick={() => toevoegen('hiaten')}>{t('rapport.dias.hiatenToevoegen')}</Button>
        </ButtonGroup>
      )}
      {lijst.length > 1 && !readOnly && <Paragraph>{t('rapport.dias.volgordeUitleg')}</Paragraph>}
      {lijst.length === 0 ? (
        <Paragraph>{t('rapport.dias.geen')}</Paragraph>
      ) : (
        <ol className="wijkweb-rapport__dias" ref={lijstRef} aria-label={t('rapport.dias.lijst')}>
          {lijst.map((w, i) => (
            <Dia
              key={`${w.id}-${w.gewijzigd}`}
              weergave={w}
              plaats={i}
              aantal={lijst.length}
              readOnly={readOnly}
              melding={melding?.id === w.id ? melding.tekst : null}
              onMelding={(tekst) => setMelding({ id: w.id, tekst })}
              onVerplaats={(naar, knop, element) => void verplaatsNaar(w.id, naar, knop, element)}
              sleep={{
                actief: gesleept !== null,
                gesleept: gesleept === w.id,
                // Where it lands: before this slide when it comes from below, after it when it comes from above.
                doel:
                  boven === w.id && gesleept !== null && gesleept !== w.id
                    ? lijst.findIndex((x) => x.id === gesleept) > i
                      ? 'voor'
                      : 'na'
                    : null,
                start: () => setGesleept(w.id),
                over: () => setBoven(w.id),
                einde: () => {
                  setGesleept(null);
                  setBoven(null);
                },
                neer: () => {
                  const van = gesleept;
                  setGesleept(null);
                  setBoven(null);
                  if (van !== null && van !== w.id) void verplaatsNaar(van, i, 'greep');
                },
              }}
            />
          ))}
        </ol>
      )}
      <p className="wijkweb-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="dias-aankondiging">
        {aankondiging}
      </p>
    </div>
  );
}

function Dia({
  weergave: w,
  plaats,
  aantal,
  readOnly,
  melding,
  onMelding,
  onVerplaats,
  sleep,
}: {
  weergave: Weergave;
  /** Its place in the list (0 first) and the list's length. */
  plaats: number;
  aantal: number;
  readOnly: boolean;
  melding: string | null;
  onMelding: (tekst: string) => void;
  onVerplaats: (naar: number, knop: Knop, element: HTMLElement | null) => void;
  sleep: {
    /** A slide of this list is being dragged (not a file: the window imports dropped files). */
    readonly actief: boolean;
    readonly gesleept: boolean;
    readonly doel: 'voor' | 'na' | null;
    start(): void;
    over(): void;
    einde(): void;
    neer(): void;
  };
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const [titel, setTitel] = useState(w.titel ?? '');
  const [notitie, setNotitie] = useState(w.notitie ?? '');
  const bewaar = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await actions.saveWeergave(w.id, {
      naam: w.naam,
      soort: w.soort,
      instellingen: w.instellingen,
      titel,
      notitie,
    });
    onMelding(r.ok ? t('rapport.dias.bewaard') : t(`fout.${r.error.code}`, r.error.params ?? {}));
  };
  const id = `dia-${w.id}`;
  const naam = w.titel ?? w.naam;
  const verplaatsbaar = !readOnly && aantal > 1;
  return (
    <li
      className={[
        'wijkweb-rapport__dia',
        sleep.gesleept ? 'wijkweb-rapport__dia--gesleept' : '',
        sleep.doel ? `wijkweb-rapport__dia--${sleep.doel}` : '',
      ]
        .filter(Boolean)
        .join(' ')}
      data-testid="dia-instelling"
      data-dia-id={w.id}
      onKeyDown={(e) => {
        // Alt+↑/↓ anywhere in the slide moves it (the buttons do the same).
        if (!verplaatsbaar || !e.altKey || e.ctrlKey || e.metaKey) return;
        if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
        e.preventDefault();
        const naar = plaats + (e.key === 'ArrowUp' ? -1 : 1);
        if (naar >= 0 && naar < aantal)
          onVerplaats(
            naar,
            e.key === 'ArrowUp' ? 'omhoog' : 'omlaag',
            e.target instanceof HTMLElement ? e.target : null,
          );
      }}
      onDragOver={(e) => {
        if (!verplaatsbaar || !sleep.actief) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        sleep.over();
      }}
      onDrop={(e) => {
        if (!verplaatsbaar || !sleep.actief) return;
        e.preventDefault();
        sleep.neer();
      }}
    >
      <form onSubmit={(e) => void bewaar(e)} aria-labelledby={`${id}-kop`}>
        <div className="wijkweb-rapport__dia-balk">
          {verplaatsbaar && (
            <span
              className="wijkweb-rapport__dia-greep"
              draggable
              data-knop="greep"
              data-testid="dia-greep"
              title={t('rapport.dias.slepen')}
              aria-hidden="true"
              onDragStart={(e) => {
                e.dataTransfer.setData(SLEEP_TYPE, String(w.id));
                e.dataTransfer.setData('text/plain', naam);
                e.dataTransfer.effectAllowed = 'move';
                sleep.start();
              }}
              onDragEnd={sleep.einde}
            >
              ⠿
            </span>
          )}
          <p id={`${id}-kop`} className="wijkweb-rapport__dia-kop">
            <span className="wijkweb-rapport__dia-nummer">
              {t('rapport.dias.plaats', { plaats: plaats + 1, aantal })}
            </span>{' '}
            <strong>{t(`rapport.dias.soort.${w.soort}`)}</strong> · {w.naam}
          </p>
          {verplaatsbaar && (
            <ButtonGroup>
              <Button
                appearance="subtle"
                data-knop="omhoog"
                disabled={plaats === 0}
                aria-label={t('rapport.dias.omhoogLabel', { naam })}
                title={t('rapport.dias.omhoogToets')}
                onClick={(e) => onVerplaats(plaats - 1, 'omhoog', e.currentTarget)}
              >
                <span aria-hidden="true">↑</span> {t('rapport.dias.omhoog')}
              </Button>
              <Button
                appearance="subtle"
                data-knop="omlaag"
                disabled={plaats === aantal - 1}
                aria-label={t('rapport.dias.omlaagLabel', { naam })}
                title={t('rapport.dias.omlaagToets')}
                onClick={(e) => onVerplaats(plaats + 1, 'omlaag', e.currentTarget)}
              >
                <span aria-hidden="true">↓</span> {t('rapport.dias.omlaag')}
              </Button>
            </ButtonGroup>
          )}
        </div>
        <TextField
          id={`${id}-titel`}
          label={t('rapport.dias.titel')}
          value={titel}
          maxLength={200}
          disabled={readOnly}
          onChange={(e) => setTitel(e.target.value)}
        />
        <TextAreaField
          id={`${id}-notitie`}
          label={t('rapport.dias.notitie')}
          value={notitie}
          rows={2}
          maxLength={1000}
          disabled={readOnly}
          onChange={(e) => setNotitie(e.target.value)}
        />
        {!readOnly && (
          <ButtonGroup>
            <Button type="submit">{t('rapport.dias.bewaar')}</Button>
            <Button
              appearance="subtle"
              aria-label={t('rapport.dias.verwijderenLabel', { naam: w.naam })}
              onClick={() => void actions.deleteWeergave(w.id)}
            >
              {t('rapport.verwijderen')}
            </Button>
          </ButtonGroup>
        )}
        <p className="wijkweb-hint" role="status">
          {melding}
        </p>
      </form>
    </li>
  );
}
