import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { Repo, cbor, type DocumentId, type PeerId, type StorageAdapterInterface } from '@automerge/automerge-repo';
import { WebSocketServerAdapter } from '@automerge/automerge-repo-network-websocket';
import { NodeFSStorageAdapter } from '@automerge/automerge-repo-storage-nodefs';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The team server (issue 19): the automerge-repo server pattern (Repo + WebSocket server adapter + NodeFS storage) in
 * one Node process, with what automerge-repo does not have: a per-project invite token checked on the HTTP upgrade
 * before the socket reaches the repo (an unknown token is refused with 401/403 and logged), a connection may only
 * reach the document its token is for, and limits on message size and connections. TLS comes from the gemeente's
 * reverse proxy (wss://). Tokens: `tokens.json` in the storage folder, per document the sha256 of its token. A new
 * project's token is registered the first time it is presented with `delen=1` (by `team delen`); when the server is
 * started with an aanmeldcode, that registration also needs `aanmelden=<code>`.
 */
export interface TeamServerOpties {
  readonly port: number;
  readonly host?: string;
  readonly opslag: string;
  /** Largest WebSocket message in bytes (default 32 MB). */
  readonly maxBericht?: number;
  /** Simultaneous connections (default 200). */
  readonly maxVerbindingen?: number;
  /** When set, registering a new project needs this code too. */
  readonly aanmeldcode?: string;
  readonly log?: (regel: string) => void;
}

export interface TeamServer {
  readonly port: number;
  readonly repo: Repo;
  verbindingen(): number;
  close(): Promise<void>;
}

const sha = (t: string) => createHash('sha256').update(t).digest();

export async function startTeamServer(o: TeamServerOpties): Promise<TeamServer> {
  const log = o.log ?? ((r: string) => console.log(`${new Date().toISOString()} ${r}`));
  mkdirSync(join(o.opslag, 'documenten'), { recursive: true });
  const tokensPad = join(o.opslag, 'tokens.json');
  let tokens: Record<string, string> = {};
  try {
    tokens = JSON.parse(readFileSync(tokensPad, 'utf8')) as Record<string, string>;
  } catch {
    tokens = {};
  }
  const bewaarTokens = () => {
    writeFileSync(`${tokensPad}.tmp`, JSON.stringify(tokens, null, 2));
    renameSync(`${tokensPad}.tmp`, tokensPad);
  };

  const maxVerbindingen = o.maxVerbindingen ?? 200;
  const wss = new WebSocketServer({ noServer: true, maxPayload: o.maxBericht ?? 32 * 1024 * 1024 });
  /** Which document each connected peer may reach (bound at its first message, a join). */
  const peerDocument = new Map<string, string>();
  const mag = async (peer: PeerId, doc?: DocumentId) => doc !== undefined && peerDocument.get(peer) === doc;
  // automerge-repo saves a peer's sync state on a throttle that can fire after shutdown: once the server is closed
  // its storage takes no more writes (they would land in a folder that may be gone, or race the next server).
  let gesloten = false;
  const schijf = new NodeFSStorageAdapter(join(o.opslag, 'documenten'));
  // automerge-repo writes on its own timers and does not catch: a failed write (disk full, folder gone) would be an
  // unhandled rejection that stops the server. It is logged instead; the members keep their changes and send them
  // again on their next sync.
  const schrijf = (wat: string, k: readonly string[], p: Promise<void>) =>
    p.catch((e: unknown) => {
      if (!gesloten) log(`opslag: ${wat} van ${k.join('/')} mislukt: ${e instanceof Error ? e.message : String(e)}`);
    });
  const storage: StorageAdapterInterface = {
    load: (k) => schijf.load(k),
    loadRange: (k) => schijf.loadRange(k),
    save: (k, d) => (gesloten ? Promise.resolve() : schrijf('bewaren', k, schijf.save(k, d))),
    remove: (k) => (gesloten ? Promise.resolve() : schrijf('verwijderen', k, schijf.remove(k))),
    removeRange: (k) => (gesloten ? Promise.resolve() : schrijf('verwijderen', k, schijf.removeRange(k))),
  };
  const repo = new Repo({
    network: [new WebSocketServerAdapter(wss as never)],
    storage,
    peerId: `wijkweb-server-${process.pid}` as PeerId,
    shareConfig: { announce: mag, access: mag },
  });

  const weiger = (socket: Duplex, status: number, tekst: string, req: IncomingMessage, reden: string) => {
    log(`geweigerd ${status} ${req.socket.remoteAddress ?? '?'}: ${reden}`);
    socket.write(`HTTP/1.1 ${status} ${tekst}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  };

  /**
   * The token check of a connection (the upgrade) and of the access question on `…/toegang` (see below: a
   * browser cannot read the status of a refused upgrade, so the app asks here first). A first share registers its
   * token (`delen=1`, with the aanmeldcode when the server has one).
   */
  const toegang = (
    url: URL,
    wie: string,
  ): { status: 200 } | { status: 401 | 403 | 503; tekst: string; reden: string } => {
    const document = url.searchParams.get('document');
    const token = url.searchParams.get('token');
    if (wss.clients.size >= maxVerbindingen)
      return { status: 503, tekst: 'Service Unavailable', reden: 'te veel verbindingen' };
    if (!document || !token || !/^[A-Za-z0-9]{10,64}$/.test(document))
      return { status: 401, tekst: 'Unauthorized', reden: 'geen document of token' };
    const bekend = tokens[document];
    if (bekend) {
      const a = Buffer.from(bekend, 'hex');
      const b = sha(token);
      if (a.length !== b.length || !timingSafeEqual(a, b))
        return { status: 403, tekst: 'Forbidden', reden: `onjuist token voor ${document}` };
    } else if (
      url.searchParams.get('delen') === '1' &&
      (!o.aanmeldcode || url.searchParams.get('aanmelden') === o.aanmeldcode)
    ) {
      tokens[document] = sha(token).toString('hex');
      bewaarTokens();
      log(`nieuw project ${document} aangemeld door ${wie}`);
    } else {
      return { status: 403, tekst: 'Forbidden', reden: `onbekend project ${document}` };
    }
    return { status: 200 };
  };

  const server: Server = createServer((_req, res) => {
    res.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Wijkweb teamserver: verbind met WebSocket.\n');
  });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => {});
    const url = new URL(req.url ?? '/', 'http://x');
    const document = url.searchParams.get('document')!;
    const t = toegang(url, req.socket.remoteAddress ?? '?');
    if (url.pathname.endsWith('/toegang')) {
      // The access question of the app: a browser cannot read the status of a refused upgrade, so this socket is
      // let in only to say 'ok' or 'geweigerd' and is closed; it never reaches the repo.
      if (t.status !== 200 && t.status !== 503)
        log(`geweigerd ${t.status} ${req.socket.remoteAddress ?? '?'}: ${t.reden}`);
      if (t.status === 503) return weiger(socket, t.status, t.tekst, req, t.reden);
      wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
        ws.on('error', () => {});
        ws.send(t.status === 200 ? 'ok' : 'geweigerd', () => ws.close());
      });
      return;
    }
    if (t.status !== 200) return weiger(socket, t.status, t.tekst, req, t.reden);
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      let peer: string | null = null;
      // Before the adapter sees a message: the socket is bound to the peer id of its join and to its document.
      ws.on('message', (data: Buffer) => {
        let bericht: { senderId?: string };
        try {
          bericht = cbor.decode(new Uint8Array(data)) as { senderId?: string };
        } catch {
          ws.terminate();
          return;
        }
        const sender = String(bericht.senderId ?? '');
        if (peer === null) {
          const eerder = peerDocument.get(sender);
          if (eerder !== undefined && eerder !== document) {
            log(`geweigerd: peer ${sender} wisselt van document`);
            ws.terminate();
            return;
          }
          peer = sender;
          peerDocument.set(sender, document);
        } else if (sender !== peer) {
          log(`geweigerd: peer ${peer} stuurt als ${sender}`);
          ws.terminate();
        }
      });
      ws.on('close', () => {
        if (peer !== null && peerDocument.get(peer) === document) peerDocument.delete(peer);
      });
      wss.emit('connection', ws, req);
    });
  });

  await new Promise<void>((resolve) => server.listen(o.port, o.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  log(`Wijkweb teamserver luistert op ${o.host ?? '127.0.0.1'}:${port}, opslag ${o.opslag}`);
  return {
    port,
    repo,
    verbindingen: () => wss.clients.size,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await repo.flush().catch(() => {});
      await repo.shutdown().catch(() => {});
      gesloten = true;
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
