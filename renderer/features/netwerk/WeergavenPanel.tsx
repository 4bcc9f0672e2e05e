/**
 * Saved views ("weergaven") for meetings: filters, style, layout, the positions and the viewport under a name. Apply,
 * overwrite with what you see now, or delete (Ctrl+Z brings it back).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Weergave, WeergaveInput } from '../../../shared/contract';
import { Button } from '../../components/ui';
import { useActions, useApp } from '../../state/context';
import { useWorkerQuery } from '../../state/useWorkerQuery';

export function WeergavenPanel({
  snapshot,
  onToepassen,
}: {
  /** What to save: the current settings, viewport and positions (as `instellingen`). */
  snapshot: () => WeergaveInput['instellingen'];
  onToepassen: (w: Weergave) => void;
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const lijst: readonly Weergave[] = useWorkerQuery(() => actions.listWeergaven('netwerk'), [actions]).data ?? [];
  const [naam, setNaam] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [melding, setMelding] = useState<string | null>(null);

  const bewaar = async (id: number | null, naamNu: string) => {
    if (!naamNu.trim()) {
      setFout(t('netwerk.weergaven.naamLeeg'));
      document.getElementById('netwerk-weergave-naam')?.focus();
      return;
    }
    const r = await actions.saveWeergave(id, { naam: naamNu, soort: 'netwerk', instellingen: snapshot() });
    if (!r.ok) {
      setFout(t(`fout.${r.error.code}`, { ...r.error.params, defaultValue: t('fout.intern.onverwacht') }));
      return;
    }
    setFout(null);
    setNaam('');
    setMelding(t(id === null ? 'netwerk.weergaven.bewaard' : 'netwerk.weergaven.overschreven', { naam: r.value.naam }));
  };

  return (
    <div className="wijkweb-netwerk__groep" data-testid="weergaven">
      {lijst.length === 0 ? (
        <p className="utrecht-paragraph wijkweb-hint">{t('netwerk.weergaven.geen')}</p>
      ) : (
        <ul className="wijkweb-plain-list wijkweb-netwerk__weergaven">
          {lijst.map((w) => (
            <li key={w.id} data-testid="weergave">
              <span className="wijkweb-netwerk__weergave-naam">{w.naam}</span>
              <span className="wijkweb-netwerk__knoppen wijkweb-compact">
                <Button
                  onClick={() => {
                    onToepassen(w);
                    setMelding(t('netwerk.weergaven.toegepast', { naam: w.naam }));
                  }}
                  aria-label={t('netwerk.weergaven.toepassenLabel', { naam: w.naam })}
                >
                  {t('netwerk.weergaven.toepassen')}
                </Button>
                {!readOnly && (
                  <>
                    <Button
                      appearance="subtle"
                      onClick={() => void bewaar(w.id, w.naam)}
                      aria-label={t('netwerk.weergaven.overschrijvenLabel', { naam: w.naam })}
                    >
                      {t('netwerk.weergaven.overschrijven')}
                    </Button>
                    <Button
                      appearance="subtle"
                      onClick={() =>
                        void actions.deleteWeergave(w.id).then((r) => {
                          if (r.ok) setMelding(t('netwerk.weergaven.verwijderd', { naam: w.naam }));
                        })
                      }
                      aria-label={t('netwerk.weergaven.verwijderenLabel', { naam: w.naam })}
                    >
                      {t('netwerk.weergaven.verwijderen')}
                    </Button>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <form
          className="wijkweb-netwerk__weergave-form"
          onSubmit={(e) => {
            e.preventDefault();
            void bewaar(null, naam);
          }}
        >
          <div className={fout ? 'utrecht-form-field utrecht-form-field--invalid' : 'utrecht-form-field'}>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="netwerk-weergave-naam">
                {t('netwerk.weergaven.naam')}
              </label>
            </div>
            {fout && (
              <div
                className="utrecht-form-field__error-message utrecht-form-field-error-message"
                id="netwerk-weergave-naam-err"
              >
                {fout}
              </div>
            )}
            <input
              id="netwerk-weergave-naam"
              className="utrecht-textbox utrecht-textbox--html-input"
              value={naam}
              maxLength={120}
              aria-invalid={fout ? true : undefined}
              aria-describedby={fout ? 'netwerk-weergave-naam-err' : undefined}
              onChange={(e) => setNaam(e.target.value)}
            />
          </div>
          <Button type="submit">{t('netwerk.weergaven.bewaar')}</Button>
        </form>
      )}
      <p className="wijkweb-hint" role="status" data-testid="weergave-melding">
        {melding}
      </p>
    </div>
  );
}
