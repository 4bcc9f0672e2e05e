/**
 * "Waarom dit oordeel?": the account of one cell. What it rests on (Cognos, CBS care figures, CBS demography), and
 * per demand rule the counts that made it (product, value, file, moment), the gemeente reference with its source (or
 * why there is none and which fixed level applied), and a way to leave out a count that looks wrong.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HiaatCel, VraagDeel } from '../../../shared/contract';
import { Button, Heading, Paragraph } from '../../components/ui';
import { useActions } from '../../state/context';
import { errorMessage } from '../gegevens/form-helpers';
import { datumTekst } from './logic';

export function Verantwoording({ cel, kanWijzigen }: { cel: HiaatCel; kanWijzigen: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en-GB' : 'nl-NL';
  const num1 = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const actions = useActions();
  const [fout, setFout] = useState<string | null>(null);
  const moment = (d: VraagDeel) =>
    d.moment
      ? d.moment.soort === 'peildatum'
        ? t('hiaten.account.peildatum', { datum: datumTekst(d.moment.tot, i18n.language) })
        : t('hiaten.account.periode', {
            van: datumTekst(d.moment.van ?? d.moment.tot, i18n.language),
            tot: datumTekst(d.moment.tot, i18n.language),
          })
      : '';
  const wissel = async (id: number, uit: boolean) => {
    setFout(null);
    const r = await actions.setMetingUitgesloten(id, uit);
    if (!r.ok) setFout(errorMessage(t, r.error));
  };
  const basis = cel.basis.map((b) => t(`hiaten.basis.${b}`)).join(', ');
  return (
    <section aria-labelledby="hiaat-waarom" data-testid="hiaat-verantwoording">
      <Heading level={3} id="hiaat-waarom">
        {t('hiaten.account.titel')}
      </Heading>
      <Paragraph>
        {cel.basis.length ? t('hiaten.account.basis', { basis }) : t('hiaten.account.geenBasis')}
        {cel.basis.length === 1 && cel.basis[0] === 'cbs-demografie' ? ` ${t('hiaten.account.alleenDemografie')}` : ''}
      </Paragraph>
      {fout && (
        <p className="utrecht-form-field-error-message" role="alert">
          {fout}
        </p>
      )}
      {cel.delen.map((d) => (
        <div key={d.regel} className="wijkweb-hiaat-deel">
          <h4 className="wijkweb-h4">{`${d.regel} (${moment(d)})`}</h4>
          <ul className="wijkweb-hiaat-details__lijst">
            {d.metingen.map((m, i) => (
              <li key={m.id ?? i} data-uitgesloten={m.uitgesloten || undefined}>
                {t('hiaten.account.telling', {
                  product: m.product ?? d.regel,
                  aantal: m.onderdrukt ? '<5' : (m.waarde ?? '—'),
                  bestand: m.bron ?? '—',
                })}{' '}
                <span className={m.uitgesloten || m.controleer ? 'wijkweb-hiaat-deel__let-op' : 'wijkweb-hint'}>
                  {m.uitgesloten
                    ? t('hiaten.account.uitgesloten')
                    : m.controleer
                      ? t(`hiaten.account.controleer.${m.controleer}`)
                      : t('hiaten.account.telt')}
                </span>
                {kanWijzigen && m.id !== null && (m.uitgesloten || m.controleer) && (
                  <>
                    {' '}
                    <Button appearance="subtle" onClick={() => void wissel(m.id!, !m.uitgesloten)}>
                      {m.uitgesloten ? t('hiaten.account.weerMeetellen') : t('hiaten.account.weglaten')}
                    </Button>
                  </>
                )}
              </li>
            ))}
          </ul>
          <p className="utrecht-paragraph">
            {d.afgeschermd
              ? t('hiaten.account.afgeschermd')
              : d.per1000 !== null
                ? t('hiaten.account.per1000', { aantal: d.aantal, per1000: num1.format(d.per1000) })
                : t('hiaten.account.zonderInwoners', { aantal: d.aantal })}{' '}
            {d.referentie
              ? t(`hiaten.account.referentie.${d.referentie.bron}`, {
                  per1000: num1.format(d.referentie.per1000),
                  bron: d.referentie.omschrijving,
                  datum: d.referentie.peildatum ? datumTekst(d.referentie.peildatum, i18n.language) : '—',
                })
              : t('hiaten.account.geenReferentie')}{' '}
            {!d.referentie && (d.niveau ? t(`hiaten.account.niveau.${d.niveau}`) : t('hiaten.account.onderNiveau'))}
          </p>
        </div>
      ))}
    </section>
  );
}
