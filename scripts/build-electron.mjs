/**
 * Bundles Electron main and preload into dist-electron/ (CommonJS, as Electron loads them). The sandboxed preload
 * may only require 'electron', so everything else is bundled in.
 */
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: false,
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
console.log('dist-electron/main.cjs en dist-electron/preload.cjs gebouwd');
