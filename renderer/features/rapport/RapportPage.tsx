import { useTranslation } from 'react-i18next';
import { Heading } from '../../components/ui';

/** The stuurgroep report: choose gebieden, peildatum and sections; preview; PDF, xlsx and plates. */
export function RapportPage() {
  const { t } = useTranslation();
  return (
    <div className="wijkweb-page" data-testid="rapport-pagina">
      <Heading level={1}>{t('nav.rapport')}</Heading>
    </div>
  );
}
