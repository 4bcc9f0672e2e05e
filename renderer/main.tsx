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

async function start() {
  await initI18n();
  const bridge = getBridge();
  const store = createAppStore({ bridge, worker: projectWorker() });
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
