import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './store';

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** Read the app state through a narrow selector. */
export function useApp<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreProvider ontbreekt');
  return useStore(store, selector);
}

/** The store itself, for event handlers that need the current state without re-rendering. */
export function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreProvider ontbreekt');
  return store;
}

export function useActions() {
  return useApp((s) => s.actions);
}
