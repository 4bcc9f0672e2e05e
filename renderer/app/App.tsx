import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeApi, MenuCommand } from '../../shared/contract';
import { changeLanguage } from '../i18n';
import { useActions, useApp, useStoreApi } from '../state/context';
import { OverzichtPage } from '../features/overzicht/OverzichtPage';
import { StartPage } from '../features/start/StartPage';
import { ImportPage } from '../features/import/ImportPage';
import { GebiedenPage } from '../features/gebieden/GebiedenPage';
import { MetingenPage } from '../features/metingen/MetingenPage';
import { GegevensPage } from '../features/gegevens/GegevensPage';
import { HiatenPage } from '../features/hiaten/HiatenPage';
import { KaartPage } from '../features/kaart/KaartPage';
import { Header } from './Header';
import { Notices } from './Notices';
import { StatusBar } from './StatusBar';
import { isTextEntry, undoShortcut } from './shortcuts';
import { RapportPage } from '../features/rapport/RapportPage';

// The Netwerk view brings Cytoscape along: loaded when you first open it, or earlier when the app has nothing to do.
const loadNetwerkPage = () => import('../features/netwerk/NetwerkPage');
const NetwerkPage = lazy(() => loadNetwerkPage().then((m) => ({ default: m.NetwerkPage })));

type View =
  | 'overzicht'
  | 'gegevens'
  | 'netwerk'
  | 'kaart'
  | 'hiaten'
  | 'rapport'
  | 'importeren'
  | 'gebieden'
  | 'metingen';
const VIEWS: readonly View[] = [
  'overzicht',
  'gegevens',
  'netwerk',
  'kaart',
  'hiaten',
  'rapport',
  'importeren',
  'gebieden',
  'metingen',
];

