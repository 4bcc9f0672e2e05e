import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { Alert, Paragraph } from '../../components/ui';
import { errorMessage } from './form-helpers';

/** An error above a table or in a dialog: a worker error (by its code) or a text of its own. */
export function ErrorText({ error }: { error: AppError | string | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert type="error">
      <Paragraph>{typeof error === 'string' ? error : errorMessage(t, error)}</Paragraph>
    </Alert>
  );
}
