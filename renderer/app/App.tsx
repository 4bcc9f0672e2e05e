// Over 300 lines: the app shell (menus, drop to open, first start, tour, views) shares one state; not split yet.
import { useCallback, useEffect, useRef, useState } from 'react';
import type * as NetwerkModule from '../features/netwerk/NetwerkPage';
import { createPortal } from 'react-dom';
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
import { PilotPage } from '../features/pilot/PilotPage';
import { SamenwerkenPage } from '../features/samenwerken/SamenwerkenPage';
import { Header } from './Header';
import { Notices } from './Notices';
import { StatusBar } from './StatusBar';
import { isTextEntry, undoShortcut } from './shortcuts';
import { RapportPage } from '../features/rapport/RapportPage';
import { Presentatie } from '../features/presentatie/Presentatie';
import { Rondleiding } from '../features/rondleiding/Rondleiding';
import { HelpPage } from '../features/help/HelpPage';
import { HelpContext } from '../features/help/Begrip';
import {
  AANGEBODEN_KEY,
  GEZIEN_KEY,
  STAPPEN,
  browserOpslag,
  laatsteMeldingId,
  lees,
  meldGeenVoorbeeld,
  moetVoorbeeldAanbieden,
  onthoud,
} from '../features/rondleiding/logic';

// The Netwerk view brings Cytoscape along: loaded when you first open it, or earlier when the app has nothing to do.
let netwerkModule: typeof NetwerkModule | null = null;
const loadNetwerkPage = () =>
  import('../features/netwerk/NetwerkPage').then((m) => {
    netwerkModule = m;
    return m;
  });

/**
 * The Netwerk view, its code fetched on first use. Not React.lazy with Suspense: that suspends on the first render
 * even when the code is already here and then shows the page no sooner than 300 ms after its fallback (React's
 * throttle); here the page shows in the same render when loaded, else as soon as its code is.
 */
function NetwerkView(props: Parameters<typeof NetwerkModule.NetwerkPage>[0]) {
  const { t } = useTranslation();
  const [module, setModule] = useState(netwerkModule);
  const [fout, setFout] = useState(false);
  useEffect(() => {
    if (module) return;
    let weg = false;
    loadNetwerkPage().then(
      (m) => !weg && setModule(m),
      (err: unknown) => {
        console.error(err);
        if (!weg) setFout(true);
      },
    );
    return () => {
      weg = true;
    };
  }, [module]);
  if (fout)
    return (
      <p className="utrecht-paragraph" role="alert">
        {t('netwerk.ladenMislukt')}
      </p>
    );
  if (!module) return <p className="utrecht-paragraph">{t('netwerk.laden')}</p>;
  return <module.NetwerkPage {...props} />;
}

type View =
  | 'overzicht'
  | 'gegevens'
  | 'netwerk'
  | 'kaart'
  | 'hiaten'
  | 'pilot'
  | 'rapport'
  | 'samenwerken'
  | 'importeren'
  | 'gebieden'
  | 'metingen';
const VIEWS: readonly View[] = [
  'overzicht',
  'gegevens',
  'netwerk',
  'kaart',
  'hiaten',
  'pilot',
  'rapport',
  'samenwerken',
  'importeren',
  'gebieden',
  'metingen',
];

const OPEN_PROJECT_KEY = 'wijkweb.open-project';

/** The project open in this window before a reload, with its view; null when none (or storage is off). */
function leesOpenProject(): { readonly id: string; readonly view: View } | null {
  try {
    const raw = sessionStorage.getItem(OPEN_PROJECT_KEY);
    const v = raw ? (JSON.parse(raw) as { id?: unknown; view?: unknown }) : null;
    if (v && typeof v.id === 'string' && VIEWS.includes(v.view as View)) return { id: v.id, view: v.view as View };
  } catch {
    // Nothing remembered: a reload shows the start page.
  }
  return null;
}

function onthoudOpenProject(open: { readonly id: string; readonly view: View } | null): void {
  try {
    if (open) sessionStorage.setItem(OPEN_PROJECT_KEY, JSON.stringify(open));
    else sessionStorage.removeItem(OPEN_PROJECT_KEY);
  } catch {
    // Not remembered: at worst a reload shows the start page.
  }
}

