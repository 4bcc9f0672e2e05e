/** The scenarios saved in the project (open, delete) and the name to save the current one under. */
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../shared/contract';
import { Button, ButtonGroup, Heading, Paragraph, TextField } from '../../components/ui';
import { formatDateTime } from '../../format';

export function ScenarioBewaard({
  scenarios,
  huidig,
  naam,
  onNaam,
  naamFout,
  readOnly,
  onOpen,
  onVerwijder,
  onBewaar,
}: {
  scenarios: readonly Scenario[];
  huidig: { id: number; naam: string } | null;
  naam: string;
  onNaam: (naam: string) => void;
  naamFout: string | null;
  readOnly: boolean;
  onOpen: (s: Scenario) => void;
  onVerwijder: (s: Scenario) => void;
  /** Save the open scenario again, or (alsNieuw) as a new one. */
  onBewaar: (alsNieuw: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <section className="wijkweb-card" aria-labelledby="scenario-bewaard-titel">
      <Heading level={3} id="scenario-bewaard-titel">
        {t('scenario.bewaard')}
      </Heading>
      {scenarios.length === 0 ? (
        <Paragraph className="wijkweb-hint">{t('scenario.geenBewaard')}</Paragraph>
      ) : (
        <ul className="wijkweb-plain-list wijkweb-scenario__lijst" data-testid="scenario-lijst">
          {scenarios.map((s) => (
            <li key={s.id}>
              <span className="wijkweb-scenario__naam">
                {s.naam}
                {huidig?.id === s.id && <span className="wijkweb-chip">{t('scenario.geopend')}</span>}
              </span>
              <span className="wijkweb-hint">{formatDateTime(s.gewijzigd, lang)}</span>
              <ButtonGroup>
                <Button onClick={() => onOpen(s)} aria-label={t('scenario.openenNaam', { naam: s.naam })}>
                  {t('scenario.openen')}
                </Button>
                {!readOnly && (
                  <Button
                    className="utrecht-button--danger"
                    onClick={() => onVerwijder(s)}
                    aria-label={t('scenario.verwijderenNaam', { naam: s.naam })}
                  >
                    {t('scenario.verwijderen')}
                  </Button>
                )}
              </ButtonGroup>
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <form
          className="wijkweb-inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            onBewaar(false);
          }}
        >
          <TextField
            id="scenario-naam"
            label={t('scenario.naam')}
            value={naam}
            onChange={(e) => onNaam(e.target.value)}
            error={naamFout}
            autoComplete="off"
          />
          <ButtonGroup>
            <Button appearance="primary" type="submit">
              {huidig ? t('scenario.wijzigingenBewaren') : t('scenario.bewaren')}
            </Button>
            {huidig && <Button onClick={() => onBewaar(true)}>{t('scenario.bewaarAlsNieuw')}</Button>}
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
