/// <reference lib="webworker" />
import { initializeWasm } from '@automerge/automerge/slim';
import automergeWasmUrl from '@automerge/automerge/automerge.wasm?url';
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket';
import { toegangUrl, type TeamPlatform, type Toegang } from '../../shared/sync/sessie';

/**
 * Samenwerken in the worker: the browser's WebSocket (through automerge-repo's adapter) and Automerge's WebAssembly
 * from its own file (loaded on the first shared project only; the CSP allows WebAssembly, not eval).
 */

let geladen: Promise<void> | null = null;
export const laadAutomerge = (): Promise<void> => (geladen ??= initializeWasm(automergeWasmUrl).then(() => undefined));

/** A browser cannot read the status of a refused WebSocket upgrade: the server answers on `…/toegang` instead. */
function probeer(url: string, timeoutMs: number): Promise<Toegang> {
  return new Promise((resolve) => {
    let ws: WebSocket;
    try {
      ws = new WebSocket(toegangUrl(url));
    } catch {
      resolve('onbereikbaar');
      return;
    }
    const klaar = (r: Toegang) => {
      clearTimeout(timer);
      ws.onmessage = ws.onerror = ws.onclose = null;
      try {
        ws.close();
      } catch {
        // already closed
      }
      resolve(r);
    };
    const timer = setTimeout(() => klaar('onbereikbaar'), timeoutMs);
    ws.onmessage = (e) => klaar(e.data === 'ok' ? 'ok' : 'geweigerd');
    ws.onerror = () => klaar('onbereikbaar');
    ws.onclose = () => klaar('onbereikbaar');
  });
}

function netwerk(url: string, retryMs: number): WebSocketClientAdapter {
  const adapter = new WebSocketClientAdapter(url, retryMs);
  // A send on a socket that is closing throws inside automerge-repo's sync callback and leaves the handle with an
  // outdated document (node/team/client.ts says more): dropped; after the reconnect the sync protocol sends it again.
  const send = adapter.send.bind(adapter);
  adapter.send = (message) => {
    try {
      send(message);
    } catch {
      // dropped (see above)
    }
  };
  return adapter;
}

export const browserPlatform: TeamPlatform = { netwerk, probeer };
