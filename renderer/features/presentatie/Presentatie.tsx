/**
 * Presentation mode: the project's slides (title, network, map, gaps) full screen for a beamer, one at a time, with
 * a title and a note each. Full screen through the Fullscreen API when the browser allows it, else an overlay that
 * covers the window. Keys: → ← PageDown PageUp Space Home End; Esc leaves. Every key has a button too.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import type { CelWaarde, Dia, DiaDoel, RapportTabel } from '../../../shared/report/model';
import { STATUS_KLEUR } from '../../../shared/report/status';
import { Button } from '../../components/ui';
import { useActions, useApp } from '../../state/context';
import { useWorkerQuery } from '../../state/useWorkerQuery';
import { ERNST_STIJL, ERNST_VOLGORDE } from '../hiaten/logic';
import { breekbaar, celTekst, diaInhoud, diaToets, ernstVanCel, heeftTekens, isKnopToets } from './logic';

/** The header's button: the focus goes back there when the presentation was opened with F5 or the menu. */
export const PRESENTEREN_KNOP_ID = 'wijkweb-presenteren';

type Staat =
  | { readonly soort: 'laden' }
  | { readonly soort: 'fout'; readonly fout: AppError }
  | {
      readonly soort: 'klaar';
      readonly dias: readonly Dia[];
      /** Per slide its plate as a blob: URL (for <img>), or null. */
      readonly urls: readonly (string | null)[];
    };

/** The plates (SVG documents) as blob: URLs for <img>: an SVG is never put into the page as HTML. */
function plaatUrls(dias: readonly Dia[]): (string | null)[] {
  return dias.map((d) => (d.svg ? URL.createObjectURL(new Blob([d.svg], { type: 'image/svg+xml' })) : null));
}

