import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DubbeleOrganisaties, Organisatie } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import { Dialog } from '../../components/dialog';
import { Button, Paragraph } from '../../components/ui';
import { useActions, useApp } from '../../state/context';
import { useWorkerQuery } from '../../state/useWorkerQuery';
import { ErrorText } from './ErrorText';
import { savedNotice } from './form-helpers';

/**
 * "Dubbelen zoeken": organisations that look like one. Per group you choose which one to keep; its voorzieningen
 * and relaties stay, the others' move over and their names are kept as other names. One undo step per merge.
 */
export function DubbelenDialog({
  organisaties,
  onClose,
}: {
  organisaties: readonly Organisatie[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const query = useWorkerQuery(() => actions.findDubbeleOrganisaties(), [actions]);
  const groups: readonly DubbeleOrganisaties[] | null = query.data;
  const [eigenFout, setError] = useState<AppError | null>(null);
  const error = eigenFout ?? query.error;
  const [keep, setKeep] = useState<Record<number, number>>({});
  const [busy, setBusy] = useState(false);
  const byId = new Map(organisaties.map((o) => [o.id, o]));

  const merge = async (index: number, group: DubbeleOrganisaties) => {
    const keepId = keep[index] ?? group.organisaties[0]!.id;
    const others = group.organisaties.map((o) => o.id).filter((id) => id !== keepId);
    setBusy(true);
    const result = await actions.mergeOrganisaties(keepId, others);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setKeep({});
    actions.notify(savedNotice('dubbelen.samengevoegd', { naam: result.value.naam, count: others.length }));
  };

  return (
    <Dialog
      variant="drawer"
      title={t('dubbelen.titel')}
      onClose={onClose}
      closeLabel={t('bewerken.sluiten')}
      testId="dubbelen"
    >
      <Paragraph>{t('dubbelen.uitleg')}</Paragraph>
      <ErrorText error={error} />
      {groups === null ? (
        <Paragraph>{t('dubbelen.zoeken')}</Paragraph>
      ) : groups.length === 0 ? (
        <Paragraph>{t('dubbelen.geen')}</Paragraph>
      ) : (
        <ol className="wijkweb-plain-list wijkweb-dubbelen">
          {groups.map((g, i) => {
            const keepId = keep[i] ?? g.organisaties[0]!.id;
            const others = g.organisaties.filter((o) => o.id !== keepId);
            const moving = others.reduce(
              (sum, o) => ({
                voorzieningen: sum.voorzieningen + (byId.get(o.id)?.aantalVoorzieningen ?? 0),
                relaties: sum.relaties + (byId.get(o.id)?.aantalRelaties ?? 0),
              }),
              { voorzieningen: 0, relaties: 0 },
            );
            const kept = g.organisaties.find((o) => o.id === keepId)!;
            return (
              <li key={g.organisaties.map((o) => o.id).join('-')} className="wijkweb-card" data-testid="dubbel-groep">
                <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
                  <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                    {t(`dubbelen.groep.${g.zekerheid}`, { nummer: i + 1 })}
                  </legend>
                  {g.redenen.length > 0 && (
                    <p className="utrecht-paragraph wijkweb-hint">
                      {t('dubbelen.redenen', {
                        redenen: g.redenen.map((r) => t(`partners.reden.${r}`, { defaultValue: r })).join(', '),
                      })}
                    </p>
                  )}
                  <p className="utrecht-paragraph">{t('dubbelen.welkeBewaren')}</p>
                  <ul className="wijkweb-plain-list">
                    {g.organisaties.map((o) => {
                      const full = byId.get(o.id);
                      return (
                        <li key={o.id}>
                          <label className="wijkweb-radio">
                            <input
                              type="radio"
                              name={`dubbel-${i}`}
                              checked={o.id === keepId}
                              onChange={() => setKeep((k) => ({ ...k, [i]: o.id }))}
                            />
                            <span>
                              {o.naam}
                              {o.postcode ? ` · ${o.postcode}` : ''}
                              <span className="wijkweb-hint">
                                {' '}
                                ·{' '}
                                {t('dubbelen.telling', {
                                  voorzieningen: t('dubbelen.nVoorzieningen', {
                                    count: full?.aantalVoorzieningen ?? 0,
                                  }),
                                  relaties: t('dubbelen.nRelaties', { count: full?.aantalRelaties ?? 0 }),
                                })}
                              </span>
                            </span>
                          </label>
                        </li>
                      );
                    })}
                  </ul>
                </fieldset>
                <p className="utrecht-paragraph" data-testid="dubbel-voorbeeld">
                  {t('dubbelen.voorbeeld', {
                    count: others.length,
                    naam: kept.naam,
                    anderen: others.map((o) => `‘${o.naam}’`).join(', '),
                    voorzieningen: t('dubbelen.nVoorzieningen', { count: moving.voorzieningen }),
                    relaties: t('dubbelen.nRelaties', { count: moving.relaties }),
                  })}
                </p>
                {!readOnly && (
                  <Button appearance="primary" disabled={busy} onClick={() => void merge(i, g)}>
                    {t('dubbelen.samenvoegen', { naam: kept.naam })}
                  </Button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Dialog>
  );
}
