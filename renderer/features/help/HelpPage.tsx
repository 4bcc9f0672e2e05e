/**
 * The handleiding (issue 21): what each view answers, how to get the three kinds of data, and the begrippenlijst.
 * Searchable (every word, accents and case ignored) and offline. Opens at a place: the "?" of a view, a term
 * where it appears, Help → Handleiding or F1.
 */
import { Fragment, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '../../components/ui';
import { useActions, useApp } from '../../state/context';
import { downloadFile } from '../gegevens/export';
import standaard from '../../../data/taxonomieen.json';
import { handleiding, zoek, type Blok } from './inhoud';
import { Begrip } from './Begrip';

/** "[[hiaat|hiaten]]" → a link to the term; the rest as text. */
export function Tekst({ tekst }: { tekst: string }) {
  const delen: ReactNode[] = [];
  const re = /\[\[([^|\]]+)(?:\|([^\]]+))?\]\]/g;
  let last = 0;
  for (let m = re.exec(tekst); m; m = re.exec(tekst)) {
    delen.push(tekst.slice(last, m.index));
    delen.push(
      <Begrip key={m.index} id={m[1]!}>
        {m[2] ?? m[1]}
      </Begrip>,
    );
    last = m.index + m[0].length;
  }
  delen.push(tekst.slice(last));
  return (
    <>
      {delen.map((d, i) => (
        <Fragment key={i}>{d}</Fragment>
      ))}
    </>
  );
}

export function HelpPage({ doel, onSluiten }: { doel: { id: string; n: number }; onSluiten: () => void }) {
  const { t, i18n } = useTranslation();
  const h = handleiding(i18n.language);
  const [vraag, setVraag] = useState('');
  const gevonden = useMemo(() => zoek(h, vraag), [h, vraag]);
  const secties = h.secties.filter((s) => gevonden.secties.includes(s.id));
  const begrippen = h.begrippen.filter((b) => gevonden.begrippen.includes(b.id));
  const zoekId = useId();
  const top = useRef<HTMLHeadingElement>(null);
  const actions = useActions();
  const project = useApp((s) => s.project);

  // Open at the place asked for: scroll to it and put the focus on its heading (or term).
  useEffect(() => {
    const el = document.getElementById(`help-${doel.id}`) ?? top.current;
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
    el.classList.add('wijkweb-help__doel');
    const timer = setTimeout(() => el.classList.remove('wijkweb-help__doel'), 2000);
    return () => clearTimeout(timer);
  }, [doel]);

  const sjabloon = async () => {
    const lijst = project ? await actions.listTaxonomieen() : null;
    const items =
      lijst && lijst.ok
        ? lijst.value
        : Object.entries(standaard as Record<string, { label: string }[]>).flatMap(([taxonomie, xs]) =>
            xs.map((x) => ({ taxonomie, label: x.label })),
          );
    const { partnerSjabloon } = await import('../../../shared/importers/partners/sjabloon');
    downloadFile(
      partnerSjabloon(items, i18n.language === 'en' ? 'en' : 'nl') as Uint8Array<ArrayBuffer>,
      t('partners.sjabloonBestand'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  };

  const blok = (b: Blok, i: number) => {
    if ('p' in b)
      return (
        <Paragraph key={i}>
          <Tekst tekst={b.p} />
        </Paragraph>
      );
    if ('lijst' in b || 'stappen' in b) {
      const items = 'lijst' in b ? b.lijst : b.stappen;
      const Lijst = 'lijst' in b ? 'ul' : 'ol';
      return (
        <Lijst key={i} className="wijkweb-help__lijst">
          {items.map((x, j) => (
            <li key={j}>
              <Tekst tekst={x} />
            </li>
          ))}
        </Lijst>
      );
    }
    return (
      <p key={i} className="utrecht-paragraph">
        <Button onClick={() => void sjabloon()} data-testid="help-sjabloon">
          {t('partners.sjabloon')}
        </Button>
      </p>
    );
  };

  return (
    <div className="wijkweb-page wijkweb-help" data-testid="handleiding">
      <div className="wijkweb-help__kop">
        <h1 className="utrecht-heading-1" id="help-top" ref={top} tabIndex={-1}>
          {t('help.titel')}
        </h1>
        <Button onClick={onSluiten}>{t('help.sluiten')}</Button>
      </div>
      <div className="wijkweb-help__zoek" role="search">
        <label className="utrecht-form-label" htmlFor={zoekId}>
          {t('help.zoek')}
        </label>
        <input
          id={zoekId}
          type="search"
          className="utrecht-textbox utrecht-textbox--html-input"
          value={vraag}
          onChange={(e) => setVraag(e.target.value)}
        />
        <p className="wijkweb-hint" role="status">
          {vraag.trim()
            ? t('help.gevonden', { secties: secties.length, begrippen: begrippen.length })
            : t('help.zoekUitleg')}
        </p>
      </div>
      {!vraag.trim() && (
        <nav aria-label={t('help.inhoud')} className="wijkweb-help__inhoud">
          <ul className="wijkweb-plain-list">
            {h.secties.map((s) => (
              <li key={s.id}>
                <a href={`#help-${s.id}`}>{s.titel}</a>
              </li>
            ))}
            <li>
              <a href="#help-begrippen">{t('help.begrippen')}</a>
            </li>
          </ul>
        </nav>
      )}
      {secties.map((s) => (
        <section key={s.id} className="wijkweb-help__sectie" aria-labelledby={`help-${s.id}`} data-sectie={s.id}>
          <h2 id={`help-${s.id}`} className="utrecht-heading-2" tabIndex={-1}>
            {s.titel}
          </h2>
          {s.vraag && (
            <p className="utrecht-paragraph wijkweb-help__vraag">
              <strong>{t('help.beantwoordt')}</strong> {s.vraag}
            </p>
          )}
          {s.blokken.map(blok)}
        </section>
      ))}
      {begrippen.length > 0 && (
        <section className="wijkweb-help__sectie" aria-labelledby="help-begrippen">
          <h2 id="help-begrippen" className="utrecht-heading-2" tabIndex={-1}>
            {t('help.begrippen')}
          </h2>
          <dl className="wijkweb-help__begrippen">
            {begrippen.map((b) => (
              <div key={b.id} className="wijkweb-help__begrip" id={`help-begrip-${b.id}`} tabIndex={-1}>
                <dt>{b.term}</dt>
                <dd>{b.uitleg}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {vraag.trim() && secties.length === 0 && begrippen.length === 0 && (
        <Paragraph>{t('help.nietsGevonden', { vraag: vraag.trim() })}</Paragraph>
      )}
    </div>
  );
}