export function Presentatie({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const projectNaam = useApp((s) => s.project?.overview.naam ?? '');
  // The report's choice of gebieden and peildatum (none: the whole project, today).
  const selectie = useApp((s) => s.rapportSelectie);
  // With the report's selection the slides are in the report's language, the app's (without one: Dutch).
  const taal = i18n.language === 'en' ? 'en' : 'nl';
  const [geladen, setGeladen] = useState<Staat>({ soort: 'laden' });
  const [index, setIndex] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const diaRef = useRef<HTMLElement>(null);
  const titelId = useId();
  const dias = geladen.soort === 'klaar' ? geladen.dias : [];
  const urls = geladen.soort === 'klaar' ? geladen.urls : [];
  const aantal = dias.length;
  const dia: Dia | undefined = dias[Math.min(index, Math.max(0, aantal - 1))];

  // Latest values for the listeners below (they are set up once).
  const live = useRef({ index, aantal, onClose });
  useEffect(() => {
    live.current = { index, aantal, onClose };
  });

  // Leaving: out of full screen first, then the parent unmounts us.
  const sluiten = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    live.current.onClose();
  };
  const sluitenRef = useRef(sluiten);
  useEffect(() => {
    sluitenRef.current = sluiten;
  });

  const presentatie = useWorkerQuery(
    () => actions.getPresentatie(selectie ? { ...selectie, taal } : null),
    [selectie, taal],
    {
      // The slides of the moment the presentation opened (no new slides while you present).
      opnieuwNaWijziging: false,
      bijAntwoord: (value) => setGeladen({ soort: 'klaar', dias: value, urls: plaatUrls(value) }),
    },
  );
  const staat: Staat = presentatie.error ? { soort: 'fout', fout: presentatie.error } : geladen;

  // The blob: URLs live as long as their slides.
  useEffect(() => {
    if (geladen.soort !== 'klaar') return;
    const lijst = geladen.urls;
    return () => lijst.forEach((u) => u && URL.revokeObjectURL(u));
  }, [geladen]);

  // Full screen when allowed; leaving full screen (the browser's own Esc) leaves the presentation.
  useEffect(() => {
    const root = rootRef.current;
    let wasVol = false;
    const onChange = () => {
      if (document.fullscreenElement === root) wasVol = true;
      else if (wasVol) live.current.onClose();
    };
    document.addEventListener('fullscreenchange', onChange);
    if (root && document.fullscreenEnabled && typeof root.requestFullscreen === 'function') {
      root.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
    }
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  // Focus: the slide on open; back to where it was (or the Presenteren button) on close.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    diaRef.current?.focus();
    return () => {
      const terug =
        opener && opener !== document.body && opener.isConnected
          ? opener
          : document.getElementById(PRESENTEREN_KNOP_ID);
      queueMicrotask(() => terug?.focus());
    };
  }, []);

  // The keys, for the whole window while presenting (the app underneath is inert).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target instanceof Element ? e.target : null;
      if (isKnopToets(e.key) && target?.closest('button')) return;
      const actie = diaToets(e.key, e.shiftKey, live.current.index, live.current.aantal);
      if (!actie) return;
      e.preventDefault();
      e.stopPropagation();
      if (actie.soort === 'sluiten') sluitenRef.current();
      else setIndex(actie.index);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const nummer = Math.min(index, Math.max(0, aantal - 1)) + 1;
  const teller = t('presentatie.teller', { nummer, aantal });

  return (
    <div
      ref={rootRef}
      className="wijkweb-presentatie"
      role="dialog"
      aria-modal="true"
      aria-label={t('presentatie.label', { naam: projectNaam })}
      data-testid="presentatie"
    >
      <section
        ref={diaRef}
        className={`wijkweb-presentatie__dia wijkweb-presentatie__dia--${dia?.soort ?? 'leeg'}`}
        tabIndex={-1}
        aria-labelledby={titelId}
        aria-roledescription={t('presentatie.dia')}
        data-testid="dia"
      >
        {staat.soort === 'laden' && (
          <h2 id={titelId} className="wijkweb-presentatie__titel">
            {t('presentatie.laden')}
          </h2>
        )}
        {staat.soort === 'fout' && (
          <>
            <h2 id={titelId} className="wijkweb-presentatie__titel">
              {t('presentatie.foutTitel')}
            </h2>
            <p className="wijkweb-presentatie__notitie">
              {t(`fout.${staat.fout.code}`, { ...staat.fout.params, defaultValue: t('presentatie.foutUitleg') })}
            </p>
          </>
        )}
        {staat.soort === 'klaar' && !dia && (
          <>
            <h2 id={titelId} className="wijkweb-presentatie__titel">
              {t('presentatie.leegTitel')}
            </h2>
            <p className="wijkweb-presentatie__notitie">{t('presentatie.leegUitleg')}</p>
          </>
        )}
        {dia && <DiaInhoud dia={dia} url={urls[nummer - 1] ?? null} titelId={titelId} taal={i18n.language} />}
      </section>
      <p className="wijkweb-visually-hidden" aria-live="polite" aria-atomic="true">
        {dia ? t('presentatie.aankondiging', { teller, titel: dia.titel }) : ''}
      </p>
      <div className="wijkweb-presentatie__balk">
        <span className="wijkweb-presentatie__project">{projectNaam}</span>
        <div className="wijkweb-presentatie__knoppen" role="group" aria-label={t('presentatie.knoppen')}>
          <Button
            onClick={() => setIndex((i) => Math.max(0, i - 1))}
            disabled={!dia || nummer <= 1}
            title={t('presentatie.vorigeToets')}
            data-testid="dia-vorige"
          >
            <span aria-hidden="true">←</span> {t('presentatie.vorige')}
          </Button>
          <span className="wijkweb-presentatie__teller" data-testid="dia-teller">
            {aantal > 0 ? teller : ''}
          </span>
          <Button
            appearance="primary"
            onClick={() => setIndex((i) => Math.min(aantal - 1, i + 1))}
            disabled={!dia || nummer >= aantal}
            title={t('presentatie.volgendeToets')}
            data-testid="dia-volgende"
          >
            {t('presentatie.volgende')} <span aria-hidden="true">→</span>
          </Button>
        </div>
        <Button onClick={sluiten} title={t('presentatie.sluitenToets')} data-testid="dia-sluiten">
          {t('presentatie.sluiten')}
        </Button>
      </div>
    </div>
  );
}

