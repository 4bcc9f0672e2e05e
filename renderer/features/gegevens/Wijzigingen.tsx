import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntiteitSoort, Wijziging } from '../../../shared/contract';
import { formatDateTime } from '../../format';
import { useActions, useApp } from '../../state/context';

/** What changed in one item, and when (newest first). */
export function Wijzigingen({ soort, id }: { soort: EntiteitSoort; id: number }) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const revision = useApp((s) => s.dataRevision);
  const [list, setList] = useState<readonly Wijziging[] | null>(null);
  useEffect(() => {
    let live = true;
    void actions.getWijzigingen(soort, id).then((r) => {
      if (live) setList(r.ok ? r.value : []);
    });
    return () => {
      live = false;
    };
  }, [actions, soort, id, revision]);
  return (
    <section className="wijkweb-wijzigingen" aria-labelledby={`wijzigingen-${soort}-${id}`} data-testid="wijzigingen">
      <h3 className="utrecht-heading-3" id={`wijzigingen-${soort}-${id}`}>
        {t('wijzigingen.titel')}
      </h3>
      {list === null ? null : list.length === 0 ? (
        <p className="utrecht-paragraph wijkweb-hint">{t('wijzigingen.geen')}</p>
      ) : (
        <ol className="wijkweb-plain-list wijkweb-wijzigingen__list">
          {list.map((w) => (
            <li key={w.id}>
              <span className="wijkweb-wijzigingen__tijd">
                <time dateTime={w.tijd}>{formatDateTime(w.tijd, i18n.language)}</time>
              </span>
              <span>
                <strong>{t(`wijzigingen.actie.${w.actie}`, { defaultValue: w.actie })}</strong>
                {w.omschrijving ? `: ${w.omschrijving}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
