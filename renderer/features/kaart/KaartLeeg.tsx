/** The Kaart without a map yet: how to get one, and the way to Importeren. */
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from '../../components/ui';

export function KaartLeeg({ onImport }: { onImport: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="wijkweb-card wijkweb-empty" aria-labelledby="kaart-leeg" data-testid="kaart-leeg">
      <Heading level={2} id="kaart-leeg">
        {t('kaart.leegTitel')}
      </Heading>
      <Paragraph>{t('kaart.leegUitleg')}</Paragraph>
      <ol className="wijkweb-steps">
        <li>{t('kaart.leegStap1')}</li>
        <li>{t('kaart.leegStap2')}</li>
        <li>{t('kaart.leegStap3')}</li>
      </ol>
      <Button appearance="primary" onClick={onImport}>
        {t('kaart.naarImporteren')}
      </Button>
    </section>
  );
}
