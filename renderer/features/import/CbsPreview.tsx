import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CbsImportOptions, CbsPreview as CbsPreviewData } from '../../../shared/contract';
import { Alert, Button, CheckboxField, Heading } from '../../components/ui';
import { formatNumber } from '../../format';
import { ImportActions, ImportChoices, type ImportPreviewProps } from './ImportActions';
import { IssueList } from './IssueList';

/** Codes (with names) of new, renamed or removed gebieden: the first few, then how many more. */
function CodeList({ items, label }: { items: readonly string[]; label: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  const shown = items.slice(0, 30);
  return (
    <p className="utrecht-paragraph wijkweb-hint">
      <strong>{label}:</strong> {shown.join('; ')}
      {items.length > shown.length ? ` ${t('import.cbs.enNog', { aantal: items.length - shown.length })}` : ''}
    </p>
  );
}

/**
 * What a CBS import would do: the kind of file, the year(s), the gebieden and rows that go in and those left out (per
 * reason), the figures recognised, the choice of gemeenten (for a whole-country file) and of a year (for a file of
 * several), skipping rows with errors, and every problem with its place.
 */
export function CbsPreview({
  preview: p,
  options,
  running,
  progress,
  onOptions,
  onImport,
  onCancel,
}: ImportPreviewProps<CbsPreviewData, CbsImportOptions>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [jaar, setJaar] = useState(p.jaar ? String(p.jaar) : '');
  const [filter, setFilter] = useState('');
  const canonical = p.indicatoren.filter((i) => i.canoniek);
  const other = p.indicatoren.length - canonical.length;
  const chosen = new Set(options.gemeenten ?? []);
  const n = (x: number) => formatNumber(x, lang);
  const redenen = (['andereGemeente', 'anderJaar', 'leeg', 'fout'] as const)
    .filter((r) => p.overgeslagen[r] > 0 && (r !== 'fout' || options.foutenOverslaan))
    .map((r) => t(`import.cbs.reden.${r}`, { aantal: n(p.overgeslagen[r]) }));
  const periodeKeuze = p.jarenInBestand.length > 1;
  const wijziging = p.indelingswijziging;
  return (
    <section className="wijkweb-card" aria-labelledby="voorbeeld-titel" data-testid="import-voorbeeld">
      <Heading level={2} id="voorbeeld-titel">
        {t('import.voorbeeldTitel', { bestand: p.bestand })}
      </Heading>
      <dl className="wijkweb-facts">
        <dt>{t('import.formaat')}</dt>
        <dd>{p.formaat ? t(`import.formaatNaam.${p.formaat}`) : '—'}</dd>
        <dt>{t('import.jaar')}</dt>
        <dd data-testid="import-jaar">
          {p.jaren.length > 1 ? t('import.cbs.jaren', { jaren: p.jaren.join(', ') }) : (p.jaar ?? '—')}{' '}
          {p.jaarBron && p.jaren.length > 0 ? (
            <span className="wijkweb-hint">({t(`import.jaarBron.${p.jaarBron}`)})</span>
          ) : null}
        </dd>
        <dt>{t('import.gebieden')}</dt>
        <dd data-testid="import-aantallen">
          {t('import.aantallen', {
            gemeenten: n(p.aantallen.gemeente),
            wijken: n(p.aantallen.wijk),
            buurten: n(p.aantallen.buurt),
          })}
        </dd>
        <dt>{t('import.cbs.rijen')}</dt>
        <dd data-testid="import-rijen">
          {t('import.cbs.teImporteren', { aantal: n(p.teImporteren) })}
          {redenen.length > 0 && (
            <span data-testid="import-overgeslagen">
              ; {t('import.cbs.overgeslagen', { redenen: redenen.join(', ') })}
            </span>
          )}
        </dd>
        <dt>{t('import.indicatoren')}</dt>
        <dd>
          {t('import.indicatorenTekst', { herkend: canonical.length, overig: other })}
          {canonical.length > 0 && <span className="wijkweb-hint"> ({canonical.map((i) => i.label).join(', ')})</span>}
        </dd>
        {p.overgeslagenKolommen.length > 0 && (
          <>
            <dt>{t('import.overgeslagen')}</dt>
            <dd>{p.overgeslagenKolommen.join(', ')}</dd>
          </>
        )}
      </dl>

      {periodeKeuze && (
        <div className="wijkweb-inline-form">
          <label className="utrecht-form-label" htmlFor="import-periode">
            {t('import.cbs.jaarKiezen')}
          </label>
          <select
            id="import-periode"
            className="utrecht-select utrecht-select--html-select"
            value={options.jaar ?? ''}
            onChange={(e) => {
              const { jaar: _weg, ...rest } = options;
              onOptions(e.target.value ? { ...rest, jaar: Number(e.target.value) } : rest);
            }}
          >
            <option value="">{t('import.cbs.alleJaren')}</option>
            {p.jarenInBestand.map((j) => (
              <option key={j} value={j}>
                {j}
              </option>
            ))}
          </select>
        </div>
      )}

      {!periodeKeuze && p.jarenInBestand.length === 0 && (p.jaar === null || p.jaarBron === 'optie') && (
        <form
          className="wijkweb-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const y = Number(jaar);
            if (Number.isInteger(y) && y >= 1990 && y <= 2100) onOptions({ ...options, jaar: y });
          }}
        >
          <label className="utrecht-form-label" htmlFor="import-jaar">
            {t('import.jaarVraag')}
          </label>
          <input
            id="import-jaar"
            className="utrecht-textbox utrecht-textbox--html-input wijkweb-narrow"
            inputMode="numeric"
            value={jaar}
            onChange={(e) => setJaar(e.target.value)}
          />
          <Button type="submit">{t('import.jaarGebruiken')}</Button>
        </form>
      )}

      {wijziging && (wijziging.nieuw.length > 0 || wijziging.vervallen.length > 0 || wijziging.hernoemd.length > 0) && (
        <Alert type="info">
          <p className="utrecht-paragraph" data-testid="import-indeling">
            {t('import.cbs.indeling', {
              jaar: wijziging.vergelekenMet,
              nieuw: wijziging.nieuw.length,
              hernoemd: wijziging.hernoemd.length,
              vervallen: wijziging.vervallen.length,
            })}
          </p>
          <CodeList
            label={t('import.cbs.nieuw')}
            items={wijziging.nieuw.map((g) => (g.naam ? `${g.code} ${g.naam}` : g.code))}
          />
          <CodeList
            label={t('import.cbs.hernoemd')}
            items={wijziging.hernoemd.map((g) => `${g.code} ${g.oud} → ${g.nieuw}`)}
          />
          <CodeList label={t('import.cbs.vervallen')} items={wijziging.vervallen.map((g) => `${g.code} ${g.naam}`)} />
        </Alert>
      )}

      {p.gemeenten.length > 1 && (
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wijkweb-gemeenten">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t('import.welkeGemeenten', { aantal: p.gemeenten.length })}
          </legend>
          {p.grootBestand && <p className="utrecht-paragraph">{t('import.grootBestand')}</p>}
          {chosen.size > 0 && (
            <p className="utrecht-paragraph" data-testid="import-gekozen">
              {t('import.cbs.gekozen', { aantal: chosen.size, count: chosen.size })}{' '}
              <Button onClick={() => onOptions({ ...options, gemeenten: [] })}>{t('import.cbs.keuzeWissen')}</Button>
            </p>
          )}
          <label className="utrecht-form-label" htmlFor="gemeente-zoek">
            {t('import.zoekGemeente')}
          </label>
          <input
            id="gemeente-zoek"
            className="utrecht-textbox utrecht-textbox--html-input"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <ul className="wijkweb-plain-list wijkweb-checklist">
            {[...p.gemeenten.filter((g) => chosen.has(g.code)), ...p.gemeenten.filter((g) => !chosen.has(g.code))]
              .filter((g) => `${g.code} ${g.naam ?? ''}`.toLowerCase().includes(filter.toLowerCase()))
              .slice(0, 400)
              .map((g) => (
                <li key={g.code}>
                  <label className="wijkweb-radio">
                    <input
                      type="checkbox"
                      checked={chosen.has(g.code)}
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.target.checked) next.add(g.code);
                        else next.delete(g.code);
                        onOptions({ ...options, gemeenten: [...next] });
                      }}
                    />
                    {g.naam ?? g.code} <span className="wijkweb-hint">{g.code}</span>
                  </label>
                </li>
              ))}
          </ul>
        </fieldset>
      )}

      {p.problemen.length > 0 && <IssueList issues={p.problemen} fouten={p.fouten} waarschuwingen={p.waarschuwingen} />}

      {p.foutRijen > 0 && (
        <CheckboxField
          checked={!!options.foutenOverslaan}
          onChange={(foutenOverslaan) => onOptions({ ...options, foutenOverslaan })}
        >
          {t('import.cbs.foutenOverslaan', { aantal: n(p.foutRijen) })}
        </CheckboxField>
      )}
      <ImportChoices eerderGeimporteerd={p.eerderGeimporteerd} options={options} onOptions={onOptions} />
      {p.bestaandeWaarden > 0 && (
        <CheckboxField checked={!!options.vervangen} onChange={(vervangen) => onOptions({ ...options, vervangen })}>
          {t('import.vervangen', { aantal: n(p.bestaandeWaarden), jaar: p.jaren.join(', ') })}
        </CheckboxField>
      )}

      <ImportActions
        canImport={p.kanImporteren}
        running={running}
        progress={progress}
        onImport={onImport}
        onCancel={onCancel}
      />
    </section>
  );
}
