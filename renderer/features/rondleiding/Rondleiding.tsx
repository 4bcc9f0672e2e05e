/**
 * The guided tour: four short steps (de kaart, een hiaat, het netwerk, het rapport). Each step shows its view (the
 * App switches it) and a small panel in the bottom-right corner that does not block the page. Esc closes it.
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui';
import { STAPPEN } from './logic';

export function Rondleiding({
  stap,
  onStap,
  onSluiten,
}: {
  stap: number;
  /** Go to this step (the App shows its view). */
  onStap: (stap: number) => void;
  /** Closed or finished: the App forgets the step and remembers that the tour was seen. */
  onSluiten: () => void;
}) {
  const { t } = useTranslation();
  const tellerId = useId();
  const titelId = useId();
  const tekstId = useId();
  const kopRef = useRef<HTMLHeadingElement>(null);
  const volgendeRef = useRef<HTMLButtonElement>(null);
  const naarVolgende = useRef(false);
  const huidige = STAPPEN[stap] ?? STAPPEN[0];
  const laatste = stap >= STAPPEN.length - 1;

  // Into the panel when it appears, so the keyboard can follow the tour at once.
  useEffect(() => {
    kopRef.current?.focus();
  }, []);
  // Back on the first step "Vorige" is disabled: the focus moves on to "Volgende".
  useEffect(() => {
    if (naarVolgende.current) {
      naarVolgende.current = false;
      volgendeRef.current?.focus();
    }
  }, [stap]);

  return (
    <section
      className="wijkweb-rondleiding"
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${tellerId} ${titelId}`}
      aria-describedby={tekstId}
      data-testid="rondleiding"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onSluiten();
        }
      }}
    >
      <p id={tellerId} className="wijkweb-rondleiding__teller">
        <span className="wijkweb-rondleiding__naam">{t('rondleiding.naam')}</span>{' '}
        {t('rondleiding.teller', { nummer: stap + 1, aantal: STAPPEN.length })}
      </p>
      <h2 id={titelId} ref={kopRef} tabIndex={-1} className="wijkweb-rondleiding__titel">
        {t(`rondleiding.stap.${huidige.id}.titel`)}
      </h2>
      <p id={tekstId} className="wijkweb-rondleiding__tekst">
        {t(`rondleiding.stap.${huidige.id}.tekst`)}
      </p>
      <div className="wijkweb-rondleiding__knoppen">
        <Button
          disabled={stap === 0}
          onClick={() => {
            if (stap - 1 === 0) naarVolgende.current = true;
            onStap(stap - 1);
          }}
        >
          {t('rondleiding.vorige')}
        </Button>
        <Button
          ref={volgendeRef}
          appearance="primary"
          onClick={() => (laatste ? onSluiten() : onStap(stap + 1))}
          data-testid="rondleiding-volgende"
        >
          {laatste ? t('rondleiding.klaar') : t('rondleiding.volgende')}
        </Button>
        <Button appearance="subtle" className="wijkweb-rondleiding__sluiten" onClick={onSluiten}>
          {t('rondleiding.sluiten')}
        </Button>
      </div>
    </section>
  );
}
