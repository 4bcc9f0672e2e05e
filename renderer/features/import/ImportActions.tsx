import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, CheckboxField, Paragraph } from '../../components/ui';

/** The end of every import preview: progress while it runs, Importeren, and Annuleren or Stoppen. */
export function ImportActions({
  canImport,
  running,
  progress,
  onImport,
  onCancel,
}: {
  canImport: boolean;
  running: boolean;
  progress: { gedaan: number; totaal: number } | null;
  onImport: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {running && (
        <div className="wijkweb-progress" role="status">
          <span>{t('import.bezig')}</span>
          <progress
            aria-label={t('meldingen.voortgang')}
            max={progress?.totaal || undefined}
            value={progress?.totaal ? progress.gedaan : undefined}
          />
        </div>
      )}
      <ButtonGroup>
        <Button appearance="primary" disabled={!canImport || running} onClick={onImport}>
          {t('import.importeren')}
        </Button>
        <Button onClick={onCancel}>{running ? t('import.stoppen') : t('nieuwProject.annuleren')}</Button>
      </ButtonGroup>
      {!canImport && !running && <Paragraph className="wijkweb-hint">{t('import.nogNiet')}</Paragraph>}
    </>
  );
}

/**
 * The choices under a preview's problems: leave out the rows with errors (when there are any) and import again a
 * file that was imported before.
 */
export function ImportChoices<O extends { readonly foutenOverslaan?: boolean; readonly opnieuw?: boolean }>({
  foutRijen = 0,
  eerderGeimporteerd,
  options,
  onOptions,
}: {
  foutRijen?: number;
  eerderGeimporteerd: string | null;
  options: O;
  onOptions: (o: O) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {foutRijen > 0 && (
        <CheckboxField
          checked={!!options.foutenOverslaan}
          onChange={(foutenOverslaan) => onOptions({ ...options, foutenOverslaan })}
        >
          {t('partners.overslaan', { aantal: foutRijen })}
        </CheckboxField>
      )}
      {eerderGeimporteerd && (
        <CheckboxField checked={!!options.opnieuw} onChange={(opnieuw) => onOptions({ ...options, opnieuw })}>
          {t('import.opnieuw', { datum: eerderGeimporteerd })}
        </CheckboxField>
      )}
    </>
  );
}

/** What every import preview gets from the import page. */
export interface ImportPreviewProps<P, O> {
  readonly preview: P;
  readonly options: O;
  readonly running: boolean;
  readonly progress: { gedaan: number; totaal: number } | null;
  readonly onOptions: (o: O) => void;
  readonly onImport: () => void;
  readonly onCancel: () => void;
}
