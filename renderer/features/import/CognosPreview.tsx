// Over 300 lines: one preview, mostly markup; its four tables read the same preview and choices.
import { useTranslation } from 'react-i18next';
import type { CognosImportOptions, CognosPreview as Preview } from '../../../shared/contract';
import { Heading, Paragraph, Table, TableHead, td, tdNum, th, tr } from '../../components/ui';
import { ImportActions, ImportChoices, type ImportPreviewProps } from './ImportActions';
import { IssueList } from './IssueList';
import { formatDate, formatNumber } from '../../format';
import type { CognosVoorbeeldRij } from '../../../shared/importers/cognos';

const ROLES = [
  'maat:meldingen',
  'maat:toewijzingen',
  'maat:unieke_clienten',
  'maat:afhandeling',
  'maat:kosten',
  'maat:tevredenheid',
  'maat:aantal',
  'gebied',
  'periode',
  'product',
  'afhandeling',
  'meldingstype',
  'wet',
  'vorm',
  'negeren',
] as const;

/**
 * What a Cognos import would do: tables, counts per measure, periods, each gebied name matched or to confirm, and
 * each afhandeling category of the file with the project's afhandeling it gets (an unknown one is chosen here).
 */
export function CognosPreview({
  preview: p,
  options,
  running,
  progress,
  onOptions,
  onImport,
  onCancel,
}: ImportPreviewProps<Preview, CognosImportOptions>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const moment = (m: string) =>
    m
      .split('/')
      .map((d) => formatDate(d, lang))
      .join(' – ');
  /** What a row counts, in words: "Toewijzingen · Wmo · ondersteuningsbehoefte 1A · individueel". */
  const wat = (r: CognosVoorbeeldRij) =>
    [
      t(`maat.${r.maat}`, { defaultValue: r.maat }),
      r.wet,
      r.ondersteuningsbehoefte !== null
        ? t('cognos.ob', { ob: `${r.ondersteuningsbehoefte}${r.subniveau ?? ''}` })
        : r.product,
      r.vorm ? t(`cognos.vorm.${r.vorm}`, { defaultValue: r.vorm }) : null,
      r.meldingstype,
      r.afhandeling ? `${r.afhandeling}${r.afhandelingCode ? ` → ${afhandelingLabel(r.afhandelingCode)}` : ''}` : null,
    ]
      .filter(Boolean)
      .join(' · ');
  const afhandelingLabel = (code: string) => p.afhandelingItems.find((i) => i.code === code)?.label ?? code;
  const euro = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' });
  /** A count, an amount in euros (kosten) or a score. */
  const getal = (w: number | null, onderdrukt = false, maat?: string) =>
    w === null
      ? onderdrukt
        ? t('cognos.afgeschermd')
        : '—'
      : maat === 'kosten'
        ? euro.format(w)
        : formatNumber(w, lang);
  const kiesAfhandeling = (tekst: string, code: string) => {
    const afhandelingen = { ...(options.afhandelingen ?? {}) };
    if (code) afhandelingen[tekst] = code;
    else delete afhandelingen[tekst];
    onOptions({ ...options, afhandelingen });
  };
  const confirm = (naam: string, code: string) =>
    onOptions({ ...options, aliassen: { ...(options.aliassen ?? {}), [naam]: code } });
  return (
    <section className="wijkweb-card" aria-labelledby="cognos-titel" data-testid="import-voorbeeld">
      <Heading level={2} id="cognos-titel">
        {t('import.voorbeeldTitel', { bestand: p.bestand })}
      </Heading>
      <dl className="wijkweb-facts">
        <dt>{t('import.formaat')}</dt>
        <dd>{t('cognos.formaat')}</dd>
        <dt>{t('cognos.tabellen')}</dt>
        <dd data-testid="cognos-aantallen">
          {t('cognos.tabellenTekst', { tabellen: p.tabellen, metingen: p.metingen })}
          {' ('}
          {Object.entries(p.perMaat)
            .map(([maat, n]) => `${t(`maat.${maat}`, { defaultValue: maat })}: ${n}`)
            .join(', ')}
          {')'}
        </dd>
        <dt>{t('cognos.perioden')}</dt>
        <dd>
          {p.perioden
            .map((x) =>
              x
                .split('/')
                .map((d) => formatDate(d, i18n.language))
                .join(' – '),
            )
            .join(', ') || '—'}
        </dd>
        {p.titelGebieden.length > 0 && (
          <>
            <dt>{t('cognos.gebied')}</dt>
            <dd data-testid="cognos-titelgebied">
              {[...new Set(p.titelGebieden.map((g) => `${g.naam} (${g.code})`))].join(', ')}
            </dd>
          </>
        )}
      </dl>
      {p.gebieden.length > 0 && (
        <Table caption={t('cognos.gebiedenTabel')}>
          <TableHead columns={[t('cognos.inBestand'), t('cognos.gebied')]} />
          <tbody className="utrecht-table__body">
            {p.gebieden.map((g) => (
              <tr key={g.naam} className={tr}>
                <th scope="row" className={th}>
                  {g.naam}
                </th>
                <td className={td}>
                  {g.code ? (
                    `${g.gebiedNaam} (${g.code})`
                  ) : options.nieuweGebieden?.includes(g.naam) ? (
                    t('cognos.wordtEigen')
                  ) : (
                    <label className="wijkweb-inline-form">
                      <span>{t('cognos.welke', { naam: g.naam })}</span>
                      <select
                        className="utrecht-select utrecht-select--html-select"
                        defaultValue=""
                        onChange={(e) => {
                          const v = e.target.value;
                          if (v === '__nieuw__')
                            onOptions({ ...options, nieuweGebieden: [...(options.nieuweGebieden ?? []), g.naam] });
                          else if (v) confirm(g.naam, v);
                        }}
                      >
                        <option value="">{t('cognos.kies')}</option>
                        {g.kandidaten.map((k) => (
                          <option key={k.code} value={k.code}>
                            {k.naam} ({k.code})
                          </option>
                        ))}
                        <option value="__nieuw__">{t('cognos.maakEigen', { naam: g.naam })}</option>
                      </select>
                    </label>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {p.afhandelingen.length > 0 && (
        <section aria-labelledby="cognos-afhandelingen" data-testid="cognos-afhandelingen">
          <Heading level={3} id="cognos-afhandelingen">
            {t('cognos.afhandelingenTabel')}
          </Heading>
          <Paragraph className="wijkweb-hint">{t('cognos.afhandelingUitleg')}</Paragraph>
          <Table caption={t('cognos.afhandelingenTabel')}>
            <TableHead
              columns={[t('cognos.afhandelingInBestand'), t('cognos.afhandelingAantal'), t('cognos.afhandelingWordt')]}
            />
            <tbody className="utrecht-table__body">
              {p.afhandelingen.map((a) => {
                const id = `afhandeling-${a.tekst.replace(/[^a-z0-9]+/gi, '-')}`;
                return (
                  <tr key={a.tekst} className={tr}>
                    <th scope="row" className={th}>
                      {a.tekst}
                    </th>
                    <td className={tdNum}>{formatNumber(a.aantal, lang)}</td>
                    <td className={td}>
                      <select
                        id={id}
                        aria-label={t('cognos.afhandelingKies', { tekst: a.tekst })}
                        className="utrecht-select utrecht-select--html-select"
                        value={options.afhandelingen?.[a.tekst] ?? a.code ?? ''}
                        aria-invalid={a.code === null}
                        data-testid={`afhandeling-keuze-${a.tekst}`}
                        onChange={(e) => kiesAfhandeling(a.tekst, e.target.value)}
                      >
                        <option value="">{t('cognos.kies')}</option>
                        {p.afhandelingItems.map((i) => (
                          <option key={i.code} value={i.code}>
                            {i.label}
                          </option>
                        ))}
                      </select>{' '}
                      {a.hoe && <span className="wijkweb-hint">{t(`cognos.afhandelingHoe.${a.hoe}`)}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </section>
      )}
      {p.kiesGebied.length > 0 && (
        <div className="wijkweb-inline-form">
          <label className="utrecht-form-label" htmlFor="cognos-gebied">
            {t('cognos.welkGebied')}
          </label>
          <select
            id="cognos-gebied"
            className="utrecht-select utrecht-select--html-select"
            value={options.gebied ?? ''}
            onChange={(e) => e.target.value && onOptions({ ...options, gebied: e.target.value })}
          >
            <option value="">{t('cognos.kies')}</option>
            {p.kiesGebied.map((g) => (
              <option key={g.code} value={g.code}>
                {g.naam} ({g.code})
              </option>
            ))}
          </select>
        </div>
      )}
      {p.tabelIndeling.length > 0 && (
        <details className="wijkweb-details" data-testid="cognos-kolommen">
          <summary>{t('cognos.kolommenControleren')}</summary>
          <Paragraph className="wijkweb-hint">{t('cognos.kolommenUitleg')}</Paragraph>
          {p.tabelIndeling.map((tabel) => (
            <Table
              key={`${tabel.sheet}-${tabel.rij}`}
              caption={t('cognos.tabelOp', { werkblad: tabel.sheet, rij: tabel.rij })}
            >
              <tbody className="utrecht-table__body">
                {tabel.kolommen.map((k) => {
                  const value = k.rol === 'maat' ? `maat:${k.maat ?? 'aantal'}` : k.rol;
                  return (
                    <tr key={k.kop} className={tr}>
                      <th scope="row" className={th}>
                        {k.kop}
                      </th>
                      <td className={td}>
                        <select
                          aria-label={t('cognos.betekenis', { kop: k.kop })}
                          className="utrecht-select utrecht-select--html-select"
                          value={value}
                          onChange={(e) => {
                            const v = e.target.value;
                            const override = v.startsWith('maat:')
                              ? { rol: 'maat' as const, maat: v.slice(5) }
                              : { rol: v as Exclude<typeof k.rol, 'label' | 'maat'> };
                            const current = options.kolommen ?? {};
                            onOptions({
                              ...options,
                              kolommen: {
                                ...current,
                                [tabel.vingerafdruk]: { ...(current[tabel.vingerafdruk] ?? {}), [k.kop]: override },
                              },
                            });
                          }}
                        >
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {t(`cognos.rol.${r.replace(':', '_')}`)}
                            </option>
                          ))}
                          {value === 'label' && <option value="label">{t('cognos.rol.label')}</option>}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          ))}
        </details>
      )}
      {p.voorbeeldRijen.length > 0 && (
        <Table caption={t('cognos.rijenTabel', { aantal: p.voorbeeldRijen.length, totaal: p.metingen })}>
          <TableHead
            columns={[t('cognos.gebied'), t('cognos.wat'), t('cognos.wanneer'), t('cognos.aantal'), t('cognos.plek')]}
          />
          <tbody className="utrecht-table__body" data-testid="cognos-rijen">
            {p.voorbeeldRijen.map((r) => (
              <tr key={`${r.blad}|${r.rij}|${r.maat}|${wat(r)}|${r.moment}`} className={tr}>
                <td className={td}>{r.gebied}</td>
                <td className={td}>{wat(r)}</td>
                <td className={td}>{moment(r.moment)}</td>
                <td className={tdNum}>{getal(r.waarde, r.onderdrukt, r.maat)}</td>
                <td className={td}>{t('plek.rij', { rij: r.rij })}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {p.problemen.length > 0 && <IssueList issues={p.problemen} fouten={p.fouten} waarschuwingen={p.waarschuwingen} />}
      <ImportChoices eerderGeimporteerd={p.eerderGeimporteerd} options={options} onOptions={onOptions} />
      {p.overlappend > 0 && (
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t('cognos.overlap', { aantal: p.overlappend })}
          </legend>
          {(['vervangen', 'beide'] as const).map((v) => (
            <label key={v} className="wijkweb-radio">
              <input
                type="radio"
                name="overlap"
                checked={options.overlap === v}
                onChange={() => onOptions({ ...options, overlap: v })}
              />
              {t(`cognos.overlap_${v}`)}
            </label>
          ))}
          <p className="utrecht-paragraph" data-testid="cognos-overlap-vergelijking">
            {p.overlapVerschillend === 0
              ? t('cognos.overlapGelijk', { aantal: p.overlappend })
              : t('cognos.overlapVerschillend', { aantal: p.overlapVerschillend, totaal: p.overlappend })}
          </p>
          {p.overlapVoorbeelden.length > 0 && (
            <Table caption={t('cognos.overlapTabel')}>
              <TableHead
                columns={[
                  t('cognos.gebied'),
                  t('cognos.wat'),
                  t('cognos.wanneer'),
                  t('cognos.inProject'),
                  t('cognos.inDitBestand'),
                ]}
              />
              <tbody className="utrecht-table__body">
                {p.overlapVoorbeelden.map((r) => (
                  <tr key={`${r.blad}|${r.rij}|${wat(r)}|${r.moment}`} className={tr}>
                    <td className={td}>{r.gebied}</td>
                    <td className={td}>{wat(r)}</td>
                    <td className={td}>{moment(r.moment)}</td>
                    <td className={tdNum}>{getal(r.inProject ?? null, r.inProject === null, r.maat)}</td>
                    <td className={tdNum}>{getal(r.waarde, r.onderdrukt, r.maat)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {options.overlap === 'beide' && (
            <div className="utrecht-alert utrecht-alert--warning" role="alert" data-testid="cognos-dubbel">
              <p className="utrecht-paragraph">{t('cognos.dubbelTellen', { aantal: p.overlappend })}</p>
            </div>
          )}
        </fieldset>
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
