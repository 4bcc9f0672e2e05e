import { useTranslation } from 'react-i18next';
import { Alert, Button } from '../components/ui';
import { useActions, useApp } from '../state/context';
import { formatDateTime } from '../format';

/** Time stamps in message parameters are shown as dates in the user's language. */
function localiseParams(params: Record<string, string | number> | undefined, language: string) {
  if (!params) return undefined;
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? formatDateTime(v, language) : v,
    ]),
  );
}

export function Notices() {
  const { t, i18n } = useTranslation();
  const notices = useApp((s) => s.notices);
  const actions = useActions();
  const render = (n: (typeof notices)[number], live = true) => (
    <Alert
      key={n.id}
      type={n.kind}
      live={live}
      onClose={() => actions.dismiss(n.id)}
      closeLabel={t('meldingen.sluiten')}
    >
      {n.error && (
        <>
          <p className="utrecht-paragraph">
            {t(`fout.${n.error.code}`, { ...n.error.params, defaultValue: t('fout.intern.onverwacht') })}
          </p>
          {n.error.detail && (
            <details className="wijkweb-details">
              <summary>{t('meldingen.details')}</summary>
              <code>{n.error.detail}</code>
            </details>
          )}
        </>
      )}
      {n.text && <p className="utrecht-paragraph">{t(n.text.key, localiseParams(n.text.params, i18n.language))}</p>}
      {n.backups && (
        <div>
          <p className="utrecht-paragraph">
            <strong>{t('meldingen.reservekopieen')}</strong>
          </p>
          {n.backups.list.length === 0 ? (
            <p className="utrecht-paragraph">{t('meldingen.geenReservekopieen')}</p>
          ) : (
            <ul className="wijkweb-plain-list">
              {n.backups.list.map((b) => (
                <li key={b.id}>
                  <Button onClick={() => void actions.openBackup(n.backups!.projectId, n.backups!.fileName, b)}>
                    {t('meldingen.openReservekopie', { datum: formatDateTime(b.createdAt, i18n.language) })}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Alert>
  );
  const lasting = notices.filter((n) => !n.autoDismissMs);
  const short = notices.filter((n) => n.autoDismissMs);
  return (
    <>
      {lasting.length > 0 && <div className="wijkweb-notices">{lasting.map((n) => render(n))}</div>}
      {/* Short notices ("Opgeslagen", "Ongedaan gemaakt: …") float above the status bar, so the page does not jump.
          The live region is always there, so screen readers hear what is put in it. */}
      <div className="wijkweb-toasts" role="status" data-testid="korte-meldingen">
        {short.map((n) => render(n, false))}
      </div>
    </>
  );
}
