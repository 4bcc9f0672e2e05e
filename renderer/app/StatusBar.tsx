import { useTranslation } from 'react-i18next';
import { useApp } from '../state/context';
import { formatTime } from '../format';

/** The status line at the bottom: is my work saved? (role=status, so screen readers hear changes). */
export function StatusBar() {
  const { t, i18n } = useTranslation();
  const project = useApp((s) => s.project);
  const status = useApp((s) => s.saveStatus);
  const savedAt = useApp((s) => s.savedAt);
  const team = useApp((s) => s.team);
  let text: string;
  if (!project) text = t('status.geenProject');
  else if (status === 'alleen-lezen') text = t('status.alleenLezen');
  else if (status === 'bezig') text = t('status.bezig');
  else if (status === 'gewijzigd') text = t('status.nietOpgeslagen');
  else if (status === 'mislukt') text = t('status.mislukt');
  else text = savedAt ? t('status.opgeslagen', { tijd: formatTime(savedAt, i18n.language) }) : t('status.ongewijzigd');
  return (
    <footer className="wijkweb-statusbar">
      <span role="status" data-testid="save-status" data-status={project ? status : 'geen'}>
        {text}
      </span>
      {project && team?.gedeeld && (
        <span className="wijkweb-statusbar__team" data-testid="team-statusbalk" data-verbinding={team.verbinding}>
          {[
            t(`status.team.${team.verbinding}`),
            team.online.length > 0 ? t('status.team.online', { count: team.online.length }) : null,
            team.wachtend > 0 ? t('status.team.wachtend', { count: team.wachtend }) : null,
            team.naTeKijken > 0 ? t('status.team.naTeKijken', { count: team.naTeKijken }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      )}
      {project && (
        <span className="wijkweb-statusbar__file" title={project.ref.fileName}>
          {project.ref.fileName}
        </span>
      )}
    </footer>
  );
}
