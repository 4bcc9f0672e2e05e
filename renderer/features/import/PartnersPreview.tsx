import { useTranslation } from 'react-i18next';
import type { PartnersImportOptions, PartnersPreview as Preview } from '../../../shared/contract';
import type { TaxonomieItemRow } from '../../../shared/model/sociale-kaart';
import { PARTNER_VELDEN, type PartnerVeld, type WaardeKeuze } from '../../../shared/importers/partners/types';
import { waardeKey } from '../../../shared/importers/partners/taxonomie-waarden';
import { CheckboxField, Heading, Paragraph, Table, TableHead, td, tr } from '../../components/ui';
import { ImportActions, ImportChoices, type ImportPreviewProps } from './ImportActions';
import { IssueList } from './IssueList';

/**
 * What a partner list would become: which column is which, values that are not in a taxonomy (map, add or skip),
 * the organisations that are one (merged automatically) or may be one (merge only when you tick it), and problems.
 */
export function PartnersPreview({
  preview: p,
  options,
  running,
  progress,
  onOptions,
  onImport,
  onCancel,
  taxonomieen,
}: ImportPreviewProps<Preview, PartnersImportOptions> & { taxonomieen: readonly TaxonomieItemRow[] }) {
  const { t } = useTranslation();
  const samenvoegen = new Set(options.samenvoegen ?? []);
  const gekozen = new Set(Object.keys(options.waarden ?? {}));
  const zeker = p.dubbelen.filter((d) => d.zekerheid === 'zeker');
  const mogelijk = p.dubbelen.filter((d) => d.zekerheid === 'mogelijk');
  const setColumn = (index: number, veld: PartnerVeld | '') => {
    const kolommen = { ...(options.kolommen ?? {}) };
    const current = p.kolommen.find((k) => k.index === index)?.veld;
    if (current) kolommen[current] = null;
    if (veld) kolommen[veld] = index;
    onOptions({ ...options, kolommen });
  };
  const setWaarde = (key: string, keuze: WaardeKeuze | '') => {
    const waarden = { ...(options.waarden ?? {}) };
    if (keuze === '') delete waarden[key];
    else waarden[key] = keuze;
    onOptions({ ...options, waarden });
  };
  return (
    <section className="wijkweb-card" aria-labelledby="partners-titel" data-testid="import-voorbeeld">
      <Heading level={2} id="partners-titel">
        {t('import.voorbeeldTitel', { bestand: p.bestand })}
      </Heading>
      <dl className="wijkweb-facts">
        <dt>{t('import.formaat')}</dt>
        <dd>{t('partners.formaat')}</dd>
        {p.bladen.length > 1 && (
          <>
            <dt>
              <label htmlFor="partners-blad">{t('partners.blad')}</label>
            </dt>
            <dd>
              <select
                id="partners-blad"
                className="utrecht-select utrecht-select--html-select"
                value={p.blad}
                onChange={(e) => onOptions({ ...options, blad: e.target.value, kolommen: {} })}
              >
                {p.bladen.map((b) => (
                  <option key={b}>{b}</option>
                ))}
              </select>
            </dd>
          </>
        )}
        <dt>{t('partners.rijen')}</dt>
        <dd data-testid="partners-aantallen">
          {t('partners.aantallen', {
            rijen: p.rijen,
            organisaties: p.nieuweOrganisaties,
            bijgewerkt: p.bijgewerkteOrganisaties,
            voorzieningen: p.nieuweVoorzieningen,
            voorzieningenBijgewerkt: p.bijgewerkteVoorzieningen,
          })}
        </dd>
        <dt>{t('partners.postcodes')}</dt>
        <dd>{p.postcodesBekend ? t('partners.postcodesJa') : t('partners.postcodesNee')}</dd>
      </dl>

      <details className="wijkweb-details">
        <summary>{t('partners.kolommenTitel')}</summary>
        <Table caption={t('partners.kolommenTabel')}>
          <TableHead columns={[t('partners.kolom'), t('partners.betekent'), t('partners.voorbeelden')]} />
          <tbody className="utrecht-table__body">
            {p.kolommen.map((k) => (
              <tr key={k.index} className={tr}>
                <td className={td}>
                  <label htmlFor={`partners-kolom-${k.index}`}>{k.kop}</label>
                </td>
                <td className={td}>
                  <select
                    id={`partners-kolom-${k.index}`}
                    className="utrecht-select utrecht-select--html-select"
                    value={k.veld ?? ''}
                    onChange={(e) => setColumn(k.index, e.target.value as PartnerVeld | '')}
                  >
                    <option value="">{t('partners.veld.geen')}</option>
                    {PARTNER_VELDEN.map((v) => (
                      <option key={v} value={v}>
                        {t(`partners.veld.${v}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className={td}>{k.voorbeelden.join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </details>

      {p.onbekend.length > 0 && (
        <section aria-labelledby="partners-onbekend" data-testid="partners-onbekend">
          <Heading level={3} id="partners-onbekend">
            {t('partners.onbekendTitel', { aantal: p.onbekend.length })}
          </Heading>
          <Paragraph>{t('partners.onbekendUitleg')}</Paragraph>
          <ul className="wijkweb-plain-list">
            {p.onbekend.map((o) => {
              const key = waardeKey(o.taxonomie, o.waarde);
              const id = `waarde-${key.replace(/[^a-z0-9]+/gi, '-')}`;
              const items = taxonomieen.filter((x) => x.taxonomie === o.taxonomie);
              return (
                <li key={key} className="wijkweb-inline-form">
                  <label className="utrecht-form-label" htmlFor={id}>
                    {t('partners.onbekendWaarde', {
                      waarde: o.waarde,
                      taxonomie: t(`partners.taxonomie.${o.taxonomie}`),
                      aantal: o.aantal,
                    })}
                  </label>
                  <select
                    id={id}
                    className="utrecht-select utrecht-select--html-select"
                    value={o.keuze === null ? '' : typeof o.keuze === 'object' ? o.keuze.code : o.keuze}
                    aria-describedby={o.keuze !== null && !gekozen.has(key) ? `${id}-uitleg` : undefined}
                    data-testid={`waarde-keuze-${o.waarde}`}
                    onChange={(e) => {
                      const v = e.target.value;
                      setWaarde(key, v === 'toevoegen' || v === 'negeren' ? v : v ? { code: v } : '');
                    }}
                  >
                    <option value="">{t('partners.kies')}</option>
                    {o.voorstel && (
                      <option value={o.voorstel}>
                        {t(o.zeker ? 'partners.voorstel' : 'partners.misschien', {
                          label: items.find((x) => x.code === o.voorstel)?.label ?? o.voorstel,
                        })}
                      </option>
                    )}
                    {items
                      .filter((x) => x.code !== o.voorstel)
                      .map((x) => (
                        <option key={x.code} value={x.code}>
                          {x.label}
                        </option>
                      ))}
                    <option value="toevoegen">{t('partners.toevoegen', { waarde: o.waarde })}</option>
                    <option value="negeren">{t('partners.negeren')}</option>
                  </select>
                  {o.keuze !== null && !gekozen.has(key) && (
                    <span id={`${id}-uitleg`} className="wijkweb-hint">
                      {t('partners.voorgekozen')}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {(zeker.length > 0 || mogelijk.length > 0) && (
        <section aria-labelledby="partners-dubbelen" data-testid="partners-dubbelen">
          <Heading level={3} id="partners-dubbelen">
            {t('partners.dubbelenTitel')}
          </Heading>
          {zeker.length > 0 && (
            <>
              <Paragraph>{t('partners.zekerUitleg', { aantal: zeker.length })}</Paragraph>
              <details className="wijkweb-details">
                <summary>{t('partners.zekerSamenvatting', { aantal: zeker.length })}</summary>
                <ul className="wijkweb-plain-list wijkweb-compact-list">
                  {zeker.map((d) => (
                    <li key={d.sleutel}>
                      {d.namen.join(' = ')}
                      {d.bestaandeId !== null && <span className="wijkweb-hint"> {t('partners.alInProject')}</span>}
                    </li>
                  ))}
                </ul>
              </details>
            </>
          )}
          {mogelijk.length > 0 && (
            <>
              <Paragraph>{t('partners.mogelijkUitleg', { aantal: mogelijk.length })}</Paragraph>
              {mogelijk.map((d) => (
                <CheckboxField
                  key={d.sleutel}
                  checked={samenvoegen.has(d.sleutel)}
                  onChange={(on) => {
                    const next = new Set(samenvoegen);
                    if (on) next.add(d.sleutel);
                    else next.delete(d.sleutel);
                    onOptions({ ...options, samenvoegen: [...next] });
                  }}
                >
                  {t('partners.samenvoegen', {
                    namen: d.namen.join(' + '),
                    redenen: d.redenen.map((r) => t(`partners.reden.${r}`, { defaultValue: r })).join(', '),
                  })}
                </CheckboxField>
              ))}
            </>
          )}
        </section>
      )}

      {p.problemen.length > 0 && <IssueList issues={p.problemen} fouten={p.fouten} waarschuwingen={p.waarschuwingen} />}
      <ImportChoices
        foutRijen={p.foutRijen}
        eerderGeimporteerd={p.eerderGeimporteerd}
        options={options}
        onOptions={onOptions}
      />
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
