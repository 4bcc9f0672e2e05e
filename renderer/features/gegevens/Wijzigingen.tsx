import { useTranslation } from 'react-i18next';
import type { EntiteitSoort, Wijziging } from '../../../shared/contract';
import { formatDateTime } from '../../format';
import { useActions } from '../../state/context';
import { useWorkerQuery } from '../../state/useWorkerQuery';

/** What changed in one item, and when (newest first). */
export function Wijzigingen({ soort, id }: { soort: EntiteitSoort; id: number }) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const { data, error } = useWorkerQuery(() => actions.getWijzigingen(soort, id), [actions, soort, id]);
  const list: readonly Wijziging[] | null = error ? [] : data;
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
