/**
 * `npm start`: builds the app and opens it in Electron. Where Electron cannot start (its binary cannot be
 * downloaded, or there is no display), it says so and opens browser mode instead: the same app, served on this
 * computer only (127.0.0.1), in your web browser.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });

if (run('npm', ['run', '-s', 'build']).status !== 0) process.exit(1);

function electronBinary() {
  try {
    return require('electron'); // the path of the binary; throws or points nowhere when it is missing
  } catch {
    return null;
  }
}

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const binary = hasDisplay && process.env.WIJKWEB_BROWSER !== '1' ? electronBinary() : null;

if (binary) {
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => {
    if (code !== 0) startBrowserMode(`Electron stopte met code ${code}.`);
  });
  child.on('error', (err) => startBrowserMode(`Electron kon niet starten (${err.message}).`));
} else {
  startBrowserMode(hasDisplay ? 'Electron is niet beschikbaar op deze computer.' : 'Er is geen beeldscherm (DISPLAY).');
}

function startBrowserMode(reason) {
  console.log(`\n${reason}\nWijkweb start in browsermodus. / Wijkweb starts in browser mode.\n`);
  const preview = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', '4173'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  preview.on('exit', (code) => process.exit(code ?? 0));
}
