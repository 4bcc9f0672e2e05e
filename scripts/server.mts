/**
 * `npm run server -- --port 8787 --opslag MAP [--host 0.0.0.0] [--aanmeldcode CODE] [--max-bericht MB]
 * [--max-verbindingen N]`: the Wijkweb team server (see README, "Samenwerken").
 */
import { resolve } from 'node:path';
import { startTeamServer } from '../node/team-server';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(flag('port') ?? '8787');
const opslag = flag('opslag');
if (!opslag || !Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('Gebruik: npm run server -- --port 8787 --opslag MAP [--host 0.0.0.0] [--aanmeldcode CODE]');
  process.exit(1);
}
const mb = flag('max-bericht');
const max = flag('max-verbindingen');
const aanmeldcode = flag('aanmeldcode') ?? process.env.WIJKWEB_AANMELDCODE;
const server = await startTeamServer({
  port,
  host: flag('host') ?? '127.0.0.1',
  opslag: resolve(opslag),
  ...(mb ? { maxBericht: Number(mb) * 1024 * 1024 } : {}),
  ...(max ? { maxVerbindingen: Number(max) } : {}),
  ...(aanmeldcode ? { aanmeldcode } : {}),
});
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