export function App({ bridge }: { bridge: BridgeApi }) {
  const { t } = useTranslation();
  const project = useApp((s) => s.project);
  const busy = useApp((s) => s.busy);
  const platform = useApp((s) => s.platform);
  const actions = useActions();
  const store = useStoreApi();
  const [creating, setCreating] = useState(false);
  // The view belongs to the project it was chosen in: another project (a new one too) starts on the Overzicht with
  // its first steps, except the project that was open before a reload, which gets its view back.
  const [keuze, setKeuze] = useState<{ readonly projectId: string | null; readonly view: View }>(() => {
    const open = leesOpenProject();
    return open ? { projectId: open.id, view: open.view } : { projectId: null, view: 'overzicht' };
  });
  const view: View = project && keuze.projectId === project.ref.id ? keuze.view : 'overzicht';
  const setView = useCallback(
    (v: View) => setKeuze({ projectId: store.getState().project?.ref.id ?? null, view: v }),
    [store],
  );
  const [aboutOpen, setAboutOpen] = useState(false);
  // The handleiding, open at a place (a view's part, or a term); n makes the same place scroll again.
  const [help, setHelp] = useState<{ readonly id: string; readonly n: number } | null>(null);
  const openHelp = useCallback((id: string) => setHelp((h) => ({ id, n: (h?.n ?? 0) + 1 })), []);
  // Files dropped anywhere on the window go to Importeren (which tells them apart by their contents).
  const [dropped, setDropped] = useState<readonly File[] | null>(null);
  const [sleept, setSleept] = useState(false);
  const [presenting, setPresenting] = useState(false);
  // The tour's step, for the project it was started in (it disappears when that project is closed).
  const [tour, setTour] = useState<{ readonly stap: number; readonly projectId: string } | null>(null);

  const startNew = () => {
    void actions.closeProject().then(() => setCreating(true));
  };

  /** Presentation mode, only with a project open. */
  const presenteren = () => {
    if (store.getState().project) setPresenting(true);
  };
  /** A step of the tour shows its view. */
  const naarStap = (stap: number) => {
    const project = store.getState().project;
    const doel = STAPPEN[stap];
    if (!project || !doel) return;
    setTour({ stap, projectId: project.ref.id });
    setView(doel.view);
  };
  const sluitRondleiding = () => {
    onthoud(browserOpslag(), GEZIEN_KEY);
    setTour(null);
  };
  /** Help → Rondleiding: in the open project, or else in the voorbeeldproject. */
  const rondleiding = async () => {
    const voor = laatsteMeldingId(store.getState().notices);
    if (!store.getState().project && !(await actions.openVoorbeeld())) {
      if (meldGeenVoorbeeld(store.getState().notices, voor)) {
        actions.notify({ kind: 'info', text: { key: 'rondleiding.geenVoorbeeld' } });
      }
      return;
    }
    naarStap(0);
  };
  // The menu listener below is set up once: it reaches these through a ref.
  const commands = useRef({ presenteren, rondleiding });
  useEffect(() => {
    commands.current = { presenteren, rondleiding };
  });

  // A reload (and F5 in the desktop app) keeps the open project and its view: remembered for this window only
  // (sessionStorage), forgotten when the project is closed.
  const hadProject = useRef(false);
  useEffect(() => {
    if (project) {
      hadProject.current = true;
      onthoudOpenProject({ id: project.ref.id, view });
    } else if (hadProject.current) {
      onthoudOpenProject(null);
    }
  }, [project, view]);

  // First start: no project, nothing recent, not offered before → open the voorbeeldproject and start the tour.
  const firstStartChecked = useRef(false);
  useEffect(() => {
    if (!platform || firstStartChecked.current) return;
    firstStartChecked.current = true;
    const s = store.getState();
    const open = leesOpenProject();
    const vorig = open ? s.recent.find((r) => r.ref.id === open.id) : undefined;
    if (!s.project && vorig) {
      // A file on disk in browser mode may need the browser's permission again, which only a click can give: then
      // the start page says so, with the project at the top of the list.
      if (platform.kind === 'browser' && vorig.storage === 'bestand') {
        actions.notify({
          kind: 'info',
          text: { key: 'start.verderMet', params: { naam: vorig.ref.fileName.replace(/\.wijkweb$/i, '') } },
        });
      } else void actions.openRecent(vorig.ref.id);
      return;
    }
    const opslag = browserOpslag();
    const aanbieden = moetVoorbeeldAanbieden({
      projectOpen: s.project !== null,
      recent: s.recent.length,
      aangeboden: lees(opslag, AANGEBODEN_KEY),
    });
    if (!aanbieden) return;
    onthoud(opslag, AANGEBODEN_KEY);
    void actions.openVoorbeeld().then((ok) => {
      const project = store.getState().project;
      if (ok && project && !lees(opslag, GEZIEN_KEY)) {
        setTour({ stap: 0, projectId: project.ref.id });
        setView(STAPPEN[0].view);
      }
    });
  }, [platform, actions, store, setView]);

  // With a project open, fetch the Netwerk view's code in a quiet moment, so opening it is quick.
  useEffect(() => {
    if (!project) return;
    const timer = setTimeout(() => void loadNetwerkPage().catch(() => undefined), 1500);
    return () => clearTimeout(timer);
  }, [project]);

  // Samenwerken: the team status (connection, waiting changes, teammates' changes taken in) every 1.5 s.
  useEffect(() => {
    if (!project) return;
    void actions.refreshTeam();
    const timer = setInterval(() => void actions.refreshTeam(), 1500);
    return () => clearInterval(timer);
  }, [project?.ref.id, actions]); // eslint-disable-line react-hooks/exhaustive-deps

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
        case 'samenwerken':
          return setView('samenwerken');
        case 'presentatie':
          return commands.current.presenteren();
        case 'rondleiding':
          return void commands.current.rondleiding();
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
      if (document.querySelector('dialog[open], .wijkweb-presentatie')) return;
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

  // F1 opens the handleiding at the part of the view you are on.
  const f1 = useRef(() => {});
  useEffect(() => {
    f1.current = () => openHelp(store.getState().project ? view : 'start');
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F1' || e.defaultPrevented) return;
      e.preventDefault();
      f1.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Drag and drop a file anywhere on the window: with a project open (and writable), it is imported.
  useEffect(() => {
    const metBestanden = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const kan = () => {
      const s = store.getState();
      return !!s.project && !s.project.readOnly && !s.busy;
    };
    const onOver = (e: DragEvent) => {
      if (!metBestanden(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = kan() ? 'copy' : 'none';
      setSleept(kan());
    };
    const onLeave = (e: DragEvent) => {
      if (!e.relatedTarget) setSleept(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!metBestanden(e)) return;
      // The drop zone on Importeren takes its own drops.
      const alGenomen = e.defaultPrevented;
      e.preventDefault();
      setSleept(false);
      if (alGenomen) return;
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0 || !kan()) return;
      setView('importeren');
      setDropped(files);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);

  // Browser mode: F5 presents the open project (the desktop menu has F5 itself). Without a project F5 reloads as usual.
  useEffect(() => {
    if (platform?.kind !== 'browser') return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F5' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.defaultPrevented) return;
      if (!store.getState().project) return;
      e.preventDefault();
      setPresenting(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [platform, store]);

  return (
    <HelpContext.Provider value={openHelp}>
      <div className="wijkweb-app" inert={presenting}>
        <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
          {t('app.naarInhoud')}
        </a>
        <Header
          onNewProject={startNew}
          onPresenteren={presenteren}
          onRondleiding={() => void rondleiding()}
          onSamenwerken={() => {
            setHelp(null);
            setView('samenwerken');
          }}
          onHandleiding={() => openHelp(project ? view : 'start')}
          onOver={() => setAboutOpen(true)}
        />
        <div className={project ? 'wijkweb-body' : 'wijkweb-body wijkweb-body--start'}>
          {project && (
            <nav className="wijkweb-nav" aria-label={t('nav.label')}>
              <ul className="wijkweb-nav__list">
                {VIEWS.map((v) => (
                  <li key={v}>
                    <button
                      className="wijkweb-nav__link"
                      aria-current={view === v && !help ? 'page' : undefined}
                      onClick={() => {
                        setHelp(null);
                        setView(v);
                      }}
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
            {help && <HelpPage doel={help} onSluiten={() => setHelp(null)} />}
            {!help && (
              <button
                type="button"
                className="wijkweb-help-knop"
                onClick={() => openHelp(project ? view : 'start')}
                aria-label={t('help.bijPagina', { pagina: project ? t(`nav.${view}`) : t('start.titel') })}
                title={t('help.bijPagina', { pagina: project ? t(`nav.${view}`) : t('start.titel') })}
                data-testid="help-knop"
              >
                ?
              </button>
            )}
            {!help && !project && <StartPage creating={creating} setCreating={setCreating} />}
            {!help && project && view === 'overzicht' && (
              <OverzichtPage onImport={() => setView('importeren')} onRondleiding={() => naarStap(0)} />
            )}
            {!help && project && view === 'importeren' && (
              <ImportPage
                onShowGebieden={() => setView('gebieden')}
                onShowMetingen={() => setView('metingen')}
                onShowGegevens={() => setView('gegevens')}
                onShowKaart={() => setView('kaart')}
                dropped={dropped}
                onDroppedTaken={() => setDropped(null)}
              />
            )}
            {!help && project && view === 'metingen' && <MetingenPage />}
            {!help && project && view === 'gebieden' && <GebiedenPage />}
            {!help && project && view === 'gegevens' && <GegevensPage />}
            {!help && project && view === 'netwerk' && (
              // "Bewerken" opens Gegevens; opening the item's own form there needs a hook in GegevensPage.
              <NetwerkView key={project.ref.id} onBewerken={() => setView('gegevens')} />
            )}
            {!help && project && view === 'kaart' && <KaartPage onImport={() => setView('importeren')} />}
            {!help && project && view === 'hiaten' && <HiatenPage onImport={() => setView('importeren')} />}
            {!help && project && view === 'pilot' && <PilotPage />}
            {!help && project && view === 'rapport' && <RapportPage />}
            {!help && project && view === 'samenwerken' && <SamenwerkenPage />}
          </main>
        </div>
        <StatusBar />
        {sleept && (
          <div className="wijkweb-sleep-overlay" aria-hidden="true">
            <p>{t('import.loslaten')}</p>
          </div>
        )}
        {project && tour && tour.projectId === project.ref.id && (
          <Rondleiding stap={tour.stap} onStap={naarStap} onSluiten={sluitRondleiding} />
        )}
        {/* Outside the app's element, which is inert meanwhile; over everything. */}
        {presenting && project && createPortal(<Presentatie onClose={() => setPresenting(false)} />, document.body)}
      </div>
    </HelpContext.Provider>
  );
}