function DiaInhoud({ dia, url, titelId, taal }: { dia: Dia; url: string | null; titelId: string; taal: string }) {
  const { t } = useTranslation();
  const inhoud = diaInhoud(dia);
  return (
    <>
      <h2 id={titelId} className="wijkweb-presentatie__titel">
        {dia.titel}
      </h2>
      {/* On the title slide: the report's gebieden, and the note is its subtitle. */}
      {dia.soort === 'titel' && dia.gebieden && (
        <p className="wijkweb-presentatie__notitie wijkweb-presentatie__gebieden" data-testid="dia-gebieden">
          {dia.gebieden}
        </p>
      )}
      {dia.soort === 'titel' && dia.notitie && (
        <p className="wijkweb-presentatie__notitie wijkweb-presentatie__ondertitel">{dia.notitie}</p>
      )}
      <div className="wijkweb-presentatie__inhoud">
        {inhoud === 'kerngetallen' && (
          <dl className="wijkweb-presentatie__kerngetallen">
            {(dia.kerngetallen ?? []).map((k, i) => (
              <div key={i} className="wijkweb-presentatie__kerngetal">
                <dt>{k.label}</dt>
                <dd className="wijkweb-presentatie__waarde">{k.waarde}</dd>
                {k.toelichting && <dd className="wijkweb-presentatie__toelichting">{k.toelichting}</dd>}
              </div>
            ))}
          </dl>
        )}
        {inhoud === 'plaat' &&
          (url ? (
            <img
              className="wijkweb-presentatie__plaat"
              src={url}
              alt={t(
                `presentatie.plaatAlt.${dia.soort === 'kaart' ? 'kaart' : dia.soort === 'afhandeling' ? 'afhandeling' : 'netwerk'}`,
                { titel: dia.titel },
              )}
              data-testid="dia-plaat"
            />
          ) : null)}
        {inhoud === 'doelen' && <DiaDoelen doelen={dia.doelen ?? []} />}
        {inhoud === 'tabel' && dia.tabel && (
          <DiaTabel tabel={dia.tabel} taal={taal} captionVerborgen={dia.tabel.titel === dia.titel} />
        )}
        {inhoud === 'alleen-notitie' && dia.soort !== 'titel' && (
          <p className="wijkweb-presentatie__notitie">
            {dia.soort === 'hiaten' ? t('presentatie.geenTabel') : t('presentatie.geenPlaat')}
          </p>
        )}
      </div>
      {dia.soort !== 'titel' && dia.notitie && <p className="wijkweb-presentatie__notitie">{dia.notitie}</p>}
      {dia.bron && (
        <p className="wijkweb-presentatie__bron">
          {dia.noot ? `${dia.noot}. ` : ''}
          {t('presentatie.bron', { bron: dia.bron })}
        </p>
      )}
    </>
  );
}

