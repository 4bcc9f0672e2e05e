import '@utrecht/component-library-css/dist/index.css';
import '@utrecht/design-tokens/dist/theme.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { getBridge } from './bridge';
import { initI18n } from './i18n';
import { StoreProvider } from './state/context';
import { createAppStore } from './state/store';
import { listenToProgress, projectWorker } from './worker/client';

/** The voorbeeldproject served with the app (renderer/public/demo), or null when this build has none. */
async function loadVoorbeeld(): Promise<Uint8Array | null> {
  try {
    const response = await fetch('./demo/voorbeeldproject.wijkweb');
    if (!response.ok) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A dev server answers a missing file with index.html: only an SQLite file is a project.
    const header = new TextDecoder().decode(bytes.subarray(0, 15));
    return header === 'SQLite format 3' ? bytes : null;
  } catch {
    return null;
  }
}

async function start() {
  await initI18n();
  const bridge = getBridge();
  const store = createAppStore({ bridge, worker: projectWorker(), loadVoorbeeld });
  await listenToProgress((event) => store.getState().actions.setProgress(event));
  await store.getState().actions.init();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root ontbreekt');
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <App bridge={bridge} />
      </StoreProvider>
    </StrictMode>,
  );
  document.body.dataset.ready = 'true';
}

void start();
