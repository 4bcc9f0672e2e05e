/**
 * Runs Electronegativity (doyensec) over electron/ and fails on any finding of medium severity or above.
 * Offline: the Electron version is given (-e), so it does not need the release list from the network.
 * Excluded: CSP_GLOBAL_CHECK (CSPGlobalCheck). Our policy is a constant (electron/security.ts) sent as a header by the app://
 * handler and by session.webRequest; the scanner only reads string literals, so it cannot see it. The policy is
 * checked by tests/unit/electron/security.test.ts and, as a real response header, by tests/e2e/app.spec.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const out = 'test-results/electronegativity.sarif';
// A fresh clone has no test-results/ yet: the scanner would fail writing its report (ENOENT).
mkdirSync(dirname(out), { recursive: true });
rmSync(out, { force: true });
execFileSync(
  process.execPath,
  [
    require.resolve('@doyensec/electronegativity/dist/index.js'),
    '-i',
    'electron/',
    '-s',
    'medium',
    '-r',
    '-v',
    'false',
    '-e',
    electronVersion,
    '-x',
    'CSPGlobalCheck',
    '-o',
    out,
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
const sarif = JSON.parse(readFileSync(out, 'utf8'));
const results = sarif.runs.flatMap((run) => run.results ?? []);
for (const r of results) {
  const loc = r.locations?.[0]?.physicalLocation;
  console.log(
    `${r.ruleId}: ${loc?.artifactLocation?.uri ?? '?'}:${loc?.region?.startLine ?? '?'} ${r.message?.text ?? ''}`,
  );
}
console.log(`electronegativity: ${results.length} finding(s) in electron/ (Electron ${electronVersion})`);
process.exit(results.length === 0 ? 0 : 1);
