import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Heading, Paragraph } from '../../components/ui';
import { useActions, useApp, useStoreApi } from '../../state/context';
import { laatsteMeldingId, meldGeenVoorbeeld } from '../rondleiding/logic';
import { formatDateTime } from '../../format';
import { NewProjectForm } from './NewProjectForm';
import { setStoragePreference } from '../../bridge/browser';

export function StartPage({ creating, setCreating }: { creating: boolean; setCreating: (v: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const recent = useApp((s) => s.recent);
  const platform = useApp((s) => s.platform);
  const actions = useActions();
  const store = useStoreApi();
  const browser = platform?.kind === 'browser';
  const openVoorbeeld = async () => {
    const voor = laatsteMeldingId(store.getState().notices);
    if (!(await actions.openVoorbeeld()) && meldGeenVoorbeeld(store.getState().notices, voor)) {
      actions.notify({ kind: 'warning', text: { key: 'voorbeeld.nietGevonden' } });
    }
  };
  const chooseStorage = (value: 'bestand' | 'werkkopie') => {
    setStoragePreference(value);
    void actions.init();
  };

  return (
    <div className="wijkweb-start">
      <Heading level={1}>{t('start.titel')}</Heading>
      <Paragraph lead>{t('start.intro')}</Paragraph>
      {creating ? (
        <NewProjectForm onDone={() => setCreating(false)} />
      ) : (
        <ButtonGroup>
          <Button appearance="primary" onClick={() => setCreating(true)}>
            {t('start.nieuw')}
          </Button>
          <Button onClick={() => void actions.openProject()}>{t('start.openen')}</Button>
          <Button appearance="subtle" onClick={() => void openVoorbeeld()} data-testid="voorbeeld-openen">
            {t('voorbeeld.openen')}
          </Button>
        </ButtonGroup>
      )}
      <section aria-labelledby="recent-titel" className="wijkweb-recent">
        <Heading level={2} id="recent-titel">
          {t('start.recent')}
        </Heading>
        {recent.length === 0 ? (
          <Paragraph>{t('start.geenRecent')}</Paragraph>
        ) : (
          <ul className="wijkweb-recent__list">
            {recent.map((r) => (
              <li key={r.ref.id} className="wijkweb-recent__item">
                <button
                  className="utrecht-link-button utrecht-link-button--html-button wijkweb-recent__open"
                  onClick={() => void actions.openRecent(r.ref.id)}
                >
                  {r.ref.fileName.replace(/\.wijkweb$/i, '')}
                </button>
                <span className="wijkweb-recent__meta">
                  {r.location} · {formatDateTime(r.lastOpened, i18n.language)}
                </span>
                <Button
                  appearance="subtle"
                  aria-label={t(r.storage === 'werkkopie' ? 'start.verwijderenLabel' : 'start.vergetenLabel', {
                    naam: r.ref.fileName,
                  })}
                  onClick={() => {
                    const deletes = r.storage === 'werkkopie';
                    if (!deletes || window.confirm(t('start.verwijderenBevestigen', { naam: r.ref.fileName }))) {
                      void actions.forgetRecent(r.ref.id);
                    }
                  }}
                >
                  {r.storage === 'werkkopie' ? t('start.verwijderen') : t('start.vergeten')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {browser && (
        <section aria-labelledby="opslag-titel" className="wijkweb-card">
          <Heading level={2} id="opslag-titel">
            {t('start.opslagTitel')}
          </Heading>
          {platform?.canUseFiles ? (
            <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                {t('start.opslagVraag')}
              </legend>
              {(['bestand', 'werkkopie'] as const).map((value) => (
                <div key={value}>
                  <label className="utrecht-form-label wijkweb-radio">
                    <input
                      type="radio"
                      name="opslag"
                      value={value}
                      checked={platform.newProjectStorage === value}
                      onChange={() => chooseStorage(value)}
                    />
                    {t(value === 'bestand' ? 'start.opslagBestand' : 'start.opslagBrowser')}
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
          <Paragraph className="wijkweb-hint">
            {t(platform?.newProjectStorage === 'bestand' ? 'start.uitlegBestand' : 'start.browserUitleg')}
          </Paragraph>
        </section>
      )}
    </div>
  );
}
