import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeoImportOptions, GeoPreview as Preview } from '../../../shared/contract';
import { Button, Heading } from '../../components/ui';
import { formatNumber } from '../../format';
import { ImportActions, ImportChoices, type ImportPreviewProps } from './ImportActions';
import { IssueList } from './IssueList';

/**
 * What a wijk- en buurtkaart would do: its format and coordinate system, how many vlakken it has, how many join a
 * gebied of the project and how many are new. When new buurten need a year, it asks (as the CBS preview does).
 */
export function GeoPreview({
  preview: p,
  options,
  running,
  progress,
  onOptions,
  onImport,
  onCancel,
}: ImportPreviewProps<Preview, GeoImportOptions>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [jaar, setJaar] = useState(options.jaar ? String(options.jaar) : p.jaar ? String(p.jaar) : '');
  const [jaarFout, setJaarFout] = useState<string | null>(null);
  // New buurten go into one year's area division: ask for it, or let the user correct the guess.
  const vraagJaar = p.nieuw > 0;
  return (
    <section className="wijkweb-card" aria-labelledby="geo-titel" data-testid="import-voorbeeld">
      <Heading level={2} id="geo-titel">
        {t('import.voorbeeldTitel', { bestand: p.bestand })}
      </Heading>
      <dl className="wijkweb-facts" data-testid="geo-voorbeeld">
        <dt>{t('import.formaat')}</dt>
        <dd>{t(`geoImport.formaat.${p.formaat}`)}</dd>
        <dt>{t('geoImport.crs')}</dt>
        <dd>{p.crs}</dd>
        <dt>{t('geoImport.vlakken')}</dt>
        <dd data-testid="geo-vlakken">{formatNumber(p.vlakken, lang)}</dd>
        <dt>{t('geoImport.gekoppeld')}</dt>
        <dd data-testid="geo-gekoppeld">{formatNumber(p.gekoppeld, lang)}</dd>
        <dt>{t('geoImport.nieuw')}</dt>
        <dd data-testid="geo-nieuw">
          {formatNumber(p.nieuw, lang)}
          {p.nieuw > 0 && <span className="wijkweb-hint"> ({t('geoImport.nieuwUitleg')})</span>}
        </dd>
        <dt>{t('import.jaar')}</dt>
        <dd data-testid="geo-jaar">{p.jaar ?? '—'}</dd>
      </dl>

      {vraagJaar && (
        <form
          className="wijkweb-inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(jaar.trim());
            if (!Number.isInteger(n) || n < 1990 || n > 2100) {
              setJaarFout(t('geoImport.jaarFout'));
              return;
            }
            setJaarFout(null);
            onOptions({ ...options, jaar: n });
          }}
        >
          <label className="utrecht-form-label" htmlFor="geo-jaar">
            {p.jaar === null ? t('geoImport.jaarVraag') : t('geoImport.jaarKlopt')}
          </label>
          <input
            id="geo-jaar"
            className="utrecht-textbox utrecht-textbox--html-input wijkweb-narrow"
            inputMode="numeric"
            value={jaar}
            aria-invalid={jaarFout ? true : undefined}
            aria-describedby={jaarFout ? 'geo-jaar-fout' : undefined}
            onChange={(e) => setJaar(e.target.value)}
          />
          <Button type="submit">{t('import.jaarGebruiken')}</Button>
          {jaarFout && (
            <p id="geo-jaar-fout" className="utrecht-form-field-error-message">
              {jaarFout}
            </p>
          )}
        </form>
      )}

      {p.problemen.length > 0 && (
        <IssueList issues={p.problemen} fouten={p.fouten} waarschuwingen={p.problemen.length - p.fouten} />
      )}

      <ImportChoices eerderGeimporteerd={p.eerderGeimporteerd} options={options} onOptions={onOptions} />
      <ImportActions
        canImport={p.kanImporteren && (!p.eerderGeimporteerd || !!options.opnieuw)}
        running={running}
        progress={progress}
        onImport={onImport}
        onCancel={onCancel}
      />
    </section>
  );
}