/** "Is de pilot op koers?": every goal with its status in symbol, word and colour, since when, big. */
function DiaDoelen({ doelen }: { doelen: readonly DiaDoel[] }) {
  const { t } = useTranslation();
  return (
    <ul className="wijkweb-presentatie__doelen" aria-label={t('presentatie.doelen')} data-testid="dia-doelen">
      {doelen.map((d, i) => (
        <li
          key={i}
          className="wijkweb-presentatie__doel"
          data-status={d.status}
          style={{ borderInlineStartColor: STATUS_KLEUR[d.status] }}
        >
          <span className="wijkweb-presentatie__doel-status" style={{ color: STATUS_KLEUR[d.status] }}>
            {d.statusTekst}
          </span>
          <span className="wijkweb-presentatie__doel-naam">{d.naam}</span>
          {d.sinds && <span className="wijkweb-presentatie__doel-sinds">{d.sinds}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The gap matrix as a real table: a caption, column headers, and the first column as row headers. */
function DiaTabel({
  tabel,
  taal,
  captionVerborgen,
}: {
  tabel: RapportTabel;
  taal: string;
  /** The caption says the same as the slide's title: only for screen readers then. */
  captionVerborgen: boolean;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    // A region that can scroll, so it is reachable by keyboard when the table is taller than the screen.
    <div className="wijkweb-presentatie__tabel-vak" role="region" aria-labelledby={captionId} tabIndex={0}>
      {/* As in the Hiaten view: the legend above the matrix. */}
      <ErnstLegenda tabel={tabel} />
      <table className="wijkweb-presentatie__tabel" data-testid="dia-tabel">
        <caption id={captionId} className={captionVerborgen ? 'wijkweb-visually-hidden' : undefined}>
          {tabel.titel}
        </caption>
        <thead>
          <tr>
            {tabel.kolommen.map((k, i) => (
              <th key={i} scope="col" className={k.soort === 'tekst' ? undefined : 'wijkweb-presentatie__getal'}>
                {breekbaar(k.titel)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tabel.rijen.map((rij, r) => (
            <tr key={r}>
              {rij.map((cel, c) => {
                const kolom = tabel.kolommen[c];
                const tekst = celTekst(cel, kolom, taal);
                const klasse = kolom?.soort === 'tekst' ? undefined : 'wijkweb-presentatie__getal';
                return c === 0 ? (
                  <th key={c} scope="row" className={klasse}>
                    {tekst}
                  </th>
                ) : (
                  <DiaCel key={c} cel={cel} tekst={tekst} klasse={klasse} />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {tabel.voetnoot && <p className="wijkweb-presentatie__bron">{tabel.voetnoot}</p>}
      {heeftTekens(tabel) && <p className="wijkweb-presentatie__bron">{t('presentatie.tekens')}</p>}
    </div>
  );
}

/** A cell; a gap severity shows as the Hiaten view shows it: its symbol on its colour (the word for screen readers,
 *  and in the legend under the table). */
function DiaCel({ cel, tekst, klasse }: { cel: CelWaarde; tekst: string; klasse: string | undefined }) {
  const ernst = ernstVanCel(cel);
  if (!ernst) return <td className={klasse}>{tekst}</td>;
  const stijl = ERNST_STIJL[ernst];
  return (
    <td
      className={`wijkweb-presentatie__ernst wijkweb-ernst--${ernst}`}
      style={stijl.arcering ? undefined : { background: stijl.fill, color: stijl.tekst }}
      data-ernst={ernst}
    >
      <span className="wijkweb-presentatie__symbool" aria-hidden="true">
        {stijl.symbool}
      </span>
      <span className="wijkweb-visually-hidden">{tekst}</span>
    </td>
  );
}

/** The severities in the table, worst first: symbol, colour and word. */
function ErnstLegenda({ tabel }: { tabel: RapportTabel }) {
  const { t } = useTranslation();
  const aanwezig = new Set(tabel.rijen.flatMap((rij) => rij.map(ernstVanCel)));
  const ernsten = ERNST_VOLGORDE.filter((e) => aanwezig.has(e));
  if (ernsten.length === 0) return null;
  return (
    <ul className="wijkweb-presentatie__legenda" aria-label={t('presentatie.legenda')}>
      {ernsten.map((e) => {
        const stijl = ERNST_STIJL[e];
        return (
          <li key={e}>
            <span
              className={`wijkweb-presentatie__ernst wijkweb-presentatie__staal wijkweb-ernst--${e}`}
              style={stijl.arcering ? undefined : { background: stijl.fill, color: stijl.tekst }}
              aria-hidden="true"
            >
              <span className="wijkweb-presentatie__symbool">{stijl.symbool}</span>
            </span>{' '}
            {t(`hiaten.ernst.${e}`)}
          </li>
        );
      })}
    </ul>
  );
}