export function App({ bridge }: { bridge: BridgeApi }) {
  const { t } = useTranslation();
  const project = useApp((s) => s.project);
  const busy = useApp((s) => s.busy);
  const platform = useApp((s) => s.platform);
  const actions = useActions();
  const store = useStoreApi();
  const [creating, setCreating] = useState(false);
  const [view, setView] = useState<View>('overzicht');
  const [aboutOpen, setAboutOpen] = useState(false);

  const startNew = () => {
    void actions.closeProject().then(() => setCreating(true));
  };

  // With a project open, fetch the Netwerk view's code in a quiet moment, so opening it is quick.
  useEffect(() => {
    if (!project) return;
    const timer = setTimeout(() => void loadNetwerkPage().catch(() => undefined), 1500);
    return () => clearTimeout(timer);
  }, [project]);

  // Native menu (desktop), window close, file association.
  useEffect(() => {
    const onCommand = (command: MenuCommand) => {
      switch (command) {
        case 'nieuw':
          return startNew();
        case 'openen':
          return void actions.openProject();
        case 'opslaan':
          return void actions.saveNow();
        case 'opslaan-als':
          return void actions.saveAs();
        case 'kopie-opslaan':
          return void actions.saveCopy();
        case 'sluiten':
          return void actions.closeProject();
        case 'taal-nl':
          return void changeLanguage('nl');
        case 'taal-en':
          return void changeLanguage('en');
        case 'over':
          return setAboutOpen(true);
        case 'rapport':
          return setView('rapport');
        case 'ongedaan-maken':
        case 'opnieuw':
          // In a text field the menu undoes the typing; elsewhere the last change to the project.
          if (isTextEntry(document.activeElement)) {
            document.execCommand(command === 'ongedaan-maken' ? 'undo' : 'redo');
            return;
          }
          return void (command === 'ongedaan-maken' ? actions.undo() : actions.redo());
      }
    };
    const offMenu = bridge.onMenuCommand(onCommand);
    const offClose = bridge.onCloseRequested(() => {
      void actions.saveNow().finally(() => void bridge.confirmClose());
    });
    const offOpen = bridge.onOpenRequested((id) => void actions.openRecent(id));
    return () => {
      offMenu();
      offClose();
      offOpen();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge, actions]);

  // Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) undo and redo changes to the project, except while typing in a field (there
  // the browser undoes the typing) and while a dialog is open (its form is not saved yet).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const which = undoShortcut(e);
      if (!which || e.defaultPrevented || isTextEntry(e.target)) return;
      const s = store.getState();
      if (!s.project || s.project.readOnly || s.busy) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      void (which === 'undo' ? actions.undo() : actions.redo());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, store]);

  // Browser mode: Ctrl+S saves; leaving the page with unsaved work asks first and saves what it can.
  useEffect(() => {
    if (platform?.kind !== 'browser') return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void actions.saveNow();
      }
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') void actions.saveNow();
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      const s = store.getState().saveStatus;
      if (s === 'gewijzigd' || s === 'bezig') {
        void actions.saveNow();
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [platform, actions, store]);

  return (
    <div className="wijkweb-app">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
        {t('app.naarInhoud')}
      </a>
      <Header onNewProject={startNew} />
      <div className={project ? 'wijkweb-body' : 'wijkweb-body wijkweb-body--start'}>
        {project && (
          <nav className="wijkweb-nav" aria-label={t('nav.label')}>
            <ul className="wijkweb-nav__list">
              {VIEWS.map((v) => (
                <li key={v}>
                  <button
                    className="wijkweb-nav__link"
                    aria-current={view === v ? 'page' : undefined}
                    onClick={() => setView(v)}
                  >
                    {t(`nav.${v}`)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="inhoud" className="wijkweb-main" tabIndex={-1}>
          <Notices />
          {busy && busy.taak !== 'importeren' && (
            <div className="wijkweb-progress" role="status">
              <span>{t(`meldingen.bezig.${busy.taak}`)}</span>
              <progress
                aria-label={t('meldingen.voortgang')}
                max={busy.totaal || undefined}
                value={busy.totaal ? busy.gedaan : undefined}
              />
            </div>
          )}
          {aboutOpen && (
            <section className="wijkweb-card" aria-labelledby="over-titel">
              <h2 id="over-titel" className="utrecht-heading-2">
                {t('over.titel')}
              </h2>
              <p className="utrecht-paragraph">{t('over.versie', { versie: platform?.appVersion ?? '' })}</p>
              <p className="utrecht-paragraph">{t('over.opslag', { plek: platform?.backupLocation ?? '' })}</p>
              <button className="utrecht-button utrecht-button--secondary-action" onClick={() => setAboutOpen(false)}>
                {t('meldingen.sluiten')}
              </button>
            </section>
          )}
          {!project && <StartPage creating={creating} setCreating={setCreating} />}
          {project && view === 'overzicht' && <OverzichtPage onImport={() => setView('importeren')} />}
          {project && view === 'importeren' && (
            <ImportPage
              onShowGebieden={() => setView('gebieden')}
              onShowMetingen={() => setView('metingen')}
              onShowGegevens={() => setView('gegevens')}
              onShowKaart={() => setView('kaart')}
            />
          )}
          {project && view === 'metingen' && <MetingenPage />}
          {project && view === 'gebieden' && <GebiedenPage />}
          {project && view === 'gegevens' && <GegevensPage />}
          {project && view === 'netwerk' && (
            <Suspense fallback={<p className="utrecht-paragraph">{t('netwerk.laden')}</p>}>
              {/* "Bewerken" opens Gegevens; opening the item's own form there needs a hook in GegevensPage. */}
              <NetwerkPage key={project.ref.id} onBewerken={() => setView('gegevens')} />
            </Suspense>
          )}
          {project && view === 'kaart' && <KaartPage onImport={() => setView('importeren')} />}
          {project && view === 'hiaten' && <HiatenPage onImport={() => setView('importeren')} />}
          {project && view === 'rapport' && <RapportPage />}
        </main>
      </div>
      <StatusBar />
    </div>
  );
}
