import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNT_KEYS, type CountKey } from '../../../shared/contract';
import {
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  Table,
  TextField,
  td,
  tdNum,
  th,
  thNum,
  tr,
} from '../../components/ui';
import { useActions, useApp } from '../../state/context';
import { VOORBEELD_NAAM } from '../../state/store';
import { formatDate, formatDateTime, formatNumber } from '../../format';
import { isVoorbeeld } from '../rondleiding/logic';
import { MetBegrippen } from '../help/Begrip';

/** Counts shown on the Overzicht; the default taxonomies are explained in a sentence instead. */
const SHOWN: readonly CountKey[] = COUNT_KEYS.filter((k) => k !== 'taxonomieItems' && k !== 'bronnen');

/** The three imports that give a first picture, each done when its data is in the project. */
const EERSTE_STAPPEN = [
  { id: 'cbs', klaar: (c: Record<CountKey, number>) => c.buurten > 0 },
  { id: 'cognos', klaar: (c: Record<CountKey, number>) => c.metingen > 0 },
  { id: 'partners', klaar: (c: Record<CountKey, number>) => c.organisaties > 0 },
] as const;

export function OverzichtPage({ onImport, onRondleiding }: { onImport: () => void; onRondleiding?: () => void }) {
  const { t, i18n } = useTranslation();
  const project = useApp((s) => s.project);
  const actions = useActions();
  const [renaming, setRenaming] = useState(false);
  const [naam, setNaam] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!project) return null;
  const o = project.overview;
  const dataCount = SHOWN.reduce((sum, k) => sum + o.counts[k], 0);
  const stappenKlaar = EERSTE_STAPPEN.map((s) => s.klaar(o.counts));
  const voorbeeld = isVoorbeeld(project.ref.fileName, VOORBEELD_NAAM);
  const lang = i18n.language;

  const rename = async (e: React.FormEvent) => {
    e.preventDefault();
    const err = await actions.renameProject(naam);
    if (err) setError(t(`fout.${err.code}`, err.params));
    else setRenaming(false);
  };

  return (
    <div className="wijkweb-page">
      <div className="wijkweb-page__title">
        <Heading level={1} data-testid="project-naam">
          {o.naam}
        </Heading>
        {!project.readOnly && !renaming && (
          <Button
            appearance="subtle"
            onClick={() => {
              setNaam(o.naam);
              setError(null);
              setRenaming(true);
            }}
          >
            {t('overzicht.naamWijzigen')}
          </Button>
        )}
      </div>
      {renaming && (
        <form className="wijkweb-card" onSubmit={(e) => void rename(e)} noValidate>
          <TextField
            label={t('nieuwProject.naam')}
            value={naam}
            error={error}
            autoFocus
            maxLength={120}
            onChange={(e) => {
              setNaam(e.target.value);
              setError(null);
            }}
          />
          <ButtonGroup>
            <Button appearance="primary" type="submit">
              {t('overzicht.naamOpslaan')}
            </Button>
            <Button onClick={() => setRenaming(false)}>{t('nieuwProject.annuleren')}</Button>
          </ButtonGroup>
        </form>
      )}
      <Paragraph className="wijkweb-meta">
        {t('overzicht.aangemaakt', { datum: formatDate(o.aangemaakt, lang) })} ·{' '}
        {t('overzicht.bestandsversie', { versie: o.schemaVersion })}
      </Paragraph>

      {voorbeeld && (
        <p className="wijkweb-voorbeeld-info" data-testid="voorbeeld-info">
          {t('voorbeeld.info')}{' '}
          {onRondleiding && (
            <button className="utrecht-link-button utrecht-link-button--html-button" onClick={onRondleiding}>
              {t('voorbeeld.rondleiding')}
            </button>
          )}
        </p>
      )}

      {stappenKlaar.some((klaar) => !klaar) && (
        <section className="wijkweb-card wijkweb-empty" aria-labelledby="leeg-titel" data-testid="eerste-stappen">
          <Heading level={2} id="leeg-titel">
            {dataCount === 0 ? t('overzicht.leegTitel') : t('eersteStappen.titel')}
          </Heading>
          <Paragraph>{t('eersteStappen.intro')}</Paragraph>
          <ol className="wijkweb-eerste-stappen">
            {EERSTE_STAPPEN.map((stap, i) => {
              const klaar = stappenKlaar[i];
              return (
                <li
                  key={stap.id}
                  className={klaar ? 'wijkweb-eerste-stap wijkweb-eerste-stap--klaar' : 'wijkweb-eerste-stap'}
                  data-testid={`eerste-stap-${stap.id}`}
                  data-klaar={klaar ? 'ja' : 'nee'}
                >
                  <span className="wijkweb-eerste-stap__teken" aria-hidden="true">
                    {klaar ? '✓' : i + 1}
                  </span>
                  <div className="wijkweb-eerste-stap__tekst">
                    <strong>{t(`eersteStappen.${stap.id}.titel`)}</strong>{' '}
                    <span className="wijkweb-eerste-stap__status">
                      ({klaar ? t('eersteStappen.klaar') : t('eersteStappen.nietKlaar')})
                    </span>
                    <br />
                    <MetBegrippen tekst={t(`eersteStappen.${stap.id}.uitleg`)} />
                  </div>
                  {!project.readOnly && !klaar && (
                    <Button appearance={i === stappenKlaar.indexOf(false) ? 'primary' : 'secondary'} onClick={onImport}>
                      {t(`eersteStappen.${stap.id}.knop`)}
                    </Button>
                  )}
                </li>
              );
            })}
          </ol>
          {dataCount === 0 && <Paragraph>{t('overzicht.taxonomieen')}</Paragraph>}
        </section>
      )}

      <section aria-labelledby="gegevens-titel">
        <Heading level={2} id="gegevens-titel">
          {t('overzicht.gegevens')}
        </Heading>
        <Table caption={t('overzicht.gegevens')}>
          <thead className="utrecht-table__header">
            <tr className={tr}>
              <th scope="col" className={th}>
                {t('overzicht.soort')}
              </th>
              <th scope="col" className={thNum}>
                {t('overzicht.aantal')}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {SHOWN.map((k) => (
              <tr key={k} className={tr} data-testid={`telling-${k}`}>
                <th scope="row" className={th}>
                  {t(`telling.${k}`)}
                </th>
                <td className={tdNum}>{formatNumber(o.counts[k], lang)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>

      <section aria-labelledby="bronnen-titel">
        <Heading level={2} id="bronnen-titel">
          {t('overzicht.bronnen')}
        </Heading>
        {o.bronnen.length === 0 ? (
          <Paragraph>{t('overzicht.geenBronnen')}</Paragraph>
        ) : (
          <Table caption={t('overzicht.bronnen')}>
            <thead className="utrecht-table__header">
              <tr className={tr}>
                <th scope="col" className={th}>
                  {t('overzicht.bron')}
                </th>
                <th scope="col" className={th}>
                  {t('overzicht.bronSoort')}
                </th>
                <th scope="col" className={th}>
                  {t('overzicht.datum')}
                </th>
                <th scope="col" className={thNum}>
                  {t('overzicht.rijen')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {o.bronnen.map((b) => (
                <tr key={b.id} className={tr}>
                  <td className={td}>{b.bestandsnaam ?? '—'}</td>
                  <td className={td}>{t(`bronSoort.${b.soort}`, { defaultValue: b.soort })}</td>
                  <td className={td}>{formatDateTime(b.geimporteerdOp, lang)}</td>
                  <td className={tdNum}>{formatNumber(b.rijenGeimporteerd, lang)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </div>
  );
}
