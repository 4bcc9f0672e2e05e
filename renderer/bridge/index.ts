import type { BridgeApi } from '../../shared/contract';
import { createDefaultBrowserBridge } from './browser';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    readonly wijkweb?: BridgeApi;
  }
}

let bridge: BridgeApi | null = null;

/** The desktop bridge when running in Electron, otherwise the browser implementation. */
export function getBridge(): BridgeApi {
  bridge ??= window.wijkweb ?? createDefaultBrowserBridge();
  return bridge;
}
