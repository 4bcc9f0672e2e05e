/**
 * The settings of the gap analysis: the three thresholds (each with its meaning in one sentence), the weight of the
 * measured demand and of each CBS signal. Saved in the project as one step that Ctrl+Z undoes. The demand rules
 * (which Cognos counts are demand for which leefgebied) are shown, so the model is transparent.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HiatenInstellingen } from '../../../shared/contract';
import { STANDAARD_INSTELLINGEN } from '../../../shared/analysis/hiaten';
import { ErrorSummary, type SummaryItem } from '../../components/form';
import { Button, ButtonGroup, Heading, Paragraph, Table, TableHead, TextField, td, th, tr } from '../../components/ui';
import { useActions, useApp } from '../../state/context';
import { errorMessage, savedNotice } from '../gegevens/form-helpers';
import { controleerInstellingen, naarWaarden, type InstellingWaarden as Waarden } from './logic';

export function InstellingenPanel({
  instellingen,
  leefgebieden,
  doelgroepLabel,
}: {
  instellingen: HiatenInstellingen;
  leefgebieden: readonly { code: string; label: string }[];
  doelgroepLabel: (code: string) => string;
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const [waarden, setWaarden] = useState<Waarden>(() => naarWaarden(instellingen));
  const [problemen, setProblemen] = useState<{ veld: string; sleutel: string }[]>([]);
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const lg = (code: string) => leefgebieden.find((l) => l.code === code)?.label ?? code;
  const veldId = (veld: string) => `hiaten-instelling-${veld}`;
  const foutVoor = (veld: string) => {
    const p = problemen.find((x) => x.veld === veld);
    return p ? t(p.sleutel) : null;
  };
  const summary: SummaryItem[] = [
    ...problemen.map((p) => ({ target: veldId(p.veld), message: t(p.sleutel) })),
    ...(fout ? [{ target: null, message: fout }] : []),
  ];
  const zet = (key: Exclude<keyof Waarden, 'signalen' | 'referenties'>) => (e: { target: { value: string } }) =>
    setWaarden((w) => ({ ...w, [key]: e.target.value }));
  const zetRef = (regel: string, veld: 'per1000' | 'bron' | 'peildatum') => (e: { target: { value: string } }) =>
    setWaarden((w) => {
      const huidig = w.referenties[regel] ?? { per1000: '', bron: '', peildatum: '' };
      return { ...w, referenties: { ...w.referenties, [regel]: { ...huidig, [veld]: e.target.value } } };
    });

  const opslaan = async () => {
    setFout(null);
    const checked = controleerInstellingen(instellingen, waarden);
    if (!checked.ok) {
      setProblemen(checked.problemen);
      requestAnimationFrame(() => document.getElementById('hiaten-instellingen-fouten')?.focus());
      return;
    }
    setProblemen([]);
    setBezig(true);
    const result = await actions.saveHiatenInstellingen(checked.instellingen);
    setBezig(false);
    if (!result.ok) {
      setFout(errorMessage(t, result.error));
      requestAnimationFrame(() => document.getElementById('hiaten-instellingen-fouten')?.focus());
      return;
    }
    setWaarden(naarWaarden(result.value));
    actions.notify(savedNotice('hiaten.instellingen.opgeslagen', {}));
  };

  return (
    <form
      className="wijkweb-form wijkweb-hiaten-instellingen"
      noValidate
      aria-labelledby="hiaten-instellingen-titel"
      onSubmit={(e) => {
        e.preventDefault();
        if (!readOnly && !bezig) void opslaan();
      }}
    >
      <Heading level={2} id="hiaten-instellingen-titel">
        {t('hiaten.instellingen.titel')}
      </Heading>
      <Paragraph>{t('hiaten.instellingen.intro')}</Paragraph>
      <ErrorSummary id="hiaten-instellingen-fouten" title={t('bewerken.foutTitel')} items={summary} />
      <Heading level={3}>{t('hiaten.instellingen.drempels')}</Heading>
      <div className="wijkweb-form-row wijkweb-form-row--top">
        {(['aandacht', 'hiaat', 'ernstig'] as const).map((k) => (
          <TextField
            key={k}
            id={veldId(k)}
            label={t(`hiaten.instellingen.drempel.${k}`)}
            description={t(`hiaten.instellingen.betekenis.${k}`)}
            inputMode="decimal"
            autoComplete="off"
            value={waarden[k]}
            onChange={zet(k)}
            error={foutVoor(k)}
            disabled={readOnly}
          />
        ))}
      </div>
      <Heading level={3}>{t('hiaten.instellingen.referenties')}</Heading>
      <Paragraph className="wijkweb-hint">{t('hiaten.instellingen.referentiesUitleg')}</Paragraph>
      {instellingen.vraag.map((r, i) => {
        const ref = waarden.referenties[r.naam] ?? { per1000: '', bron: '', peildatum: '' };
        return (
          <fieldset key={r.naam} className="wijkweb-fieldset">
            <legend className="utrecht-form-fieldset__legend">{r.naam}</legend>
            <div className="wijkweb-form-row wijkweb-form-row--top">
              <TextField
                id={veldId(`ref-${i}-per1000`)}
                label={t('hiaten.instellingen.refPer1000')}
                inputMode="decimal"
                autoComplete="off"
                value={ref.per1000}
                onChange={zetRef(r.naam, 'per1000')}
                error={foutVoor(`ref-${i}-per1000`)}
                disabled={readOnly}
              />
              <TextField
                id={veldId(`ref-${i}-bron`)}
                label={t('hiaten.instellingen.refBron')}
                description={t('hiaten.instellingen.refBronUitleg')}
                autoComplete="off"
                value={ref.bron}
                onChange={zetRef(r.naam, 'bron')}
                error={foutVoor(`ref-${i}-bron`)}
                disabled={readOnly}
              />
              <TextField
                id={veldId(`ref-${i}-peildatum`)}
                label={t('hiaten.instellingen.refPeildatum')}
                type="date"
                value={ref.peildatum}
                onChange={zetRef(r.naam, 'peildatum')}
                error={foutVoor(`ref-${i}-peildatum`)}
                disabled={readOnly}
              />
            </div>
          </fieldset>
        );
      })}
      <Heading level={3}>{t('hiaten.instellingen.niveausTitel')}</Heading>
      <Paragraph className="wijkweb-hint">{t('hiaten.instellingen.niveausUitleg')}</Paragraph>
      <div className="wijkweb-form-row wijkweb-form-row--top">
        {(
          [
            ['absAandachtPer1000', 'aandachtPer1000'],
            ['absAandachtAantal', 'aandachtAantal'],
            ['absHiaatPer1000', 'hiaatPer1000'],
            ['absHiaatAantal', 'hiaatAantal'],
          ] as const
        ).map(([veld, label]) => (
          <TextField
            key={veld}
            id={veldId(veld)}
            label={t(`hiaten.instellingen.niveau.${label}`)}
            inputMode="decimal"
            autoComplete="off"
            value={waarden[veld]}
            onChange={zet(veld)}
            error={foutVoor(veld)}
            disabled={readOnly}
          />
        ))}
      </div>
      <Heading level={3}>{t('hiaten.instellingen.gewichten')}</Heading>
      <Paragraph className="wijkweb-hint">{t('hiaten.instellingen.gewichtenUitleg')}</Paragraph>
      <TextField
        id={veldId('vraagGewicht')}
        label={t('hiaten.instellingen.vraagGewicht')}
        description={t('hiaten.instellingen.vraagGewichtUitleg')}
        inputMode="decimal"
        autoComplete="off"
        value={waarden.vraagGewicht}
        onChange={zet('vraagGewicht')}
        error={foutVoor('vraagGewicht')}
        disabled={readOnly}
      />
      {instellingen.signalen.map((s, i) => (
        <TextField
          key={s.naam}
          id={veldId(`signaal-${i}`)}
          label={t('hiaten.instellingen.signaalGewicht', { naam: s.naam })}
          description={t('hiaten.instellingen.signaalUitleg', {
            leefgebieden: s.leefgebieden.map(lg).join(', '),
            doelgroep: s.doelgroep ? doelgroepLabel(s.doelgroep) : t('hiaten.alleDoelgroepen').toLowerCase(),
          })}
          inputMode="decimal"
          autoComplete="off"
          value={waarden.signalen[i] ?? ''}
          onChange={(e) =>
            setWaarden((w) => ({ ...w, signalen: w.signalen.map((x, j) => (j === i ? e.target.value : x)) }))
          }
          error={foutVoor(`signaal-${i}`)}
          disabled={readOnly}
        />
      ))}
      {!readOnly && (
        <ButtonGroup>
          <Button appearance="primary" type="submit" disabled={bezig}>
            {t('hiaten.instellingen.opslaan')}
          </Button>
          <Button
            onClick={() => {
              setProblemen([]);
              setWaarden(
                naarWaarden({
                  ...STANDAARD_INSTELLINGEN,
                  vraag: instellingen.vraag,
                  referenties: instellingen.referenties ?? [],
                  signalen: instellingen.signalen.map(
                    (s) => STANDAARD_INSTELLINGEN.signalen.find((x) => x.naam === s.naam) ?? { ...s, gewicht: 1 },
                  ),
                }),
              );
            }}
          >
            {t('hiaten.instellingen.standaard')}
          </Button>
          <Button
            onClick={() => {
              setProblemen([]);
              setWaarden(naarWaarden(instellingen));
            }}
          >
            {t('hiaten.instellingen.herstel')}
          </Button>
        </ButtonGroup>
      )}
      <Paragraph className="wijkweb-hint">{t('hiaten.instellingen.ongedaan')}</Paragraph>
      <Heading level={3}>{t('hiaten.instellingen.regels')}</Heading>
      <Paragraph className="wijkweb-hint">{t('hiaten.instellingen.regelsUitleg')}</Paragraph>
      <Table caption={t('hiaten.instellingen.regelsCaption')}>
        <TableHead
          columns={[
            t('hiaten.instellingen.regelNaam'),
            t('hiaten.instellingen.regelTelt'),
            t('hiaten.instellingen.regelLeefgebieden'),
            t('hiaten.instellingen.regelDoelgroep'),
          ]}
        />
        <tbody className="utrecht-table__body">
          {instellingen.vraag.map((r) => (
            <tr key={r.naam} className={tr}>
              <th scope="row" className={th}>
                {r.naam}
              </th>
              <td className={td}>
                {[
                  t(`hiaten.maat.${r.maat}`, { defaultValue: r.maat }),
                  r.wet,
                  r.ondersteuningsbehoefte?.length
                    ? t('hiaten.instellingen.niveaus', { niveaus: r.ondersteuningsbehoefte.join(', ') })
                    : null,
                  r.vorm ? t(`hiaten.vorm.${r.vorm}`) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </td>
              <td className={td}>{r.leefgebieden.map(lg).join(', ')}</td>
              <td className={td}>{r.doelgroep ? doelgroepLabel(r.doelgroep) : t('hiaten.alleDoelgroepen')}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </form>
  );
}
