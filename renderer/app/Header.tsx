import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/ui';
import { changeLanguage } from '../i18n';
import { useActions, useApp } from '../state/context';
import { PRESENTEREN_KNOP_ID } from '../features/presentatie/Presentatie';

/**
 * The kopbalk: app name, project name, Presenteren, the Bestand and Help menus (every command has a button) and the
 * language.
 */
export function Header({
  onNewProject,
  onPresenteren,
  onRondleiding,
  onHandleiding,
  onOver,
  onSamenwerken,
}: {
  onNewProject: () => void;
  onPresenteren: () => void;
  onRondleiding: () => void;
  onHandleiding: () => void;
  onOver: () => void;
  onSamenwerken: () => void;
}) {
  const { t, i18n } = useTranslation();
  const project = useApp((s) => s.project);
  const platform = useApp((s) => s.platform);
  const undo = useApp((s) => s.undo);
  const busy = useApp((s) => s.busy);
  const actions = useActions();

  return (
    <header className="wijkweb-header">
      <div className="wijkweb-header__brand">
        <span className="wijkweb-logo" aria-hidden="true">
          ◇
        </span>
        <span className="wijkweb-header__app">{t('app.naam')}</span>
        {project && (
          <span className="wijkweb-header__project" data-testid="header-project">
            {project.overview.naam}
          </span>
        )}
      </div>
      <div className="wijkweb-header__tools">
        {project && !project.readOnly && (
          <div className="wijkweb-undo" role="group" aria-label={t('ongedaan.groep')}>
            <Button
              className="wijkweb-undo__button"
              data-testid="ongedaan-maken"
              disabled={!undo.ongedaanMaken || busy !== null}
              aria-label={
                undo.ongedaanMaken
                  ? t('ongedaan.ongedaanMakenWat', { omschrijving: undo.ongedaanMaken })
                  : t('ongedaan.ongedaanMaken')
              }
              title={
                undo.ongedaanMaken
                  ? `${t('ongedaan.ongedaanMakenWat', { omschrijving: undo.ongedaanMaken })} (Ctrl+Z)`
                  : t('ongedaan.nietsOngedaan')
              }
              onClick={() => void actions.undo()}
            >
              <span aria-hidden="true">↶</span> {t('ongedaan.ongedaanMaken')}
            </Button>
            <Button
              className="wijkweb-undo__button"
              data-testid="opnieuw-doen"
              disabled={!undo.opnieuw || busy !== null}
              aria-label={
                undo.opnieuw ? t('ongedaan.opnieuwWat', { omschrijving: undo.opnieuw }) : t('ongedaan.opnieuw')
              }
              title={
                undo.opnieuw
                  ? `${t('ongedaan.opnieuwWat', { omschrijving: undo.opnieuw })} (Ctrl+Y)`
                  : t('ongedaan.nietsOpnieuw')
              }
              onClick={() => void actions.redo()}
            >
              <span aria-hidden="true">↷</span> {t('ongedaan.opnieuw')}
            </Button>
          </div>
        )}
        {project && (
          <Button
            id={PRESENTEREN_KNOP_ID}
            className="wijkweb-header__presenteren"
            onClick={onPresenteren}
            title={`${t('presentatie.presenteren')} (F5)`}
            data-testid="presenteren"
          >
            <span aria-hidden="true">▶</span> {t('presentatie.presenteren')}
          </Button>
        )}
        <KopMenu id="bestand-menu" label={t('menu.bestand')}>
          {(run) => (
            <>
              <button role="menuitem" className="wijkweb-menu__item" onClick={run(onNewProject)}>
                {t('menu.nieuw')}
              </button>
              <button role="menuitem" className="wijkweb-menu__item" onClick={run(actions.openProject)}>
                {t('menu.openen')}
              </button>
              <button
                role="menuitem"
                className="wijkweb-menu__item"
                disabled={!project || project.readOnly}
                onClick={run(actions.saveNow)}
              >
                {t('menu.opslaan')} <kbd>Ctrl+S</kbd>
              </button>
              <button role="menuitem" className="wijkweb-menu__item" disabled={!project} onClick={run(actions.saveAs)}>
                {t('menu.opslaanAls')}
              </button>
              <button
                role="menuitem"
                className="wijkweb-menu__item"
                disabled={!project}
                onClick={run(actions.saveCopy)}
              >
                {platform?.kind === 'browser' ? t('menu.downloaden') : t('menu.kopieOpslaan')}
              </button>
              <button
                role="menuitem"
                className="wijkweb-menu__item"
                disabled={!project}
                onClick={run(onSamenwerken)}
                data-testid="menu-samenwerken"
              >
                {t('menu.samenwerken')}
              </button>
              <button
                role="menuitem"
                className="wijkweb-menu__item"
                disabled={!project}
                onClick={run(actions.closeProject)}
              >
                {t('menu.sluiten')}
              </button>
            </>
          )}
        </KopMenu>
        <KopMenu id="help-menu" label={t('menu.help')}>
          {(run) => (
            <>
              <button role="menuitem" className="wijkweb-menu__item" onClick={run(onHandleiding)}>
                {t('help.menu')} <kbd>F1</kbd>
              </button>
              <button role="menuitem" className="wijkweb-menu__item" onClick={run(onRondleiding)}>
                {t('rondleiding.menu')}
              </button>
              <button role="menuitem" className="wijkweb-menu__item" onClick={run(onOver)}>
                {t('over.titel')}
              </button>
            </>
          )}
        </KopMenu>
        <label className="wijkweb-language">
          <span className="wijkweb-visually-hidden">{t('taal.kies')}</span>
          <select
            className="utrecht-select utrecht-select--html-select"
            value={i18n.language}
            onChange={(e) => void changeLanguage(e.target.value === 'en' ? 'en' : 'nl')}
          >
            <option value="nl">{t('taal.nl')}</option>
            <option value="en">{t('taal.en')}</option>
          </select>
        </label>
      </div>
    </header>
  );
}

/** A menu button in the kopbalk: opens a list of menu items; arrows move, Esc closes and returns to the button. */
function KopMenu({
  id,
  label,
  children,
}: {
  id: string;
  label: string;
  /** The items; `run(fn)` closes the menu and runs fn. */
  children: (run: (fn: () => unknown) => () => void) => ReactNode;
}) {
  const [menuOpen, setMenuOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!menuOpen) return;
    const first = menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]');
    first?.focus();
    const onDown = (e: MouseEvent) => {
      if (!menuRef.current?.parentElement?.contains(e.target as Node)) setMenuOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [menuOpen]);

  const run = (fn: () => unknown) => () => {
    setMenuOpen(false);
    void fn();
  };

  const onMenuKey = (e: React.KeyboardEvent) => {
    const items = [
      ...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? []),
    ];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      setMenuOpen(false);
      menuRef.current?.parentElement?.querySelector<HTMLButtonElement>('button')?.focus();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      items[(index + 1) % items.length]?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      items[(index - 1 + items.length) % items.length]?.focus();
    }
  };

  return (
    <div className="wijkweb-menu">
      <Button aria-haspopup="menu" aria-expanded={menuOpen} aria-controls={id} onClick={() => setMenuOpen((o) => !o)}>
        {label} ▾
      </Button>
      {menuOpen && (
        <div id={id} role="menu" aria-label={label} className="wijkweb-menu__list" ref={menuRef} onKeyDown={onMenuKey}>
          {children(run)}
        </div>
      )}
    </div>
  );
}
