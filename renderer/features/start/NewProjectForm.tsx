import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { projectNameSchema } from '../../../shared/model/project';
import { Button, ButtonGroup, Heading, TextField } from '../../components/ui';
import { useActions } from '../../state/context';

export function NewProjectForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const actions = useActions();
  const [naam, setNaam] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!projectNameSchema.safeParse(naam).success) {
      setError(t('fout.project.naam-ongeldig'));
      return;
    }
    setBusy(true);
    const created = await actions.newProject(naam);
    setBusy(false);
    if (created) onDone();
  };

  return (
    <section className="wijkweb-card" aria-labelledby="nieuw-project-titel">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Heading level={2} id="nieuw-project-titel">
          {t('nieuwProject.titel')}
        </Heading>
        <TextField
          label={t('nieuwProject.naam')}
          description={t('nieuwProject.naamUitleg')}
          error={error}
          value={naam}
          autoFocus
          maxLength={120}
          name="projectnaam"
          onChange={(e) => {
            setNaam(e.target.value);
            setError(null);
          }}
        />
        <ButtonGroup>
          <Button appearance="primary" type="submit" disabled={busy} aria-busy={busy}>
            {t('nieuwProject.maken')}
          </Button>
          <Button onClick={onDone}>{t('nieuwProject.annuleren')}</Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
