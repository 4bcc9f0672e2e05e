import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveAppRequest } from '../../electron/app-protocol';
import { APP_ORIGIN } from '../../electron/security';

/**
 * Serves the built UI (dist/) over http on loopback with exactly the path rules and headers (CSP) of the
 * desktop app's app:// protocol handler, so the e2e tests run what the desktop app would load.
 */
export async function startServer(
  root = join(process.cwd(), 'dist'),
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/__test__/eval-probe.js') {
      const decision = resolveAppRequest(join(process.cwd(), 'tests', 'e2e', 'probe'), `${APP_ORIGIN}/eval-probe.js`);
      if (decision.status === 200) {
        void readFile(decision.path).then((body) => res.writeHead(200, decision.headers).end(body));
        return;
      }
    }
    const decision = resolveAppRequest(root, `${APP_ORIGIN}${req.url ?? '/'}`);
    if (decision.status !== 200) {
      res.writeHead(decision.status, decision.headers).end();
      return;
    }
    readFile(decision.path).then(
      (body) => res.writeHead(200, decision.headers).end(body),
      () => res.writeHead(404, decision.headers).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
