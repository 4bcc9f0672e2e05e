import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Paragraph } from '../../components/ui';

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
